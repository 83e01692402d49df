"""Lay a fact sheet out on a page: measured text, adaptive fitting, recorded bounds.

Coordinates are decipoints (1/720 inch) from the top-left of the printable area, so a layout
is independent of the device it is painted on. `layout_sheet()` tries a sequence of ever more
compact settings (smaller diagram, fewer sentences, shorter lists, smaller type down to 7.5 pt)
and returns the first that fits; `SheetLayout.outside()` lists anything painted outside the
content rectangle, which tests assert is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Protocol

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from ildesk.db.pages.types import InterleukinPage
from ildesk.factsheet.model import Fact, Rich, Section, Sheet, Span
from ildesk.factsheet.text import lead
from ildesk.render.typeface import ensure_app, family

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
    f.setStretch(QFont.Stretch.Condensed)  # the bundled cut, the same on every machine
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setKerning(True)
    # no ligatures: "affinity" must stay searchable as a-f-f-i in the PDF's text
    for tag in ("liga", "clig", "dlig"):
        f.setFeature(QFont.Tag(tag), 0)
    _FONT_KEYS[id(f)] = f.key()  # cached fonts live as long as the process: ids stay unique
    return f


@lru_cache(maxsize=64)
def _metrics(pt: float, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(font(pt, bold))


def advance(text: str, pt: float, bold: bool = False) -> float:
    """The width of `text` in the sheet's font (layout units)."""
    return _metrics(round(pt * 4) / 4, bold).horizontalAdvance(text)


def content_rect(page_size: str = "A4", margins_mm: float = 15.0) -> QRectF:
    """The printable area of a page, in layout units, origin at its top-left."""
    pl = QPageLayout(QPageSize(page_size_id(page_size)), QPageLayout.Orientation.Portrait,
                     QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                     QPageLayout.Unit.Millimeter)
    r = pl.paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, r.width() * DP, r.height() * DP)


def page_size_id(name: str) -> QPageSize.PageSizeId:
    try:
        return PAGE_SIZES[name.upper()]
    except KeyError:
        raise ValueError(f"unknown page size {name!r}; use A4 or Letter") from None


# -- paint operations ------------------------------------------------------------------------


@dataclass
class Op:
    rect: QRectF

    def paint(self, p: QPainter) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass
class TextOp(Op):
    layout: QTextLayout
    pos: QPointF
    color: QColor

    def paint(self, p: QPainter) -> None:
        p.setPen(self.color)
        self.layout.draw(p, self.pos)


@dataclass
class LineOp(Op):
    color: QColor
    width: float

    def paint(self, p: QPainter) -> None:
        p.setPen(QPen(self.color, self.width))
        r = self.rect
        p.drawLine(QPointF(r.left(), r.top()), QPointF(r.right(), r.bottom()))


@dataclass
class BoxOp(Op):
    fill: QColor
    radius: float = 0.0

    def paint(self, p: QPainter) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.fill)
        p.drawRoundedRect(self.rect, self.radius, self.radius)
        p.setBrush(Qt.BrushStyle.NoBrush)


@dataclass
class DiagramOp(Op):
    page: InterleukinPage
    draw: Callable[[QPainter, InterleukinPage, QRectF, str | None], None]
    highlight: str | None = None  # the drug drawn in the accent (a drug's sheet)

    def paint(self, p: QPainter) -> None:
        p.save()
        self.draw(p, self.page, self.rect, self.highlight)
        p.restore()


@dataclass
class SwatchOp(Op):
    """One sample of the diagram's legend strip, drawn by the diagram source."""

    key: str
    draw: Callable[[QPainter, str, QRectF], None]

    def paint(self, p: QPainter) -> None:
        p.save()
        self.draw(p, self.key, self.rect)
        p.restore()


class DiagramSource(Protocol):
    """What the layout needs from a diagram: its size in diagram units (the box labels are
    `label_units` high in those units), its legend keys, and painters."""

    label_units: float

    def __call__(self, p: QPainter, page: InterleukinPage, rect: QRectF,
                 highlight: str | None = None) -> None: ...

    def size(self, page: InterleukinPage, highlight: str | None = None
             ) -> tuple[float, float]: ...

    def legend(self, page: InterleukinPage, highlight: str | None = None
               ) -> Sequence[tuple[str, str]]: ...

    def swatch(self, p: QPainter, key: str, rect: QRectF) -> None: ...


# -- fitting parameters ----------------------------------------------------------------------

DIAGRAM_FLOOR_PT = 6.0  # the diagram's box labels are never planned smaller than this on paper
LEGEND_PT = 6.5
# The lead paragraph of "What it does" (and other prose): sentences and words at most.
LEAD = {4: 90, 3: 80, 2: 70, 1: 45}


@dataclass(frozen=True)
class Fit:
    body_pt: float = 9.0
    diagram_pt: float = 7.5   # the size the diagram's box labels are planned at, on paper
    max_items: int | None = None
    sentences: int = 4
    max_paragraphs: int | None = None
    references: int = 3
    drop_sections: int = 0
    grow: float = field(default=0.0, compare=False)  # extra height given to the diagram
    beside: bool | None = None  # the diagram beside the table (None: when it reads well there)
    column: float = 0.44  # the share of the width the diagram takes beside the table


def _attempts() -> list[Fit]:
    """Settings from roomiest to most compact, in order of preference: at each type size
    first a smaller diagram (down to 6 pt labels) and a shorter lead paragraph (never under two
    sentences), then shorter lists (never under six items) before the next smaller size; at
    the 7.5 pt floor, lists shrink further, references go, the lead goes down to one sentence,
    then the diagram goes below 6 pt, and last whole sections at the end are
    dropped. Whatever height is left over afterwards goes to the diagram (`layout_sheet`)."""
    steps: list[tuple[float, int, int | None]] = [
        (7.5, 4, None), (7.0, 3, None), (6.5, 3, 12), (6.0, 3, 10), (6.0, 2, 8), (6.0, 2, 6)]
    out = [Fit(body_pt=pt, diagram_pt=d, sentences=n, max_items=k)
           for pt in (9.0, 8.5, 8.0, BODY_FLOOR_PT) for d, n, k in steps]
    last = out[-1]
    for change in ({"max_items": 5}, {"max_items": 4}, {"references": 2, "max_paragraphs": 2},
                   {"max_items": 3}, {"sentences": 1}, {"references": 1, "max_paragraphs": 1},
                   {"max_items": 2}, {"diagram_pt": 5.5}, {"diagram_pt": 5.0}):
        last = replace(last, **change)
        out.append(last)
    out += [replace(last, drop_sections=n) for n in range(1, 6)]
    return out


ATTEMPTS = _attempts()


# -- the layout ------------------------------------------------------------------------------


@dataclass
class SheetLayout:
    """Where everything on one page goes. `fits` is True when nothing crosses `content`."""

    content: QRectF
    ops: list[Op]
    fit: Fit
    bottom: float = 0.0
    limit: float = 0.0
    slack: float = 0.0  # height beside the diagram the table takes anyway (free to grow into)

    @property
    def fits(self) -> bool:
        return self.bottom <= self.limit + 0.5 and not self.outside()

    def rects(self) -> list[QRectF]:
        return [op.rect for op in self.ops]

    def outside(self, tolerance: float = 0.5) -> list[QRectF]:
        c = self.content
        return [r for r in self.rects()
                if r.left() < c.left() - tolerance or r.top() < c.top() - tolerance
                or r.right() > c.right() + tolerance or r.bottom() > c.bottom() + tolerance]

    def text(self) -> str:
        return "\n".join(op.layout.text() for op in self.ops if isinstance(op, TextOp))

    def paint(self, p: QPainter) -> None:
        for op in self.ops:
            op.paint(p)


_MEASURED: dict[tuple[Any, ...], tuple[QTextLayout, int, float]] = {}
"""Laid-out text by (spans, font, width, ...): trial layouts repeat most measurements, and a
finished QTextLayout is only read afterwards, so it can be shared."""


def _measure(line: Rich, base: QFont, width: float, align: Qt.AlignmentFlag,
             max_lines: int | None, step: float) -> tuple[QTextLayout, int, float]:
    full = "".join(s.text for s in line)
    layout = QTextLayout(full, base)
    formats = []
    pos = 0
    for s in line:
        if s.bold or s.muted:
            fr = QTextLayout.FormatRange()
            fr.start, fr.length = pos, len(s.text)
            cf = QTextCharFormat()
            if s.bold:
                cf.setFontWeight(QFont.Weight.Bold)
            if s.muted:
                cf.setForeground(MUTED)
            fr.format = cf
            formats.append(fr)
        pos += len(s.text)
    layout.setFormats(formats)
    opt = QTextOption(align)
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(opt)
    layout.beginLayout()
    n = 0
    right = 0.0
    while True:
        ln = layout.createLine()
        if not ln.isValid():
            break
        ln.setLineWidth(width)
        ln.setPosition(QPointF(0, n * step))
        right = max(right, ln.naturalTextWidth() if align == Qt.AlignmentFlag.AlignLeft
                    else width)
        n += 1
        if max_lines and n >= max_lines:
            break
    layout.endLayout()
    return layout, n, right


class _Writer:
    """Measures and places text, recording every op."""

    def __init__(self, fit: Fit) -> None:
        self.fit = fit
        self.ops: list[Op] = []
        b = fit.body_pt
        self.body = font(b)
        self.bold = font(b, bold=True)
        self.small = font(max(BODY_FLOOR_PT, b - 0.5))
        self.small_bold = font(max(BODY_FLOOR_PT, b - 0.5), bold=True)
        self.head = font(b + 1.5, bold=True)
        self.leading = 1.28
        self.slack = 0.0

    def text(self, x: float, y: float, width: float, line: Rich, base: QFont,
             color: QColor = TEXT, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
             max_lines: int | None = None) -> float:
        """Lay `line` out in a box `width` wide at (x, y); returns the height used."""
        step = base.pixelSize() * self.leading
        key = (line, _FONT_KEYS.get(id(base)) or base.key(), round(width, 1), int(align.value),
               max_lines, step)
        hit = _MEASURED.get(key)
        if hit is None:
            hit = _measure(line, base, width, align, max_lines, step)
            if len(_MEASURED) > 50_000:
                _MEASURED.clear()
            _MEASURED[key] = hit
        layout, n, right = hit
        height = (n - 1) * step + base.pixelSize() * 1.18 if n else 0.0
        self.ops.append(TextOp(QRectF(x, y, min(right, width), height), layout, QPointF(x, y),
                               color))
        return n * step

    def rule(self, x: float, y: float, width: float, color: QColor = RULE,
             weight: float = 0.5) -> None:
        self.ops.append(LineOp(QRectF(x, y, width, 0), color, weight * DP))


def _limit(items: Sequence[Rich], n: int | None) -> list[Rich]:
    if n is None or len(items) <= n:
        return list(items)
    more = len(items) - (n - 1)
    return [*items[:n - 1], (Span(f"… and {more} more", muted=True),)]


def _inline(items: Sequence[Rich], n: int | None) -> Rich:
    n = None if n is None else max(3, n + 2)  # names are short: allow a few more inline
    shown = list(items) if n is None or len(items) <= n else list(items[:n - 1])
    out: list[Span] = []
    for i, it in enumerate(shown):
        if i:
            out.append(Span(" · ", muted=True))
        out += list(it)
    if len(shown) < len(items):
        out.append(Span(f" … and {len(items) - len(shown)} more", muted=True))
    return tuple(out)


def _section_height(w: _Writer, s: Section, x: float, y: float, width: float) -> float:
    """Lay out one section at (x, y); returns its height (ops are recorded in `w`)."""
    fit = w.fit
    pt = fit.body_pt * DP
    top = y
    y += w.text(x, y, width, (Span(s.title),), w.head, ACCENT) - 0.1 * pt
    w.rule(x, y + 0.1 * pt, width)
    y += 0.45 * pt
    if s.style == "prose":
        # one flowing paragraph of whole leading sentences, not a line from each paragraph;
        # a column's prose ("As a medicine") is a shorter note than the sheet's main text
        n = max(1, min(fit.sentences, 4 if s.wide else 2))
        paras = s.paragraphs[:fit.max_paragraphs] if fit.max_paragraphs else s.paragraphs
        text = lead(paras, n, LEAD[n])
        y += w.text(x, y, width, (Span(text),), w.body, align=Qt.AlignmentFlag.AlignJustify)
    elif s.style == "inline":
        y += w.text(x, y, width, _inline(s.items, fit.max_items), w.body)
    else:
        indent = 0.9 * pt
        for item in _limit(s.items, fit.max_items):
            w.text(x, y, indent, (Span("•"),), w.body, ACCENT)
            y += w.text(x + indent, y, width - indent, item, w.body) + 0.12 * pt
    return y - top


def _measure_section(fit: Fit, s: Section, width: float, memo: Memo | None = None) -> float:
    hit = memo.get(_section_key(s, fit, width)) if memo is not None else None
    if hit is not None:
        return hit[1]
    return _section_at(_Writer(fit), memo, s, 0, 0, width)


def _header(w: _Writer, sheet: Sheet, c: QRectF) -> float:
    pt = w.fit.body_pt * DP
    x, y, width = c.left(), c.top(), c.width()
    y += w.text(x, y, width, (Span(sheet.kicker),), font(9.0, bold=True), ACCENT)
    title = font(22.0, bold=True)
    sub = font(13.0)
    w.text(x, y, width * 0.5, (Span(sheet.title),), title, TEXT, max_lines=1)
    title_w = w.ops[-1].rect.width()
    title_h = 22.0 * DP * 1.2
    if sheet.full_name and sheet.full_name != sheet.title:
        # baseline-align the full name with the title
        dy = title.pixelSize() * 0.93 - sub.pixelSize() * 0.93
        w.text(x + title_w + 3.0 * DP * 2, y + dy, width - title_w - 6.0 * DP, (
            Span(sheet.full_name),), sub, MUTED, max_lines=1)
    y += title_h
    if sheet.aliases:
        y += w.text(x, y, width, (Span("Also called ", bold=True), Span(", ".join(sheet.aliases))),
                    w.small, MUTED, max_lines=2)
    if sheet.lede:
        y += 0.25 * pt
        y += w.text(x, y, width, (Span(sheet.lede),), font(w.fit.body_pt + 0.5), TEXT)
    y += 0.35 * pt
    w.rule(x, y, width, ACCENT, 1.0)
    return y + 0.6 * pt


def _table(w: _Writer, facts: Sequence[Fact], x: float, y: float, width: float) -> float:
    pt = w.fit.body_pt * DP
    pad = 0.35 * pt
    small_pt = max(BODY_FLOOR_PT, w.fit.body_pt - 0.5)
    label_w = min(width * 0.3, max((advance(f.label, small_pt, True) for f in facts), default=0)
                  + pad + 0.8 * pt)
    start = len(w.ops)
    top = y
    y += pad
    for i, f in enumerate(facts):
        lh = w.text(x + pad, y + 0.06 * pt, label_w - pad, (Span(f.label),), w.small_bold, MUTED)
        h = 0.0
        for line in f.lines:
            h += w.text(x + label_w, y + h, width - label_w - pad, line, w.body)
        y += max(h, lh)
        if i < len(facts) - 1:
            w.rule(x + pad, y + 0.2 * pt, width - 2 * pad, QColor("#d6dee4"), 0.4)
            y += 0.45 * pt
    y += pad * 0.8
    w.ops.insert(start, BoxOp(QRectF(x, top, width, y - top), FILL, 0.6 * DP * 2))
    return y - top


def _footer(w: _Writer, sheet: Sheet, c: QRectF, page_label: str) -> float:
    """Draw the footer at the bottom of `c`; returns its top."""
    f = font(7.5)
    step = f.pixelSize() * 1.28
    top = c.bottom() - 2 * step - 0.4 * DP * 7.5
    w.rule(c.left(), top, c.width(), RULE, 0.5)
    y = top + 0.35 * DP * 7.5
    left = (f"ildesk fact sheet · data version {sheet.footer.data_version}"
            f" · printed {sheet.footer.date}")
    w.text(c.left(), y, c.width() * 0.8, (Span(left),), f, MUTED, max_lines=1)
    if page_label:
        w.text(c.right() - c.width() * 0.2, y, c.width() * 0.2, (Span(page_label),), f, MUTED,
               align=Qt.AlignmentFlag.AlignRight, max_lines=1)
    w.text(c.left(), y + step, c.width(), (Span(sheet.footer.disclaimer, bold=True),), f, MUTED,
           max_lines=1)
    return top


def _balance(heights: Sequence[float]) -> int:
    """Split index k (sections[:k] left, [k:] right) with the smallest taller column."""
    best, best_k = float("inf"), len(heights)
    for k in range(len(heights) + 1):
        h = max(sum(heights[:k]), sum(heights[k:]))
        if h < best - 1e-6:
            best, best_k = h, k
    return best_k


DiagramDraw = Callable[[QPainter, InterleukinPage, QRectF], None]
BESIDE_MIN_PT = 7.0  # a diagram goes beside the table only if its labels still print this big


def _legend_strip(w: _Writer, keys: Sequence[tuple[str, str]], source: DiagramSource,
                  x: float, y: float, width: float) -> float:
    """The diagram's key as a strip of small samples and words under it; returns its height.
    Entries flow on to a second line when one is not enough."""
    if not keys:
        return 0.0
    f = font(LEGEND_PT)
    step = f.pixelSize() * 1.25
    sw_w, sw_h = 2.0 * LEGEND_PT * DP * 0.75, LEGEND_PT * DP * 0.75
    gap, space = 0.5 * LEGEND_PT * DP, 1.6 * LEGEND_PT * DP
    cx, cy = x, y
    for key, label in keys:
        tw = advance(label, LEGEND_PT) + 2.0
        need = sw_w + gap + tw
        if cx > x and cx + need > x + width:
            cx, cy = x, cy + step
        top = cy + (step - sw_h) / 2 - 0.08 * step
        w.ops.append(SwatchOp(QRectF(cx, top, sw_w, sw_h), key, source.swatch))
        w.text(cx + sw_w + gap, cy, tw + 1.0, (Span(label),), f, MUTED, max_lines=1)
        cx += need + space
    return cy + step - y


def _diagram_caption(w: _Writer, sheet: Sheet, x: float, y: float, width: float) -> float:
    """What the diagram shows (a disease's or drug's sheet) and, for a disputed interleukin,
    a line saying so; returns the height used (0 when there is neither)."""
    top = y
    pt = w.fit.body_pt * DP
    if sheet.diagram_caption:
        y += w.text(x, y, width, (Span(sheet.diagram_caption),), w.bold, ACCENT)
    if sheet.diagram_note:
        y += w.text(x, y, width, (Span(sheet.diagram_note),), w.small, CAUTION)
    return y - top + (0.3 * pt if y > top else 0.0)


def _diagram_block(w: _Writer, sheet: Sheet, c: QRectF, y: float, fit: Fit,
                   source: DiagramSource, memo: Memo | None = None) -> float:
    """The at-a-glance table and the diagram (under its caption); returns the height used.

    A diagram that stays readable in the column beside the table goes there; a wider one
    spans the page above the table. Its size follows `fit.diagram_pt` (the size of its box
    labels on paper) plus `fit.grow`, the height that was left over on an earlier try."""
    assert sheet.diagram_page is not None
    page = sheet.diagram_page
    hl = sheet.diagram_highlight
    bw, bh = source.size(page, hl)
    keys = source.legend(page, hl)
    pt = fit.body_pt * DP
    per_pt = DP / source.label_units  # layout units per diagram unit at 1 pt labels
    col_w = c.width() * fit.column
    beside = fit.beside if fit.beside is not None else bw * BESIDE_MIN_PT * per_pt <= col_w
    if beside:
        table_w = c.width() - col_w - 4.0 * MM
        th = _block(w, memo, ("table", fit.body_pt, table_w), c.left(), y,
                    lambda t: _table(t, sheet.facts, 0, 0, table_w))
        ch = _block(w, memo, ("caption", fit.body_pt, round(col_w, 1)), c.right() - col_w, y,
                    lambda t: _diagram_caption(t, sheet, 0, 0, col_w))
        scale = min(fit.diagram_pt * per_pt, col_w / bw)
        dh = min(bh * scale + fit.grow, bh * col_w / bw)
        dw = dh * bw / bh
        dx = c.right() - col_w + (col_w - dw) / 2
        w.ops.append(DiagramOp(QRectF(dx, y + ch, dw, dh), page, source, hl))
        lh = _block(w, memo, ("legend", col_w), c.right() - col_w, y + ch + dh + 0.4 * pt,
                    lambda t: _legend_strip(t, keys, source, 0, 0, col_w))
        column = ch + dh + (0.4 * pt + lh if lh else 0.0)
        w.slack = max(0.0, th - column) if dh < bh * col_w / bw - 0.5 else 0.0
        return max(th, column)
    ch = _block(w, memo, ("caption", fit.body_pt, round(c.width(), 1)), c.left(), y,
                lambda t: _diagram_caption(t, sheet, 0, 0, c.width()))
    y += ch
    scale = min(fit.diagram_pt * per_pt, c.width() / bw)
    dh = min(bh * scale + fit.grow, bh * c.width() / bw)
    dw = dh * bw / bh
    w.ops.append(DiagramOp(QRectF(c.left() + (c.width() - dw) / 2, y, dw, dh), page, source,
                           hl))
    used = dh + 0.4 * pt
    lw = min(c.width(), max(dw, c.width() * 0.8))
    lh = _block(w, memo, ("legend", round(lw, 1)), c.left() + (c.width() - lw) / 2, y + used,
                lambda t: _legend_strip(t, keys, source, 0, 0, lw))
    used += (lh + 0.5 * pt) if lh else 0.3 * pt
    return ch + used + _block(w, memo, ("table", fit.body_pt, c.width()), c.left(), y + used,
                              lambda t: _table(t, sheet.facts, 0, 0, c.width()))


Memo = dict[tuple[Any, ...], tuple[list[Op], float]]
"""Blocks already laid out for one sheet (header, footer, table, each section), by what they
depend on, with their ops at the origin: trial layouts differ in a few settings only."""


def _moved(op: Op, dx: float, dy: float) -> Op:
    r = op.rect.translated(dx, dy)
    if type(op) is TextOp:
        return TextOp(r, op.layout, QPointF(op.pos.x() + dx, op.pos.y() + dy), op.color)
    if type(op) is LineOp:
        return LineOp(r, op.color, op.width)
    return replace(op, rect=r)


def _block(w: _Writer, memo: Memo | None, key: tuple[Any, ...], x: float, y: float,
           build: Callable[[_Writer], float]) -> float:
    """Lay out `build` at (x, y) (it draws at the origin), from `memo` when it was before."""
    hit = memo.get(key) if memo is not None else None
    if hit is None:
        tmp = _Writer(w.fit)
        hit = (tmp.ops, build(tmp))
        if memo is not None:
            memo[key] = hit
    ops, height = hit
    w.ops += [_moved(op, x, y) for op in ops] if x or y else list(ops)
    return height


def _section_key(s: Section, fit: Fit, width: float) -> tuple[Any, ...]:
    return ("section", id(s), fit.body_pt, fit.max_items, fit.sentences, fit.max_paragraphs,
            round(width, 1))


def _section_at(w: _Writer, memo: Memo | None, s: Section, x: float, y: float,
                width: float) -> float:
    return _block(w, memo, _section_key(s, w.fit, width), x, y,
                  lambda t: _section_height(t, s, 0, 0, width))


def _layout_once(sheet: Sheet, c: QRectF, fit: Fit, page_label: str,
                 diagram: DiagramSource | None, memo: Memo | None = None) -> SheetLayout:
    w = _Writer(fit)
    pt = fit.body_pt * DP
    gap = 5.0 * MM
    y = _block(w, memo, ("header", fit.body_pt), 0, 0, lambda t: _header(t, sheet, c))
    footer_top = _block(w, memo, ("footer", page_label), 0, 0,
                        lambda t: _footer(t, sheet, c, page_label))
    limit = footer_top - 0.6 * pt
    if sheet.diagram_page is not None and diagram is not None:
        y += _diagram_block(w, sheet, c, y, fit, diagram, memo)
    elif sheet.facts:
        y += _block(w, memo, ("table", fit.body_pt, c.width()), c.left(), y,
                    lambda t: _table(t, sheet.facts, 0, 0, c.width()))
    y += 0.9 * pt
    # the sections: wide ones full width, runs of narrow ones in two balanced columns
    sections = list(sheet.sections[:len(sheet.sections) - fit.drop_sections]
                    if fit.drop_sections else sheet.sections)
    col_w = (c.width() - gap) / 2
    sep = 0.8 * pt
    i = 0
    while i < len(sections):
        if sections[i].wide:
            y += _section_at(w, memo, sections[i], c.left(), y, c.width()) + sep
            i += 1
            continue
        j = i
        while j < len(sections) and not sections[j].wide:
            j += 1
        run = sections[i:j]
        heights = [_measure_section(fit, s, col_w, memo) + sep for s in run]
        k = _balance(heights)
        yl = yr = y
        for s in run[:k]:
            yl += _section_at(w, memo, s, c.left(), yl, col_w) + sep
        for s in run[k:]:
            yr += _section_at(w, memo, s, c.left() + col_w + gap, yr, col_w) + sep
        y = max(yl, yr)
        i = j
    if sheet.references and fit.references:
        refs = Section("Key references", "list",
                       items=tuple((Span(r.text()),) for r in sheet.references[:fit.references]))
        small = replace(fit, body_pt=max(BODY_FLOOR_PT, fit.body_pt - 0.5))
        rw = _Writer(small)
        y += _block(rw, memo, ("refs", fit.references, small.body_pt), c.left(), y,
                    lambda t: _section_height(t, refs, 0, 0, c.width()))
        w.ops += rw.ops
    return SheetLayout(content=c, ops=w.ops, fit=fit, bottom=y, limit=limit, slack=w.slack)


def layout_sheet(sheet: Sheet, content: QRectF, page_label: str = "",
                 diagram: DiagramSource | None = None) -> SheetLayout:
    """The most preferred layout of `sheet` (earliest in ATTEMPTS) that fits `content`.

    ATTEMPTS come in blocks of one type size, each ordered from roomy to compact; the first
    block whose most compact member fits is searched by bisection, so a sheet costs a handful
    of trial layouts. The answer is always one that was measured to fit (or, when nothing
    fits, the most compact one, which `fits` then reports)."""
    ensure_app()
    cache: dict[int, SheetLayout] = {}
    memo: Memo = {}

    def at(i: int) -> SheetLayout:
        if i not in cache:
            cache[i] = _layout_once(sheet, content, ATTEMPTS[i], page_label, diagram, memo)
        return cache[i]

    if at(0).fits:
        return _grow_diagram(sheet, content, at(0), page_label, diagram, memo)
    blocks: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(ATTEMPTS) + 1):
        if i == len(ATTEMPTS) or ATTEMPTS[i].body_pt != ATTEMPTS[start].body_pt:
            blocks.append((start, i - 1))
            start = i
    for first, last in blocks:
        if not at(last).fits:
            continue
        lo, hi = first - 1, last  # at(hi) fits; at(lo) does not (or lo is before the block)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if at(mid).fits:
                hi = mid
            else:
                lo = mid
        chosen = _grow_lists(sheet, content, at(hi), page_label, diagram, memo)
        return _grow_diagram(sheet, content, chosen, page_label, diagram, memo)
    return at(len(ATTEMPTS) - 1)


def _grow_diagram(sheet: Sheet, content: QRectF, chosen: SheetLayout, page_label: str,
                  diagram: DiagramSource | None, memo: Memo | None = None) -> SheetLayout:
    """Give the height left at the foot of the page (and beside a short diagram, the height
    the table takes anyway) to the diagram, up to the width it may take."""
    if diagram is None or not any(isinstance(op, DiagramOp) for op in chosen.ops):
        return chosen
    extra = chosen.limit - chosen.bottom + chosen.slack
    if extra < 1.0 * DP:
        return chosen
    best = chosen
    for share in (1.0, 0.9, 0.5):
        trial = _layout_once(sheet, content, replace(chosen.fit, grow=extra * share),
                             page_label, diagram, memo)
        if trial.fits:
            best = trial
            break
    left = best.limit - best.bottom
    if chosen.fit.beside is None and left > 0.05 * content.height() and _is_beside(best):
        # the column beside the table is full and the page is not: a wider column, or the
        # diagram across the page above the table, whichever leaves less empty
        for change in ({"beside": True, "column": 0.52}, {"beside": False}):
            trial = _layout_once(sheet, content, replace(chosen.fit, **change), page_label,
                                 diagram, memo)
            if trial.fits:
                grown = _grow_diagram(sheet, content, trial, page_label, diagram, memo)
                if grown.limit - grown.bottom < left:
                    best, left = grown, grown.limit - grown.bottom
    return best


def _is_beside(lay: SheetLayout) -> bool:
    op = next((o for o in lay.ops if isinstance(o, DiagramOp)), None)
    return op is not None and op.rect.left() > lay.content.left() + lay.content.width() * 0.3


def _grow_lists(sheet: Sheet, content: QRectF, chosen: SheetLayout, page_label: str,
                diagram: DiagramSource | None, memo: Memo | None = None) -> SheetLayout:
    """Show as many list items as still fit with the chosen settings (lists are cut in
    coarse steps by ATTEMPTS; this fills the space that leaves)."""
    n = chosen.fit.max_items
    longest = max((len(s.items) for s in sheet.sections), default=0)
    if n is None or n >= longest:
        return chosen
    lo, hi = n, longest + 1  # lo fits; hi = "no limit" may not
    best = chosen
    while hi - lo > 1:
        mid = (lo + hi) // 2
        trial = _layout_once(sheet, content, replace(chosen.fit, max_items=mid), page_label,
                             diagram, memo)
        if trial.fits:
            lo, best = mid, trial
        else:
            hi = mid
    return best
