"""Save a picture of the window a moment after it shows, then quit (`ildesk open --screenshot`).

Used to check what a build looks like on a virtual screen (`xvfb-run -a ildesk open IL-6
--screenshot /tmp/il6.png`) and for the README's pictures. The file is written atomically:
a temporary file in the target folder, then renamed. It only ever replaces a PNG picture:
any other file at the target (a text file, a device, a pipe) is left alone with an error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ildesk.errors import ActionableError
from ildesk.files import OutputError, atomic_path

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class ScreenshotError(ActionableError):
    """The picture could not be saved; the message says why."""


def _refuse_non_png(target: Path) -> None:
    """Raise unless `target` is missing or already a PNG picture (a regular file)."""
    if not os.path.lexists(target):
        return
    try:
        if not target.is_file():
            raise ScreenshotError(f"{target} exists and is not a regular file; it was left "
                                  "alone. Give a new file name ending in .png")
        with target.open("rb") as fh:
            head = fh.read(len(PNG_MAGIC))
    except OSError as exc:
        raise ScreenshotError(f"cannot check {target}: {exc.strerror or exc}") from exc
    if head != PNG_MAGIC:
        raise ScreenshotError(f"{target} exists and is not a PNG picture; it was left alone. "
                              "Give a new file name ending in .png")


def save_window(window: QWidget, path: str | os.PathLike[str]) -> Path:
    """Grab `window` as it is on screen now and save it as PNG at `path`."""
    target = Path(path).expanduser()
    if not target.is_dir():  # a folder: atomic_path says to give a file name inside it
        _refuse_non_png(target)
    pixmap = window.grab()
    if pixmap.isNull():
        raise ScreenshotError("the window could not be grabbed")
    try:
        with atomic_path(target, suffix=".png", example="ildesk.png") as tmp:
            if not pixmap.save(str(tmp), "PNG"):
                raise ScreenshotError(f"cannot write {target}: saving the PNG failed")
    except OutputError as exc:
        raise ScreenshotError(exc.message) from exc
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
