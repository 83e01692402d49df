"""Lay out the signalling diagram of one interleukin (and, in family.py, of a family).

    diagram = layout_interleukin(pages.page(content, "il-6"))

Built from the page dictionary alone, deterministically. Lanes run top to bottom: outside the
cell (ligand, drugs on the ligand and on the chains), the membrane (the receptor chains cross
it), the cytoplasm (JAKs under the chain that carries each, then STATs, or the adaptor
cascade of the IL-1 and IL-17 families flowing left to right) and the nucleus (target genes).
Boxes never overlap and edges run orthogonally through free channels between rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from ildesk.diagram.frame import NOTE_H, Frame, finish
from ildesk.diagram.geometry import (
    BOX_H,
    MOLECULE_LABEL,
    abbreviation_of,
    box_h,
    box_w,
    clamp,
    down_route,
    edge,
    node,
    short_caption,
    two_lines,
    wrap,
)
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

Json = dict[str, Any]

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
COMPLEX_RANK = {"signalling": 0, "antagonist": 1, "binding-protein": 2, "decoy": 3}
TRANSCRIPTION_FACTORS = {"nf-kb", "cebpb"}  # enter the nucleus whatever list names them
RTK_CHAINS = {"csf1r": "CSF1R", "kit": "KIT"}  # receptors with their own kinase domain
CASCADE_RANK = {"myd88": 0, "traf3ip2": 0, "gi-protein": 0, "irak4": 1, "irak1": 2,
                "irak2": 2, "traf6": 3, "map3k7": 4}
ROUTE_LABEL = {"jak-stat": "JAK–STAT signalling", "il1-myd88": "MyD88–IRAK–TRAF6 signalling",
               "il17-act1": "Act1–TRAF6 signalling", "gpcr": "G-protein-coupled receptor",
               "other": "signalling"}


@dataclass
class _Item:
    """Something drawn beside an anchor box: a drug or a natural antagonist."""

    id: str
    label: str
    kind: str
    page_id: str
    tooltip: str
    edge: EdgeKind
    w: float = 0.0
    h: float = 0.0
    gap: float = STACK_GAP

    def __post_init__(self) -> None:
        self.w = box_w(self.label)
        self.h = box_h(self.label, minimum=ITEM_H)


def _stack_size(items: list[_Item]) -> tuple[float, float]:
    if not items:
        return 0.0, 0.0
    return (max(i.w + i.gap for i in items),
            sum(i.h for i in items) + STACK_STEP * (len(items) - 1))


@dataclass
class _Slot:
    chain: Json | None            # a chain_details entry; None: kinases with no known chain
    kind: str                     # chain, decoy, unknown, jak
    soluble: bool
    jaks: list[str] = field(default_factory=list)
    side: str = "left"            # where drug stacks go
    chain_items: list[_Item] = field(default_factory=list)
    jak_items: dict[int, list[_Item]] = field(default_factory=dict)
    x: float = 0.0
    core_w: float = 0.0
    chain_node: Node | None = None
    jak_nodes: list[Node] = field(default_factory=list)

    def margin(self) -> float:
        widths = [_stack_size(self.chain_items)[0]]
        widths += [_stack_size(v)[0] for v in self.jak_items.values()]
        return max(widths)


@dataclass
class _Complex:
    index: int
    name: str
    kind: str
    soluble: bool
    slots: list[_Slot]
    ligand_items: list[_Item] = field(default_factory=list)

    def ligand_sides(self) -> tuple[list[_Item], list[_Item]]:
        """Drugs on the ligand: beside it on the left, and on both sides when there are many."""
        items = self.ligand_items
        if len(items) <= 3:
            return items, []
        half = (len(items) + 1) // 2
        return items[:half], items[half:]
    caption: str = ""
    center: float = 0.0
    ligand: Node | None = None

    @property
    def membrane(self) -> bool:
        return not self.soluble

    @property
    def signalling(self) -> bool:
        return self.kind == "signalling" and not self.soluble


class _Labels:
    def __init__(self, page: Json, names: dict[str, tuple[str, str]] | None) -> None:
        self.names = names or {}
        sig = page["signalling"]
        self.short: dict[str, str] = {}
        for field_ in ("kinases", "transcription_factors", "adaptors", "pathways"):
            for mid, name in zip(sig.get(field_ + "_ids", []), sig.get(field_, []), strict=False):
                self.short[mid] = MOLECULE_LABEL.get(mid, name)

    def mol(self, mid: str) -> str:
        return self.short.get(mid) or MOLECULE_LABEL.get(mid) or mid.upper()

    def full(self, mid: str, fallback: str) -> str:
        name = self.names.get(mid, (fallback, ""))[0]
        return name if name.lower() != fallback.lower() else fallback


def _is_soluble(rc: Json) -> bool:
    name = rc["name"].lower()
    return "soluble" in name or "binding protein" in name


def _soluble_chains(rc: Json) -> set[str]:
    """In a signalling complex, the chains its name calls soluble ("soluble IL-6R + gp130")."""
    words = re.findall(r"soluble\s+([\w\-αβγ]+)", rc["name"], flags=re.I)
    keys = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in words]
    out = set()
    for ch in rc.get("chain_details", []):
        sym = str(ch["symbol"]).lower()
        if any(k and (sym.startswith(k) or k.startswith(sym)) for k in keys):
            out.add(ch["id"])
    return out


def _complexes(page: Json) -> list[_Complex]:
    receptors = sorted(enumerate(page["receptors"]),
                       key=lambda p: (COMPLEX_RANK.get(p[1]["kind"], 9), p[0]))
    route = page["signalling"]["route"]
    il_kinases = set(page["signalling"].get("kinases_ids", []))
    out: list[_Complex] = []
    for index, (_, rc) in enumerate(receptors):
        soluble = _is_soluble(rc)
        kind = rc["kind"]
        partly: set[str] = set()
        if soluble and kind == "signalling":
            partly = _soluble_chains(rc)
            soluble = False
        slots: list[_Slot] = []
        for ch in rc.get("chain_details", []):
            slot_kind = "decoy" if kind == "decoy" else "chain"
            jaks: list[str] = []
            if kind == "signalling" and not soluble and ch["id"] not in partly:
                if route == "jak-stat":
                    jaks = [k for k in ch.get("kinases", []) if k in il_kinases]
                if ch["id"] in RTK_CHAINS:
                    jaks = ["rtk"]
            slots.append(_Slot(chain=ch, kind=slot_kind, soluble=soluble or ch["id"] in partly,
                               jaks=jaks))
        if not slots:
            slots.append(_Slot(chain=None, kind="unknown", soluble=False))
        caption = short_caption(rc["name"])
        if kind in ("decoy", "antagonist") and kind not in caption.lower():
            caption += f" ({kind})"
        out.append(_Complex(index=index, name=rc["name"], kind=kind, soluble=soluble,
                            slots=slots, caption=caption))
    if all(c.soluble for c in out):  # only soluble binders known: the receptor itself is not
        out.insert(0, _Complex(index=0, name="signalling receptor not identified",
                               kind="signalling", soluble=False,
                               slots=[_Slot(chain=None, kind="unknown", soluble=False)],
                               caption="signalling receptor"))
        for i, c in enumerate(out):
            c.index = i
    if route == "jak-stat":
        placed = {j for c in out if c.signalling for s in c.slots for j in s.jaks}
        loose = [k for k in page["signalling"].get("kinases_ids", []) if k not in placed]
        first = next((c for c in out if c.signalling), None)
        if loose and first is not None:
            first.slots.append(_Slot(chain=None, kind="jak", soluble=False, jaks=loose))
    for c in out:
        n = len(c.slots)
        for i, s in enumerate(c.slots):
            s.side = "left" if (i == 0 and n > 1) or n == 1 else "right"
    return out


def _drug_items(page: Json) -> list[tuple[_Item, list[str]]]:
    out: list[tuple[_Item, list[str]]] = []
    for d in page.get("drugs", []):
        effect: EdgeKind = "activates" if d.get("effect") == "mimics" else "inhibits"
        verb = "mimics" if effect == "activates" else "blocks"
        tip = f"{d['name']} ({d.get('status', '')}) {verb} — {d.get('action', '')}".strip(" —")
        out.append((_Item(id=f"drug:{d['id']}", label=two_lines(d["name"]), kind="drug",
                          page_id=d["id"], tooltip=tip, edge=effect), list(d.get("binds", []))))
    return out


def _attach(page: Json, complexes: list[_Complex], flow_ids: set[str]) -> dict[str, list[_Item]]:
    """Give every drug and antagonist one anchor; returns the items anchored in the cascade."""
    il_id = page["id"]
    flow_items: dict[str, list[_Item]] = {}
    membrane = [c for c in complexes if c.membrane and c.slots[0].chain is not None]
    for item, binds in _drug_items(page):
        if il_id in binds or not complexes:
            complexes[0].ligand_items.append(item)
            continue
        best: tuple[int, int, _Slot] | None = None
        for c in membrane:
            hits = [s for s in c.slots if s.chain and s.chain["id"] in binds]
            if hits:
                score = (len(hits) * 2 + (c.kind == "signalling"), -c.index)
                slot = next((s for s in hits if s in (c.slots[0], c.slots[-1])), hits[0])
                if best is None or score > best[:2]:
                    best = (score[0], score[1], slot)
        if best is not None:
            best[2].chain_items.append(item)
            continue
        jak = next(((s, j) for c in complexes for s in c.slots
                    for j, k in enumerate(s.jaks) if k in binds), None)
        if jak is not None:
            jak[0].jak_items.setdefault(jak[1], []).append(item)
            continue
        mol = next((b for b in binds if b in flow_ids), None)
        if mol is not None:
            flow_items.setdefault(mol, []).append(item)
            continue
        complexes[0].ligand_items.append(item)
    for a in page.get("antagonists", []):
        item = _Item(id=f"antagonist:{a['id']}", label=abbreviation_of(a["id"], a["name"]),
                     kind="antagonist", page_id=a["id"],
                     tooltip=f"{a['name']} — a natural antagonist: it occupies the receptor "
                             "without sending a signal", edge="inhibits")
        target = next((c for c in membrane if c.kind == "signalling"), None)
        if target is not None:
            target.slots[0].chain_items.append(item)
        elif complexes:
            complexes[0].ligand_items.append(item)
    return flow_items


def _cascade_levels(page: Json) -> list[list[tuple[str, str]]]:
    """Ordered steps of the cascade as lists of (molecule id, role)."""
    sig = page["signalling"]
    route = sig["route"]
    ranked: dict[int, list[tuple[str, str]]] = {}
    if route != "jak-stat":
        for mid in sig.get("adaptors_ids", []):
            ranked.setdefault(CASCADE_RANK.get(mid, 0), []).append((mid, "adaptor"))
        for mid in sig.get("kinases_ids", []):
            ranked.setdefault(CASCADE_RANK.get(mid, 4), []).append((mid, "kinase"))
    last = [(m, "tf") for m in sig.get("transcription_factors_ids", [])]
    if route != "jak-stat":
        last += [(m, "pathway") for m in sig.get("pathways_ids", [])]
    levels = [ranked[k] for k in sorted(ranked)]
    if last:
        levels.append(last)
    return levels


def layout_interleukin(page: Json, names: dict[str, tuple[str, str]] | None = None,
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


def status_note(page: Mapping[str, Any]) -> str:
    """One plain line for a disputed interleukin ("" when it is established).

    >>> status_note({"status": "disputed", "abbreviation": "IL-39", "name": "Interleukin-39"})
    'IL-39 is disputed: the receptor and signalling drawn are proposed, not established.'
    """
    status = str(page.get("status") or "established")
    if status == "established":
        return ""
    abbr = page.get("abbreviation") or page.get("name") or "This interleukin"
    return (f"{abbr} is {status.replace('-', ' ')}: the receptor and signalling drawn are "
            "proposed, not established.")


GROUP_MIN = 3          # print: this many drugs on one box become one box naming them all
GROUP_LINE = 26        # print: characters a line in such a box


def _group(items: list[_Item], keep: str | None = None) -> list[_Item]:
    """Runs of drugs with the same effect, three or more, as one box (print only). The drug
    `keep` (the one highlighted) is never grouped: it keeps a box of its own."""
    by_key: dict[tuple[str, str], list[_Item]] = {}
    for it in items:
        if not (keep and it.page_id == keep):
            by_key.setdefault((it.kind, it.edge), []).append(it)
    out: list[_Item] = []
    done: set[tuple[str, str]] = set()
    for it in items:
        key = (it.kind, it.edge)
        members = by_key.get(key, [])
        if len(members) < GROUP_MIN or it.kind != "drug" or (keep and it.page_id == keep):
            out.append(it)
            continue
        if key in done:
            continue
        done.add(key)
        lines: list[str] = []
        per_line = 1 if len(members) <= GROUP_MIN else 2  # a narrow box, or a squat one
        count = 0
        for whole in (m.label.replace("\n", " ") for m in members):
            name = two_lines(whole, 14) if per_line == 1 else whole
            if lines and count < per_line and len(lines[-1]) + 3 + len(name) <= GROUP_LINE:
                count += 1
                lines[-1] += " · " + name
            else:
                lines.append(name)
                count = 1
        out.append(_Item(id="drugs:" + "+".join(m.page_id for m in members),
                         label="\n".join(lines), kind="drug", page_id="",
                         tooltip="\n".join(m.tooltip for m in members), edge=it.edge))
    return out


def _group_items(complexes: list[_Complex], flow: dict[str, list[_Item]],
                 keep: str | None = None) -> None:
    """Print: group drugs (`_group`) and bring every stack closer to its box."""
    for c in complexes:
        c.ligand_items = _group(c.ligand_items, keep)
        for s in c.slots:
            s.chain_items = _group(s.chain_items, keep)
            s.jak_items = {j: _group(v, keep) for j, v in s.jak_items.items()}
    for mid in flow:
        flow[mid] = _group(flow[mid], keep)
    stacks = [c.ligand_items for c in complexes] + [s.chain_items for c in complexes
                                                    for s in c.slots]
    stacks += [v for c in complexes for s in c.slots for v in s.jak_items.values()]
    for items in stacks:
        for it in items:
            it.gap = COMPACT_STACK_GAP


class _Layout:
    def __init__(self, page: Json, names: dict[str, tuple[str, str]] | None,
                 compact: bool = False, highlight: str | None = None) -> None:
        self.page = page
        self.labels = _Labels(page, names)
        self.route = page["signalling"]["route"]
        self.abbr = page.get("abbreviation") or page["name"]
        self.nodes: list[Node] = []
        self.edges: list[Edge] = []
        self.captions: list[Caption] = []
        self.complexes = _complexes(page)
        self.levels = _cascade_levels(page)
        flow_ids = {m for lvl in self.levels for m, _ in lvl}
        self.flow_items = _attach(page, self.complexes, flow_ids)
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
            _group_items(self.complexes, self.flow_items, highlight)

    # -- widths ----------------------------------------------------------------------------

    def _chain_label(self, s: _Slot) -> str:
        if s.chain is None:
            return "receptor\nnot identified"
        return str(s.chain["symbol"])

    def _ligand_label(self, c: _Complex) -> str:
        if c.kind == "antagonist" and not self.antagonist_page:
            short = short_caption(c.name)
            if len(short) <= 16:
                return short  # e.g. the p40 homodimer that blocks IL-12's receptor
        return str(self.abbr)

    def _ligand_w(self, c: _Complex) -> float:
        # bold, and sometimes long ("p40 homodimer"): a little more room than plain text
        w = box_w(self._ligand_label(c), FONT_NODE * 1.08, minimum=60)
        if self.hetero and c.index == 0:
            w = max(w, sum(box_w(self._sub_label(g)) for g in self.hetero) + 10)
        return w

    @staticmethod
    def _sub_label(g: Json) -> str:
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
            left = max(core_mid, lig_w / 2 + _stack_size(lig_left)[0], 60.0)
            right = max(total - core_mid, lig_w / 2 + _stack_size(lig_right)[0], 60.0)
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
        lig_stack = max(_stack_size(side)[1] for c in self.complexes for side in c.ligand_sides())
        lig_top = max(cap_top + cap_h + 8 + (sub_h + 14 if sub_h else 0),
                      cap_top + cap_h + 8 + lig_stack - lig_h)
        chain_top = lig_top + lig_h + self.channel
        chain_stack = max([_stack_size(s.chain_items)[1] for c in self.complexes
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
                    jak_h = max(jak_h, _stack_size(items)[1])
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

    def _place_complex(self, c: _Complex, cap_top: float, lig_top: float, lig_h: float,
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
            self._stack(items, lig, side, lig.bottom - _stack_size(items)[1], lig.cy)
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
            stack_h = _stack_size(s.chain_items)[1]
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
    def _cid(s: _Slot) -> str:
        return str(s.chain["id"]) if s.chain else ("jak" if s.kind == "jak" else "unknown")

    @staticmethod
    def _cpage(s: _Slot) -> str | None:
        return str(s.chain["id"]) if s.chain else None

    @staticmethod
    def _ctip(s: _Slot, c: _Complex) -> str:
        if s.chain is None:
            return f"{c.name}: the receptor has not been identified"
        cd = f", {s.chain['cd']}" if s.chain.get("cd") else ""
        shared = "; shared with other interleukins" if s.chain.get("shared") else ""
        return f"{s.chain['symbol']} — {s.chain.get('name', '')}{cd}{shared}"

    def _stack(self, items: list[_Item], anchor: Node, side: str, top: float,
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
