"""Lay out the signalling diagram of one interleukin (and, in family.py, of a family).

    diagram = layout_interleukin(pages.page(content, "il-6"))

Built from the page dictionary alone, deterministically. Lanes run top to bottom: outside the
cell (ligand, drugs on the ligand and on the chains), the membrane (the receptor chains cross
it), the cytoplasm (JAKs under the chain that carries each, then STATs, or the adaptor
cascade of the IL-1 and IL-17 families flowing left to right) and the nucleus (target genes).
Boxes never overlap and edges run orthogonally through free channels between rows.

`plan.py` decides what is drawn and where each drug attaches; this module places the title,
the receptors and their drug stacks; `inside.py` places the cytoplasm and the nucleus;
`print_groups.py` groups drugs for print. Sizes shared with `family.py` are in `geometry.py`.
"""

from __future__ import annotations

from dataclasses import replace

from ildesk.db.pages.types import Gene, InterleukinPage
from ildesk.diagram.frame import NOTE_H, Frame, finish
from ildesk.diagram.geometry import (
    CHANNEL,
    COMPACT_CHANNEL,
    COMPLEX_GAP,
    JAK_H,
    JAK_STEP,
    MEMBRANE_H,
    SLOT_GAP,
    STACK_STEP,
    TAIL_H,
    box_h,
    box_w,
    clamp,
    down_route,
    edge,
    node,
    short_caption,
    wrap,
)
from ildesk.diagram.inside import Inside
from ildesk.diagram.model import (
    FONT_NODE,
    FONT_PRINT_SMALL,
    FONT_SMALL,
    Caption,
    Diagram,
    Edge,
    EdgeKind,
    Node,
    text_width,
)
from ildesk.diagram.plan import (
    RTK_CHAINS,
    Complex,
    Item,
    Labels,
    Slot,
    attach,
    cascade_levels,
    complexes_of,
    stack_size,
)
from ildesk.diagram.print_groups import group_items
from ildesk.vocab import ROUTE_LABEL
from ildesk.wording import status_note


def layout_interleukin(page: InterleukinPage, names: dict[str, tuple[str, str]] | None = None,
                       compact: bool = False, highlight: str | None = None) -> Diagram:
    """The diagram of one interleukin page (`ildesk.db.pages.page`). `names` (optional,
    `pages.labels(content)`) gives full names for tooltips.

    `compact=True` is the print variant for fact sheets: no title or legend (the sheet has
    its own), rotated lane names in a narrow gutter, narrower channels, and three or more
    drugs acting the same way on the same box drawn as one box listing them.

    `highlight` (a drug's page id) makes that drug stand out: it keeps a box of its own even
    in print, and the renderer draws its box with an accent border (`Diagram.highlight`).

    A disputed interleukin (`status` other than "established") is drawn with a dashed
    ligand and dashed binding arrows, and says so in `Diagram.status_note`."""
    return _Layout(page, names, compact, highlight).run()


class _Layout(Inside):
    """The placement of one planned interleukin: receptors here, the rest in `Inside`."""

    def __init__(self, page: InterleukinPage, names: dict[str, tuple[str, str]] | None,
                 compact: bool = False, highlight: str | None = None) -> None:
        self.page = page
        self.labels = Labels(page, names)
        self.route = page["signalling"]["route"]
        self.abbr = page.get("abbreviation") or page["name"]
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.captions: list[Caption] = []
        self.complexes = complexes_of(page)
        self.levels = cascade_levels(page)
        flow_ids = {m for lvl in self.levels for m, _ in lvl}
        self.flow_items = attach(page, self.complexes, flow_ids)
        self.hetero = [g for g in page.get("genes", []) if g.get("subunit")]
        if len(self.hetero) < 2:
            self.hetero = []
        self.antagonist_page = bool(page.get("antagonist_of"))
        self.compact = compact
        self.highlight = highlight
        self.note = status_note(page)
        self.frame = Frame.for_print() if compact else Frame()
        if self.note and not compact:  # a line under the subtitle says it is disputed
            self.frame.top += NOTE_H
        self.channel = COMPACT_CHANNEL if compact else CHANNEL
        self.small = FONT_PRINT_SMALL if compact else FONT_SMALL
        if compact:
            group_items(self.complexes, self.flow_items, highlight)

    # -- widths ----------------------------------------------------------------------------

    def _chain_label(self, s: Slot) -> str:
        if s.chain is None:
            return "receptor\nnot identified"
        return str(s.chain["symbol"])

    def _ligand_label(self, c: Complex) -> str:
        if c.kind == "antagonist" and not self.antagonist_page:
            short = short_caption(c.name)
            if len(short) <= 16:
                return short  # e.g. the p40 homodimer that blocks IL-12's receptor
        return str(self.abbr)

    def _ligand_w(self, c: Complex) -> float:
        # bold, and sometimes long ("p40 homodimer"): a little more room than plain text
        w = box_w(self._ligand_label(c), FONT_NODE * 1.08, minimum=60)
        if self.hetero and c.index == 0:
            w = max(w, sum(box_w(self._sub_label(g)) for g in self.hetero) + 10)
        return w

    @staticmethod
    def _sub_label(g: Gene) -> str:
        """"p19\nIL23A"; a subunit named after its gene (EBI3) once."""
        sub, symbol = str(g["subunit"]).strip(), str(g["symbol"]).strip()
        return symbol if sub.casefold() == symbol.casefold() else f"{sub}\n{symbol}"

    def _measure(self) -> None:
        x = self.frame.left
        for c in self.complexes:
            for s in c.slots:
                widths = [box_w(self._chain_label(s), minimum=58)]
                widths += [box_w(self._jak_label(j)) for j in s.jaks]
                s.core_w = max(widths)
            cursor = 0.0
            offsets: list[float] = []
            for s in c.slots:
                cursor += s.margin() if s.side == "left" else 0.0
                offsets.append(cursor)
                cursor += s.core_w + (s.margin() if s.side == "right" else 0.0) + SLOT_GAP
            total = cursor - SLOT_GAP
            core_mid = (offsets[0] + offsets[-1] + c.slots[-1].core_w) / 2
            lig_w = self._ligand_w(c)
            lig_left, lig_right = c.ligand_sides()
            left = max(core_mid, lig_w / 2 + stack_size(lig_left)[0], 60.0)
            right = max(total - core_mid, lig_w / 2 + stack_size(lig_right)[0], 60.0)
            c.center = x + left
            for s, off in zip(c.slots, offsets, strict=True):
                s.x = c.center - core_mid + off
            width = left + right
            c.caption = wrap(c.caption, max(14, int(width / (0.62 * self.small))))
            x = c.center + right + (COMPLEX_GAP * 0.6 if self.compact else COMPLEX_GAP)

    def _jak_label(self, mid: str) -> str:
        return "kinase\ndomain" if mid == "rtk" else self.labels.mol(mid)

    # -- the whole thing -------------------------------------------------------------------

    def run(self) -> Diagram:
        self._measure()
        f = self.frame
        cap_lines = max(c.caption.count("\n") + 1 for c in self.complexes)
        cap_top = f.top + 6
        cap_h = cap_lines * self.small * 1.3
        sub_h = 34.0 if self.hetero else 0.0
        lig_h = 26.0
        lig_stack = max(stack_size(side)[1] for c in self.complexes for side in c.ligand_sides())
        lig_top = max(cap_top + cap_h + 8 + (sub_h + 14 if sub_h else 0),
                      cap_top + cap_h + 8 + lig_stack - lig_h)
        chain_top = lig_top + lig_h + self.channel
        chain_stack = max([stack_size(s.chain_items)[1] for c in self.complexes
                           for s in c.slots] + [0.0])
        ext_h = max(56.0 if self.compact else 66.0, chain_stack + 12)
        mem_top = chain_top + ext_h
        mem_bottom = mem_top + MEMBRANE_H
        chain_bottom = mem_bottom + TAIL_H
        jak_top = chain_bottom + 4
        jak_h = 0.0
        for c in self.complexes:
            for s in c.slots:
                jak_h = max(jak_h, len(s.jaks) * (JAK_H + JAK_STEP) - JAK_STEP)
                for items in s.jak_items.values():
                    jak_h = max(jak_h, stack_size(items)[1])
        below_receptors = jak_top + jak_h if jak_h else chain_bottom

        for c in self.complexes:
            self._place_complex(c, cap_top, lig_top, lig_h, sub_h, chain_top, ext_h, mem_top,
                                chain_bottom, jak_top)
        row_top = below_receptors + self.channel
        if self.route == "jak-stat":
            bottom, tfs = self._jak_stat_rows(row_top)
        else:
            bottom, tfs = self._cascade(row_top)
        nucleus = self._nucleus(bottom, tfs)
        self.frame.membrane(mem_top, mem_bottom)
        title = f"{self.abbr} — {self.page['name']}"
        fam = self.page.get("family", "")
        subtitle = " · ".join(x for x in (fam, ROUTE_LABEL.get(self.route, "")) if x)
        drawn = finish(self.frame, title, subtitle, self.nodes, self.edges, self.captions,
                       bottom, nucleus)
        drawn_ids = {n.page_id for n in drawn.nodes}
        return replace(drawn, status_note=self.note,
                       highlight=self.highlight if self.highlight in drawn_ids else None)

    # -- receptor complexes ------------------------------------------------------------------

    def _place_complex(self, c: Complex, cap_top: float, lig_top: float, lig_h: float,
                       sub_h: float, chain_top: float, ext_h: float, mem_top: float,
                       chain_bottom: float, jak_top: float) -> None:
        p = self.page
        cw = max(120.0, text_width(c.caption, self.small) + 4)
        self.captions.append(Caption(text=c.caption, x=round(c.center - cw / 2, 2), y=cap_top,
                                     w=cw, h=(c.caption.count("\n") + 1) * self.small * 1.3,
                                     tooltip=c.name, kind=c.kind))
        lw = self._ligand_w(c)
        antagonist = self.antagonist_page or c.kind == "antagonist"
        label = self._ligand_label(c)
        disputed = "disputed" if self.note else ""
        lig = node(f"ligand:{c.index}", label, "antagonist" if antagonist else "ligand",
                   c.center - lw / 2, lig_top, lw, lig_h, p["id"],
                   f"{p['name']} ({self.abbr})" + (f"\n{self.note}" if self.note else ""),
                   lane="outside", style=disputed)
        c.ligand = lig
        self.nodes.append(lig)
        if self.hetero and c.index == 0:
            sx = c.center - lw / 2
            for g in self.hetero:
                label = self._sub_label(g)
                w = box_w(label)
                sub = node(f"subunit:{g['symbol']}", label, "subunit", sx, lig_top - 14 - sub_h,
                           w, sub_h, p["id"], f"{g['subunit']} subunit, gene {g['symbol']} "
                           f"({g.get('location', '')})", style=disputed)
                sx += w + 10
                self.nodes.append(sub)
                self.edges.append(edge(sub, lig, "associates",
                                       [(sub.cx, sub.bottom), (sub.cx, lig.y)]))
        for side, items in zip(("left", "right"), c.ligand_sides(), strict=True):
            self._stack(items, lig, side, lig.bottom - stack_size(items)[1], lig.cy)
        chain_nodes: list[Node] = []
        for i, s in enumerate(c.slots):
            if s.kind == "jak":
                continue
            if s.soluble:
                h = 42.0 if s.chain and s.chain["shared"] else 30.0
                n = node(f"c{c.index}:{i}:{self._cid(s)}", self._chain_label(s),
                         "decoy" if c.kind in ("decoy", "antagonist") else "chain",
                         s.x, chain_top + (ext_h - h) / 2, s.core_w, h, self._cpage(s),
                         self._ctip(s, c), shared=bool(s.chain and s.chain["shared"]),
                         style="soluble")
            else:
                style = "unknown" if s.chain is None else (
                    "gpcr" if self.route == "gpcr" else (
                        "rtk" if s.chain["id"] in RTK_CHAINS else ""))
                n = node(f"c{c.index}:{i}:{self._cid(s)}", self._chain_label(s), s.kind
                         if s.kind != "unknown" else "chain", s.x, chain_top, s.core_w,
                         chain_bottom - chain_top, self._cpage(s), self._ctip(s, c),
                         shared=bool(s.chain and s.chain["shared"]), lane="membrane",
                         style=style)
            s.chain_node = n
            chain_nodes.append(n)
            self.nodes.append(n)
            stack_h = stack_size(s.chain_items)[1]
            self._stack(s.chain_items, n, s.side, chain_top + (ext_h - stack_h) / 2,
                        chain_top + ext_h / 2)
        # the ligand binds each chain of its complex
        kind: EdgeKind = "inhibits" if antagonist else "binds"
        n_out = len(chain_nodes)
        for k, n in enumerate(chain_nodes):
            sx = lig.x + lig.w * (k + 1) / (n_out + 1)
            tx = clamp(sx, n.x + 8, n.right - 8)
            e = edge(lig, n, kind, down_route(lig, n, lig.bottom + self.channel / 2, sx, tx))
            self.edges.append(replace(e, style="proposed") if disputed else e)
        # kinases under the chain that carries them
        for i, s in enumerate(c.slots):
            y = jak_top
            for j, mid in enumerate(s.jaks):
                label = self._jak_label(mid)
                if mid == "rtk":
                    assert s.chain is not None
                    page_id, tip = s.chain["id"], (f"{s.chain['symbol']} carries its own "
                                                   "tyrosine kinase domain")
                else:
                    page_id, tip = mid, self.labels.full(mid, label)
                    if s.chain is None:
                        tip += f" (used by {self.abbr}; the chain that carries it is not named)"
                h = JAK_H if "\n" not in label else box_h(label)
                jn = node(f"c{c.index}:{i}:{mid}", label, "kinase", s.x, y, s.core_w, h,
                          page_id, tip, lane="cytoplasm")
                s.jak_nodes.append(jn)
                self.nodes.append(jn)
                items = s.jak_items.get(j, [])
                self._stack(items, jn, s.side, jak_top, jn.cy)
                y += h + JAK_STEP

    @staticmethod
    def _cid(s: Slot) -> str:
        return str(s.chain["id"]) if s.chain else ("jak" if s.kind == "jak" else "unknown")

    @staticmethod
    def _cpage(s: Slot) -> str | None:
        return str(s.chain["id"]) if s.chain else None

    @staticmethod
    def _ctip(s: Slot, c: Complex) -> str:
        if s.chain is None:
            return f"{c.name}: the receptor has not been identified"
        cd = f", {s.chain['cd']}" if s.chain.get("cd") else ""
        shared = "; shared with other interleukins" if s.chain.get("shared") else ""
        return f"{s.chain['symbol']} — {s.chain.get('name', '')}{cd}{shared}"

    def _stack(self, items: list[Item], anchor: Node, side: str, top: float,
               target_y: float) -> None:
        y = top
        for it in items:
            w, h = it.w, it.h
            if side == "left":
                x, bus, end_x = anchor.x - it.gap - w, anchor.x - it.gap / 2, anchor.x
            else:
                x, bus, end_x = anchor.right + it.gap, anchor.right + it.gap / 2, \
                    anchor.right
            n = node(it.id, it.label, it.kind, x, y, w, h, it.page_id or None, it.tooltip,
                     lane=anchor.lane)
            if any(o.id == n.id for o in self.nodes):
                n = node(f"{it.id}@{anchor.id}", it.label, it.kind, x, y, w, h,
                         it.page_id or None, it.tooltip, lane=anchor.lane)
            self.nodes.append(n)
            start = n.right if side == "left" else n.x
            self.edges.append(edge(n, anchor, it.edge, [(start, n.cy), (bus, n.cy),
                                                        (bus, target_y), (end_x, target_y)]))
            y += h + STACK_STEP
