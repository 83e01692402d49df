"""The article: a QTextBrowser that loads nothing by itself, with find-in-page.

Internal `ildesk:` links emit `page_requested`; http(s) links open in the person's browser
only when clicked; every other scheme (file:, javascript:, data:) is ignored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ildesk.article import links
from ildesk.ui.plain import plain_tip


class SafeBrowser(QTextBrowser):
    """Never fetches a resource: images, style sheets and links from the data stay inert."""

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        return None


class ArticleView(QWidget):
    page_requested = Signal(str)
    search_requested = Signal(str)
    external_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = SafeBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Article")
        self.browser.anchorClicked.connect(self._clicked)
        self.browser.highlighted.connect(self._hover)
        self.find_bar = QWidget()
        self.find_field = QLineEdit(placeholderText="Find in page")
        self.find_field.setAccessibleName("Find in page")
        self.find_field.setClearButtonEnabled(True)
        self.find_status = QLabel()
        prev_button = QPushButton("Previous")
        next_button = QPushButton("Next")
        close_button = QPushButton("Close")
        for b, name in ((prev_button, "Find previous"), (next_button, "Find next"),
                        (close_button, "Close find bar")):
            b.setAccessibleName(name)
            b.setAutoDefault(False)
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(6, 2, 6, 4)
        bar.addWidget(self.find_field, 1)
        bar.addWidget(self.find_status)
        bar.addWidget(prev_button)
        bar.addWidget(next_button)
        bar.addWidget(close_button)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_field.textChanged.connect(lambda _t: self.find_next(restart=True))
        next_button.clicked.connect(lambda: self.find_next())
        prev_button.clicked.connect(lambda: self.find_next(backward=True))
        close_button.clicked.connect(self.close_find)
        backward = QShortcut(QKeySequence("Shift+Return"), self.find_field)
        backward.activated.connect(lambda: self.find_next(backward=True))
        escape = QShortcut(QKeySequence("Escape"), self.find_bar)
        escape.activated.connect(self.close_find)

    def set_html(self, html: str, keep_scroll: bool = False) -> None:
        bar = self.browser.verticalScrollBar()
        pos = bar.value()
        self.browser.setHtml(html)
        bar.setValue(pos if keep_scroll else 0)
        if self.find_bar.isVisible() and self.find_field.text():
            self.find_next(restart=True)

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self.browser.setFocus()

    def find_next(self, backward: bool = False, restart: bool = False) -> bool:
        text = self.find_field.text()
        if not text:
            self.find_status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if restart:
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
        found = self.browser.find(text, flags)
        if not found:  # wrap around once
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.End if backward else
                                cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.find_status.setText("" if found else "Not found")
        return found

    def _hover(self, url: QUrl) -> None:
        target = url.toString()
        if links.is_web(target):
            self.browser.setToolTip(plain_tip(f"{target}\nOpens in your web browser"))
        else:
            self.browser.setToolTip("")

    def _clicked(self, url: QUrl) -> None:
        target = url.toString()
        page = links.page_of(target)
        if page:
            self.page_requested.emit(page)
        elif target.startswith("search:"):  # the home page's example searches
            self.search_requested.emit(QUrl.fromPercentEncoding(target[7:].encode()))
        elif links.is_web(target):
            from ildesk.ui.external import open_web

            if open_web(self, target):
                self.external_opened.emit(target)
        # any other scheme (file:, javascript:, data:, …) is deliberately ignored
