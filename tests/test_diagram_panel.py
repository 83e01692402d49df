"""The diagram panel: it shows the model, clicks open pages, zoom and family view work."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.ui.diagram_panel import DiagramPanel, NodeItem


@pytest.fixture
def panel(qtbot: Any) -> DiagramPanel:
    w = DiagramPanel()
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def _item(panel: DiagramPanel, label: str) -> NodeItem:
    return next(i for i in panel.node_items() if i.node.label == label)


def test_set_interleukin_fills_the_scene(panel: DiagramPanel, content: Content) -> None:
    assert panel.node_items() == []
    panel.set_interleukin(pages.page(content, "il-6"))
    labels = {i.node.label for i in panel.node_items()}
    assert {"IL-6", "IL6R", "IL6ST", "JAK1", "STAT3"} <= labels
    assert "Interleukin-6" in _item(panel, "IL-6").toolTip()
    panel.set_interleukin(None)
    assert panel.node_items() == []
    assert not panel.act_svg.isEnabled()


def test_clicking_a_node_asks_for_its_page(panel: DiagramPanel, content: Content,
                                           qtbot: Any) -> None:
    panel.set_interleukin(pages.page(content, "il-6"))
    item = _item(panel, "JAK1")
    pos = panel.view.mapFromScene(item.sceneBoundingRect().center())
    with qtbot.waitSignal(panel.page_requested, timeout=2000) as sig:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == ["jak1"]
    item = _item(panel, "tocilizumab")
    pos = panel.view.mapFromScene(item.sceneBoundingRect().center())
    with qtbot.waitSignal(panel.page_requested, timeout=2000) as sig:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args == ["tocilizumab"]


def test_zoom_changes_the_view(panel: DiagramPanel, content: Content, qtbot: Any) -> None:
    panel.set_interleukin(pages.page(content, "il-1b"))
    fitted = panel.view.transform().m11()
    panel.act_zoom_in.trigger()
    assert panel.view.transform().m11() == pytest.approx(fitted * 1.25)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert panel.view.transform().m11() == pytest.approx(fitted)
    panel.view.zoom_by(3)
    qtbot.keyClick(panel.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert panel.view.transform().m11() == pytest.approx(fitted, rel=0.02)


def test_family_view_for_the_common_gamma_chain(panel: DiagramPanel, content: Content,
                                                qtbot: Any) -> None:
    page = pages.page(content, "il-2")
    assert page is not None
    panel.set_interleukin(page)
    fams = {f["id"]: f for f in pages.families(content)}

    def answer(family_id: str) -> None:
        fam = fams[family_id]
        panel.set_family(fam, [pages.page(content, m["id"]) for m in fam["members"]])

    panel.family_requested.connect(answer)
    with qtbot.waitSignal(panel.family_requested, timeout=2000) as sig:
        panel.act_family.trigger()
    assert sig.args == [page["family_id"]]
    labels = {i.node.label for i in panel.node_items()}
    assert {"IL2RG", "IL-2", "IL-4", "IL-7", "IL-9", "IL-15", "IL-21"} <= labels
    assert _item(panel, "IL2RG").node.shared
    panel.act_family.trigger()  # back to IL-2
    assert sum(1 for i in panel.node_items() if i.node.label == "IL-2") == 3


def test_export_from_the_panel(panel: DiagramPanel, content: Content, tmp_path: Any) -> None:
    panel.set_interleukin(pages.page(content, "il-8"))
    assert panel.export_svg(tmp_path / "il8.svg")
    assert "CXCR2" in (tmp_path / "il8.svg").read_text(encoding="utf-8")
    assert panel.export_png(tmp_path / "il8.png", scale=1.0)
    assert (tmp_path / "il8.png").stat().st_size > 1000


def test_dark_palette_follows_the_application(panel: DiagramPanel, qapp: Any) -> None:
    from PySide6.QtGui import QColor, QPalette

    old = qapp.palette()
    try:
        dark = QPalette(old)
        dark.setColor(QPalette.ColorRole.Window, QColor("#1f242b"))
        qapp.setPalette(dark)
        panel._palette = None
        assert panel.palette_().name == "dark"
    finally:
        qapp.setPalette(old)
        panel._palette = None
    assert panel.palette_().name != "dark"


def test_empty_panel_shows_a_hint(panel: DiagramPanel, content: Content) -> None:
    assert panel.hint is not None and panel.hint.isVisible()
    assert "Open an interleukin" in panel.hint.toPlainText()
    assert "IL-6" in panel.hint.toPlainText()
    view_centre = panel.view.viewport().rect().center()
    hint_centre = panel.view.mapFromScene(panel.hint.sceneBoundingRect().center())
    assert abs(hint_centre.x() - view_centre.x()) < 20
    assert abs(hint_centre.y() - view_centre.y()) < 20
    assert panel.hint.defaultTextColor().name() == panel.palette_().muted
    panel.set_interleukin(pages.page(content, "il-6"))
    assert panel.hint is None
    panel.set_interleukin(None)
    assert panel.hint is not None


def test_drawing_follows_the_panel_size_until_the_reader_zooms(
        panel: DiagramPanel, content: Content, qtbot: Any) -> None:
    panel.resize(200, 150)
    panel.set_interleukin(pages.page(content, "il-6"))
    qtbot.wait(10)
    small = panel.view.transform().m11()
    # too small to fit: the drawing stays readable and scrolls instead of shrinking
    assert small == pytest.approx(panel.view.readable_scale)
    assert min(size for _, size in panel.label_sizes()) >= 9.0
    assert panel.view.horizontalScrollBar().maximum() > 0
    panel.resize(1400, 1100)
    qtbot.waitUntil(lambda: panel.view.transform().m11() > small * 1.3)
    panel.view.zoom_by(1.5)
    zoomed = panel.view.transform().m11()
    panel.resize(400, 300)
    qtbot.wait(10)
    assert panel.view.transform().m11() == zoomed  # the reader's zoom is kept
    panel.act_fit.trigger()
    assert panel.view.transform().m11() < zoomed
