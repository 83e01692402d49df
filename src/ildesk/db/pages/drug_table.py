"""A drug's structured data (approvals, marketing, biosimilars, clinical facts) and the drug
table: one row per drug approved, or once approved, for a disease or any of its subtypes
(or every drug, for no disease), with its first approval for it, the regions where it is
approved for it and its status for it."""

from __future__ import annotations

from ildesk.db.pages._reader import Reader, Row, json_list
from ildesk.db.pages.drug_types import (
    ActsOn,
    ApprovalRow,
    BiosimilarRow,
    ClinicalFacts,
    DrugTableRow,
    FirstApproved,
    MarketingRow,
    NamedRef,
)
from ildesk.vocab import DISEASE_STATUS_ORDER, rank

IN_FORCE = ("approved", "conditional", "emergency-use")
ENDED_DRUG = ("withdrawn", "discontinued")


def approvals(r: Reader, drug_id: str) -> list[ApprovalRow]:
    rows = r.all("SELECT a.*, p.name AS indication_name FROM approval a "
                 "JOIN page p ON p.id = a.indication_id WHERE a.drug_id = ? "
                 "ORDER BY a.position", (drug_id,))
    return [{"region": a["region"], "regulator": a["regulator"], "date": a["date"],
             "year": a["year"], "indication": {"id": a["indication_id"],
                                               "name": a["indication_name"]},
             "population": a["population"], "status": a["status"], "brand": a["brand"],
             "note": a["note"], "ended": a["ended"]} for a in rows]


def marketing(r: Reader, drug_id: str) -> list[MarketingRow]:
    rows = r.all("SELECT * FROM marketing WHERE drug_id = ? ORDER BY position", (drug_id,))
    return [{"region": m["region"], "brands": json_list(m["brands"]),
             "marketed": bool(m["marketed"]), "note": m["note"]} for m in rows]


def biosimilars(r: Reader, drug_id: str) -> list[BiosimilarRow]:
    rows = r.all("SELECT * FROM biosimilar WHERE drug_id = ? ORDER BY position", (drug_id,))
    return [{"name": b["name"], "brands": json_list(b["brands"]),
             "regions": json_list(b["regions"]), "year": b["year"]} for b in rows]


def clinical(r: Reader, drug_id: str) -> ClinicalFacts | None:
    c = r.one("SELECT * FROM drug_clinical WHERE drug_id = ?", (drug_id,))
    if c is None:
        return None
    return {"route": c["route"], "dosing_interval": c["dosing_interval"],
            "boxed_warning": c["boxed_warning"], "screening": json_list(c["screening"]),
            "monitoring": json_list(c["monitoring"]), "live_vaccines": c["live_vaccines"],
            "pregnancy_lactation": c["pregnancy_lactation"]}


def table(r: Reader, disease_id: str | None = None) -> list[DrugTableRow]:
    """The drug table of `disease_id` (its subtypes included), or of every drug for None;
    earliest first approval first."""
    if disease_id is None:
        drugs = r.drugs("1 = 1", ())
        scope: set[str] | None = None
    else:
        scope = {row["disease_id"] for row in r.all(
            "SELECT disease_id FROM disease_ancestor WHERE ancestor_id = ?", (disease_id,))}
        marks = ",".join("?" * len(scope)) or "NULL"
        # approved for it, or indicated for it without approval rows (approvals_unlisted)
        drugs = r.drugs(f"d.id IN (SELECT drug_id FROM approval WHERE status != 'refused' "
                        f"AND indication_id IN ({marks})) OR (d.approvals_unlisted != '' AND "
                        f"d.id IN (SELECT drug_id FROM drug_indication WHERE disease_id IN "
                        f"({marks})))", [*scope, *scope])
    ids = [d["id"] for d in drugs]
    targets = r.targets(ids)
    by_drug: dict[str, list[Row]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        # earliest first; within a year a row dated to the month or day comes before one
        # known only by its year (it may be later in that year: deucravacitinib JP "2022")
        for a in r.all(f"SELECT * FROM approval WHERE drug_id IN ({marks}) AND status != "
                       "'refused' ORDER BY drug_id, year, length(date) = 4, date, position",
                       ids):
            if scope is None or a["indication_id"] in scope:
                by_drug[a["drug_id"]].append(a)
    names = r.names(i for ts in targets.values() for t in ts
                    for i in [*json_list(t["binds"]), *json_list(t["interleukins"])])
    out = [_row(d, targets[d["id"]], by_drug[d["id"]], names, scope is not None)
           for d in drugs]
    out.sort(key=lambda x: (x["first_approved"] is None,
                            x["first_approved"]["year"] if x["first_approved"] else 0,
                            x["drug"]["name"].casefold()))
    return out


def _row(d: Row, targets: list[Row], rows: list[Row], names: dict[str, tuple[str, str]],
         for_disease: bool) -> DrugTableRow:
    binds = list(dict.fromkeys(b for t in targets for b in json_list(t["binds"])))
    ils = list(dict.fromkeys(i for t in targets for i in json_list(t["interleukins"])))
    acts_on: list[ActsOn] = [{"id": b, "name": names.get(b, (b, ""))[0],
                              "kind": names.get(b, ("", "?"))[1]} for b in binds]
    on_pages = [a["id"] for a in acts_on if a["kind"] in ("interleukin", "receptor")]
    first: FirstApproved | None = None
    if rows:
        first = {"year": int(rows[0]["year"]), "region": rows[0]["region"]}
    elif not for_disease and d["approval_year"]:
        first = {"year": int(d["approval_year"]), "region": ""}
    in_force = [a for a in rows if a["ended"] is None and a["status"] in IN_FORCE]
    status: str = d["status"]
    if for_disease and d["status"] not in ENDED_DRUG and rows:
        statuses = [a["status"] for a in (in_force or rows)]
        status = min(statuses, key=lambda s: rank(DISEASE_STATUS_ORDER, s))
    interleukins: list[NamedRef] = [{"id": i, "name": names.get(i, (i, ""))[0]} for i in ils]
    effects = {t["effect"] for t in targets}
    return {"drug": {"id": d["id"], "name": d["name"]}, "drug_kind": d["kind"],
            "effect": "mimics" if effects == {"mimics"} else "blocks",
            "acts_on": acts_on, "interleukins": interleukins,
            "targets": on_pages or ils, "first_approved": first,
            "regions": sorted({a["region"] for a in (in_force or rows)}), "status": status}
