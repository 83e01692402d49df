"""Start-up without a jump (issue 17, point 13): the space of every dock is reserved in the
first frame, so the article keeps its width when the diagram and the library attach (the
program attaches them after the first complete screen)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextCursor

from ildesk.ui.app import attach_library
from ildesk.ui.main_window import MainWindow


class _Paints(QObject):
    """The article's width at each of its paints."""

    def __init__(self) -> None:
        super().__init__()
        self.widths: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.widths.append(watched.width())
        return False


def start(qtbot, content, searcher, width: int, height: int) -> tuple[MainWindow, _Paints]:
    w = MainWindow(content, searcher, lazy_diagram=True)  # as the program starts it
    qtbot.addWidget(w)
    paints = _Paints()
    w.article.browser.viewport().installEventFilter(paints)
    w.resize(width, height)
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0 and bool(paints.widths))
    return w, paints


def test_the_article_keeps_its_width_when_the_docks_attach(qtbot, content, searcher, store):
    for size in ((1366, 768), (1024, 640), (1920, 1080)):
        w, paints = start(qtbot, content, searcher, *size)
        first = w.article.width()
        assert paints.widths[0] == w.article.browser.viewport().width()
        w.attach_diagram()
        library = attach_library(w, open_start_page=False, store=store)
        qtbot.wait(50)
        w.open_page("il-6")
        qtbot.waitUntil(lambda p=paints: len(p.widths) >= 2)
        assert w.article.width() == first, size
        assert set(paints.widths) == {paints.widths[0]}, (size, paints.widths)
        assert library.notes_dock.isVisible() == w.diagram_dock.isVisible()
        w.close()
        w.bg.wait()


def _term_links(w: MainWindow) -> int:
    return w.article.browser.toHtml().count("ildesk:glossary#")


def test_glossary_marks_come_after_the_first_paint_without_moving_a_line(qtbot, content,
                                                                          searcher):
    """The program paints the article first and marks its glossary terms when the diagram
    attaches: then the terms are links with their definitions, the reader keeps the place
    and no line moves (the same text, underlined)."""
    w, _paints = start(qtbot, content, searcher, 1366, 768)
    w.open_page("il-6")
    browser = w.article.browser
    assert _term_links(w) == 0
    bar = browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    place, height = bar.value(), browser.document().size().height()
    w.attach_diagram()
    assert _term_links(w) > 5
    assert bar.value() == place
    assert browser.document().size().height() == height
    w.open_page("il-17a")  # and every page after it
    assert _term_links(w) > 0
    w.close()
    w.bg.wait()


def test_the_reading_column_stays_centred_however_the_article_is_resized(qtbot, content,
                                                                         searcher):
    """The reading column is centred at any width, scroll bar or not, and keeps its width
    when the page changes (its margins are the viewport's, which a new page leaves alone)."""
    w, _paints = start(qtbot, content, searcher, 1366, 768)
    browser = w.article.browser

    def centred() -> bool:
        """The text starts as far from the view's left edge as a centred column would, in the
        room between that edge and the scroll bar (if any)."""
        bar = browser.verticalScrollBar()
        frame = browser.frameWidth()
        edge = (bar.mapTo(browser, bar.rect().topLeft()).x() if bar.isVisible()
                else browser.width() - frame)
        room = edge - frame
        start = browser.cursorRect(QTextCursor(browser.document()))
        gap = browser.viewport().mapTo(browser, start.topLeft()).x() - frame
        return abs(gap - max(4.0, (room - browser.reading_width()) / 2)) <= 1.5

    for page in ("il-6", "jak1"):  # a long article, and a short one
        w.open_page(page)
        assert w.current_page["id"] == page
        for width in (1920, 1024, 1700, 800):
            w.resize(width, 1000 if page == "jak1" else 700)
            qtbot.waitUntil(centred, timeout=2000)
            assert browser.viewport().width() > 0
