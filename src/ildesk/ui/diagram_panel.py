"""The diagram panel: the signalling diagram of the open interleukin, zoomable and clickable.

    panel = DiagramPanel()
    panel.page_requested.connect(window.open_page)       # a node was clicked
    panel.family_requested.connect(lambda fid: panel.set_family(fam, members))
    panel.set_interleukin(page, highlight="dupilumab")   # a drug's boxes stand out

Each box is one QGraphicsItem that paints itself with `ildesk.render.diagram.paint_node`, the
same code the SVG, PNG and PDF exports use. On screen the drawing is only the lanes and what
is in them: the title runs above it as a line of text and the key below it (`diagram_key`), so
that neither takes the drawing's room; the view keeps the labels readable (`diagram_view`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeySequence,
    QPainter,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QLabel,
    QMenu,
    QStyleOptionGraphicsItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ildesk.db.pages.types import Family, InterleukinPage
from ildesk.diagram import layout_family, layout_interleukin
from ildesk.diagram.family import family_around
from ildesk.diagram.model import Diagram, Edge, Node
from ildesk.render import diagram as render
from ildesk.render import palette as palettes
from ildesk.ui import plain
from ildesk.ui.diagram_export import DiagramExports
from ildesk.ui.diagram_key import KeyStrip
from ildesk.ui.diagram_view import ZOOM_MAX, ZOOM_MIN, ZOOM_STEP, DiagramView
from ildesk.ui.plain import plain_tip
from ildesk.ui.settings import settings

__all__ = ["ZOOM_MAX", "ZOOM_MIN", "ZOOM_STEP", "DiagramPanel", "DiagramView", "NodeItem"]

HINT = "Open an interleukin to see its signalling route\u00a0— for example IL-6 or IL-1β"
HINT_WIDTH = 300.0  # wraps in two balanced lines


def label_px(node: Node, band: tuple[float, float] | None) -> float:
    """The pixel size (in scene units) of `node`'s label as `paint_node` draws it."""
    return float(render.node_label(node, band)[1].pixelSize())


class _Backdrop(QGraphicsItem):
    def __init__(self, panel: DiagramPanel, diagram: Diagram) -> None:
        super().__init__()
        self.owner, self.diagram = panel, diagram
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:  # the drawing without title and legend
        return render.body_rect(self.diagram, chrome=False)

    def paint(self, p: QPainter, option: QStyleOptionGraphicsItem, widget: Any = None) -> None:
        render.paint_backdrop(p, self.diagram, self.owner.palette_(), chrome=False)
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
        focus = self.owner.diagram.highlight if self.owner.diagram else None
        render.paint_node(p, self.node, self.owner.palette_(), self.band,
                          highlight=self.hover and bool(self.node.page_id),
                          focus=bool(focus) and self.node.page_id == focus)

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


class DiagramPanel(DiagramExports):
    """Shows `set_interleukin(page, highlight)` or `set_family(family, members)`.

    Attributes: `diagram` (what is drawn), `page`, `header` (the title line), `key` (the key
    strip), `families` (`pages.families`: Family view picks the narrowest family around the
    page, `family_around`), `act_*` (the toolbar's actions; `act_full` opens the full view)."""

    page_requested = Signal(str)
    family_requested = Signal(str)
    saved = Signal(object)  # the file an export wrote (Path)
    full_view_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagram: Diagram | None = None
        self.hint: QGraphicsTextItem | None = None
        self.page: InterleukinPage | None = None
        self.highlight: str | None = None
        self.names: dict[str, tuple[str, str]] | None = None
        self.families: list[Family] = []
        self._palette: palettes.Palette | None = None
        self.scene = QGraphicsScene(self)
        self.view = DiagramView(self.scene, self)
        self.view.setAccessibleName("Signalling diagram drawing")
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
        self.act_key = self._act("Key", self._toggle_key)
        self.act_key.setCheckable(True)
        self.act_key.setToolTip("Show or hide the key under the drawing (each box also says "
                                "what it is when the pointer rests on it)")
        self.act_key.setChecked(bool(settings().value("diagram/key", True, type=bool)))
        self.act_full = self._act("Full view", self.full_view_requested.emit, "F11")
        self.act_full.setToolTip("Show the diagram big, with zoom and export (F11; "
                                 "Escape returns)")
        self.header = plain.plain_label(QLabel(self))
        self.header.setWordWrap(True)
        self.header.setContentsMargins(8, 4, 8, 2)
        self.header.setAccessibleName("Diagram title")
        self.note = plain.plain_label(QLabel(self))  # a disputed interleukin says so
        self.note.setWordWrap(True)
        self.note.setContentsMargins(8, 0, 8, 2)
        self.note.setAccessibleName("Diagram status note")
        self.key = KeyStrip(self.palette_, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.key)
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
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_fit, self.act_svg, self.act_png,
                  self.act_full, self.act_key):
            a.setEnabled(on)
        self.export_button.setEnabled(on)
        self.act_family.setEnabled(on and self.family_id() is not None)

    # -- public API ------------------------------------------------------------------------

    def set_names(self, names: dict[str, tuple[str, str]] | None) -> None:
        """Full names for tooltips (`pages.labels(content)`); optional."""
        self.names = names

    def family_id(self) -> str | None:
        """The family Family view draws for the page: the narrowest one around it."""
        if self.page is None:
            return None
        return family_around(self.page["id"], self.families) or self.page.get("family_id")

    def set_interleukin(self, page: InterleukinPage | None, highlight: str | None = None
                        ) -> None:
        """Draw `page` (None: the placeholder); `highlight` (a drug's page id) stands out."""
        self.page = page if page and page.get("kind", "interleukin") == "interleukin" else None
        self.highlight = highlight if self.page else None
        self.act_family.setChecked(False)
        self._show(self._own_diagram())

    def _own_diagram(self) -> Diagram | None:
        if self.page is None:
            return None
        return layout_interleukin(self.page, self.names, highlight=self.highlight)

    def set_family(self, family: Family, members: list[InterleukinPage]) -> None:
        self.act_family.setChecked(True)
        self._show(layout_family(family, members))

    def show_diagram(self, diagram: Diagram | None, page: InterleukinPage | None = None
                     ) -> None:
        """Draw a diagram laid out elsewhere (the full view shows the panel's own)."""
        self.page = page
        self._show(diagram)

    def palette_(self) -> palettes.Palette:
        if self._palette is None:
            app = QApplication.instance()
            self._palette = palettes.palette_for(app.palette() if app else None)  # type: ignore[attr-defined]
        return self._palette

    def label_sizes(self) -> list[tuple[str, float]]:
        """Each box label with its size on screen now, in pixels (scene size × the view's
        scale): what the readability tests measure."""
        scale = self.view.transform().m11()
        return [(i.node.label, label_px(i.node, i.band) * scale) for i in self.node_items()
                if i.node.label]

    # -- drawing ---------------------------------------------------------------------------

    def _show(self, diagram: Diagram | None) -> None:
        self.diagram = diagram
        self.scene.clear()
        self.hint = None
        self._enable(diagram is not None)
        self._header(diagram)
        self.key.set_keys([(e.key, e.label) for e in diagram.legend] if diagram else [])
        self._toggle_key(self.act_key.isChecked(), remember=False)
        if diagram is None:
            self.view.label_px = 0.0
            self._show_hint()
            return
        self.scene.addItem(_Backdrop(self, diagram))
        band = render.membrane_band(diagram)
        for n in diagram.nodes:
            self.scene.addItem(NodeItem(self, n, band))
        self.view.label_px = min((label_px(n, band) for n in diagram.nodes if n.label),
                                 default=0.0)
        self.scene.setSceneRect(render.body_rect(diagram, chrome=False))
        # a drawing taller than the view starts at its top (the ligand); across it is centred
        self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.view.resetTransform()
        self.view.fit()

    def _header(self, diagram: Diagram | None) -> None:
        self.note.setText(diagram.status_note if diagram else "")
        self.note.setVisible(bool(diagram and diagram.status_note))
        self._colour_note()
        if diagram is None:
            self.header.hide()
            return
        lines = [diagram.title, diagram.subtitle]
        if diagram.highlight:
            name = self.names.get(diagram.highlight, (diagram.highlight, ""))[0] \
                if self.names else diagram.highlight
            lines.append(f"Highlighted: {name}")
        self.header.setText("\n".join(x for x in lines if x))
        self.header.show()

    def _colour_note(self) -> None:
        self.note.setStyleSheet(f"color: {self.palette_().caution}; font-weight: bold;")

    def _toggle_key(self, checked: bool, remember: bool = True) -> None:
        # the key goes with its button: a panel without its toolbar (the compare window's
        # row of diagrams) shows none
        self.key.setVisible(checked and self.diagram is not None
                            and not self.toolbar.isHidden())
        if remember:
            settings().setValue("diagram/key", checked)

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
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
            self._colour_note()
            if self.hint is not None:
                self.hint.setDefaultTextColor(QColor(self.palette_().muted))
            self.scene.update()
        super().changeEvent(event)

    def _toggle_family(self, checked: bool) -> None:
        family = self.family_id()
        if checked and family:
            self.family_requested.emit(family)
        elif not checked and self.page:
            self._show(self._own_diagram())
