"""Issue 19, points 8 and 9: two windows editing one note lose neither text, and any text
pasted into the search costs what a dozen words cost (measured in SQLite's own work units,
not in seconds)."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event

from ildesk.userdata import UserStore
from ildesk.userdata.notes import match_expression

PARAGRAPH = (
    "Interleukin-6 is a pleiotropic cytokine produced by monocytes, macrophages, fibroblasts "
    "and endothelial cells in response to infection and tissue injury; it drives the acute "
    "phase response, B-cell differentiation and Th17 polarisation, signals through the "
    "IL-6 receptor alpha chain and gp130 via JAK1 and STAT3, and is blocked by tocilizumab, "
    "sarilumab and siltuximab in rheumatoid arthritis, Castleman disease and cytokine "
    "release syndrome. ") * 4


@pytest.fixture
def two_windows(tmp_path):
    path = tmp_path / "user.sqlite"
    a, b = UserStore(path), UserStore(path)
    yield a, b
    a.close()
    b.close()


# -- point 8 ---------------------------------------------------------------------------------


def test_the_later_save_of_a_note_keeps_the_other_windows_text(two_windows):
    a, b = two_windows
    a.notes.save("il-6", "first version")
    loaded_a, loaded_b = a.notes.get("il-6"), b.notes.get("il-6")
    b.notes.save("il-6", "B: check CRP", base=loaded_b.updated)
    saved = a.notes.save("il-6", "A: dose every 4 weeks", base=loaded_a.updated)
    assert saved.conflict
    text = b.notes.get("il-6").text
    assert "B: check CRP" in text and "A: dose every 4 weeks" in text
    assert text.index("B: check CRP") < text.index("A: dose every 4 weeks")


def test_a_note_written_meanwhile_in_another_window_is_kept(two_windows):
    a, b = two_windows
    b.notes.save("il-2", "written in B", base=None)
    saved = a.notes.save("il-2", "written in A", base=None)  # A had no note when it loaded
    assert saved.conflict and "written in B" in saved.text and "written in A" in saved.text


def test_saving_on_top_of_ones_own_version_is_no_conflict(two_windows):
    a, _b = two_windows
    first = a.notes.save("il-6", "one", base=None)
    second = a.notes.save("il-6", "one, two", base=first.updated)
    assert not second.conflict and second.text == "one, two"


def test_two_note_panels_tell_the_person_and_keep_both(qtbot, two_windows):
    from ildesk.ui.library.note_panel import NotePanel

    a, b = two_windows
    a.notes.save("il-6", "start")
    left, right = NotePanel(a), NotePanel(b)
    for panel in (left, right):
        qtbot.addWidget(panel)
        panel.set_page("il-6", "IL-6")
    right.editor.setPlainText("start\nright window's line")
    assert right.flush()
    left.editor.setPlainText("start\nleft window's line")
    assert left.flush()
    assert "Another window changed this note" in left.status.text()
    stored = a.notes.get("il-6").text
    assert "right window's line" in stored and "left window's line" in stored
    assert left.editor.toPlainText() == stored


# -- point 9 ---------------------------------------------------------------------------------


def test_a_pasted_text_becomes_a_bounded_query():
    assert match_expression("a " * 16_000) == '"a"*'
    expr = match_expression(PARAGRAPH)
    assert expr is not None and expr.count("*") <= 12
    assert match_expression("x" * 100_000).count("x") <= 40


class _Work:
    """Counts SQLite virtual-machine steps (in units of 1,000) on a store's connections and
    stops a query that passes `budget` units."""

    def __init__(self, store: UserStore, budget: int) -> None:
        self.units, self.budget = 0, budget
        self._engine = store._db.engine
        event.listen(self._engine, "checkout", self._hook)

    def _hook(self, dbapi_conn: sqlite3.Connection, *_args: object) -> None:
        dbapi_conn.set_progress_handler(self._tick, 1000)

    def _tick(self) -> int:
        self.units += 1
        return 1 if self.units > self.budget else 0

    def close(self) -> None:
        event.remove(self._engine, "checkout", self._hook)
        self._engine.dispose()


@pytest.mark.parametrize("pasted", [PARAGRAPH, "a " * 16_000, "IL-6 " * 5_000 + PARAGRAPH])
def test_any_pasted_text_costs_about_what_a_short_query_costs(tmp_path, pasted):
    with UserStore(tmp_path / "user.sqlite") as store:
        for i in range(400):
            store.notes.save(f"p{i}", f"note {i} about interleukin {i % 40} and {PARAGRAPH}")
        short = _Work(store, budget=10**9)
        store.notes.search("interleukin cytokine")
        short.close()
        long = _Work(store, budget=20 * max(short.units, 1))
        try:
            store.notes.search(pasted)  # interrupted (an error) if it does 20 times the work
        finally:
            long.close()
        assert long.units <= 20 * max(short.units, 1)
