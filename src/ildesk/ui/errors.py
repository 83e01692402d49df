"""Any `ActionableError` in the window, one way: a message box with what is wrong in bold
text, what to do under it, and (optionally) the details folded away. The command line
prints the same two lines (`ildesk.cli`)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ildesk.errors import ActionableError
from ildesk.ui.plain import plain_box


def error_text(exc: ActionableError) -> str:
    """The message and the advice as one line, for a status bar or a label."""
    return f"{exc.message} {exc.advice}".strip()


def show_error(parent: QWidget | None, title: str, exc: ActionableError,
               details: str = "") -> None:
    """Show `exc` in a modal message box titled `title`."""
    from PySide6.QtWidgets import QMessageBox  # a dialog's types: made when first shown

    box = QMessageBox(QMessageBox.Icon.Critical, title, exc.message, parent=parent)
    box.setInformativeText(exc.advice)
    if details:
        box.setDetailedText(details)
    plain_box(box)  # the message may hold a path, a file's field or SQLite's own words
    box.exec()
