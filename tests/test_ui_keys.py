"""Every key working (issue 17, points 2, 3, 4): Back/Forward registered once, each menu key
from every focus, F6 through the panes, the article's and the diagram's keys, the filters that
wait for a pause, the Help table made from the registered keys, and the notice after a save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import SIGNAL, QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ildesk.ui.main_window.keys import OTHER_KEYS, typed_keys, window_actions

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def ready(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def press(qtbot, widget, seq: QKeySequence):
    combo = seq[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def visit(qtbot, window, *ids):
    for page_id in ids:
        window.open_page(page_id)
    assert window.current_page["id"] == ids[-1]


# -- point 2: Back and Forward --------------------------------------------------------------

def test_back_and_forward_keys_are_registered_once_and_navigate(qtbot, qtlog, window):
    ready(qtbot, window)
    names = [k.toString(QKeySequence.SequenceFormat.PortableText)
             for a in window_actions(window) for k in a.shortcuts()]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    visit(qtbot, window, "il-2", "il-6")
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Left, ALT)
    assert window.current_page["id"] == "il-2"
    qtbot.keyClick(window.results, Qt.Key.Key_Right, ALT)
    assert window.current_page["id"] == "il-6"
    assert not [r for r in qtlog.records if "Ambiguous" in r.message]


def test_backspace_goes_back_outside_text_fields_only(qtbot, window):
    ready(qtbot, window)
    visit(qtbot, window, "il-2", "il-6")
    window.article.browser.setFocus()
    qtbot.keyClick(window.article.browser, Qt.Key.Key_Backspace)
    assert window.current_page["id"] == "il-2"
    window.go_forward()
    window.search_field.setFocus()
    window.search_field.setText("stat")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Backspace)
    assert window.search_field.text() == "sta"
    assert window.current_page["id"] == "il-6"


@pytest.mark.parametrize("where", ["list", "article", "diagram"])
def test_the_mouse_side_buttons_go_back_over_each_pane(qtbot, window, where):
    visit(qtbot, window, "il-2", "il-6")
    target = {"list": window.results.viewport(), "article": window.article.browser.viewport(),
              "diagram": window.diagram.view.viewport()}[where]
    for button, expected in ((Qt.MouseButton.BackButton, "il-2"),
                             (Qt.MouseButton.ForwardButton, "il-6")):
        event = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5),
                            button, button, NO)
        QApplication.sendEvent(target, event)
        assert window.current_page["id"] == expected


# -- point 3: every menu key from every focus -----------------------------------------------

def _focus(window, library, where):
    return {"search": window.search_field, "results": window.results,
            "article": window.article.browser, "note": library.notes.editor}[where]


@pytest.mark.parametrize("where", ["search", "results", "article", "note"])
def test_every_menu_shortcut_works_from_every_focus(qtbot, open_library_window, where):
    window, library = open_library_window()
    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    fired: list[str] = []
    acts = [a for a in window_actions(window) if a.objectName()]
    assert {"export_pdf", "back", "forward", "focus_search", "star", "next_pane",
            "shortcuts", "zoom_in", "quit"} <= {a.objectName() for a in acts}
    for act in acts:  # the slots are stubbed: each key only has to reach its action
        act.triggered.disconnect()
        if act.isCheckable() and act.receivers(SIGNAL("toggled(bool)")):
            act.toggled.disconnect()  # toggles act on `toggled` (the table view, tabs)
        act.setEnabled(True)
        name = act.objectName()
        act.triggered.connect(lambda _c=False, n=name: fired.append(n))
    widget = _focus(window, library, where)
    text_field = where in ("search", "note")
    for act in acts:
        for seq in act.shortcuts():
            if text_field and seq.toString() in ("Backspace", "Shift+Backspace"):
                continue  # deletes a character there (the test above)
            widget.setFocus()
            assert QApplication.focusWidget() is widget
            fired.clear()
            press(qtbot, widget, seq)
            assert fired == [act.objectName()], f"{seq.toString()} in {where}"


class _ClaimsCtrlE(QObject):
    """What QLineEdit does under X11 (Ctrl+E is its end of line): it claims the key."""

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E:
            event.accept()
            return True
        return False


def test_ctrl_e_exports_even_when_the_search_field_claims_the_key(qtbot, window):
    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    window.results.setFocus()
    claims = _ClaimsCtrlE(window.search_field)  # as the field's own handling: after the
    window.search_field.installEventFilter(claims)  # window's, once the field is focused
    act = window.findChild(QAction, "export_pdf")
    act.triggered.disconnect()
    fired = []
    act.triggered.connect(lambda _c=False: fired.append("export_pdf"))
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_E, CTRL)
    assert fired == ["export_pdf"]


def test_the_status_bar_says_where_a_file_was_saved_and_opens_it_on_click(
        qtbot, window, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("ildesk.ui.saved_notice.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()))
    visit(qtbot, window, "il-6")
    out = tmp_path / "il-6.svg"
    assert window.diagram.export_svg(out)
    notice = window.saved_notice
    assert notice.isVisible() and str(out) in notice.label.text()
    assert opened == []  # nothing opens by itself
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(notice.folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(out), str(tmp_path)]
    window.report("Link copied.")  # a newer message takes the bar
    assert not notice.isVisible()


def test_a_long_saved_path_is_cut_in_the_middle_at_1024_px_and_open_stays_visible(
        qtbot, open_window, tmp_path):
    """The QA pass: at 1024 px the path was cut at its end (the file name lost)."""
    window = open_window(1024, 640)
    out = tmp_path / ("a rather long folder name for the exported fact sheets " * 2) / \
        "IL-6 fact sheet.pdf"
    window.show_saved(out, "Saved the fact sheet of IL-6")
    notice = window.saved_notice
    qtbot.waitUntil(notice.isVisible)
    label = notice.label
    assert label.text() == f"Saved the fact sheet of IL-6 to {out}."  # read aloud whole
    assert label.toolTip() == str(out)
    shown = label.shown()
    assert shown.startswith(("Saved the fact sheet of IL-6 to /", "Saved to /")), shown
    assert "…" in shown
    assert shown.endswith("IL-6 fact sheet.pdf.")  # the file name stays
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    bar = window.statusBar()
    for button in (notice.open_button, notice.folder_button):  # whole, inside the bar
        box = button.rect().translated(button.mapTo(bar, button.rect().topLeft()))
        assert button.isVisible() and bar.rect().contains(box)
        assert not any(w.isVisible() and w is not notice and w.geometry().intersects(box)
                       for w in bar.findChildren(QWidget) if w.parent() is bar)


# -- point 4: keyboard only -----------------------------------------------------------------

def test_f6_and_shift_f6_cycle_the_panes_on_screen(qtbot, open_library_window):
    window, library = open_library_window()
    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    library.notes_dock.show()
    qtbot.waitUntil(library.notes.editor.isVisible)
    window.search_field.setFocus()
    order = ["results", "article", "diagram", "note", "search"]
    for name in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert window.keys.current() == name
    assert QApplication.focusWidget() is window.search_field
    for name in reversed(order[:-1]):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6,
                       Qt.KeyboardModifier.ShiftModifier)
        assert window.keys.current() == name
    window.diagram_dock.hide()  # hidden panes are skipped
    window.article.browser.setFocus()
    qtbot.keyClick(window.article.browser, Qt.Key.Key_F6)
    assert window.keys.current() == "note"


def test_the_result_list_marks_the_keyboards_row(qtbot, window):
    view = window.results
    link = QColor(view.palette().color(QPalette.ColorRole.Link))

    def edge_colours() -> set[str]:
        rect = view.visualRect(view.currentIndex())
        image = view.viewport().grab().toImage()
        return {image.pixelColor(QPoint(x, rect.center().y())).name() for x in (1, 2)}

    window.search_field.setFocus()
    assert link.name() not in edge_colours()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert link.name() in edge_colours()


def test_the_article_is_framed_while_it_has_the_keyboard(qtbot, window):
    """F6 into the article draws a frame round it in the link colour (as the result list
    marks its row); leaving it takes the frame away, and nothing moves either way."""
    view = window.article
    link = QColor(view.palette().color(QPalette.ColorRole.Link)).name()

    def frame_colours() -> set[str]:
        image = view.grab().toImage()
        g = view.browser.geometry()
        return {image.pixelColor(QPoint(g.left() - 1, g.center().y())).name(),
                image.pixelColor(QPoint(g.right() + 1, g.center().y())).name(),
                image.pixelColor(QPoint(g.center().x(), g.bottom() + 1)).name()}

    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    window.search_field.setFocus()
    before = view.browser.geometry()
    assert link not in frame_colours()
    qtbot.keyClick(window.search_field, Qt.Key.Key_F6)  # results
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)  # the article
    qtbot.waitUntil(view.browser.hasFocus)
    assert frame_colours() == {link}
    assert view.browser.geometry() == before
    window.search_field.setFocus()
    qtbot.waitUntil(lambda: not view.browser.hasFocus())
    assert link not in frame_colours()


def test_escape_and_typing_in_the_article_go_to_the_search(qtbot, window):
    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    window.article.browser.setFocus()
    qtbot.keyClick(window.article.browser, Qt.Key.Key_Escape)
    assert window.search_field.hasFocus()
    window.article.browser.setFocus()
    qtbot.keyClicks(window.article.browser, "j")
    assert window.search_field.hasFocus() and window.search_field.text() == "j"
    qtbot.keyClicks(window.search_field, "ak1")
    assert window.search_field.text() == "jak1"


def test_ctrl_home_and_end_scroll_the_article(qtbot, window):
    visit(qtbot, window, "il-6")
    browser = window.article.browser
    bar = browser.verticalScrollBar()
    assert bar.maximum() > 0
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_End, CTRL)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(browser, Qt.Key.Key_Home, CTRL)
    assert bar.value() == 0


def test_find_in_page_says_which_match_of_how_many(qtbot, window):
    visit(qtbot, window, "il-6")
    window.article.open_find()
    qtbot.keyClicks(window.article.find_field, "STAT3")
    total = window.article.browser.toPlainText().count("STAT3")
    assert total > 1
    assert window.article.find_status.text() == f"1 of {total}"
    qtbot.keyClick(window.article.find_field, Qt.Key.Key_Return)
    assert window.article.find_status.text() == f"2 of {total}"
    window.article.find_field.setText("no such words")
    assert window.article.find_status.text() == "Not found"


def test_diagram_boxes_are_reached_and_opened_by_keyboard(qtbot, window):
    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    view = window.diagram.view
    keys = window.keys._diagram_keys
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = keys.current()
    assert first is not None and first.hover and view.hasFocus() and keys.ring_visible()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    second = keys.current()
    assert second is not None and second is not first and not first.hover
    qtbot.keyClick(view, Qt.Key.Key_Down)
    target = keys.current()
    assert target is not None and target.node.y >= second.node.y
    page = target.node.page_id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_page["id"] == page
    window.search_field.setFocus()  # leaving the diagram takes the ring away
    assert not keys.ring_visible()


def test_arrowing_through_a_filter_tree_waits_for_a_pause(qtbot, window):
    tree = window.facets.cells
    changes: list[object] = []
    window.facets.changed.connect(changes.append)
    tree.tree.setFocus()
    tree.tree.setCurrentItem(tree.tree.topLevelItem(0))
    changes.clear()
    for _ in range(4):
        qtbot.keyClick(tree.tree, Qt.Key.Key_Down)
    assert changes == [] and tree.pending()  # no search per row
    with qtbot.waitSignal(window.facets.changed, timeout=3000):
        pass
    assert len(changes) == 1 and changes[0].cell_type == tree.current()
    qtbot.keyClick(tree.tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree.tree, Qt.Key.Key_Return)  # Enter applies at once
    assert len(changes) == 2 and changes[1].cell_type == tree.current()
    item = tree.tree.itemBelow(tree.tree.currentItem())
    rect = tree.tree.visualItemRect(item)
    qtbot.mouseClick(tree.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(changes) == 3 and changes[2].cell_type == item.data(0, Qt.ItemDataRole.UserRole + 1)


def test_help_lists_every_registered_key(qtbot, open_library_window):
    window, _library = open_library_window()
    ready(qtbot, window)
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_F1)
    dialog = window.shortcuts_dialog
    assert dialog.isVisible()
    rows = dialog.rows()
    listed = {k.strip() for _where, _what, keys in rows for k in keys.split(",")}
    for act in window_actions(window):
        for seq in typed_keys(act):
            assert seq.toString(QKeySequence.SequenceFormat.NativeText) in listed, act.text()
    # a keyboard's media keys ("Back", "Zoom In", "Exit"), which the platform adds to its
    # standard keys, are not listed as if every keyboard had them
    assert not listed & {"Back", "Forward", "Zoom In", "Zoom Out", "Exit", "Search", "Find"}
    assert "Alt+Left" in listed or "Alt+←" in listed
    whats = {what for _where, what, _keys in rows}
    assert {"Export fact sheet as PDF", "Back", "Next pane", "Keyboard shortcuts"} <= whats
    assert all(what in whats for _keys, what in OTHER_KEYS)
    dialog.close()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Slash, CTRL)
    assert window.shortcuts_dialog.isVisible()


def test_the_theme_menu_ticks_the_theme_in_use(qtbot, window):
    acts = {n: window.findChild(QAction, f"theme_{n}") for n in ("system", "light", "dark")}
    window.set_theme("dark")
    assert [n for n, a in acts.items() if a.isChecked()] == ["dark"]
    acts["light"].trigger()
    assert [n for n, a in acts.items() if a.isChecked()] == ["light"]
    window.set_theme("system")


# -- point 9: counts and the status bar -----------------------------------------------------

def test_counts_and_headings_agree_with_their_number(qtbot, window):
    from ildesk.search import SearchHit
    from ildesk.ui.result_list import ResultModel

    model = ResultModel()
    hit = SearchHit("tocilizumab", "drug", "tocilizumab", 1.0, "", group="Drugs")
    model.set_results([hit])
    assert model.index(0, 0).data() == "Drug"
    model.set_results([hit, SearchHit("sarilumab", "drug", "sarilumab", 1.0, "",
                                      group="Drugs")])
    assert model.index(0, 0).data() == "Drugs"
    window.search_field.setText("sarilumab")
    qtbot.waitUntil(lambda: window.shown_text == "sarilumab")
    one = window.search.describe(window.last_result, 1)
    assert "1 result" in one and "1 results" not in one
    assert "2 results" in window.search.describe(window.last_result, 2)


def test_the_status_bar_shows_the_version_and_the_contents_date(window, kb):
    latest = max(d.checked_on for d in kb.drugs.values() if d.checked_on)
    year, month, day = (int(p) for p in latest.split("-"))
    month_name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    text = window.status_label.text()
    assert f"content of {day} {month_name} {year}" in text
    assert "ildesk 0." in text
    assert window.meta["data_version"] not in text  # a hash is no date


def test_tab_order_follows_the_screen(qtbot, open_library_window):
    """Search field, results, filters, article, diagram, note: left to right, top down."""
    window, library = open_library_window()
    visit(qtbot, window, "il-6")
    library.notes_dock.show()
    qtbot.waitUntil(library.notes.editor.isVisible)
    places = [("search", window.search_field), ("results", window.results),
              ("filters", window.facets), ("article", window.article.browser),
              ("diagram", window.diagram.view), ("note", library.notes.editor)]
    seen: list[str] = []
    widget = window.search_field
    for _ in range(400):
        for name, place in places:
            if (widget is place or place.isAncestorOf(widget)) and name not in seen:
                seen.append(name)
        widget = widget.nextInFocusChain()
        if widget is window.search_field:
            break
    assert seen == [name for name, _w in places]


def test_a_library_export_counts_in_the_singular_and_says_where(qtbot, open_library_window,
                                                               tmp_path, monkeypatch):
    window, library = open_library_window()
    library.store.bookmarks.add("il-6", "IL-6")
    library.store.notes.save("il-6", "binds IL6ST", "IL-6")
    out = tmp_path / "library.json"
    monkeypatch.setattr("ildesk.ui.library.controller.ask_save_path", lambda *a, **k: out)
    library.export_library()
    qtbot.waitUntil(window.saved_notice.isVisible, timeout=10_000)
    assert window.saved_notice.label.text() == f"Exported 1 bookmark and 1 note to {out}."
    assert window.saved_notice.path == out and out.exists()


def test_the_zoom_keys_zoom_what_has_the_focus(qtbot, window):
    ready(qtbot, window)
    visit(qtbot, window, "il-6")
    view = window.diagram.view
    text_zoom, scale = window.zoom, view.transform().m11()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    assert view.transform().m11() > scale and window.zoom == text_zoom
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.auto_fit
    window.article.browser.setFocus()
    qtbot.keyClick(window.article.browser, Qt.Key.Key_Plus, CTRL)
    assert window.zoom > text_zoom


def _mnemonic(text: str) -> str | None:
    """The letter after a single "&" in a menu entry's text (Alt+letter picks it)."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].casefold() if at >= 0 else None


def _menus(menu):
    yield menu
    for act in menu.actions():
        if act.menu() is not None:
            yield from _menus(act.menu())


def test_no_two_entries_of_a_menu_share_their_underlined_letter(open_library_window):
    window, _library = open_library_window()
    clashes = []
    for top in window.menuBar().actions():
        for menu in _menus(top.menu()):
            seen: dict[str, str] = {}
            for act in menu.actions():
                letter = _mnemonic(act.text()) if act.isVisible() else None
                if letter is None:
                    continue
                if letter in seen:
                    clashes.append(f"{menu.title()}: {seen[letter]!r} and {act.text()!r}")
                seen[letter] = act.text()
    assert not clashes


def test_the_shortcut_list_leaves_out_a_keyboards_media_keys(qapp):
    act = QAction("Back")
    act.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back),
                      QKeySequence(Qt.Key.Key_ZoomIn), QKeySequence("Ctrl+F")])
    assert [k.toString() for k in typed_keys(act)] == ["Alt+Left", "Ctrl+F"]


def test_backspace_edits_what_takes_text_and_goes_back_elsewhere(qapp):
    """The kinds of widget that take Backspace, told apart by class name (start-up need not
    make their Python types): editable fields, boxes and spin boxes edit; read-only ones,
    a plain combo box and a button do not."""
    from PySide6.QtWidgets import (
        QComboBox,
        QDoubleSpinBox,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QSpinBox,
        QTextEdit,
    )

    from ildesk.ui.main_window.keys import edits_text

    read_only_text, read_only_line = QPlainTextEdit(), QLineEdit()
    read_only_text.setReadOnly(True)
    read_only_line.setReadOnly(True)
    editable_box = QComboBox()
    editable_box.setEditable(True)
    takes = [QLineEdit(), QPlainTextEdit(), QTextEdit(), editable_box, QSpinBox(),
             QDoubleSpinBox()]
    refuses = [read_only_text, read_only_line, QComboBox(), QPushButton("OK"), QWidget(), None]
    assert [edits_text(w) for w in takes] == [True] * len(takes)
    assert [edits_text(w) for w in refuses] == [False] * len(refuses)


def test_the_result_list_fills_the_selected_rows_only(qtbot, window):
    """A selected hit is drawn on the highlight colour, the others on the list's own."""
    view = window.results
    model = view.model()
    hits = [model.index(r, 0) for r in range(model.rowCount())
            if model.flags(model.index(r, 0)) & Qt.ItemFlag.ItemIsSelectable]
    first, second = hits[0], hits[1]
    highlight = view.palette().color(QPalette.ColorRole.Highlight).name()

    def fill(index) -> str:
        rect = view.visualRect(index)
        image = view.viewport().grab().toImage()
        return image.pixelColor(QPoint(rect.right() - 8, rect.bottom() - 3)).name()

    view.selectionModel().select(first, view.selectionModel().SelectionFlag.ClearAndSelect)
    assert fill(first) == highlight
    assert fill(second) != highlight
    view.selectionModel().select(second, view.selectionModel().SelectionFlag.Select)
    assert fill(first) == fill(second) == highlight
