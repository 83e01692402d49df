"""The article: a QTextBrowser that loads nothing by itself, with find-in-page.

Internal `ildesk:` links emit `page_requested` (an `ildesk:page#place` link then scrolls the
page to its place, a `#place` link scrolls the page on screen); a drug table's headings
(`#sort-COLUMN`) emit `sort_requested`; http(s) links open in the person's browser only when
clicked; every other scheme (file:, javascript:, data:) is ignored.
Above the article its Contents (`contents_bar.py`); in it, glossary terms with their
definitions as tooltips (`term_tips.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ildesk.article import drug_tables, links, outline
from ildesk.ui.contents_bar import ContentsBar
from ildesk.ui.plain import plain_tip
from ildesk.ui.term_tips import TermTips
from ildesk.ui.viewport import viewport

if TYPE_CHECKING:  # a link's address arrives as a QUrl only when one is hovered or clicked
    from PySide6.QtCore import QUrl

FOCUS_WIDTH = 2  # the frame round the article while it has the keyboard (as the result list)
READING_CHARS = 85  # the reading column holds about this many characters of body text
BODY_PT = 10.5  # the article's body text at zoom 1 (`ildesk.article.html.style`)


class SafeBrowser(QTextBrowser):
    """Never fetches a resource: images, style sheets and links from the data stay inert.

    Its text runs in a column of about `READING_CHARS` characters, centred when the view is
    wider (`reading_width`); `zoom` is the text size the article was rendered at."""

    def __init__(self) -> None:
        super().__init__()
        self.zoom = 1.0

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        return None

    def reading_width(self) -> int:
        """The column's width in pixels: `READING_CHARS` average characters of body text."""
        f = QFont(self.font())
        f.setPointSizeF(BODY_PT * self.zoom)
        return int(READING_CHARS * QFontMetricsF(f).averageCharWidth()) + 16

    def cap_column(self, width: int | None = None) -> None:
        """Centre the text in its reading column (margins of the document's root frame), for
        a viewport `width` pixels wide (by default the viewport's width now)."""
        if width is None:
            width = viewport(self).width()
        side = max(4.0, (width - self.reading_width()) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The margins first, for the width the text is about to have (the viewport's new
        # width, less the scroll bar a text taller than the view will need): the text is
        # then laid out once, not once for the width and again for the margins.
        width = event.size().width()
        bar = self.verticalScrollBar()
        if not bar.isVisibleTo(self) and self.document().size().height() > event.size().height():
            width -= bar.sizeHint().width()
        self.cap_column(width)
        super().resizeEvent(event)
        self.cap_column()  # the scroll bar came or went after all


class ArticleView(QWidget):
    page_requested = Signal(str)
    search_requested = Signal(str)
    external_opened = Signal(str)
    sort_requested = Signal(str)  # a drug-table column, by a click or Enter on its heading

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = SafeBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Article")
        self.browser.anchorClicked.connect(self._clicked)
        self.browser.highlighted.connect(self._hover)
        self.contents = ContentsBar(self.browser)
        self.terms = TermTips(self.browser)
        self._place = ""  # where the page being opened by a link should scroll to
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
        # room for the focus frame, kept whether or not it is drawn (nothing moves)
        layout.setContentsMargins(FOCUS_WIDTH, 0, FOCUS_WIDTH, FOCUS_WIDTH)
        layout.setSpacing(0)
        layout.addWidget(self.contents)
        layout.addWidget(self.browser, 1)
        self.browser.installEventFilter(self)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.browser and event.type() in (QEvent.Type.FocusIn,
                                                          QEvent.Type.FocusOut):
            self.update()  # the focus frame comes or goes
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.browser.hasFocus():  # F6 or a click put the keyboard here: say so
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Link), FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = FOCUS_WIDTH / 2
            painter.drawRect(self.browser.geometry().toRectF().adjusted(-half, -half, half,
                                                                        half))
            painter.end()

    def set_html(self, html: str, keep_scroll: bool = False) -> None:
        bar = self.browser.verticalScrollBar()
        pos = bar.value()
        if not keep_scroll:
            QToolTip.hideText()  # a glossary term's definition belongs to the page it was on
        self.browser.setHtml(html)
        self.browser.cap_column()
        self.contents.set_sections(outline.sections(html))
        place, self._place = self._place, ""
        if not (place and self.contents.jump_to_anchor(place)):
            bar.setValue(pos if keep_scroll else 0)
        if self.find_bar.isVisible() and self.find_field.text():
            self.find_next(restart=True)

    def reading_width(self) -> int:
        """The width the article needs for its reading column (with its scroll bar)."""
        # the bar's own size hint is the style's scroll-bar extent, asked in C++: from Python,
        # style().pixelMetric would make QStyle's type and enums (~6 ms) on a first start
        bar = self.browser.verticalScrollBar().sizeHint().width()
        return self.browser.reading_width() + bar + 2 * self.browser.frameWidth()

    def open_contents(self) -> None:
        """Ctrl+Shift+O: the Contents list, open, for arrows and Enter."""
        self.contents.open()

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
        self.find_status.setText(self.match_count(text) if found else "Not found")
        return found

    def match_count(self, text: str) -> str:
        """Which match the selection is, of how many: "3 of 12"."""
        doc = self.browser.document()
        at = self.browser.textCursor().selectionStart()
        total = index = 0
        cursor = doc.find(text, 0)
        while not cursor.isNull():
            total += 1
            if cursor.selectionStart() <= at:
                index = total
            cursor = doc.find(text, cursor)
        return f"{max(index, 1)} of {total}"

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
            self._place = links.fragment_of(target)  # taken by set_html when the page opens
            self.page_requested.emit(page)
            self._place = ""
        elif (column := drug_tables.sort_of(target)) is not None:
            self.sort_requested.emit(column)
        elif target.startswith(("#", f"{links.SCHEME}:#")):  # a place in this page
            self.contents.jump_to_anchor(links.fragment_of(target))
        elif target.startswith("search:"):  # the home page's example searches
            self.search_requested.emit(unquote(target[7:]))
        elif links.is_web(target):
            from ildesk.ui.external import open_web

            if open_web(self, target):
                self.external_opened.emit(target)
        # any other scheme (file:, javascript:, data:, …) is deliberately ignored
