"""Plan the signalling diagram of one interleukin before anything is placed: which receptor
complexes to draw and their chain slots, where each drug and natural antagonist attaches
(ligand, chain, kinase or a molecule of the cascade), and the steps of an adaptor cascade.

    complexes = complexes_of(page); flow = attach(page, complexes, flow_ids)

`ildesk.diagram.layout` places what this plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ildesk.db.pages.types import ChainDetail, InterleukinPage, Receptor
from ildesk.diagram.geometry import (
    ITEM_H,
    STACK_GAP,
    STACK_STEP,
    box_h,
    box_w,
    short_caption,
    two_lines,
)
from ildesk.diagram.model import EdgeKind, Node
from ildesk.vocab import MOLECULE_SHORT

COMPLEX_RANK = {"signalling": 0, "antagonist": 1, "binding-protein": 2, "decoy": 3}
RTK_CHAINS = {"csf1r": "CSF1R", "kit": "KIT"}  # receptors with their own kinase domain
CASCADE_RANK = {"myd88": 0, "traf3ip2": 0, "gi-protein": 0, "irak4": 1, "irak1": 2,
                "irak2": 2, "traf6": 3, "map3k7": 4}


@dataclass
class Item:
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


def stack_size(items: list[Item]) -> tuple[float, float]:
    if not items:
        return 0.0, 0.0
    return (max(i.w + i.gap for i in items),
            sum(i.h for i in items) + STACK_STEP * (len(items) - 1))


@dataclass
class Slot:
    chain: ChainDetail | None     # None: kinases with no known chain
    kind: str                     # chain, decoy, unknown, jak
    soluble: bool
    jaks: list[str] = field(default_factory=list)
    side: str = "left"            # where drug stacks go
    chain_items: list[Item] = field(default_factory=list)
    jak_items: dict[int, list[Item]] = field(default_factory=dict)
    x: float = 0.0
    core_w: float = 0.0
    chain_node: Node | None = None
    jak_nodes: list[Node] = field(default_factory=list)

    def margin(self) -> float:
        widths = [stack_size(self.chain_items)[0]]
        widths += [stack_size(v)[0] for v in self.jak_items.values()]
        return max(widths)


@dataclass
class Complex:
    index: int
    name: str
    kind: str
    soluble: bool
    slots: list[Slot]
    ligand_items: list[Item] = field(default_factory=list)

    def ligand_sides(self) -> tuple[list[Item], list[Item]]:
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


class Labels:
    def __init__(self, page: InterleukinPage, names: dict[str, tuple[str, str]] | None) -> None:
        self.names = names or {}
        sig = page["signalling"]
        self.short: dict[str, str] = {}
        for ids, shown in ((sig["kinases_ids"], sig["kinases"]),
                           (sig["transcription_factors_ids"], sig["transcription_factors"]),
                           (sig["adaptors_ids"], sig["adaptors"]),
                           (sig["pathways_ids"], sig["pathways"])):
            for mid, name in zip(ids, shown, strict=False):
                self.short[mid] = MOLECULE_SHORT.get(mid, name)

    def mol(self, mid: str) -> str:
        return self.short.get(mid) or MOLECULE_SHORT.get(mid) or mid.upper()

    def full(self, mid: str, fallback: str) -> str:
        name = self.names.get(mid, (fallback, ""))[0]
        return name if name.lower() != fallback.lower() else fallback


def _is_soluble(rc: Receptor) -> bool:
    name = rc["name"].lower()
    return "soluble" in name or "binding protein" in name


def _soluble_chains(rc: Receptor) -> set[str]:
    """In a signalling complex, the chains its name calls soluble ("soluble IL-6R + gp130")."""
    words = re.findall(r"soluble\s+([\w\-αβγ]+)", rc["name"], flags=re.I)
    keys = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in words]
    out = set()
    for ch in rc.get("chain_details", []):
        sym = str(ch["symbol"]).lower()
        if any(k and (sym.startswith(k) or k.startswith(sym)) for k in keys):
            out.add(ch["id"])
    return out


def complexes_of(page: InterleukinPage) -> list[Complex]:
    receptors = sorted(enumerate(page["receptors"]),
                       key=lambda p: (COMPLEX_RANK.get(p[1]["kind"], 9), p[0]))
    route = page["signalling"]["route"]
    il_kinases = set(page["signalling"].get("kinases_ids", []))
    out: list[Complex] = []
    for index, (_, rc) in enumerate(receptors):
        soluble = _is_soluble(rc)
        kind = rc["kind"]
        partly: set[str] = set()
        if soluble and kind == "signalling":
            partly = _soluble_chains(rc)
            soluble = False
        slots: list[Slot] = []
        for ch in rc.get("chain_details", []):
            slot_kind = "decoy" if kind == "decoy" else "chain"
            jaks: list[str] = []
            if kind == "signalling" and not soluble and ch["id"] not in partly:
                if route == "jak-stat":
                    jaks = [k for k in ch.get("kinases", []) if k in il_kinases]
                if ch["id"] in RTK_CHAINS:
                    jaks = ["rtk"]
            slots.append(Slot(chain=ch, kind=slot_kind, soluble=soluble or ch["id"] in partly,
                               jaks=jaks))
        if not slots:
            slots.append(Slot(chain=None, kind="unknown", soluble=False))
        caption = short_caption(rc["name"])
        if kind in ("decoy", "antagonist") and kind not in caption.lower():
            caption += f" ({kind})"
        out.append(Complex(index=index, name=rc["name"], kind=kind, soluble=soluble,
                            slots=slots, caption=caption))
    if all(c.soluble for c in out):  # only soluble binders known: the receptor itself is not
        out.insert(0, Complex(index=0, name="signalling receptor not identified",
                               kind="signalling", soluble=False,
                               slots=[Slot(chain=None, kind="unknown", soluble=False)],
                               caption="signalling receptor"))
        for i, c in enumerate(out):
            c.index = i
    if route == "jak-stat":
        placed = {j for c in out if c.signalling for s in c.slots for j in s.jaks}
        loose = [k for k in page["signalling"].get("kinases_ids", []) if k not in placed]
        first = next((c for c in out if c.signalling), None)
        if loose and first is not None:
            first.slots.append(Slot(chain=None, kind="jak", soluble=False, jaks=loose))
    for c in out:
        n = len(c.slots)
        for i, s in enumerate(c.slots):
            s.side = "left" if (i == 0 and n > 1) or n == 1 else "right"
    return out


def _drug_items(page: InterleukinPage) -> list[tuple[Item, list[str]]]:
    out: list[tuple[Item, list[str]]] = []
    for d in page.get("drugs", []):
        effect: EdgeKind = "activates" if d.get("effect") == "mimics" else "inhibits"
        verb = "mimics" if effect == "activates" else "blocks"
        tip = f"{d['name']} ({d.get('status', '')}) {verb} — {d.get('action', '')}".strip(" —")
        out.append((Item(id=f"drug:{d['id']}", label=two_lines(d["name"]), kind="drug",
                          page_id=d["id"], tooltip=tip, edge=effect), list(d.get("binds", []))))
    return out


def attach(page: InterleukinPage, complexes: list[Complex], flow_ids: set[str]
           ) -> dict[str, list[Item]]:
    """Give every drug and antagonist one anchor; returns the items anchored in the cascade."""
    il_id = page["id"]
    flow_items: dict[str, list[Item]] = {}
    membrane = [c for c in complexes if c.membrane and c.slots[0].chain is not None]
    for item, binds in _drug_items(page):
        if il_id in binds or not complexes:
            complexes[0].ligand_items.append(item)
            continue
        best: tuple[int, int, Slot] | None = None
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
        item = Item(id=f"antagonist:{a['id']}", label=a["name"],
                     kind="antagonist", page_id=a["id"],
                     tooltip=f"{a['name']} — a natural antagonist: it occupies the receptor "
                             "without sending a signal", edge="inhibits")
        target = next((c for c in membrane if c.kind == "signalling"), None)
        if target is not None:
            target.slots[0].chain_items.append(item)
        elif complexes:
            complexes[0].ligand_items.append(item)
    return flow_items


def cascade_levels(page: InterleukinPage) -> list[list[tuple[str, str]]]:
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

