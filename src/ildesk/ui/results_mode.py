"""List or table: the switch over the results ("List | Table", View → Results as table,
Ctrl+Shift+L), the table's rows read off the GUI thread, and the CSV export (File → Export
results as CSV…, or the button by the switch). `install(window)` adds all of it.

    mode = install(window)
    mode.show_table(True)          # the same current result in both views
    mode.export_csv()              # asks where (the save dialog), writes atomically

The rows follow the result list: each time the list shows new hits the table's rows are
read from the pages (`ildesk.results.table_rows`) on the QUERY lane, only while the table
is on screen; the table keeps its sort (a header click, or View → Sort results by). The
table itself is made the first time it is wanted (shown, sorted or exported): the window's
first screen shows the list.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QButtonGroup, QMainWindow, QMenu, QSplitter, QToolButton

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.db.pages.types import Family, Page
from ildesk.errors import ActionableError
from ildesk.results import COLUMNS, TableRow, sort_rows, table_rows
from ildesk.ui.background import CPU, QUERY, Background, Cancelled, Job
from ildesk.ui.errors import show_error
from ildesk.ui.result_list import Role
from ildesk.ui.save_dialog import ask_save_path
from ildesk.ui.settings import settings

if TYPE_CHECKING:
    from ildesk.ui.results_table import ResultTable, ResultTableModel


class Window(Protocol):
    """What the table needs of the main window (named by its shape: the window imports this
    module): `search` (its SearchController), `menus` (its Actions), `reader`, `bg`."""

    content: Content
    families: list[Family]
    bg: Background
    search: Any
    menus: Any
    reader: Any

    def report(self, text: str) -> None: ...

    def show_saved(self, path: Path, text: str) -> None: ...

SETTING = "results/view"  # "list" or "table", kept between runs
TOGGLE_KEY = "Ctrl+Shift+L"


class ResultsMode(QObject):
    """Attributes: `table` (the view), `model` (its rows), `list_button`, `table_button`,
    `export_button`, `toggle` (the View menu's checkable action), `export_action`."""

    def __init__(self, host: QMainWindow, window: Window) -> None:
        """`host` parents the dialogs and messages; `window` answers (the main window is
        both)."""
        super().__init__(host)
        self._host = host
        self._window = w = window
        self._search = search = window.search
        self._content = window.content
        self._pages: dict[str, Page | None] = {}  # the content never changes: read once
        self._typed = 0  # counts the searches asked for: a newer one makes rows stale
        search.field.textChanged.connect(self._typing)
        search.facets.changed.connect(self._typing)
        self._family_of = {m["id"]: f["name"] for f in window.families for m in f["members"]}
        self._stale = True  # the list changed since the table's rows were read
        self._narrow: list[int] | None = None  # the splitter's sizes before the table
        # the table view and its model, made when first wanted (`table`, `model`)
        self._pair: tuple[ResultTable, ResultTableModel] | None = None
        search.model.modelReset.connect(self._list_changed)
        w.reader.page_changed.connect(lambda shown: self._select(shown.page_id))
        self.list_button = self._button("List", "Show the results as a list")
        self.table_button = self._button("Table", "Show the results as a table "
                                                  f"({TOGGLE_KEY})")
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.list_button)
        group.addButton(self.table_button)
        self.list_button.setChecked(True)
        self.export_button = QToolButton()
        self.export_button.setText("Export CSV…")
        self.export_button.setToolTip("Export the results table as CSV")
        self.export_button.setAccessibleName("Export results as CSV")
        self.export_button.setAutoRaise(True)
        self.export_button.clicked.connect(self.export_csv)
        search.head.addWidget(self.list_button)
        search.head.addWidget(self.table_button)
        search.head.addStretch(1)
        search.head.addWidget(self.export_button)
        self.table_button.toggled.connect(self.show_table)
        menus = w.menus
        self.toggle = menus.add(menus.view_menu, "Results as ta&ble", lambda: None, TOGGLE_KEY,
                                "results_table")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self.show_table)
        self._sort_menu(menus.view_menu)
        self.export_action = menus.add(menus.file_menu, "Export results as &CSV…",
                                       self.export_csv, name="export_csv")
        actions = menus.file_menu.actions()
        pdf = menus.named.get("export_results")
        if pdf in actions and actions.index(pdf) + 1 < len(actions) - 1:
            menus.file_menu.removeAction(self.export_action)  # next to "… as PDF…"
            menus.file_menu.insertAction(actions[actions.index(pdf) + 1], self.export_action)
        if settings().value(SETTING, "list") == "table":
            self._show(True, widen=False)  # the splitters come back as they were left

    @property
    def table(self) -> ResultTable:
        """The table view, made (with its model) the first time it is asked for."""
        return self._made()[0]

    @property
    def model(self) -> ResultTableModel:
        """The table's rows (made with the view)."""
        return self._made()[1]

    def _made(self) -> tuple[ResultTable, ResultTableModel]:
        if self._pair is None:
            from ildesk.ui.results_table import ResultTable, ResultTableModel

            table = ResultTable()
            model = ResultTableModel(table)
            self._pair = table, model
            table.setModel(model)
            table.clicked.connect(self._opened)
            table.activated.connect(self._opened)
            model.layoutChanged.connect(  # a sort keeps the current row in sight
                lambda *_args: table.scrollTo(table.currentIndex()))
            self._search.views.addWidget(table)
            # Compare (ui/compare_menu.py) reads the list's selection: the table's is copied
            table.selectionModel().selectionChanged.connect(lambda *_a: self._copy_selection())
            compare = getattr(self._window, "compare_actions", {}).get("compare_selected")
            if compare is not None:
                table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
                table.addAction(compare)
        return self._pair

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        return button

    def _sort_menu(self, view_menu: QMenu) -> None:
        """View → Sort results by: each column (again: the other way), or the ranking."""
        menu = view_menu.addMenu("&Sort results by")
        ranking = QAction("R&elevance (the search's order)", self)
        ranking.triggered.connect(lambda: self.sort(-1))
        menu.addAction(ranking)
        for column, (key, header) in enumerate(COLUMNS):
            act = QAction(f"&{header}", self)
            act.setObjectName(f"sort_{key}")
            act.triggered.connect(functools.partial(self.sort, column, None))
            menu.addAction(act)

    # -- which view -----------------------------------------------------------------------

    @property
    def showing_table(self) -> bool:
        return self._pair is not None and self._search.views.currentWidget() is self._pair[0]

    def show_table(self, on: bool) -> None:
        """Show the table (or the list), with the same current result."""
        self._show(on, widen=True)

    def _show(self, on: bool, widen: bool) -> None:
        if on == self.showing_table:
            self._sync_controls(on)
            return
        search = self._search
        page_id = self._current_id()
        had_focus = search.view.hasFocus() or (self._pair is not None
                                                and self._pair[0].hasFocus())
        if widen:
            self._widen(on)
        if on:
            search.views.setCurrentWidget(self.table)
            search.current = self.table
            if self._stale:
                self._refresh(page_id)
            else:
                self._select(page_id)
                self.table.fit_columns()
        else:
            search.views.setCurrentWidget(search.view)
            search.current = search.view
            search.select(page_id)
        self._sync_controls(on)
        if had_focus:
            (self.table if on else search.view).setFocus()
        settings().setValue(SETTING, "table" if on else "list")

    def _widen(self, on: bool) -> None:
        """A table needs room: the results take half the window's width while it is shown,
        and get their width back after."""
        split = getattr(self._window, "main_split", None)
        if not isinstance(split, QSplitter) or split.count() < 2:
            return
        sizes = split.sizes()
        total = sum(sizes)
        if on and total and sizes[0] < total * 0.45:
            self._narrow = sizes
            split.setSizes([total // 2, total - total // 2, *sizes[2:]][:len(sizes)])
        elif not on and self._narrow is not None:
            split.setSizes(self._narrow)
            self._narrow = None

    def _sync_controls(self, on: bool) -> None:
        for control in (self.toggle, self.table_button):
            blocked = control.blockSignals(True)
            control.setChecked(on)
            control.blockSignals(blocked)
        self.list_button.setChecked(not on)

    def _current_id(self) -> str | None:
        view = self.table if self.showing_table else self._search.view
        index = view.currentIndex()
        return index.data(Role.PAGE_ID) if index.isValid() else None

    def _select(self, page_id: str | None) -> None:
        if self._pair is None:  # no table yet: it selects the list's page when it is made
            return
        row = self.model.row_of(page_id)
        if row >= 0:
            self.table.select_row(row)

    def _copy_selection(self) -> None:
        if not self.showing_table:
            return
        ids = set(self.table.selected_ids())
        view, model = self._search.view, self._search.model
        selection = QItemSelection()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(Role.PAGE_ID) in ids:
                selection.select(index, index)
        view.selectionModel().select(selection,
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _opened(self, index: QModelIndex) -> None:
        page_id = index.data(Role.PAGE_ID)
        if page_id:
            self._search.page_requested.emit(page_id)

    # -- rows -----------------------------------------------------------------------------

    def _reader(self, content: Content) -> Callable[[str], Page | None]:
        """Pages read through `content` (a connection of the worker's own), each once."""
        def read(page_id: str) -> Page | None:
            if page_id not in self._pages:  # from the QUERY or CPU lane; a dict is safe
                self._pages[page_id] = pages.page(content, page_id)
            return self._pages[page_id]

        return read

    def _typing(self, *_args: object) -> None:
        self._typed += 1

    def _list_changed(self) -> None:
        self._stale = True
        if self.showing_table:
            self._refresh(None)

    def _refresh(self, page_id: str | None) -> None:
        """Read the rows of the hits the list holds now, off the GUI thread."""
        self._stale = False
        hits, groups = self._search.model.hits(), self._search.model.hit_groups()
        content, family_of, typed = self._content, self._family_of, self._typed

        def op(job: Job) -> list[TableRow]:
            with content.another() as own:  # never the GUI thread's connection
                rows = table_rows(self._reader(own), hits, family_of, groups,
                                  cancel=lambda: job() or self._typed != typed)
            if job() or self._typed != typed:
                raise Cancelled()
            return rows

        def done(rows: list[TableRow]) -> None:
            first = not self.model.rowCount()
            self.model.set_rows(rows)
            if first:
                self.table.fit_columns()
            else:
                self.table.fit_name()  # "T-helper 17 cell" after "IL-2": read whole
            # the page the list selected (its best hit, or the open page) stays current
            index = self._search.view.currentIndex()
            self._select(page_id or (index.data(Role.PAGE_ID) if index.isValid() else None))

        def failed(exc: Exception) -> None:
            self._stale = True
            if not isinstance(exc, Cancelled):
                self._window.report(f"The results table could not be read: {exc}")

        self._window.bg.run("results-table", op, done, failed, lane=QUERY)

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sort the table by `column` (-1: the search's ranking); `order` None: ascending,
        or the other way when it is sorted by `column` already."""
        if order is None:
            now = self.model.sorted_by
            order = Qt.SortOrder.DescendingOrder if now == (column, Qt.SortOrder.AscendingOrder) \
                else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)  # sorts the model

    # -- export ---------------------------------------------------------------------------

    def export_csv(self) -> None:
        """Ask where, then write the table's rows in the order shown."""
        hits, groups = self._search.model.hits(), self._search.model.hit_groups()
        if not hits:
            self._window.report("There are no results to export.")
            return
        from ildesk.results.export import csv_name, write_csv

        content, family_of = self._content, self._family_of
        column, descending = self.model.sort_order()
        name = csv_name(self._search.shown_text or "")
        chosen = ask_save_path(self._host, "Export results as CSV", Path.home() / name,
                               "CSV files (*.csv)", ".csv")
        if chosen is None:
            return
        target = chosen

        def op(_job: Job) -> tuple[Path, int]:
            # the rows read afresh, in the table's order: what the table shows, or would
            with content.another() as own:  # never the GUI thread's connection
                rows = sort_rows(table_rows(self._reader(own), hits, family_of, groups),
                                 column, descending)
            return write_csv(target, rows), len(rows)

        def saved(answer: tuple[Path, int]) -> None:
            where, n = answer
            # with Open and Show folder, as after every other save
            self._window.show_saved(where, f"Saved {n} result{'s' if n != 1 else ''}")

        def failed(exc: Exception) -> None:
            if isinstance(exc, ActionableError):
                show_error(self._host, "Export failed", exc)
            else:
                show_error(self._host, "Export failed",
                           ActionableError(f"cannot write {target}: {exc}",
                                           "Choose another file or folder."))

        self._window.bg.run("export-csv", op, saved, failed, lane=CPU)


def install(window: Any) -> ResultsMode:
    """Add the list/table switch, the table and its CSV export to the main window."""
    return ResultsMode(window, window)
