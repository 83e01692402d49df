"""One way to put laid-out pages on paper or into a PDF, for the fact sheets and the
comparison sheet alike: the page set-up, the painting of display lists page by page, the PDF
in memory, and its atomic write to a file.

    data = pdf_bytes("IL-6 — fact sheet", "A4", 15.0, QPageLayout.Orientation.Portrait, paint)
    write_pdf_file("il6.pdf", "factsheet.pdf", lambda: data)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from ildesk import __version__
from ildesk.errors import ActionableError
from ildesk.files import OutputError, atomic_write
from ildesk.render.sheet.fonts import DP, page_size_id
from ildesk.render.sheet.ops import SheetLayout
from ildesk.render.typeface import ensure_app

Orientation = QPageLayout.Orientation


class PdfWriteError(ActionableError):
    """The PDF could not be written; the message says why and nothing was left behind."""


def configure(device: QPagedPaintDevice, page_size: str = "A4", margins_mm: float = 15.0,
              orientation: QPageLayout.Orientation = Orientation.Portrait) -> None:
    """Page size, orientation and margins on a QPdfWriter or QPrinter."""
    device.setPageSize(QPageSize(page_size_id(page_size)))
    device.setPageOrientation(orientation)
    device.setPageMargins(QMarginsF(margins_mm, margins_mm, margins_mm, margins_mm),
                          QPageLayout.Unit.Millimeter)


def paint_layouts(device: QPagedPaintDevice, pages: Sequence[SheetLayout],
                  step: Callable[[], None] | None = None,
                  refused: str = "could not start drawing on the page") -> None:
    """Paint `pages` on `device`, one page each, in layout units (decipoints) scaled to the
    device. `step()` is called before each page is painted (it may raise to stop); `refused`
    is the message when the device cannot be drawn on."""
    painter = QPainter()
    if not painter.begin(device):
        raise PdfWriteError(refused)
    try:
        scale = device.logicalDpiX() / (72.0 * DP)
        for i, lay in enumerate(pages):
            if step is not None:
                step()
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


def pdf_bytes(title: str, page_size: str, margins_mm: float,
              orientation: QPageLayout.Orientation,
              paint: Callable[[QPdfWriter], object]) -> bytes:
    """A PDF made in memory (nothing touches the disk): 1200 dpi, the page set up, ildesk
    named as its creator, and `paint(writer)` drawing its pages."""
    ensure_app()
    buf = QByteArray()
    dev = QBuffer(buf)
    dev.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(dev)
    writer.setResolution(1200)
    configure(writer, page_size, margins_mm, orientation)
    writer.setTitle(title)
    writer.setCreator(f"ildesk {__version__}")
    with contextlib.suppress(AttributeError):  # Qt ≥ 6.8
        writer.setAuthor("ildesk")
    paint(writer)
    del writer
    dev.close()
    return bytes(buf.data())


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (tests patch this to simulate a full disk)."""
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def write_pdf_file(path: str | os.PathLike[str], example: str,
                   make: Callable[[], bytes]) -> Path:
    """Write the PDF `make()` returns to `path` atomically: a temporary file in the same
    folder, then renamed. A folder as the target is refused before `make` runs; any failure
    raises PdfWriteError with a readable message (`example` names a file it could be) and
    leaves nothing half-written."""
    target = Path(path).expanduser()
    try:
        with atomic_write(target, example=example) as fh:
            _write_all(fh.fileno(), make())
    except OutputError as exc:
        raise PdfWriteError(exc.message) from exc
    return target
