"""One rule decides which interleukin stands for a page, and the window and the printed fact
sheet both follow it: a reader sees the same diagram on screen and on paper."""

from __future__ import annotations

import pytest

from ildesk import relate
from ildesk.db import pages
from ildesk.factsheet import sheets_for
from ildesk.ui.main_window import MainWindow
from ildesk.vocab import LINK_ORDER


def _about(content, name: str) -> str | None:
    page = pages.page(content, pages.resolve(content, name))
    assert page is not None
    return relate.page_interleukin(content, page)


@pytest.mark.parametrize(("name", "interleukin"), [
    ("IL-6", "il-6"),                    # an interleukin stands for itself
    ("tocilizumab", "il-6"),             # a drug: its primary target
    ("rheumatoid arthritis", "il-6"),    # a disease: what most approved drugs act on
    ("asthma", "il-5"),
    ("Crohn's disease", "il-23"),
    ("melanoma", "il-2"),                # aldesleukin, the one approved interleukin drug
    ("Th17 cell", "il-17a"),             # a cell type: what it makes itself, first named
    ("gp130", "il-6"),                   # a chain: the first interleukin signalling through it
    ("IL2RG", "il-2"),
])
def test_a_page_stands_for_the_interleukin_a_reader_expects(content, name, interleukin):
    assert _about(content, name) == interleukin


def test_a_disease_without_approved_drugs_goes_by_its_strongest_link(content):
    sle = pages.page(content, "systemic-lupus-erythematosus")
    assert sle is not None and sle["kind"] == "disease"
    assert pages.approved_drug_counts(content, sle["id"]) == {}
    chosen = relate.page_interleukin(content, sle)
    kinds = {x["id"]: LINK_ORDER.index(x["kind"]) for x in sle["interleukins"]}
    assert len(set(kinds.values())) > 1  # there is a stronger and a weaker kind to choose from
    assert kinds[chosen] == min(kinds.values())


def test_an_article_stands_for_no_interleukin(content):
    assert _about(content, "glossary") is None


def test_window_and_fact_sheet_show_the_same_interleukin_for_every_page(
        qtbot, content, searcher):
    w = MainWindow(content, searcher)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    sheets = {s.page_id: s for s in sheets_for(content, [p["id"] for p in
                                                         pages.list_pages(content)])}
    assert len(sheets) > 200  # every interleukin, disease and drug has a sheet
    checked = disagree = 0
    for p in pages.list_pages(content):
        page = pages.page(content, p["id"])
        assert page is not None
        wanted = relate.page_interleukin(content, page)
        if wanted is None:
            continue  # the window keeps what it drew; a sheet draws nothing
        assert w.open_page(p["id"])
        shown = w.diagram.page if w.diagram is not None else w._diagram_wanted
        on_screen = shown["id"] if shown else None
        sheet = sheets.get(p["id"])
        on_paper = sheet.diagram_page["id"] if sheet and sheet.diagram_page else None
        checked += 1
        if on_screen != wanted or (sheet is not None and on_paper != on_screen):
            disagree += 1
            print(p["id"], on_screen, on_paper, wanted)
    w.bg.wait()
    assert checked > 300 and disagree == 0
