"""Compare 2–4 interleukins side by side (Qt-free): `compare(content, ids)` builds the
`Comparison` (`model`) from the typed pages (`build`); `views` turns it into `--json` and a
plain text table. The window (`ildesk.ui.compare_view`) and the PDF
(`ildesk.render.compare_sheet`) draw the same object."""

from __future__ import annotations

from ildesk.compare.build import MAX_ITEMS, MIN_ITEMS, CompareError, chain_name, compare
from ildesk.compare.model import MARK, SHARE_LABEL, Comparison, Entry, Field, Item, Line, Share
from ildesk.compare.views import as_json, as_text

__all__ = ["MARK", "MAX_ITEMS", "MIN_ITEMS", "SHARE_LABEL", "CompareError", "Comparison",
           "Entry", "Field", "Item", "Line", "Share", "as_json", "as_text", "chain_name",
           "compare"]
