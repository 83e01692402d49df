"""The article's "Contents": a compact drop-down above the article listing its sections
(`ildesk.article.outline`). Choosing one scrolls it to the top of the view; scrolling the
article moves the choice to the section being read. Ctrl+Shift+O (Go ▸ Contents) opens it;
arrows and Enter choose.

    bar = ContentsBar(browser)
    bar.set_sections(outline.sections(html))   # after every setHtml
    bar.jump(2); bar.current()                  # -> 2
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTextBrowser, QWidget

from ildesk.article.outline import Section
from ildesk.ui.viewport import viewport

INDENT = "\u2003"  # a section under the page's title, as the list shows it
REACH = 24  # px: a heading this near the top of the view (or above it) is being read


class ContentsBar(QWidget):
    """Attributes: `combo` (the list; its current entry is the section being read) and
    `sections` (what it lists, the page's title first)."""

    def __init__(self, browser: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = browser
        self.sections: list[Section] = []
        self._blocks: list[QTextBlock | None] = []
        self._jumping = False
        self.combo = QComboBox()
        self.combo.setAccessibleName("Contents")
        self.combo.setToolTip("Sections of this page (Ctrl+Shift+O)")
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(30)
        self.combo.setMaxVisibleItems(20)
        label = QLabel("Contents")
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.activated.connect(self.jump)
        browser.verticalScrollBar().valueChanged.connect(lambda _v: self.follow())
        # A page set while its tab is hidden or not yet sized is laid out only when shown:
        # follow again then, or the list names whatever the unsized layout suggested.
        viewport(browser).installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.follow()
        return False

    def set_sections(self, sections: Sequence[Section]) -> None:
        """List `sections` of the document now in the browser (shown when it has two or more
        sections besides the title)."""
        self.sections = list(sections)
        blocks = self._headings()
        self._blocks = [blocks.get(s.anchor) if s.anchor else None for s in sections]
        self.combo.blockSignals(True)
        self.combo.clear()
        for s in self.sections:
            self.combo.addItem(s.title if s.level == 1 else INDENT + s.title)
        self.combo.blockSignals(False)
        self.setVisible(sum(s.level > 1 for s in self.sections) >= 2)
        self.follow()

    def _headings(self) -> dict[str, QTextBlock]:
        """The anchor of every section heading (an `<h2>` starts with it) and its block."""
        found: dict[str, QTextBlock] = {}
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and block.length() > 1:
                for name in block.begin().fragment().charFormat().anchorNames():
                    found.setdefault(name, block)
            block = block.next()
        return found

    def _anchored_blocks(self) -> dict[str, QTextBlock]:
        """Every `<a name>` of the document, and the block (paragraph, heading) it is in."""
        found: dict[str, QTextBlock] = {}
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    found.setdefault(name, block)
                it += 1
            block = block.next()
        return found

    def top(self, index: int) -> int:
        """Where the heading of section `index` is, in pixels from the top of the view."""
        block = self._blocks[index]
        if block is None:
            return -self.browser.verticalScrollBar().value()
        return self.browser.cursorRect(QTextCursor(block)).top()

    def current(self) -> int:
        """The section being read: the last one whose heading has reached the top; at the
        end of the page, where the last headings never reach it, the last one in view."""
        bar = self.browser.verticalScrollBar()
        line = (viewport(self.browser).height() - REACH if 0 < bar.maximum() <= bar.value()
                else REACH)
        current = 0
        for i in range(1, len(self.sections)):  # in order, so stop at the first one below
            if self.top(i) > line:  # (which lays the page out no further than needed)
                break
            current = i
        return current

    def follow(self) -> None:
        if not self._jumping and self.sections:
            self.combo.setCurrentIndex(self.current())

    def jump(self, index: int) -> None:
        """Scroll section `index` to the top of the view (as far as the page lets it)."""
        if not 0 <= index < len(self.sections):
            return
        self._jumping = True
        try:
            anchor = self.sections[index].anchor
            if anchor:
                self.browser.scrollToAnchor(anchor)
            else:
                self.browser.verticalScrollBar().setValue(0)
        finally:
            self._jumping = False
        self.combo.setCurrentIndex(index)

    def jump_to_anchor(self, anchor: str) -> bool:
        """Go to the section or place named `anchor`; False when the page has no such place."""
        for i, s in enumerate(self.sections):
            if s.anchor == anchor:
                self.jump(i)
                return True
        if anchor not in self._anchored_blocks():
            return False
        self.browser.scrollToAnchor(anchor)
        return True

    def open(self) -> None:
        """Focus the list and open it (the keyboard's way in)."""
        if self.isVisible():
            self.combo.setFocus()
            self.combo.showPopup()
