"""History: the pages opened, newest first, with the time; open one, or clear it all."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ildesk.ui.library.common import WriteNow, Writer, error_text, hint_label, local_time
from ildesk.ui.plain import plain_tip
from ildesk.userdata import UserStore

ID_ROLE = Qt.ItemDataRole.UserRole


class HistoryPanel(QWidget):
    """`page_requested(page_id)` on double-click, Enter or Open."""

    page_requested = Signal(str)
    error = Signal(str)

    def __init__(self, store: UserStore, parent: QWidget | None = None,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._writer: Writer = writer or WriteNow()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Opened", "Page"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 140)
        self.hint = hint_label("")
        self.open_button = QPushButton("Open")
        self.clear_button = QPushButton("Clear history…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.tree.itemActivated.connect(lambda item, _c: self._open(item))
        self.tree.currentItemChanged.connect(
            lambda *_: self.open_button.setEnabled(self.tree.currentItem() is not None))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.clear_button.clicked.connect(self._ask_clear)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for visit in self._store.history.all():
            item = QTreeWidgetItem([local_time(visit.opened_at), visit.name])
            item.setData(0, ID_ROLE, visit.page_id)
            item.setToolTip(1, plain_tip(visit.page_id))
            self.tree.addTopLevelItem(item)
        enabled = self._store.prefs.load().history_enabled
        count = self.tree.topLevelItemCount()
        if not enabled:
            self.hint.setText("History is off: pages you open are not recorded "
                              "(Preferences ▸ Remember the pages I open).")
        elif not count:
            self.hint.setText("No pages opened yet.")
        self.hint.setVisible(not enabled or not count)
        self.clear_button.setEnabled(count > 0)
        self.open_button.setEnabled(self.tree.currentItem() is not None)

    def clear(self) -> None:
        """Forget every visit (no question asked; the button asks first)."""
        self.clear_button.setEnabled(False)

        def failed(exc: Exception) -> None:
            self.error.emit(error_text(exc))
            self.refresh()

        self._writer.write(self._store.history.clear, lambda _n: self.refresh(), failed)

    def _ask_clear(self) -> None:
        answer = QMessageBox.question(self, "Clear history",
                                      "Forget every page you have opened?")
        if answer == QMessageBox.StandardButton.Yes:
            self.clear()

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.page_requested.emit(item.data(0, ID_ROLE))


class HistoryDialog(QDialog):
    """The history panel in a window; opening a page also closes the dialog."""

    page_requested = Signal(str)

    def __init__(self, store: UserStore, parent: QWidget | None = None,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("History")
        self.resize(460, 520)
        self.panel = HistoryPanel(store, self, writer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.panel.page_requested.connect(self._open)

    def _open(self, page_id: str) -> None:
        self.page_requested.emit(page_id)
        self.accept()
