"""The SQL side of a search, mixed into `Searcher`: ranked FTS5 matches, marked snippets for
the rows that will be shown, and the partial-match fallback (`partial`) with the names found
inside a longer query.

Where the time goes (measured by `make bench`, tests/bench/): bm25 over every matching row is
what FTS5 costs; a snippet costs a pass over the page text, so only shown rows get one. How
the snippet rows are fetched matters at scale: `rowid IN (…)` makes FTS5 evaluate the whole
expression once per row, which for a prefix longer than the prefix index (`"inter"*`) means
merging every matching term's posting list each time (60 snippets: 120 ms at 100,000
entries); one pass over the matches with the rowids as a filter costs a single evaluation.
"""

from __future__ import annotations

import re
import sqlite3

from ildesk.db.fts import FTS_NAMES, FTS_TABLE, PREFIX_INDEX, SNIPPET_COLUMN, WEIGHTS
from ildesk.kb.names import key
from ildesk.search import intent, partial, prefix
from ildesk.search import query as q
from ildesk.search.hits import MARK_END, MARK_START, Cancelled
from ildesk.search.index import Index
from ildesk.search.marks import unmark_little_words

Row = tuple[int, str, str, float]  # rowid, page id, kind, bm25 rank (negative: lower is better)
# A prefix longer than the longest prefix index: FTS5 merges the posting lists of every term
# that starts with it whenever it evaluates the expression.
_LONG_PREFIX = re.compile(r'[^\s"]{' + str(max(PREFIX_INDEX) + 1) + r',}"\*')


def _per_row_cheap(expr: str, every_match_known: bool) -> bool:
    """Whether snippets are better fetched by one lookup per row (`rowid IN`) than by one
    pass over all matches: when the matches are many (not all in hand) and evaluating the
    expression is cheap (no prefix beyond the prefix index). Also whenever the expression
    filters columns: SQLite 3.40's FTS5, passing over the matches of an OR whose first branch
    is column-filtered, reports no positions for the other branch, and the snippet loses its
    marks ("IL-6 in RA": rheumatoid arthritis unmarked); looked up by rowid it has them."""
    if "{" in expr:
        return True
    return not every_match_known and not _LONG_PREFIX.search(expr)


def _closing(expr: str, start: int) -> int:
    """The index of the parenthesis that closes the one at `start` (quoted tokens hold no
    parentheses: query.py quotes word characters only)."""
    depth = 0
    for i in range(start, len(expr)):
        depth += {"(": 1, ")": -1}.get(expr[i], 0)
        if depth == 0:
            return i
    return -1


_COLSET = re.compile(r'\{([a-z ]+)\}: ')
_BODY = FTS_NAMES[SNIPPET_COLUMN]


def body_can_match(expr: str) -> bool:
    """False when the whole expression is limited to columns other than the body (a name
    being typed, `({name aliases keys}: "i"*)`; a named page's `{name … facets}: (…)`): its
    snippet can hold no mark, and an unmarked snippet is not shown, so none is made."""
    inner = expr
    while inner.startswith("(") and _closing(inner, 0) == len(inner) - 1:
        inner = inner[1:-1]
    found = _COLSET.match(inner)
    if not found or _BODY in found.group(1).split():
        return True
    rest = inner[found.end():]
    if rest.startswith("("):
        return _closing(rest, 0) != len(rest) - 1
    return re.fullmatch(r'"[^"]*"\*?', rest) is None


class FullTextMixin:
    conn: sqlite3.Connection
    index: Index

    def _run(self, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise Cancelled from exc
            # An expression this module built should always parse; if one does not, the
            # safe answer is "no results", not an exception in the reader's face.
            return []

    def _fts(self, expr: str, limit: int) -> list[Row]:
        """(rowid, page id, kind, bm25 rank) of the best matches; no snippets here, because
        SQLite would make one for every matching row before the LIMIT applies."""
        sql = (f"SELECT rowid, page_id, kind, bm25({FTS_TABLE}, {WEIGHTS}) AS rank "
               f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? ORDER BY rank LIMIT ?")
        return self._run(sql, (expr, limit))  # type: ignore[return-value]

    def _typed_name(self, text: str, asked: int, limit: int) -> list[Row]:
        """Rows for one word being typed, from the names alone (search/prefix.py), when the
        names give at least `limit` pages; otherwise [] and the full text answers. Ranks are
        negative, as bm25's are."""
        word = prefix.typed_word(text)
        if word is None or self.index.variants.alternatives(text.strip()):
            return []
        found = self.index.name_words.lookup(word, asked)
        if len(found) < limit:
            return []
        names = self.index.names
        return [(-1, pid, names[pid][1], -score) for pid, score in found[:asked]
                if pid in names]

    def _snippets(self, expr: str, rowids: list[int], every_match_known: bool = False
                  ) -> dict[str, str]:
        """Snippets with the match marked (its little words not), for the rows shown.
        `every_match_known`: the rows ranked were all the rows `expr` matches (few)."""
        if not rowids or not body_can_match(expr):
            return {}
        marks = ",".join("?" * len(rowids))
        # `+rowid` keeps the rowids from FTS5 (a filter on its matches, one evaluation);
        # plain `rowid` hands them to FTS5 as lookups (one evaluation per row).
        column = "rowid" if _per_row_cheap(expr, every_match_known) else "+rowid"
        sql = (f"SELECT page_id, snippet({FTS_TABLE}, {SNIPPET_COLUMN}, ?, ?, '…', 14) "
               f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? AND {column} IN ({marks})")
        rows = self._run(sql, (MARK_START, MARK_END, expr, *rowids))
        # "in" of "cells in skin" is matched but not marked (a snippet marking only it is
        # not shown: the summary reads better)
        marked = ((str(pid), unmark_little_words(str(snip), expr)) for pid, snip in rows)
        return {pid: snip for pid, snip in marked if MARK_START in snip}

    def _partial(self, text: str, limit: int, spans: list[str], typo_first: bool = False
                 ) -> tuple[list[Row], str, bool]:
        """The pages that hold most of the words (rarest first), an expression that marks
        them, and whether some word is in no page at all. `spans` are names inside the
        text, each searched as one phrase. `typo_first`: no pages when a word is in none."""
        rest = text
        for span in spans:
            rest = rest.replace(span, " ")
        groups = ['"' + " ".join(q.tokens(span)) + '"' for span in spans]
        groups += q.word_groups(rest, variants=self.index.variants) if q.tokens(rest) else []
        counted = partial.frequencies(self._run, FTS_TABLE, groups)
        missing = len(counted) < min(len(groups), partial.MAX_WORDS)
        if missing and typo_first:
            return [], "", missing
        named = set(groups[:len(spans)])
        for level in partial.levels(counted, len(groups)):
            # Pages that hold a name the query contains first, then the best bm25.
            best: dict[str, tuple[bool, Row]] = {}
            for expr in level:
                has_name = any(g in expr for g in named)
                for row in self._fts(expr, max(limit * 3, 60)):
                    if row[1] not in best or (not has_name, row[3]) < (best[row[1]][0],
                                                                       best[row[1]][1][3]):
                        best[row[1]] = (not has_name, row)
            if best:
                ordered = sorted(best.values(), key=lambda r: (r[0], r[1][3]))
                # bm25 ranks are negative: lift the named ones above every other row.
                low = min(r[1][3] for r in ordered) - 1.0
                rows = [(r[0], r[1], r[2], r[3] + (low if not first else 0.0))
                        for first, r in ordered]
                return rows, " OR ".join(level), missing
        return [], "", missing

    def _spans(self, text: str) -> list[str]:
        """Names inside a longer text ("hepatitis B" in "hepatitis B reactivation"), longest
        first, not overlapping."""
        words = text.split()
        found: list[str] = []
        taken: set[int] = set()
        for n in range(min(len(words) - 1, 5), 0, -1):
            for start in range(len(words) - n + 1):
                span = range(start, start + n)
                if taken & set(span):
                    continue
                phrase = " ".join(words[start:start + n])
                k = key(phrase)
                if len(k) >= 3 and k in self.index.alias_keys and \
                        not all(w.casefold() in intent.STOP for w in words[start:start + n]):
                    found.append(phrase)
                    taken.update(span)
        return found

