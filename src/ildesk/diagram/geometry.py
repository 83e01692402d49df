"""Small geometry helpers shared by the layouts: box sizes, labels, orthogonal routes."""

from __future__ import annotations

import math
import re
import textwrap

from ildesk.diagram.model import FONT_NODE, LINE_HEIGHT, Edge, EdgeKind, Node, text_width

BOX_H = 24.0
PAD_X = 16.0

Point = tuple[float, float]

# Sizes the interleukin and the family layouts share.
COMPLEX_GAP = 34.0
SLOT_GAP = 8.0
STACK_GAP = 26.0      # between a drug stack and the box it acts on (room for the bracket)
STACK_STEP = 4.0      # between boxes of one stack
ITEM_H = 20.0         # height of a one-line drug box
JAK_H = 22.0
JAK_STEP = 4.0
MEMBRANE_H = 30.0
TAIL_H = 18.0         # the part of a chain below the membrane
CHANNEL = 30.0        # the free band edges turn in between two rows
COMPACT_CHANNEL = 24.0
COMPACT_STACK_GAP = 18.0
LEVEL_GAP = 40.0      # between two steps of an adaptor cascade



def box_w(label: str, size: float = FONT_NODE, minimum: float = 44.0) -> float:
    """A box width that holds `label` at `size`, rounded up to whole units."""
    return float(max(minimum, math.ceil(text_width(label, size) + PAD_X)))


def box_h(label: str, size: float = FONT_NODE, minimum: float = BOX_H) -> float:
    lines = label.count("\n") + 1
    return float(max(minimum, math.ceil(lines * size * LINE_HEIGHT + 7)))


def wrap(text: str, max_chars: int) -> str:
    """Wrap `text` on spaces into lines of at most `max_chars` (long words stay whole).

    >>> wrap("JAK1 · JAK2 · TYK2", 9)
    'JAK1 ·\\nJAK2 ·\\nTYK2'
    """
    return textwrap.fill(" ".join(text.split()), max_chars, break_long_words=False,
                         break_on_hyphens=False)


def two_lines(text: str, limit: int = 16) -> str:
    """Split a long name at the space nearest its middle."""
    if len(text) <= limit or " " not in text:
        return text
    mid = len(text) / 2
    cut = min((i for i, ch in enumerate(text) if ch == " "), key=lambda i: abs(i - mid))
    return text[:cut] + "\n" + text[cut + 1:]


def short_caption(name: str) -> str:
    """A complex name without its parenthesis, unless that carries the meaning."""
    stripped = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if len(stripped) < 3 or re.search(r"propos|putative", name, re.I):
        return name
    return stripped


def node(id_: str, label: str, kind: str, x: float, y: float, w: float, h: float,
         page_id: str | None, tooltip: str, *, shared: bool = False, lane: str = "outside",
         style: str = "") -> Node:
    return Node(id=id_, label=label, kind=kind, x=round(x, 2), y=round(y, 2),  # type: ignore[arg-type]
                w=w, h=h, page_id=page_id, tooltip=tooltip, shared=shared,
                lane=lane, style=style)  # type: ignore[arg-type]


def edge(source: Node, target: Node, kind: EdgeKind, points: list[Point]) -> Edge:
    clean: list[Point] = []
    for x, y in points:
        p = (round(x, 2), round(y, 2))
        if not clean or clean[-1] != p:
            clean.append(p)
    # Drop middle points that lie on a straight line.
    out: list[Point] = []
    for p in clean:
        if len(out) >= 2:
            (x0, y0), (x1, y1) = out[-2], out[-1]
            if (x0 == x1 == p[0]) or (y0 == y1 == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return Edge(source=source.id, target=target.id, kind=kind, points=tuple(out))


def down_route(a: Node, b: Node, channel_y: float, start_x: float | None = None,
               end_x: float | None = None) -> list[Point]:
    """From the bottom of `a` down to `channel_y`, across, and down to the top of `b`."""
    sx = a.cx if start_x is None else start_x
    ex = b.cx if end_x is None else end_x
    return [(sx, a.bottom), (sx, channel_y), (ex, channel_y), (ex, b.y)]


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
