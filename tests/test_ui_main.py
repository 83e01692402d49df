"""The main window, driven as a person would: typing, filters, keys, links, back, themes."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFontMetrics, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from ildesk.search import Facets
from ildesk.ui import theme
from ildesk.ui.main_window import MainWindow
from tests.ui_support import hit_ids, type_query


def click_link(w, page_id):
    w.article.browser.anchorClicked.emit(QUrl(f"ildesk:{page_id}"))


def test_empty_query_lists_all_interleukins_by_family(window):
    assert len(window.model.hits()) >= 50
    assert window.model.index(0, 0).data() == "IL-1 family"
    assert "by family" in window.result_info.text()


def test_typing_updates_the_list_and_enter_opens(qtbot, window):
    type_query(qtbot, window, "il6")
    assert hit_ids(window)[0] == "il-6"
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current_page["id"] == "il-6"
    assert "IL-6" in window.windowTitle()


def test_arrow_keys_move_in_the_list(qtbot, window):
    type_query(qtbot, window, "interleukin 1")
    first = window.results.currentIndex().row()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.results.currentIndex().row() > first
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current_page["id"] == hit_ids(window)[1]


def test_facets_narrow_the_list(qtbot, window):
    window.facets.set_facets(Facets(cell_type="th17-cell", role="producer"))
    qtbot.waitUntil(lambda: window.last_result.facets.cell_type == "th17-cell")
    ids = hit_ids(window)
    assert "il-17a" in ids and "il-2" not in ids
    assert "produced by" in window.result_info.text()
    type_query(qtbot, window, "IL-17")
    assert set(hit_ids(window)) <= set(ids)


@pytest.mark.parametrize("text", ["🙂", "🙂 🙃"])
def test_an_emoji_that_matches_nothing_is_said_plainly_and_drawn(qtbot, window, text):
    """The QA pass: "🙂" showed an empty box over an empty list. The notice says nothing
    matched, naming a character the font cannot draw instead of drawing a box."""
    window.search_field.setText(text)  # pasted: keyClicks cannot send a surrogate pair
    qtbot.waitUntil(lambda: window.shown_text == text)
    assert window.model.rowCount() == 0
    info = window.result_info
    shown = QTextDocumentFragment.fromHtml(info.text()).toPlainText()
    assert shown.startswith("Nothing matched “")
    metrics = QFontMetrics(info.font())
    assert all(metrics.inFontUcs4(ord(c)) for c in shown if not c.isspace()), shown  # no box
    if not metrics.inFontUcs4(0x1F642):
        assert "U+1F642 (slightly smiling face)" in shown
    # the filters count what the list holds: nothing (they counted every interleukin)
    th17 = window.facets.cells._items["th17-cell"][0].text(0)
    assert th17.endswith("(0)"), th17


def test_no_results_says_so_and_a_misspelling_is_corrected(qtbot, window):
    type_query(qtbot, window, "zzqxv")
    assert window.model.rowCount() == 0
    assert window.result_info.text() == "Nothing matched “zzqxv”."
    type_query(qtbot, window, "interlukin 6")
    assert window.result_info.text() == ("No match for “interlukin 6”; showing "
                                         "<b>Interleukin-6</b>")
    assert hit_ids(window)[0] == "il-6"


def test_person_can_follow_links_and_go_back(qtbot, window):
    """The walk from the issue: il6 -> made by macrophages -> rheumatoid arthritis ->
    tocilizumab -> back twice -> Th17 producers -> IL-17A."""
    type_query(qtbot, window, "il6")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    html = window.article.browser.toHtml()
    assert "macrophage" in html
    click_link(window, "rheumatoid-arthritis")
    assert window.current_page["id"] == "rheumatoid-arthritis"
    assert "ildesk:tocilizumab" in window.article.browser.toHtml()
    click_link(window, "tocilizumab")
    assert window.current_page["kind"] == "drug"
    window.back_action.trigger()
    assert window.current_page["id"] == "rheumatoid-arthritis"
    window.back_action.trigger()
    assert window.current_page["id"] == "il-6"
    assert window.forward_action.isEnabled()
    window.facets.set_facets(Facets(cell_type="th17-cell", role="producer"))
    qtbot.waitUntil(lambda: "il-17a" in hit_ids(window))
    window.results.clicked.emit(window.model.index(
        next(i for i in range(window.model.rowCount())
             if window.model.index(i, 0).data(0) == "Interleukin-17A"), 0))
    assert window.current_page["id"] == "il-17a"
    assert "IL-17A" in window.windowTitle()


def test_external_and_unsafe_links(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr("ildesk.ui.external.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()) or True)
    window.open_page("il-2")
    window.article.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    window.article.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    window.article.browser.anchorClicked.emit(QUrl("https://pubmed.ncbi.nlm.nih.gov/1/"))
    assert opened == ["https://pubmed.ncbi.nlm.nih.gov/1/"]
    assert window.current_page["id"] == "il-2"


def test_keyboard_shortcuts(qtbot, window):
    window.open_page("il-4")
    window.article.browser.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.article.find_bar.isVisible()
    qtbot.keyClicks(window.article.find_field, "STAT6")
    assert window.article.find_status.text().startswith("1 of ")
    before = window.zoom
    window.findChild(type(window.back_action), "zoom_in").trigger()
    assert window.zoom > before


def test_window_restores_its_geometry(qtbot, content, searcher):
    first = MainWindow(content, searcher)
    qtbot.addWidget(first)
    first.show()
    # a size the window can take inside the offscreen screen (800 x 600), not its default
    width = max(first.minimumSizeHint().width(), 700) + 11
    first.resize(width, 533)
    assert (first.width(), first.height()) == (width, 533)
    first.close()
    second = MainWindow(content, searcher)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (width, 533)


def test_dark_scheme_applies(qtbot, window):
    app = QApplication.instance()
    try:
        window.set_theme("dark")
        assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
        window.open_page("il-10")
        assert "#e6e9ee" in window.article.browser.toHtml().lower()
    finally:
        theme.apply(app, "light")


def test_the_librarys_theme_redraws_a_window_first_drawn_with_another(qtbot, open_window,
                                                                       store):
    """The first paint uses window.ini's copy of the theme; when the library (opened after
    it) keeps another, the chrome and the article are drawn again in the library's, never
    dark text left on a light window."""
    from ildesk.ui.app import attach_library
    from ildesk.ui.settings import settings

    app = QApplication.instance()
    store.prefs.update(theme="light")
    settings().setValue("theme", "dark")
    try:
        theme.apply(app, "dark")
        w = open_window()
        w.open_page("il-4")
        assert "#e6e9ee" in w.article.browser.toHtml().lower()  # drawn dark
        attach_library(w, open_start_page=False, store=store)
        assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
        html = w.article.browser.toHtml().lower()
        assert "#e6e9ee" not in html and "#1d232b" in html
        assert w.theme_name() == "light"
    finally:
        theme.apply(app, "light")
        settings().setValue("theme", "light")


def test_stale_slow_query_never_overwrites_a_newer_one(qtbot, window, monkeypatch):
    real = window.searcher.search

    def slow(text, *args, **kwargs):
        if text == "il2":
            time.sleep(0.4)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(window.searcher, "search", slow)
    window.search_field.setText("il2")
    window.search_field.setText("il10")
    qtbot.waitUntil(lambda: window.shown_text == "il10")
    window.bg.wait()
    qtbot.wait(50)
    assert window.shown_text == "il10"
    assert hit_ids(window)[0] == "il-10"


@pytest.mark.parametrize("text", ['"', "NEAR(", "a AND", "*", "name:x", "(((", "🙂", "مرحبا",
                                  "\x00\x01", "x" * 10_000, "   "])
def test_search_field_takes_any_text(qtbot, window, text):
    window.search_field.setText(text)
    qtbot.waitUntil(lambda: window.last_result is not None)
    window.bg.wait()
    assert window.result_info.text()


def test_window_grab_is_not_blank(window, tmp_path):
    window.open_page("il-6")
    image = window.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 30
    assert window.grab().save(str(tmp_path / "window.png"))


def test_home_page_on_start_with_articles_families_and_searches(qtbot, window):
    text = window.article.browser.toPlainText()
    assert "The human interleukins" in text and "What interleukins are" in text
    assert "Common γ-chain (γc) family" in text
    window.article.browser.anchorClicked.emit(QUrl("search:Th17 cells"))
    assert window.search_field.text() == "Th17 cells"
    window.article.browser.anchorClicked.emit(QUrl("search:IFN-%CE%B3 and IL-12%2B"))
    assert window.search_field.text() == "IFN-γ and IL-12+"  # percent-escapes decoded
    window.open_page("il-2")
    window.findChild(type(window.back_action), "home").trigger()
    assert window.current_page is None
    assert "The human interleukins" in window.article.browser.toPlainText()


def test_narrow_window_keeps_the_article_readable(qtbot, open_window):
    w = open_window(780, 560)
    qtbot.wait(20)
    assert w.article.width() >= 380


def test_diagram_steps_aside_in_a_narrow_window_and_returns_with_room(qtbot, open_window):
    w = open_window(760, 560)
    qtbot.waitUntil(lambda: w.diagram_dock.isHidden())
    w.resize(1300, 580)  # wider than the offscreen screen is fine for a window
    qtbot.waitUntil(lambda: w.diagram_dock.isVisible())


@pytest.mark.parametrize("error", ["ContentDbError", "UserDataError", "PdfWriteError",
                                   "DiagramExportError", "OutputError", "ScreenshotError",
                                   "DataBuildError"])
def test_every_error_that_says_what_to_do_is_shown_one_way(qtbot, error):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from ildesk.db.engine import ContentDbError
    from ildesk.db.from_data import DataBuildError
    from ildesk.files import OutputError
    from ildesk.render.export import DiagramExportError
    from ildesk.render.factsheet import PdfWriteError
    from ildesk.ui.errors import show_error
    from ildesk.ui.screenshot import ScreenshotError
    from ildesk.userdata import UserDataError

    kind = {c.__name__: c for c in (ContentDbError, UserDataError, PdfWriteError,
                                    DiagramExportError, OutputError, ScreenshotError,
                                    DataBuildError)}[error]
    seen: list[tuple[str, str, str]] = []

    def read_and_close() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        box.close()

    QTimer.singleShot(0, read_and_close)
    show_error(None, "ildesk", kind("the file is locked.", "Close the other program."))
    assert seen == [("ildesk", "the file is locked.", "Close the other program.")]


def test_the_page_opened_is_shown_in_the_middle_of_the_list(qtbot, window):
    """A page opened from elsewhere (a link, the command line) whose row was out of view
    comes into the middle of the list, its group's heading above it, not cut at an edge;
    a row already in view is left where it is."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.model.rowCount() > 40)
    view = window.results
    view.scrollToTop()
    window.open_page("il-22")
    qtbot.waitUntil(lambda: view.currentIndex().isValid())
    rect = view.visualRect(view.currentIndex())
    middle = view.viewport().rect().center().y()
    assert abs(rect.center().y() - middle) <= rect.height(), (rect, middle)
    top = view.verticalScrollBar().value()
    from ildesk.ui.result_list import Role

    below = view.currentIndex().siblingAtRow(view.currentIndex().row() + 1).data(Role.PAGE_ID)
    window.open_page(below)  # the next row is in view too: the list does not move
    qtbot.waitUntil(lambda: view.currentIndex().data(Role.PAGE_ID) == below)
    assert view.verticalScrollBar().value() == top
