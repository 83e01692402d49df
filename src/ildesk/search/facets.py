"""Facets: which interleukins a cell type, disease or family keeps, the counts each value
would leave, the drugs a disease facet lists after its interleukins, and facet values typed
as text. Mixed into `Searcher`."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from ildesk.kb.names import key
from ildesk.search import query as q
from ildesk.search.hits import NO_FACETS, Facets, SearchHit
from ildesk.search.index import Index

if TYPE_CHECKING:
    from ildesk.search.hits import SearchResult


DRUGS_FOR_DISEASE = "Drugs approved for it"


class FacetMixin:
    index: Index
    conn: sqlite3.Connection

    if TYPE_CHECKING:
        def search(self, text: str, facets: Facets = NO_FACETS, limit: int = 50,
                   cancel: Callable[[], bool] | None = None, kinds: tuple[str, ...] | None = None
                   ) -> SearchResult: ...


    def interleukins(self) -> list[str]:
        ils = [i for i, v in self.index.names.items() if v[1] == "interleukin"]
        return sorted(ils, key=lambda i: self.index.names[i][3])

    def matches(self, il: str, facets: Facets, skip: str | None = None) -> bool:
        ix = self.index
        if skip != "cell_type" and facets.cell_type and \
                facets.cell_type not in ix.cells_of.get((il, facets.role), set()):
            return False
        if skip != "disease" and facets.disease and \
                facets.disease not in ix.diseases_of.get((il, facets.disease_kind or "any"),
                                                         set()):
            return False
        return not (skip != "family" and facets.family
                    and facets.family not in ix.families_of.get(il, set()))

    def facet_drugs(self, facets: Facets) -> list[SearchHit]:
        """The drugs approved (or once approved) for the disease of `facets` or a subtype,
        by name, in their own group after its interleukins; none when another facet or a
        kind of link narrows the list (those are facts about interleukins)."""
        if not facets.disease or facets.cell_type or facets.family or facets.disease_kind:
            return []
        rows = self.conn.execute(
            "SELECT DISTINCT d.id FROM drug d JOIN disease_ancestor a ON a.ancestor_id = ? "
            "WHERE d.id IN (SELECT drug_id FROM approval WHERE status != 'refused' "
            "AND indication_id = a.disease_id) OR (d.approvals_unlisted != '' AND d.id IN "
            "(SELECT drug_id FROM drug_indication WHERE disease_id = a.disease_id))",
            (facets.disease,)).fetchall()
        ids = sorted((r[0] for r in rows if r[0] in self.index.names),
                     key=lambda i: self.index.names[i][3])
        return [SearchHit(i, "drug", self.index.names[i][0], 0.0, self.index.names[i][2],
                          self.index.names[i][2], group=DRUGS_FOR_DISEASE) for i in ids]

    def facet_counts(self, candidates: list[str], facets: Facets) -> dict[str, dict[str, int]]:
        """For each facet, how many of `candidates` (interleukin ids) each value would keep,
        given the other active facets."""
        ix = self.index
        out: dict[str, dict[str, int]] = {"cell_type": {}, "disease": {}, "family": {}}
        for il in candidates:
            if self.matches(il, facets, skip="cell_type"):
                for cell in ix.cells_of.get((il, facets.role), set()):
                    out["cell_type"][cell] = out["cell_type"].get(cell, 0) + 1
            if self.matches(il, facets, skip="disease"):
                for d in ix.diseases_of.get((il, facets.disease_kind or "any"), set()):
                    out["disease"][d] = out["disease"].get(d, 0) + 1
            if self.matches(il, facets, skip="family"):
                for f in ix.families_of.get(il, set()):
                    out["family"][f] = out["family"].get(f, 0) + 1
        return out

    def resolve_facet(self, kind: str, text: str) -> str | None:
        """A facet value typed as text (`th17` → `th17-cell`), matched like a query."""
        wanted = {"cell_type": "cell_type", "disease": "disease"}.get(kind)
        if not key(text):  # no letters or digits: an empty search would list interleukins
            return None
        if kind == "family":
            return self._resolve_family(text)
        for k in q.name_keys(text):
            for pid in self.index.alias_keys.get(k, []):
                if self.index.names[pid][1] == wanted:
                    return pid
        result = self.search(text, limit=50, kinds=(wanted,) if wanted else None)
        return result.hits[0].id if result.hits else None

    def _resolve_family(self, text: str) -> str | None:
        """A family by its id, its name, or a receptor chain its members share (gp130)."""
        k = key(text)
        if not k:
            return None
        rows = self.conn.execute("SELECT id, name, shared_chains FROM family ORDER BY position")
        families = [(fid, name, json.loads(chains or "[]")) for fid, name, chains in rows]
        for fid, name, _ in families:
            if k in (key(fid), key(name)) or key(name).startswith(k):
                return fid
        chains = {pid for kk in q.name_keys(text) for pid in self.index.alias_keys.get(kk, [])}
        for fid, _, shared in families:
            if chains & set(shared):
                return fid
        return None
