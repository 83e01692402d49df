"""A table row for each search hit, read from the typed pages (`ildesk.db.pages`).

    rows = table_rows(lambda pid: pages.page(content, pid), hits, family_of)
    rows[0].cells         # ('Interleukin', 'IL-6', 'IL-6 (gp130) family', 'IL6R/IL6ST', ...)

What each column says, by kind of page:

- *Main receptor*: an interleukin's chains in its first signalling complex, by HGNC symbol
  (IL-6: `IL6R/IL6ST`); a receptor chain's or signalling molecule's interleukins; a drug's
  primary target (tocilizumab: `IL6R`).
- *Route*: an interleukin's signalling route in short (`JAK–STAT`, `MyD88–IRAK`); a chain's
  kinases; a molecule's kind; how a drug is given (`subcutaneous injection`, `oral`), or its
  kind (`monoclonal antibody`) where its label gives no route.
- *Drugs*: the approved drugs (approved anywhere) of an interleukin, chain, molecule or
  disease, in the page's own order (approved first, earliest first).
- *Family*: an interleukin's family; for a chain or a drug, the families of its interleukins.
- *Group*: the header the hit is listed under ("Drugs", "Interleukins it makes"); the page
  the query names, which the list shows first without one, is the `NAMED` page, and a plain
  full-text match is one of the `MATCHES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from ildesk.db.pages.types import Page
from ildesk.search.hits import SearchHit
from ildesk.vocab import APPROVED, DRUG_KIND_LABEL, KIND_LABEL, ROUTE_SHORT

# (key, header) of every column, in the order the table shows them.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", "Kind"), ("name", "Name"), ("family", "Family"), ("receptor", "Main receptor"),
    ("route", "Route"), ("drugs", "Drugs"), ("group", "Group"),
)
DRUGS = [key for key, _ in COLUMNS].index("drugs")
NAMED, MATCHES = "Named page", "Matches"  # the Group of a hit listed under no header
_NUMBER = re.compile(r"(\d+)")

SortKey = tuple[tuple[int, int, str], ...]


class TableRow(NamedTuple):
    """One hit as the table shows it: `cells` in COLUMNS order; `title` the page's full name
    (the Name cell holds its short one); `drug_count` sorts the Drugs column."""

    id: str
    cells: tuple[str, ...]
    title: str = ""
    drug_count: int = 0

    def sort_key(self, column: int) -> tuple[int, SortKey]:
        """How the row sorts by `column`: naturally (IL-2 < IL-10), empty cells last; the
        Drugs column by how many drugs."""
        text = self.cells[column]
        if column == DRUGS:
            return (0 if text else 1, ((0, self.drug_count, ""), *natural_key(text)))
        return (0 if text else 1, natural_key(text))


def sort_rows(rows: Sequence[TableRow], column: int | None, descending: bool = False
              ) -> list[TableRow]:
    """`rows` sorted by `column` (None: as given), empty cells last either way; rows that tie
    keep their order (the search's ranking)."""
    if column is None:
        return list(rows)
    ordered = sorted(rows, key=lambda r: r.sort_key(column))
    if descending:
        filled = [r for r in ordered if r.cells[column]]
        ordered = filled[::-1] + [r for r in ordered if not r.cells[column]]
    return ordered


def natural_key(text: str) -> SortKey:
    """A key that orders numbers inside names by value, letters without case.

    >>> sorted(["IL-10", "IL-2", "il-1β", "IL-1α"], key=natural_key)
    ['IL-1α', 'il-1β', 'IL-2', 'IL-10']
    """
    parts = _NUMBER.split(text.casefold())
    return tuple((1, int(p), "") if i % 2 else (0, 0, p) for i, p in enumerate(parts) if p)


def _names(items: Iterable[Mapping[str, object]], key: str = "name") -> list[str]:
    return list(dict.fromkeys(str(item[key]) for item in items))


def _families(ids: Iterable[str], family_of: Mapping[str, str]) -> str:
    return ", ".join(dict.fromkeys(family_of[i] for i in ids if i in family_of))


def _route_short(route: str) -> str:
    """The way a drug is given, without its qualifications.

    >>> _route_short("subcutaneous injection; in the US also intravenous infusion (adults)")
    'subcutaneous injection'
    """
    return route.split(";")[0].split("(")[0].strip().rstrip(",")


def row_for(page: Page, kind: str, name: str, group: str = "",
            family_of: Mapping[str, str] | None = None) -> TableRow:
    """The row of `page`, found as a hit of `kind` ("note" for a note on it) named `name`."""
    family_of = family_of or {}
    family = receptor = route = ""
    drugs: list[str] = []
    if page["kind"] == "interleukin":
        family = page["family"]
        signalling = [r for r in page["receptors"] if r["kind"] == "signalling"]
        if signalling:
            receptor = "/".join(signalling[0]["chains"])
        route = ROUTE_SHORT[page["signalling"]["route"]]
        drugs = [d["name"] for d in page["drugs"] if d["status"] in APPROVED]
    elif page["kind"] in ("receptor", "molecule"):
        ils = [il["id"] for il in page["interleukins"]]
        receptor = ", ".join(_names(page["interleukins"]))
        if page["kind"] == "receptor":
            family = _families(ils, family_of)
            route = ", ".join(_names(page["kinases"]))
        else:
            route = page["molecule_kind"].replace("-", " ")
        drugs = [d["name"] for d in page["drugs"] if d["status"] in APPROVED]
    elif page["kind"] == "drug":
        targets = page["targets"]
        if targets:
            receptor = ", ".join(_names(targets[0]["binds"]))
        family = _families((il["id"] for t in targets for il in t["interleukins"]), family_of)
        clinical = page["clinical"]
        route = _route_short(clinical["route"]) if clinical and clinical["route"] \
            else DRUG_KIND_LABEL[page["drug_kind"]]
    elif page["kind"] == "disease":
        drugs = [d["name"] for d in page["drugs"] if d["status"] in APPROVED]
    drugs = list(dict.fromkeys(drugs))
    cells = (KIND_LABEL.get(kind, kind), name, family, receptor, route, ", ".join(drugs), group)
    return TableRow(page["id"], cells, page["name"], len(drugs))


def table_rows(read_page: Callable[[str], Page | None], hits: Sequence[SearchHit],
               family_of: Mapping[str, str] | None = None,
               groups: Sequence[str] | None = None,
               cancel: Callable[[], bool] | None = None) -> list[TableRow]:
    """A row per hit, in the hits' order; `groups[i]` is hit i's group (default: the group
    the search gave it; none: NAMED or MATCHES). A hit whose page is gone keeps its kind
    and name. `cancel()` True stops early (a newer list superseded this one) with the rows
    so far."""
    rows: list[TableRow] = []
    cache: dict[str, Page | None] = {}
    for i, hit in enumerate(hits):
        if cancel is not None and cancel():
            break
        group = (groups[i] if groups is not None else hit.group) \
            or (NAMED if hit.exact else MATCHES)
        name = hit.short or hit.name
        if hit.id not in cache:
            cache[hit.id] = read_page(hit.id)
        page = cache[hit.id]
        if page is None:
            cells = (KIND_LABEL.get(hit.kind, hit.kind), name, "", "", "", "", group)
            rows.append(TableRow(hit.id, cells, hit.name))
        else:
            rows.append(row_for(page, hit.kind, name, group, family_of))
    return rows
