"""Addresses outside ildesk: open one in the person's browser, and say so when none opens
(offering to copy the address instead); copy a page's link as a colleague can use it.

    open_web(parent, "https://pubmed.ncbi.nlm.nih.gov/1/")   # False: a box said why
    copy_page_link(page)                                      # "https://…uniprot…\nildesk:il-6"
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget

from ildesk.article import links
from ildesk.db.pages.types import Page
from ildesk.ui.plain import plain_box


def open_web(parent: QWidget | None, address: str) -> bool:
    """Hand an http(s) `address` to the browser; when none opens, a box says so and offers
    to copy it (the box does not block: the window goes on answering)."""
    if not links.is_web(address):
        return False
    if QDesktopServices.openUrl(QUrl(address)):
        return True
    from PySide6.QtWidgets import QMessageBox  # a dialog's types: made when first shown

    box = QMessageBox(QMessageBox.Icon.Information, "No web browser opened",
                      "ildesk could not open a web browser for this address:", parent=parent)
    box.setInformativeText(address)
    plain_box(box)
    box.setObjectName("no_browser")
    copy = box.addButton("Copy the address", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(address))
    box.open()
    return False


def link_text(page: Page) -> str:
    """What Copy link puts in the clipboard: the outside record's address first (where the
    page has one), then the `ildesk:` link, one a line."""
    outside = links.outside(page)
    inside = links.internal(page["id"])
    return f"{outside}\n{inside}" if outside else inside
