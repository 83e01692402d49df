"""Render resources/icons/ildesk.svg to the PNG, ICO and ICNS files the packages need.

    .venv/bin/python packaging/make_icons.py

Writes resources/icons/ildesk-<N>.png for every N in SIZES, ildesk.ico (Windows: PNG entries
of 16–256 px) and ildesk.icns (macOS: PNG-based types ic07–ic14). The outputs are committed;
run this again after changing the SVG. Needs only PySide6 (QtSvg), no Pillow: both
containers are written here by hand.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "ildesk.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# PNG-based ICNS types and their pixel sizes (ic11–ic14 are the @2x variants of 16–256).
ICNS_TYPES = (("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256), ("ic08", 256),
              ("ic14", 512), ("ic09", 512), ("ic10", 1024))


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size × size pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container of PNG images (Windows Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def parse_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size, image bytes) of every entry of an ICO file; raises ValueError if malformed."""
    if len(data) < 6:
        raise ValueError("too short for an ICO header")
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError("not an ICO file")
    out = []
    for i in range(count):
        width, _height, _colors, _res, _planes, _bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i)
        if offset + length > len(data):
            raise ValueError(f"entry {i} runs past the end of the file")
        out.append((width or 256, data[offset:offset + length]))
    return out


def icns_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """An ICNS container: 'icns', total length, then (type, length, PNG data) per entry."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
                    for kind, data in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def parse_icns(data: bytes) -> list[tuple[str, bytes]]:
    """(type, data) of every entry of an ICNS file; raises ValueError if malformed."""
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an ICNS file")
    out, pos = [], 8
    while pos < len(data):
        kind = data[pos:pos + 4].decode("ascii")
        length = struct.unpack_from(">I", data, pos + 4)[0]
        if length < 8 or pos + length > len(data):
            raise ValueError(f"entry {kind!r} has a bad length")
        out.append((kind, data[pos + 8:pos + length]))
        pos += length
    return out


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render_png(SVG, size) for size in {*SIZES, *ICO_SIZES, 1024}}
    for size in SIZES:
        _write(ICONS / f"ildesk-{size}.png", pngs[size])
    _write(ICONS / "ildesk.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    _write(ICONS / "ildesk.icns", icns_bytes([(kind, pngs[size]) for kind, size in ICNS_TYPES]))
    print(f"wrote {len(SIZES)} PNGs, ildesk.ico and ildesk.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
