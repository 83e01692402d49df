"""The drug parts of an article as HTML: a disease's drug table, sortable by any column (its
headings are `#sort-COLUMN` links; choosing the sorted column again reverses it), and a drug's
approvals, marketing, biosimilars and clinical facts.

    sort = next_sort(DrugSort(), "drug")    # by drug name, A to Z
    next_sort(sort, "drug").descending      # True: the same heading again reverses
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ildesk.db.pages.types import ClinicalFacts, DiseasePage, DrugPage, DrugTableRow
from ildesk.vocab import APPROVAL_STATUS_LABEL, DISEASE_STATUS_ORDER, STATUS_LABEL, rank
from ildesk.wording import mechanism

SORT_SCHEME = "#sort-"  # an in-page anchor: it fetches nothing, opens nothing
Esc = Callable[[object], str]
Link = Callable[[str, str], str]  # (page id, text) -> a link, or the escaped text

# Each column's share of the table's width (so a drug's name is not broken mid-word in a
# narrow article).
WIDTHS = {"drug": 27, "acts-on": 14, "first": 21, "regions": 18, "status": 20}
# column id -> (heading, sort key); the mechanism reads as a second line under the drug's
# name, which leaves the five columns room enough in a reading column of ~400 px.
COLUMNS: dict[str, tuple[str, Callable[[DrugTableRow], Any]]] = {
    "drug": ("Drug", lambda r: r["drug"]["name"].casefold()),
    "acts-on": ("Acts on", lambda r: [a["name"].casefold() for a in r["acts_on"]]),
    "first": ("First approved", lambda r: (r["first_approved"] is None,
                                            r["first_approved"]["year"] if r["first_approved"]
                                            else 0)),
    "regions": ("Regions", lambda r: (-len(r["regions"]), r["regions"])),
    "status": ("Status", lambda r: rank(DISEASE_STATUS_ORDER, r["status"])),
}


class DrugSort(NamedTuple):
    """How a drug table is sorted: a column of `COLUMNS`, and whether reversed."""

    column: str = "first"
    descending: bool = False


def next_sort(current: DrugSort, column: str) -> DrugSort:
    """The sort after choosing `column`'s heading: the same column reverses, another sorts
    by it from the start (an unknown column leaves the sort as it is)."""
    if column not in COLUMNS:
        return current
    if column == current.column:
        return DrugSort(column, not current.descending)
    return DrugSort(column)


def sort_of(url: str) -> str | None:
    """The column a heading link sorts by, or None for any other link."""
    return url[len(SORT_SCHEME):] or None if url.startswith(SORT_SCHEME) else None


def sorted_rows(rows: list[DrugTableRow], sort: DrugSort) -> list[DrugTableRow]:
    key = COLUMNS[sort.column][1] if sort.column in COLUMNS else COLUMNS["first"][1]
    by_name = sorted(rows, key=COLUMNS["drug"][1])  # ties stay in name order
    return sorted(by_name, key=key, reverse=sort.descending)


def status_label(status: str) -> str:
    return APPROVAL_STATUS_LABEL.get(status) or STATUS_LABEL.get(status, status)


def first_text(row: DrugTableRow) -> str:
    first = row["first_approved"]
    return " ".join(x for x in (str(first["year"]), first["region"]) if x) if first else "—"


def disease_table(p: DiseasePage, sort: DrugSort, esc: Esc, link: Link) -> str:
    """The drug table of a disease page, or "" when no drug is approved for it."""
    if not p["drug_table"]:
        return ""
    only_for = {x["id"]: x["for"] for x in p["drugs"] if x["for"]}
    heads = []
    for column, (title, _key) in COLUMNS.items():
        mark = ""
        if column == sort.column:
            mark = "\u00a0▼" if sort.descending else "\u00a0▲"  # never a line to itself
        heads.append(f'<th align="left" width="{WIDTHS[column]}%">'
                     f'<a href="{SORT_SCHEME}{column}" title="Sort by '
                     f'{esc(title.lower())}">{esc(title)}{mark}</a></th>')
    body = []
    for r in sorted_rows(p["drug_table"], sort):
        subtypes = only_for.get(r["drug"]["id"], [])
        note = ('<br><span class="note">for ' + ", ".join(link(s["id"], s["name"])
                                                       for s in subtypes) + "</span>"
                if subtypes else "")
        cells = [link(r["drug"]["id"], r["drug"]["name"])
                 + f'<br><span class="note">{esc(mechanism(r))}</span>' + note,
                 ", ".join(link(a["id"], a["name"]) for a in r["acts_on"]),
                 esc(first_text(r)), esc(", ".join(r["regions"])),
                 esc(status_label(r["status"]))]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f'<table class="drugs" width="100%" cellspacing="0"><tr>{"".join(heads)}</tr>'
            + "".join(body) + "</table>"
            + '<p class="note">Under each drug, its mechanism. First approved: for this disease '
              "or a subtype it includes (the drug's own line then says which), anywhere. "
              "Choose a heading to sort by it; choose it again to reverse.</p>")


def clinical_facts(c: ClinicalFacts | None) -> list[tuple[str, str]]:
    """A drug's clinical facts as (label, text), in the order a drug reference gives them
    (the page and `ildesk show` both list them so); the empty ones are the caller's to skip."""
    if c is None:
        return []
    return [("Route", c["route"]), ("Dosing interval", c["dosing_interval"]),
            ("Boxed warning", c["boxed_warning"]), ("Screening", "; ".join(c["screening"])),
            ("Monitoring", "; ".join(c["monitoring"])), ("Live vaccines", c["live_vaccines"]),
            ("Pregnancy and lactation", c["pregnancy_lactation"])]


def drug_sections(p: DrugPage, esc: Esc, link: Link) -> list[tuple[str, str]]:
    """(title, HTML) of a drug page's approvals, marketing, biosimilars and clinical facts."""
    out: list[tuple[str, str]] = []
    if p["approvals"]:
        rows = []
        for a in p["approvals"]:
            status = status_label(a["status"])
            if a["ended"]:
                status += f" {a['ended']}"
            note = f'<br><span class="note">{esc(a["note"])}</span>' if a["note"] else ""
            cells = [esc(a["region"]), esc(a["regulator"]), esc(a["date"]),
                     link(a["indication"]["id"], a["indication"]["name"]) + note,
                     esc(a["population"]), esc(status)]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        heads = "".join(f'<th align="left">{h}</th>' for h in
                        ("Region", "Regulator", "Date", "Indication", "Population", "Status"))
        out.append(("Approvals", f'<table class="drugs" width="100%" cellspacing="0">'
                                 f"<tr>{heads}</tr>{''.join(rows)}</table>"))
    elif p["approvals_unlisted"]:
        out.append(("Approvals", f'<p class="note">{esc(p["approvals_unlisted"])}</p>'))
    if p["marketing"]:
        out.append(("Marketed", "<ul>" + "".join(
            f"<li>{esc(m['region'])}: {esc(', '.join(m['brands']))}"
            + ("" if m["marketed"] else " <i>(not marketed)</i>")
            + (f' <span class="note">— {esc(m["note"])}</span>' if m["note"] else "")
            + "</li>" for m in p["marketing"]) + "</ul>"))
    if p["biosimilars"]:
        out.append(("Biosimilars", "<ul>" + "".join(
            f"<li>{esc(b['name'])}"
            + (f" ({esc(', '.join(b['brands']))})" if b["brands"] else "")
            + f" — {esc(', '.join(b['regions']))}" + (f", {b['year']}" if b["year"] else "")
            + "</li>" for b in p["biosimilars"]) + "</ul>"))
    facts = clinical_facts(p["clinical"])
    facts += [("Label", p["label"]), ("Checked on", p["checked_on"] or "")]
    glance = "".join(f'<tr><td class="label" width="150">{esc(k)}</td><td'
                    + (' class="warn"' if k == "Boxed warning" else "") + f">{esc(v)}</td></tr>"
                    for k, v in facts if v)
    if glance:
        body = f'<table class="glance" width="100%" cellspacing="0">{glance}</table>'
        if p["coverage"]:
            body += f'<p class="note">Coverage: {esc(p["coverage"])}</p>'
        out.append(("Clinical facts", body))
    return out
