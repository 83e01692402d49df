"""The diagram at the default layout, measured as a person sees it (issue 17, points 5 and 6):
box labels at least 9 px on screen (the scene's font size times the view's scale) at 1366×768
and 1920×1080, light and dark; the key outside the drawing; the article in a reading column,
the rest of the width to the diagram; a drug's page marks the drug; F11 opens a full view;
Family view draws the small family around the page; a hidden diagram says so and comes back."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.diagram.family import family_around
from ildesk.ui import theme
from ildesk.ui.diagram_view import READABLE_PX
from ildesk.ui.main_window import MainWindow

NAMED = ("il-2", "il-6", "il-12", "il-17a", "il-1b")  # il-2: the widest drawing
SIZES = ((1366, 768), (1920, 1080))


@pytest.fixture(params=["light", "dark"])
def scheme(request: Any, qapp: Any) -> Iterator[str]:
    theme.apply(qapp, request.param)
    yield request.param
    theme.apply(qapp, "light")


def _settled(qtbot: Any, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.diagram is not None and w.diagram_dock.isVisible())
    qtbot.wait(30)  # the docks take their share once the window has its size


def _smallest(w: MainWindow) -> float:
    assert w.diagram is not None and w.diagram.diagram is not None
    return min(size for _, size in w.diagram.label_sizes())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_box_labels_read_at_9_px_at_the_default_layout(
        qtbot: Any, open_window: Callable[..., MainWindow], size: tuple[int, int],
        scheme: str) -> None:
    w = open_window(*size)
    _settled(qtbot, w)
    assert w.diagram is not None
    assert w.diagram.palette_().name == scheme
    for page_id in NAMED:
        w.open_page(page_id)
        assert w.diagram.page is not None and w.diagram.page["id"] == page_id
        assert _smallest(w) >= READABLE_PX, (page_id, w.diagram.label_sizes()[:3])
        # the key is under the drawing, not in it
        scene = w.diagram.scene.sceneRect()
        assert all(not scene.contains(e.x, e.y) for e in w.diagram.diagram.legend)
        assert w.diagram.key.isVisible() and w.diagram.key.keys
        assert w.diagram.key.geometry().top() >= w.diagram.view.geometry().bottom()


def test_every_interleukin_reads_at_9_px(qtbot: Any, open_window: Callable[..., MainWindow],
                                         content: Content) -> None:
    w = open_window(1366, 768)
    _settled(qtbot, w)
    small = {}
    for row in pages.list_pages(content, "interleukin"):
        w.open_page(row["id"])
        small[row["id"]] = _smallest(w)
    assert len(small) > 40
    assert min(small.values()) >= READABLE_PX, sorted(small.items(), key=lambda x: x[1])[:3]


def test_the_article_reads_in_a_column_and_the_diagram_takes_the_rest(
        qtbot: Any, open_window: Callable[..., MainWindow]) -> None:
    narrow = open_window(1366, 768)
    _settled(qtbot, narrow)
    wide = open_window(1920, 1080)
    _settled(qtbot, wide)
    wide.open_page("il-6")
    # lines of body text: about 85 characters at most, however wide the article is
    doc = wide.article.browser.document()
    lines, block = [], doc.begin()
    while block.isValid():
        layout = block.layout()  # every line of a paragraph but its last runs the full width
        lines += [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]
        block = block.next()
    assert len(lines) > 20
    assert 70 <= statistics.median(lines) <= 90 and max(lines) <= 100, sorted(lines)[-5:]
    # the 554 extra pixels go mostly to the diagram
    grew_diagram = wide.diagram_dock.width() - narrow.diagram_dock.width()
    grew_article = wide.article.width() - narrow.article.width()
    assert grew_diagram > grew_article and grew_diagram > 250, (grew_diagram, grew_article)
    assert wide.diagram_dock.width() >= 800


def test_a_drug_page_marks_the_drug_in_the_diagram(
        qtbot: Any, window: MainWindow) -> None:
    _settled(qtbot, window)
    window.open_page("dupilumab")
    panel = window.diagram
    assert panel is not None and panel.diagram is not None
    assert panel.diagram.highlight == "dupilumab"
    assert any(i.node.page_id == "dupilumab" for i in panel.node_items())
    assert "dupilumab" in panel.header.text()
    window.open_page(panel.page["id"] if panel.page else "il-4")  # its interleukin: no mark
    assert panel.diagram is not None and panel.diagram.highlight is None


def test_f11_opens_the_full_view_with_zoom_and_escape_returns(
        qtbot: Any, window: MainWindow, tmp_path: Any) -> None:
    _settled(qtbot, window)
    window.open_page("il-2")
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_F11)
    full = window.view.full
    assert full is not None
    qtbot.waitUntil(full.isVisible)
    assert full.width() > window.diagram_dock.width()
    labels = {i.node.label for i in full.panel.node_items()}
    assert {"IL-2", "IL2RG", "JAK3"} <= labels
    before = full.panel.view.transform().m11()
    full.panel.act_zoom_in.trigger()
    assert full.panel.view.transform().m11() > before
    assert full.panel.export_svg(tmp_path / "il2.svg")
    qtbot.keyClick(full, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not full.isVisible())
    assert window.diagram_dock.isVisible()


def test_family_view_draws_the_small_family_around_the_page(
        qtbot: Any, window: MainWindow, content: Content) -> None:
    families = pages.families(content)
    assert family_around("il-4", families) == "il-4-il-13"
    assert family_around("il-2", families) is None  # γc is its own family
    _settled(qtbot, window)
    window.open_page("il-4")
    panel = window.diagram
    assert panel is not None
    panel.act_family.trigger()
    labels = {i.node.label for i in panel.node_items()}
    assert {"IL-4", "IL-13", "IL4R", "IL2RG", "IL13RA1", "IL13RA2"} <= labels, labels
    assert "IL-7" not in labels and "IL-21" not in labels  # not all of γc
    assert _smallest(window) >= READABLE_PX


def test_a_hidden_diagram_says_so_and_comes_back_at_1024x640(
        qtbot: Any, open_window: Callable[..., MainWindow]) -> None:
    w = open_window(1024, 640)
    toggle = w.findChild(QToolButton, "diagram_toggle")
    assert toggle is not None
    qtbot.waitUntil(lambda: w.diagram_dock.isHidden() and toggle.isVisible())
    assert "diagram" in toggle.text().lower()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.diagram_dock.isVisible() and not toggle.isVisible())
    assert w.article.width() >= 380
    w.diagram_dock.close()  # the person closes it: the button comes back
    qtbot.waitUntil(toggle.isVisible)
    QApplication.processEvents()


def test_the_key_folds_away_and_the_drawing_gets_its_room(
        qtbot: Any, window: MainWindow) -> None:
    _settled(qtbot, window)
    window.open_page("il-6")
    panel = window.diagram
    assert panel is not None and panel.key.isVisible()
    before = panel.view.height()
    panel.act_key.trigger()  # the Key button
    qtbot.waitUntil(lambda: panel.view.height() > before)
    assert not panel.key.isVisible()
    window.open_page("il-2")  # stays folded from page to page, and in the next window
    assert not panel.key.isVisible()
    from ildesk.ui.diagram_panel import DiagramPanel

    again = DiagramPanel()
    qtbot.addWidget(again)
    assert not again.act_key.isChecked()


def test_full_view_is_in_the_view_menu_with_f11(window: MainWindow) -> None:
    found = [a for a in window.menus.view_menu.actions() if a.text() == "Diagram full view"]
    assert len(found) == 1 and found[0].shortcut().toString() == "F11"
