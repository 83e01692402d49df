"""The compare view: 2–4 interleukins side by side, in a window of its own.

    view = open_compare(main_window, content, ["il-4", "il-13"])
    view.page_requested.connect(main_window.open_page)   # (open_compare connects it)

On top the table (`ildesk.compare.html.table_html`): a column per interleukin, a row per
field, shared chains on one line, marks for what all share and what is each one's own; every
entry with a page and every column heading is a link (Tab / Shift+Tab move between links,
Enter opens one in the main window). Under it their signalling diagrams side by side, each
the window's own `DiagramPanel` (click a box: its page). "Add…" puts another interleukin in
(up to four), "× remove" takes one out, "Save as PDF…" writes the comparison sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ildesk.compare import MAX_ITEMS, MIN_ITEMS, CompareError, Comparison, compare
from ildesk.compare.html import table_html
from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.ui.diagram_panel import DiagramPanel
from ildesk.ui.errors import show_error


def _dark() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    return bool(app.palette().window().color().lightness() < 128)  # type: ignore[attr-defined]


class CompareView(QWidget):
    """The table and the diagrams of `ids`; `page_requested(id)` when a link is followed."""

    page_requested = Signal(str)

    def __init__(self, content: Content, ids: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.comparison: Comparison | None = None
        self.names = pages.labels(content)
        self.interleukins = [(p["id"], self.names[p["id"]][0])
                             for p in pages.list_pages(content, "interleukin")]
        self.setWindowTitle("Compare — ildesk")
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        f.setBold(True)
        self.title.setFont(f)
        self.add_box = QComboBox(self)
        self.add_box.setAccessibleName("Add an interleukin to the comparison")
        self.add_box.setToolTip("Add an interleukin to the comparison (up to four)")
        self.add_box.activated.connect(self._add_chosen)
        self.pdf_button = QPushButton("Save as &PDF…", self)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.table = QTextBrowser(self)
        self.table.setOpenLinks(False)
        self.table.setOpenExternalLinks(False)
        self.table.setAccessibleName("Comparison table")
        self.table.document().setDefaultStyleSheet("a { text-decoration: none; }")
        self.table.anchorClicked.connect(self._link)
        self.diagrams = QSplitter(Qt.Orientation.Horizontal, self)
        self.diagrams.setChildrenCollapsible(False)
        self.panels: list[DiagramPanel] = []
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.diagrams)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 400])
        self.split = split
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        add_label = QLabel("&Add:", self)
        add_label.setBuddy(self.add_box)
        bar.addWidget(add_label)
        bar.addWidget(self.add_box)
        bar.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        close = QAction("Close", self)
        close.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)
        self.set_ids(ids)

    # -- what is compared --------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return [it.id for it in self.comparison.items] if self.comparison else []

    def set_ids(self, ids: Sequence[str]) -> bool:
        """Compare `ids`; on a CompareError the message is shown and nothing changes."""
        try:
            result = compare(self.content, list(ids))
        except CompareError as exc:
            show_error(self, "Cannot compare", exc)
            return False
        self.comparison = result
        self.title.setText(f"Compare {result.title}")
        self.setWindowTitle(f"Compare {result.title} — ildesk")
        self.table.setHtml(table_html(result, _dark()))
        self._fill_add_box()
        self._show_diagrams(result)
        return True

    def _fill_add_box(self) -> None:
        self.add_box.clear()
        self.add_box.addItem("Add…", None)
        for pid, short in self.interleukins:
            if pid not in self.ids:
                self.add_box.addItem(short, pid)
        self.add_box.setEnabled(len(self.ids) < MAX_ITEMS)

    def _add_chosen(self, index: int) -> None:
        pid = self.add_box.itemData(index)
        if pid:
            self.set_ids([*self.ids, pid])

    def remove(self, column: int) -> None:
        ids = self.ids
        if len(ids) > MIN_ITEMS and 0 <= column < len(ids):
            self.set_ids(ids[:column] + ids[column + 1:])

    def _show_diagrams(self, result: Comparison) -> None:
        for panel in self.panels:
            panel.setParent(None)
            panel.deleteLater()
        self.panels = []
        for page in result.pages:
            panel = DiagramPanel(self.diagrams)
            panel.toolbar.hide()  # four toolbars side by side crowd the diagrams; wheel zooms
            panel.set_names(self.names)
            panel.set_interleukin(page)
            panel.setAccessibleName(f"Signalling diagram of {page['short']}")
            panel.setMinimumWidth(160)
            panel.page_requested.connect(self.page_requested)
            self.diagrams.addWidget(panel)
            self.panels.append(panel)
        self.diagrams.setSizes([1000] * len(self.panels))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the compare window (the table and diagrams pass it on)."""
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: the table's colours follow it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.comparison is not None:
            self.table.setHtml(table_html(self.comparison, _dark()))

    # -- links and export -----------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        href = url.toString()
        kind, _, value = href.partition(":")
        if kind == "page" and value:
            self.page_requested.emit(value)
        elif kind == "remove" and value.isdigit():
            self.remove(int(value))

    def links(self) -> list[str]:
        """Every link of the table, in reading order (for tests and accessibility checks)."""
        out: list[str] = []
        block = self.table.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                href = it.fragment().charFormat().anchorHref()
                if href and (not out or out[-1] != href):
                    out.append(href)
                it += 1
            block = block.next()
        return out

    def save_pdf(self, path: Path | None = None, page_size: str = "A4") -> Path | None:
        """Write the comparison sheet (asking where, unless `path` is given)."""
        if self.comparison is None:
            return None
        if path is None:
            name = "compare-" + "-".join(i.short for i in self.comparison.items) + ".pdf"
            chosen, _ = QFileDialog.getSaveFileName(  # in the home folder, not the cwd
                self, "Save the comparison as PDF", str(Path.home() / name),
                "PDF documents (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        from ildesk.render.compare_sheet import write_compare_pdf
        from ildesk.render.factsheet import PdfWriteError

        try:
            return write_compare_pdf(self.comparison, path, page_size=page_size)
        except PdfWriteError as exc:
            QMessageBox.warning(self, "Could not save the PDF",
                                str(exc).capitalize().rstrip(".") + ".\n\nNothing was written.")
            return None


def open_compare(parent: Any, content: Content, ids: Sequence[str]) -> CompareView | None:
    """Open a compare window for `ids` over `parent` (the main window); links open pages in
    `parent.open_page`. None (after a message) when they cannot be compared."""
    view = CompareView(content, ids, parent)
    if view.comparison is None:  # set_ids has said why
        view.deleteLater()
        return None
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    if hasattr(parent, "open_page"):
        def follow(page_id: str) -> None:
            parent.open_page(page_id)
            parent.raise_()
            parent.activateWindow()

        view.page_requested.connect(follow)
    screen = view.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen else None  # a 768-px screen: fit inside it
    view.resize(min(1200, int(area.width() * 0.9)) if area else 1200,
                min(860, int(area.height() * 0.9)) if area else 860)
    view.show()
    view.table.setFocus()
    return view
