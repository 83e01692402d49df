"""Print, print preview and PDF export of fact sheets, for the main window's menus.

    printing = Printing(window.bg, content_path, labels, parent=window, report=status)
    printing.print_pages(["il-2"])                 # the system print dialog, then printing
    printing.preview_pages(["il-2", "il-6"])       # QPrintPreviewDialog
    printing.export_pdf(ids, "il-2.pdf")           # a file dialog, then the PDF

All three draw with `ildesk.render.factsheet.paint_sheets`, so what is previewed is what
prints and what is exported. Pages that have no fact sheet (cell types, articles) are skipped.
The dialogs stay on the GUI thread; reading the sheets, laying them out and drawing them run on
the background helper's CPU lane (Qt allows QPainter on PDF writers and printers there), with
a progress dialog whose Cancel stops the work before anything is written or printed.
Only the preview paints on the GUI thread: QPrintPreviewDialog asks for its pages there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ildesk.factsheet import Sheet
from ildesk.render.factsheet import PdfWriteError, configure, paint_sheets, write_pdf
from ildesk.search import SearchHit
from ildesk.ui.background import CPU, Background, Cancelled, Job, Progress
from ildesk.ui.reading import Shown
from ildesk.ui.save_dialog import ask_save_path
from ildesk.vocab import SHEET_KINDS
from ildesk.wording import noun, plural

NOTHING = ("Fact sheets exist for interleukins, diseases and drugs; the chosen pages have "
           "none.")


def _printer(page_size: str, margins_mm: float) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    configure(printer, page_size, margins_mm)
    return printer


def _paint(parent: QWidget | None, printer: QPrinter, sheets: Sequence[Sheet]) -> None:
    try:
        paint_sheets(printer, sheets, cover=len(sheets) > 1)
    except PdfWriteError as exc:
        QMessageBox.warning(parent, "Printing failed", str(exc).capitalize() + ".")


def preview_dialog(parent: QWidget | None, sheets: Sequence[Sheet], page_size: str = "A4",
                   margins_mm: float = 15.0) -> QPrintPreviewDialog:
    """A preview dialog that paints `sheets` (not yet shown; tests use it directly)."""
    printer = _printer(page_size, margins_mm)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Fact sheet preview")
    _large(dialog)
    dialog.paintRequested.connect(lambda p: _paint(dialog, p, sheets))
    dialog._printer = printer  # type: ignore[attr-defined]  # keep it alive with the dialog
    return dialog


def _large(dialog: QPrintPreviewDialog) -> None:
    """Open at 90 % of the screen (or maximised where there is no screen size), the page
    fitted to the width: a sheet readable at once, without zooming."""
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen else None
    if area is not None and area.width() > 0:
        dialog.resize(int(area.width() * 0.9), int(area.height() * 0.9))
        dialog.move(area.x() + area.width() // 20, area.y() + area.height() // 20)
    else:
        dialog.setWindowState(Qt.WindowState.WindowMaximized)
    widget = dialog.findChild(QPrintPreviewWidget)
    if widget is not None:
        widget.fitToWidth()
        for action in dialog.findChildren(QAction):  # the toolbar's own fit button shows it
            if action.objectName() == "fitWidthAction" or action.text() == "Fit width":
                action.setChecked(True)


def save_pdf(parent: QWidget | None, sheets: Sequence[Sheet], path: Path,
             page_size: str = "A4", margins_mm: float = 15.0) -> Path | None:
    """write_pdf with its errors shown in a message box (None when it failed), here and now."""
    try:
        return write_pdf(sheets, path, page_size=page_size, margins_mm=margins_mm,
                         cover=len(sheets) > 1)
    except PdfWriteError as exc:
        _export_failed(parent, exc)
        return None


def _export_failed(parent: QWidget | None, exc: Exception) -> None:
    QMessageBox.warning(parent, "Could not export the PDF",
                        str(exc).capitalize() + ".\n\nNothing was written.")


def read_sheets(content_path: Path, page_ids: Sequence[str], job: Job, total: int
                ) -> list[Sheet]:
    """The sheets of `page_ids` from a connection of this thread's own, one step each."""
    from ildesk.db.engine import open_content
    from ildesk.factsheet import sheets_for

    out: list[Sheet] = []
    with open_content(content_path) as content:
        for i, page_id in enumerate(page_ids):
            job.check()
            job.report(i, total, f"Reading fact sheet {i + 1} of {len(page_ids)}…")
            out += sheets_for(content, [page_id])
    return out


def drawing_steps(job: Job, first: int, total: int, n_sheets: int) -> Callable[[], None]:
    """The `step` callback for render: progress from `first`, and a stop when cancelled."""
    done = first

    def step() -> None:
        nonlocal done
        job.check()
        job.report(done, total, f"Drawing {plural(n_sheets, 'fact sheet')}…")
        done += 1

    return step


class Printing(QObject):
    """`report(text)` puts a line in the window's status bar; `paper()` gives the current
    page size and margins. The progress dialog shows once a job takes `progress_delay_ms`."""

    progress_delay_ms = 400
    saved = Signal(object, str)  # the file written (Path), what it holds ("Saved 2 fact sheets")

    def __init__(self, bg: Background, content_path: Path, labels: Mapping[str, tuple[str, str]],
                 paper: Callable[[], tuple[str, float]], parent: QWidget,
                 report: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._bg, self._path, self._labels = bg, content_path, labels
        self._paper, self._parent, self._report = paper, parent, report

    def page(self, how: str, shown: Shown) -> Job | None:
        """Print ("print"), preview ("preview") or export ("pdf") the sheet of the page."""
        if shown.page is None or not shown.has_sheet:
            self._report("This page has no fact sheet: open an interleukin, disease or drug.")
            return None
        ids = [str(shown.page["id"])]
        if how == "print":
            return self.print_pages(ids)
        if how == "preview":
            return self.preview_pages(ids)
        return self.export_pdf(ids, f"{shown.page.get('abbreviation') or ids[0]}.pdf")

    def results(self, hits: Sequence[SearchHit], query: str = "",
                filters: Sequence[str] = ()) -> Job | None:
        """Export the sheets of a result list (its interleukins, diseases and drugs) under a
        cover naming the search and `filters` it came from and what it left out."""
        from ildesk.factsheet.results import file_name, results_about

        ids = [h.id for h in hits if h.kind in SHEET_KINDS]
        if not ids:
            self._report("The result list has no interleukins, diseases or drugs to export.")
            return None
        left_out = [(h.name, h.kind) for h in hits if h.kind not in SHEET_KINDS]
        about = results_about(query, filters, left_out)
        return self.export_pdf(ids, file_name(query), "Export results as PDF",
                               about.title, about.lines)

    def _progress(self, title: str, label: str) -> Progress:
        from ildesk.render import typeface

        typeface.family()  # the bundled font is registered here, on the GUI thread
        return Progress(title, label, self._parent, delay_ms=self.progress_delay_ms)

    def _printable(self, page_ids: Sequence[str]) -> list[str]:
        ids = [p for p in page_ids if self._labels.get(p, ("", ""))[1] in SHEET_KINDS]
        if not ids:
            QMessageBox.information(self._parent, "Nothing to print", NOTHING)
        return ids

    def _steps(self, ids: Sequence[str]) -> int:
        pages = len(ids) + (1 if len(ids) > 1 else 0)
        return len(ids) + 2 * pages  # read each, lay out and paint each page

    def print_pages(self, page_ids: Sequence[str]) -> Job | None:
        """Show the print dialog, then print the sheets in the background."""
        ids = self._printable(page_ids)
        if not ids:
            return None
        printer = _printer(*self._paper())
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle("Print " + noun(len(ids), "fact sheet"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        total, path = self._steps(ids), self._path

        def op(job: Job) -> int:
            sheets = read_sheets(path, ids, job, total)
            steps = drawing_steps(job, len(ids), total, len(sheets))

            def step() -> None:
                try:
                    steps()
                except Cancelled:
                    printer.abort()  # the pages drawn so far are not sent either
                    raise

            return paint_sheets(printer, sheets, cover=len(sheets) > 1, step=step)

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self._parent, "Printing failed", str(exc).capitalize() + ".")

        return self._bg.run("print", op, lambda n: self._report(
            f"Sent {plural(n, 'page')} to the printer."), failed, lane=CPU,
            progress=self._progress("Print", "Preparing the fact sheets…"),
            cancelled=lambda: self._report("Printing cancelled; nothing was printed."))

    def preview_pages(self, page_ids: Sequence[str]) -> Job | None:
        """Read the sheets in the background, then show the print preview."""
        ids = self._printable(page_ids)
        if not ids:
            return None
        path, total = self._path, len(ids)

        def show(sheets: list[Sheet]) -> None:
            preview_dialog(self._parent, sheets, *self._paper()).exec()

        return self._bg.run("preview", lambda job: read_sheets(path, ids, job, total), show,
                            lane=CPU,
                            progress=self._progress("Print preview", "Preparing the preview…"),
                            cancelled=lambda: self._report("Preview cancelled."))

    def export_pdf(self, page_ids: Sequence[str], default_name: str,
                   caption: str = "Export fact sheet as PDF", title: str = "",
                   notes: Sequence[str] = ()) -> Job | None:
        """Ask where to save (a dialog titled `caption`), then write the PDF in the
        background; errors are shown. `title` and `notes` go on the cover."""
        ids = self._printable(page_ids)
        if not ids:
            return None
        name = default_name if default_name.lower().endswith(".pdf") else default_name + ".pdf"
        # In the home folder, as every other export: a bare name would put it wherever the
        # program was started from (its working folder), which a reader never chose.
        chosen = ask_save_path(self._parent, caption, Path.home() / name,
                               "PDF documents (*.pdf)", ".pdf")
        if chosen is None:
            return None
        return self.write(ids, chosen, title, notes)

    def write(self, page_ids: Sequence[str], target: Path, title: str = "",
              notes: Sequence[str] = ()) -> Job:
        """Write the sheets of `page_ids` to `target` in the background, with progress;
        `title` and `notes` go on the cover (when there is one: more than one sheet)."""
        notes = tuple(notes)
        ids, path, total = list(page_ids), self._path, self._steps(page_ids)
        page_size, margins = self._paper()

        def op(job: Job) -> tuple[Path, int]:
            sheets = read_sheets(path, ids, job, total)
            if not sheets:
                raise PdfWriteError("the chosen pages have no fact sheets")
            written = write_pdf(sheets, target, page_size=page_size, margins_mm=margins,
                                cover=len(sheets) > 1, title=title,
                                step=drawing_steps(job, len(ids), total, len(sheets)),
                                notes=notes)
            return written, len(sheets)

        def saved(answer: tuple[Path, int]) -> None:
            where, n = answer
            self.saved.emit(where, f"Saved {plural(n, 'fact sheet')}")

        return self._bg.run("export", op, saved, lambda exc: _export_failed(self._parent, exc),
                            lane=CPU,
                            progress=self._progress("Export as PDF", "Preparing the sheets…"),
                            cancelled=lambda: self._report(
                                "Export cancelled; nothing was written."))
