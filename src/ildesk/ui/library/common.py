"""Small helpers shared by the library widgets, and how they write to the library.

Every widget here writes through a `Writer`: on its own (a dialog, a test) that is `WriteNow`,
which writes at once; in the window it is `ildesk.ui.library.writer.BackgroundWriter`, which
writes on the library's own worker thread, so a library locked by another ildesk window never
freezes this one. `done` and `failed` always run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from ildesk.errors import ActionableError
from ildesk.ui import errors
from ildesk.ui.background import describe
from ildesk.userdata import UserDataError

T = TypeVar("T")


class Writer(Protocol):
    def write(self, op: Callable[[], T], done: Callable[[T], None],
              failed: Callable[[Exception], None]) -> None:
        """Run the library write `op`; then `done(result)` or `failed(error)`."""


class WriteNow:
    """Writes at once, on the calling thread (a widget used on its own)."""

    def write(self, op: Callable[[], T], done: Callable[[T], None],
              failed: Callable[[Exception], None]) -> None:
        try:
            result = op()
        except (UserDataError, ValueError) as exc:
            failed(exc)
            return
        done(result)


def local_time(when: datetime) -> str:
    """`2024-05-01 14:03` in the computer's time zone; a time at the very edge of the
    calendar, which cannot be moved into it, is shown in UTC instead of failing."""
    try:
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    except (OverflowError, ValueError, OSError):
        return f"{when.year:04d}-{when:%m-%d %H:%M} UTC"


def error_text(exc: BaseException) -> str:
    """What a person reads when the library could not do something: the one wording of
    `ildesk.ui.errors` for ildesk's own errors, else what went wrong."""
    if isinstance(exc, ActionableError):
        return errors.error_text(exc)
    return describe(exc)


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setEnabled(False)  # drawn in the palette's muted colour
    return label
