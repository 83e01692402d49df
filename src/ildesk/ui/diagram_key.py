"""The diagram's key, under the drawing rather than inside it: one swatch and word per kind of
box and arrow the drawing uses, in rows that wrap to the panel's width (the same swatches the
exports' legend paints, `ildesk.render.diagram.paint_swatch`).

    key = KeyStrip(panel.palette_)
    key.set_keys([("ligand", "interleukin"), ("binds", "binds")])
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ildesk.render import diagram as render
from ildesk.render import palette as palettes

SWATCH_W, GAP, PAD = 20, 5, 14  # swatch, swatch to word, entry to entry (pixels)


class KeyStrip(QWidget):
    """Attributes: `keys` (key, word) as shown."""

    def __init__(self, palette: Callable[[], palettes.Palette], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self._palette = palette
        self.keys: list[tuple[str, str]] = []
        self.setAccessibleName("Diagram key")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_keys(self, keys: list[tuple[str, str]]) -> None:
        self.keys = list(keys)
        self.setToolTip("Key: " + ", ".join(word for _, word in self.keys) if self.keys else "")
        self.updateGeometry()
        self.update()

    def _rects(self, width: int) -> list[tuple[str, str, QRectF, QRectF]]:
        fm = QFontMetrics(self.font())
        row_h = max(fm.height(), 12) + 4
        x, y, out = 6, 4, []
        for key, word in self.keys:
            w = SWATCH_W + GAP + fm.horizontalAdvance(word)
            if x + w > width - 6 and x > 6:
                x, y = 6, y + row_h
            swatch = QRectF(x, y + (row_h - 12) / 2, SWATCH_W, 10)
            out.append((key, word, swatch, QRectF(x + SWATCH_W + GAP, y, w - SWATCH_W - GAP,
                                                  row_h)))
            x += w + PAD
        return out

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._rects(width)
        return int(max((t.bottom() for *_, t in rects), default=0) + 4) if rects else 0

    def sizeHint(self) -> QSize:
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(100, self.heightForWidth(max(self.width(), 200)))

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self._palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor(pal.background))
        for key, word, swatch, text in self._rects(self.width()):
            render.paint_swatch(p, key, swatch, pal)
            p.setPen(QColor(pal.text))
            p.setFont(self.font())
            p.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                       word)
        p.end()
