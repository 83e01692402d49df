"""The names "did you mean" compares a query with, sorted by length.

`fuzz.ratio` is 100 · (1 − indel distance / (a + b)) for strings of lengths a and b, and the
distance is at least |a − b|; a ratio of at least CUTOFF therefore needs
|a − b| ≤ (1 − CUTOFF/100) · (a + b), i.e. b between 3a/5 and 5a/3 for 75. Comparing only
the names in that band gives the same suggestions as comparing all of them (sorted by score,
then by position in the vocabulary, as rapidfuzz orders ties), at 100,000 entries a fraction
of the work. The band is one slice of the names sorted by length.

    names = ByLength.build(["il6", "il-6 receptor", "bsf2"])
    names.near(4)  # (['il6', 'bsf2'], [0, 2]): lengths 3 and 4 (2 to 7 may reach 75)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

CUTOFF = 75  # the least ratio a suggestion needs


@dataclass
class ByLength:
    names: list[str]  # folded names, shortest first (vocabulary order within a length)
    positions: list[int]  # each one's position in the vocabulary
    lengths: list[int]  # each one's length, for bisection

    @classmethod
    def build(cls, folded: Iterable[str]) -> ByLength:
        items = sorted(((len(n), i, n) for i, n in enumerate(folded)))
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
