"""What every diagram has around its boxes: title, lanes, legend and overall size."""

from __future__ import annotations

from dataclasses import dataclass

from ildesk.diagram.model import (
    EDGE_KINDS,
    FONT_PRINT_SMALL,
    FONT_SMALL,
    FONT_TITLE,
    GUTTER_COMPACT,
    GUTTER_WIDE,
    NODE_KINDS,
    Caption,
    Diagram,
    Edge,
    Lane,
    LegendEntry,
    Node,
    text_width,
)

GUTTER = GUTTER_WIDE   # the left column that names the lanes
MARGIN = 16.0
TITLE_H = 50.0
NOTE_H = 22.0           # a line under the subtitle (a disputed interleukin says so)
COMPACT_TOP = 8.0       # print: the outside lane starts at the top edge
COMPACT_MARGIN = 8.0
LEGEND_ROW = 20.0

NODE_LEGEND = {
    "ligand": "interleukin", "subunit": "subunit", "chain": "receptor chain",
    "decoy": "decoy receptor", "kinase": "kinase", "stat": "transcription factor",
    "adaptor": "adaptor", "pathway": "pathway", "gene": "target genes",
    "nucleus": "gene transcription", "drug": "drug", "antagonist": "antagonist",
}
EDGE_LEGEND = {
    "binds": "binds", "associates": "associates", "phosphorylates": "phosphorylates",
    "translocates": "enters nucleus", "activates": "activates / mimics",
    "inhibits": "blocks",
}
LANE_LABEL = {"outside": "Outside\nthe cell", "membrane": "Membrane", "cytoplasm": "Cytoplasm",
              "nucleus": "Nucleus"}


@dataclass
class Frame:
    top: float = TITLE_H
    left: float = GUTTER + 12
    mem_top: float = 0.0
    mem_bottom: float = 0.0

    compact: bool = False

    def membrane(self, top: float, bottom: float) -> None:
        self.mem_top, self.mem_bottom = top, bottom

    @classmethod
    def for_print(cls) -> Frame:
        """No title above, a narrow gutter for rotated lane names."""
        return cls(top=COMPACT_TOP, left=GUTTER_COMPACT + 6, compact=True)


def legend_keys(nodes: list[Node], edges: list[Edge]) -> list[tuple[str, str]]:
    kinds = {n.kind for n in nodes}
    keys: list[tuple[str, str]] = [(k, NODE_LEGEND[k]) for k in NODE_KINDS if k in kinds]
    if any(n.shared for n in nodes):
        keys.append(("shared", "shared chain"))
    if any(n.style == "soluble" for n in nodes):
        keys.append(("soluble", "soluble protein"))
    used = {e.kind for e in edges}
    keys += [(k, EDGE_LEGEND[k]) for k in EDGE_KINDS if k in used and k != "associates"]
    if any(e.style == "proposed" for e in edges):
        keys.append(("proposed", "proposed, not established"))
    return keys


def _legend_column(keys: list[tuple[str, str]], left: float, top: float) -> list[LegendEntry]:
    w = max(26 + text_width(label, FONT_SMALL) + 6 for _, label in keys)
    return [LegendEntry(key=k, label=label, x=round(left, 2), y=round(top + i * LEGEND_ROW, 2),
                        w=round(w, 2), h=14.0) for i, (k, label) in enumerate(keys)]


def _legend(keys: list[tuple[str, str]], top: float, width: float) -> list[LegendEntry]:
    out: list[LegendEntry] = []
    x, y = GUTTER + 12, top
    for key, label in keys:
        w = round(26 + text_width(label, FONT_SMALL) + 14, 2)
        if x + w > width - MARGIN and x > GUTTER + 12:
            x, y = GUTTER + 12, y + LEGEND_ROW
        out.append(LegendEntry(key=key, label=label, x=x, y=y, w=w, h=14.0))
        x += w
    return out


def finish(frame: Frame, title: str, subtitle: str, nodes: list[Node], edges: list[Edge],
           captions: list[Caption], bottom: float,
           nucleus: tuple[float, float] | None) -> Diagram:
    """Size the diagram around its boxes and add lanes and legend."""
    right = max([n.right for n in nodes] + [c.x + c.w for c in captions]
                + [GUTTER + 12 + text_width(title, FONT_TITLE)])
    width = round(max(right + MARGIN, 480.0), 2)
    lanes = [Lane("outside", max(0.0, frame.top - 8), frame.mem_top - max(0.0, frame.top - 8),
                  LANE_LABEL["outside"]),
             Lane("membrane", frame.mem_top, frame.mem_bottom - frame.mem_top,
                  LANE_LABEL["membrane"])]
    cyto_end = nucleus[0] if nucleus else bottom + 20
    lanes.append(Lane("cytoplasm", frame.mem_bottom, cyto_end - frame.mem_bottom,
                      LANE_LABEL["cytoplasm"]))
    end = cyto_end
    if nucleus:
        lanes.append(Lane("nucleus", nucleus[0], nucleus[1] - nucleus[0], LANE_LABEL["nucleus"]))
        end = nucleus[1]
    keys = legend_keys(nodes, edges)
    if frame.compact:
        return _compact(frame, title, subtitle, nodes, edges, captions, lanes, end, keys)
    column = _legend_column(keys, right + 24, frame.top + 4) if keys else []
    if keys and right < 640 and column[-1].y + column[-1].h <= end:
        # a narrow drawing: the legend goes beside it, which keeps the whole near 2:1
        legend = column
        width = round(max(right + 24 + column[0].w + MARGIN, 480.0), 2)
        height = round(end + 12, 2)
    else:
        legend = _legend(keys, end + 12, width)
        height = round((legend[-1].y + legend[-1].h if legend else end) + 12, 2)
    return Diagram(title=title, width=width, height=height, nodes=tuple(nodes),
                   edges=tuple(edges), lanes=tuple(lanes), legend=tuple(legend),
                   captions=tuple(captions), subtitle=subtitle)


def _compact(frame: Frame, title: str, subtitle: str, nodes: list[Node], edges: list[Edge],
             captions: list[Caption], lanes: list[Lane], end: float,
             keys: list[tuple[str, str]]) -> Diagram:
    """The print variant: just the lanes and what is in them; the legend is left to the page
    (as `legend_keys`), and so is the title."""
    right = max([n.right for n in nodes] + [c.x + c.w for c in captions])
    return Diagram(title=title, width=round(max(right + COMPACT_MARGIN, 200.0), 2),
                   height=round(end + 2, 2), nodes=tuple(nodes), edges=tuple(edges),
                   lanes=tuple(lanes), legend=(), captions=tuple(captions), subtitle=subtitle,
                   compact=True, gutter=GUTTER_COMPACT, small_font=FONT_PRINT_SMALL,
                   legend_keys=tuple(keys))
