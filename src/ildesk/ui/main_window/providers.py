"""What other parts of the program may add to the window's content: a declared interface
instead of attributes overwritten from outside. The personal library is one provider (the
note under an article, note hits in the result list).

    window.add_provider(library)     # anything with these two methods
"""

from __future__ import annotations

from typing import Protocol

from ildesk.search import SearchHit


class ContentProvider(Protocol):
    def note_html(self, page_id: str) -> str:
        """HTML to show under the article of `page_id` ("" for nothing)."""

    def extra_hits(self, text: str) -> list[SearchHit]:
        """Rows to add after the search results for `text` (called on the GUI thread)."""
