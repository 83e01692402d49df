"""Links out of ildesk (issue 17, point 12): when no browser opens, the window says so and
offers to copy the address; Copy link gives an address a colleague without ildesk can open
(UniProt, HGNC, PubMed, the ontologies) with the `ildesk:` link second."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

PUBMED = "https://pubmed.ncbi.nlm.nih.gov/1/"


def test_no_browser_says_so_and_offers_to_copy(qtbot, window, monkeypatch):
    monkeypatch.setattr("ildesk.ui.external.QDesktopServices.openUrl", lambda url: False)
    window.open_page("il-2")
    QGuiApplication.clipboard().setText("before")
    window.article.browser.anchorClicked.emit(QUrl(PUBMED))
    box = window.findChild(QMessageBox, "no_browser")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert box.windowTitle() == "No web browser opened"
    assert box.informativeText() == PUBMED
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy the address")
    copy.click()
    assert QGuiApplication.clipboard().text() == PUBMED
    assert window.current_page["id"] == "il-2"


def test_a_browser_that_opens_shows_no_box(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr("ildesk.ui.external.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()) or True)
    window.open_page("il-2")
    window.article.browser.anchorClicked.emit(QUrl(PUBMED))
    assert opened == [PUBMED]
    assert window.findChild(QMessageBox, "no_browser") is None


def copied(window, page_id):
    window.open_page(page_id)
    window.menus.named["copy_link"].trigger()
    return QGuiApplication.clipboard().text().splitlines()


def test_copy_link_gives_the_outside_address_first(window):
    assert copied(window, "il-6") == ["https://www.uniprot.org/uniprotkb/P05231/entry",
                                      "ildesk:il-6"]
    assert copied(window, "il6r")[0].startswith("https://www.uniprot.org/uniprotkb/")
    assert copied(window, "crohns-disease")[0].startswith("https://purl.obolibrary.org/obo/MONDO_")
    assert copied(window, "jak-stat-signalling") == ["ildesk:jak-stat-signalling"]
    assert window.statusBar().currentMessage() == "Link copied: ildesk:jak-stat-signalling"
