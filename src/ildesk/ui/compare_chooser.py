"""The dialog that asks which interleukins to compare (`ildesk.ui.compare_menu` opens it):
tick 2 to 4 in a list, typing a name jumps to it, Enter compares."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class CompareChooser(QDialog):
    """Tick 2 to 4 interleukins (Space ticks, typing a name jumps to it, Enter compares)."""

    def __init__(self, parent: QWidget | None, choices: Sequence[tuple[str, str]],
                 checked: Sequence[str], title: str, limits: tuple[int, int]) -> None:
        super().__init__(parent)
        self.limits = limits
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Interleukins to compare")
        for pid, name in choices:
            item = QListWidgetItem(name, self.list)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in checked
                               else Qt.CheckState.Unchecked)
        self.note = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Compare")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self._update())
        layout = QVBoxLayout(self)
        low, high = limits
        layout.addWidget(QLabel(f"Tick {low} to {high} interleukins:", self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(320, 460)
        first = next((i for i in range(self.list.count())
                      if self.list.item(i).checkState() == Qt.CheckState.Unchecked), 0)
        self.list.setCurrentRow(first)
        self._update()

    def chosen(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        n, (low, high) = len(self.chosen()), self.limits
        ok = low <= n <= high
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.note.setText(f"{n} ticked" + ("" if ok else f" — tick {low} to {high}"))
