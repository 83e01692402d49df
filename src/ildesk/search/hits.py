"""What a search returns: hits (each with the group it belongs to), the result with its
notices, the facets that narrow it. Plain values, shared by the window and the command line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

MARK_START, MARK_END = "\x01", "\x02"
PARTIAL_NOTICE = "Showing pages that match some of your words"


class Cancelled(Exception):
    """The search was cancelled because a newer one superseded it."""


class SearchHit(NamedTuple):
    id: str
    kind: str
    name: str
    score: float
    snippet: str  # the match marked with MARK_START / MARK_END
    summary: str = ""
    exact: bool = False
    short: str = ""
    # The neighbourhood group a hit belongs to ("Drugs", "Receptor chains", …); "" for the
    # named page itself and for plain full-text matches.
    group: str = ""

    def snippet_text(self, start: str = "«", end: str = "»") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


class Facets(NamedTuple):
    """Filters that narrow the result to interleukins. Values are page ids."""

    cell_type: str | None = None
    role: str = "any"  # producer | target | any
    disease: str | None = None
    disease_kind: str | None = None
    family: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.cell_type or self.disease or self.family)


NO_FACETS = Facets()


class SearchResult(NamedTuple):
    query: str
    hits: list[SearchHit]
    suggestions: Sequence[str] = ()
    corrected_from: str | None = None
    facets: Facets = NO_FACETS
    notice: str = ""  # e.g. PARTIAL_NOTICE, shown above the list
