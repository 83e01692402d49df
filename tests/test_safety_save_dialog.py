"""Issue 19, point 16 in the window: the suffix of an export is settled inside the save
dialog, so typing `report` over an existing report.pdf is asked about, never replaced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ildesk.ui.save_dialog import ask_save_path


def _answer(qtbot, type_name: str, replace: bool) -> list[str]:
    """Type `type_name` into the next save dialog and accept it; answer an overwrite question
    with Yes or No (a No leaves the dialog open, which is then cancelled)."""
    asked: list[str] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, in_dialog)
            return
        QTimer.singleShot(0, lambda: on_question(dialog, 0))
        dialog.selectFile(type_name)
        dialog.accept()

    def on_question(dialog: QFileDialog, tries: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Yes if replace
                       else QMessageBox.StandardButton.No).click()
            if not replace:
                QTimer.singleShot(0, dialog.reject)
        elif tries < 50 and dialog.isVisible():
            QTimer.singleShot(20, lambda: on_question(dialog, tries + 1))

    QTimer.singleShot(0, in_dialog)
    return asked


def test_typing_a_name_without_suffix_over_an_existing_export_asks_first(qtbot, tmp_path):
    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"%PDF-1.4 the person's own report\n")
    asked = _answer(qtbot, str(tmp_path / "report"), replace=False)
    chosen = ask_save_path(None, "Export fact sheet as PDF", tmp_path / "il-6.pdf",
                           "PDF documents (*.pdf)", ".pdf")
    assert asked and "report.pdf" in asked[0]
    assert chosen is None
    assert existing.read_bytes() == b"%PDF-1.4 the person's own report\n"


def test_the_chosen_name_gets_its_suffix(qtbot, tmp_path):
    _answer(qtbot, str(tmp_path / "sheet"), replace=True)
    chosen = ask_save_path(None, "Export fact sheet as PDF", tmp_path / "il-6.pdf",
                           "PDF documents (*.pdf)", ".pdf")
    assert chosen == Path(tmp_path / "sheet.pdf")
