"""The blocks of a fact sheet, each measured and recorded as paint operations: the header,
the at-a-glance table, the diagram with its caption and legend strip, the footer (the sections
are `sections`). `Writer` lays text out (QTextLayout, cached by what it depends on) and records it;
`block` reuses a block already laid out for the same sheet (`Memo`)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextLayout, QTextOption

from ildesk.factsheet.model import Fact, Rich, Sheet, Span
from ildesk.render.sheet.fonts import (
    ACCENT,
    BODY_FLOOR_PT,
    CAUTION,
    DP,
    FILL,
    MM,
    MUTED,
    RULE,
    TEXT,
    advance,
    font,
    font_key,
)
from ildesk.render.sheet.ops import (
    BoxOp,
    DiagramOp,
    DiagramSource,
    Fit,
    GroupOp,
    LineOp,
    Op,
    SwatchOp,
    TextOp,
    bounds,
)

LEGEND_PT = 6.5
BESIDE_MIN_PT = 7.0  # a diagram goes beside the table only if its labels still print this big

class _Font:
    """A QFont as a cache key: equal when Qt's font key is (QFont itself is not hashable)."""

    __slots__ = ("font", "key")

    def __init__(self, f: QFont) -> None:
        self.font = f
        self.key = font_key(f)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Font) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


_PER_THREAD = threading.local()


def _measured(line: Rich, base: _Font, width: float, align: Qt.AlignmentFlag,
              max_lines: int | None, step: float) -> tuple[QTextLayout, int, float]:
    """`line` laid out in `base` in a box `width` wide. Trial layouts repeat most
    measurements, and a finished QTextLayout is only read afterwards, so it can be shared
    (the key is the text itself, so it holds for any content database), within one thread:
    a QTextLayout keeps the font engines of the thread that laid it out and crashes when
    drawn on another (the window lays sheets out on its worker and on the GUI thread)."""
    cached = getattr(_PER_THREAD, "measured", None)
    if cached is None:
        cached = _PER_THREAD.measured = lru_cache(maxsize=50_000)(_measure_in)
    return cached(line, base, width, align, max_lines, step)


def _measure_in(line: Rich, base: _Font, width: float, align: Qt.AlignmentFlag,
                max_lines: int | None, step: float) -> tuple[QTextLayout, int, float]:
    return _measure(line, base.font, width, align, max_lines, step)


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


class Writer:
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
        layout, n, right = _measured(line, _Font(base), round(width, 1), align, max_lines, step)
        height = (n - 1) * step + base.pixelSize() * 1.18 if n else 0.0
        self.ops.append(TextOp(QRectF(x, y, min(right, width), height), layout, QPointF(x, y),
                               color))
        return n * step

    def height(self, width: float, line: Rich, base: QFont) -> float:
        """The height `text` would take, without recording anything."""
        step = base.pixelSize() * self.leading
        return _measured(line, _Font(base), round(width, 1), Qt.AlignmentFlag.AlignLeft, None,
                         step)[1] * step

    def rule(self, x: float, y: float, width: float, color: QColor = RULE,
             weight: float = 0.5) -> None:
        self.ops.append(LineOp(QRectF(x, y, width, 0), color, weight * DP))


def header(w: Writer, sheet: Sheet, c: QRectF) -> float:
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


def table(w: Writer, facts: Sequence[Fact], x: float, y: float, width: float) -> float:
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


def footer(w: Writer, sheet: Sheet, c: QRectF, page_label: str) -> float:
    """Draw the fact sheet's footer at the bottom of `c`; returns its top."""
    return footer_lines(w, c, f"ildesk fact sheet · data version {sheet.footer.data_version}"
                              f" · printed {sheet.footer.date}",
                        page_label, sheet.footer.disclaimer)


def footer_lines(w: Writer, c: QRectF, left: str, page_label: str, disclaimer: str) -> float:
    """A sheet's footer at the bottom of `c`, under a rule: `left` (what printed it, when)
    with the page label on the right, then the disclaimer in bold; returns its top. The fact
    sheet and the comparison sheet both end with it."""
    f = font(7.5)
    step = f.pixelSize() * 1.28
    top = c.bottom() - 2 * step - 0.4 * DP * 7.5
    w.rule(c.left(), top, c.width(), RULE, 0.5)
    y = top + 0.35 * DP * 7.5
    w.text(c.left(), y, c.width() * 0.8, (Span(left),), f, MUTED, max_lines=1)
    if page_label:
        w.text(c.right() - c.width() * 0.2, y, c.width() * 0.2, (Span(page_label),), f, MUTED,
               align=Qt.AlignmentFlag.AlignRight, max_lines=1)
    w.text(c.left(), y + step, c.width(), (Span(disclaimer, bold=True),), f, MUTED,
           max_lines=1)
    return top


def balance(heights: Sequence[float]) -> int:
    """Split index k (sections[:k] left, [k:] right) with the smallest taller column."""
    best, best_k = float("inf"), len(heights)
    for k in range(len(heights) + 1):
        h = max(sum(heights[:k]), sum(heights[k:]))
        if h < best - 1e-6:
            best, best_k = h, k
    return best_k


def _legend_strip(w: Writer, keys: Sequence[tuple[str, str]], source: DiagramSource,
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


def _diagram_caption(w: Writer, sheet: Sheet, x: float, y: float, width: float) -> float:
    """What the diagram shows (a disease's or drug's sheet) and, for a disputed interleukin,
    a line saying so; returns the height used (0 when there is neither)."""
    top = y
    pt = w.fit.body_pt * DP
    if sheet.diagram_caption:
        y += w.text(x, y, width, (Span(sheet.diagram_caption),), w.bold, ACCENT)
    if sheet.diagram_note:
        y += w.text(x, y, width, (Span(sheet.diagram_note),), w.small, CAUTION)
    return y - top + (0.3 * pt if y > top else 0.0)


def diagram_block(w: Writer, sheet: Sheet, c: QRectF, y: float, fit: Fit,
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
        th = block(w, memo, ("table", fit.body_pt, table_w), c.left(), y,
                    lambda t: table(t, sheet.facts, 0, 0, table_w))
        ch = block(w, memo, ("caption", fit.body_pt, round(col_w, 1)), c.right() - col_w, y,
                    lambda t: _diagram_caption(t, sheet, 0, 0, col_w))
        scale = min(fit.diagram_pt * per_pt, col_w / bw)
        dh = min(bh * scale + fit.grow, bh * col_w / bw)
        dw = dh * bw / bh
        dx = c.right() - col_w + (col_w - dw) / 2
        w.ops.append(DiagramOp(QRectF(dx, y + ch, dw, dh), page, source, hl))
        lh = block(w, memo, ("legend", col_w), c.right() - col_w, y + ch + dh + 0.4 * pt,
                    lambda t: _legend_strip(t, keys, source, 0, 0, col_w))
        column = ch + dh + (0.4 * pt + lh if lh else 0.0)
        w.slack = max(0.0, th - column) if dh < bh * col_w / bw - 0.5 else 0.0
        return max(th, column)
    ch = block(w, memo, ("caption", fit.body_pt, round(c.width(), 1)), c.left(), y,
                lambda t: _diagram_caption(t, sheet, 0, 0, c.width()))
    y += ch
    scale = min(fit.diagram_pt * per_pt, c.width() / bw)
    dh = min(bh * scale + fit.grow, bh * c.width() / bw)
    dw = dh * bw / bh
    w.ops.append(DiagramOp(QRectF(c.left() + (c.width() - dw) / 2, y, dw, dh), page, source,
                           hl))
    used = dh + 0.4 * pt
    lw = min(c.width(), max(dw, c.width() * 0.8))
    lh = block(w, memo, ("legend", round(lw, 1)), c.left() + (c.width() - lw) / 2, y + used,
                lambda t: _legend_strip(t, keys, source, 0, 0, lw))
    used += (lh + 0.5 * pt) if lh else 0.3 * pt
    return ch + used + block(w, memo, ("table", fit.body_pt, c.width()), c.left(), y + used,
                              lambda t: table(t, sheet.facts, 0, 0, c.width()))


Memo = dict[tuple[Any, ...], tuple[list[Op], float, QRectF]]
"""Blocks already laid out for one sheet (header, footer, table, each section), by what they
depend on, with their ops at the origin and their bounds: trial layouts differ in a few
settings only."""


def block(w: Writer, memo: Memo | None, key: tuple[Any, ...], x: float, y: float,
          build: Callable[[Writer], float]) -> float:
    """Lay out `build` at (x, y) (it draws at the origin), from `memo` when it was before.
    Moved blocks are recorded as one `GroupOp` (`ops.flat` undoes that)."""
    hit = memo.get(key) if memo is not None else None
    if hit is None:
        tmp = Writer(w.fit)
        height = build(tmp)
        hit = (tmp.ops, height, bounds(tmp.ops))
        if memo is not None:
            memo[key] = hit
    ops, height, rect = hit
    if not ops:
        return height
    if x or y:
        w.ops.append(GroupOp(rect.translated(x, y), ops, x, y))
    else:
        w.ops += ops
    return height
