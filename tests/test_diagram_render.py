"""Exporting the diagram: SVG keeps names as text, PNG is a real image, failures are clean."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.diagram import layout_interleukin


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ildesk", "--db", str(db), "diagram", *args],
                          capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})


def test_svg_from_the_command_line_names_everything_as_text(db_path: Path,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "il6.svg"
    r = _cli("IL6", "-o", str(out), db=db_path)
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for name in ("IL-6", "IL6R", "IL6ST", "JAK1", "STAT3", "tocilizumab", "sarilumab"):
        assert f">{name}<" in svg, name
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind


def test_png_is_a_real_non_blank_image(db_path: Path, tmp_path: Path, qapp: Any) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "il1b.png"
    r = _cli("interleukin-1 beta", "-o", str(out), "--scale", "1.5", db=db_path)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = QImage(str(out))
    assert not img.isNull() and img.width() > 600
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 20  # drawn, not blank


def test_dark_and_family_options(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "gc.svg"
    r = _cli("IL-2", "-o", str(out), "--family", "--dark", db=db_path)
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    for name in ("IL2RG", "IL-2", "IL-4", "IL-7", "IL-9", "IL-15", "IL-21"):
        assert f">{name}<" in svg, name


@pytest.mark.parametrize("target", ["missing-folder/x.svg", "a-folder", "x.pdf"])
def test_bad_output_paths_exit_1_with_a_message(db_path: Path, tmp_path: Path,
                                                target: str) -> None:
    (tmp_path / "a-folder").mkdir()
    r = _cli("IL-6", "-o", str(tmp_path / target), db=db_path)
    assert r.returncode == 1
    assert "ildesk: error:" in r.stderr and "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder"]


def test_unwritable_folder_exit_1_and_no_file(db_path: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        r = _cli("IL-6", "-o", str(locked / "il6.png"), db=db_path)
        if r.returncode == 0:
            pytest.skip("running as a user who can write anywhere")
        assert r.returncode == 1 and "cannot write" in r.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_unknown_name_exit_1(db_path: Path, tmp_path: Path) -> None:
    r = _cli("IL-999x", "-o", str(tmp_path / "x.svg"), db=db_path)
    assert r.returncode == 1 and "no page is called" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_full_disk_leaves_nothing(content: Content, tmp_path: Path, qapp: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from ildesk.render import export

    d = layout_interleukin(pages.page(content, "il-6") or {})
    real_fdopen = __import__("os").fdopen

    class Full:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def __enter__(self) -> Any:
            return self

        def __exit__(self, *exc: Any) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(export.DiagramExportError, match="the disk is full"):
        export.to_svg(d, tmp_path / "il6.svg")
    assert list(tmp_path.iterdir()) == []


def test_paint_scales_into_a_fact_sheet_rectangle(content: Content, qapp: Any) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from ildesk.render import diagram as render
    from ildesk.render.palette import PRINT_PALETTE

    d = layout_interleukin(pages.page(content, "il-6") or {})
    img = QImage(680, 320, QImage.Format.Format_ARGB32)  # 17 x 8 cm at 40 px/cm
    img.fill(QColor("#00ff00"))
    p = QPainter(img)
    render.paint(p, d, QRectF(0, 0, 680, 320), PRINT_PALETTE)
    p.end()
    mid = img.pixelColor(340, 160)
    assert mid != QColor("#00ff00")  # the drawing is there, centred
