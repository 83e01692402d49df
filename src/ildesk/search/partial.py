"""No dead ends: when no page holds every word, the pages that hold most of them.

The words (each with its variants, as `query.word_groups` makes them) are sorted rarest first
by a capped count of the pages that hold them; words no page holds are left out (a name
inside the query, such as "hepatitis B", counts as one word). Then n of the words are required
together, for n from all of them down to one, the rarest choices first; the first n that finds
pages wins, with the pages of all its choices ranked by bm25. Each try is an AND query whose
cost is bounded by its rarest word, and the tries are capped, so the fallback never scans the
whole index (at 100,000 entries it stays within the speed goal).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

COUNT_CAP = 200  # pages counted per word: enough to tell rare from common
MAX_WORDS = 5  # words weighed; the rest of a long query cannot change which pages win
MAX_TRIES = 12  # AND queries at most, each bounded by its rarest word

Runner = Callable[[str, tuple[object, ...]], list[tuple[object, ...]]]


def frequencies(run: Runner, table: str, groups: list[str]) -> list[tuple[int, str]]:
    """(pages holding it, capped; group) for each group, rarest first, absent ones dropped."""
    counted = []
    for group in groups[:MAX_WORDS * 2]:
        rows = run(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? "
                   "LIMIT ?)", (group, COUNT_CAP))
        n = int(str(rows[0][0])) if rows else 0
        if n:
            counted.append((n, group))
    counted.sort(key=lambda item: item[0])
    return counted[:MAX_WORDS]


def levels(counted: list[tuple[int, str]], total: int) -> list[list[str]]:
    """The AND expressions to try, level by level: every choice of n of the present words
    (rarest choices first), n from all present words down to one. With every word present,
    the full AND (already tried by the caller) is skipped. At most MAX_TRIES in all."""
    out: list[list[str]] = []
    tries = 0
    for n in range(len(counted), 0, -1):
        if n == total:
            continue
        combos = sorted(itertools.combinations(counted, n),
                        key=lambda combo: sum(c for c, _ in combo))
        level = []
        for combo in combos:
            if tries >= MAX_TRIES:
                break
            level.append("(" + " AND ".join(g for _, g in combo) + ")")
            tries += 1
        if level:
            out.append(level)
    return out
