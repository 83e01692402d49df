"""The search engine: FTS5 with bm25 column weights, exact-name boosts, facets, suggestions.

    searcher = Searcher(Path("ildesk.sqlite"))
    result = searcher.search("il6", Facets(cell_type="th17-cell", role="producer"))
    result.hits[0].name  # 'Interleukin-6'

A `Searcher` owns one read-only sqlite3 connection; use it from one thread at a time (the
window runs it on one worker thread). `cancel` (a callable returning True when the answer is
no longer wanted) interrupts a running query.
"""

from __future__ import annotations

import bisect
import heapq
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ildesk.db.engine import connect_readonly
from ildesk.db.fts import FTS_TABLE, SNIPPET_COLUMN, WEIGHTS
from ildesk.kb.names import key
from ildesk.search import query as q
from ildesk.vocab import APPROVED, LINK_WEIGHT

Roles = ("producer", "target", "any")
KIND_BOOST = {"interleukin": 1.6}
EXACT_SCORE = 1000.0
LINKED_SCORE = 500.0
PREFIX_SCORE = 800.0  # a name being typed (IL-1 → IL-1α, IL-1β): below exact, above the rest
OWN_NAME_BONUS = 100.0  # …and the page's own name or abbreviation before its other aliases
PREFIX_SCAN = 400  # names looked at after a typed prefix (the rest are too remote to help)
DIVERSIFY_HEAD = 120  # linked interleukins ordered by family spread; the rest are not shown
# Disease links weigh `vocab.LINK_WEIGHT`; links through a subtype (psoriasis -> its pustular
# form) count less.
SUBTYPE_FACTOR = 0.8
_APPROVED_SQL = ", ".join(f"'{s}'" for s in sorted(APPROVED))  # fixed words, not input
FAMILY_SPREAD = 1.0
DRUG_WEIGHT = 0.25
# "What do Th17 cells make?" is the commoner question than "what acts on them?".
ROLE_WEIGHT = {"producer": 2.0, "target": 1.0}
SECONDARY_FACTOR = 0.8
PROMINENCE_WEIGHT = 0.05
MARK_START, MARK_END = "\x01", "\x02"
SNIPPETS = 60  # hits that get a marked snippet; the rest show their summary
FACET_POOL = 500  # hits ranked before facets filter them


class Cancelled(Exception):
    """The search was cancelled because a newer one superseded it."""


@dataclass(frozen=True)
class SearchHit:
    id: str
    kind: str
    name: str
    score: float
    snippet: str  # the match marked with MARK_START / MARK_END
    summary: str = ""
    exact: bool = False
    short: str = ""

    def snippet_text(self, start: str = "«", end: str = "»") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


@dataclass(frozen=True)
class Facets:
    """Filters that narrow the result to interleukins. Values are page ids."""

    cell_type: str | None = None
    role: str = "any"  # producer | target | any
    disease: str | None = None
    disease_kind: str | None = None
    family: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.cell_type or self.disease or self.family)


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[SearchHit]
    suggestions: list[str] = field(default_factory=list)
    corrected_from: str | None = None
    facets: Facets = Facets()


@dataclass
class _Index:
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


class Searcher:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect_readonly(path)
        self._cancel: Callable[[], bool] | None = None
        self._processed: list[str] | None = None
        self.conn.set_progress_handler(self._progress, 2000)
        self.index = self._load_index()

    def close(self) -> None:
        self.conn.close()

    def _progress(self) -> int:
        return 1 if self._cancel is not None and self._cancel() else 0

    def _load_index(self) -> _Index:
        c = self.conn
        names = {r[0]: (r[1], r[2], r[3], r[4]) for r in
                 c.execute("SELECT id, name, kind, summary, sort_key FROM page")}
        shorts = dict(c.execute("SELECT id, short FROM page").fetchall())
        alias_keys: dict[str, list[str]] = {}
        own_keys: dict[str, set[str]] = {}
        vocab: dict[str, None] = {}
        for page_id, name, k, position in c.execute(
                "SELECT page_id, name, key, position FROM alias ORDER BY page_id, position"):
            if position <= 1:  # the page's name, and an interleukin's abbreviation
                own_keys.setdefault(page_id, set()).add(k)
            ids = alias_keys.setdefault(k, [])
            if page_id not in ids:
                ids.append(page_id)
            vocab[name] = None
        cells: dict[tuple[str, str], set[str]] = {}
        for il, role, anc in c.execute(
                "SELECT l.interleukin_id, l.role, a.ancestor_id FROM cell_link l "
                "JOIN cell_ancestor a ON a.cell_type_id = l.cell_type_id"):
            cells.setdefault((il, role), set()).add(anc)
            cells.setdefault((il, "any"), set()).add(anc)
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
        # A cell type is about the interleukins it makes and answers, its subtypes' too.
        roles: dict[tuple[str, str], dict[str, float]] = {}
        for anc, il, role, cell, pos in c.execute(
                "SELECT a.ancestor_id, l.interleukin_id, l.role, l.cell_type_id, l.position "
                "FROM cell_link l JOIN cell_ancestor a ON a.cell_type_id = l.cell_type_id"):
            per_role = roles.setdefault((anc, il), {})
            w = ROLE_WEIGHT[role] * (1.0 if anc == cell else SUBTYPE_FACTOR)
            if pos > 0:  # the first cell an entry names is its main source or target
                w *= SECONDARY_FACTOR
            per_role[role] = max(per_role.get(role, 0.0), w)
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
        return _Index(names, alias_keys, list(vocab), cells, dis, fams, linked, primary,
                      disputed, shorts, own_keys, sorted(alias_keys))

    # -- facets ---------------------------------------------------------------------------

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

    # -- search ---------------------------------------------------------------------------

    def _run(self, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise Cancelled from exc
            # An expression this module built should always parse; if one does not, the
            # safe answer is "no results", not an exception in the reader's face.
            return []

    def _fts(self, expr: str, limit: int) -> list[tuple[int, str, str, float]]:
        """(rowid, page id, kind, bm25 rank) of the best matches; no snippets here, because
        SQLite would make one for every matching row before the LIMIT applies."""
        sql = (f"SELECT rowid, page_id, kind, bm25({FTS_TABLE}, {WEIGHTS}) AS rank "
               f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rank LIMIT ?")
        return self._run(sql, (expr, limit))  # type: ignore[return-value]

    def _snippets(self, expr: str, rowids: list[int]) -> dict[str, str]:
        """Snippets with the match marked, for the rows that will be shown."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        sql = (f"SELECT page_id, snippet({FTS_TABLE}, {SNIPPET_COLUMN}, ?, ?, '…', 14) "
               f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND rowid IN ({marks})")
        rows = self._run(sql, (MARK_START, MARK_END, expr, *rowids))
        return {str(pid): str(snip) for pid, snip in rows if MARK_START in str(snip)}

    def _rank(self, text: str, limit: int, kinds: tuple[str, ...] | None,
              snippets: bool = True) -> list[SearchHit]:
        ix = self.index
        fts: dict[str, float] = {}
        rowid: dict[str, int] = {}
        expr = q.fts_expression(text)
        if expr:
            for rid, pid, kind, rank in self._fts(expr, max(limit * 3, 60)):
                fts[pid] = -rank * KIND_BOOST.get(kind, 1.0)
                rowid[pid] = rid
        scores = dict(fts)
        exact: set[str] = set()
        for k in q.name_keys(text):
            for pid in ix.alias_keys.get(k, []):
                exact.add(pid)
                scores[pid] = EXACT_SCORE + fts.get(pid, 0.0)
                linked = ix.linked_ils.get(pid, {})
                if ix.names[pid][1] == "interleukin" or not linked:
                    continue
                if len(linked) == 1 and ix.names[pid][1] == "receptor":
                    # A chain only one interleukin uses (CD25) answers with that interleukin.
                    il = next(iter(linked))
                    scores[il] = EXACT_SCORE + 1 + fts.get(pid, 0.0)
                    exact.add(il)
                    continue
                # The interleukins a named page is about follow it (gp130: IL-6, IL-11…),
                # strongest links first, spread across families.
                for rank, il in enumerate(self._diversify(linked, fts)):
                    scores[il] = max(scores.get(il, 0.0), LINKED_SCORE - rank)
        if not exact:
            for pid, bonus in self._name_prefix(text).items():
                scores[pid] = max(scores.get(pid, 0.0),
                                  PREFIX_SCORE + bonus + fts.get(pid, 0.0))
        ranked = sorted((pid for pid in scores if not kinds or ix.names[pid][1] in kinds),
                        key=lambda pid: (-scores[pid], ix.names[pid][3]))[:limit]
        shown = [rowid[pid] for pid in ranked[:SNIPPETS] if pid in rowid and pid not in exact]
        marked = self._snippets(expr, shown) if snippets and expr else {}
        hits = []
        for pid in ranked:
            name, kind, summary, _ = ix.names[pid]
            hits.append(SearchHit(pid, kind, name, round(scores[pid], 3),
                                  marked.get(pid, summary), summary, pid in exact,
                                  ix.shorts.get(pid, name)))
        return hits

    def _name_prefix(self, text: str) -> dict[str, float]:
        """Pages a name-in-progress points at, with a bonus for the page's own name:
        "IL-1" → IL-1α, IL-1β (a number, then only letters: not IL-12), then aliases such as
        IL-1δ; "psor" → psoriasis, psoriatic arthritis; "dupi" → dupilumab."""
        k = key(text)
        if len(k) < 3:
            return {}
        has_digit = any(ch.isdigit() for ch in k)
        if not has_digit and len(k) < 4:
            return {}
        ix = self.index
        out: dict[str, float] = {}
        start = bisect.bisect_left(ix.sorted_keys, k)
        for alias_key in ix.sorted_keys[start:start + PREFIX_SCAN]:
            if not alias_key.startswith(k):
                break
            rest = alias_key[len(k):]
            if not rest:
                continue
            pids = ix.alias_keys[alias_key]
            if has_digit and not (rest.isalpha() and len(rest) <= 3):
                continue
            for pid in pids:
                own = alias_key in ix.own_keys.get(pid, ())
                if not has_digit and not own:
                    continue  # a word being typed: only names that start with it
                bonus = (OWN_NAME_BONUS if own else 0.0) - 20 * len(rest)  # IL-1α before IL-1Ra
                out[pid] = max(out.get(pid, -1e9), bonus)
        return out

    def interleukin_ids(self, text: str, cancel: Callable[[], bool] | None = None) -> list[str]:
        """The interleukins `text` finds, without snippets (for facet counts as you type)."""
        self._cancel = cancel
        try:
            text = q.clean(text)
            if not q.tokens(text):
                return self.interleukins()
            return [h.id for h in self._rank(text, 500, ("interleukin",), snippets=False)]
        finally:
            self._cancel = None

    def _diversify(self, linked: dict[str, float], fts: dict[str, float]) -> list[str]:
        """Order linked interleukins by weight, but let each family's second member wait
        behind the first member of another family with a similar weight."""
        ix = self.index
        weights = {il: w - (0.5 if il in ix.disputed else 0.0) for il, w in linked.items()}
        # Only the head of the list is ever shown; the greedy pass below is quadratic.
        left = {il: weights[il] for il in heapq.nlargest(
            DIVERSIFY_HEAD, weights, key=lambda i: (weights[i], fts.get(i, 0.0)))}
        order: list[str] = []
        taken: dict[str, int] = {}
        while left:
            best = min(left, key=lambda i: (
                -(left[i] - FAMILY_SPREAD * taken.get(ix.primary_family.get(i, ""), 0)),
                -fts.get(i, 0.0), ix.names[i][3]))
            order.append(best)
            fam = ix.primary_family.get(best, "")
            taken[fam] = taken.get(fam, 0) + 1
            del left[best]
        return order

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        cleaned = q.clean(text).strip()
        if len(cleaned) < 3:
            return []
        from rapidfuzz import fuzz, process, utils  # only a query with no hits needs it

        wanted = utils.default_process(cleaned)
        if self._processed is None:  # the vocabulary, case- and punctuation-folded once
            self._processed = [utils.default_process(v) for v in self.index.vocabulary]
        found = process.extract(wanted, self._processed, scorer=fuzz.ratio, processor=None,
                                limit=limit * 3, score_cutoff=75)
        out: list[str] = []
        for _folded, _score, i in found:
            name = self.index.vocabulary[i]
            if name.casefold() != cleaned.casefold() and name not in out:
                out.append(name)
        return out[:limit]

    def search(self, text: str, facets: Facets = Facets(), limit: int = 50,
               cancel: Callable[[], bool] | None = None,
               kinds: tuple[str, ...] | None = None) -> SearchResult:
        """Ranked hits for `text` within `facets`. Never raises for any `text`."""
        self._cancel = cancel
        try:
            text = q.clean(text)
            if facets.active:
                kinds = ("interleukin",)
            if not q.tokens(text):
                ils = [i for i in self.interleukins() if self.matches(i, facets)] \
                    if (facets.active or not text.strip()) else []
                hits = [SearchHit(i, "interleukin", self.index.names[i][0], 0.0,
                                  self.index.names[i][2], self.index.names[i][2],
                                  short=self.index.shorts.get(i, ""))
                        for i in ils]
                return SearchResult(text, hits, facets=facets)
            hits = self._rank(text, FACET_POOL if facets.active else limit, kinds)
            if facets.active:
                hits = [h for h in hits if self.matches(h.id, facets)]
            if hits:
                return SearchResult(text, hits[:limit], facets=facets)
            suggestions = self.suggest(text)
            if suggestions and not (cancel and cancel()):
                corrected = self._rank(suggestions[0], FACET_POOL if facets.active else limit,
                                       kinds)
                if facets.active:
                    corrected = [h for h in corrected if self.matches(h.id, facets)]
                if corrected:
                    return SearchResult(suggestions[0], corrected[:limit], suggestions,
                                        corrected_from=text, facets=facets)
            return SearchResult(text, [], suggestions, facets=facets)
        finally:
            self._cancel = None
