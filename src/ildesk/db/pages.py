"""Read whole pages out of the content database as plain, JSON-ready dictionaries.

`page(content, "il-6")` gives everything the article, the fact sheet and `ildesk show` need;
`resolve(content, "il6")` turns any name or alias into a page id.

This is the hot read path (every click, every fact sheet), so it runs parameterised SQL on
the read-only connection rather than the ORM: a page takes a millisecond or two, not a
hundred. The tables are the ones `ildesk.db.models` defines.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ildesk.db.engine import Content
from ildesk.kb.names import key

Json = dict[str, Any]

KINDS = ("interleukin", "receptor", "molecule", "cell_type", "disease", "drug", "article")
KIND_LABEL = {
    "interleukin": "Interleukin", "receptor": "Receptor chain", "molecule": "Signalling molecule",
    "cell_type": "Cell type", "disease": "Disease", "drug": "Drug", "article": "Article",
    "note": "Your note",
}
DISEASE_LINK_LABEL = {
    "driver": "drives disease", "therapeutic-target": "therapeutic target",
    "treated-with": "used as therapy", "genetic": "genetic association",
    "biomarker": "biomarker",
}
LINK_ORDER = ("therapeutic-target", "driver", "treated-with", "genetic", "biomarker")


class _Reader:
    """Queries on one connection, each row as a sqlite3.Row."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        try:
            return cur.execute(sql, params).fetchall()
        finally:
            cur.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def names(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """id -> (short name, kind) for `ids`."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self.all(f"SELECT id, short, kind FROM page WHERE id IN ({marks})", wanted)
        return {r["id"]: (r["short"], r["kind"]) for r in rows}

    def users(self, ids: Iterable[str]) -> list[Json]:
        """Pages `ids` as {id, name} with their short names, in reading order."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self.all(f"SELECT id, short FROM page WHERE id IN ({marks}) ORDER BY sort_key",
                        wanted)
        return [{"id": r["id"], "name": r["short"]} for r in rows]

    def aliases(self, page_id: str) -> list[str]:
        rows = self.all("SELECT name FROM alias WHERE page_id = ? ORDER BY position", (page_id,))
        return [r["name"] for r in rows]

    def drugs(self, where: str, params: Sequence[Any]) -> list[sqlite3.Row]:
        return self.all("SELECT d.*, p.name AS name FROM drug d JOIN page p ON p.id = d.id "
                        f"WHERE {where} ORDER BY d.id", params)

    def targets(self, drug_ids: Iterable[str]) -> dict[str, list[sqlite3.Row]]:
        wanted = list(dict.fromkeys(drug_ids))
        out: dict[str, list[sqlite3.Row]] = {d: [] for d in wanted}
        if not wanted:
            return out
        marks = ",".join("?" * len(wanted))
        for row in self.all(f"SELECT * FROM drug_target WHERE drug_id IN ({marks}) "
                            "ORDER BY drug_id, position", wanted):
            out[row["drug_id"]].append(row)
        return out


def _list(value: str | None) -> list[Any]:
    return list(json.loads(value)) if value else []


def _drug_brief(d: sqlite3.Row, targets: list[sqlite3.Row],
                interleukin: str | None = None) -> Json:
    mine = [t for t in targets
            if interleukin is None or interleukin in _list(t["interleukins"])]
    effects = {t["effect"] for t in targets}
    return {"id": d["id"], "name": d["name"], "kind": d["kind"], "status": d["status"],
            "approval_year": d["approval_year"], "brands": _list(d["brands"]),
            "action": " ".join(dict.fromkeys(t["action"] for t in mine)),
            "binds": list(dict.fromkeys(b for t in mine for b in _list(t["binds"]))),
            "effect": "mimics" if effects == {"mimics"} else "blocks"}


def _drugs_binding(r: _Reader, page_id: str) -> list[Json]:
    rows = r.all("SELECT DISTINCT t.drug_id FROM drug_target t, json_each(t.binds) j "
                 "WHERE j.value = ?", (page_id,))
    ids = [row["drug_id"] for row in rows]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    drugs = r.drugs(f"d.id IN ({marks})", ids)
    targets = r.targets(ids)
    return [_drug_brief(d, targets[d["id"]]) for d in drugs]


def resolve(content: Content, name: str) -> str | None:
    """The id of the page `name` names: an id, a name or an alias, in any spelling."""
    r = _Reader(content.sqlite)
    # Text from a command line may hold lone surrogates, which SQLite cannot take.
    name = name.encode("utf-8", "replace").decode("utf-8")
    if r.one("SELECT id FROM page WHERE id = ?", (name.strip(),)):
        return name.strip()
    k = key(name)
    if not k:
        return None
    row = r.one("SELECT page_id FROM alias WHERE key = ? ORDER BY position, page_id LIMIT 1",
                (k,))
    return row["page_id"] if row else None


def list_pages(content: Content, kind: str | None = None) -> list[Json]:
    r = _Reader(content.sqlite)
    where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    rows = r.all(f"SELECT id, name, kind, summary FROM page {where} ORDER BY kind, sort_key",
                 params)
    return [dict(row) for row in rows]


def _refs(r: _Reader, page_id: str) -> list[Json]:
    rows = r.all("SELECT x.pmid, x.title, x.year FROM page_reference pr "
                 "JOIN reference x ON x.pmid = pr.pmid WHERE pr.page_id = ? "
                 "ORDER BY pr.position", (page_id,))
    return [dict(row) for row in rows]


def _interleukin(r: _Reader, p: sqlite3.Row) -> Json:
    il = r.one("SELECT * FROM interleukin WHERE id = ?", (p["id"],))
    assert il is not None
    family = r.one("SELECT id, name FROM family WHERE id = ?", (il["family_id"],))
    others = [r.one("SELECT id, name FROM family WHERE id = ?", (f,))
              for f in _list(il["other_families"])]
    genes = r.all("SELECT symbol, hgnc_id, ncbi_gene_id, uniprot, location, length_aa, subunit "
                  "FROM gene WHERE interleukin_id = ? ORDER BY position", (p["id"],))
    complexes = r.all("SELECT id, name, kind, note FROM receptor_complex "
                      "WHERE interleukin_id = ? ORDER BY position", (p["id"],))
    chains = r.all("SELECT cc.complex_id, c.id, c.symbol, c.cd, c.shared, c.kinases, pg.name "
                   "FROM receptor_complex rc JOIN complex_chain cc ON cc.complex_id = rc.id "
                   "JOIN chain c ON c.id = cc.chain_id JOIN page pg ON pg.id = c.id "
                   "WHERE rc.interleukin_id = ? ORDER BY cc.complex_id, cc.position",
                   (p["id"],))
    by_complex: dict[int, list[Json]] = {}
    for c in chains:
        by_complex.setdefault(c["complex_id"], []).append(
            {"id": c["id"], "symbol": c["symbol"], "name": c["name"], "cd": c["cd"],
             "shared": bool(c["shared"]), "kinases": _list(c["kinases"])})
    signalling: Json = {"route": il["route"], "note": il["signalling_note"],
                        "target_genes": _list(il["target_genes"])}
    molecules = r.all("SELECT s.role, m.id, m.symbol, pg.name FROM signal_link s "
                      "JOIN molecule m ON m.id = s.molecule_id JOIN page pg ON pg.id = m.id "
                      "WHERE s.interleukin_id = ? ORDER BY s.position", (p["id"],))
    for role, field in (("kinase", "kinases"), ("transcription_factor", "transcription_factors"),
                        ("adaptor", "adaptors"), ("pathway", "pathways")):
        mols = [mo for mo in molecules if mo["role"] == role]
        signalling[field] = [mo["symbol"] or mo["name"] for mo in mols]
        signalling[field + "_ids"] = [mo["id"] for mo in mols]
    cells = r.all("SELECT c.id, pg.name, c.cl_id, l.role, l.note FROM cell_link l "
                  "JOIN cell_type c ON c.id = l.cell_type_id JOIN page pg ON pg.id = c.id "
                  "WHERE l.interleukin_id = ? ORDER BY l.role = 'target', l.position",
                  (p["id"],))
    diseases = r.all("SELECT d.id, pg.name, l.kind, l.note, d.mondo_id, d.mesh_id, d.category "
                     "FROM disease_link l JOIN disease d ON d.id = l.disease_id "
                     "JOIN page pg ON pg.id = d.id WHERE l.interleukin_id = ? "
                     "ORDER BY l.position", (p["id"],))
    drugs = r.drugs("d.id IN (SELECT drug_id FROM drug_interleukin WHERE interleukin_id = ?)",
                    (p["id"],))
    targets = r.targets(d["id"] for d in drugs)
    antagonists = [row["antagonist_id"] for row in
                   r.all("SELECT antagonist_id FROM antagonism WHERE interleukin_id = ?",
                         (p["id"],))]
    antagonist_of = [row["interleukin_id"] for row in
                     r.all("SELECT interleukin_id FROM antagonism WHERE antagonist_id = ?",
                           (p["id"],))]
    names = r.names([*antagonists, *antagonist_of])
    return {
        "abbreviation": il["abbreviation"],
        "aliases": r.aliases(p["id"])[2:],
        "family": family["name"] if family else il["family_id"],
        "family_id": il["family_id"],
        "other_families": [{"id": f["id"], "name": f["name"]} for f in others if f],
        "status": il["status"], "status_note": il["status_note"],
        "genes": [dict(g) for g in genes],
        "protein": {"fold": il["fold"], "mature_aa": il["mature_aa"], "mass_kda": il["mass_kda"]},
        "discovery": {"year": il["discovery_year"], "text": il["discovery_text"]},
        "receptors": [{"name": rc["name"], "kind": rc["kind"], "note": rc["note"],
                       "chains": [c["symbol"] for c in by_complex.get(rc["id"], [])],
                       "chain_ids": [c["id"] for c in by_complex.get(rc["id"], [])],
                       "chain_details": by_complex.get(rc["id"], [])} for rc in complexes],
        "signalling": signalling,
        "cell_types": [{"id": c["id"], "name": c["name"], "cl_id": c["cl_id"],
                        "role": c["role"], "note": c["note"]} for c in cells],
        "diseases": [dict(d) for d in diseases],
        "drugs": _by_relevance([_drug_brief(d, targets[d["id"]], p["id"]) for d in drugs],
                               p["id"], {c["id"] for c in chains}),
        "antagonists": [{"id": a, "name": names[a][0]} for a in antagonists if a in names],
        "antagonist_of": [{"id": a, "name": names[a][0]} for a in antagonist_of if a in names],
        "functions": il["functions"], "therapy": il["therapy"],
        "side_effects": _list(il["side_effects"]), "sources": _list(il["sources"]),
        "notes": il["notes"],
    }


STATUS_ORDER = ("approved", "approved-regionally", "investigational", "discontinued",
                "withdrawn")


def _by_relevance(drugs: list[Json], interleukin: str, chains: set[str]) -> list[Json]:
    """Approved first; among them, drugs that bind the interleukin or its receptor before
    those that act further down (JAK inhibitors); then the earliest approved."""
    def rank(d: Json) -> tuple[int, int, int, str]:
        direct = any(b == interleukin or b in chains for b in d["binds"])
        return (STATUS_ORDER.index(d["status"]), 0 if direct else 1,
                d["approval_year"] or 9999, d["name"])
    return sorted(drugs, key=rank)


def _receptor(r: _Reader, p: sqlite3.Row) -> Json:
    ch = r.one("SELECT * FROM chain WHERE id = ?", (p["id"],))
    assert ch is not None
    rows = r.all("SELECT rc.interleukin_id, rc.name, rc.kind FROM complex_chain cc "
                 "JOIN receptor_complex rc ON rc.id = cc.complex_id WHERE cc.chain_id = ? "
                 "ORDER BY rc.interleukin_id, rc.position", (p["id"],))
    kinases = _list(ch["kinases"])
    kin = r.names(kinases)
    return {"symbol": ch["symbol"], "cd": ch["cd"], "hgnc_id": ch["hgnc_id"],
            "ncbi_gene_id": ch["ncbi_gene_id"], "uniprot": ch["uniprot"],
            "location": ch["location"], "shared": bool(ch["shared"]),
            "description": ch["description"], "sources": _list(ch["sources"]),
            "common_names": r.aliases(p["id"])[2:],
            "kinases": [{"id": k, "name": kin[k][0]} for k in kinases if k in kin],
            "interleukins": r.users(row["interleukin_id"] for row in rows),
            "complexes": [{"interleukin": row["interleukin_id"], "name": row["name"],
                           "kind": row["kind"]} for row in rows],
            "drugs": _drugs_binding(r, p["id"])}


def _molecule(r: _Reader, p: sqlite3.Row) -> Json:
    mo = r.one("SELECT * FROM molecule WHERE id = ?", (p["id"],))
    assert mo is not None
    rows = r.all("SELECT interleukin_id FROM signal_link WHERE molecule_id = ?", (p["id"],))
    chains = r.all("SELECT c.id, c.symbol FROM chain c, json_each(c.kinases) j "
                   "WHERE j.value = ? ORDER BY c.symbol", (p["id"],))
    return {"symbol": mo["symbol"], "molecule_kind": mo["kind"], "hgnc_id": mo["hgnc_id"],
            "ncbi_gene_id": mo["ncbi_gene_id"], "uniprot": mo["uniprot"],
            "description": mo["description"], "sources": _list(mo["sources"]),
            "common_names": r.aliases(p["id"])[1:],
            "interleukins": r.users(row["interleukin_id"] for row in rows),
            "chains": [{"id": c["id"], "name": c["symbol"]} for c in chains],
            "drugs": _drugs_binding(r, p["id"])}


def _cell_type(r: _Reader, p: sqlite3.Row) -> Json:
    ct = r.one("SELECT * FROM cell_type WHERE id = ?", (p["id"],))
    assert ct is not None
    children = r.all("SELECT c.id FROM cell_type c, json_each(c.parents) j WHERE j.value = ?",
                     (p["id"],))
    parents = _list(ct["parents"])
    out: Json = {"cl_id": ct["cl_id"], "description": ct["description"],
                 "parents": r.users(parents), "children": r.users(c["id"] for c in children)}
    for role, field in (("producer", "produces"), ("target", "responds_to")):
        rows = r.all("SELECT l.interleukin_id, l.cell_type_id FROM cell_link l "
                     "JOIN cell_ancestor a ON a.cell_type_id = l.cell_type_id "
                     "WHERE l.role = ? AND a.ancestor_id = ?", (role, p["id"]))
        direct = {row["interleukin_id"] for row in rows if row["cell_type_id"] == p["id"]}
        out[field] = [{**x, "direct": x["id"] in direct}
                      for x in r.users(row["interleukin_id"] for row in rows)]
    return out


def _disease(r: _Reader, p: sqlite3.Row) -> Json:
    d = r.one("SELECT * FROM disease WHERE id = ?", (p["id"],))
    assert d is not None
    links = r.all("SELECT l.interleukin_id, l.kind, l.note, l.disease_id FROM disease_link l "
                  "JOIN disease_ancestor a ON a.disease_id = l.disease_id "
                  "WHERE a.ancestor_id = ? ORDER BY l.interleukin_id, l.position", (p["id"],))
    names = r.names([*(row["interleukin_id"] for row in links),
                     *(row["disease_id"] for row in links)])
    drugs = r.drugs("d.id IN (SELECT x.drug_id FROM drug_indication x "
                    "JOIN disease_ancestor a ON a.disease_id = x.disease_id "
                    "WHERE a.ancestor_id = ?)", (p["id"],))
    targets = r.targets(row["id"] for row in drugs)
    indicated: dict[str, list[str]] = {}  # drug -> the diseases here it is indicated for
    for row in r.all("SELECT x.drug_id, x.disease_id FROM drug_indication x "
                     "JOIN disease_ancestor a ON a.disease_id = x.disease_id "
                     "WHERE a.ancestor_id = ? ORDER BY x.position", (p["id"],)):
        indicated.setdefault(row["drug_id"], []).append(row["disease_id"])
    sub = r.names(i for ids in indicated.values() for i in ids)
    children = r.all("SELECT c.id FROM disease c, json_each(c.parents) j WHERE j.value = ?",
                     (p["id"],))
    return {"mondo_id": d["mondo_id"], "mesh_id": d["mesh_id"], "category": d["category"],
            "description": d["description"], "synonyms": r.aliases(p["id"])[1:],
            "parents": r.users(_list(d["parents"])),
            "children": r.users(c["id"] for c in children),
            "interleukins": _group_links(p["id"], links, names, _approved_counts(drugs, targets)),
            "drugs": [{**_drug_brief(x, targets[x["id"]]),
                       # indicated only for subtypes (psoriatic arthritis, not psoriasis)?
                       "for": [] if p["id"] in indicated.get(x["id"], []) else
                       [{"id": i, "name": sub[i][0]} for i in indicated.get(x["id"], [])
                        if i in sub]}
                      for x in drugs]}


def _approved_counts(drugs: list[sqlite3.Row], targets: dict[str, list[sqlite3.Row]]
                     ) -> dict[str, int]:
    """Interleukin -> how many approved drugs for this disease act on it."""
    counts: dict[str, int] = {}
    for d in drugs:
        if d["status"] in ("approved", "approved-regionally"):
            for il in {i for t in targets[d["id"]] for i in _list(t["interleukins"])}:
                counts[il] = counts.get(il, 0) + 1
    return counts


def _group_links(disease_id: str, links: Iterable[sqlite3.Row],
                 names: dict[str, tuple[str, str]], drug_counts: dict[str, int]
                 ) -> list[Json]:
    """One row per interleukin: its direct links to this disease first, then the subtypes it
    is linked through; strongest kind of link first, and within a kind, the interleukin
    more approved drugs for this disease act on (psoriasis: IL-23 and IL-17A first)."""
    rows: dict[str, Json] = {}
    for link in links:
        il, kind, note, via = (link["interleukin_id"], link["kind"], link["note"],
                               link["disease_id"])
        row = rows.setdefault(il, {"id": il, "name": names[il][0], "direct": [], "notes": [],
                                   "through": [], "via": []})
        if via == disease_id:
            row["direct"].append(kind)
            if note and note not in row["notes"]:
                row["notes"].append(note)
        else:
            row["through"].append(kind)
            if via not in row["via"]:
                row["via"].append(via)
    out = []
    for row in rows.values():
        kinds = sorted(set(row["direct"] or row["through"]), key=LINK_ORDER.index)
        out.append({"id": row["id"], "name": row["name"], "kinds": kinds, "kind": kinds[0],
                    "direct": bool(row["direct"]), "note": " ".join(row["notes"]),
                    "via": [{"id": v, "name": names.get(v, (v, ""))[0]} for v in row["via"]]})
    out.sort(key=lambda x: (LINK_ORDER.index(x["kind"]), -drug_counts.get(x["id"], 0),
                            _number_key(x["name"])))
    return out


def _number_key(name: str) -> str:
    match = re.match(r"IL-(\d+)(.*)", name)
    return f"{int(match.group(1)):04d}{match.group(2)}" if match else name


def _drug(r: _Reader, p: sqlite3.Row) -> Json:
    d = r.one("SELECT * FROM drug WHERE id = ?", (p["id"],))
    assert d is not None
    targets = r.targets([p["id"]])[p["id"]]
    ids = [i for t in targets for i in [*_list(t["binds"]), *_list(t["interleukins"])]]
    names = r.names(ids)
    indications = r.all("SELECT x.disease_id AS id, pg.name FROM drug_indication x "
                        "JOIN page pg ON pg.id = x.disease_id WHERE x.drug_id = ? "
                        "ORDER BY x.position", (p["id"],))
    return {"drug_kind": d["kind"], "brands": _list(d["brands"]), "status": d["status"],
            "approval_year": d["approval_year"], "approval_note": d["approval_note"],
            "description": d["description"], "side_effects": _list(d["side_effects"]),
            "sources": _list(d["sources"]),
            "targets": [{"binds": [{"id": b, "name": names.get(b, (b, ""))[0],
                                    "kind": names.get(b, ("", "?"))[1]}
                                   for b in _list(t["binds"])],
                         "interleukins": [{"id": i, "name": names.get(i, (i, ""))[0]}
                                          for i in _list(t["interleukins"])],
                         "effect": t["effect"], "action": t["action"]} for t in targets],
            "indications": [dict(x) for x in indications]}


def _article(r: _Reader, p: sqlite3.Row) -> Json:
    a = r.one("SELECT body FROM article WHERE id = ?", (p["id"],))
    assert a is not None
    return {"body": a["body"], "aliases": r.aliases(p["id"])[1:]}


_DETAIL = {"interleukin": _interleukin, "receptor": _receptor, "molecule": _molecule,
           "cell_type": _cell_type, "disease": _disease, "drug": _drug, "article": _article}


def page(content: Content, page_id: str) -> Json | None:
    """Everything about one page, or None if there is no such page."""
    r = _Reader(content.sqlite)
    p = r.one("SELECT id, kind, name, short, summary FROM page WHERE id = ?", (page_id,))
    if p is None:
        return None
    out: Json = dict(p)
    out.update(_DETAIL[p["kind"]](r, p))
    out["references"] = _refs(r, page_id)
    return out


def labels(content: Content) -> dict[str, tuple[str, str]]:
    """id -> (short name, kind) for every page, to render [[links]] and lists."""
    rows = _Reader(content.sqlite).all("SELECT id, short, kind FROM page")
    return {row["id"]: (row["short"], row["kind"]) for row in rows}


def families(content: Content) -> list[Json]:
    r = _Reader(content.sqlite)
    fams = r.all("SELECT id, name, description, shared_chains FROM family ORDER BY position")
    members = [(m["id"], m["short"], {m["family_id"], *_list(m["other_families"])})
               for m in r.all("SELECT i.id, i.family_id, i.other_families, p.short "
                              "FROM interleukin i JOIN page p ON p.id = i.id "
                              "ORDER BY p.sort_key")]
    return [{"id": f["id"], "name": f["name"], "description": f["description"],
             "shared_chains": _list(f["shared_chains"]),
             "members": [{"id": i, "name": short} for i, short, fams_of in members
                         if f["id"] in fams_of]}
            for f in fams]


def meta(content: Content) -> dict[str, str]:
    rows = _Reader(content.sqlite).all("SELECT key, value FROM meta")
    return {row["key"]: row["value"] for row in rows}


def hierarchy(content: Content, kind: str) -> list[Json]:
    """Cell types or diseases with their is-a parents (and a disease's category), by name."""
    r = _Reader(content.sqlite)
    if kind == "cell_type":
        rows = r.all("SELECT c.id, p.name, c.parents, NULL AS category FROM cell_type c "
                     "JOIN page p ON p.id = c.id ORDER BY p.sort_key")
    else:
        rows = r.all("SELECT d.id, p.name, d.parents, d.category FROM disease d "
                     "JOIN page p ON p.id = d.id ORDER BY p.sort_key")
    synonyms: dict[str, list[str]] = {}
    for row in r.all("SELECT a.page_id, a.name FROM alias a JOIN page p ON p.id = a.page_id "
                     "WHERE p.kind = ? AND a.position > 0", (kind,)):
        synonyms.setdefault(row["page_id"], []).append(row["name"])
    return [{"id": row["id"], "name": row["name"], "parents": _list(row["parents"]),
             "category": row["category"], "synonyms": synonyms.get(row["id"], [])}
            for row in rows]
