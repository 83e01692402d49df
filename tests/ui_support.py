"""What the window tests do and read as a person would: type a query and wait for its list,
read the status bar. Helpers shared by test files live here, never in a test_* module."""

from __future__ import annotations


def hit_ids(w):
    """The page ids of the result list, in its order."""
    return [h.id for h in w.model.hits()]


def type_query(qtbot, w, text):
    """Type `text` into the search field (cleared first) and wait until the list answers it."""
    w.search_field.clear()
    qtbot.keyClicks(w.search_field, text)
    qtbot.waitUntil(lambda: w.shown_text == text)


def status(window):
    """What the status bar says: a message, or the notice of the last save."""
    notice = window.saved_notice
    return notice.label.text() if notice.isVisible() else window.statusBar().currentMessage()
