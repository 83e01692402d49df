"""`schedule_screenshot`: the picture of the window that `ildesk open --screenshot` saves."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from ildesk.ui.screenshot import ScreenshotError, save_window, schedule_screenshot


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_window_is_saved_as_png_after_the_delay(qtbot, tmp_path: Path) -> None:
    window = QLabel("Interleukin-6")
    window.resize(320, 200)
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "shot.png"
    schedule_screenshot(window, target, delay_ms=50, quit_after=False)
    assert not target.exists()
    qtbot.waitUntil(target.exists, timeout=5000)
    assert _png_size(target)[0] >= 320
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"], "a temporary file was left"


@pytest.mark.parametrize("where", ["missing/shot.png", "."])
def test_a_bad_target_gives_a_clear_message(qtbot, tmp_path: Path, where: str) -> None:
    window = QLabel("x")
    qtbot.addWidget(window)
    with pytest.raises(ScreenshotError, match=r"does not exist|is a folder"):
        save_window(window, tmp_path / where)
    assert list(tmp_path.iterdir()) == []
