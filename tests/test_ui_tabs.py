"""Tabs in the window (issue 18, point 3), from the keyboard and the mouse: Ctrl+T, Ctrl+W,
Ctrl+Tab and Ctrl+PageDown; middle-click and Ctrl+click open a link or a result in a
background tab; each tab keeps its own Back/Forward and scroll position; everything
page-bound follows the active tab; the open tabs come back after a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication

from ildesk.article import links
from ildesk.ui.main_window.tabs import OPEN_KEY, REOPEN_KEY
from ildesk.ui.result_list import Role
from ildesk.ui.settings import settings

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def titles(window):
    bar = window.tabs.bar
    return [bar.tabToolTip(i) for i in range(bar.count())]


def page_ids(window):
    return [t.shown.page_id for t in window.tabs.tabs.tabs]


def key(qtbot, window, k, mods=CTRL):
    qtbot.keyClick(QApplication.focusWidget() or window, k, mods)


def link_to(window, page_id):
    """Where on the article's viewport a link to `page_id` is."""
    browser = window.article.browser
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().isAnchor() and \
                    links.page_of(frag.charFormat().anchorHref()) == page_id:
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                return QPoint(rect.left() - 2, rect.center().y())
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {page_id} in the article")


def test_ctrl_t_opens_home_ready_for_typing_and_ctrl_w_closes(qtbot, window):
    window.open_page("il-6")
    assert not window.tabs.bar.isVisible()  # one tab: no bar
    window.article.browser.setFocus()
    key(qtbot, window, Qt.Key.Key_T)
    assert page_ids(window) == ["il-6", None] and window.showing_home
    assert window.tabs.bar.isVisible() and titles(window) == ["IL-6", "Home"]
    assert QApplication.focusWidget() is window.search_field
    assert window.windowTitle() == "ildesk"
    key(qtbot, window, Qt.Key.Key_W)
    assert page_ids(window) == ["il-6"] and window.current_page["id"] == "il-6"
    assert window.windowTitle() == "IL-6 — ildesk"
    assert not window.tabs.bar.isVisible()
    key(qtbot, window, Qt.Key.Key_W)  # the last tab closes to Home, never the window
    assert window.isVisible() and window.showing_home and page_ids(window) == [None]
    assert not window.back_action.isEnabled()
    key(qtbot, window, Qt.Key.Key_T, CTRL | SHIFT)  # reopen the closed tab
    assert page_ids(window) == [None, "il-6"] and window.current_page["id"] == "il-6"


@pytest.mark.parametrize("focus", ["article", "search", "results"])
def test_ctrl_tab_and_ctrl_page_down_switch_wherever_the_focus_is(qtbot, window, focus):
    window.open_page("il-2")
    for pid in ("il-4", "il-13"):
        window.tabs.open_in_background(pid)
    assert page_ids(window) == ["il-2", "il-4", "il-13"]
    widget = {"article": window.article.browser, "search": window.search_field,
              "results": window.results}[focus]
    widget.setFocus()
    steps = [(Qt.Key.Key_Tab, CTRL, "il-4"), (Qt.Key.Key_PageDown, CTRL, "il-13"),
             (Qt.Key.Key_Tab, CTRL, "il-2"),  # round the end
             (Qt.Key.Key_Backtab, CTRL | SHIFT, "il-13"), (Qt.Key.Key_PageUp, CTRL, "il-4")]
    for k, mods, expected in steps:
        qtbot.keyClick(widget, k, mods)
        assert window.current_page["id"] == expected, (k, mods)
        assert window.tabs.bar.currentIndex() == window.tabs.tabs.active


def test_middle_click_and_ctrl_click_on_a_link_open_background_tabs(qtbot, window):
    window.open_page("il-4")
    viewport = window.article.browser.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.MiddleButton, pos=link_to(window, "il-13"))
    assert page_ids(window) == ["il-4", "il-13"]
    assert window.current_page["id"] == "il-4"  # in the background: the article stays
    assert "new tab" in window.statusBar().currentMessage()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, CTRL, link_to(window, "il4r"))
    assert page_ids(window) == ["il-4", "il-13", "il4r"]  # in the order they were opened
    assert window.current_page["id"] == "il-4"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=link_to(window, "il4r"))
    assert window.current_page["id"] == "il4r" and len(page_ids(window)) == 3  # a plain click


def test_middle_click_on_a_result_opens_a_background_tab_ctrl_click_still_selects(
        qtbot, window):
    window.open_page("il-6")
    view = window.results
    rows = [r for r in range(window.model.rowCount())
            if window.model.index(r, 0).data(Role.PAGE_ID) not in (None, "il-6")]
    index = window.model.index(rows[0], 0)
    wanted = index.data(Role.PAGE_ID)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.MiddleButton,
                     pos=view.visualRect(index).center())
    assert page_ids(window) == ["il-6", wanted] and window.current_page["id"] == "il-6"
    other = window.model.index(rows[1], 0)
    view.scrollTo(other)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL,
                     view.visualRect(other).center())
    assert len(page_ids(window)) == 2  # Ctrl+click selects several (to compare them)
    window.search_field.setFocus()
    view.setCurrentIndex(other)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter: a new tab
    assert page_ids(window) == ["il-6", wanted, other.data(Role.PAGE_ID)]


def test_ctrl_enter_on_a_link_reached_with_tab_opens_it_in_a_background_tab(qtbot, window):
    window.open_page("il-4")
    browser = window.article.browser
    browser.setFocus()
    for _ in range(60):  # Tab moves the keyboard from link to link
        if links.page_of(browser.textCursor().charFormat().anchorHref()):
            break
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
    target = links.page_of(browser.textCursor().charFormat().anchorHref())
    assert target and browser.hasFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Return, CTRL)
    assert page_ids(window) == ["il-4", target] and window.current_page["id"] == "il-4"


def test_each_tab_keeps_its_own_back_and_forward(qtbot, window):
    window.open_page("il-2")
    window.open_page("il-4")
    window.tabs.open_in_background("il-13")
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_page["id"] == "il-13" and not window.back_action.isEnabled()
    window.open_page("il-17a")
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.current_page["id"] == "il-13" and window.forward_action.isEnabled()
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_page["id"] == "il-4"
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.current_page["id"] == "il-2"
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_page["id"] == "il-13"  # the other tab's place in its history
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert window.current_page["id"] == "il-17a"


def test_each_tab_keeps_its_scroll_position(qtbot, window):
    window.open_page("il-6")
    bar = window.article.browser.verticalScrollBar()
    assert bar.maximum() > 400
    bar.setValue(400)
    window.tabs.open_in_background("il-4")
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_page["id"] == "il-4" and bar.value() == 0
    bar.setValue(150)
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.current_page["id"] == "il-6" and bar.value() == 400
    key(qtbot, window, Qt.Key.Key_Tab)
    assert bar.value() == 150


def test_the_title_copy_link_and_exports_follow_the_active_tab(qtbot, window):
    window.open_page("il-6")
    window.tabs.new()
    assert window.windowTitle() == "ildesk"
    assert not window.findChild(QAction, "copy_link").isEnabled()
    assert not window.findChild(QAction, "export_pdf").isEnabled()
    assert window.diagram.page is None  # Home: the placeholder
    key(qtbot, window, Qt.Key.Key_Tab)
    assert window.windowTitle() == "IL-6 — ildesk"
    assert window.diagram.page["id"] == "il-6"
    assert window.title_label.text().strip() == "IL-6"
    assert window.findChild(QAction, "export_pdf").isEnabled()
    window.findChild(QAction, "copy_link").trigger()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[-1] == links.internal("il-6")  # after the address a colleague can open
    assert "P05231" in copied[0]
    assert "Interleukin-6" in window.article.browser.toPlainText()[:200]


def test_note_and_star_follow_the_active_tab(qtbot, open_library_window):
    window, library = open_library_window()
    window.open_page("il-6")
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    assert library.star.isChecked()
    library.notes.editor.setPlainText("watch CRP")
    window.tabs.open_in_background("il-4")
    assert library.star.isChecked() and "watch CRP" in library.notes.editor.toPlainText()
    key(qtbot, window, Qt.Key.Key_Tab)
    assert not library.star.isChecked() and library.notes.editor.toPlainText() == ""
    assert "IL-4" in library.notes.title.text() or "Interleukin-4" in library.notes.title.text()
    qtbot.waitUntil(lambda: library.writer.pending() == 0)
    assert library.store.notes.get("il-4") is None
    key(qtbot, window, Qt.Key.Key_Tab)
    assert library.star.isChecked() and "watch CRP" in library.notes.editor.toPlainText()
    window.close()


def test_the_tab_menu_closes_others_duplicates_and_middle_click_closes(qtbot, window):
    window.open_page("il-2")
    window.open_page("il-4")
    for pid in ("il-13", "il-6"):
        window.tabs.open_in_background(pid)
    menu = window.tabs.tab_menu(0)
    names = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert names == ["Close tab", "Close other tabs", "Duplicate tab", "New tab"]
    next(a for a in menu.actions() if a.text() == "D&uplicate tab").trigger()
    assert page_ids(window) == ["il-4", "il-4", "il-13", "il-6"] and window.tabs.tabs.active == 1
    assert window.back_action.isEnabled()  # the copy has the history too
    bar = window.tabs.bar
    qtbot.mouseClick(bar, Qt.MouseButton.MiddleButton, pos=bar.tabRect(3).center())
    assert page_ids(window) == ["il-4", "il-4", "il-13"]
    bar.moveTab(0, 2)  # dragged: the order follows, the tab in front stays in front
    assert page_ids(window) == ["il-4", "il-13", "il-4"] and window.tabs.tabs.active == 0
    assert bar.currentIndex() == 0 and window.back_action.isEnabled()
    menu = window.tabs.tab_menu(1)
    next(a for a in menu.actions() if a.text() == "Close oth&er tabs").trigger()
    assert page_ids(window) == ["il-13"] and window.current_page["id"] == "il-13"


def test_the_menu_lists_the_tab_entries_with_their_shortcuts(window):
    go = window.menus.go_menu
    shortcuts = {a.objectName(): [k.toString() for k in a.shortcuts()] for a in go.actions()}
    assert shortcuts["new_tab"] == ["Ctrl+T"]
    assert shortcuts["close_tab"][0] == "Ctrl+W"
    assert shortcuts["next_tab"] == ["Ctrl+Tab", "Ctrl+PgDown"]
    assert shortcuts["previous_tab"] == ["Ctrl+Shift+Tab", "Ctrl+PgUp"]
    assert any(a.isSeparator() and a.text() == "Tabs" for a in go.actions())
    reopen = window.findChild(QAction, "reopen_tabs")
    assert reopen.isCheckable() and reopen.isChecked()  # on by default
    assert reopen in window.menus.view_menu.actions()


def test_a_restart_brings_the_tabs_back(qtbot, open_window):
    window = open_window()
    window.open_page("il-2")
    window.open_page("il-4")
    window.tabs.open_in_background("il-13")
    window.tabs.new()
    window.tabs.open_in_background("il-6")
    key(qtbot, window, Qt.Key.Key_PageUp)  # back to il-13, the third of four
    assert page_ids(window) == ["il-4", "il-13", None, "il-6"]
    window.close()

    again = open_window()
    assert page_ids(again) == ["il-4", "il-13", None, "il-6"]
    assert again.current_page["id"] == "il-13" and again.windowTitle() == "IL-13 — ildesk"
    assert "Interleukin-13" in again.article.browser.toPlainText()[:200]
    assert again.tabs.bar.isVisible() and again.tabs.bar.currentIndex() == 1
    assert not again.back_action.isEnabled()  # the pages come back, not their history


def test_with_the_preference_off_the_tabs_do_not_come_back(qtbot, open_window):
    window = open_window()
    window.open_page("il-2")
    window.tabs.open_in_background("il-4")
    window.findChild(QAction, "reopen_tabs").trigger()
    window.close()
    again = open_window()
    assert page_ids(again) == [None] and again.showing_home
    assert not again.findChild(QAction, "reopen_tabs").isChecked()


@pytest.mark.parametrize("stored", ["not json", '{"pages": 7}', '{"pages": []}', "[" * 3000,
                                    '{"pages": ["no-such-page", "gone"], "active": 1}'])
def test_a_bad_stored_value_is_ignored(qtbot, open_window, stored):
    settings().setValue(OPEN_KEY, stored)
    settings().setValue(REOPEN_KEY, True)
    window = open_window()
    assert page_ids(window) == [None] and window.showing_home and window.isVisible()


def test_pages_gone_from_the_database_are_left_out(qtbot, open_window):
    settings().setValue(OPEN_KEY, '{"pages": ["il-6", "removed-page", "il-4"], "active": 2}')
    window = open_window()
    assert page_ids(window) == ["il-6", "il-4"] and window.current_page["id"] == "il-4"
    assert "no longer" in window.statusBar().currentMessage()


def test_no_two_actions_share_a_key_so_each_shortcut_triggers(open_library_window):
    window, _library = open_library_window()
    owner: dict[str, str] = {}
    for act in window.findChildren(QAction):
        if act.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
            continue  # a panel's own keys (the diagram's zoom) apply inside it only
        keys = [k.toString() for k in act.shortcuts()]
        assert len(keys) == len(set(keys)), act.objectName()  # Qt would call it ambiguous
        for k in keys:
            assert owner.setdefault(k, act.objectName() or act.text()) == \
                (act.objectName() or act.text()), k
    assert owner["Ctrl+T"] == "new_tab" and owner["Alt+Left"] == "back"
    window.close()


def test_a_page_named_at_start_joins_the_reopened_tabs(qtbot, open_window):
    settings().setValue(OPEN_KEY, '{"pages": ["il-6", "il-4"], "active": 0}')
    window = open_window()
    assert window.tabs.open_here_or_new("il-13")
    assert page_ids(window) == ["il-6", "il-13", "il-4"] and window.current_page["id"] == "il-13"
    assert window.tabs.open_here_or_new("il-4")  # already open: that tab comes to the front
    assert page_ids(window) == ["il-6", "il-13", "il-4"] and window.current_page["id"] == "il-4"
    fresh = open_window()  # (the first window has not saved: nothing else is stored)
    fresh.tabs.close_others(0)
    fresh.tabs.close(0)
    assert fresh.tabs.open_here_or_new("il-2") and page_ids(fresh) == ["il-2"]  # untouched Home


def test_after_a_restart_the_front_tabs_contents_name_its_top_section(qtbot, open_window):
    """Found by the QA pass: with psoriasis and IL6R reopened, IL6R in front at the top of its
    page, its Contents said "Drugs" (its last section) until the page was scrolled."""
    settings().setValue(OPEN_KEY, '{"pages": ["psoriasis", "il6r"], "active": 1}')
    settings().setValue(REOPEN_KEY, True)
    window = open_window()
    assert window.current_page["id"] == "il6r"
    bar = window.article.contents
    assert window.article.browser.verticalScrollBar().value() == 0
    assert bar.isVisible() and bar.combo.currentIndex() == 0, bar.combo.currentText()
