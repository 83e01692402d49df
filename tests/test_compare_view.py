"""The compare view in the window (pytest-qt): the table with its marks, shared chains on one
line, links by mouse and keyboard that open pages in the main window, the diagrams side by
side, and every way in: the result list, "Compare with…", a family, `ildesk open --compare`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextTable
from PySide6.QtWidgets import QApplication

from ildesk.ui.compare_view import CompareView
from ildesk.ui.result_list import Role
from tests.compare_support import PAIRS


def table_rows(view: CompareView) -> list[list[str]]:
    """The table's cells as text, row by row (the legend paragraph is not in it)."""
    doc = view.table.document()
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    rows = []
    for r in range(table.rows()):
        row = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            cur = QTextCursor(doc)
            cur.setPosition(cell.firstCursorPosition().position())
            cur.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
            text = cur.selectedText()
            row.append(text.replace("\u2029", "\n").replace("\u2028", "\n")
                       .replace("\xa0", " "))
        rows.append(row)
    return rows


def link_point(view: CompareView, href: str) -> QPoint:
    """Where the link `href` is drawn in the table's viewport."""
    doc = view.table.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref() == href:
                cur = QTextCursor(doc)
                cur.setPosition(frag.position() + 1)
                view.table.setTextCursor(cur)
                view.table.ensureCursorVisible()
                return view.table.cursorRect(cur).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


@pytest.fixture
def make_view(qtbot, content):
    def make(ids):
        v = CompareView(content, ids)
        qtbot.addWidget(v)
        v.resize(1280, 900)
        v.show()
        qtbot.waitExposed(v)
        return v
    return make


@pytest.mark.parametrize("pair", list(PAIRS))
def test_table_marks_shared_and_own_on_one_line(make_view, pair):
    want = PAIRS[pair]
    view = make_view(list(pair))
    rows = table_rows(view)
    assert view.title.text().startswith("Compare ")
    for name in want["shared"].values():
        assert any(r[1].startswith(f"● {name} ") and r[2].startswith(f"● {name} ")
                   for r in rows), name
    for name in want["own_0"].values():
        assert any(r[1].startswith(f"○ {name} ") for r in rows), name
    for name in want["own_1"].values():
        assert any(r[2].startswith(f"○ {name} ") for r in rows), name
    drugs = next(r for r in rows if r[0].startswith("Drugs"))
    for drug in want["drugs"]:
        assert f"● {drug} " in drugs[1] and f"● {drug} " in drugs[2]
    assert [p.page["id"] for p in view.panels] == list(pair)
    assert all(p.diagram is not None and p.isVisible() for p in view.panels)


def test_clicking_an_entry_opens_its_page(qtbot, make_view):
    view = make_view(["il-4", "il-13"])
    point = link_point(view, "page:dupilumab")
    with qtbot.waitSignal(view.page_requested) as sig:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert sig.args == ["dupilumab"]


def test_links_are_reached_by_keyboard(qtbot, make_view):
    view = make_view(["il-12", "il-23"])
    view.table.setFocus()
    assert view.links()[:2] == ["page:il-12", "page:il-23"]
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    with qtbot.waitSignal(view.page_requested) as sig:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert sig.args == ["il-23"]


def test_add_and_remove_columns(qtbot, make_view):
    view = make_view(["il-4", "il-13"])
    i = view.add_box.findData("il-2")
    view.add_box.setCurrentIndex(i)
    view.add_box.activated.emit(i)
    assert view.ids == ["il-4", "il-13", "il-2"]
    assert "shared by some" in view.table.toPlainText()
    assert len(view.panels) == 3
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=link_point(view, "remove:1"))
    assert view.ids == ["il-4", "il-2"]
    assert "page:il-13" not in view.links()
    assert "remove:0" not in view.links()  # two is the fewest: nothing more to take out


def test_save_pdf_from_the_view(make_view, tmp_path):
    from tests.factsheet_support import pdf_text

    out = make_view(["il-2", "il-15"]).save_pdf(tmp_path / "c.pdf")
    assert out is not None
    text = pdf_text(out)
    assert "IL-15Rα" in text and "IL-2Rα" in text and "γc" in text


def test_save_pdf_asks_in_the_home_folder_not_where_ildesk_was_started(
        make_view, monkeypatch):
    """Found by the QA pass: the fact-sheet and comparison dialogs offered a bare name, so the
    PDF landed in the program's working folder while CSV and diagram exports went home."""
    from ildesk.ui import compare_view

    asked: list[str] = []

    def ask(_parent, _caption, start, _pattern):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(compare_view.QFileDialog, "getSaveFileName", staticmethod(ask))
    assert make_view(["il-4", "il-13"]).save_pdf() is None  # cancelled: nothing written
    assert asked == [str(Path.home() / "compare-IL-4-IL-13.pdf")]


def _select(qtbot, window, ids):
    rows = {window.model.index(r, 0).data(Role.PAGE_ID): r
            for r in range(window.model.rowCount())}
    view = window.results
    view.clearSelection()
    for k, pid in enumerate(ids):
        rect = view.visualRect(window.model.index(rows[pid], 0))
        view.scrollTo(window.model.index(rows[pid], 0))
        rect = view.visualRect(window.model.index(rows[pid], 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier if k else
                         Qt.KeyboardModifier.NoModifier, rect.center())


def test_compare_selected_results(qtbot, window):
    _select(qtbot, window, ["il-4", "il-13"])
    assert len(window.results.selectionModel().selectedIndexes()) == 2
    act = window.compare_actions["compare_selected"]
    assert act in window.results.actions()  # the list's context menu has it
    assert act.shortcut().toString() == "Ctrl+Shift+M"
    act.trigger()
    view = window.compare_views[-1]
    qtbot.addWidget(view)
    assert view.ids == ["il-4", "il-13"] and view.isVisible()
    with qtbot.waitSignal(view.page_requested):
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=link_point(view, "page:il13ra1"))
    assert window.current_page["id"] == "il13ra1"  # opened in the main window


def _answer_chooser(window, tick=(), untick=(), accept=True):
    def answer():
        dialog = window.compare_chooser
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            pid = item.data(Qt.ItemDataRole.UserRole)
            if pid in tick:
                item.setCheckState(Qt.CheckState.Checked)
            if pid in untick:
                item.setCheckState(Qt.CheckState.Unchecked)
        answer.seen = dialog.chosen()
        (dialog.accept if accept else dialog.reject)()
    answer.seen = None
    QTimer.singleShot(0, answer)
    return answer


def test_the_compare_window_fits_on_the_screen(qtbot, window):
    """Found by the QA pass: on a 1366 × 768 screen the window came up 860 px high, its
    diagrams running off the bottom of the screen."""
    from ildesk.ui.compare_view import open_compare

    view = open_compare(window, window.content, ["il-4", "il-13"])
    qtbot.addWidget(view)
    area = view.screen().availableGeometry()
    assert view.height() <= area.height() and view.width() <= area.width(), (view.size(), area)


def test_compare_with_from_an_article(qtbot, window):
    window.open_page("il-12")
    answer = _answer_chooser(window, tick=["il-23"])
    assert window.compare_actions["compare_with"].shortcut().toString() == "Ctrl+M"
    window.compare_actions["compare_with"].trigger()
    assert answer.seen == ["il-12", "il-23"]
    view = window.compare_views[-1]
    qtbot.addWidget(view)
    assert view.ids == ["il-12", "il-23"]
    assert any(r[1].startswith("● p40") for r in table_rows(view))


def test_cancelled_chooser_opens_nothing(qtbot, window):
    window.open_page("il-4")
    _answer_chooser(window, tick=["il-13"], accept=False)
    window.compare_actions["compare_with"].trigger()
    assert window.compare_views == []


def test_compare_a_family(qtbot, window):
    window.open_page("il-3")  # the βc family: IL-3 and IL-5, compared at once
    window.compare_actions["compare_family"].trigger()
    view = window.compare_views[-1]
    qtbot.addWidget(view)
    assert view.ids == ["il-3", "il-5"]
    window.open_page("il-23")  # the IL-12 family has six: the chooser, four ticked
    answer = _answer_chooser(window)
    window.compare_actions["compare_family"].trigger()
    assert "il-23" in answer.seen and len(answer.seen) == 4  # the open one is ticked
    view = window.compare_views[-1]
    qtbot.addWidget(view)
    assert view.ids == answer.seen


def test_open_compare_from_the_command_line(qtbot, monkeypatch, db_path):
    from ildesk.cli import main

    app = QApplication.instance()
    monkeypatch.setattr(type(app), "exec", lambda self: 0)
    before = set(QApplication.topLevelWidgets())
    assert main(["open", "--compare", "IL-4", "interleukin 13"]) == 0
    new = [w for w in QApplication.topLevelWidgets() if w not in before]
    views = [w for w in new if isinstance(w, CompareView)]
    try:
        assert len(views) == 1 and views[0].ids == ["il-4", "il-13"]
        assert views[0].isVisible()
    finally:
        for w in new:
            bg = getattr(w, "bg", None)
            w.close()
            if bg is not None:
                bg.wait()


def test_open_compare_refuses_bad_names_before_the_window(capsys, db_path):
    from ildesk.cli import main

    assert main(["open", "--compare", "IL-4"]) == 1
    assert "--compare takes 2 to 4 interleukins" in capsys.readouterr().err
    assert main(["open", "--compare", "IL-4", "tocilizumab"]) == 1
    assert "not an interleukin" in capsys.readouterr().err


def test_the_compare_window_closes_with_escape(qtbot, window):
    from ildesk.ui.compare_menu import compare_ids

    view = compare_ids(window, ["il-17a", "il-17f"])
    qtbot.waitExposed(view)
    assert view.isWindow() and view.windowTitle() == "Compare IL-17A · IL-17F — ildesk"
    view.activateWindow()
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
