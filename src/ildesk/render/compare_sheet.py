"""Paint a comparison of 2–4 interleukins (`ildesk.compare.Comparison`) on one or two
landscape pages: the table (a column per interleukin, shared chains on one line, marks for
what all share and what is each one's own) and their signalling diagrams side by side.

    write_compare_pdf(comparison, "il4-il13.pdf", page_size="A4")
    compare_layouts(comparison, landscape_rect("A4"))      # the display lists (tests)

It reuses the fact sheet's display list (`render.sheet`: `Writer`, `TextOp`, `DiagramOp`,
`SheetLayout`), its footer (`footer_lines`), its diagram source
(`render.factsheet.diagrams_for`) and its PDF writing (`render.pdf`): the same text (real,
selectable, in the bundled font), the same vector diagrams, the same atomic write.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPageLayout

from ildesk.compare.model import MARK, SHARE_LABEL, Comparison, Entry, Field, Share
from ildesk.factsheet.model import DISCLAIMER, Span
from ildesk.render.factsheet import diagrams_for
from ildesk.render.pdf import PdfWriteError, paint_layouts, pdf_bytes, write_pdf_file
from ildesk.render.sheet.blocks import Writer, footer_lines
from ildesk.render.sheet.fonts import ACCENT, DP, FILL, MM, MUTED, RULE, TEXT, content_rect, font
from ildesk.render.sheet.ops import BoxOp, DiagramOp, DiagramSource, Fit, Op, SheetLayout, moved
from ildesk.render.typeface import ensure_app

LANDSCAPE = QPageLayout.Orientation.Landscape

__all__ = ["compare_layouts", "compare_pdf_bytes", "landscape_rect", "write_compare_pdf"]

MARK_COLOR: dict[Share, QColor] = {"all": ACCENT, "some": QColor("#4f7f52"),
                                   "own": QColor("#9a5b00")}
SIZES = (8.5, 8.0, 7.5, 7.0, 6.5)     # the body text tried, largest first
DIAGRAM_MIN = 55.0 * MM               # a diagram block lower than this moves to a new page
# What is given up, in turn, to fit on two pages: first type size (SIZES), then the size of
# the diagrams' smallest labels (a diagram block moves to a page of its own, perhaps two by
# two, while they would print below this), and last long lists ("… and N more"; never what
# all share, never an approved drug): a complete table matters more than large diagrams.
# Two interleukins keep labels of 4.5–6 pt; four, side by side, only about 2.5 pt.
ATTEMPTS: tuple[tuple[float, int | None], ...] = (
    (5.5, None), (4.5, None), (3.5, None), (0.0, None), (0.0, 14), (0.0, 10), (0.0, 8),
    (0.0, 6), (0.0, 4))
DIAGRAM_GAP = 4.0 * MM
DIAGRAM_MAX_PT = 9.0                  # the diagrams' box labels are never printed larger
MAX_PAGES = 2


def landscape_rect(page_size: str = "A4", margins_mm: float = 12.0) -> QRectF:
    """The printable area of a landscape page, in layout units (decipoints)."""
    return content_rect(page_size, margins_mm, LANDSCAPE)


class _Table:
    """The table at one type size, as blocks (ops at the origin, with a height) to page."""

    def __init__(self, c: Comparison, width: float, pt: float, max_items: int | None) -> None:
        self.c, self.width, self.pt, self.max_items = c, width, pt, max_items
        self.fit = Fit(body_pt=pt)
        n = len(c.items)
        self.label_w = min(0.15 * width, 34 * MM)
        self.gap = 2.5 * MM
        self.col_w = (width - self.label_w - self.gap * n) / n

    def col_x(self, i: int) -> float:
        return self.label_w + self.gap + i * (self.col_w + self.gap)

    def head(self) -> tuple[list[Op], float]:
        w = Writer(self.fit)
        pt = self.pt * DP
        h = 0.0
        for i, it in enumerate(self.c.items):
            x = self.col_x(i)
            y = 0.3 * pt
            y += w.text(x, y, self.col_w, (Span(it.short),), font(self.pt + 2.5, bold=True),
                        ACCENT, max_lines=1)
            y += w.text(x, y, self.col_w, (Span(it.name),), w.small, MUTED, max_lines=1)
            h = max(h, y)
        h += 0.3 * pt
        w.rule(0, h, self.width, ACCENT, 1.0)
        return w.ops, h + 0.35 * pt

    def _entry(self, w: Writer, e: Entry | None, x: float, y: float) -> float:
        if e is None:
            return 0.0
        indent = 1.1 * self.pt * DP
        w.text(x, y, indent, (Span(MARK[e.share]),), w.body, MARK_COLOR[e.share])
        spans = [Span(e.label, bold=e.share == "all")]
        if e.detail:
            spans.append(Span(f"  {e.detail}", muted=True))
        return w.text(x + indent, y, self.col_w - indent, tuple(spans), w.small) + 0.1 * self.pt

    def _shown(self, cell: tuple[Entry, ...]) -> tuple[list[Entry], int]:
        """What a cell prints within `max_items`, and how many it leaves out: what all share
        and approved drugs always stay."""
        if self.max_items is None or len(cell) <= self.max_items:
            return list(cell), 0
        room = self.max_items - sum(1 for e in cell if e.share == "all" or e.approved)
        shown = []
        for e in cell:
            if e.share == "all" or e.approved or room > 0:
                room -= 0 if e.share == "all" or e.approved else 1
                shown.append(e)
        return shown, len(cell) - len(shown)

    def row(self, f: Field, shade: bool) -> tuple[list[Op], float]:
        w = Writer(self.fit)
        pt = self.pt * DP
        top = 0.3 * pt
        y = top
        if f.aligned:  # shared chains on one line across the columns
            for line in f.lines:
                y += max(self._entry(w, e, self.col_x(i), y) for i, e in enumerate(line.cells))
        else:  # each column flows on its own
            for i, cell in enumerate(f.cells):
                shown, left_out = self._shown(cell)
                cy = top
                for e in shown:
                    cy += self._entry(w, e, self.col_x(i), cy)
                if left_out:
                    cy += w.text(self.col_x(i), cy, self.col_w, (
                        Span(f"… and {left_out} more", muted=True),), w.small)
                y = max(y, cy)
        if f.is_empty():
            y += max(w.text(self.col_x(i), y, self.col_w, (Span("none recorded", muted=True),),
                            w.small) for i in range(len(self.c.items)))
        title_h = w.text(0.25 * pt, top, self.label_w - 0.5 * pt, (Span(f.title),),
                         w.small_bold, MUTED)
        h = max(y, top + title_h) + 0.25 * pt
        if shade:
            w.ops.insert(0, BoxOp(QRectF(0, 0, self.width, h), FILL, 0.0))
        w.rule(0, h, self.width, RULE, 0.4)
        return w.ops, h


def _header(c: Comparison, content: QRectF, pt: float, first: bool) -> tuple[list[Op], float]:
    w = Writer(Fit(body_pt=pt))
    x, y, width = content.left(), content.top(), content.width()
    if first:
        y += w.text(x, y, width, (Span("ildesk · compare"),), font(9.0, bold=True), ACCENT)
        y += w.text(x, y, width, (Span(c.title),), font(20.0, bold=True), TEXT, max_lines=1)
        y += w.text(x, y, width, (Span(" · ".join(i.name for i in c.items)),), font(11.0),
                    MUTED, max_lines=1)
    else:
        y += w.text(x, y, width, (Span(f"{c.title} — comparison, continued"),),
                    font(11.0, bold=True), ACCENT, max_lines=1)
    y += 0.3 * pt * DP
    cx = x
    marks: tuple[Share, ...] = ("all", "some", "own") if len(c.items) > 2 else ("all", "own")
    for s in marks:
        w.text(cx, y, 2 * pt * DP, (Span(MARK[s]),), w.body, MARK_COLOR[s])
        w.text(cx + 1.2 * pt * DP, y, 40 * MM, (Span(SHARE_LABEL[s]),), w.small, MUTED,
               max_lines=1)
        cx += 1.2 * pt * DP + w.ops[-1].rect.width() + 4 * MM
    y += pt * DP * 1.5
    return w.ops, y - content.top()


def _footer(c: Comparison, content: QRectF, label: str, today: date) -> tuple[list[Op], float]:
    w = Writer(Fit())
    top = footer_lines(w, content, f"ildesk comparison · data version "
                                   f"{c.data_version or 'unknown'} · printed {today.isoformat()}",
                       label, DISCLAIMER)
    return w.ops, content.bottom() - top


def _grid(c: Comparison, source: DiagramSource, width: float, height: float, pt: float
          ) -> tuple[int, list[float]]:
    """How many diagrams a row (all in one, or two by two) and each one's scale, whichever
    prints the smallest of their labels larger; labels never print above DIAGRAM_MAX_PT."""
    n = len(c.pages)
    per_pt = DP / source.label_units
    caption = 1.6 * pt * DP
    best: tuple[int, list[float]] = (n, [])
    for k in (n, 2) if n > 2 else (n,):
        rows = -(-n // k)
        slot_w = (width - DIAGRAM_GAP * (k - 1)) / k
        slot_h = (height - rows * caption - (rows - 1) * DIAGRAM_GAP) / rows
        scales = []
        for page in c.pages:
            bw, bh = source.size(page)
            scales.append(max(0.0, min(slot_w / bw, slot_h / bh, DIAGRAM_MAX_PT * per_pt)))
        if not best[1] or min(scales) > min(best[1]) + 1e-6:
            best = (k, scales)
    return best


def _label_pt(source: DiagramSource, scales: Sequence[float]) -> float:
    """The smallest diagram label as printed, in points."""
    return min(scales) * source.label_units / DP


def _diagrams(c: Comparison, source: DiagramSource, x: float, y: float, width: float,
              height: float, pt: float) -> tuple[list[Op], float]:
    """The diagrams under a heading in (x, y, width, height), in one row or two by two,
    each under its caption; returns the ops and the height used."""
    w = Writer(Fit(body_pt=pt))
    top = y
    y += w.text(x, y, width, (Span("Signalling, side by side"),), font(pt + 1.5, bold=True),
                ACCENT, max_lines=1) + 0.2 * pt * DP
    k, scales = _grid(c, source, width, height - (y - top), pt)
    slot_w = (width - DIAGRAM_GAP * (k - 1)) / k
    row_h = 0.0
    for i, page in enumerate(c.pages):
        if i and i % k == 0:
            y += row_h + DIAGRAM_GAP
            row_h = 0.0
        bw, bh = source.size(page)
        dw, dh = bw * scales[i], bh * scales[i]
        sx = x + (i % k) * (slot_w + DIAGRAM_GAP)
        th = w.text(sx, y, slot_w, (Span(f"{c.items[i].short} signalling"),),
                    font(pt, bold=True), TEXT, max_lines=1) + 0.2 * pt * DP
        w.ops.append(DiagramOp(QRectF(sx + (slot_w - dw) / 2, y + th, dw, dh), page, source,
                               None))
        row_h = max(row_h, th + dh)
    return w.ops, y + row_h - top


def _paginate(c: Comparison, content: QRectF, table: _Table, source: DiagramSource,
              today: date, label_min: float) -> list[list[Op]] | None:
    """The pages at this size, or None when they take more than MAX_PAGES."""
    pages: list[list[Op]] = []
    head_ops, head_h = table.head()
    _, foot_h = _footer(c, content, "", today)
    bottom = content.bottom() - foot_h - 2 * MM

    def start(first: bool) -> float:
        ops, h = _header(c, content, table.pt, first)
        pages.append(ops + [moved(o, content.left(), content.top() + h) for o in head_ops])
        return content.top() + h + head_h

    y = start(True)
    for k, f in enumerate(c.fields):
        ops, h = table.row(f, shade=k % 2 == 1)
        if y + h > bottom:
            if len(pages) >= MAX_PAGES or h > bottom - content.top():
                return None
            y = start(False)
        pages[-1] += [moved(o, content.left(), y) for o in ops]
        y += h
    if c.pages:
        room = bottom - y - 3 * MM
        _, scales = _grid(c, source, content.width(), room - 2 * table.pt * DP, table.pt)
        if room < DIAGRAM_MIN or _label_pt(source, scales) < label_min:
            if len(pages) >= MAX_PAGES:
                return None
            ops, h = _header(c, content, table.pt, False)
            pages.append(ops)
            y = content.top() + h
            room = bottom - y - 3 * MM
        pages[-1] += _diagrams(c, source, content.left(), y + 3 * MM, content.width(), room,
                               table.pt)[0]
    total = len(pages)
    for i, ops in enumerate(pages):
        label = f"page {i + 1} of {total}" if total > 1 else ""
        ops += _footer(c, content, label, today)[0]
    return pages


def compare_layouts(c: Comparison, content: QRectF, today: date | None = None
                    ) -> list[SheetLayout]:
    """The pages of the comparison sheet: the largest type that fits on two pages; at the
    smallest, long lists end in "… and N more" (what all share comes first, so it stays)."""
    ensure_app()
    today = today or date.today()
    source = diagrams_for(c.data_version)
    for label_min, max_items in ATTEMPTS:
        for pt in SIZES if max_items is None else SIZES[-1:]:
            table = _Table(c, content.width(), pt, max_items)
            pages = _paginate(c, content, table, source, today, label_min)
            if pages is not None:
                return [SheetLayout(content, ops, table.fit, bottom=content.bottom(),
                                    limit=content.bottom()) for ops in pages]
    raise PdfWriteError("the comparison does not fit on two pages")  # pragma: no cover


def compare_pdf_bytes(c: Comparison, page_size: str = "A4", margins_mm: float = 12.0) -> bytes:
    """The comparison sheet as PDF bytes (landscape)."""
    return pdf_bytes(f"{c.title} — comparison", page_size, margins_mm, LANDSCAPE,
                     lambda writer: paint_layouts(
                         writer, compare_layouts(c, landscape_rect(page_size, margins_mm))))


def write_compare_pdf(c: Comparison, path: str | os.PathLike[str], page_size: str = "A4"
                      ) -> Path:
    """Write the comparison sheet to `path` atomically; raises PdfWriteError with a readable
    message, and leaves nothing half-written behind."""
    return write_pdf_file(path, "compare.pdf", lambda: compare_pdf_bytes(c, page_size))
