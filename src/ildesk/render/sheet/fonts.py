"""The fact sheet's units, colours and fonts: decipoint layout units, the bundled condensed
face at a size (at its real width), text advances, and the printable rectangle of a page
size."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize

from ildesk.render.typeface import family

DP = 10.0  # layout units per point
MM = 720.0 / 25.4  # layout units per millimetre

ACCENT = QColor("#1d5a85")
TEXT = QColor("#1b1b1b")
MUTED = QColor("#5b6268")
RULE = QColor("#b9c6cf")
FILL = QColor("#f1f5f8")
CAUTION = QColor("#8a5200")  # the line saying an interleukin is disputed

BODY_FLOOR_PT = 7.5
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "LETTER": QPageSize.PageSizeId.Letter}

_FONT_KEYS: dict[int, str] = {}


def font(pt: float, bold: bool = False) -> QFont:
    """The sheet's font at `pt` points (in layout units). Shared: do not change it."""
    return _font(round(pt * 4) / 4, bold)


@lru_cache(maxsize=64)
def _font(pt: float, bold: bool) -> QFont:
    f = QFont(family())
    f.setPixelSize(max(1, round(pt * DP)))
    f.setBold(bold)
    # the bundled cut, the same on every machine. It declares itself semi-condensed (OS/2
    # width class 4): asking for "Condensed" would make Qt squeeze it to 75/87.5 of its width.
    f.setStretch(QFont.Stretch.SemiCondensed)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(True)
    # no ligatures: "affinity" must stay searchable as a-f-f-i in the PDF's text
    for tag in ("liga", "clig", "dlig"):
        f.setFeature(QFont.Tag(tag), 0)
    _FONT_KEYS[id(f)] = f.key()  # cached fonts live as long as the process: ids stay unique
    return f


def font_key(f: QFont) -> str:
    """`f.key()`, remembered for the sheet's own fonts (asking Qt each time is slow)."""
    return _FONT_KEYS.get(id(f)) or f.key()


@lru_cache(maxsize=64)
def _metrics(pt: float, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(font(pt, bold))


def advance(text: str, pt: float, bold: bool = False) -> float:
    """The width of `text` in the sheet's font (layout units)."""
    return _metrics(round(pt * 4) / 4, bold).horizontalAdvance(text)


def content_rect(page_size: str = "A4", margins_mm: float = 15.0,
                 orientation: QPageLayout.Orientation = QPageLayout.Orientation.Portrait
                 ) -> QRectF:
    """The printable area of a page (portrait unless asked), in layout units, origin at its
    top-left."""
    pl = QPageLayout(QPageSize(page_size_id(page_size)), orientation,
                     QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                     QPageLayout.Unit.Millimeter)
    r = pl.paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, r.width() * DP, r.height() * DP)


def page_size_id(name: str) -> QPageSize.PageSizeId:
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        raise ValueError(f"unknown page size {name!r}; use A4 or Letter") from None
