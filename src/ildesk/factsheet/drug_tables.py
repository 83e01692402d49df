"""The tables of the disease and drug sheets: a disease's drugs (drug, what it acts on, when
and where first approved for the disease, regions, status; every approved drug kept however
short the table gets) and a drug's approvals (region, date, indication, population,
status)."""

from __future__ import annotations

from ildesk.db.pages.types import DiseasePage, DrugPage, DrugTableRow
from ildesk.factsheet.model import Rich, Section, Span, rich
from ildesk.vocab import APPROVAL_STATUS_LABEL, APPROVED, STATUS_LABEL

IN_FORCE = frozenset({"approved", "conditional", "emergency-use"})


def _status(status: str) -> str:
    return APPROVAL_STATUS_LABEL.get(status) or STATUS_LABEL.get(status, status)


def _first(row: DrugTableRow) -> str:
    first = row["first_approved"]
    return " ".join(x for x in (str(first["year"]), first["region"]) if x) if first else "—"


def disease_drugs(page: DiseasePage) -> Section | None:
    """The drug table of a disease sheet, or None when no drug is approved for it."""
    rows = page["drug_table"]
    if not rows:
        return None
    approved = {d["id"] for d in page["drugs"] if d["status"] in APPROVED}
    cells: list[tuple[Rich, ...]] = []
    items: list[Rich] = []
    for r in rows:
        acts = ", ".join(a["name"] for a in r["acts_on"])
        regions = ", ".join(r["regions"])
        cells.append((rich(Span(r["drug"]["name"], bold=True)), rich(acts), rich(_first(r)),
                      rich(regions), rich(Span(_status(r["status"]), muted=True))))
        items.append(rich(Span(r["drug"]["name"], bold=True), f" — {acts} · first approved "
                          f"{_first(r)} · {regions} · ", Span(_status(r["status"]),
                                                               muted=True)))
    keep = frozenset(i for i, r in enumerate(rows)
                     if r["drug"]["id"] in approved or r["status"] in IN_FORCE)
    return Section("Drugs approved for it", "table", items=tuple(items), wide=True,
                   keep=keep, columns=("Drug", "Acts on", "First approved", "Regions",
                                       "Status"),
                   cells=tuple(cells), widths=(0.2, 0.22, 0.16, 0.26, 0.16))


def drug_approvals(page: DrugPage) -> Section | None:
    """The approvals table of a drug sheet (the indications list keeps every indication,
    so this table may be shortened)."""
    rows = page["approvals"]
    if not rows:
        return None
    cells: list[tuple[Rich, ...]] = []
    items: list[Rich] = []
    for a in rows:
        status = _status(a["status"]) + (f" {a['ended']}" if a["ended"] else "")
        cells.append((rich(Span(a["region"], bold=True)), rich(a["date"]),
                      rich(a["indication"]["name"]), rich(Span(a["population"], muted=True)),
                      rich(status)))
        items.append(rich(Span(a["region"], bold=True), f" {a['date']} {a['indication']['name']}"
                          f" · {a['population']} · {status}"))
    return Section("Approvals", "table", items=tuple(items), wide=True,
                   columns=("Region", "Date", "Indication", "Population", "Status"),
                   cells=tuple(cells), widths=(0.08, 0.12, 0.32, 0.32, 0.16))
