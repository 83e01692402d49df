"""The results as a table (like Anki's browser): a small Qt model over plain `TableRow`
values (`ildesk.results`), sortable by any column, and the view that shows it.

    model = ResultTableModel()
    model.set_rows(rows)                  # rows = results.table_rows(read_page, hits)
    model.sort(1)                         # by name, naturally: IL-2 before IL-10
    table = ResultTable(); table.setModel(model)

The model keeps its rows in the order shown, so what is exported is what is seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ildesk.results import COLUMNS, TableRow, sort_rows
from ildesk.ui.plain import plain_tip
from ildesk.ui.result_list import Role, release_selecting
from ildesk.ui.viewport import viewport

Index = QModelIndex | QPersistentModelIndex
NAME = 1  # the Name column


class ResultTableModel(QAbstractTableModel):
    """Attributes: `sorted_by` (column, order), or None while the rows keep the search's
    ranking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TableRow] = []
        self._ranked: list[TableRow] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[TableRow]) -> None:
        """Show `rows` (in the search's order), sorted as the table is sorted now."""
        self.beginResetModel()
        self._ranked = list(rows)
        self._rows = self._sorted(self._ranked)
        self.endResetModel()

    def rows(self) -> list[TableRow]:
        """The rows in the order shown."""
        return list(self._rows)

    def row_of(self, page_id: str | None) -> int:
        """The row showing `page_id`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == page_id), -1)

    def _sorted(self, rows: list[TableRow]) -> list[TableRow]:
        if self.sorted_by is None:
            return list(rows)
        column, order = self.sorted_by
        return sort_rows(rows, column, order == Qt.SortOrder.DescendingOrder)

    def sort_order(self) -> tuple[int | None, bool]:
        """(column or None, descending) as `ildesk.results.sort_rows` takes them."""
        if self.sorted_by is None:
            return None, False
        return self.sorted_by[0], self.sorted_by[1] == Qt.SortOrder.DescendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (-1: back to the search's ranking); the current row stays."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.isValid() else None for i in old]
        self.sorted_by = (column, order) if 0 <= column < len(COLUMNS) else None
        self._rows = self._sorted(self._ranked)
        where = {r.id: n for n, r in reversed(list(enumerate(self._rows)))}
        self.changePersistentIndexList(
            old, [self.index(where[i], p.column()) if i in where else QModelIndex()
                  for i, p in zip(ids, old, strict=True)])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        text = row.cells[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole cell: long lists are cut
            tip = row.title if column == NAME and row.title else text
            return plain_tip(tip) if tip else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column][1]}: {text or 'none'}"
        if role == Role.PAGE_ID:
            return row.id
        return None


class ResultTable(QTableView):
    """One row a hit: Up/Down (or the search field's keys, through `step`) move, Enter, a
    click or a double-click opens, a click on a header sorts by it; Tab leaves. Ctrl- or
    Shift-click and Shift+arrows select several (to compare them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Search results table")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several can be selected (Ctrl/Shift + click, Shift + arrows) to compare them
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the next widget, as in the list
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the search's ranking
        header.setHighlightSections(False)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """The Name column comes first on screen (the CSV keeps the columns' own order)."""
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._name_first)
            self._name_first()

    def _name_first(self) -> None:
        header = self.horizontalHeader()
        at = header.visualIndex(NAME)
        if at > 0:
            header.moveSection(at, 0)

    def fit_columns(self) -> None:
        """Columns as wide as their text: the name, first, up to 60 % of the view (so in the
        narrow default pane it is read whole), the others up to a quarter; the rest is a
        horizontal scroll away (a cell's tooltip shows what is cut)."""
        self.resizeColumnsToContents()
        for column in range(len(COLUMNS)):
            widest = self._widest(column)
            if self.columnWidth(column) > widest:
                self.setColumnWidth(column, widest)

    def fit_name(self) -> None:
        """Widen the Name column for newer rows whose names it would cut (up to its cap);
        it never narrows, so a width the person chose stays."""
        want = min(self.sizeHintForColumn(NAME), self._widest(NAME))
        if self.columnWidth(NAME) < want:
            self.setColumnWidth(NAME, want)

    def _widest(self, column: int) -> int:
        room = viewport(self).width()
        return max(120 if column == NAME else 90, room * (60 if column == NAME else 25) // 100)

    def step(self, step: int) -> None:
        """Move the current row by `step`, stopping at either end (keys from the search
        field)."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        current = self.currentIndex()
        row = current.row() + step if current.isValid() else (0 if step > 0 else -1)
        self.select_row(max(0, min(row, model.rowCount() - 1)))  # Page Up stops at the top

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        column = max(0, self.currentIndex().column())
        self.setCurrentIndex(model.index(row, column))
        self.scrollTo(model.index(row, column))

    def selected_ids(self) -> list[str]:
        """The pages of the selected rows, in the order shown."""
        selection = self.selectionModel()
        rows = sorted({i.row() for i in selection.selectedIndexes()}) if selection else []
        model = self.model()
        return [str(model.index(r, 0).data(Role.PAGE_ID)) for r in rows] if model else []

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click with Ctrl or Shift extends the selection and opens nothing (as the list)."""
        release_selecting(self, event, super().mouseReleaseEvent)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
