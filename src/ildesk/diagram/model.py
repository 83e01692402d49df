"""The signalling diagram as plain geometry: boxes, polylines, lanes and a legend.

Coordinates are floats in diagram units (about one pixel at 100 %), origin top-left, y down.
Everything is a frozen dataclass, so two layouts of the same page compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ildesk.diagram import _advances

NodeKind = Literal["ligand", "subunit", "chain", "decoy", "kinase", "stat", "adaptor", "pathway",
                   "nucleus", "gene", "drug", "antagonist"]
EdgeKind = Literal["binds", "associates", "phosphorylates", "translocates", "activates",
                   "inhibits"]
LaneName = Literal["outside", "membrane", "cytoplasm", "nucleus"]

NODE_KINDS: tuple[str, ...] = ("ligand", "subunit", "chain", "decoy", "kinase", "stat", "adaptor",
                               "pathway", "nucleus", "gene", "drug", "antagonist")
EDGE_KINDS: tuple[str, ...] = ("binds", "associates", "phosphorylates", "translocates",
                               "activates", "inhibits")

# Font sizes (diagram units) the layout sizes its boxes for; the renderer uses the same ones.
FONT_NODE = 11.0
FONT_SMALL = 9.0
FONT_TITLE = 15.0
FONT_LANE = 10.0
# A compact (print) diagram sets its smaller texts (captions, lane names, "shared" badges) a
# little larger, so that nothing prints much below the size of the box labels.
FONT_PRINT_SMALL = 10.0
GUTTER_WIDE = 84.0     # the left column that names the lanes (screen)
GUTTER_COMPACT = 18.0  # print: lane names run up the side, rotated
CHAR_WIDTH = 0.62  # a character the width table lacks: its estimated advance, in ems
LINE_HEIGHT = 1.3  # line spacing, as a multiple of the font size

_REGULAR = dict(zip(_advances.CHARS, _advances.ADVANCES[0::2], strict=True))
_BOLD = dict(zip(_advances.CHARS, _advances.ADVANCES[1::2], strict=True))
_UNKNOWN = CHAR_WIDTH * _advances.UNITS_PER_EM


def text_width(text: str, size: float = FONT_NODE, bold: bool = True) -> float:
    """The width of the widest line of `text` in the bundled DejaVu Sans Condensed at `size`
    (drawn, like the renderer does, at the whole pixel size nearest it), from the font's own
    advance widths (`_advances`; kerning ignored). Bold unless told: a box sized for the bold
    cut holds the label in either cut."""
    table = _BOLD if bold else _REGULAR
    units = max((sum(table.get(ch, _UNKNOWN) for ch in line) for line in text.split("\n")),
                default=0.0)
    return units * max(1, round(size)) / _advances.UNITS_PER_EM


@dataclass(frozen=True)
class Node:
    """One box. `page_id` is the page it links to (None: not a page, e.g. target genes).

    `style` refines how a kind is drawn: "" (plain), "gpcr" (seven-transmembrane receptor),
    "soluble" (a soluble protein, not in the membrane), "unknown" (receptor not identified),
    "rtk" (a receptor with its own kinase domain), "disputed" (an interleukin whose existence
    or receptor is disputed: dashed outline).
    """

    id: str
    label: str
    kind: NodeKind
    x: float
    y: float
    w: float
    h: float
    page_id: str | None
    tooltip: str
    shared: bool = False
    lane: LaneName = "outside"
    style: str = ""

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Edge:
    """A polyline from `source` to `target` (node ids); first and last points touch them."""

    source: str
    target: str
    kind: EdgeKind
    points: tuple[tuple[float, float], ...]
    # "proposed": a link the data call unconfirmed (the receptor of a disputed interleukin),
    # drawn dashed
    style: str = ""


@dataclass(frozen=True)
class Lane:
    """A horizontal band across the whole diagram: outside the cell, membrane, cytoplasm,
    nucleus. `name` is the lane id; `label` what the reader sees."""

    name: LaneName
    y: float
    h: float
    label: str = ""


@dataclass(frozen=True)
class Caption:
    """A short text naming one receptor complex (e.g. "Classic IL-6 receptor")."""

    text: str
    x: float
    y: float
    w: float
    h: float
    tooltip: str = ""
    kind: str = "signalling"


@dataclass(frozen=True)
class LegendEntry:
    """One key of the legend: `key` is a node kind, an edge kind, "shared" or "decoy"."""

    key: str
    label: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Diagram:
    title: str
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    lanes: tuple[Lane, ...]
    legend: tuple[LegendEntry, ...]
    captions: tuple[Caption, ...] = ()
    subtitle: str = ""
    # Extra words (e.g. the route) the fact sheet may print under the drawing.
    notes: tuple[str, ...] = field(default=())
    # Print variant (`layout_interleukin(page, compact=True)`): no room for a title or a legend
    # (the fact sheet prints its own header and legend strip), a narrow lane gutter, groups of
    # drugs in one box, and `small_font` for captions and badges.
    compact: bool = False
    gutter: float = GUTTER_WIDE
    small_font: float = FONT_SMALL
    legend_keys: tuple[tuple[str, str], ...] = ()
    # A disputed interleukin: one plain line saying so, printed under the title (screen) or
    # under the sheet's caption (print). Empty when the interleukin is established.
    status_note: str = ""
    # The page id of the drug to stand out (its nodes get an accent border): the drug of a
    # drug's fact sheet. None: nothing is highlighted.
    highlight: str | None = None

    def node(self, node_id: str) -> Node:
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def lane(self, name: str) -> Lane | None:
        for lane in self.lanes:
            if lane.name == name:
                return lane
        return None
