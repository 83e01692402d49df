"""Text in a signalling diagram: the bundled font at a size, text drawn inside a box (shrunk
only where a box was not sized for it), and a record of the sizes drawn (`recording`, which
the readability checks of screens and fact sheets use)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from ildesk.render.typeface import family


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    """The diagram's font at `size` (a whole pixel size: the layout measures it the same way)."""
    f = QFont(family())
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    f.setItalic(italic)
    # the bundled condensed cut, the one the layout's width table (diagram/_advances.py) is
    # read from: without it Qt takes a system "DejaVu Sans" of normal width where there is one.
    # The cut declares itself semi-condensed (OS/2 width class 4); asking for "Condensed"
    # would make Qt squeeze it by another 75/87.5.
    f.setStretch(QFont.Stretch.SemiCondensed)
    f.setKerning(False)  # so a label is exactly as wide as the table's advances add up to
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


_RECORD: list[tuple[str, float]] | None = None
"""While `recording()` runs: every text drawn, with the font size it was drawn at."""


@contextlib.contextmanager
def recording() -> Iterator[list[tuple[str, float]]]:
    """Collect every text drawn in the block, with its font size."""
    global _RECORD
    record: list[tuple[str, float]] = []
    _RECORD = record
    try:
        yield record
    finally:
        _RECORD = None


def fitted_font(rect: QRectF, text: str, size: float, bold: bool, italic: bool) -> QFont:
    """The font `text` is drawn in: `size`, shrunk in half steps until it fits `rect` (5 at
    the least). Cached: the same label in the same box is measured once."""
    return _fitted(text, round(rect.width(), 1), round(rect.height(), 1), size, bold, italic)


@lru_cache(maxsize=20_000)
def _fitted(text: str, width: float, height: float, size: float, bold: bool,
            italic: bool) -> QFont:
    lines = text.split("\n")
    f = font(size, bold, italic)
    while size > 5:
        m = QFontMetricsF(f)
        if max(m.horizontalAdvance(s) for s in lines) <= width - 4 and \
                len(lines) * m.height() <= height + 2:
            break
        size -= 0.5
        f = font(size, bold, italic)
    return f


def draw_text(p: QPainter, rect: QRectF, text: str, size: float, color: str, *, bold: bool = False,
          italic: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
          rotated: bool = False) -> None:
    """Draw `text` (lines split on \\n) inside `rect`, shrinking the font until it fits;
    `rotated` runs it bottom to top (lane names in a narrow gutter)."""
    if not text:
        return
    if rotated:
        p.save()
        p.translate(rect.center())
        p.rotate(-90)
        turned = QRectF(-rect.height() / 2, -rect.width() / 2, rect.height(), rect.width())
        draw_text(p, turned, text, size, color, bold=bold, italic=italic, align=align)
        p.restore()
        return
    draw(p, rect, text, fitted_font(rect, text, size, bold, italic), color, align)


def draw(p: QPainter, rect: QRectF, text: str, font: QFont, color: str,
         align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
    """Draw `text` in `font` inside `rect` as it is (a box label the layout sized for it)."""
    if _RECORD is not None:
        _RECORD.append((text, float(font.pixelSize())))
    p.setFont(font)
    p.setPen(QColor(color))
    p.drawText(rect, int(align) | int(Qt.TextFlag.TextDontClip), text)
