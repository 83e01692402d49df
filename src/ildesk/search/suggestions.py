"""The names "did you mean" compares a query with, sorted by length.

`fuzz.ratio` is 100 · (1 − indel distance / (a + b)) for strings of lengths a and b, and the
distance is at least |a − b|; a ratio of at least CUTOFF therefore needs
|a − b| ≤ (1 − CUTOFF/100) · (a + b), i.e. b between 3a/5 and 5a/3 for 75. Comparing only
the names in that band gives the same suggestions as comparing all of them (sorted by score,
then by position in the vocabulary, as rapidfuzz orders ties), at 100,000 entries a fraction
of the work. The band is one slice of the names sorted by length.

    names = ByLength.build(["IL6", "IL-6 receptor", "BSF-2"])
    names.near(4)  # (['il6', 'bsf 2'], [0, 2]): lengths 1 to 7 are compared
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from ildesk.search import query as q

CUTOFF = 75  # the least ratio a suggestion needs


@dataclass
class ByLength:
    names: list[str]  # folded names, shortest first (vocabulary order within a length)
    positions: list[int]  # each one's position in the vocabulary
    lengths: list[int]  # each one's length, for bisection

    @classmethod
    def build(cls, vocabulary: Iterable[str]) -> ByLength:
        """The names case- and punctuation-folded as rapidfuzz compares them."""
        from rapidfuzz import utils  # only a query with no hits needs it (start-up time)

        items = sorted((len(n), i, n) for i, n in
                       enumerate(utils.default_process(v) for v in vocabulary))
        return cls([n for _, _, n in items], [i for _, i, _ in items],
                   [length for length, _, _ in items])

    def near(self, length: int) -> tuple[list[str], list[int]]:
        """The names whose length allows a ratio of CUTOFF with a query of `length`, and
        their positions in the vocabulary."""
        slack = 1 - CUTOFF / 100
        low = int(length * (1 - slack) / (1 + slack)) - 1  # one either side: rounding is safe
        high = int(length * (1 + slack) / (1 - slack)) + 1
        start = bisect.bisect_left(self.lengths, low)
        end = bisect.bisect_right(self.lengths, high, start)
        return self.names[start:end], self.positions[start:end]


def suggest(names: ByLength, vocabulary: list[str], text: str, limit: int = 3) -> list[str]:
    """The names of `vocabulary` (`names` made from it) closest to `text`, best first."""
    cleaned = q.clean(text).strip()
    if len(cleaned) < 3:
        return []
    from rapidfuzz import fuzz, process, utils

    wanted = utils.default_process(cleaned)
    folded, at = names.near(len(wanted))
    found = sorted(((score, at[i]) for _, score, i in process.extract(
        wanted, folded, scorer=fuzz.ratio, processor=None, limit=None,
        score_cutoff=CUTOFF)), key=lambda f: (-f[0], f[1]))[:limit * 3]
    out: list[str] = []
    for _score, i in found:
        name = vocabulary[i]
        if name.casefold() != cleaned.casefold() and name not in out:
            out.append(name)
    return out[:limit]
