"""Asking where to save an export.

The file's suffix is settled inside the dialog, before its overwrite question: a person who
types `report` is asked about `report.pdf` when it exists, instead of having it replaced in
silence after the dialog closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def ask_save_path(parent: QWidget | None, title: str, start: Path, pattern: str,
                  suffix: str) -> Path | None:
    """The path chosen, ending in `suffix` (".pdf"), or None when the person cancelled."""
    # imported here: the dialogs' Python types are made when first used, not at start-up
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    dialog = QFileDialog(parent, title, str(start), pattern)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix.lstrip("."))  # added before the overwrite question
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    if path.suffix.lower() == suffix:
        return path
    # Another suffix was typed ("notes.txt"): the export still needs its own.
    path = path.with_name(path.name + suffix)
    if path.exists():
        answer = QMessageBox.question(
            parent, title, f"{path.name} already exists in {path.parent}.\n"
                           "Do you want to replace it?")
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return path
