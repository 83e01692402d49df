"""The personal library inside the real window: star, note, history, restart (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ildesk.ui.library_controller import LibraryController
from ildesk.ui.main_window import MainWindow
from ildesk.userdata import UserStore


def open_window(qtbot, content, searcher):
    window = MainWindow(content, searcher)
    qtbot.addWidget(window)
    store = UserStore.open_default()
    library = LibraryController(window, store)
    window.close_hooks.append(library.close)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    return window, library


def test_star_and_note_survive_a_restart(qtbot, content, searcher):
    window, library = open_window(qtbot, content, searcher)
    window.open_page("il-6")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert library.star.isChecked()
    library.notes.editor.setPlainText("Check CRP before the **next** dose")
    qtbot.waitUntil(library.notes.is_saved, timeout=3000)
    assert "Your note" in window.article.browser.toPlainText()
    window.close()
    window.bg.wait()

    again, library2 = open_window(qtbot, content, searcher)
    again.open_page("il-6")
    assert library2.star.isChecked()
    assert "Check CRP" in library2.notes.editor.toPlainText()
    assert "Check CRP" in again.article.browser.toPlainText()
    again.search_field.setText("CRP before")
    qtbot.waitUntil(lambda: again.shown_text == "CRP before")
    notes = [h for h in again.model.hits() if h.kind == "note"]
    assert [h.id for h in notes] == ["il-6"]
    again.close()


def test_history_records_pages_and_reopen_last(qtbot, content, searcher):
    window, library = open_window(qtbot, content, searcher)
    window.open_page("il-2")
    window.open_page("il-10")
    visits = [v.page_id for v in library.store.history.all(10)]
    assert visits[:2] == ["il-10", "il-2"]
    library.apply(library.store.prefs.update(start_page="last"))
    assert library.start_page() == "il-10"
    window.close()


def test_notes_are_shown_as_text_not_html(qtbot, content, searcher):
    window, library = open_window(qtbot, content, searcher)
    window.open_page("il-4")
    library.notes.editor.setPlainText('<script>alert(1)</script> <img src="http://x/y.png">')
    qtbot.waitUntil(library.notes.is_saved, timeout=3000)
    window.render_page()
    html = window.article.browser.toHtml()
    assert "<script" not in html and "<img" not in html
    assert "alert(1)" in html
    window.close()
