"""The diagram panel: the signalling diagram of the open interleukin, zoomable and clickable.

    panel = DiagramPanel()
    panel.page_requested.connect(window.open_page)       # a node was clicked
    panel.family_requested.connect(lambda fid: panel.set_family(fam, members))
    panel.set_interleukin(page)

Each box is one QGraphicsItem that paints itself with `ildesk.render.diagram.paint_node`, the
same code the SVG, PNG and PDF exports use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QInputDialog,
    QMenu,
    QStyleOptionGraphicsItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ildesk.db.pages.types import Family, InterleukinPage
from ildesk.diagram import layout_family, layout_interleukin
from ildesk.diagram.model import Diagram, Edge, Node
from ildesk.render import diagram as render
from ildesk.render import export
from ildesk.render import palette as palettes
from ildesk.ui import plain
from ildesk.ui.plain import plain_tip
from ildesk.ui.save_dialog import ask_save_path

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0
HINT = "Open an interleukin to see its signalling route\u00a0— for example IL-6 or IL-1β"
HINT_WIDTH = 300.0  # wraps in two balanced lines


class _Backdrop(QGraphicsItem):
    def __init__(self, panel: DiagramPanel, diagram: Diagram) -> None:
        super().__init__()
        self.owner, self.diagram = panel, diagram
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.diagram.width, self.diagram.height)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None) -> None:
        render.paint_backdrop(p, self.diagram, self.owner.palette_())
        for e in self.diagram.edges:
            render.paint_edge(p, e, self.owner.palette_())


class NodeItem(QGraphicsItem):
    """One box; hover highlights it, a click asks for its page."""

    def __init__(self, panel: DiagramPanel, node: Node, band: tuple[float, float] | None) -> None:
        super().__init__()
        self.owner, self.node, self.band = panel, node, band
        self.hover = False
        self.setToolTip(plain_tip(node.tooltip + ("\n(click to open)" if node.page_id else "")))
        self.setAcceptHoverEvents(True)
        if node.page_id:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:
        n = self.node
        return QRectF(n.x - 3, n.y - 3, n.w + 6, n.h + 6)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        render.paint_node(p, self.node, self.owner.palette_(), self.band,
                          highlight=self.hover and bool(self.node.page_id))

    def hoverEnterEvent(self, event: Any) -> None:
        self.hover = True
        self.update()

    def hoverLeaveEvent(self, event: Any) -> None:
        self.hover = False
        self.update()

    def mousePressEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.node.page_id:
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.node.page_id:
            self.owner.page_requested.emit(self.node.page_id)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class DiagramView(QGraphicsView):
    """Wheel (with Ctrl, or a touchpad pinch) zooms; dragging pans."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        # The drawing follows the view's size (the window settling, the dock resized) until
        # the reader zooms; Fit brings that back.
        self.auto_fit = True

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(ZOOM_MIN / current, min(ZOOM_MAX / current, factor))
        self.auto_fit = False
        self.scale(factor, factor)

    def fit(self) -> None:
        self.auto_fit = True
        rect = self.scene().sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or \
                (event.angleDelta().x() == 0 and event.pixelDelta().isNull()):
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
                event.accept()
                return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                return True
        if event.type() == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # type: ignore[attr-defined]
            self.zoom_by(1.0 + event.value())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)


class DiagramPanel(QWidget):
    """Shows `set_interleukin(page)` or `set_family(family, members)`."""

    page_requested = Signal(str)
    family_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagram: Diagram | None = None
        self.hint: QGraphicsTextItem | None = None
        self.page: InterleukinPage | None = None
        self.names: dict[str, tuple[str, str]] | None = None
        self._palette: palettes.Palette | None = None
        self.scene = QGraphicsScene(self)
        self.view = DiagramView(self.scene, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Short labels (their tooltips say the rest) and Export as one menu, first: the
        # toolbar fits the dock of a 1024-pixel window, and Export is never in the overflow.
        self.act_svg = self._act("Export SVG…", self.export_svg, toolbar=False)
        self.act_png = self._act("Export PNG…", self.export_png, toolbar=False)
        export_menu = QMenu("Export", self)
        export_menu.addAction(self.act_svg)
        export_menu.addAction(self.act_png)
        self.export_button = QToolButton(self)
        self.export_button.setText("Export")
        self.export_button.setToolTip("Export the diagram as SVG or PNG")
        self.export_button.setAccessibleName("Export the diagram")
        self.export_button.setMenu(export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.act_export = self.toolbar.addWidget(self.export_button)
        self.toolbar.addSeparator()
        self.act_zoom_in = self._act("Zoom in", lambda: self.view.zoom_by(ZOOM_STEP),
                                     QKeySequence.StandardKey.ZoomIn, "Ctrl+=", label="+")
        self.act_zoom_out = self._act("Zoom out", lambda: self.view.zoom_by(1 / ZOOM_STEP),
                                      QKeySequence.StandardKey.ZoomOut, label="−")
        self.act_fit = self._act("Fit", self.view.fit, "Ctrl+0")
        self.act_family = self._act("Family view", self._toggle_family, label="Family")
        self.act_family.setCheckable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self._show(None)

    def _act(self, text: str, slot: Any, *keys: Any, label: str = "", toolbar: bool = True
             ) -> QAction:
        a = QAction(text, self)
        a.triggered.connect(slot)
        if keys:
            a.setShortcuts([QKeySequence(k) for k in keys])
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(a)
        if toolbar:
            if label:  # a short label on the button; the menu-style name in its tooltip
                a.setIconText(label)
                a.setToolTip(text + (f" ({a.shortcut().toString()})" if keys else ""))
            self.toolbar.addAction(a)
        return a

    def _enable(self, on: bool) -> None:
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_svg, self.act_png):
            a.setEnabled(on)
        self.export_button.setEnabled(on)
        self.act_family.setEnabled(on and bool(self.page and self.page.get("family_id")))

    # -- public API ------------------------------------------------------------------------

    def set_names(self, names: dict[str, tuple[str, str]] | None) -> None:
        """Full names for tooltips (`pages.labels(content)`); optional."""
        self.names = names

    def set_interleukin(self, page: InterleukinPage | None) -> None:
        self.page = page if page and page.get("kind", "interleukin") == "interleukin" else None
        self.act_family.setChecked(False)
        self._show(layout_interleukin(self.page, self.names) if self.page else None)

    def set_family(self, family: Family, members: list[InterleukinPage]) -> None:
        self.act_family.setChecked(True)
        self._show(layout_family(family, members))

    def palette_(self) -> palettes.Palette:
        if self._palette is None:
            app = QApplication.instance()
            self._palette = palettes.palette_for(app.palette() if app else None)  # type: ignore[attr-defined]
        return self._palette

    # -- drawing ---------------------------------------------------------------------------

    def _show(self, diagram: Diagram | None) -> None:
        self.diagram = diagram
        self.scene.clear()
        self.hint = None
        self._enable(diagram is not None)
        if diagram is None:
            self._show_hint()
            return
        self.scene.addItem(_Backdrop(self, diagram))
        band = render.membrane_band(diagram)
        for n in diagram.nodes:
            self.scene.addItem(NodeItem(self, n, band))
        self.scene.setSceneRect(QRectF(0, 0, diagram.width, diagram.height))
        self.view.resetTransform()
        self.view.fit()

    def _show_hint(self) -> None:
        """An empty panel says what it is for, centred, in the palette's muted colour."""
        pal = self.palette_()
        self.hint = QGraphicsTextItem()
        self.hint.setPlainText(HINT)
        self.hint.setTextWidth(HINT_WIDTH)
        opt = QTextOption(Qt.AlignmentFlag.AlignCenter)
        opt.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.hint.document().setDefaultTextOption(opt)
        f = QFont(self.font())
        f.setPointSizeF(max(10.0, f.pointSizeF() * 1.1))
        self.hint.setFont(f)
        self.hint.setDefaultTextColor(QColor(pal.muted))
        self.scene.addItem(self.hint)
        self.scene.setBackgroundBrush(QColor(pal.background))
        r = self.hint.boundingRect()
        self.hint.setPos(-r.width() / 2, -r.height() / 2)
        self.scene.setSceneRect(QRectF(-r.width() / 2 - 20, -r.height() / 2 - 20,
                                       r.width() + 40, r.height() + 40))
        self.view.resetTransform()
        self.view.centerOn(0, 0)

    def node_items(self) -> list[NodeItem]:
        return [i for i in self.scene.items() if isinstance(i, NodeItem)]

    def edges(self) -> tuple[Edge, ...]:
        return self.diagram.edges if self.diagram else ()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._palette = None
            self.scene.setBackgroundBrush(QColor(self.palette_().background))
            if self.hint is not None:
                self.hint.setDefaultTextColor(QColor(self.palette_().muted))
            self.scene.update()
        super().changeEvent(event)

    def _toggle_family(self, checked: bool) -> None:
        if checked and self.page and self.page.get("family_id"):
            self.family_requested.emit(self.page["family_id"])
        elif not checked and self.page:
            self._show(layout_interleukin(self.page, self.names))

    # -- export ----------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        stem = self.page["id"] if self.page and self.diagram else "diagram"
        if self.act_family.isChecked():
            stem = f"{stem}-family"
        return ask_save_path(self, title, Path.home() / f"{stem}{suffix}", pattern, suffix)

    def export_svg(self, path: Path | None = None) -> bool:
        if self.diagram is None:
            return False
        path = path or self._ask_path("Export diagram as SVG", ".svg", "SVG images (*.svg)")
        if path is None:
            return False
        return self._export(lambda: export.to_svg(self.diagram, path, palettes.LIGHT))

    def export_png(self, path: Path | None = None, scale: float | None = None) -> bool:
        if self.diagram is None:
            return False
        if scale is None:
            choice, ok = QInputDialog.getItem(self, "Export PNG", "Resolution:",
                                              ["1× (screen)", "2× (sharp)", "3×", "4× (print)"],
                                              1, False)
            if not ok:
                return False
            scale = float(choice[0])
        path = path or self._ask_path("Export diagram as PNG", ".png", "PNG images (*.png)")
        if path is None:
            return False
        s = scale
        return self._export(lambda: export.to_png(self.diagram, path, s, palettes.LIGHT))

    def _export(self, write: Any) -> bool:
        try:
            write()
        except export.DiagramExportError as exc:
            plain.warning(self, "Export failed", str(exc))
            return False
        return True
