"""Paint fact sheets: one drawing code for PDF export, printing and print preview.

    write_pdf(sheets, "il2.pdf", page_size="A4", margins_mm=15, cover=False)
    paint_sheets(printer, sheets)          # QPrinter / QPdfWriter / any QPagedPaintDevice

Text stays real text (selectable, found by pdftotext) in the bundled DejaVu Sans Condensed,
which the PDF embeds. The diagram is drawn as vectors by `ildesk.render.diagram`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from ildesk import __version__
from ildesk.db.pages.types import InterleukinPage
from ildesk.diagram.model import FONT_PRINT_SMALL
from ildesk.factsheet.model import DISCLAIMER, Sheet, Span
from ildesk.files import publish
from ildesk.render.sheet_layout import (
    ACCENT,
    DP,
    MM,
    MUTED,
    RULE,
    TEXT,
    DiagramOp,
    SheetLayout,
    _Writer,
    content_rect,
    ensure_app,
    font,
    layout_sheet,
    page_size_id,
)
from ildesk.render.sheet_layout import Fit as _Fit

__all__ = [
    "MM",
    "PdfWriteError",
    "configure",
    "content_rect",
    "cover_layout",
    "diagram_label_pt",
    "layout_sheet",
    "layouts",
    "paint_sheets",
    "render_pdf_bytes",
    "sheet_layouts",
    "write_pdf",
]


class PdfWriteError(Exception):
    """The PDF could not be written; the message says why and nothing was left behind."""


# -- the diagram -----------------------------------------------------------------------------


class _Diagrams:
    """Vector signalling diagrams by `ildesk.render.diagram`, in their print variant
    (`layout_interleukin(page, compact=True)`), laid out once per page id."""

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
        dg.paint_swatch(p, key, QRectF(0, 0, rect.width() / k, 12.0), dg.PRINT_PALETTE)

    def __call__(self, p: QPainter, page: InterleukinPage, rect: QRectF,
                 highlight: str | None = None) -> None:
        g = self.geometry(page, highlight)
        if g is None:
            _placeholder(p, page, rect)
            return
        from ildesk.render import diagram as dg

        dg.paint(p, g, rect, dg.PRINT_PALETTE, chrome=False)


_DIAGRAMS = _Diagrams()


def _diagram_draw() -> _Diagrams:
    """The diagram source (one for the process: a page's diagram is laid out once)."""
    return _DIAGRAMS


def diagram_label_pt(layout: SheetLayout) -> float | None:
    """The smallest text of the sheet's diagram as printed, in points (None: no diagram)."""
    from ildesk.render import diagram as dg

    sizes = []
    for op in layout.ops:
        if isinstance(op, DiagramOp):
            g = _DIAGRAMS.geometry(op.page, op.highlight)
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
                  title: str = "") -> list[SheetLayout]:
    """The layout of every page (cover first when asked), with page numbers in footers."""
    draw = _diagram_draw()
    total = len(sheets) + (1 if cover else 0)
    out = [cover_layout(sheets, content, title)] if cover else []
    for i, s in enumerate(sheets):
        n = i + 1 + (1 if cover else 0)
        label = f"page {n} of {total}" if total > 1 else ""
        out.append(layout_sheet(s, content, label, draw))
    return out


def layouts(sheets: Sequence[Sheet], page_size: str = "A4", margins_mm: float = 15.0,
            cover: bool = False) -> list[SheetLayout]:
    """Layouts for a page size and margins without any device (used by tests)."""
    ensure_app()
    return sheet_layouts(sheets, content_rect(page_size, margins_mm), cover)


def cover_layout(sheets: Sequence[Sheet], c: QRectF, title: str = "") -> SheetLayout:
    """A cover listing the sheets that follow, in one to three columns."""
    ensure_app()
    best: SheetLayout | None = None
    for pt in (10.0, 9.0, 8.0, 7.5):
        w = _Writer(_Fit(body_pt=pt))
        x, y, width = c.left(), c.top(), c.width()
        y += w.text(x, y, width, (Span("ildesk"),), font(10.0, bold=True), ACCENT)
        y += w.text(x, y, width, (Span(title or "Interleukin fact sheets"),),
                    font(24.0, bold=True), TEXT)
        kinds = sorted({s.kind for s in sheets})
        data = sheets[0].footer.data_version if sheets else ""
        today = sheets[0].footer.date if sheets else date.today().isoformat()
        sub = (f"{len(sheets)} sheet{'s' if len(sheets) != 1 else ''} "
               f"({', '.join(k + 's' for k in kinds)}) · data version {data} · printed {today}")
        y += w.text(x, y, width, (Span(sub),), font(9.0), MUTED) + 2.0 * MM
        w.rule(x, y, width, ACCENT, 1.0)
        y += 4.0 * MM
        rows_top = y
        ncols = 1 if len(sheets) <= 20 else (2 if len(sheets) <= 80 else 3)
        per_col = -(-len(sheets) // ncols) if sheets else 0
        gap = 6.0 * MM
        col_w = (width - gap * (ncols - 1)) / ncols
        bottom = y
        for i, s in enumerate(sheets):
            col, row = divmod(i, per_col)
            cx = x + col * (col_w + gap)
            if row == 0:
                y = rows_top
            num_w = 2.6 * pt * DP
            w.text(cx, y, num_w, (Span(f"{i + 2}"),), w.body, MUTED)
            name = (Span(s.title, bold=True),
                    Span(f"  {s.full_name}" if s.full_name and s.full_name != s.title else "",
                         muted=True))
            y += w.text(cx + num_w, y, col_w - num_w,
                        tuple(sp for sp in name if sp.text), w.body, max_lines=1)
            bottom = max(bottom, y)
        f = font(7.5)
        foot_y = c.bottom() - f.pixelSize() * 1.28
        w.text(x, foot_y, width, (Span(DISCLAIMER, bold=True),), f, MUTED, max_lines=1)
        best = SheetLayout(content=c, ops=w.ops, fit=_Fit(body_pt=pt), bottom=bottom,
                           limit=foot_y - 2.0 * MM)
        if best.fits:
            return best
    assert best is not None
    return best


# -- painting --------------------------------------------------------------------------------


def _content_of(device: QPagedPaintDevice) -> QRectF:
    r = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    return QRectF(0, 0, r.width() * DP, r.height() * DP)


def paint_sheets(device: QPagedPaintDevice, sheets: Sequence[Sheet], cover: bool = False,
                 title: str = "") -> int:
    """Paint `sheets` (after a cover, when asked) on `device`, one page each, inside its page
    layout's margins. Returns the number of pages. Used by write_pdf, Print and Preview."""
    ensure_app()
    pages = sheet_layouts(sheets, _content_of(device), cover, title)
    painter = QPainter()
    if not painter.begin(device):
        raise PdfWriteError("could not start drawing on the page (is the printer available?)")
    try:
        scale = device.logicalDpiX() / (72.0 * DP)
        for i, lay in enumerate(pages):
            if i and not device.newPage():
                raise PdfWriteError("could not start a new page")
            painter.save()
            painter.scale(scale, scale)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            lay.paint(painter)
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def configure(device: QPagedPaintDevice, page_size: str = "A4", margins_mm: float = 15.0
              ) -> None:
    """Page size and margins on a QPdfWriter or QPrinter."""
    device.setPageSize(QPageSize(page_size_id(page_size)))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                          QPageLayout.Unit.Millimeter)


def render_pdf_bytes(sheets: Sequence[Sheet], page_size: str = "A4", margins_mm: float = 15.0,
                     cover: bool = False, title: str = "") -> bytes:
    """The PDF as bytes (nothing touches the disk)."""
    ensure_app()
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(dev)
    writer.setResolution(1200)
    configure(writer, page_size, margins_mm)
    if not title:
        title = (f"{sheets[0].title} — fact sheet" if len(sheets) == 1
                 else "Interleukin fact sheets")
    writer.setTitle(title)
    writer.setCreator(f"ildesk {__version__}")
    with contextlib.suppress(AttributeError):  # Qt ≥ 6.8
        writer.setAuthor("ildesk")
    paint_sheets(writer, sheets, cover, title if cover else "")
    del writer
    dev.close()
    return bytes(buf.data())


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (tests patch this to simulate a full disk)."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "you do not have permission to write there"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    return exc.strerror or str(exc)


def write_pdf(sheets: Sequence[Sheet], path: str | os.PathLike[str], page_size: str = "A4",
              margins_mm: float = 15.0, cover: bool = False, title: str = "") -> Path:
    """Write `sheets` to `path` as one PDF, atomically: a temporary file in the same folder,
    then renamed. Raises PdfWriteError with a readable message; nothing half-written is left."""
    if not sheets:
        raise PdfWriteError("there is nothing to write: no fact sheets were given")
    target = Path(path).expanduser()
    if target.is_dir():
        raise PdfWriteError(f"{target} is a folder; give a file name such as "
                            f"{target / 'factsheet.pdf'}")
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise PdfWriteError(f"cannot write {target}: the folder {folder} does not exist")
    data = render_pdf_bytes(sheets, page_size, margins_mm, cover, title)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PdfWriteError(f"cannot write {target}: {_reason(exc)}") from exc
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        Path(tmp).chmod(0o644)
        publish(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise PdfWriteError(f"cannot write {target}: {_reason(exc)}") from exc
    return target

