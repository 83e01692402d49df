"""Read an interleukin's page: genes, receptors and their chains, signalling, cells, diseases,
drugs (in reading order) and natural antagonists."""

from __future__ import annotations

from ildesk.db.pages._reader import Reader, Row, drug_brief, json_list
from ildesk.db.pages.types import ChainDetail, DrugBrief, InterleukinPage, Signalling
from ildesk.vocab import STATUS_ORDER, rank


def _signalling(r: Reader, il: Row) -> Signalling:
    molecules = r.all("SELECT s.role, m.id, m.symbol, pg.name FROM signal_link s "
                      "JOIN molecule m ON m.id = s.molecule_id JOIN page pg ON pg.id = m.id "
                      "WHERE s.interleukin_id = ? ORDER BY s.position", (il["id"],))

    def shown(role: str) -> list[str]:
        return [mo["symbol"] or mo["name"] for mo in molecules if mo["role"] == role]

    def ids(role: str) -> list[str]:
        return [mo["id"] for mo in molecules if mo["role"] == role]

    return {"route": il["route"], "note": il["signalling_note"],
            "target_genes": json_list(il["target_genes"]),
            "kinases": shown("kinase"), "kinases_ids": ids("kinase"),
            "transcription_factors": shown("transcription_factor"),
            "transcription_factors_ids": ids("transcription_factor"),
            "adaptors": shown("adaptor"), "adaptors_ids": ids("adaptor"),
            "pathways": shown("pathway"), "pathways_ids": ids("pathway")}


def _chains(r: Reader, page_id: str) -> dict[int, list[ChainDetail]]:
    """Receptor complex id -> its chains, in order."""
    rows = r.all("SELECT cc.complex_id, c.id, c.symbol, c.cd, c.shared, c.kinases, pg.name "
                 "FROM receptor_complex rc JOIN complex_chain cc ON cc.complex_id = rc.id "
                 "JOIN chain c ON c.id = cc.chain_id JOIN page pg ON pg.id = c.id "
                 "WHERE rc.interleukin_id = ? ORDER BY cc.complex_id, cc.position",
                 (page_id,))
    out: dict[int, list[ChainDetail]] = {}
    for c in rows:
        out.setdefault(c["complex_id"], []).append(
            {"id": c["id"], "symbol": c["symbol"], "name": c["name"], "cd": c["cd"],
             "shared": bool(c["shared"]), "kinases": json_list(c["kinases"])})
    return out


def read(r: Reader, p: Row) -> InterleukinPage:
    pid = p["id"]
    il = r.row("interleukin", pid)
    family = r.one("SELECT id, name FROM family WHERE id = ?", (il["family_id"],))
    others = [r.one("SELECT id, name FROM family WHERE id = ?", (f,))
              for f in json_list(il["other_families"])]
    genes = r.all("SELECT symbol, hgnc_id, ncbi_gene_id, uniprot, location, length_aa, subunit "
                  "FROM gene WHERE interleukin_id = ? ORDER BY position", (pid,))
    complexes = r.all("SELECT id, name, kind, note FROM receptor_complex "
                      "WHERE interleukin_id = ? ORDER BY position", (pid,))
    by_complex = _chains(r, pid)
    cells = r.all("SELECT c.id, pg.name, c.cl_id, l.role, l.note FROM cell_link l "
                  "JOIN cell_type c ON c.id = l.cell_type_id JOIN page pg ON pg.id = c.id "
                  "WHERE l.interleukin_id = ? ORDER BY l.role = 'target', l.position", (pid,))
    diseases = r.all("SELECT d.id, pg.name, l.kind, l.note, d.mondo_id, d.mesh_id, d.category "
                     "FROM disease_link l JOIN disease d ON d.id = l.disease_id "
                     "JOIN page pg ON pg.id = d.id WHERE l.interleukin_id = ? "
                     "ORDER BY l.position", (pid,))
    drugs = r.drugs("d.id IN (SELECT drug_id FROM drug_interleukin WHERE interleukin_id = ?)",
                    (pid,))
    targets = r.targets(d["id"] for d in drugs)
    antagonists = [row["antagonist_id"] for row in
                   r.all("SELECT antagonist_id FROM antagonism WHERE interleukin_id = ?", (pid,))]
    antagonist_of = [row["interleukin_id"] for row in
                     r.all("SELECT interleukin_id FROM antagonism WHERE antagonist_id = ?",
                           (pid,))]
    names = r.names([*antagonists, *antagonist_of])
    chain_ids = {c["id"] for chains in by_complex.values() for c in chains}
    return {
        "id": pid, "kind": "interleukin", "name": p["name"], "short": p["short"],
        "summary": p["summary"],
        "abbreviation": il["abbreviation"],
        "aliases": r.aliases(pid)[2:],
        "family": family["name"] if family else il["family_id"],
        "family_id": il["family_id"],
        "other_families": [{"id": f["id"], "name": f["name"]} for f in others if f],
        "status": il["status"], "status_note": il["status_note"],
        "genes": [{"symbol": g["symbol"], "hgnc_id": g["hgnc_id"],
                   "ncbi_gene_id": g["ncbi_gene_id"], "uniprot": g["uniprot"],
                   "location": g["location"], "length_aa": g["length_aa"],
                   "subunit": g["subunit"]} for g in genes],
        "protein": {"fold": il["fold"], "mature_aa": il["mature_aa"], "mass_kda": il["mass_kda"]},
        "discovery": {"year": il["discovery_year"], "text": il["discovery_text"]},
        "receptors": [{"name": rc["name"], "kind": rc["kind"], "note": rc["note"],
                       "chains": [c["symbol"] for c in by_complex.get(rc["id"], [])],
                       "chain_ids": [c["id"] for c in by_complex.get(rc["id"], [])],
                       "chain_details": by_complex.get(rc["id"], [])} for rc in complexes],
        "signalling": _signalling(r, il),
        "cell_types": [{"id": c["id"], "name": c["name"], "cl_id": c["cl_id"],
                        "role": c["role"], "note": c["note"]} for c in cells],
        "diseases": [{"id": d["id"], "name": d["name"], "kind": d["kind"], "note": d["note"],
                      "mondo_id": d["mondo_id"], "mesh_id": d["mesh_id"],
                      "category": d["category"]} for d in diseases],
        "drugs": by_relevance([drug_brief(d, targets[d["id"]], pid) for d in drugs],
                              pid, chain_ids),
        "antagonists": [{"id": a, "name": names[a][0]} for a in antagonists if a in names],
        "antagonist_of": [{"id": a, "name": names[a][0]} for a in antagonist_of if a in names],
        "functions": il["functions"], "therapy": il["therapy"],
        "side_effects": json_list(il["side_effects"]), "sources": json_list(il["sources"]),
        "notes": il["notes"],
        "references": r.references(pid),
    }


def by_relevance(drugs: list[DrugBrief], interleukin: str, chains: set[str]) -> list[DrugBrief]:
    """Approved first; among them, drugs that bind the interleukin or its receptor before
    those that act further down (JAK inhibitors); then the earliest approved."""
    def key(d: DrugBrief) -> tuple[int, int, int, str]:
        direct = any(b == interleukin or b in chains for b in d["binds"])
        return (rank(STATUS_ORDER, d["status"]), 0 if direct else 1,
                d["approval_year"] or 9999, d["name"])
    return sorted(drugs, key=key)
