"""Exports, printing and the rebuild run off the GUI thread with a progress dialog: the window
keeps answering, Cancel stops before anything is written, errors are shown. Jobs are held on
events the test sets, never timed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QPushButton

from ildesk.ui import printing
from ildesk.ui.main_window import MainWindow
from tests.factsheet_support import pdf_pages, pdf_text
from tests.ui_support import status


@pytest.fixture
def window(qtbot, content, searcher):
    w = MainWindow(content, searcher)
    qtbot.addWidget(w)
    w.printing.progress_delay_ms = 0
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0)
    yield w
    w.close()


@pytest.fixture
def held(monkeypatch):
    """Reading the sheets waits for `gate` (after telling the dialog how far it is)."""
    gate = threading.Event()
    off_gui: list[bool] = []
    real = printing.read_sheets

    def read(path, ids, job, total):
        off_gui.append(threading.current_thread() is not threading.main_thread())
        job.report(0, total, "Reading the fact sheets…")
        assert gate.wait(30)
        return real(path, ids, job, total)

    monkeypatch.setattr(printing, "read_sheets", read)
    gate.off_gui = off_gui
    return gate


def save_as(monkeypatch, path):
    monkeypatch.setattr(printing, "ask_save_path", lambda *a, **k: path)


def test_exporting_the_results_shows_progress_and_the_window_keeps_answering(
        qtbot, window, held, monkeypatch, tmp_path: Path):
    out = tmp_path / "all.pdf"
    save_as(monkeypatch, out)
    window.findChild(type(window.back_action), "export_results").trigger()  # Ctrl+Shift+E
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Export as PDF"
    assert dialog.labelText() == "Reading the fact sheets…"
    assert dialog.maximum() == 51 + 2 * 52  # read 51, lay out and paint 52 pages with a cover
    # meanwhile a search runs and shows its answer
    window.search_field.setText("il6")
    qtbot.waitUntil(lambda: window.shown_text == "il6")
    assert window.model.hits()[0].id == "il-6"
    assert not out.exists()
    held.set()
    qtbot.waitUntil(lambda: status(window).startswith("Saved"), timeout=120_000)
    assert status(window) == f"Saved 51 fact sheets to {out}."
    assert pdf_pages(out) == 52
    assert held.off_gui == [True]


def test_cancel_stops_the_export_and_nothing_is_written(qtbot, window, held, monkeypatch,
                                                         tmp_path: Path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "il-6.pdf"
    save_as(monkeypatch, out)
    window.open_page("il-6")
    window.findChild(type(window.back_action), "export_pdf").trigger()  # Ctrl+E
    dialog = window.findChild(QProgressDialog)
    qtbot.waitUntil(dialog.isVisible)
    cancel = dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    held.set()
    qtbot.waitUntil(lambda: "cancelled" in status(window), timeout=30_000)
    assert status(window) == "Export cancelled; nothing was written."
    assert list(folder.iterdir()) == []


def test_an_export_that_fails_says_why(qtbot, window, monkeypatch, tmp_path: Path):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    folder = tmp_path / "a folder.pdf"
    folder.mkdir()
    window.open_page("il-2")
    window.printing.write(["il-2"], folder)
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    assert "folder" in shown[0] and "Nothing was written" in shown[0]
    assert list(folder.iterdir()) == []


def test_printing_draws_off_the_gui_thread(qtbot, window, monkeypatch, tmp_path: Path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    out = tmp_path / "printed.pdf"
    real_printer = printing._printer
    painted_on: list[bool] = []
    real_paint = printing.paint_sheets

    def pdf_printer(page_size, margins):
        p = real_printer(page_size, margins)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(out))
        return p

    def paint(*args, **kwargs):
        painted_on.append(threading.current_thread() is threading.main_thread())
        return real_paint(*args, **kwargs)

    monkeypatch.setattr(printing, "_printer", pdf_printer)
    monkeypatch.setattr(printing, "paint_sheets", paint)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.printing.print_pages(["il-2", "il-6", "th17-cell"])  # a cell type has no sheet
    qtbot.waitUntil(lambda: status(window).startswith("Sent"), timeout=60_000)
    assert status(window) == "Sent 3 pages to the printer."
    assert painted_on == [False]
    assert pdf_pages(out) == 3 and "P60568" in pdf_text(out)


def test_preview_reads_the_sheets_in_the_background(qtbot, window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    opened: list[str] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec",
                        lambda self: opened.append(self.windowTitle()) or 0)
    window.open_page("tocilizumab")
    window.findChild(type(window.back_action), "print_preview").trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert opened == ["Fact sheet preview"]


def test_nothing_to_print_is_said_at_once(qtbot, window, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a: said.append(title)))
    assert window.printing.export_pdf(["th17-cell", "glossary"], "x.pdf") is None
    assert said == ["Nothing to print"]


def test_the_rebuild_runs_off_the_gui_thread_under_a_progress_dialog(qtbot, monkeypatch,
                                                                      tmp_path: Path):
    from ildesk.ui import app

    where: list[bool] = []

    def rebuild(db):
        where.append(threading.current_thread() is threading.main_thread())
        return f"could not rebuild {db.name}"

    monkeypatch.setattr(app, "_rebuild", rebuild)
    assert app._rebuild_with_progress(tmp_path / "ildesk.sqlite") == \
        "could not rebuild ildesk.sqlite"
    assert where == [False]
