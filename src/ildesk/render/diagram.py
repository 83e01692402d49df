"""Draw a signalling diagram (ildesk.diagram.model) with QPainter: on screen, SVG, PNG, PDF.

    paint(painter, diagram, QRectF(0, 0, 640, 300), LIGHT)   # scaled to fit, centred

(`ildesk.render.export` writes SVG and PNG files with it; `ildesk.render.palette` holds the
colours.)

One drawing code: the panel's graphics items call `paint_node`, `paint_edge` and
`paint_backdrop` in diagram coordinates, and `paint` calls the same functions. Text stays text
(SVG and PDF keep the names searchable).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from ildesk.diagram.model import (
    FONT_LANE,
    FONT_NODE,
    FONT_PRINT_SMALL,
    FONT_SMALL,
    FONT_TITLE,
    LINE_HEIGHT,
    Diagram,
    Edge,
    LegendEntry,
    Node,
)
from ildesk.render.diagram_text import draw, draw_text, font, recording
from ildesk.render.palette import LIGHT, Palette, palette_for
from ildesk.render.typeface import ensure_app

BOLD_KINDS = frozenset({"ligand", "chain", "decoy", "antagonist", "subunit"})
"""The kinds of box whose label is set in bold."""

# -- nodes -----------------------------------------------------------------------------------


def _membrane_label_rect(node: Node, membrane: tuple[float, float] | None,
                         badge: float = 11.0) -> QRectF:
    top = node.y + (badge + 2 if node.shared else 0)
    if membrane and node.lane == "membrane" and node.y < membrane[0] < node.bottom:
        return QRectF(node.x, top, node.w, membrane[0] - top)
    return QRectF(node.x, top, node.w, node.bottom - top)


def node_label(node: Node, membrane: tuple[float, float] | None = None, compact: bool = False,
               focus: bool = False) -> tuple[QRectF, QFont]:
    """Where a box's label is drawn and the font it is set in: the size the layout planned,
    never shrunk, because the layout sized the box with the font's real widths
    (`ildesk.diagram.model.text_width`); a test checks every label fits its box."""
    rect = _membrane_label_rect(node, membrane, 13.0 if compact else 11.0).adjusted(2, 1, -2, -1)
    size = FONT_NODE - (1 if node.kind == "gene" and not compact else 0)
    return rect, font(size, node.kind in BOLD_KINDS or focus, node.kind == "gene")


def paint_node(p: QPainter, node: Node, pal: Palette, membrane: tuple[float, float] | None = None,
               highlight: bool = False, compact: bool = False, focus: bool = False) -> None:
    """One box in diagram coordinates: fill by kind, dashed when decoy or disputed, badge when
    shared. `highlight` (hover) thickens the border; `focus` (the drug a fact sheet is about)
    fills the box with its border colour inside a thick accent edge. `compact` (print) sets
    the badge and the target genes as large as the other labels."""
    fill, border, ink = pal.fills.get(node.kind, pal.fills["pathway"])
    r = QRectF(node.x, node.y, node.w, node.h)
    radius = min(node.h / 2, 12.0) if node.kind in ("ligand", "subunit", "antagonist") else 6.0
    if node.style == "soluble":
        radius = min(node.h / 2, 14.0)
    pen = QPen(QColor(pal.shared if node.shared else border), 2.4 if node.shared else 1.2)
    if node.kind == "decoy":
        pen.setStyle(Qt.PenStyle.DashLine)
    if node.style == "unknown":
        pen.setStyle(Qt.PenStyle.DotLine)
        fill = pal.fills["decoy"][0]
    if node.style == "disputed":
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(1.6)
    if highlight:
        pen.setWidthF(pen.widthF() + 1.2)
    if focus:  # inverted: the box filled with its border colour, a thick accent edge
        fill, ink = border, pal.background
        pen = QPen(QColor(pal.focus), 2.6)
    p.setPen(pen)
    p.setBrush(QBrush(QColor(fill)))
    p.drawRoundedRect(r, radius, radius)
    if node.style == "gpcr" and membrane:
        _seven_helices(p, node, membrane, border)
    badge_h = 13.0 if compact else 11.0
    if node.shared:
        badge = QRectF(node.x + 4, node.y + 3, node.w - 8, badge_h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(pal.shared))
        p.drawRoundedRect(badge, badge_h / 2, badge_h / 2)
        draw_text(p, badge, "shared", FONT_PRINT_SMALL if compact else 8.0, pal.background,
              bold=True)
    if node.label:
        label_rect, label_font = node_label(node, membrane, compact, focus)
        draw(p, label_rect, node.label, label_font, ink, Qt.AlignmentFlag.AlignCenter)


def _seven_helices(p: QPainter, node: Node, membrane: tuple[float, float], color: str) -> None:
    top, bottom = membrane[0] + 2, membrane[1] - 2
    step = (node.w - 12) / 7
    p.setPen(QPen(QColor(color), 1.0))
    p.setBrush(QColor(color).lighter(130))
    for i in range(7):
        x = node.x + 6 + i * step + step * 0.15
        p.drawRoundedRect(QRectF(x, top, step * 0.7, bottom - top), 2, 2)


# -- edges -----------------------------------------------------------------------------------


def _arrow_head(p: QPainter, tip: QPointF, frm: QPointF, color: QColor, size: float) -> None:
    dx, dy = tip.x() - frm.x(), tip.y() - frm.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    left = QPointF(base.x() - uy * size * 0.5, base.y() + ux * size * 0.5)
    right = QPointF(base.x() + uy * size * 0.5, base.y() - ux * size * 0.5)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawPolygon(QPolygonF([tip, left, right]))


def paint_edge(p: QPainter, edge: Edge, pal: Palette) -> None:
    """A polyline with an arrowhead (activation, phosphorylation, entry into the nucleus,
    binding), a T-bar (inhibition) or a plain end (association)."""
    if len(edge.points) < 2:
        return
    color = QColor(pal.edges.get(edge.kind, pal.muted))
    pen = QPen(color, 1.5 if edge.kind != "associates" else 1.2)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if edge.kind == "translocates" or edge.style == "proposed":
        pen.setStyle(Qt.PenStyle.DashLine)
    pts = [QPointF(x, y) for x, y in edge.points]
    tip, before = pts[-1], pts[-2]
    path = QPainterPath(pts[0])
    head = {"inhibits": 0.0, "associates": 0.0, "binds": 6.0}.get(edge.kind, 8.0)
    if head:  # stop the line at the base of the head so the tip stays sharp
        dx, dy = tip.x() - before.x(), tip.y() - before.y()
        length = math.hypot(dx, dy) or 1.0
        short = QPointF(tip.x() - dx / length * head * 0.8, tip.y() - dy / length * head * 0.8)
        for q in pts[1:-1]:
            path.lineTo(q)
        path.lineTo(short)
    else:
        for q in pts[1:]:
            path.lineTo(q)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    if head:
        _arrow_head(p, tip, before, color, head)
    elif edge.kind == "inhibits":
        dx, dy = tip.x() - before.x(), tip.y() - before.y()
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * 6, dx / length * 6
        p.setPen(QPen(color, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawLine(QPointF(tip.x() - nx, tip.y() - ny), QPointF(tip.x() + nx, tip.y() + ny))


# -- lanes, captions, title, legend ---------------------------------------------------------


def _bilayer(y: float, h: float, x0: float, x1: float) -> tuple[QPainterPath, QPainterPath]:
    """The lipid tails (to stroke) and heads (to fill) of a membrane band, as two paths:
    two draw calls instead of hundreds, and much smaller PDFs."""
    return _bilayer_paths(round(y, 2), round(h, 2), round(x0, 2), round(x1, 2))


@lru_cache(maxsize=256)
def _bilayer_paths(y: float, h: float, x0: float, x1: float
                   ) -> tuple[QPainterPath, QPainterPath]:
    r = 3.0
    tails, heads = QPainterPath(), QPainterPath()
    x = x0 + r
    while x < x1 - r:
        for top in (True, False):
            cy = y + r if top else y + h - r
            sign = 1 if top else -1
            for dx in (-1.0, 1.0):
                tails.moveTo(x + dx, cy + sign * r)
                tails.lineTo(x + dx, cy + sign * (h / 2 - 2))
            heads.addEllipse(QPointF(x, cy), r, r)
        x += 2 * r + 1.6
    return tails, heads


def _membrane(p: QPainter, y: float, h: float, x0: float, x1: float, pal: Palette) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    band = QColor(pal.head).lighter(150) if pal.name != "dark" else QColor(pal.tail).darker(180)
    p.setBrush(band)
    p.drawRect(QRectF(x0, y, x1 - x0, h))
    tails, heads = _bilayer(y, h, x0, x1)
    p.setPen(QPen(QColor(pal.tail), 0.9))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tails)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(pal.head))
    p.drawPath(heads)


def membrane_band(diagram: Diagram) -> tuple[float, float] | None:
    lane = diagram.lane("membrane")
    return (lane.y, lane.y + lane.h) if lane else None


def body_rect(diagram: Diagram, chrome: bool = True) -> QRectF:
    """The part of `diagram` that `paint` shows: all of it, or without chrome (title, subtitle
    and legend) just the lanes and what is in them."""
    if chrome or not diagram.lanes:
        return QRectF(0, 0, diagram.width, diagram.height)
    top = min(lane.y for lane in diagram.lanes)
    bottom = max(lane.y + lane.h for lane in diagram.lanes)
    right = max([n.right for n in diagram.nodes] + [c.x + c.w for c in diagram.captions]
                + [diagram.gutter + 40])
    right = min(diagram.width, right + (8 if diagram.compact else 16))
    return QRectF(0, top, right, bottom - top)


def _lanes_right(diagram: Diagram, chrome: bool) -> float:
    if not chrome:
        return body_rect(diagram, False).right() - 2
    if diagram.legend and diagram.lanes and \
            diagram.legend[0].y < diagram.lanes[-1].y + diagram.lanes[-1].h:
        return diagram.legend[0].x - 14  # the legend stands beside the lanes
    return diagram.width - 6


def paint_backdrop(p: QPainter, diagram: Diagram, pal: Palette, background: bool = True,
                   chrome: bool = True) -> None:
    """Everything but boxes and arrows: background, lanes, membrane, captions and, with
    `chrome`, the title, subtitle and legend."""
    if background:
        p.fillRect(body_rect(diagram, chrome), QColor(pal.background))
    x0, x1 = diagram.gutter, _lanes_right(diagram, chrome)
    narrow = diagram.gutter < 40  # lane names run up the side
    for lane in diagram.lanes:
        if lane.name == "membrane":
            _membrane(p, lane.y, lane.h, x0, x1, pal)
        elif lane.name == "nucleus":
            p.setPen(QPen(QColor(pal.nucleus_border), 1.2))
            p.setBrush(QColor(pal.nucleus))
            outer = QRectF(x0 + 4, lane.y + 3, x1 - x0 - 8, lane.h - 6)
            p.drawRoundedRect(outer, 18, 18)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(outer.adjusted(3, 3, -3, -3), 15, 15)
        else:
            p.fillRect(QRectF(x0, lane.y, x1 - x0, lane.h),
                       QColor(pal.outside if lane.name == "outside" else pal.cytoplasm))
        if narrow:
            if lane.name != "membrane":  # the bilayer speaks for itself; too thin for a name
                draw_text(p, QRectF(1, lane.y + 1, x0 - 3, lane.h - 2),
                      lane.label.replace("\n", " "), diagram.small_font, pal.muted,
                      italic=True, rotated=True)
            continue
        label_h = lane.h if lane.name == "membrane" else min(lane.h, 34.0)
        align = Qt.AlignmentFlag.AlignRight | (Qt.AlignmentFlag.AlignVCenter
                                               if lane.name == "membrane"
                                               else Qt.AlignmentFlag.AlignTop)
        draw_text(p, QRectF(4, lane.y + (0 if lane.name == "membrane" else 6), x0 - 10,
                        label_h), lane.label, FONT_LANE, pal.muted, italic=True, align=align)
    for c in diagram.captions:
        draw_text(p, QRectF(c.x, c.y, c.w, c.h + 2), c.text, diagram.small_font, pal.muted,
              italic=c.kind != "signalling")
    if not chrome:
        return
    draw_text(p, QRectF(16, 8, diagram.width - 32, FONT_TITLE * 1.4), diagram.title, FONT_TITLE,
          pal.text, bold=True, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    sub_top = 8 + FONT_TITLE * 1.45
    if diagram.subtitle:
        draw_text(p, QRectF(16, sub_top, diagram.width - 32, FONT_SMALL * LINE_HEIGHT
                        + 2), diagram.subtitle, FONT_SMALL + 1, pal.muted,
              align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if diagram.status_note:
        note_top = sub_top + (FONT_SMALL * LINE_HEIGHT + 4 if diagram.subtitle else 0)
        draw_text(p, QRectF(16, note_top, diagram.width - 32, FONT_SMALL * LINE_HEIGHT + 2),
              diagram.status_note, FONT_SMALL + 1, pal.caution, bold=True,
              align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for entry in diagram.legend:
        _legend_entry(p, entry, pal)


def paint_swatch(p: QPainter, key: str, rect: QRectF, pal: Palette) -> None:
    """The legend's sample of `key` (a node kind, an edge kind, "shared", "soluble" or
    "proposed": a dashed binding arrow)."""
    if key in pal.edges or key == "proposed":
        y = rect.center().y()
        kind, style = ("binds", "proposed") if key == "proposed" else (key, "")
        paint_edge(p, Edge("", "", kind, ((rect.left(), y), (rect.right(), y)), style),  # type: ignore[arg-type]
                   pal)
        return
    kind = {"shared": "chain", "soluble": "chain"}.get(key, key)
    fill, border, _ = pal.fills.get(kind, pal.fills["pathway"])
    pen = QPen(QColor(pal.shared if key == "shared" else border),
               2.2 if key == "shared" else 1.1)
    if key == "decoy":
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QColor(fill))
    rad = min(rect.height() / 2, 6.0) if key in ("soluble", "ligand", "antagonist") else 3.0
    p.drawRoundedRect(rect, rad, rad)


def _legend_entry(p: QPainter, e: LegendEntry, pal: Palette) -> None:
    paint_swatch(p, e.key, QRectF(e.x, e.y + 1, 20, e.h - 2), pal)
    draw_text(p, QRectF(e.x + 25, e.y - 2, e.w - 25, e.h + 4), e.label, FONT_SMALL, pal.muted,
          align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def fit_scale(diagram: Diagram, target: QRectF, chrome: bool = True) -> float:
    """Target units per diagram unit when `paint` draws `diagram` into `target`."""
    body = body_rect(diagram, chrome)
    if body.width() <= 0 or body.height() <= 0:
        return 0.0
    return min(target.width() / body.width(), target.height() / body.height())


def paint(painter: QPainter, diagram: Diagram, target: QRectF, palette: Any = None,
          chrome: bool = True, highlight: str | None = None) -> None:
    """Draw `diagram` scaled uniformly to fit `target`, centred; the painter is restored.

    `chrome=False` (the fact sheet) leaves out the title and subtitle, which the sheet's header
    already says, and the legend, which the sheet prints as a strip of its own; the drawing is
    cropped to its lanes so that it fills `target` as fully as its shape allows.

    `highlight` (a page id; default `diagram.highlight`) makes the boxes of that page stand
    out (`paint_node`'s `focus`), e.g. the drug a fact sheet is about."""
    focus = highlight if highlight is not None else diagram.highlight
    pal = palette_for(palette)
    body = body_rect(diagram, chrome)
    scale = fit_scale(diagram, target, chrome)
    if scale <= 0 or target.width() <= 0:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.translate(target.x() + (target.width() - body.width() * scale) / 2,
                      target.y() + (target.height() - body.height() * scale) / 2)
    painter.scale(scale, scale)
    painter.translate(-body.x(), -body.y())
    painter.setClipRect(body)
    paint_backdrop(painter, diagram, pal, chrome=chrome)
    for e in diagram.edges:
        paint_edge(painter, e, pal)
    band = membrane_band(diagram)
    for n in diagram.nodes:
        paint_node(painter, n, pal, band, compact=diagram.compact,
                   focus=bool(focus) and n.page_id == focus)
    painter.restore()


def label_sizes(diagram: Diagram, chrome: bool = True) -> list[tuple[str, float]]:
    """Every text `paint` draws, with its font size in diagram units (after shrinking to fit
    its box): multiplied by `fit_scale` it is the size on the page."""
    ensure_app()
    img = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(img)
    try:
        with recording() as drawn:
            body = body_rect(diagram, chrome)
            paint(p, diagram, QRectF(0, 0, body.width(), body.height()), LIGHT, chrome)
        return list(drawn)
    finally:
        p.end()
