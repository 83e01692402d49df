"""Save a picture of the window a moment after it shows, then quit (`ildesk open --screenshot`).

Used to check what a build looks like on a virtual screen (`xvfb-run -a ildesk open IL-6
--screenshot /tmp/il6.png`) and for the README's pictures. The file is written atomically:
a temporary file in the target folder, then renamed.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ildesk.files import publish


class ScreenshotError(Exception):
    """The picture could not be saved; the message says why."""


def save_window(window: QWidget, path: str | os.PathLike[str]) -> Path:
    """Grab `window` as it is on screen now and save it as PNG at `path`."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise ScreenshotError(f"{target} is a folder; give a file name such as "
                              f"{target / 'ildesk.png'}")
    folder = target.parent
    if not folder.is_dir():
        raise ScreenshotError(f"cannot write {target}: the folder {folder} does not exist")
    pixmap = window.grab()
    if pixmap.isNull():
        raise ScreenshotError("the window could not be grabbed")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".png", dir=folder)
    except OSError as exc:
        raise ScreenshotError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        if not pixmap.save(tmp, "PNG"):
            raise ScreenshotError(f"cannot write {target}: saving the PNG failed")
        publish(tmp, target)
    except OSError as exc:
        raise ScreenshotError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
    return target


def schedule_screenshot(window: QWidget, path: str | os.PathLike[str], delay_ms: int = 1500,
                        quit_after: bool = True) -> None:
    """After `delay_ms`, save a picture of `window` to `path`; then (by default) quit the
    application with exit code 0, or 1 when the picture could not be saved (the reason goes
    to stderr)."""

    def shoot() -> None:
        code = 0
        try:
            saved = save_window(window, path)
            sys.stderr.write(f"ildesk: saved a screenshot to {saved}\n")
        except ScreenshotError as exc:
            sys.stderr.write(f"ildesk: error: {exc}\n")
            code = 1
        if quit_after:
            app = QApplication.instance()
            if app is not None:
                app.exit(code)

    QTimer.singleShot(max(0, delay_ms), window, shoot)
