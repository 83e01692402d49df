"""What a laid-out sheet is made of: the settings of one trial (`Fit`), the display list of
paint operations with their bounds, and `SheetLayout`, the result that is painted and tested
(nothing outside the content rectangle)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextLayout

from ildesk.db.pages.types import InterleukinPage


@dataclass
class Op:
    rect: QRectF

    def paint(self, p: QPainter) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass
class TextOp(Op):
    layout: QTextLayout
    pos: QPointF
    color: QColor

    def paint(self, p: QPainter) -> None:
        p.setPen(self.color)
        self.layout.draw(p, self.pos)


@dataclass
class LineOp(Op):
    color: QColor
    width: float

    def paint(self, p: QPainter) -> None:
        p.setPen(QPen(self.color, self.width))
        r = self.rect
        p.drawLine(QPointF(r.left(), r.top()), QPointF(r.right(), r.bottom()))


@dataclass
class BoxOp(Op):
    fill: QColor
    radius: float = 0.0

    def paint(self, p: QPainter) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.fill)
        p.drawRoundedRect(self.rect, self.radius, self.radius)
        p.setBrush(Qt.BrushStyle.NoBrush)


@dataclass
class DiagramOp(Op):
    page: InterleukinPage
    draw: Callable[[QPainter, InterleukinPage, QRectF, str | None], None]
    highlight: str | None = None  # the drug drawn in the accent (a drug's sheet)

    def paint(self, p: QPainter) -> None:
        p.save()
        self.draw(p, self.page, self.rect, self.highlight)
        p.restore()


@dataclass
class SwatchOp(Op):
    """One sample of the diagram's legend strip, drawn by the diagram source."""

    key: str
    draw: Callable[[QPainter, str, QRectF], None]

    def paint(self, p: QPainter) -> None:
        p.save()
        self.draw(p, self.key, self.rect)
        p.restore()


@dataclass
class GroupOp(Op):
    """A block laid out at the origin and shown moved by (dx, dy): a trial layout places a
    block without copying its ops; `flat` turns the groups of the chosen one into the ops
    themselves. `rect` bounds the block where it is shown."""

    ops: list[Op]
    dx: float
    dy: float

    def paint(self, p: QPainter) -> None:
        p.save()
        p.translate(self.dx, self.dy)
        for op in self.ops:
            op.paint(p)
        p.restore()


def bounds(ops: Sequence[Op]) -> QRectF:
    """The smallest rectangle around every op's bounds (an empty one at the origin for none)."""
    if not ops:
        return QRectF()
    rects = [op.rect for op in ops]
    left, top = min(r.left() for r in rects), min(r.top() for r in rects)
    return QRectF(left, top, max(r.right() for r in rects) - left,
                  max(r.bottom() for r in rects) - top)


def flat(ops: Sequence[Op]) -> list[Op]:
    """`ops` with every group replaced by its ops, moved to where it is shown."""
    out: list[Op] = []
    for op in ops:
        if type(op) is GroupOp:
            out += [moved(o, op.dx, op.dy) for o in flat(op.ops)]
        else:
            out.append(op)
    return out


class DiagramSource(Protocol):
    """What the layout needs from a diagram: its size in diagram units (the box labels are
    `label_units` high in those units), its legend keys, and painters."""

    label_units: float

    def __call__(self, p: QPainter, page: InterleukinPage, rect: QRectF,
                 highlight: str | None = None) -> None: ...

    def size(self, page: InterleukinPage, highlight: str | None = None
             ) -> tuple[float, float]: ...

    def legend(self, page: InterleukinPage, highlight: str | None = None
               ) -> Sequence[tuple[str, str]]: ...

    def swatch(self, p: QPainter, key: str, rect: QRectF) -> None: ...


@dataclass(frozen=True)
class Fit:
    body_pt: float = 9.0
    diagram_pt: float = 7.5   # the size the diagram's box labels are planned at, on paper
    max_items: int | None = None
    sentences: int = 4
    max_paragraphs: int | None = None
    references: int = 3
    drop_sections: int = 0    # sections at the end left out (never one with kept items)
    compact: int = 0          # lists: 1 in fewer words, closer; 2 also in two columns
    limits: tuple[tuple[int, int | None], ...] = ()  # (section index, its own max_items)
    grow: float = field(default=0.0, compare=False)  # extra height given to the diagram
    beside: bool | None = None  # the diagram beside the table (None: when it reads well there)
    column: float = 0.44  # the share of the width the diagram takes beside the table

    def items_for(self, index: int) -> int | None:
        """How many items the section at `index` has room for (None: all)."""
        return next((n for i, n in self.limits if i == index), self.max_items)


@dataclass
class SheetLayout:
    """Where everything on one page goes. `fits` is True when nothing crosses `content`."""

    content: QRectF
    ops: list[Op]
    fit: Fit
    bottom: float = 0.0
    limit: float = 0.0
    slack: float = 0.0  # height beside the diagram the table takes anyway (free to grow into)

    @property
    def fits(self) -> bool:
        return self.bottom <= self.limit + 0.5 and not self.outside()

    def rects(self) -> list[QRectF]:
        return [op.rect for op in self.ops]

    def outside(self, tolerance: float = 0.5) -> list[QRectF]:
        c = self.content
        return [r for r in self.rects()
                if r.left() < c.left() - tolerance or r.top() < c.top() - tolerance
                or r.right() > c.right() + tolerance or r.bottom() > c.bottom() + tolerance]

    def text(self) -> str:
        return "\n".join(op.layout.text() for op in self.ops if isinstance(op, TextOp))

    def paint(self, p: QPainter) -> None:
        for op in self.ops:
            op.paint(p)


def moved(op: Op, dx: float, dy: float) -> Op:
    """`op` shifted by (dx, dy)."""
    r = op.rect.translated(dx, dy)
    if type(op) is TextOp:
        return TextOp(r, op.layout, QPointF(op.pos.x() + dx, op.pos.y() + dy), op.color)
    if type(op) is LineOp:
        return LineOp(r, op.color, op.width)
    if type(op) is GroupOp:
        return GroupOp(r, op.ops, op.dx + dx, op.dy + dy)
    return replace(op, rect=r)
