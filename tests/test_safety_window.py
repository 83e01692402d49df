"""Issue 19, points 2 and 10 in the window: when the user folder cannot be created the window
still starts, with a temporary library and a notice saying why; every notice of the library
(a file set aside, a read-only copy) reaches the person, in a message box and the status bar.
"""

from __future__ import annotations

import pytest

from ildesk.ui import plain
from ildesk.ui.app import attach_library
from ildesk.ui.main_window import MainWindow


@pytest.fixture
def warnings(monkeypatch):
    """The texts of the message boxes the window shows (every box goes through `plain`)."""
    shown: list[str] = []
    monkeypatch.setattr(plain, "message",
                        lambda _parent, _icon, _title, text, *a, **k: shown.append(text))
    return shown


def _window(qtbot, content, searcher):
    window = MainWindow(content, searcher)
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_starts_when_the_user_folder_cannot_be_created(
        qtbot, content, searcher, tmp_path, monkeypatch, warnings):
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("ILDESK_USER_DIR", str(tmp_path / "a-file" / "ildesk"))
    window = _window(qtbot, content, searcher)
    attach_library(window, open_start_page=False)
    qtbot.waitUntil(lambda: bool(warnings))
    assert "cannot be created" in warnings[0] and "temporary library" in warnings[0]
    assert "cannot be created" in window.statusBar().currentMessage()
    window.open_page("il-6")
    window.close()


def test_a_set_aside_library_is_announced_in_the_window(
        qtbot, content, searcher, user_dir, warnings):
    user_dir.mkdir(parents=True)
    (user_dir / "user.sqlite").write_bytes(b"garbage, not a database\n" * 20)
    window = _window(qtbot, content, searcher)
    attach_library(window, open_start_page=False)
    qtbot.waitUntil(lambda: bool(warnings))
    kept = sorted(user_dir.glob("user.sqlite.damaged-*"))
    assert len(kept) == 1 and str(kept[0]) in warnings[0]
    assert str(kept[0]) in window.statusBar().currentMessage()
    window.close()
