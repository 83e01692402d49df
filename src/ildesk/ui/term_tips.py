"""Glossary terms in the article (`ildesk.article.glossary` marks them as links to their
entry, the definition as their title): drawn with a dotted underline in the text colour, and
their definition shown as a plain-text tooltip when the pointer rests on one or Tab reaches
one. Enter (or a click) opens the glossary at the entry.

    tips = TermTips(browser)
    tips.mark(palette)      # after every setHtml
    tips.tip_at(pos)        # the definition under a point of the viewport, or ""
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip

from ildesk.article import glossary
from ildesk.article.html import Palette
from ildesk.ui.plain import plain_tip

WRAP = 64  # characters a line of a definition


class TermTips(QObject):
    """Attributes: `tips` (each marked term's link -> its definition, as the page has them)."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        self.tips: dict[str, str] = {}
        browser.viewport().installEventFilter(self)
        browser.installEventFilter(self)  # Tab and Shift+Tab select the next link

    def mark(self, palette: Palette) -> None:
        """Underline every marked term of the document now shown, and learn its tooltip."""
        self.tips = {}
        look = QTextCharFormat()
        look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        look.setUnderlineColor(QColor(palette.muted))
        look.setForeground(QColor(palette.text))
        doc = self.browser.document()
        spans: list[tuple[int, int]] = []  # found first: a change splits the fragments
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                href = fragment.charFormat().anchorHref()
                if href and glossary.is_term_link(href):
                    self.tips[href] = fragment.charFormat().toolTip()
                    spans.append((fragment.position(), fragment.position() + fragment.length()))
                it += 1
            block = block.next()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for start, end in spans:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(look)
        cursor.endEditBlock()

    def tip_at(self, pos: QPoint) -> str:
        """The definition of the term at `pos` (viewport coordinates), or ""."""
        return self.tips.get(self.browser.anchorAt(pos), "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip:  # shown as plain text, not as the markup Qt would guess it to be
                QToolTip.showText(event.globalPos(), plain_tip(tip, WRAP),
                                  self.browser.viewport())
                return True
        if (event.type() == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            self._reached()  # on release: a key event hides every tooltip shown before it
        return super().eventFilter(watched, event)

    def _reached(self) -> None:
        """Tab moved to a term (the cursor selects it): show its definition beside it."""
        cursor = self.browser.textCursor()
        href = cursor.charFormat().anchorHref()
        if cursor.hasSelection() and href in self.tips:
            rect = self.browser.cursorRect(cursor)
            QToolTip.showText(self.browser.viewport().mapToGlobal(rect.bottomLeft()),
                              plain_tip(self.tips[href], WRAP), self.browser.viewport())
