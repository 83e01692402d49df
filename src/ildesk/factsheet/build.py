"""Build `Sheet`s from the page dicts of `ildesk.db.pages.page()`.

`interleukin_sheet(page, labels, meta)`, `disease_sheet(...)`, `drug_sheet(...)`, or
`sheet_for(page, labels, meta)` which picks by the page's kind. `sheets_for(content, ids)` reads
the pages itself. All text is plain (prose markup removed).

A disease or drug sheet shows the signalling diagram of one interleukin, the one the window
shows for that page too (`diagram_interleukin`, which is `ildesk.relate.page_interleukin`);
pass that interleukin's page as `diagram_page` (`sheets_for` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from ildesk import relate
from ildesk.db.engine import Content
from ildesk.db.pages.types import DiseasePage, DrugPage, InterleukinPage, Page
from ildesk.factsheet import drug_tables
from ildesk.factsheet.interleukin import interleukin_sheet
from ildesk.factsheet.model import Fact, Rich, Section, Sheet, Span, rich
from ildesk.factsheet.parts import (
    KEY_REFERENCES,
    Labels,
    cap,
    diagram_fields,
    drug_sort_key,
    drugs_section,
    footer,
    refs,
    short_name,
)
from ildesk.factsheet.text import paragraphs, plain, sentences
from ildesk.vocab import APPROVED, DRUG_KIND_LABEL, LINK_CAPTION, LINK_LABEL, SHEET_KINDS
from ildesk.wording import page_title, status_text

__all__ = [
    "KEY_REFERENCES", "Labels", "NoSheetError", "diagram_interleukin", "disease_sheet",
    "drug_sheet", "interleukin_ids", "interleukin_sheet", "sheet_for", "sheets_for",
    "short_name", "treated_diseases",
]


class NoSheetError(ValueError):
    """There is no fact sheet for this kind of page."""


def diagram_interleukin(content: Content, page: Page) -> str | None:
    """The interleukin whose diagram a disease or drug sheet shows: the one the window shows
    for the page too (`ildesk.relate.page_interleukin`)."""
    return relate.page_interleukin(content, page)


def _disease_caption(page: DiseasePage, il_page: InterleukinPage) -> str:
    link = next((x for x in page["interleukins"] if x["id"] == il_page["id"]), None)
    where = page["name"]
    vias = [v["name"] for v in link["via"]] if link else []
    if link and not link["direct"] and vias:
        where = " and ".join(vias[:2]) if len(vias) <= 2 else f"{', '.join(vias[:2])} and more"
    words = LINK_CAPTION.get(link["kind"], "linked to") if link else "linked to"
    return f"{page_title(il_page)} signalling, {words} {where}"


def disease_sheet(page: DiseasePage, labels: Labels, meta: Mapping[str, str],
                  today: date | None = None, diagram_page: InterleukinPage | None = None
                  ) -> Sheet:
    facts = [Fact("Category", (rich(page["category"].replace("-", " ")),))]
    ids = [x for x in (page["mondo_id"], page["mesh_id"] and f"MeSH {page['mesh_id']}") if x]
    if ids:
        facts.append(Fact("Identifiers", (rich("  ·  ".join(ids)),)))
    if page["parents"]:
        facts.append(Fact("A kind of", (rich(", ".join(p["name"] for p in page["parents"])),)))
    if page["children"]:
        facts.append(Fact("Includes", (rich(", ".join(c["name"] for c in page["children"])),)))
    sections: list[Section] = []
    if page["description"]:
        sections.append(Section("About", "prose",
                                paragraphs=paragraphs(page["description"], labels), wide=True))
    items, short = [], []
    for x in page["interleukins"]:
        note = sentences(plain(x["note"], labels))
        vias = [v["name"] for v in x["via"]]
        direct = bool(x["note"]) or not vias
        via = (f" ({'also ' if direct else ''}via {', '.join(vias)})" if vias else "")
        items.append(rich(Span(x["name"], bold=True),
                          Span(" — " + ", ".join(LINK_LABEL.get(k, k) for k in x["kinds"])
                               + via, muted=True),
                          f": {note[0]}" if note else ""))
        short.append(rich(Span(x["name"], bold=True),
                          Span(" — " + LINK_LABEL.get(x["kind"], x["kind"]), muted=True)))
    if items:
        sections.append(Section("Interleukins involved", "list", items=tuple(items), wide=True,
                                short=tuple(short)))
    table = drug_tables.disease_drugs(page)
    drugs = sorted(page["drugs"], key=drug_sort_key)
    if table is not None:
        sections.append(table)
    elif drugs:
        sections.append(drugs_section(drugs, labels, wide=True))
    cat = page["category"]
    return Sheet(kind="disease", page_id=page["id"], title=cap(page["name"]), full_name="",
                 kicker=f"Disease · {cat}" if cat else "Disease",
                 aliases=tuple(page["synonyms"]), lede="",
                 facts=tuple(facts), sections=tuple(sections), references=refs(page),
                 footer=footer(meta, today),
                 **diagram_fields(diagram_page, lambda il: _disease_caption(page, il)))


def drug_sheet(page: DrugPage, labels: Labels, meta: Mapping[str, str],
               today: date | None = None, diagram_page: InterleukinPage | None = None
               ) -> Sheet:
    kind = DRUG_KIND_LABEL.get(page["drug_kind"], page["drug_kind"])
    facts = []
    if page["brands"]:
        facts.append(Fact("Brand names", (rich(", ".join(page["brands"])),)))
    facts.append(Fact("Kind", (rich(kind),)))
    status = rich(Span(status_text(page["status"], page["approval_year"]), bold=True),
                  Span(f" — {page['approval_note']}", muted=True)
                  if page["approval_note"] else "")
    facts.append(Fact("Status", (status,)))
    targets: list[Rich] = []
    for t in page["targets"]:
        binds = ", ".join(short_name(labels, b["id"]) for b in t["binds"])
        ils = ", ".join(short_name(labels, i["id"]) for i in t["interleukins"])
        targets.append(rich(Span(binds, bold=True),
                            Span(f" — {t['effect']} {ils}", muted=True)))
    if targets:
        facts.append(Fact("Target" + ("s" if len(targets) > 1 else ""), tuple(targets)))
    sections: list[Section] = []
    actions = tuple(sentences(plain(t["action"], labels)) for t in page["targets"])
    if actions:
        sections.append(Section("How it works", "prose", paragraphs=actions, wide=True))
    if page["description"]:
        sections.append(Section("About", "prose",
                                paragraphs=paragraphs(page["description"], labels), wide=True))
    if page["indications"]:
        # an approved drug's indications are what it is for: none is ever left out
        approved = page["status"] in APPROVED
        sections.append(Section("Indications", "list", items=tuple(
            rich(cap(i["name"])) for i in page["indications"]),
            keep=frozenset(range(len(page["indications"]))) if approved else frozenset()))
    if page["side_effects"]:
        sections.append(Section("Side effects", "list",
                                items=tuple(rich(x) for x in page["side_effects"])))
    approvals = drug_tables.drug_approvals(page)  # last: below the two columns above
    if approvals is not None:
        sections.append(approvals)
    acts_here = diagram_page is not None and any(d["id"] == page["id"]
                                                 for d in diagram_page["drugs"])
    return Sheet(kind="drug", page_id=page["id"], title=cap(page["name"]), full_name="",
                 kicker=f"Drug · {kind}" if kind else "Drug",
                 aliases=(), lede="",
                 facts=tuple(facts), sections=tuple(sections), references=refs(page),
                 footer=footer(meta, today),
                 **diagram_fields(diagram_page, lambda il: f"Where {page['name']} acts: "
                                   f"{page_title(il)} signalling",
                                   page["id"] if acts_here else None))


def sheet_for(page: Page, labels: Labels, meta: Mapping[str, str],
              today: date | None = None, diagram_page: Page | None = None) -> Sheet:
    """The sheet of an interleukin, disease or drug page; NoSheetError for other kinds.
    `diagram_page`: for a disease or drug, the page of `diagram_interleukin(content, page)`."""
    il_page = diagram_page if diagram_page and diagram_page["kind"] == "interleukin" else None
    if page["kind"] == "interleukin":
        return interleukin_sheet(page, labels, meta, today)
    if page["kind"] == "disease":
        return disease_sheet(page, labels, meta, today, il_page)
    if page["kind"] == "drug":
        return drug_sheet(page, labels, meta, today, il_page)
    raise NoSheetError(f"{page['name']} is a {page['kind'].replace('_', ' ')}; fact sheets "
                       "exist for interleukins, diseases and drugs.")


def sheets_for(content: Content, page_ids: Iterable[str], skip_other_kinds: bool = True
               ) -> list[Sheet]:
    """Sheets for `page_ids` read from the content database (in that order).

    Pages that have no sheet (cell types, articles, ...) are left out when
    `skip_other_kinds`, otherwise they raise NoSheetError; unknown ids raise KeyError."""
    from ildesk.db import pages

    labels = pages.labels(content)
    meta = pages.meta(content)
    out: list[Sheet] = []
    for pid in page_ids:
        page = pages.page(content, pid)
        if page is None:
            raise KeyError(pid)
        if page["kind"] not in SHEET_KINDS and skip_other_kinds:
            continue
        if page["kind"] == "interleukin":
            out.append(interleukin_sheet(page, labels, meta,
                                         treated=treated_diseases(content, page)))
            continue
        il_id = diagram_interleukin(content, page)
        il_page = pages.page(content, il_id) if il_id else None
        out.append(sheet_for(page, labels, meta, diagram_page=il_page))
    return out


def treated_diseases(content: Content, page: InterleukinPage) -> set[str]:
    """The interleukin's diseases that an approved drug acting on it is given for (the
    disease itself or a subtype of it)."""
    from ildesk.db import pages

    if not any(d["status"] in APPROVED for d in page["drugs"]):
        return set()
    return {d["id"] for d in page["diseases"]
            if pages.approved_drug_counts(content, d["id"]).get(page["id"], 0) > 0}


def interleukin_ids(content: Content) -> Sequence[str]:
    """Every interleukin id in reading order (IL-1α, IL-1β, ... IL-41)."""
    from ildesk.db import pages

    return [p["id"] for p in pages.list_pages(content, "interleukin")]
