"""The diagram by keyboard: Tab / Shift+Tab step through the boxes that are pages (in reading
order), the arrow keys go to the nearest such box that way, Enter opens it. The box with the
keyboard's attention is drawn as the mouse's hover draws it.

    keys = DiagramKeys(panel)     # an event filter on the panel's view
    keys.current()                # the NodeItem the keyboard is on, or None
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPen
from PySide6.QtWidgets import QGraphicsRectItem

if TYPE_CHECKING:
    from ildesk.ui.diagram_panel import DiagramPanel, NodeItem

ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
          Qt.Key.Key_Down: (0, 1)}


class DiagramKeys(QObject):
    def __init__(self, panel: DiagramPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self._node: str | None = None  # the box's node id (items go when the drawing changes)
        self._ring: QGraphicsRectItem | None = None  # the focus ring round that box
        panel.view.installEventFilter(self)

    def _items(self) -> list[NodeItem]:
        """The boxes that open a page, in reading order (top to bottom, left to right)."""
        items = [i for i in self._panel.node_items() if i.node.page_id]
        return sorted(items, key=lambda i: (round(i.node.y), i.node.x))

    def ring_visible(self) -> bool:
        """True while the focus ring is drawn round a box."""
        return bool(self._ring is not None and shiboken6.isValid(self._ring)
                    and self._ring.isVisible())

    def current(self) -> NodeItem | None:
        return next((i for i in self._items() if i.node.id == self._node), None)

    def _go(self, item: NodeItem | None) -> None:
        old = self.current()
        if old is not None and old is not item:
            old.hover = False
            old.update()
        self._node = item.node.id if item is not None else None
        ring = self._ring if self._ring is not None and shiboken6.isValid(self._ring) else None
        if item is None:
            if ring is not None:
                ring.hide()
            return
        item.hover = True
        item.update()
        if ring is None:  # the first box, or the drawing changed (the scene was cleared)
            ring = self._ring = QGraphicsRectItem()
            pen = QPen(QColor(self._panel.palette_().text), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)  # as thick at every zoom
            ring.setPen(pen)
            ring.setZValue(100)
            self._panel.scene.addItem(ring)
        n = item.node
        ring.setRect(n.x - 5, n.y - 5, n.w + 10, n.h + 10)
        ring.show()
        self._panel.view.ensureVisible(item, 20, 20)

    def _step(self, step: int) -> bool:
        items = self._items()
        if not items:
            return False
        now = self.current()
        i = items.index(now) + step if now in items else (0 if step > 0 else len(items) - 1)
        if not 0 <= i < len(items):
            self._go(None)
            return False  # past the last box: Tab leaves the diagram
        self._go(items[i])
        return True

    def _arrow(self, dx: int, dy: int) -> None:
        now = self.current()
        items = self._items()
        if now is None:
            self._go(items[0] if items else None)
            return
        cx, cy = now.node.x + now.node.w / 2, now.node.y + now.node.h / 2
        best: tuple[float, NodeItem] | None = None
        for item in items:
            if item is now:
                continue
            ix, iy = item.node.x + item.node.w / 2, item.node.y + item.node.h / 2
            along = (ix - cx) * dx + (iy - cy) * dy
            if along <= 1:
                continue  # not that way
            across = abs((ix - cx) * dy) + abs((iy - cy) * dx)
            score = along + 2 * across
            if best is None or score < best[0]:
                best = (score, item)
        if best is not None:
            self._go(best[1])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            self._go(None)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
            return self._step(1)
        if key == Qt.Key.Key_Backtab:
            return self._step(-1)
        if key in ARROWS and mods == Qt.KeyboardModifier.NoModifier:
            self._arrow(*ARROWS[Qt.Key(key)])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.current()
            if item is not None and item.node.page_id:
                self._panel.page_requested.emit(item.node.page_id)
                return True
        return False
