"""Write a signalling diagram to a file: SVG (text stays text) or PNG, through the one
atomic writer (`ildesk.files`), with a readable DiagramExportError when it cannot be written.

    to_svg(diagram, "il6.svg"); to_png(diagram, "il6.png", scale=2)
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ildesk.diagram.model import Diagram
from ildesk.errors import ActionableError
from ildesk.files import OutputError, atomic_write
from ildesk.render.diagram import paint
from ildesk.render.palette import palette_for
from ildesk.render.typeface import ensure_app

MAX_PIXELS = 12000


class DiagramExportError(ActionableError):
    """The diagram could not be written; the message says why. Nothing was left behind."""


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        with atomic_write(path, suffix=".part", example="diagram.svg") as fh:
            fh.write(data)
    except OutputError as exc:
        raise DiagramExportError(f"{exc.message}.") from exc


def svg_bytes(diagram: Diagram, palette: Any = None) -> bytes:
    ensure_app()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(math.ceil(diagram.width), math.ceil(diagram.height)))
    gen.setViewBox(QRectF(0, 0, diagram.width, diagram.height))
    gen.setTitle(diagram.title)
    gen.setDescription("Signalling diagram drawn by ildesk")
    p = QPainter(gen)
    try:
        paint(p, diagram, QRectF(0, 0, diagram.width, diagram.height), palette)
    finally:
        p.end()
    buf.close()
    return bytes(buf.data().data())


def png_bytes(diagram: Diagram, scale: float = 2.0, palette: Any = None) -> bytes:
    ensure_app()
    if not (0.1 <= scale <= 10):
        raise DiagramExportError(f"the scale {scale:g} is out of range; use 0.1 to 10.")
    w, h = math.ceil(diagram.width * scale), math.ceil(diagram.height * scale)
    if max(w, h) > MAX_PIXELS:
        raise DiagramExportError(f"a {w} × {h} image is too large; use a smaller scale.")
    img = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor(palette_for(palette).background))
    p = QPainter(img)
    try:
        paint(p, diagram, QRectF(0, 0, w, h), palette)
    finally:
        p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):  # type: ignore[call-overload]
        raise DiagramExportError("the image could not be encoded as PNG.")
    buf.close()
    return bytes(data.data())


def to_svg(diagram: Diagram, path: str | os.PathLike[str], palette: Any = None) -> Path:
    """Write `diagram` as SVG (text stays text); returns the path written."""
    target = Path(path)
    _write_atomic(target, svg_bytes(diagram, palette))
    return target


def to_png(diagram: Diagram, path: str | os.PathLike[str], scale: float = 2.0,
           palette: Any = None) -> Path:
    """Write `diagram` as PNG at `scale` pixels per diagram unit; returns the path written."""
    target = Path(path)
    _write_atomic(target, png_bytes(diagram, scale, palette))
    return target
