"""Read whole pages out of the content database as typed, JSON-ready dictionaries.

`page(content, "il-6")` gives everything the article, the fact sheet and `ildesk show` need,
as the `TypedDict` of its kind (`ildesk.db.pages.types`); `resolve(content, "il6")` turns any
name or alias into a page id.

This is the hot read path (every click, every fact sheet), so it runs parameterised SQL on
the read-only connection rather than the ORM: a page takes a millisecond or two, not a
hundred. The tables are the ones `ildesk.db.models` defines (tests/test_schema.py holds the
SQL to them). One module per group of kinds: `interleukin`, `parts` (receptor chains,
molecules, cell types, articles) and `clinical` (diseases, drugs).
"""

from __future__ import annotations

from collections.abc import Callable

from ildesk.db.engine import Content
from ildesk.db.pages import clinical, drug_table, interleukin, parts
from ildesk.db.pages._reader import Reader, Row, json_list
from ildesk.db.pages.drug_types import Exclusion
from ildesk.db.pages.types import DrugTableRow, Family, HierarchyEntry, Page, PageSummary
from ildesk.kb.names import key
from ildesk.vocab import PageKind

__all__ = ["approved_drug_counts", "cell_link_strength", "drugs", "exclusion", "families",
           "hierarchy", "labels", "list_pages", "meta", "page", "resolve"]

_READ: dict[str, Callable[[Reader, Row], Page]] = {
    "interleukin": interleukin.read, "receptor": parts.receptor, "molecule": parts.molecule,
    "cell_type": parts.cell_type, "disease": clinical.disease, "drug": clinical.drug,
    "article": parts.article,
}


def page(content: Content, page_id: str) -> Page | None:
    """Everything about one page, or None if there is no such page."""
    r = Reader(content.sqlite)
    p = r.one("SELECT id, kind, name, short, summary FROM page WHERE id = ?", (page_id,))
    if p is None:
        return None
    return _READ[p["kind"]](r, p)


def resolve(content: Content, name: str) -> str | None:
    """The id of the page `name` names: an id, a name or an alias, in any spelling."""
    r = Reader(content.sqlite)
    # Text from a command line may hold lone surrogates, which SQLite cannot take.
    name = name.encode("utf-8", "replace").decode("utf-8")
    if r.one("SELECT id FROM page WHERE id = ?", (name.strip(),)):
        return name.strip()
    k = key(name)
    if not k:
        return None
    row = r.one("SELECT page_id FROM alias WHERE key = ? ORDER BY position, page_id LIMIT 1",
                (k,))
    return str(row["page_id"]) if row else None


def drugs(content: Content, disease_id: str | None = None) -> list[DrugTableRow]:
    """The drug table of a disease (its subtypes included), or of every drug for None."""
    return drug_table.table(Reader(content.sqlite), disease_id)


def exclusion(content: Content, name: str) -> Exclusion | None:
    """The entry of data/exclusions.yaml that `name` (an INN or a brand, in any spelling)
    names: {name, brands, target, reason, source}, or None."""
    k = key(name.encode("utf-8", "replace").decode("utf-8"))
    if not k:
        return None
    row = Reader(content.sqlite).one(
        "SELECT e.name, e.brands, e.target, e.reason, e.source FROM exclusion_name n "
        "JOIN exclusion e ON e.id = n.exclusion_id WHERE n.key = ?", (k,))
    if row is None:
        return None
    return {"name": row["name"], "brands": json_list(row["brands"]),
            "target": row["target"], "reason": row["reason"], "source": row["source"]}


def list_pages(content: Content, kind: PageKind | None = None) -> list[PageSummary]:
    r = Reader(content.sqlite)
    where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
    rows = r.all(f"SELECT id, name, kind, summary FROM page {where} ORDER BY kind, sort_key",
                 params)
    return [{"id": row["id"], "name": row["name"], "kind": row["kind"],
             "summary": row["summary"]} for row in rows]


def labels(content: Content) -> dict[str, tuple[str, str]]:
    """id -> (short name, kind) for every page, to render [[links]] and lists."""
    rows = Reader(content.sqlite).all("SELECT id, short, kind FROM page")
    return {row["id"]: (row["short"], row["kind"]) for row in rows}


def families(content: Content) -> list[Family]:
    r = Reader(content.sqlite)
    fams = r.all("SELECT id, name, description, shared_chains FROM family ORDER BY position")
    members = [(m["id"], m["short"], {m["family_id"], *json_list(m["other_families"])})
               for m in r.all("SELECT i.id, i.family_id, i.other_families, p.short "
                              "FROM interleukin i JOIN page p ON p.id = i.id "
                              "ORDER BY p.sort_key")]
    return [{"id": f["id"], "name": f["name"], "description": f["description"],
             "shared_chains": json_list(f["shared_chains"]),
             "members": [{"id": i, "name": short} for i, short, fams_of in members
                         if f["id"] in fams_of]}
            for f in fams]


def meta(content: Content) -> dict[str, str]:
    rows = Reader(content.sqlite).all("SELECT key, value FROM meta")
    return {row["key"]: row["value"] for row in rows}


def hierarchy(content: Content, kind: str) -> list[HierarchyEntry]:
    """Cell types or diseases with their is-a parents (and a disease's category), by name."""
    r = Reader(content.sqlite)
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
    return [{"id": row["id"], "name": row["name"], "parents": json_list(row["parents"]),
             "category": row["category"], "synonyms": synonyms.get(row["id"], [])}
            for row in rows]


def approved_drug_counts(content: Content, disease_id: str) -> dict[str, int]:
    """Interleukin -> how many approved drugs for the disease (or its subtypes) act on it."""
    r = Reader(content.sqlite)
    drugs = r.drugs("d.id IN (SELECT x.drug_id FROM drug_indication x "
                    "JOIN disease_ancestor a ON a.disease_id = x.disease_id "
                    "WHERE a.ancestor_id = ?)", (disease_id,))
    return clinical.approved_counts(drugs, r.targets(d["id"] for d in drugs))


def cell_link_strength(content: Content, cell_id: str) -> dict[str, int]:
    """Interleukin -> how closely the cell type is tied to it, 0 the closest: made by the
    cell itself (not only a subtype), before acted on; named first for it, before later."""
    rows = Reader(content.sqlite).all(
        "SELECT l.interleukin_id, min((a.ancestor_id != l.cell_type_id) * 4 "
        "+ (l.role = 'target') * 2 + (l.position > 0)) AS strength "
        "FROM cell_link l JOIN cell_ancestor a ON a.cell_type_id = l.cell_type_id "
        "WHERE a.ancestor_id = ? GROUP BY l.interleukin_id", (cell_id,))
    return {row["interleukin_id"]: int(row["strength"]) for row in rows}
