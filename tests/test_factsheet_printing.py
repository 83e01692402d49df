"""Print, preview and export from the window use the same drawing as the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factsheet_support import pdf_pages, pdf_text


@pytest.fixture
def sheets(content):
    from ildesk.factsheet import sheets_for

    return sheets_for(content, ["il-2", "il-6"])


def test_preview_paints_the_sheets_on_its_printer(qtbot, sheets, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ildesk.ui.printing import preview_dialog

    dialog = preview_dialog(None, sheets, page_size="Letter", margins_mm=12)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)
    assert pdf_pages(out) == 3  # a cover and two sheets
    text = pdf_text(out)
    assert "P60568" in text and "IL-6" in text


def test_export_errors_are_shown_not_raised(qtbot, sheets, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ildesk.ui import printing

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    out = tmp_path / "out"
    out.mkdir()
    assert printing.save_pdf(None, sheets, out) is None  # a folder
    assert shown and "folder" in shown[0]
    assert list(out.iterdir()) == []
    good = printing.save_pdf(None, sheets[:1], out / "il2.pdf", page_size="A4")
    assert good is not None and pdf_pages(good) == 1
