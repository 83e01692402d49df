"""Paint fact sheets: one drawing code for PDF export, printing and print preview.

    write_pdf(sheets, "il2.pdf", page_size="A4", margins_mm=15, cover=False)
    paint_sheets(printer, sheets)          # QPrinter / QPdfWriter / any QPagedPaintDevice

Text stays real text (selectable, found by pdftotext) in the bundled DejaVu Sans Condensed,
which the PDF embeds. The diagram is drawn as vectors by `ildesk.render.diagram`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPainter, QPen

from ildesk.db.pages.types import InterleukinPage
from ildesk.diagram.model import FONT_PRINT_SMALL
from ildesk.factsheet.model import Sheet
from ildesk.render.palette import PRINT_PALETTE
from ildesk.render.pdf import PdfWriteError, configure, paint_layouts, pdf_bytes, write_pdf_file
from ildesk.render.sheet.cover import cover_layout
from ildesk.render.sheet.fit import layout_sheet
from ildesk.render.sheet.fonts import DP, MM, MUTED, RULE, content_rect, font
from ildesk.render.sheet.ops import DiagramOp, SheetLayout
from ildesk.render.typeface import ensure_app

Step = Callable[[], None]  # progress: called once a page laid out and once a page painted

__all__ = [
    "MM",
    "PdfWriteError",
    "configure",
    "content_rect",
    "cover_layout",
    "diagram_geometry",
    "diagram_label_pt",
    "diagram_source",
    "diagrams_for",
    "layout_sheet",
    "layouts",
    "paint_sheets",
    "render_pdf_bytes",
    "sheet_layouts",
    "write_pdf",
]


# -- the diagram -----------------------------------------------------------------------------


class _Diagrams:
    """Vector signalling diagrams by `ildesk.render.diagram`, in their print variant
    (`layout_interleukin(page, compact=True)`), laid out once per page id and highlight.
    One instance serves one content database (`diagram_source`)."""

    label_units = FONT_PRINT_SMALL  # the smallest text a print diagram plans

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str | None], Any] = {}

    def geometry(self, page: InterleukinPage, highlight: str | None = None) -> Any:
        """The page's Diagram (with the drug `highlight` standing out), or None when it cannot
        be drawn (a placeholder is)."""
        key = (page["id"], highlight)
        if key not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            try:
                from ildesk.diagram.layout import layout_interleukin

                self._cache[key] = layout_interleukin(page, compact=True, highlight=highlight)
            except Exception:  # a diagram problem must not cost the whole sheet
                self._cache[key] = None
        return self._cache[key]

    def size(self, page: InterleukinPage, highlight: str | None = None) -> tuple[float, float]:
        g = self.geometry(page, highlight)
        if g is None:
            return (400.0, 300.0)
        from ildesk.render import diagram as dg

        body = dg.body_rect(g, chrome=False)
        return (body.width(), body.height())

    def legend(self, page: InterleukinPage, highlight: str | None = None
               ) -> Sequence[tuple[str, str]]:
        g = self.geometry(page, highlight)
        return g.legend_keys if g is not None else ()

    def swatch(self, p: QPainter, key: str, rect: QRectF) -> None:
        from ildesk.render import diagram as dg

        k = rect.height() / 12.0  # swatches are drawn 20 x 12 diagram units
        p.translate(rect.topLeft())
        p.scale(k, k)
        dg.paint_swatch(p, key, QRectF(0, 0, rect.width() / k, 12.0), PRINT_PALETTE)

    def __call__(self, p: QPainter, page: InterleukinPage, rect: QRectF,
                 highlight: str | None = None) -> None:
        g = self.geometry(page, highlight)
        if g is None:
            _placeholder(p, page, rect)
            return
        from ildesk.render import diagram as dg

        dg.paint(p, g, rect, PRINT_PALETTE, chrome=False)


@lru_cache(maxsize=4)
def _diagrams_of(data_version: str) -> _Diagrams:
    return _Diagrams()


def diagram_source(sheet: Sheet) -> _Diagrams:
    """The diagram source for `sheet`: one per content database (by its data version), so a
    page's diagram is laid out once, and a second database in the same process is never
    served another's drawing. A database without a version gets a fresh, unshared source."""
    return diagrams_for(sheet.footer.data_version)


def diagrams_for(data_version: str) -> _Diagrams:
    """The diagram source of the content database with `data_version` (see diagram_source);
    the comparison sheet draws its diagrams through it too."""
    version = data_version
    return _diagrams_of(version) if version and version != "unknown" else _Diagrams()


def diagram_geometry(op: DiagramOp) -> Any:
    """The Diagram a DiagramOp paints (None: a placeholder, or not one of ours)."""
    return op.draw.geometry(op.page, op.highlight) if isinstance(op.draw, _Diagrams) else None


def diagram_label_pt(layout: SheetLayout) -> float | None:
    """The smallest text of the sheet's diagram as printed, in points (None: no diagram)."""
    from ildesk.render import diagram as dg

    sizes = []
    for op in layout.ops:
        if isinstance(op, DiagramOp):
            g = diagram_geometry(op)
            if g is None:
                continue
            scale = dg.fit_scale(g, op.rect, chrome=False) / DP
            sizes.append(min(size for _, size in dg.label_sizes(g, chrome=False)) * scale)
    return min(sizes) if sizes else None


def _placeholder(p: QPainter, page: InterleukinPage, rect: QRectF) -> None:
    p.setPen(QPen(RULE, 0.5 * DP, Qt.PenStyle.DashLine))
    p.drawRoundedRect(rect, 1.2 * DP, 1.2 * DP)
    p.setFont(font(8.0))
    p.setPen(MUTED)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "signalling diagram")


# -- layouts ---------------------------------------------------------------------------------


def sheet_layouts(sheets: Sequence[Sheet], content: QRectF, cover: bool = False,
                  title: str = "", step: Step | None = None, notes: Sequence[str] = ()
                  ) -> list[SheetLayout]:
    """The layout of every page (cover first when asked), with page numbers in footers.
    `step()` is called before each page is laid out (progress; it may raise to stop)."""
    total = len(sheets) + (1 if cover else 0)
    if step is not None and cover:
        step()
    out = [cover_layout(sheets, content, title, notes)] if cover else []
    for i, s in enumerate(sheets):
        if step is not None:
            step()
        n = i + 1 + (1 if cover else 0)
        label = f"page {n} of {total}" if total > 1 else ""
        out.append(layout_sheet(s, content, label, diagram_source(s)))
    return out


def layouts(sheets: Sequence[Sheet], page_size: str = "A4", margins_mm: float = 15.0,
            cover: bool = False) -> list[SheetLayout]:
    """Layouts for a page size and margins without any device (used by tests)."""
    ensure_app()
    return sheet_layouts(sheets, content_rect(page_size, margins_mm), cover)


# -- painting --------------------------------------------------------------------------------


def _content_of(device: QPagedPaintDevice) -> QRectF:
    r = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, r.width() * DP, r.height() * DP)


def paint_sheets(device: QPagedPaintDevice, sheets: Sequence[Sheet], cover: bool = False,
                 title: str = "", step: Step | None = None, notes: Sequence[str] = ()) -> int:
    """Paint `sheets` (after a cover, when asked) on `device`, one page each, inside its page
    layout's margins. Returns the number of pages. Used by write_pdf, Print and Preview.
    `step()` is called before each page is laid out and before it is painted (two calls a
    page: progress for the window, which may raise from it to stop)."""
    ensure_app()
    pages = sheet_layouts(sheets, _content_of(device), cover, title, step, notes)
    paint_layouts(device, pages, step,
                  refused="could not start drawing on the page (is the printer available?)")
    return len(pages)


def render_pdf_bytes(sheets: Sequence[Sheet], page_size: str = "A4", margins_mm: float = 15.0,
                     cover: bool = False, title: str = "", step: Step | None = None,
                     notes: Sequence[str] = ()) -> bytes:
    """The PDF as bytes (nothing touches the disk)."""
    if not title:
        title = (f"{sheets[0].title} — fact sheet" if len(sheets) == 1
                 else "Interleukin fact sheets")
    return pdf_bytes(title, page_size, margins_mm, QPageLayout.Orientation.Portrait,
                     lambda writer: paint_sheets(writer, sheets, cover, title if cover else "",
                                                 step, notes))


def write_pdf(sheets: Sequence[Sheet], path: str | os.PathLike[str], page_size: str = "A4",
              margins_mm: float = 15.0, cover: bool = False, title: str = "",
              step: Step | None = None, notes: Sequence[str] = ()) -> Path:
    """Write `sheets` to `path` as one PDF, atomically: a temporary file in the same folder,
    then renamed. Raises PdfWriteError with a readable message; nothing half-written is left.
    `step` as in paint_sheets: whatever it raises stops the export before anything is written."""
    if not sheets:
        raise PdfWriteError("there is nothing to write: no fact sheets were given")
    # a folder as the target is refused before the drawing starts
    return write_pdf_file(path, "factsheet.pdf", lambda: render_pdf_bytes(
        sheets, page_size, margins_mm, cover, title, step, notes))
