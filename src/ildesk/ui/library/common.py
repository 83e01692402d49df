"""Small helpers shared by the library widgets."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from ildesk.ui.errors import error_text as error_text  # one wording for every error


def local_time(when: datetime) -> str:
    """`2024-05-01 14:03` in the computer's time zone; a time at the very edge of the
    calendar, which cannot be moved into it, is shown in UTC instead of failing."""
    try:
        return when.astimezone().strftime("%Y-%m-%d %H:%M")
    except (OverflowError, ValueError, OSError):
        return f"{when.year:04d}-{when:%m-%d %H:%M} UTC"


def hint_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setEnabled(False)  # drawn in the palette's muted colour
    return label
