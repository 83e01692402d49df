"""Issue 18, point 4, in the window: the article's Contents (click or Ctrl+Shift+O, arrows and
Enter jump to a section; it follows the scroll), glossary terms with their definitions as
tooltips, and links to a place in a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from ildesk.kb import prose
from ildesk.ui.contents_bar import REACH

GLOSSARY_MD = Path(__file__).parents[1] / "data" / "articles" / "glossary.md"
IL6_SECTIONS = ["IL-6", "Function", "Producing and target cells", "Receptor and signalling",
                "Diseases", "Drugs", "History", "References"]


def entries(window) -> dict[str, str]:
    """The glossary as its file reads: heading -> the whole entry in plain words (a bare
    link read as the name of the page it links to)."""
    found = {}
    for line in GLOSSARY_MD.read_text(encoding="utf-8").splitlines():
        if line.startswith("- **"):
            text = prose.plain(line[2:], lambda i: window.labels[i][0])
            found[text.split(" — ")[0]] = text
    return found


def listed(window) -> list[str]:
    combo = window.article.contents.combo
    return [combo.itemText(i).strip("\u2003") for i in range(combo.count())]


def heading_tops(window) -> dict[str, int]:
    """Where each section heading is now, in pixels from the top of the article's view."""
    browser = window.article.browser
    tops = {}
    block = browser.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            tops[block.text()] = browser.cursorRect(QTextCursor(block)).top()
        block = block.next()
    return tops


def top_line(window) -> str:
    """The text of the line at the top of the article's view."""
    browser = window.article.browser
    return browser.cursorForPosition(QPoint(8, 6)).block().text()


def open_page(qtbot, window, page_id):
    window.open_page(page_id)
    qtbot.waitUntil(lambda: window.reader.shown.page_id == page_id)


def test_contents_lists_the_sections_of_il6_and_of_an_overview_article(qtbot, window):
    assert not window.article.contents.isVisible()  # Home has no sections
    open_page(qtbot, window, "il-6")
    assert window.article.contents.isVisible()
    assert listed(window) == IL6_SECTIONS
    open_page(qtbot, window, "interleukins-in-autoimmune-disease")
    assert listed(window) == [
        "Interleukins in autoimmune and inflammatory disease",
        "The IL-23/IL-17 axis: psoriasis and spondyloarthritis",
        "IL-6: rheumatoid arthritis, vasculitis and Castleman disease",
        "IL-1: the autoinflammatory diseases",
        "Type 2 cytokines: asthma, eczema and their relatives",
        "IL-10: when the brake is missing", "What the drugs have taught", "References"]
    assert window.article.contents.combo.currentIndex() == 0


def test_clicking_an_entry_puts_its_section_at_the_top(qtbot, window):
    open_page(qtbot, window, "il-6")
    combo = window.article.contents.combo
    combo.showPopup()  # as a click on it does
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    row = IL6_SECTIONS.index("Diseases")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(row, 0)).center())
    qtbot.waitUntil(lambda: not view.isVisible())
    assert top_line(window) == "Diseases"
    assert combo.currentText().strip() == "Diseases"
    assert window.reader.shown.page_id == "il-6"  # the same page, only scrolled


def test_the_keyboard_opens_contents_and_chooses_with_arrows_and_enter(qtbot, window):
    open_page(qtbot, window, "il-6")
    window.article.browser.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.article.contents.combo.view()
    qtbot.waitUntil(view.isVisible)
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert top_line(window) == "Producing and target cells"


def test_scrolling_moves_the_highlight_to_the_section_being_read(qtbot, window):
    open_page(qtbot, window, "il-6")
    combo = window.article.contents.combo
    browser = window.article.browser
    assert combo.currentText() == "IL-6"
    seen = []
    bar = browser.verticalScrollBar()
    while bar.value() < bar.maximum():
        qtbot.keyClick(browser, Qt.Key.Key_PageDown)
        tops = heading_tops(window)
        line = REACH  # at the end: the last heading in view
        if bar.value() == bar.maximum():
            line = browser.viewport().height() - REACH
        reached = [t for t, y in tops.items() if y <= line]
        assert combo.currentText().strip() == (reached[-1] if reached else "IL-6")
        seen.append(combo.currentText().strip())
    assert len(set(seen)) >= 4  # it followed the reader through several sections
    assert seen[-1] == "References"  # the end of the page, its last heading in view
    qtbot.keyClick(browser, Qt.Key.Key_Home)
    assert combo.currentText() == "IL-6"


def term_position(window, words: str | None = None) -> tuple[QPoint, str]:
    """A glossary term on screen (scrolled into view): its middle and its link."""
    browser = window.article.browser
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            href = frag.charFormat().anchorHref()
            if href.startswith("ildesk:glossary#") and words in (None, frag.text()):
                cursor = QTextCursor(browser.document())
                cursor.setPosition(frag.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                assert frag.charFormat().underlineStyle() == \
                    QTextCharFormat.UnderlineStyle.DotLine  # marked, subtly
                return browser.cursorRect(cursor).center(), href
            it += 1
        block = block.next()
    raise AssertionError(f"no glossary term {words!r} on the page")


def hover_tip(qtbot, window, pos: QPoint) -> str:
    viewport = window.article.browser.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos,
                                                viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QTextDocument()
    shown.setHtml(QToolTip.text())
    return " ".join(shown.toPlainText().split())


@pytest.mark.parametrize("words", ["gp130", "trans-signalling"])
def test_a_glossary_term_in_il6_shows_its_definition(qtbot, window, words):
    open_page(qtbot, window, "il-6")
    pos, _href = term_position(window, words)
    tip = hover_tip(qtbot, window, pos)
    glossary = entries(window)
    heading = next(h for h in glossary if h.lower().startswith(words))
    assert tip == glossary[heading]
    QToolTip.hideText()


def test_a_term_leads_to_its_glossary_entry(qtbot, window):
    open_page(qtbot, window, "il-6")
    pos, href = term_position(window, "gp130")
    qtbot.mouseClick(window.article.browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.reader.shown.page_id == "glossary")
    assert top_line(window).startswith("gp130 — the signal-transducing chain")
    assert href == "ildesk:glossary#g-gp130"


def test_on_the_glossary_page_an_entry_does_not_mark_its_own_term(qtbot, window):
    open_page(qtbot, window, "glossary")
    browser = window.article.browser
    block = browser.document().begin()
    while block.isValid():
        if block.text().startswith("Cytokine — "):
            it = block.begin()
            hrefs = []
            while not it.atEnd():
                hrefs.append(it.fragment().charFormat().anchorHref())
                it += 1
            assert "ildesk:glossary#g-cytokine" not in hrefs
            assert "ildesk:glossary#g-interleukin" in hrefs  # other terms are marked
            break
        block = block.next()
    else:
        raise AssertionError("no Cytokine entry")


def test_a_link_to_a_place_scrolls_the_page_and_never_opens_a_page_named_after_it(qtbot,
                                                                                window):
    open_page(qtbot, window, "il-6")
    history = window.reader.shown.can_go_back
    window.article.browser.anchorClicked.emit(QUrl("#drugs"))
    assert window.reader.shown.page_id == "il-6"
    assert window.reader.shown.can_go_back == history
    assert top_line(window) == "Drugs"
    assert "no page" not in window.statusBar().currentMessage()
    open_page(qtbot, window, "il-2")
    window.article.browser.anchorClicked.emit(QUrl("ildesk:il-6#function"))
    qtbot.waitUntil(lambda: window.reader.shown.page_id == "il-6")
    assert top_line(window) == "Function"
    last = list(heading_tops(window))[-1]  # the last section: too near the end to reach the top
    window.article.browser.anchorClicked.emit(QUrl(f"#{last.casefold()}"))
    bar = window.article.browser.verticalScrollBar()
    assert bar.value() == bar.maximum()  # scrolled as far as the page goes
    assert 0 <= heading_tops(window)[last] < window.article.browser.viewport().height()
    assert window.article.contents.combo.currentText().strip() == last
    window.article.browser.anchorClicked.emit(QUrl("#no-such-place"))
    assert window.reader.shown.page_id == "il-6"


def test_tab_reaches_a_term_and_shows_its_definition_and_enter_opens_the_entry(qtbot, window):
    open_page(qtbot, window, "il-6")
    browser = window.article.browser
    browser.setFocus()
    href = ""
    for _ in range(80):  # Tab walks the links of the page
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        href = browser.textCursor().charFormat().anchorHref()
        if href.startswith("ildesk:glossary#"):
            break
    assert href.startswith("ildesk:glossary#")
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QTextDocument()
    shown.setHtml(QToolTip.text())
    words = browser.textCursor().selectedText()
    glossary = entries(window)
    heading = next(h for h in glossary if h.lower().startswith(words.lower().rstrip("s")))
    assert " ".join(shown.toPlainText().split()) == glossary[heading]
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.reader.shown.page_id == "glossary")
    assert top_line(window).startswith(heading)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)  # gone with its page


def test_a_page_just_opened_names_its_top_not_its_last_section(qtbot, content, searcher):
    """As `ildesk open IL-6` does: the page is set before the window is first shown."""
    from ildesk.ui.main_window import MainWindow

    w = MainWindow(content, searcher)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.open_page("il-6")
    w.show()
    qtbot.waitUntil(lambda: w.reader.shown.page_id == "il-6")
    qtbot.wait(50)  # laid out and painted
    combo = w.article.contents.combo
    assert w.article.browser.verticalScrollBar().value() == 0
    assert combo.currentIndex() == 0 and combo.currentText().strip() == "IL-6"
    w.close()
    w.bg.wait()
