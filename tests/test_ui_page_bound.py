"""Every page-bound part of the window follows the page on screen (issue 17, "Data safety
first"): a note typed on Home never lands on the page read before it, the star, the diagram,
copy link and the exports follow Home and the overview articles too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication

from ildesk.ui.library.controller import LibraryController
from ildesk.ui.main_window import MainWindow
from ildesk.userdata import UserStore


@pytest.fixture
def opened(qtbot, content, searcher):
    window = MainWindow(content, searcher)
    qtbot.addWidget(window)
    library = LibraryController(window, UserStore.open_default())
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    yield window, library
    window.close()


def action(window, name):
    return window.findChild(QAction, name)


def go_home(qtbot, window):
    """Alt+Home, as the person pressed it."""
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.current_page is None


def settle(qtbot, library):
    library.notes.flush()
    qtbot.waitUntil(lambda: library.writer.pending() == 0)


def test_a_note_typed_on_home_is_not_saved_to_the_previous_page(qtbot, opened):
    window, library = opened
    window.open_page("il17rc")
    assert "interleukin 17 receptor C" in library.notes.title.text() or \
        "IL17RC" in library.notes.title.text()
    go_home(qtbot, window)
    notes = library.notes
    assert "IL17RC" not in notes.title.text() and "receptor" not in notes.title.text()
    assert "Home" in notes.title.text() and "no note" in notes.editor.placeholderText()
    notes.editor.setFocus()
    qtbot.keyClicks(notes.editor, "typed on the home page")
    settle(qtbot, library)
    assert notes.editor.toPlainText() == ""
    assert library.store.notes.get("il17rc") is None
    assert library.store.notes.all() == []


def test_overview_articles_take_no_note_and_no_star(qtbot, opened):
    window, library = opened
    window.open_page("il-6")
    window.open_page("jak-stat-signalling")
    assert not library.notes.editor.isEnabled()
    assert "no note" in library.notes.editor.placeholderText()
    assert not library.star.isEnabled()
    qtbot.keyClicks(library.notes.editor, "on an article")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, library)
    assert library.store.notes.all() == [] and library.store.bookmarks.all() == []


def test_the_note_of_a_page_comes_back_with_the_page(qtbot, opened):
    window, library = opened
    window.open_page("il17rc")
    qtbot.keyClicks(library.notes.editor, "shared with IL-17RA")
    go_home(qtbot, window)
    settle(qtbot, library)
    assert library.store.notes.get("il17rc").text == "shared with IL-17RA"
    window.back_action.trigger()
    assert window.current_page["id"] == "il17rc"
    assert library.notes.editor.isEnabled()
    assert library.notes.editor.toPlainText() == "shared with IL-17RA"


def test_the_star_on_home_is_off_and_does_nothing(qtbot, opened):
    window, library = opened
    window.open_page("il17rc")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert library.star.isChecked() and library.star.text() == "★ Starred"
    go_home(qtbot, window)
    assert not library.star.isEnabled()
    assert not library.star.isChecked() and library.star.text() == "☆ Star"
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, library)
    assert [b.page_id for b in library.store.bookmarks.all()] == ["il17rc"]
    window.open_page("il17rc")
    assert library.star.isEnabled() and library.star.isChecked()


def test_the_diagram_follows_the_page(qtbot, opened):
    window, _library = opened
    diagram = window.diagram
    window.open_page("il-6")
    assert diagram.page["id"] == "il-6" and diagram.node_items()
    go_home(qtbot, window)
    assert diagram.node_items() == [] and diagram.hint is not None  # the placeholder
    window.open_page("tocilizumab")
    assert diagram.page["id"] == "il-6"  # the drug's own interleukin
    window.open_page("jak-stat-signalling")  # an overview article: no interleukin of its own
    assert diagram.node_items() == [] and diagram.hint is not None
    window.open_page("il-17a")
    assert diagram.page["id"] == "il-17a"


def test_copy_link_citation_and_exports_follow_the_page(qtbot, opened):
    window, _library = opened
    window.open_page("il-6")
    for name in ("copy_link", "copy_citation", "export_pdf", "print", "print_preview"):
        assert action(window, name).isEnabled(), name
    go_home(qtbot, window)
    for name in ("copy_link", "copy_citation", "export_pdf", "print", "print_preview"):
        assert not action(window, name).isEnabled(), name
    QGuiApplication.clipboard().setText("before")
    action(window, "copy_link").trigger()
    assert QGuiApplication.clipboard().text() == "before"
    window.open_page("th17-cell")  # a page, but one without a fact sheet
    assert action(window, "copy_link").isEnabled()
    assert not action(window, "export_pdf").isEnabled()
    action(window, "copy_link").trigger()
    assert QGuiApplication.clipboard().text().splitlines() == [
        "https://purl.obolibrary.org/obo/CL_0000899", "ildesk:th17-cell"]
    assert window.windowTitle().startswith("T-helper 17 cell")


def test_back_from_home_returns_to_the_page_read_last(qtbot, opened):
    window, _library = opened
    window.open_page("il-2")
    window.open_page("il-6")
    go_home(qtbot, window)
    window.back_action.trigger()
    assert window.current_page["id"] == "il-6"
    window.forward_action.trigger()
    assert window.current_page is None
