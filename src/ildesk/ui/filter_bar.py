"""What narrows the result list, said above it: one removable chip per active filter (cell
type, its role, disease, its kind of link, family), and the page the query names when the
filter leaves it out ("Crohn's disease — open the page").

    bar = FilterBar()
    bar.set_chips([Chip("cell_type", "Cell type", "T-helper 17 cell"), ...])
    bar.removed.connect(facets.remove)          # ✕, Delete or Backspace on a chip: that key
    bar.offer("crohns-disease", "Crohn's disease")
    bar.offered.connect(open_page)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ildesk.search import Facets
from ildesk.ui.plain import plain_tip
from ildesk.vocab import LINK_LABEL

ROLE_LABEL = {"producer": "produced by", "target": "acts on"}


class Chip(NamedTuple):
    """`key`: what removing it clears (a field of `Facets`); `label: value` is its text."""

    key: str
    label: str
    value: str

    @property
    def text(self) -> str:
        return f"{self.label}: {self.value}"


def chips_for(facets: Facets, name_of: dict[str, str]) -> list[Chip]:
    """The chips of `facets` (role and kind of link only beside the value they qualify)."""
    def name(page_id: str) -> str:
        return name_of.get(page_id, page_id)

    out: list[Chip] = []
    if facets.cell_type:
        out.append(Chip("cell_type", "Cell type", name(facets.cell_type)))
        if facets.role in ROLE_LABEL:
            out.append(Chip("role", "Role", ROLE_LABEL[facets.role]))
    if facets.disease:
        out.append(Chip("disease", "Disease", name(facets.disease)))
        if facets.disease_kind:
            out.append(Chip("disease_kind", "Link",
                            LINK_LABEL.get(facets.disease_kind, facets.disease_kind)))
    if facets.family:
        out.append(Chip("family", "Family", name(facets.family)))
    return out


def _literal(text: str) -> str:
    """A button's text shown as written: `&` is no mnemonic."""
    return text.replace("&", "&&")


class ChipButton(QToolButton):
    """One filter: click (the ✕ is part of it), Delete or Backspace removes it."""

    remove = Signal(str)

    def __init__(self, chip: Chip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chip = chip
        self.setText(_literal(f"{chip.text}  ✕"))
        self.setToolTip(plain_tip(f"Remove the filter “{chip.text}” (Delete)"))
        self.setAccessibleName(f"Filter {chip.text}, press Delete to remove")
        self.setObjectName("filter_chip")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoRaise(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.clicked.connect(lambda: self.remove.emit(chip.key))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove.emit(self.chip.key)
            return
        super().keyPressEvent(event)


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line at the layout's width (after Qt's
    flow layout example); its minimum width is its widest item, not their sum."""

    def __init__(self, spacing: int = 4) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


class FilterBar(QWidget):
    """Hidden while nothing narrows the list and no page is offered."""

    removed = Signal(str)  # a Facets field name
    cleared = Signal()
    offered = Signal(str)  # the offered page's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Active filters")
        self.chips: list[ChipButton] = []
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self.caption = QLabel("Searching within:")
        self._row.addWidget(self.caption)
        self._chip_box = FlowLayout()  # chips wrap to the column's width, never widen it
        self.clear_button = QPushButton("Clear all")
        self.clear_button.setFlat(True)
        self.clear_button.setAccessibleName("Clear all filters")
        self.clear_button.setToolTip("Clear every filter (Ctrl+Shift+X)")
        self.clear_button.clicked.connect(self.cleared)
        self.offer_button = QPushButton()
        self.offer_button.setFlat(True)
        self.offer_button.setObjectName("offered_page")
        self.offer_button.setStyleSheet("text-align: left; font-weight: 600;")
        self.offer_button.clicked.connect(self._offered)
        self._offer_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._row)
        layout.addLayout(self._chip_box)
        layout.addWidget(self.offer_button)
        self._row.addStretch(1)
        self._row.addWidget(self.clear_button)
        self.offer_button.hide()
        self.hide()

    def set_chips(self, chips: Sequence[Chip]) -> None:
        focused = next((c.chip.key for c in self.chips if c.hasFocus()), None)
        if [c.chip for c in self.chips] == list(chips):
            return
        for button in self.chips:
            self._chip_box.removeWidget(button)
            button.deleteLater()
        self.chips = []
        for chip in chips:
            button = ChipButton(chip, self)
            button.remove.connect(self.removed)
            self._chip_box.addWidget(button)
            self.chips.append(button)
        # Focus goes on to the next chip (or the Clear button) when the focused one is gone.
        if focused is not None:
            nxt = self.chips[0] if self.chips else None
            (nxt or self.parentWidget() or self).setFocus()
        self._update()

    def offer(self, page_id: str | None, name: str = "") -> None:
        """Offer the page the query names, which the filter leaves out (None: offer none)."""
        self._offer_id = page_id
        if page_id:
            self.offer_button.setText(_literal(f"{name} — open the page"))
            self.offer_button.setToolTip(plain_tip(f"{name} is not within the filter; "
                                                   "open it anyway"))
            self.offer_button.setAccessibleName(f"{name} — open the page (outside the filter)")
        self.offer_button.setVisible(bool(page_id))
        self._update()

    def _offered(self) -> None:
        if self._offer_id:
            self.offered.emit(self._offer_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Claim the height the wrapped chips need at this width, so that a low window
        squeezes the result list, never the chips (a minimum size knows no wrapping)."""
        layout = self.layout()
        if layout is not None and self.width() > 0:
            self.setMinimumHeight(layout.heightForWidth(self.width()))

    def _update(self) -> None:
        has_chips = bool(self.chips)
        self.caption.setVisible(has_chips)
        self.clear_button.setVisible(has_chips)
        self.setVisible(has_chips or self._offer_id is not None)
        self._fit_height()
