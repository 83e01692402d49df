"""The search engine: FTS5 with bm25 column weights, exact-name boosts, a named page's
neighbourhood, partial matching when no page holds every word, facets, suggestions.

    searcher = Searcher(Path("ildesk.sqlite"))
    result = searcher.search("il6", Facets(cell_type="th17-cell", role="producer"))
    result.hits[0].name  # 'Interleukin-6'
    [h.group for h in searcher.search("IL-6").hits[:3]]  # ['', 'Drugs', 'Drugs']

A `Searcher` owns one read-only sqlite3 connection; use it from one thread at a time (the
window runs it on one worker thread). `cancel` (a callable returning True when the answer is
no longer wanted) interrupts a running query.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from pathlib import Path

from ildesk.db.engine import connect_readonly
from ildesk.kb.names import key
from ildesk.search import graph, index, intent, prefix, snapshot, suggestions
from ildesk.search import query as q
from ildesk.search.facets import FacetMixin
from ildesk.search.fulltext import FullTextMixin
from ildesk.search.hits import (
    MARK_END,
    MARK_START,
    NO_FACETS,
    PARTIAL_NOTICE,
    Cancelled,
    Facets,
    SearchHit,
    SearchResult,
)
from ildesk.search.named import OWN_NAME_BONUS, NamesMixin

__all__ = ["MARK_END", "MARK_START", "Cancelled", "Facets", "SearchHit", "SearchResult",
           "Searcher"]

Roles = ("producer", "target", "any")
KIND_BOOST = {"interleukin": 1.6}
EXACT_SCORE = 1000.0
PREFIX_SCORE = 800.0  # a name being typed (IL-1 → IL-1α, IL-1β): below exact, above the rest
NEIGHBOUR_SCORE = 600.0  # the named page's neighbourhood, in its ranked order, below it
FIRST_SCORE = 2000.0  # "drugs for psoriasis": the drugs come before the disease page
LOOKALIKE_SCORE = 300.0  # "also: IL-40, IL-41" after IL-4's neighbourhood
PREFERRED_BONUS = 200.0  # "drugs for …" without a named page: drugs before other matches
PREFIX_NAMED = 6  # pages a number being typed (IL-1) points at whose neighbourhoods follow
DIVERSIFY_HEAD = 120  # linked interleukins ordered by family spread; the rest are not shown
FAMILY_SPREAD = 1.0
SNIPPETS = 60  # hits that get a marked snippet; the rest show their summary
NAMED_COLUMNS = "name aliases keys summary facets"
NAMED_SNIPPETS = 12  # …after a named page, whose neighbours show their summaries
FACET_POOL = 500  # hits ranked before facets filter them
FEW_ROWS = 5  # full matches below which a name inside the query is offered too
FEW_NOTICE = "Few pages hold all your words; pages with most of them follow"
ALSO = "Similar names"
OTHER = "Other matches"
# A question moves a group of the neighbourhood forward (the group that answers it).
INTENT_FIRST = {"drugs": ("Drugs", "Other drugs", "Same class"), "makers": ("Made by",),
                "products": ("Interleukins it makes",),
                "interleukins": ("Interleukins", "Related interleukins", "Target")}
INTENT_KIND = {"drugs": "drug", "interleukins": "interleukin", "makers": "cell_type",
               "products": "cell_type"}


class Searcher(NamesMixin, FullTextMixin, FacetMixin):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect_readonly(path)
        self._cancel: Callable[[], bool] | None = None
        self._processed: suggestions.ByLength | None = None
        self._deferred = False  # the last _rank(typo_first=True) left partial matching out
        self.conn.set_progress_handler(self._progress, 2000)
        self.index = snapshot.read(self.conn) or index.load(self.conn)

    def close(self) -> None:
        self.conn.close()

    def _progress(self) -> int:
        return 1 if self._cancel is not None and self._cancel() else 0

    def interleukins(self) -> list[str]:
        ils = [i for i, v in self.index.names.items() if v[1] == "interleukin"]
        return sorted(ils, key=lambda i: self.index.names[i][3])

    # -- names ----------------------------------------------------------------------------

    # -- ranking --------------------------------------------------------------------------

    def _rank(self, text: str, limit: int, kinds: tuple[str, ...] | None,
              snippets: bool = True, typo_first: bool = False
              ) -> tuple[list[SearchHit], str, bool]:
        """The ranked hits for `text`, the notice to show with them, and whether the query
        holds a word no page has (then a spelling suggestion may serve better).
        `typo_first`: when such a word sends the query to partial matching, return no hits
        and set `_deferred` instead (the caller tries the suggestion first)."""
        ix = self.index
        named = self._named(text)
        plan = intent.Plan(text) if named else intent.parse(text)
        if not named and plan.rest != text:
            named = self._named(plan.rest)
        rest = plan.rest
        prefixed = {} if named else self._name_prefix(rest)
        # A completed name (IL-4, T cell) or a number being typed (IL-1): longer words and
        # numbers only look alike, so the index is not asked for them as prefixes (which
        # also keeps snippets cheap: a prefix is every word that starts with it).
        numbered = bool(named or prefixed) and key(rest)[-1:].isdigit()
        expr = q.fts_expression(rest, prefix=not (numbered or named), variants=ix.variants)
        if named and expr and not kinds:
            # The neighbourhood answers a named page; other matches come from names,
            # summaries and linked names, not from every page whose text mentions it.
            # (Filtered to interleukins, as facets do, the text still counts: "il6" with
            # Th17 producers finds IL-17A, which IL-6 helps to induce.)
            expr = f"{{{NAMED_COLUMNS}}}: ({expr})"
        asked = max(limit * 3, 60)
        rows = self._typed_name(rest, asked, limit) if expr and not (named or kinds) else []
        if rows:  # a name being typed, answered from the names (no body text to mark)
            expr = f'{{name aliases keys}}: "{prefix.typed_word(rest)}"*'
        else:
            rows = self._fts(expr, asked) if expr else []
        every_match_known = len(rows) < asked  # (not so after the partial fallback)
        notice, missing = "", False
        leading: list[str] = []
        if not rows and not named and not prefixed and expr:
            spans = self._spans(rest)
            rows, expr, missing = self._partial(rest, limit, spans, typo_first)
            if typo_first and missing:
                self._deferred = True
                return [], "", True
            every_match_known = False
            notice = PARTIAL_NOTICE if rows else ""
            # A name inside the query leads (without its neighbourhood: the other words
            # are what the reader asked about).
            leading = [p for span in spans for p in self._named(span)][:1]
        fts: dict[str, float] = {}
        rowid: dict[str, int] = {}
        for rid, pid, kind, rank in rows:
            fts[pid] = -rank * KIND_BOOST.get(kind, 1.0)
            rowid[pid] = rid
        for pid in leading:
            fts[pid] = EXACT_SCORE + fts.get(pid, 0.0)
        if rows and not leading and not named and not prefixed and len(rows) < FEW_ROWS:
            # Few pages hold every word: a name inside the query ("hepatitis B" in
            # "hepatitis B reactivation") leads them, as it does when none holds them all.
            best, floor = max(fts.values()), min(fts.values())
            spans = self._spans(rest)
            for span in spans:
                for pid in self._named(span)[:1]:
                    fts[pid] = best * 1.1 + 1.0
            # …and the pages holding most of the words follow them, below every full match
            # (the JAK inhibitors' hepatitis B screening after "hepatitis B reactivation").
            # (Three words or more: with two, "most" would be either word alone.)
            more = self._partial(rest, limit, spans)[0] if len(q.tokens(rest)) >= 3 else []
            more = [r for r in more if r[1] not in fts]
            if more:
                top = max(-r[3] * KIND_BOOST.get(r[2], 1.0) for r in more) or 1.0
                for rid, pid, kind, rank in more:
                    fts[pid] = 0.5 * floor * (-rank * KIND_BOOST.get(kind, 1.0)) / top
                    rowid[pid] = rid
                every_match_known = False
                notice = FEW_NOTICE
        scores = dict(fts)
        preferred = INTENT_KIND.get(plan.intent) if not named else None
        if preferred:
            for pid in fts:
                if ix.names[pid][1] == preferred:
                    scores[pid] += PREFERRED_BONUS
        exact: set[str] = set()
        lead: list[str] = []
        keys = q.name_keys(rest)
        for pid in named:
            exact.add(pid)
            lead.append(pid)
            # The page's own name (IL-27) before a page that only has it as an alias (IL-30,
            # whose gene is IL27).
            own = OWN_NAME_BONUS if ix.own_keys.get(pid, set()) & set(keys) else 0.0
            scores[pid] = EXACT_SCORE + own + fts.get(pid, 0.0)
            linked = ix.linked_ils.get(pid, {})
            if ix.names[pid][1] == "receptor" and len(linked) == 1:
                # A chain only one interleukin uses (CD25) answers with that interleukin.
                il = next(iter(linked))
                scores[il] = EXACT_SCORE + 1 + fts.get(pid, 0.0)
                exact.add(il)
        if not named:
            for pid, bonus in prefixed.items():
                scores[pid] = max(scores.get(pid, 0.0),
                                  PREFIX_SCORE + bonus + fts.get(pid, 0.0))
            if numbered:
                typed = sorted((p for p, b in prefixed.items() if b > 0),
                               key=lambda p: -prefixed[p])
                lead = typed[:PREFIX_NAMED]
        group: dict[str, str] = {}
        placed = set(lead) | exact
        if lead:
            self._neighbours(lead, plan.intent, fts, scores, group, placed)
        if numbered:
            for i, pid in enumerate(self._lookalikes(rest, placed)):
                scores[pid] = LOOKALIKE_SCORE - i
                group[pid] = ALSO
                placed.add(pid)
        if group:
            for pid in fts:
                group.setdefault(pid, "" if pid in placed else OTHER)
        ranked = sorted((pid for pid in scores if not kinds or ix.names[pid][1] in kinds),
                        key=lambda pid: (-scores[pid], ix.names[pid][3]))[:limit]
        # A named page's neighbourhood reads well with summaries; snippets (costly for a
        # common phrase in a large index) go to the head of the list.
        head = ranked[:NAMED_SNIPPETS if lead else SNIPPETS]
        shown = [rowid[pid] for pid in head if pid in rowid and pid not in exact]
        marked = self._snippets(expr, shown, every_match_known) if snippets and expr else {}
        if plan.intent == "side_effects":
            for pid in exact:
                effects = ix.graph.side_effects.get(pid)
                if effects:
                    marked[pid] = f"{MARK_START}Side effects{MARK_END}: " + "; ".join(effects)
        hits = []
        for pid in ranked:
            name, kind, summary, _ = ix.names[pid]
            hits.append(SearchHit(pid, kind, name, round(scores[pid], 3),
                                  marked.get(pid, summary), summary, pid in exact,
                                  ix.shorts.get(pid, name), group.get(pid, "")))
        return hits, notice, missing

    def _neighbours(self, lead: list[str], wanted: str, fts: dict[str, float],
                    scores: dict[str, float], group: dict[str, str], placed: set[str]) -> None:
        """Score the groups that follow the named pages `lead`: group by group (in the order
        the first page's kind gives, the group a question asks for first), each group's
        members interleaved across the named pages in their ranked order."""
        ix = self.index
        kind = ix.names[lead[0]][1]
        order = list(graph.GROUP_ORDER.get(kind, ()))
        first = [g for g in INTENT_FIRST.get(wanted, ()) if g in order or g == "Made by"]
        order = [*first, *(g for g in order if g not in first)]
        per_page = [graph.neighbourhood(ix.graph, pid, ix.names[pid][1],
                                        self._diversify(ix.linked_ils.get(pid, {}), fts)
                                        if ix.names[pid][1] != "interleukin" else [])
                    for pid in lead]
        pos = 0
        for title in order:
            base = FIRST_SCORE if wanted == "drugs" and title == "Drugs" else NEIGHBOUR_SCORE
            depth = max(len(n.get(title, [])) for n in per_page)
            for i in range(depth):
                for n in per_page:
                    ids = n.get(title, [])
                    if i < len(ids) and ids[i] not in placed:
                        placed.add(ids[i])
                        group[ids[i]] = title
                        scores[ids[i]] = base - 0.5 * pos
                        pos += 1

    def interleukin_ids(self, text: str, cancel: Callable[[], bool] | None = None) -> list[str]:
        """The interleukins `text` finds, without snippets (for facet counts as you type)."""
        self._cancel = cancel
        try:
            text = q.clean(text)
            if not q.tokens(text):
                return self.interleukins()
            return [h.id for h in self._rank(text, 500, ("interleukin",), snippets=False)[0]]
        finally:
            self._cancel = None

    def _diversify(self, linked: dict[str, float], fts: dict[str, float]) -> list[str]:
        """Order linked interleukins by weight, but let each family's second member wait
        behind the first member of another family with a similar weight."""
        ix = self.index
        weights = {il: w - (0.5 if il in ix.disputed else 0.0) for il, w in linked.items()}
        # Only the head of the list is ever shown.
        head = heapq.nlargest(DIVERSIFY_HEAD, weights,
                              key=lambda i: (weights[i], fts.get(i, 0.0)))
        # Greedy: the best weight less the spread times the members of its family already
        # placed. Within a family that penalty is the same for all, so only each family's
        # best waiting member can be next: one heap of family heads (linear, same order).
        members: dict[str, list[tuple[float, float, str, str]]] = {}
        for il in head:
            members.setdefault(ix.primary_family.get(il, ""), []).append(
                (-weights[il], -fts.get(il, 0.0), ix.names[il][3], il))
        for queue in members.values():
            queue.sort(reverse=True)  # best last, popped first
        heads = [(*m[-1], fam) for fam, m in members.items()]
        heapq.heapify(heads)
        order: list[str] = []
        taken: dict[str, int] = {}
        while heads:
            *_, il, fam = heapq.heappop(heads)
            order.append(il)
            taken[fam] = taken.get(fam, 0) + 1
            queue = members[fam]
            queue.pop()
            if queue:
                w, f, sort_key, nxt = queue[-1]
                heapq.heappush(heads, (w + FAMILY_SPREAD * taken[fam], f, sort_key, nxt, fam))
        return order

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """The closest names to `text` (did you mean), at most `limit`."""
        if self._processed is None:  # the vocabulary, folded once, by length
            self._processed = suggestions.ByLength.build(self.index.vocabulary)
        return suggestions.suggest(self._processed, self.index.vocabulary, text, limit)

    def search(self, text: str, facets: Facets = NO_FACETS, limit: int = 50,
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
                return SearchResult(text, hits + self.facet_drugs(facets), facets=facets)
            pool = FACET_POOL if facets.active else limit
            # A word no page holds may be a typo: the pages that match only the other words
            # wait until the suggestion is known not to name a page (it then wins).
            self._deferred = False
            hits, notice, missing = self._rank(text, pool, kinds, typo_first=True)
            hits = [h for h in hits if self.matches(h.id, facets)] if facets.active else hits
            if hits and not missing:
                return SearchResult(text, hits[:limit], facets=facets, notice=notice)
            found = self.suggest(text)
            corrected: list[SearchHit] = []
            if found and not (cancel and cancel()):
                corrected = self._rank(found[0], pool, kinds)[0]
                if facets.active:
                    corrected = [h for h in corrected if self.matches(h.id, facets)]
            if self._deferred and not (corrected and corrected[0].exact):
                hits, notice, missing = self._rank(text, pool, kinds)
                if facets.active:
                    hits = [h for h in hits if self.matches(h.id, facets)]
            if corrected and (not hits or corrected[0].exact):
                return SearchResult(found[0], corrected[:limit], found,
                                    corrected_from=text, facets=facets)
            return SearchResult(text, hits[:limit], found if not hits else [],
                                facets=facets, notice=notice)
        finally:
            self._cancel = None
