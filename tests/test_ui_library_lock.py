"""A second ildesk window (here: another process) holding the library's write lock never
freezes this window: pages open, searches answer and the clock keeps ticking while the
history and the note wait; the person is told, and every write lands once the lock is free.
No wall-clock assertion: the event loop's own ticks are the measure."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer

from ildesk.ui.library.controller import LibraryController
from ildesk.ui.library.writer import CAUGHT_UP, WAITING
from ildesk.ui.main_window import MainWindow
from ildesk.userdata import UserStore

LOCKER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
print("released", flush=True)
"""
NOTE = "typed while another window holds the library"


@pytest.fixture
def opened(qtbot, content, searcher):
    window = MainWindow(content, searcher)
    qtbot.addWidget(window)
    library = LibraryController(window, UserStore.open_default())
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    yield window, library
    window.close()


@pytest.fixture
def locker(opened):
    _window, library = opened
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(library.store.path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def release(proc):
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.stdout.readline().strip() == "released"


def test_the_window_answers_while_another_process_holds_the_library(qtbot, opened, locker):
    window, library = opened
    ticks = [0]
    clock = QTimer()
    clock.setInterval(5)
    clock.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    clock.start()

    window.open_page("il-6")  # each page goes to the history: a write, now waiting
    window.open_page("il-2")
    library.notes.editor.setPlainText(NOTE)
    library.notes.flush()  # the note's save is made, not waited for
    assert window.current_page["id"] == "il-2"
    assert library.writer.pending() == 3

    before = ticks[0]
    window.search_field.setText("il10")
    qtbot.waitUntil(lambda: window.shown_text == "il10")  # a search answers meanwhile
    qtbot.waitUntil(lambda: ticks[0] >= before + 20)  # and the event loop keeps turning
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == WAITING)
    assert library.writer.pending() == 3  # nothing landed, nothing failed
    assert not library.notes.is_saved()
    assert library.notes.status.text() == "Saving…"
    assert library.store.notes.get("il-2") is None  # reading still works (WAL)
    window.open_page("il-2")  # coming back shows the note that waits, not the stored one
    assert library.notes.editor.toPlainText() == NOTE

    release(locker)
    qtbot.waitUntil(lambda: library.writer.pending() == 0, timeout=30_000)
    assert library.store.notes.get("il-2").text == NOTE
    assert [v.page_id for v in library.store.history.all(5)][:2] == ["il-2", "il-6"]
    assert window.statusBar().currentMessage() == CAUGHT_UP
    assert library.notes.is_saved()
    assert library.notes.status.text().startswith("Saved")
    clock.stop()


def test_closing_the_window_saves_the_note_that_waited(qtbot, opened, locker):
    window, library = opened
    window.open_page("il-4")
    library.notes.editor.setPlainText("saved at the very end")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == WAITING)
    release(locker)
    window.close()  # waits for the writes made so far, then closes the library
    with UserStore.open_default() as again:
        assert again.notes.get("il-4").text == "saved at the very end"


def test_a_save_that_gives_up_says_so_and_keeps_the_note(qtbot, content, searcher,
                                                          monkeypatch):
    from ildesk.userdata import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 0.3)  # give up quickly, not after 15 s
    window = MainWindow(content, searcher)
    qtbot.addWidget(window)
    library = LibraryController(window, UserStore.open_default())
    library.prefs = library.prefs.__class__(history_enabled=False)  # only the note writes
    window.show()
    window.open_page("il-9")
    proc = subprocess.Popen([sys.executable, "-c", LOCKER, str(library.store.path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        library.notes.editor.setPlainText("must not be lost")
        library.notes.flush()
        qtbot.waitUntil(lambda: library.notes.status.text().startswith("Not saved"),
                        timeout=20_000)
        assert "another ildesk window is busy" in library.notes.status.text()
        assert window.statusBar().currentMessage() != CAUGHT_UP
        assert library.notes.editor.toPlainText() == "must not be lost"
        assert not library.notes.is_saved()
        release(proc)
        library.notes.flush()  # the next save (an edit, leaving the page) tries again
        qtbot.waitUntil(library.notes.is_saved, timeout=20_000)
        assert library.store.notes.get("il-9").text == "must not be lost"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        window.close()
