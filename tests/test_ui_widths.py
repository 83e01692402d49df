"""Nothing essential cut at the default widths (issue 17, point 8), measured with the
widgets' own font metrics at 1024 × 640 and 1366 × 768: the cell tree's "T-helper 17 cell
(n)", the bookmark names, receptor names in the result list, the diagram's Export button,
the search field's placeholder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QStyleOptionViewItem

from ildesk.ui.app import attach_library

SIZES = [(1024, 640), (1366, 768)]


@pytest.mark.parametrize("size", SIZES)
def test_the_cell_tree_shows_th17_whole(qtbot, open_window, size):
    w = open_window(*size)
    tree = w.facets.cells.tree
    item = w.facets.cells._items["th17-cell"][0]
    tree.scrollToItem(item)
    tree.horizontalScrollBar().setValue(0)
    text = item.text(0)
    assert text.startswith("T-helper 17 cell  (")
    rect = tree.visualItemRect(item)
    needed = QFontMetrics(tree.font()).horizontalAdvance(text)
    column_right = tree.header().sectionSize(0)
    assert rect.left() + needed + 4 <= column_right, "the column cuts the name"
    assert rect.left() + needed + 4 <= tree.viewport().width(), "the name runs off the list"


@pytest.mark.parametrize("size", SIZES)
def test_bookmark_rows_show_the_page_names(qtbot, open_window, store, size):
    w = open_window(*size)
    library = attach_library(w, open_start_page=False, store=store)
    for page_id in ("crohns-disease", "il-17a", "il17ra", "th17-cell", "rheumatoid-arthritis"):
        library.bookmarks.toggle(page_id, w.labels[page_id][0])
    qtbot.waitUntil(lambda: library.bookmarks.tree.topLevelItemCount() == 5)
    library.show_bookmarks()
    qtbot.waitUntil(library.bookmarks.isVisible)
    tree = library.bookmarks.tree
    qtbot.wait(20)
    fm = QFontMetrics(tree.font())
    width = tree.header().sectionSize(0)
    for i in range(tree.topLevelItemCount()):
        text = tree.topLevelItem(i).text(0)
        assert fm.horizontalAdvance(text) + 8 <= width, (text, width)


class _Recorder:
    """Stands in for the QPainter a delegate paints with: keeps every text drawn."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def drawText(self, *args) -> None:
        self.texts.append(str(args[-1]))

    def __getattr__(self, name):
        return lambda *a, **k: None


@pytest.mark.parametrize("size", SIZES)
def test_receptor_names_in_the_result_list_are_whole(qtbot, open_window, size):
    w = open_window(*size)
    w.search_field.setText("IL-17 receptor")
    qtbot.waitUntil(lambda: w.shown_text == "IL-17 receptor")
    view, model = w.results, w.model
    delegate = view.itemDelegate()
    checked = 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        hit = next((h for h in model.hits() if h.name == index.data()), None)
        if hit is None or hit.kind != "receptor":
            continue
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font = view.font()
        height = delegate.sizeHint(option, index).height()
        option.rect = QRect(0, 0, view.viewport().width(), height)
        painter = _Recorder()
        delegate.paint(painter, option, index)
        assert hit.name in painter.texts, (hit.name, painter.texts)
        assert (hit.short or hit.name) in painter.texts
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("size", SIZES)
def test_the_diagram_keeps_export_visible(qtbot, open_window, size):
    w = open_window(*size)
    w.open_page("il-6")
    panel = w.diagram
    if w.docks.diagram_toggle.isVisible():  # a narrow window: the diagram stepped aside
        w.docks.diagram_toggle.click()      # as the status bar offers
    qtbot.waitUntil(lambda: panel.isVisible())
    button = panel.export_button
    assert button.isVisible()
    assert panel.toolbar.rect().contains(button.geometry())
    assert {a.text() for a in button.menu().actions()} == {"Export SVG…", "Export PNG…"}


@pytest.mark.parametrize("size", SIZES)
def test_the_search_placeholder_fits(qtbot, open_window, size):
    w = open_window(*size)
    field = w.search_field
    field.clear()
    room = field.width() - 2 * 6 - 22  # the frame, text margins and the clear button
    for text in ("Search names, cells, diseases…", "Search within the filters…"):
        assert QFontMetrics(field.font()).horizontalAdvance(text) <= room, (text, room)
    assert field.placeholderText() == "Search names, cells, diseases…"


def test_a_name_that_only_spells_out_the_short_one_takes_no_line(qtbot, open_window):
    w = open_window(1024, 640)
    w.search_field.setText("IL-17")
    qtbot.waitUntil(lambda: w.shown_text == "IL-17")
    view, model = w.results, w.model
    option = QStyleOptionViewItem()
    option.initFrom(view)
    heights = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data() in ("Interleukin-17A", "interleukin 17 receptor A"):
            heights[index.data()] = view.itemDelegate().sizeHint(option, index).height()
    line = QFontMetrics(option.font).height()
    assert heights["interleukin 17 receptor A"] - heights["Interleukin-17A"] >= line


def _saved_on_a_screen(geometry: bytes, width: int) -> bytes:
    """`geometry` (QWidget.saveGeometry, format 3) as if saved on a screen `width` px wide:
    the screen's width follows the magic, the version, two rectangles, the screen number
    and the two state bytes."""
    at = 4 + 4 + 16 + 16 + 4 + 1 + 1
    assert geometry[:4] == bytes.fromhex("01d9d0cb") and geometry[4:6] == b"\x00\x03"
    return geometry[:at] + width.to_bytes(4, "big") + geometry[at + 4:]


@pytest.mark.parametrize("factor", [0.6, 1.6, 1.0])  # 1366 → 1920 px (0.71), back; same
def test_a_window_saved_on_another_screen_comes_up_at_this_screens_size(
        qtbot, content, searcher, factor):
    """The QA pass: after 1366 × 768, the window came up 870 × 609 on 1920 × 1080 (Qt
    refuses a geometry from a screen that much narrower, and the refusal was not seen), and
    once sized, the left column kept the old window's pixels and took the extra width."""
    from ildesk.ui.main_window import MainWindow
    from ildesk.ui.main_window.docks import WINDOW_MAX
    from ildesk.ui.settings import settings

    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    first = MainWindow(content, searcher)
    qtbot.addWidget(first)
    first.resize(area.width() - 40, area.height() - 100)
    first.show()
    qtbot.waitUntil(lambda: first.model.rowCount() > 0)
    first.main_split.setSizes([first.main_split.width() - 390, 390])  # a wide left column
    wide_left = first.main_split.sizes()[0]
    assert wide_left > 300
    first.close()  # saves the geometry, the docks and the splitters
    saved = bytes(settings().value("geometry").data())
    assert int.from_bytes(saved[46:50], "big") == screen.geometry().width()  # the field
    settings().setValue("geometry", QByteArray(_saved_on_a_screen(
        saved, int(screen.geometry().width() * factor))))
    w = MainWindow(content, searcher)
    qtbot.addWidget(w)
    expected = (min(WINDOW_MAX[0], int(area.width() * 0.9)),
                min(WINDOW_MAX[1], int(area.height() * 0.9)))
    if factor == 1.0:  # the same screen: the window as it was left
        expected = (area.width() - 40, area.height() - 100)
    assert (w.width(), w.height()) == expected
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0)
    if factor == 1.0:
        assert w.main_split.sizes()[0] == wide_left
    else:  # the left column of a new window this wide, not the old pixels
        w.restore_docks()  # as the library does, attached after the first paint
        new_left = w.docks.widths(w.width())[0]  # (the panel's minimum may add a few px)
        qtbot.waitUntil(lambda: 0 <= w.main_split.sizes()[0] - new_left <= 10)
        assert w.main_split.sizes()[0] < wide_left - 50
    w.close()
