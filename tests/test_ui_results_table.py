"""The results as a table, driven as a person would: the List | Table switch and its key,
the columns for IL-6, sorting by a header click, the current result kept across the
switch, Enter and a click opening a page, the CSV export and its failures."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from ildesk.results import COLUMNS
from ildesk.ui import results_mode
from ildesk.ui.result_list import Role
from ildesk.ui.settings import settings
from tests.safety_support import files_of, small_disk  # noqa: F401  (a fixture)
from tests.ui_support import type_query

HEADERS = [header for _, header in COLUMNS]
KIND, NAME, RECEPTOR, ROUTE = (HEADERS.index(h) for h in ("Kind", "Name", "Main receptor",
                                                           "Route"))


def table_of(qtbot, w):
    mode = w.results_mode
    qtbot.waitUntil(lambda: mode.model.rowCount() == len(w.model.hits()) > 0)
    return mode


def shown_table(qtbot, w, text):
    """The table switched on for the results of `text`, its rows read."""
    type_query(qtbot, w, text)
    w.results_mode.show_table(True)
    return table_of(qtbot, w)


def cells(mode, page_id):
    row = mode.model.row_of(page_id)
    assert row >= 0, page_id
    return {h: mode.model.index(row, c).data() for c, h in enumerate(HEADERS)}


def current_id(view):
    return view.currentIndex().data(Role.PAGE_ID)


def header_click(qtbot, mode, column):
    header = mode.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_the_switch_shows_the_table_with_il6s_columns(qtbot, window):
    type_query(qtbot, window, "IL-6")
    mode = window.results_mode
    assert not mode.table.isVisible() and window.results.isVisible()
    qtbot.mouseClick(mode.table_button, Qt.MouseButton.LeftButton)
    assert mode.table.isVisible() and not window.results.isVisible()
    assert mode.toggle.isChecked()  # the View menu's entry says so too
    table_of(qtbot, window)
    model = mode.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(HEADERS))] \
        == ["Kind", "Name", "Family", "Main receptor", "Route", "Drugs", "Group"]
    il6 = cells(mode, "il-6")
    assert (il6["Kind"], il6["Name"], il6["Main receptor"], il6["Route"]) == (
        "Interleukin", "IL-6", "IL6R/IL6ST", "JAK–STAT")
    assert il6["Drugs"].startswith("tocilizumab, siltuximab")
    toci = cells(mode, "tocilizumab")
    assert (toci["Kind"], toci["Main receptor"], toci["Group"]) == ("Drug", "IL6R", "Drugs")
    # rows are hits, in the list's order: no header rows in the table
    assert [r.id for r in model.rows()] == [h.id for h in window.model.hits()]
    qtbot.mouseClick(mode.list_button, Qt.MouseButton.LeftButton)
    assert window.results.isVisible() and not mode.table.isVisible()
    assert not mode.toggle.isChecked()


def test_a_header_click_sorts_naturally_and_again_the_other_way(qtbot, window):
    mode = window.results_mode
    mode.show_table(True)
    mode = table_of(qtbot, window)  # all 51 interleukins, by family
    header_click(qtbot, mode, NAME)
    names = [mode.model.index(r, NAME).data() for r in range(mode.model.rowCount())]
    assert names.index("IL-2") < names.index("IL-3") < names.index("IL-10") \
        < names.index("IL-21")
    assert names[3:6] == ["IL-2", "IL-3", "IL-4"]
    header_click(qtbot, mode, NAME)
    names = [mode.model.index(r, NAME).data() for r in range(mode.model.rowCount())]
    assert names[0] == "IL-41" and names.index("IL-10") < names.index("IL-2")
    # a new search keeps the sort
    type_query(qtbot, window, "IL-6")
    table_of(qtbot, window)
    assert mode.model.sorted_by == (NAME, Qt.SortOrder.DescendingOrder)


def test_switching_keeps_the_current_result(qtbot, window):
    type_query(qtbot, window, "IL-6")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    chosen = current_id(window.results)
    assert chosen not in (None, "il-6")
    mode = window.results_mode
    mode.show_table(True)
    table_of(qtbot, window)
    assert current_id(mode.table) == chosen
    mode.sort(NAME)  # the current row follows its page through a sort
    assert current_id(mode.table) == chosen
    mode.table.select_row(mode.model.row_of("il6st"))
    mode.show_table(False)
    assert current_id(window.results) == "il6st"
    mode.show_table(True)
    assert current_id(mode.table) == "il6st"


def test_enter_and_a_click_open_the_page(qtbot, window):
    mode = shown_table(qtbot, window, "IL-6")
    mode.table.setFocus()
    mode.table.select_row(mode.model.row_of("siltuximab"))
    qtbot.keyClick(mode.table, Qt.Key.Key_Return)
    assert window.current_page["id"] == "siltuximab"
    row = mode.model.row_of("sarilumab")
    mode.table.scrollTo(mode.model.index(row, NAME))
    rect = mode.table.visualRect(mode.model.index(row, NAME))
    assert mode.table.viewport().rect().contains(rect.center())
    qtbot.mouseClick(mode.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page["id"] == "sarilumab"  # a click opens, as in the list
    window.open_page("il6st")  # a page opened elsewhere is selected in the table
    assert current_id(mode.table) == "il6st"


def test_keyboard_only(qtbot, window):
    """Ctrl+K, type, Ctrl+Shift+L for the table, Down in the search field moves in the
    table's own order, Enter opens, Ctrl+Shift+L again for the list."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "IL-6")
    qtbot.waitUntil(lambda: window.shown_text == "IL-6")
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.search_field, Qt.Key.Key_L, keys)
    mode = table_of(qtbot, window)
    assert mode.showing_table
    mode.sort(NAME)
    for _ in range(8):  # to the top of the table, and no further
        qtbot.keyClick(window.search_field, Qt.Key.Key_PageUp)
    assert current_id(mode.table) == mode.model.rows()[0].id
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    second = mode.model.rows()[1].id  # the second by name, not by rank
    assert current_id(mode.table) == second != window.model.hits()[1].id
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current_page["id"] == second
    qtbot.keyClick(window.search_field, Qt.Key.Key_L, keys)
    assert not mode.showing_table and current_id(window.results) == second


def test_the_choice_of_table_is_kept_for_the_next_start(qtbot, open_window):
    first = open_window()
    first.results_mode.show_table(True)
    first.close()
    again = open_window()
    assert again.results_mode.showing_table and again.results_mode.table.isVisible()
    table_of(qtbot, again)


def export(qtbot, monkeypatch, window, path):
    errors: list[str] = []
    monkeypatch.setattr(results_mode, "ask_save_path", lambda *a, **k: path)
    monkeypatch.setattr(results_mode, "show_error",
                        lambda _parent, title, exc: errors.append(f"{title}: {exc.message}"))
    window.findChild(type(window.back_action), "export_csv").trigger()
    return errors


def test_csv_export_writes_the_rows_in_the_tables_sort(qtbot, window, monkeypatch, tmp_path):
    mode = shown_table(qtbot, window, "IL-6")
    header_click(qtbot, mode, KIND)
    out = tmp_path / "il-6.csv"
    assert export(qtbot, monkeypatch, window, out) == []
    notice = window.saved_notice  # Open and Show folder beside it (the QA pass: they were not)
    qtbot.waitUntil(notice.isVisible)
    n = mode.model.rowCount()
    assert notice.label.text() == f"Saved {n} results to {out}."
    assert notice.open_button.isVisible() and notice.folder_button.isVisible()
    assert notice.path == out
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8")
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert table[0] == HEADERS
    assert table[1:] == [list(r.cells) for r in mode.model.rows()]
    kinds = [row[KIND] for row in table[1:]]
    assert kinds == sorted(kinds) and kinds[0] == "Cell type"
    # a cell holding commas is quoted as RFC 4180 says
    il6 = next(row for row in table if row[NAME] == "IL-6")
    assert "," in il6[HEADERS.index("Drugs")]
    assert f'"{il6[HEADERS.index("Drugs")]}"' in text


def test_csv_export_from_the_list_uses_the_ranking_and_the_query_names_the_file(
        qtbot, window, monkeypatch, tmp_path):
    type_query(qtbot, window, "th17")
    asked: list[Path] = []
    out = tmp_path / "th17.csv"

    def ask(_parent, _title, start, _pattern, suffix):
        asked.append(start)
        assert suffix == ".csv"
        return out

    monkeypatch.setattr(results_mode, "ask_save_path", ask)
    qtbot.mouseClick(window.results_mode.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    assert asked[0].name == "th17.csv"
    table = list(csv.reader(io.StringIO(out.read_text(), newline="")))[1:]
    assert [row[NAME] for row in table] == [h.short or h.name for h in window.model.hits()]
    group = HEADERS.index("Group")  # every row has its group, the named page's too
    assert table[0][NAME] == "T-helper 17 cell" and table[0][group] == "Named page"
    assert all(row[group] for row in table)


def test_export_to_a_bad_place_says_so_and_leaves_files_alone(qtbot, window, monkeypatch,
                                                               tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "results.csv").write_text("my old export")
    before = files_of(folder)
    for bad in (tmp_path / "missing" / "r.csv", folder):
        errors = export(qtbot, monkeypatch, window, bad)
        qtbot.waitUntil(lambda errors=errors: bool(errors))
        assert errors[0].startswith("Export failed: ") and str(bad) in errors[0]
    assert files_of(folder) == before


@pytest.mark.slow
def test_a_full_disk_leaves_the_old_export_intact(qtbot, window, monkeypatch,
                                                  small_disk):  # noqa: F811
    old = small_disk.root / "il-6.csv"
    old.write_text("my old export")
    small_disk.fill()
    type_query(qtbot, window, "")
    errors = export(qtbot, monkeypatch, window, old)
    qtbot.waitUntil(lambda: bool(errors))
    assert "disk is full" in errors[0]
    small_disk.free()
    assert old.read_text() == "my old export"
    assert sorted(p.name for p in small_disk.root.iterdir()) == ["il-6.csv"]


def test_rows_selected_in_the_table_can_be_compared(qtbot, window):
    mode = shown_table(qtbot, window, "IL-13")
    mode.table.setFocus()
    mode.table.select_row(mode.model.row_of("il-13"))
    rect = mode.table.visualRect(mode.model.index(mode.model.row_of("il-4"), NAME))
    qtbot.mouseClick(mode.table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, rect.center())
    assert window.current_page is None or window.current_page["id"] != "il-4"  # no opening
    assert sorted(mode.table.selected_ids()) == ["il-13", "il-4"]
    window.compare_actions["compare_selected"].trigger()
    view = window.compare_views[-1]
    qtbot.addWidget(view)
    assert sorted(view.ids) == ["il-13", "il-4"] and view.isVisible()
    assert window.compare_actions["compare_selected"] in mode.table.actions()  # its menu


def test_typing_with_the_table_shown_ends_on_the_last_answer(qtbot, window):
    mode = window.results_mode
    mode.show_table(True)
    table_of(qtbot, window)
    window.search_field.setFocus()
    for text in ("IL-1", "IL-17", "psoriasis", "gp130"):
        window.search_field.clear()
        qtbot.keyClicks(window.search_field, text)  # each keystroke a search and new rows
    qtbot.waitUntil(lambda: window.shown_text == "gp130")
    qtbot.waitUntil(lambda: [r.id for r in mode.model.rows()]
                    == [h.id for h in window.model.hits()])
    assert mode.model.rows()[0].id == "il6st"
    assert cells(mode, "il6st")["Route"] == "JAK1, JAK2, TYK2"


def test_the_menus_offer_the_table_its_sort_and_the_export(qtbot, window):
    from PySide6.QtGui import QAction

    texts = [a.text() for a in window.menus.file_menu.actions()]
    pdf = texts.index("Export &results as PDF…")
    assert texts[pdf + 1] == "Export results as &CSV…"
    toggle = window.menus.named["results_table"]
    assert toggle.isCheckable() and toggle.shortcut().toString() == "Ctrl+Shift+L"
    assert toggle in window.menus.view_menu.actions()
    toggle.trigger()
    mode = table_of(qtbot, window)
    by_route = window.findChild(QAction, "sort_route")
    by_route.trigger()
    assert mode.model.sorted_by == (ROUTE, Qt.SortOrder.AscendingOrder)
    assert mode.table.horizontalHeader().sortIndicatorSection() == ROUTE
    by_route.trigger()  # again: the other way
    assert mode.model.sorted_by == (ROUTE, Qt.SortOrder.DescendingOrder)
    routes = [r.cells[ROUTE] for r in mode.model.rows()]
    assert routes[0] == "none known" and routes[-1] == "Act1–TRAF6"
    mode.sort(-1)  # Relevance: the search's own order again
    assert [r.id for r in mode.model.rows()] == [h.id for h in window.model.hits()]


def test_in_the_narrow_default_pane_the_name_comes_first_and_whole(qtbot, open_window):
    """The QA pass: at the default pane width the table showed Kind, a cut Name and Family.
    The name leads now and is read whole; the other columns are a horizontal scroll away."""
    settings().setValue(results_mode.SETTING, "table")  # as left by the last run
    w = open_window()
    mode = w.results_mode
    assert mode.showing_table and mode.table.isVisible()
    type_query(qtbot, w, "th17")
    table_of(qtbot, w)
    qtbot.waitUntil(lambda: mode.model.row_of("th17-cell") >= 0)
    table = mode.table
    assert table.viewport().width() < 320  # the narrow pane, not widened for the table
    header = table.horizontalHeader()
    assert header.logicalIndex(0) == NAME and header.sectionViewportPosition(NAME) == 0
    assert header.sectionSize(NAME) >= table.sizeHintForColumn(NAME)  # no name is cut
    assert table.horizontalScrollBar().maximum() > 0  # the rest: scroll right
    # the CSV keeps the columns' own order
    assert [m for _, m in COLUMNS][:2] == ["Kind", "Name"]


def test_the_table_reads_pages_on_a_connection_of_its_own(qtbot, open_window, monkeypatch):
    """The table's rows are read on a worker while the window reads pages on its own
    thread; one sqlite3 connection used by both at once hung the window (the QA pass's
    test run froze here). Every page the table reads comes through another connection."""
    from ildesk.db import pages

    settings().setValue(results_mode.SETTING, "table")
    w = open_window()
    gui = w.content.sqlite
    through: list[bool] = []
    real = pages.page

    def spy(content, page_id):
        through.append(content.sqlite is gui)
        return real(content, page_id)

    monkeypatch.setattr(pages, "page", spy)
    for text in ("th17", "psoriasis", "tezepelumab", "il-6"):
        type_query(qtbot, w, text)  # the window reads the exclusions, the table its rows
    table_of(qtbot, w)
    qtbot.waitUntil(lambda: w.results_mode.model.row_of("il-6") >= 0)
    assert through and not any(through)
