"""The small tables a `Searcher` holds in memory: page names and alias keys, interleukins'
facet memberships, what each page is about (with link weights), the relation graph that a
named page's neighbourhood comes from, and the variant table.

Read once when a `Searcher` opens (a few milliseconds on the shipped database).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from dataclasses import dataclass

from ildesk.search import graph
from ildesk.search.prefix import NameWords
from ildesk.search.variants import Variants
from ildesk.vocab import APPROVED, LINK_WEIGHT

# Disease links weigh `vocab.LINK_WEIGHT`; links through a subtype (psoriasis -> its pustular
# form) count less.
SUBTYPE_FACTOR = 0.8
_APPROVED_SQL = ", ".join(f"'{s}'" for s in sorted(APPROVED))  # fixed words, not input
DRUG_WEIGHT = 0.25
# "What do Th17 cells make?" is the commoner question than "what acts on them?".
ROLE_WEIGHT = {"producer": 2.0, "target": 1.0}
SECONDARY_FACTOR = 0.8
PROMINENCE_WEIGHT = 0.05


def meta_value(c: sqlite3.Connection, name: str) -> str | None:
    """The value the database's meta table keeps under `name`, if any."""
    row = c.execute("SELECT value FROM meta WHERE key = ?", (name,)).fetchone()
    return None if row is None else str(row[0])


@dataclass
class Index:
    """Small tables held in memory: page names, interleukins' facet memberships."""

    names: dict[str, tuple[str, str, str, str]]  # id -> (name, kind, summary, sort_key)
    alias_keys: dict[str, list[str]]  # key -> page ids (in alias order)
    vocabulary: list[str]
    cells_of: dict[tuple[str, str], set[str]]  # (interleukin, role) -> cells and ancestors
    diseases_of: dict[tuple[str, str], set[str]]  # (interleukin, kind) -> diseases + ancestors
    families_of: dict[str, set[str]]
    linked_ils: dict[str, dict[str, float]]  # page -> interleukins it is about, with weight
    primary_family: dict[str, str]
    disputed: set[str]
    shorts: dict[str, str]
    own_keys: dict[str, set[str]]
    sorted_keys: list[str]  # alias keys in order, for prefix lookups by bisection
    graph: graph.Graph  # how pages are linked, for a named page's neighbourhood
    variants: Variants  # data/variants.yaml as the builder stored it
    alias_rows: list[tuple[str, str, int]]  # (page id, name or alias, position)

    @functools.cached_property
    def name_words(self) -> NameWords:
        """The words of names and aliases, for a word being typed: made when first asked
        for (4 ms on the shipped database, 1.3 s at 100,000 entries), not at start-up."""
        return NameWords.build(self.alias_rows)



def load(c: sqlite3.Connection) -> Index:
    """Read the in-memory tables from an open content database."""
    names = {r[0]: (r[1], r[2], r[3], r[4]) for r in
             c.execute("SELECT id, name, kind, summary, sort_key FROM page")}
    shorts = dict(c.execute("SELECT id, short FROM page").fetchall())
    alias_keys: dict[str, list[str]] = {}
    own_keys: dict[str, set[str]] = {}
    vocab: dict[str, None] = {}
    alias_rows = c.execute("SELECT page_id, name, key, position FROM alias "
                           "ORDER BY page_id, position").fetchall()
    for page_id, name, k, position in alias_rows:
        if position <= 1:  # the page's name, and an interleukin's abbreviation
            own_keys.setdefault(page_id, set()).add(k)
        ids = alias_keys.setdefault(k, [])
        if page_id not in ids:
            ids.append(page_id)
        vocab[name] = None
    cells: dict[tuple[str, str], set[str]] = {}
    # A cell type is about the interleukins it makes and answers, its subtypes' too (read
    # here in the same pass, used below).
    roles: dict[tuple[str, str], dict[str, float]] = {}
    for anc, il, role, cell, pos in c.execute(
            "SELECT a.ancestor_id, l.interleukin_id, l.role, l.cell_type_id, l.position "
            "FROM cell_link l JOIN cell_ancestor a ON a.cell_type_id = l.cell_type_id"):
        cells.setdefault((il, role), set()).add(anc)
        cells.setdefault((il, "any"), set()).add(anc)
        per_role = roles.setdefault((anc, il), {})
        w = ROLE_WEIGHT[role] * (1.0 if anc == cell else SUBTYPE_FACTOR)
        if pos > 0:  # the first cell an entry names is its main source or target
            w *= SECONDARY_FACTOR
        per_role[role] = max(per_role.get(role, 0.0), w)
    dis: dict[tuple[str, str], set[str]] = {}
    for il, kind, anc in c.execute(
            "SELECT l.interleukin_id, l.kind, a.ancestor_id FROM disease_link l "
            "JOIN disease_ancestor a ON a.disease_id = l.disease_id"):
        dis.setdefault((il, kind), set()).add(anc)
        dis.setdefault((il, "any"), set()).add(anc)
    fams: dict[str, set[str]] = {}
    for il, fam, others in c.execute("SELECT id, family_id, other_families "
                                     "FROM interleukin"):
        fams[il] = {fam, *json.loads(others or "[]")}
    linked: dict[str, dict[str, float]] = {}

    def link(page: str, il: str, weight: float) -> None:
        ils = linked.setdefault(page, {})
        ils[il] = max(ils.get(il, 0.0), weight)

    for a, b in c.execute(
            "SELECT DISTINCT cc.chain_id, rc.interleukin_id FROM complex_chain cc "
            "JOIN receptor_complex rc ON rc.id = cc.complex_id "
            "UNION ALL SELECT drug_id, interleukin_id FROM drug_interleukin "
            "UNION ALL SELECT molecule_id, interleukin_id FROM signal_link"):
        link(a, b, 1.0)
    for (anc, il), per_role in roles.items():
        link(anc, il, max(per_role.values()) + 0.1 * (len(per_role) - 1))
    for anc, il, kind, disease in c.execute(
            "SELECT a.ancestor_id, l.interleukin_id, l.kind, l.disease_id "
            "FROM disease_link l JOIN disease_ancestor a ON a.disease_id = l.disease_id"):
        link(anc, il, LINK_WEIGHT[kind] * (1.0 if anc == disease else SUBTYPE_FACTOR))
    # Approved drugs that act on an interleukin in a disease make that link weigh more.
    for anc, il, n in c.execute(
            "SELECT a.ancestor_id, di.interleukin_id, count(DISTINCT x.drug_id) "
            "FROM drug_indication x JOIN disease_ancestor a ON a.disease_id = x.disease_id "
            "JOIN drug_interleukin di ON di.drug_id = x.drug_id "
            "JOIN drug d ON d.id = x.drug_id "
            f"WHERE d.status IN ({_APPROVED_SQL}) GROUP BY 1, 2"):
        if il in linked.get(anc, {}):
            linked[anc][il] += DRUG_WEIGHT * min(n, 4)
    # Clinical prominence breaks ties: an interleukin more approved drugs act on first.
    prominence = {il: PROMINENCE_WEIGHT * min(n, 6) for il, n in c.execute(
        "SELECT di.interleukin_id, count(*) FROM drug_interleukin di "
        "JOIN drug d ON d.id = di.drug_id "
        f"WHERE d.status IN ({_APPROVED_SQL}) GROUP BY 1")}
    for ils in linked.values():
        for il in ils:
            ils[il] += prominence.get(il, 0.0)
    primary = dict(c.execute("SELECT id, family_id FROM interleukin").fetchall())
    disputed = {r[0] for r in c.execute("SELECT id FROM interleukin "
                                        "WHERE status != 'established'")}
    return Index(names, alias_keys, list(vocab), cells, dis, fams, linked, primary,
                 disputed, shorts, own_keys, sorted(alias_keys), graph.load(c),
                 Variants.from_json(meta_value(c, "search_variants")),
                 [(r[0], r[1], r[3]) for r in alias_rows])

