"""Printing and exporting from the window (issue 17, points 10 and 11): the preview opens
large at fit-width zoom; the results PDF says which search and filters it came from and what
it left out, under a dialog named for it and a file name taken from the query."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintPreviewWidget

from ildesk.search import Facets
from ildesk.ui import printing
from tests.factsheet_support import pdf_text
from tests.ui_support import status


def test_preview_opens_large_at_fit_width(qtbot, content, window):
    from ildesk.factsheet import sheets_for

    dialog = printing.preview_dialog(window, sheets_for(content, ["il-6"]))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.width() >= 0.85 * area.width() and dialog.height() >= 0.85 * area.height()
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    dialog.close()


def export_results(qtbot, window, monkeypatch, out: Path) -> list[tuple]:
    asked: list[tuple] = []

    def ask(parent, caption, default, *rest):
        asked.append((caption, default))
        return out

    monkeypatch.setattr(printing, "ask_save_path", ask)
    window.printing.progress_delay_ms = 60_000
    window.menus.named["export_results"].trigger()
    qtbot.waitUntil(lambda: status(window).startswith("Saved"), timeout=120_000)
    return asked


def test_results_pdf_names_its_search_filters_and_what_it_left_out(
        qtbot, window, monkeypatch, tmp_path: Path):
    window.search_field.setText("th17")
    qtbot.waitUntil(lambda: window.shown_text == "th17")
    left = [h for h in window.model.hits() if h.kind in ("cell_type", "receptor")]
    assert left  # the list holds pages with no fact sheet
    out = tmp_path / "chosen.pdf"
    asked = export_results(qtbot, window, monkeypatch, out)
    assert asked == [("Export results as PDF", Path.home() / "th17.pdf")]  # not the cwd
    cover = pdf_text(out).split("\f")[0]
    flat = " ".join(cover.split())
    assert "Search results for “th17”" in flat
    assert "From the search “th17”" in flat
    assert "Left out (no fact sheet):" in flat
    assert left[0].name in flat


def test_results_pdf_names_the_filters(qtbot, window, monkeypatch, tmp_path: Path):
    facets = Facets(cell_type="th17-cell", role="producer")
    window.facets.set_facets(facets)
    qtbot.waitUntil(lambda: window.last_result.facets == facets)
    out = tmp_path / "th17-producers.pdf"
    asked = export_results(qtbot, window, monkeypatch, out)
    assert asked[0][1] == Path.home() / "ildesk-results.pdf"  # no query: the general name
    flat = " ".join(pdf_text(out).split("\f")[0].split())
    assert "filters: Cell type: T-helper 17 cell, Role: produced by" in flat
