"""`find_page(content, searcher, name)`: the one rule for "which page does this name mean",
used by `ildesk show/diagram/factsheet NAME` and by `ildesk open NAME` (the window).

An exact name or alias wins; otherwise a search whose top hit matches the name exactly (and
was not a spelling correction). Anything else is not a page: the caller says "did you mean"
(the command line) or shows the search (the window), with `suggestions` as the closest names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.search.engine import Searcher


class Found(NamedTuple):
    """`page_id` when the name means one page; otherwise None and the closest names."""

    page_id: str | None
    suggestions: Sequence[str] = ()


def find_page(content: Content, searcher: Searcher, name: str,
              kinds: tuple[str, ...] = ()) -> Found:
    """`kinds`: the suggestions offered when nothing is found are pages of these kinds."""
    page_id = pages.resolve(content, name)
    if page_id:
        return Found(page_id)
    result = searcher.search(name, limit=5)
    if result.hits and result.corrected_from is None and result.hits[0].exact:
        return Found(result.hits[0].id)
    if kinds:
        wanted = [h for h in searcher.search(name, limit=50).hits if h.kind in kinds]
        return Found(None, [h.name for h in wanted[:3]])
    return Found(None, [h.name for h in result.hits[:3]] or list(result.suggestions))
