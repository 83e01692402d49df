"""Placement below the receptors: the STAT row or the adaptor cascade under the kinases, the
drugs that act in the cascade, and the nucleus with the target genes.

`Inside` is the part of the interleukin layout (`ildesk.diagram.layout._Layout`) that works
in the cytoplasm and the nucleus; the layout sets the state it reads.
"""

from __future__ import annotations

from itertools import pairwise

from ildesk.db.pages.types import InterleukinPage
from ildesk.diagram.frame import Frame
from ildesk.diagram.geometry import (
    BOX_H,
    LEVEL_GAP,
    STACK_STEP,
    box_h,
    box_w,
    clamp,
    down_route,
    edge,
    node,
    wrap,
)
from ildesk.diagram.model import Edge, EdgeKind, Node
from ildesk.diagram.plan import Complex, Item, Labels

TRANSCRIPTION_FACTORS = {"nf-kb", "cebpb"}  # enter the nucleus whatever list names them


class Inside:
    """The cytoplasm and nucleus of one interleukin's diagram."""

    page: InterleukinPage
    labels: Labels
    route: str
    abbr: str
    nodes: list[Node]
    edges: list[Edge]
    complexes: list[Complex]
    levels: list[list[tuple[str, str]]]
    flow_items: dict[str, list[Item]]
    compact: bool
    frame: Frame
    channel: float

    # -- below the membrane ----------------------------------------------------------------

    def _emitters(self) -> list[Node]:
        out: list[Node] = []
        for c in self.complexes:
            if not c.signalling:
                continue
            has_jak = any(s.jak_nodes for s in c.slots)
            for s in c.slots:
                if s.jak_nodes:
                    out.append(s.jak_nodes[-1])
                elif not has_jak and s.chain_node is not None:
                    out.append(s.chain_node)
        if not out:  # antagonist-only pages: the blocked chain
            out = [s.chain_node for c in self.complexes[:1] for s in c.slots
                   if s.chain_node is not None and s.chain_node.lane == "membrane"][:1]
        return out

    def _signal_center(self) -> float:
        sig = [c.center for c in self.complexes if c.signalling] or [self.complexes[0].center]
        return (min(sig) + max(sig)) / 2

    def _mol_node(self, mid: str, role: str, x: float, y: float, w: float) -> Node:
        label = self.labels.mol(mid)
        if mid in TRANSCRIPTION_FACTORS:
            role = "tf"
        kind = {"tf": "stat", "pathway": "pathway", "adaptor": "adaptor",
                "kinase": "kinase"}[role]
        return node(f"m:{mid}", label, kind, x, y, w, BOX_H, mid, self.labels.full(mid, label),
                    lane="cytoplasm")

    def _jak_stat_rows(self, row_top: float) -> tuple[float, list[Node]]:
        sig = self.page["signalling"]
        row = [(m, "tf") for m in sig.get("transcription_factors_ids", [])]
        row += [(m, "adaptor") for m in sig.get("adaptors_ids", [])]
        row += [(m, "pathway") for m in sig.get("pathways_ids", [])]
        return self._row(row_top, row)

    def _row(self, row_top: float, row: list[tuple[str, str]]) -> tuple[float, list[Node]]:
        """One row of molecules under the receptors, each fed by the nearest kinase/chain."""
        if not row:
            return self._no_signal(row_top), []
        widths = [box_w(self.labels.mol(m)) for m, _ in row]
        gaps = [22.0 if i and row[i][1] != row[i - 1][1] else 10.0 for i in range(len(row))]
        total = sum(widths) + sum(gaps[1:])
        x = max(self.frame.left, self._signal_center() - total / 2)
        placed: list[Node] = []
        for i, ((mid, role), w) in enumerate(zip(row, widths, strict=True)):
            x += gaps[i] if i else 0.0
            n = self._mol_node(mid, role, x, row_top, w)
            placed.append(n)
            x += w
        self.nodes.extend(placed)
        emitters = self._emitters()
        for n in placed if emitters else []:
            src = min(emitters, key=lambda e: (abs(e.cx - n.cx), e.x))
            kind: EdgeKind = "phosphorylates" if n.kind == "stat" and src.kind == "kinase" \
                else "activates"
            self.edges.append(edge(src, n, kind, down_route(src, n, row_top - self.channel / 2)))
        return row_top + BOX_H, [n for n in placed if n.kind == "stat"]

    def _no_signal(self, top: float) -> float:
        emitters = self._emitters()
        blocked = all(c.kind != "signalling" for c in self.complexes)
        label = "no signal" if blocked else "downstream signalling\nnot established"
        tip = ("The receptor is occupied but no signalling complex forms, so no signal is sent."
               if blocked else "The data do not name the molecules this receptor signals "
               "through.")
        w = box_w(label)
        cx = emitters[0].cx if emitters else self._signal_center()
        n = node("m:none", label, "pathway", max(self.frame.left, cx - w / 2), top, w,
                 box_h(label), None, tip, lane="cytoplasm")
        self.nodes.append(n)
        if emitters:
            self.edges.append(edge(emitters[0], n, "associates",
                                   down_route(emitters[0], n, top - self.channel / 2, None,
                                              clamp(emitters[0].cx, n.x + 8, n.right - 8))))
        return n.bottom

    def _cascade(self, top: float) -> tuple[float, list[Node]]:
        if len(self.levels) <= 1:
            return self._row(top, self.levels[0] if self.levels else [])
        widths = [max(box_w(self.labels.mol(m)) for m, _ in lvl) for lvl in self.levels]
        band_h = max(len(lvl) for lvl in self.levels) * (BOX_H + 8) - 8
        x = max(self.frame.left, self._signal_center() - widths[0] / 2)
        columns: list[list[Node]] = []
        for lvl, w in zip(self.levels, widths, strict=True):
            col_h = len(lvl) * (BOX_H + 8) - 8
            y = top + (band_h - col_h) / 2
            col = []
            for mid, role in lvl:
                n = self._mol_node(mid, role, x, y, w)
                col.append(n)
                y += BOX_H + 8
            columns.append(col)
            self.nodes.extend(col)
            x += w + LEVEL_GAP
        first = columns[0][0]
        emitters = self._emitters()
        kind0: EdgeKind = "activates" if self.route == "gpcr" else "associates"
        for e in emitters:
            self.edges.append(edge(e, first, kind0, down_route(e, first, first.y - 14)))
        for a_col, b_col in pairwise(columns):
            xm = a_col[0].right + LEVEL_GAP / 2
            for a in a_col:
                for b in b_col:
                    kind: EdgeKind = "phosphorylates" if a.kind == b.kind == "kinase" \
                        else "activates"
                    self.edges.append(edge(a, b, kind, [(a.right, a.cy), (xm, a.cy),
                                                        (xm, b.cy), (b.x, b.cy)]))
        bottom = top + band_h
        for mid, items in self.flow_items.items():
            anchor = next(n for col in columns for n in col if n.id == f"m:{mid}")
            y = bottom + 16
            for it in items:
                n = node(it.id, it.label, it.kind, anchor.x, y, it.w, it.h, it.page_id,
                         it.tooltip, lane="cytoplasm")
                self.nodes.append(n)
                gx = anchor.x - LEVEL_GAP / 2 + 6
                self.edges.append(edge(n, anchor, it.edge, [(n.x, n.cy), (gx, n.cy),
                                                            (gx, anchor.cy), (anchor.x,
                                                                              anchor.cy)]))
                y += it.h + STACK_STEP
                bottom = max(bottom, n.bottom)
        return bottom, sorted((n for n in columns[-1] if n.kind == "stat"), key=lambda n: n.y)

    def _nucleus(self, top: float, tfs: list[Node]) -> tuple[float, float] | None:
        genes = list(self.page["signalling"].get("target_genes", []))
        if not tfs and not genes:
            return None
        nuc_top = top + self.channel + 4
        pad = 14.0 if self.compact else 16.0  # from the nucleus' edge to the genes
        if genes:
            label = wrap("  ".join(genes).replace("  ", " · "), 44).replace("·\n", "\n")
            label = "\n".join(line.strip(" ·") for line in label.split("\n"))
            kind, tip = "gene", f"Target genes of {self.abbr}: " + ", ".join(genes)
        else:
            label, kind = "gene transcription", "nucleus"
            tip = "The data do not list target genes."
        w, h = box_w(label, minimum=120), box_h(label)
        if self.route == "jak-stat" or not tfs:
            span = [n.cx for n in tfs] or [self._signal_center()]
            cx = (min(span) + max(span)) / 2
        else:
            cx = tfs[0].right + 14 + 10 * len(tfs) + 30 - w / 2
        gene = node("genes", label, kind, max(self.frame.left, cx - w / 2), nuc_top + pad, w, h,
                    None, tip, lane="nucleus")
        self.nodes.append(gene)
        for k, t in enumerate(tfs):
            if self.route == "jak-stat":
                tx = clamp(t.cx, gene.x + 8, gene.right - 8)
                pts = down_route(t, gene, nuc_top - 12, None, tx)
            else:
                ch = t.right + 14 + 10 * (len(tfs) - 1 - k)
                tx = clamp(ch, gene.x + 8, gene.right - 8)
                pts = [(t.right, t.cy), (ch, t.cy), (ch, nuc_top - 12), (tx, nuc_top - 12),
                       (tx, gene.y)]
            self.edges.append(edge(t, gene, "translocates", pts))
        return nuc_top, gene.bottom + pad - 2
