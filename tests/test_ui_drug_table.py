"""The drug tables in the window (issue 16): a disease page's table sorts by the heading a
reader clicks (again: reversed), also from the keyboard; a drug page shows its approvals
with the indication linked; the disease filter lists the drugs approved for it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor

from ildesk.search import Facets

FIRST, LAST = "ustekinumab", "picankibart"  # psoriasis: first approved 2009, and 2025


def _order(window) -> list[str]:
    """The drug names of the table on screen, top to bottom."""
    text = window.article.browser.toPlainText()
    table = text[text.index("First approved"):]
    names = [r["drug"]["name"] for r in window.reader.page["drug_table"]]
    return sorted(names, key=table.index)


def test_the_disease_page_shows_its_drug_table(window):
    window.open_page("psoriasis")
    text = window.article.browser.toPlainText()
    for heading in ("Drug", "Acts on", "First approved", "Regions", "Status"):
        assert heading in text
    assert "Under each drug, its mechanism" in text  # a line under each drug's name
    assert "2014 JP" in text and "anti-IL-17A antibody" in text and "TYK2 inhibitor" in text
    order = _order(window)
    assert order[0] == FIRST and order[-1] == LAST


def test_clicking_a_heading_sorts_and_clicking_again_reverses(window):
    window.open_page("psoriasis")
    window.article.browser.anchorClicked.emit(QUrl("#sort-drug"))
    by_name = _order(window)
    assert by_name == sorted(by_name, key=str.casefold) and by_name[0] == "bimekizumab"
    assert "Drug ▲" in window.article.browser.toPlainText()
    window.article.browser.anchorClicked.emit(QUrl("#sort-drug"))
    assert _order(window) == by_name[::-1]
    assert "Drug ▼" in window.article.browser.toPlainText()
    window.article.browser.anchorClicked.emit(QUrl("#sort-first"))
    assert _order(window)[0] == FIRST
    assert window.current_page["id"] == "psoriasis"  # sorting opens no other page


def test_a_heading_is_reachable_and_sorts_from_the_keyboard(qtbot, window):
    window.open_page("psoriasis")
    browser = window.article.browser
    browser.setFocus()
    for _ in range(200):  # Tab through the links until the "First approved" heading
        if browser.textCursor().charFormat().anchorHref() == "#sort-first":
            break
        assert browser.focusNextPrevChild(True)
    else:
        raise AssertionError("no heading of the drug table takes the keyboard focus")
    with qtbot.waitSignal(window.article.sort_requested):
        qtbot.keyClick(browser.viewport(), Qt.Key.Key_Return)
    assert _order(window)[0] == LAST  # the sorted column again: latest first


def test_the_drug_page_shows_its_approvals_and_clinical_facts(window):
    window.open_page("tocilizumab")
    text = window.article.browser.toPlainText()
    for heading in ("Approvals", "Region", "Regulator", "Indication", "Population",
                    "Biosimilars", "Clinical facts", "Boxed warning", "Live vaccines",
                    "Checked on"):
        assert heading in text, heading
    assert "PMDA (MHLW)" in text and "tocilizumab-bavi" in text and "2026-12-03" in text
    html = window.article.browser.toHtml()
    assert 'href="ildesk:multicentric-castleman-disease"' in html
    window.article.browser.anchorClicked.emit(QUrl("ildesk:multicentric-castleman-disease"))
    assert window.current_page["id"] == "multicentric-castleman-disease"


def test_the_disease_filter_lists_drugs_after_interleukins(searcher):
    hits = searcher.search("", Facets(disease="psoriasis")).hits
    kinds = [h.kind for h in hits]
    assert "interleukin" in kinds and "drug" in kinds
    assert kinds == sorted(kinds, key=lambda k: k != "interleukin")  # interleukins first
    drugs = {h.id for h in hits if h.kind == "drug"}
    assert {"secukinumab", "ustekinumab", "deucravacitinib", "guselkumab"} <= drugs
    assert all(h.group == "Drugs approved for it" for h in hits if h.kind == "drug")
    narrowed = searcher.search("", Facets(disease="psoriasis", disease_kind="driver")).hits
    assert narrowed and all(h.kind == "interleukin" for h in narrowed)


def test_choosing_a_disease_in_the_filters_lists_its_drugs_under_a_header(qtbot, window):
    from ildesk.ui.result_list import Role

    window.facets.set_facets(Facets(disease="psoriasis"))
    qtbot.waitUntil(lambda: any(h.id == "secukinumab" for h in window.model.hits()))
    rows = [window.model.index(i, 0) for i in range(window.model.rowCount())]
    headers = [r.data(0) for r in rows if r.data(Role.HEADER)]
    assert headers == ["Drugs approved for it"]
    kinds = [r.data(Role.KIND) for r in rows if not r.data(Role.HEADER)]
    assert kinds[0] == "interleukin" and kinds[-1] == "drug"
    window.results.clicked.emit(next(r for r in rows if r.data(Role.PAGE_ID) == "secukinumab"))
    assert window.current_page["id"] == "secukinumab"


def test_no_word_of_the_table_is_broken_at_the_default_size(qtbot, open_window):
    """At 1366 × 768 the article's reading column is ~400 px: the table still breaks its
    lines between words, never inside "ustekinumab", "approved" or "First approved"."""
    w = open_window(1366, 768)
    w.open_page("psoriasis")
    qtbot.wait(50)
    doc = w.article.browser.document()
    broken = []
    block = doc.begin()
    while block.isValid():
        if block.textList() is None and QTextCursor(block).currentTable() is not None:
            layout, text = block.layout(), block.text()
            for i in range(1, layout.lineCount()):
                at = layout.lineAt(i).textStart()
                if at > 0 and text[at - 1] not in " -/,\u00a0\u2028":  # \u2028: a <br>
                    broken.append(f"{text[:at]}|{text[at:]}")
        block = block.next()
    assert not broken
