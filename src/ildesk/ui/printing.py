"""Print, print preview and PDF export of fact sheets, for the main window's menus.

    print_pages(parent, content, ["il-2"])          # the system print dialog
    preview_pages(parent, content, ["il-2", "il-6"]) # QPrintPreviewDialog
    export_pdf(parent, content, ids, "il-2.pdf")     # a file dialog, then write_pdf

All three draw with `ildesk.render.factsheet.paint_sheets`, so what is previewed is what
prints and what is exported. Pages that have no fact sheet (cell types, articles) are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ildesk.factsheet import Sheet, sheets_for
from ildesk.render.factsheet import PdfWriteError, configure, paint_sheets, write_pdf


def _sheets(parent: QWidget | None, content: Any, page_ids: Sequence[str]) -> list[Sheet]:
    sheets = sheets_for(content, page_ids)
    if not sheets:
        QMessageBox.information(parent, "Nothing to print",
                                "Fact sheets exist for interleukins, diseases and drugs; "
                                "the chosen pages have none.")
    return sheets


def _printer(page_size: str, margins_mm: float) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure(printer, page_size, margins_mm)
    return printer


def _paint(parent: QWidget | None, printer: QPrinter, sheets: Sequence[Sheet]) -> None:
    try:
        paint_sheets(printer, sheets, cover=len(sheets) > 1)
    except PdfWriteError as exc:
        QMessageBox.warning(parent, "Printing failed", str(exc).capitalize() + ".")


def print_pages(parent: QWidget | None, content: Any, page_ids: Sequence[str],
                page_size: str = "A4", margins_mm: float = 15.0) -> bool:
    """Show the print dialog and print the sheets; returns True when printed."""
    sheets = _sheets(parent, content, page_ids)
    if not sheets:
        return False
    printer = _printer(page_size, margins_mm)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print fact sheet" + ("s" if len(sheets) > 1 else ""))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _paint(parent, printer, sheets)
    return True


def preview_dialog(parent: QWidget | None, sheets: Sequence[Sheet], page_size: str = "A4",
                   margins_mm: float = 15.0) -> QPrintPreviewDialog:
    """A preview dialog that paints `sheets` (not yet shown; tests use it directly)."""
    printer = _printer(page_size, margins_mm)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Fact sheet preview")
    dialog.paintRequested.connect(lambda p: _paint(dialog, p, sheets))
    dialog._printer = printer  # type: ignore[attr-defined]  # keep it alive with the dialog
    return dialog


def preview_pages(parent: QWidget | None, content: Any, page_ids: Sequence[str],
                  page_size: str = "A4", margins_mm: float = 15.0) -> bool:
    """Show the print preview of the sheets (from which the reader may print)."""
    sheets = _sheets(parent, content, page_ids)
    if not sheets:
        return False
    dialog = preview_dialog(parent, sheets, page_size, margins_mm)
    return dialog.exec() == QDialog.DialogCode.Accepted


def export_pdf(parent: QWidget | None, content: Any, page_ids: Sequence[str],
               default_name: str, page_size: str = "A4", margins_mm: float = 15.0
               ) -> Path | None:
    """Ask where to save, write the PDF; errors are shown, not raised. Returns the path."""
    sheets = _sheets(parent, content, page_ids)
    if not sheets:
        return None
    name = default_name if default_name.lower().endswith(".pdf") else default_name + ".pdf"
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export fact sheet as PDF", name,
                                            "PDF documents (*.pdf)")
    if not chosen:
        return None
    if not chosen.lower().endswith(".pdf"):
        chosen += ".pdf"
    return save_pdf(parent, sheets, Path(chosen), page_size, margins_mm)


def save_pdf(parent: QWidget | None, sheets: Sequence[Sheet], path: Path,
             page_size: str = "A4", margins_mm: float = 15.0) -> Path | None:
    """write_pdf with its errors shown in a message box (None when it failed)."""
    try:
        return write_pdf(sheets, path, page_size=page_size, margins_mm=margins_mm,
                         cover=len(sheets) > 1)
    except PdfWriteError as exc:
        QMessageBox.warning(parent, "Could not export the PDF",
                            str(exc).capitalize() + ".\n\nNothing was written.")
        return None
