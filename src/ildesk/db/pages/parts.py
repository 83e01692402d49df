"""Read the pages of the parts an interleukin works through: receptor chains, signalling
molecules and cell types; and the free-standing articles."""

from __future__ import annotations

from ildesk.db.pages._reader import Reader, Row, drugs_binding, json_list
from ildesk.db.pages.types import (
    ArticlePage,
    CellInterleukin,
    CellTypePage,
    MoleculePage,
    ReceptorPage,
)


def receptor(r: Reader, p: Row) -> ReceptorPage:
    pid = p["id"]
    ch = r.row("chain", pid)
    rows = r.all("SELECT rc.interleukin_id, rc.name, rc.kind FROM complex_chain cc "
                 "JOIN receptor_complex rc ON rc.id = cc.complex_id WHERE cc.chain_id = ? "
                 "ORDER BY rc.interleukin_id, rc.position", (pid,))
    kinases = json_list(ch["kinases"])
    kin = r.names(kinases)
    return {"id": pid, "kind": "receptor", "name": p["name"], "short": p["short"],
            "summary": p["summary"],
            "symbol": ch["symbol"], "cd": ch["cd"], "hgnc_id": ch["hgnc_id"],
            "ncbi_gene_id": ch["ncbi_gene_id"], "uniprot": ch["uniprot"],
            "location": ch["location"], "shared": bool(ch["shared"]),
            "description": ch["description"], "sources": json_list(ch["sources"]),
            "common_names": r.aliases(pid)[2:],
            "kinases": [{"id": k, "name": kin[k][0]} for k in kinases if k in kin],
            "interleukins": r.users(row["interleukin_id"] for row in rows),
            "complexes": [{"interleukin": row["interleukin_id"], "name": row["name"],
                           "kind": row["kind"]} for row in rows],
            "drugs": drugs_binding(r, pid),
            "references": r.references(pid)}


def molecule(r: Reader, p: Row) -> MoleculePage:
    pid = p["id"]
    mo = r.row("molecule", pid)
    rows = r.all("SELECT interleukin_id FROM signal_link WHERE molecule_id = ?", (pid,))
    chains = r.all("SELECT c.id, c.symbol FROM chain c, json_each(c.kinases) j "
                   "WHERE j.value = ? ORDER BY c.symbol", (pid,))
    return {"id": pid, "kind": "molecule", "name": p["name"], "short": p["short"],
            "summary": p["summary"],
            "symbol": mo["symbol"], "molecule_kind": mo["kind"], "hgnc_id": mo["hgnc_id"],
            "ncbi_gene_id": mo["ncbi_gene_id"], "uniprot": mo["uniprot"],
            "description": mo["description"], "sources": json_list(mo["sources"]),
            "common_names": r.aliases(pid)[1:],
            "interleukins": r.users(row["interleukin_id"] for row in rows),
            "chains": [{"id": c["id"], "name": c["symbol"]} for c in chains],
            "drugs": drugs_binding(r, pid),
            "references": r.references(pid)}


def _cell_interleukins(r: Reader, cell: str, role: str) -> list[CellInterleukin]:
    """The interleukins `cell` or its subtypes make (`producer`) or answer (`target`)."""
    rows = r.all("SELECT l.interleukin_id, l.cell_type_id FROM cell_link l "
                 "JOIN cell_ancestor a ON a.cell_type_id = l.cell_type_id "
                 "WHERE l.role = ? AND a.ancestor_id = ?", (role, cell))
    direct = {row["interleukin_id"] for row in rows if row["cell_type_id"] == cell}
    return [{"id": x["id"], "name": x["name"], "direct": x["id"] in direct}
            for x in r.users(row["interleukin_id"] for row in rows)]


def cell_type(r: Reader, p: Row) -> CellTypePage:
    pid = p["id"]
    ct = r.row("cell_type", pid)
    children = r.all("SELECT c.id FROM cell_type c, json_each(c.parents) j WHERE j.value = ?",
                     (pid,))
    return {"id": pid, "kind": "cell_type", "name": p["name"], "short": p["short"],
            "summary": p["summary"],
            "cl_id": ct["cl_id"], "description": ct["description"],
            "parents": r.users(json_list(ct["parents"])),
            "children": r.users(c["id"] for c in children),
            "produces": _cell_interleukins(r, pid, "producer"),
            "responds_to": _cell_interleukins(r, pid, "target"),
            "references": r.references(pid)}


def article(r: Reader, p: Row) -> ArticlePage:
    pid = p["id"]
    a = r.row("article", pid)
    return {"id": pid, "kind": "article", "name": p["name"], "short": p["short"],
            "summary": p["summary"], "body": a["body"], "aliases": r.aliases(pid)[1:],
            "references": r.references(pid)}
