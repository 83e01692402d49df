"""Read the clinical pages: a disease (its interleukins, strongest link first, and its drugs)
and a drug (its targets and indications)."""

from __future__ import annotations

from collections.abc import Iterable

from ildesk.db.pages import drug_table
from ildesk.db.pages._reader import Reader, Row, drug_brief, json_list
from ildesk.db.pages.types import DiseaseInterleukin, DiseasePage, DrugPage, Named
from ildesk.vocab import APPROVED, LINK_ORDER, DiseaseLinkKind, rank


def disease(r: Reader, p: Row) -> DiseasePage:
    pid = p["id"]
    d = r.row("disease", pid)
    links = r.all("SELECT l.interleukin_id, l.kind, l.note, l.disease_id FROM disease_link l "
                  "JOIN disease_ancestor a ON a.disease_id = l.disease_id "
                  "WHERE a.ancestor_id = ? ORDER BY l.interleukin_id, l.position", (pid,))
    names = r.names([*(row["interleukin_id"] for row in links),
                     *(row["disease_id"] for row in links)])
    drugs = r.drugs("d.id IN (SELECT x.drug_id FROM drug_indication x "
                    "JOIN disease_ancestor a ON a.disease_id = x.disease_id "
                    "WHERE a.ancestor_id = ?)", (pid,))
    targets = r.targets(row["id"] for row in drugs)
    indicated: dict[str, list[str]] = {}  # drug -> the diseases here it is indicated for
    for row in r.all("SELECT x.drug_id, x.disease_id FROM drug_indication x "
                     "JOIN disease_ancestor a ON a.disease_id = x.disease_id "
                     "WHERE a.ancestor_id = ? ORDER BY x.position", (pid,)):
        indicated.setdefault(row["drug_id"], []).append(row["disease_id"])
    sub = r.names(i for ids in indicated.values() for i in ids)
    children = r.all("SELECT c.id FROM disease c, json_each(c.parents) j WHERE j.value = ?",
                     (pid,))
    sort_keys = r.sort_keys(row["interleukin_id"] for row in links)
    return {"id": pid, "kind": "disease", "name": p["name"], "short": p["short"],
            "summary": p["summary"],
            "mondo_id": d["mondo_id"], "mesh_id": d["mesh_id"], "category": d["category"],
            "description": d["description"], "synonyms": r.aliases(pid)[1:],
            "parents": r.users(json_list(d["parents"])),
            "children": r.users(c["id"] for c in children),
            "interleukins": _group_links(pid, links, names, approved_counts(drugs, targets),
                                         sort_keys),
            "drugs": [{**drug_brief(x, targets[x["id"]]),
                       # indicated only for subtypes (psoriatic arthritis, not psoriasis)?
                       "for": [] if pid in indicated.get(x["id"], []) else
                       [{"id": i, "name": sub[i][0]} for i in indicated.get(x["id"], [])
                        if i in sub]}
                      for x in drugs],
            "drug_table": drug_table.table(r, pid),
            "references": r.references(pid)}


def approved_counts(drugs: list[Row], targets: dict[str, list[Row]]) -> dict[str, int]:
    """Interleukin -> how many of the approved `drugs` act on it."""
    counts: dict[str, int] = {}
    for d in drugs:
        if d["status"] in APPROVED:
            for il in {i for t in targets[d["id"]] for i in json_list(t["interleukins"])}:
                counts[il] = counts.get(il, 0) + 1
    return counts


class _Gathered:
    """The links of one interleukin to a disease and its subtypes, as they are read."""

    def __init__(self) -> None:
        self.direct: list[DiseaseLinkKind] = []
        self.through: list[DiseaseLinkKind] = []
        self.notes: list[str] = []
        self.via: list[str] = []


def _group_links(disease_id: str, links: Iterable[Row], names: dict[str, tuple[str, str]],
                 drug_counts: dict[str, int], sort_keys: dict[str, str]
                 ) -> list[DiseaseInterleukin]:
    """One row per interleukin: its direct links to this disease first, then the subtypes it
    is linked through; strongest kind of link first, and within a kind, the interleukin
    more approved drugs for this disease act on (psoriasis: IL-23 and IL-17A first)."""
    rows: dict[str, _Gathered] = {}
    for link in links:
        il, kind, note, via = (link["interleukin_id"], link["kind"], link["note"],
                               link["disease_id"])
        row = rows.setdefault(il, _Gathered())
        if via == disease_id:
            row.direct.append(kind)
            if note and note not in row.notes:
                row.notes.append(note)
        else:
            row.through.append(kind)
            if via not in row.via:
                row.via.append(via)
    out: list[DiseaseInterleukin] = []
    for il, row in rows.items():
        kinds = sorted(set(row.direct or row.through), key=lambda k: rank(LINK_ORDER, k))
        vias: list[Named] = [{"id": v, "name": names.get(v, (v, ""))[0]} for v in row.via]
        out.append({"id": il, "name": names[il][0], "kinds": kinds, "kind": kinds[0],
                    "direct": bool(row.direct), "note": " ".join(row.notes), "via": vias})
    out.sort(key=lambda x: (rank(LINK_ORDER, x["kind"]), -drug_counts.get(x["id"], 0),
                            sort_keys.get(x["id"], x["name"])))
    return out


def drug(r: Reader, p: Row) -> DrugPage:
    pid = p["id"]
    d = r.row("drug", pid)
    targets = r.targets([pid])[pid]
    ids = [i for t in targets for i in [*json_list(t["binds"]), *json_list(t["interleukins"])]]
    names = r.names(ids)
    indications = r.all("SELECT x.disease_id AS id, pg.name FROM drug_indication x "
                        "JOIN page pg ON pg.id = x.disease_id WHERE x.drug_id = ? "
                        "ORDER BY x.position", (pid,))
    return {"id": pid, "kind": "drug", "name": p["name"], "short": p["short"],
            "summary": p["summary"],
            "drug_kind": d["kind"], "brands": json_list(d["brands"]), "status": d["status"],
            "approval_year": d["approval_year"], "approval_note": d["approval_note"],
            "description": d["description"], "side_effects": json_list(d["side_effects"]),
            "sources": json_list(d["sources"]),
            "targets": [{"binds": [{"id": b, "name": names.get(b, (b, ""))[0],
                                    "kind": names.get(b, ("", "?"))[1]}
                                   for b in json_list(t["binds"])],
                         "interleukins": [{"id": i, "name": names.get(i, (i, ""))[0]}
                                          for i in json_list(t["interleukins"])],
                         "effect": t["effect"], "action": t["action"]} for t in targets],
            "indications": [{"id": x["id"], "name": x["name"]} for x in indications],
            "approvals": drug_table.approvals(r, pid),
            "marketing": drug_table.marketing(r, pid),
            "biosimilars": drug_table.biosimilars(r, pid),
            "clinical": drug_table.clinical(r, pid),
            "label": d["label"], "checked_on": d["checked_on"], "coverage": d["coverage"],
            "approvals_unlisted": d["approvals_unlisted"],
            "references": r.references(pid)}
