"""Glossary terms in the article (`ildesk.article.glossary` marks them as links to their
entry, drawn with a dotted underline, the definition as their title): the definition shown as
a plain-text tooltip when the pointer rests on one or Tab reaches one. Enter (or a click)
opens the glossary at the entry.

    tips = TermTips(browser)
    tips.tip_at(pos)        # the definition under a point of the viewport, or ""
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip

from ildesk.ui.plain import plain_tip
from ildesk.ui.viewport import viewport

WRAP = 64  # characters a line of a definition


def _is_term_link(href: str) -> bool:
    # the glossary (its patterns) loads when a term is first pointed at, not with the window
    from ildesk.article.glossary import is_term_link

    return is_term_link(href)


class TermTips(QObject):
    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        viewport(browser).installEventFilter(self)
        browser.installEventFilter(self)  # Tab and Shift+Tab select the next link

    def tip_at(self, pos: QPoint) -> str:
        """The definition of the term at `pos` (viewport coordinates), or ""."""
        if not _is_term_link(self.browser.anchorAt(pos)):
            return ""
        b = self.browser
        at = QPointF(pos) + QPointF(b.horizontalScrollBar().value(),
                                    b.verticalScrollBar().value())
        hit = b.document().documentLayout().hitTest(at, Qt.HitTestAccuracy.ExactHit)
        if hit < 0:
            return ""
        cursor = QTextCursor(b.document())
        cursor.setPosition(hit + 1)  # a cursor has the format of the character before it
        return cursor.charFormat().toolTip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip:  # shown as plain text, not as the markup Qt would guess it to be
                QToolTip.showText(event.globalPos(), plain_tip(tip, WRAP),
                                  viewport(self.browser))
                return True
        if (event.type() == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            self._reached()  # on release: a key event hides every tooltip shown before it
        return super().eventFilter(watched, event)

    def _reached(self) -> None:
        """Tab moved to a term (the cursor selects it): show its definition beside it."""
        cursor = self.browser.textCursor()
        fmt = cursor.charFormat()
        if cursor.hasSelection() and _is_term_link(fmt.anchorHref()) and fmt.toolTip():
            rect = self.browser.cursorRect(cursor)
            QToolTip.showText(viewport(self.browser).mapToGlobal(rect.bottomLeft()),
                              plain_tip(fmt.toolTip(), WRAP), viewport(self.browser))
