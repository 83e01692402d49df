"""What the window tests do as a person would: type a query and wait for its list."""

from __future__ import annotations


def hit_ids(w):
    """The page ids of the result list, in its order."""
    return [h.id for h in w.model.hits()]


def type_query(qtbot, w, text):
    """Type `text` into the search field (cleared first) and wait until the list answers it."""
    w.search_field.clear()
    qtbot.keyClicks(w.search_field, text)
    qtbot.waitUntil(lambda: w.shown_text == text)
