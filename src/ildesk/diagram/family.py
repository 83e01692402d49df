"""The family view: the interleukins of one family around the receptor chain(s) they share.

    layout_family(family, members)   # family from pages.families(), members = page dicts

The shared chains stand in the middle of the membrane; each member sits above its own
(private) chains, half of them to the left and half to the right, and binds the shared chains
through free channels between the ligand row and the chain tops.

A large family shows each member's main complex. A small one (`SMALL_FAMILY`, e.g. the
IL-4 / IL-13 pair) shows every complex of its members in the membrane: a chain two members
use is drawn once among the shared ones, a chain only a decoy complex holds as a decoy
(IL-4: γc and IL-4Rα with IL-13Rα1; IL-13: IL-13Rα1, IL-4Rα and the IL-13Rα2 decoy).
"""

from __future__ import annotations

from typing import Any

from ildesk.db.pages.types import ChainDetail, Family, InterleukinPage, Receptor
from ildesk.diagram.frame import Frame, finish
from ildesk.diagram.geometry import (
    JAK_H,
    JAK_STEP,
    MEMBRANE_H,
    TAIL_H,
    box_w,
    clamp,
    down_route,
    edge,
    node,
)
from ildesk.diagram.model import Diagram, Edge, EdgeKind, Node
from ildesk.wording import page_title

SMALL_FAMILY = 3  # a pair or trio nested in a larger family (IL-4 / IL-13 inside γc)
MEMBER_GAP = 26.0
CHAIN_GAP = 8.0
LIG_H = 26.0
SHARED_STEP = 8.0   # between the channels of lines to a shared chain

# a member page, its main receptor complex and the chains of it no other member shares
_Plan = tuple[InterleukinPage, Receptor | None, list[ChainDetail]]


def _main_complex(page: InterleukinPage, shared: set[str]) -> Receptor | None:
    recs = page.get("receptors", [])
    membrane = [r for r in recs if r.get("chain_details")]
    for pick in (lambda r: r["kind"] == "signalling" and shared & set(r["chain_ids"]),
                 lambda r: r["kind"] == "signalling", lambda r: True):
        found = next((r for r in membrane if pick(r)), None)
        if found is not None:
            return found
    return None


def _every_complex(page: InterleukinPage) -> tuple[Receptor | None, set[str]]:
    """All of `page`'s membrane complexes as one (chains in first-seen order), and the ids
    of the chains that only its decoy complexes hold."""
    membrane = [r for r in page.get("receptors", []) if r.get("chain_details")]
    if not membrane:
        return None, set()
    details: dict[str, ChainDetail] = {}
    for r in membrane:
        for ch in r["chain_details"]:
            details.setdefault(ch["id"], ch)
    real = {c for r in membrane if r["kind"] != "decoy" for c in r["chain_ids"]}
    main = next((r for r in membrane if r["kind"] == "signalling"), membrane[0])
    merged: Receptor = {"name": "; ".join(r["name"] for r in membrane), "kind": main["kind"],
                        "note": "", "chains": [c["symbol"] for c in details.values()],
                        "chain_ids": list(details), "chain_details": list(details.values())}
    return merged, set(details) - real


def _kinases(chain: ChainDetail, page: InterleukinPage | None) -> list[str]:
    ks = list(chain.get("kinases", []))
    if page is not None and page["signalling"].get("kinases_ids"):
        ks = [k for k in ks if k in page["signalling"]["kinases_ids"]]
    return ks


def layout_family(family: Family, members: list[InterleukinPage]) -> Diagram:
    """The family view of `family` (an entry of `pages.families`) with its member pages."""
    frame = Frame()
    shared_ids = list(family.get("shared_chains", []))
    whole = len(members) <= SMALL_FAMILY
    decoys: set[str] = set()
    complexes: list[Receptor | None] = []
    for page in members:
        if whole:
            rc, own_decoys = _every_complex(page)
            decoys |= own_decoys
        else:
            rc = _main_complex(page, set(shared_ids))
        complexes.append(rc)
    if whole:  # a chain two members use is shared
        count: dict[str, int] = {}
        for rc in complexes:
            for c in rc["chain_ids"] if rc else []:
                count[c] = count.get(c, 0) + 1
        shared_ids += [c for c, n in count.items() if n > 1 and c not in shared_ids]
    shared_set = set(shared_ids)
    shared_info: dict[str, ChainDetail] = {}
    plans: list[_Plan] = []
    for page, rc in zip(members, complexes, strict=True):
        chains = rc["chain_details"] if rc else []
        for ch in chains:
            if ch["id"] in shared_set:
                shared_info.setdefault(ch["id"], ch)
        plans.append((page, rc, [ch for ch in chains if ch["id"] not in shared_set]))
    shared_ids = [c for c in shared_ids if c in shared_info]

    def jak_label(mid: str) -> str:
        return mid.upper()

    def core_w(ch: ChainDetail, page: InterleukinPage | None) -> float:
        return max([box_w(ch["symbol"], minimum=58)]
                   + [box_w(jak_label(k)) for k in _kinases(ch, page)])

    def member_w(plan: _Plan) -> float:
        page, _, private = plan
        chains = sum(core_w(c, page) for c in private) + CHAIN_GAP * max(0, len(private) - 1)
        return max(chains, box_w(_abbr(page), minimum=60))

    half = (len(plans) + 1) // 2
    order: list[tuple[str, Any]] = [("member", p) for p in plans[:half]]
    order.append(("shared", None))
    order += [("member", p) for p in plans[half:]]

    lig_top = frame.top + 10
    linking = [i for i, (_, rc, _) in enumerate(plans)
               if rc and shared_set & set(rc["chain_ids"])]
    per_side = max(sum(1 for i in linking if i < half), sum(1 for i in linking if i >= half))
    if whole:  # every line to a shared chain has a channel of its own
        per_side = sum(len(shared_set & set(rc["chain_ids"])) for _, rc, _ in plans if rc)
    channel = 18.0 + SHARED_STEP * (per_side + 1)
    chain_top = lig_top + LIG_H + channel
    ext_h = 62.0
    mem_top = chain_top + ext_h
    mem_bottom = mem_top + MEMBRANE_H
    chain_bottom = mem_bottom + TAIL_H
    jak_top = chain_bottom + 4

    nodes: list[Node] = []
    edges: list[Edge] = []
    ligands: list[tuple[Node, InterleukinPage, Receptor | None]] = []
    shared_nodes: dict[str, Node] = {}
    x = frame.left
    low = chain_bottom

    def place_jaks(owner: str, ch: ChainDetail, page: InterleukinPage | None, cx: float,
                   w: float) -> float:
        y = jak_top
        for k in _kinases(ch, page):
            nodes.append(node(f"{owner}:{k}", jak_label(k), "kinase", cx - w / 2, y, w, JAK_H,
                              k, f"{k.upper()} sits on {ch['symbol']}", lane="cytoplasm"))
            y += JAK_H + JAK_STEP
        return y

    for what, plan in order:
        if what == "shared":
            if not shared_ids:
                continue
            for cid in shared_ids:
                ch = shared_info[cid]
                users = sum(1 for _, rc, _ in plans if rc and cid in rc["chain_ids"])
                w = max(core_w(ch, None), 26.0 * (users + 1))  # room for each line's arrow
                n = node(f"shared:{cid}", ch["symbol"], "chain", x, chain_top, w,
                         chain_bottom - chain_top, cid,
                         f"{ch['symbol']} — {ch.get('name', '')}; shared by {users} "
                         "interleukins of this family", shared=True, lane="membrane")
                shared_nodes[cid] = n
                nodes.append(n)
                low = max(low, place_jaks(f"shared:{cid}", ch, None, n.cx, w))
                x += w + CHAIN_GAP
            x += MEMBER_GAP - CHAIN_GAP
            continue
        page, rc, private = plan
        mw = member_w(plan)
        center = x + mw / 2
        antagonist = rc is not None and rc["kind"] == "antagonist"
        lw = box_w(_abbr(page), minimum=60)
        lig = node(f"{page['id']}:ligand", _abbr(page), "antagonist" if antagonist else "ligand",
                   center - lw / 2, lig_top, lw, LIG_H, page["id"],
                   f"{page['name']} — {rc['name'] if rc else 'receptor not identified'}")
        nodes.append(lig)
        ligands.append((lig, page, rc))
        cw = sum(core_w(c, page) for c in private) + CHAIN_GAP * max(0, len(private) - 1)
        cx = center - cw / 2
        kind: EdgeKind = "inhibits" if antagonist else "binds"
        for k, ch in enumerate(private):
            w = core_w(ch, page)
            decoy = ch["id"] in decoys
            n = node(f"{page['id']}:{ch['id']}", ch["symbol"], "decoy" if decoy else "chain",
                     cx, chain_top, w, chain_bottom - chain_top, ch["id"],
                     f"{ch['symbol']} — {ch.get('name', '')}" + (" (decoy)" if decoy else ""),
                     lane="membrane")
            nodes.append(n)
            sx = lig.x + lig.w * (k + 1) / (len(private) + 2)
            edges.append(edge(lig, n, kind, down_route(lig, n, lig.bottom + 9, sx,
                                                       clamp(sx, n.x + 8, n.right - 8))))
            low = max(low, place_jaks(f"{page['id']}:{ch['id']}", ch, page, n.cx, w))
            cx += w + CHAIN_GAP
        x += mw + MEMBER_GAP

    # each member also binds the shared chain(s) it uses. The lines arrive spread along the
    # chain's top edge, in the order the members stand, and the farther a member stands the
    # lower its channel, so that lines from one side never cross each other.
    linked = [(lig, rc) for lig, _page, rc in ligands
              if rc and any(c in rc["chain_ids"] for c in shared_ids)]
    if whole:
        _whole_links(linked, shared_ids, shared_nodes, edges)
    for c in shared_ids if not whole else []:
        target = shared_nodes[c]
        takers = sorted((lig for lig, rc in linked if rc and c in rc["chain_ids"]),
                       key=lambda n: n.cx)
        pad = min(12.0, target.w / 6)
        for i, lig in enumerate(takers):
            rc = next(r for n, r in linked if n is lig)
            left = lig.cx < target.cx
            side = sorted((n for n, _ in linked if (n.cx < target.cx) == left),
                          key=lambda n: abs(n.cx - target.cx))
            y = lig.bottom + 18 + SHARED_STEP * side.index(lig)
            used = [u for u in shared_ids if u in rc["chain_ids"]]
            off = lig.w / (len(used) + 3) * (used.index(c) + 1)
            sx = lig.right - off if left else lig.x + off
            tx = target.x + pad + (target.w - 2 * pad) * (i + 0.5) / len(takers)
            link: EdgeKind = "inhibits" if rc["kind"] == "antagonist" else "binds"
            edges.append(edge(lig, target, link, down_route(lig, target, y, sx, tx)))
    frame.membrane(mem_top, mem_bottom)
    names = ", ".join(shared_info[c]["symbol"] for c in shared_ids)
    plural = "s" if len(shared_ids) > 1 else ""
    subtitle = (f"{len(ligands)} interleukins around the shared chain{plural} {names}"
                if shared_ids else f"{len(ligands)} interleukins, each with its own receptor")
    return finish(frame, family["name"], subtitle, nodes, edges, [], low, None)


def _whole_links(linked: list[tuple[Node, Receptor]], shared_ids: list[str],
                 shared_nodes: dict[str, Node], edges: list[Edge]) -> None:
    """Lines from each member to every shared chain it uses, each in a channel of its own:
    on each side the farther chain's line runs higher and leaves its ligand nearer the
    chains, so that one member's lines never cross each other."""
    k = 0
    arrivals: dict[str, int] = dict.fromkeys(shared_ids, 0)
    takers = {c: sum(1 for _, rc in linked if c in rc["chain_ids"]) for c in shared_ids}
    for lig, rc in sorted(linked, key=lambda x: x[0].cx):
        used = [c for c in shared_ids if c in rc["chain_ids"]]
        used.sort(key=lambda c: -abs(shared_nodes[c].cx - lig.cx))  # farthest first
        for j, c in enumerate(used):
            target = shared_nodes[c]
            left = lig.cx < target.cx
            off = lig.w / (len(used) + 2) * (j + 1)
            sx = lig.right - off if left else lig.x + off
            pad = min(12.0, target.w / 6)
            tx = target.x + pad + (target.w - 2 * pad) * (arrivals[c] + 0.5) / takers[c]
            arrivals[c] += 1
            y = lig.bottom + 18 + SHARED_STEP * k
            k += 1
            link: EdgeKind = "inhibits" if rc["kind"] == "antagonist" else "binds"
            edges.append(edge(lig, target, link, down_route(lig, target, y, sx, tx)))


def _abbr(page: InterleukinPage) -> str:
    return page_title(page)


def family_around(page_id: str, families: list[Family]) -> str | None:
    """A small family that holds `page_id` (at most `SMALL_FAMILY` members around a shared
    chain): Family view draws it rather than the large family the page belongs to, because it
    says more. None: no such family (Family view draws the page's own family).

        family_around("il-4", families)  -> "il-4-il-13"   (not "common-gamma-chain")
        family_around("il-2", families)  -> None
    """
    small = [f for f in families if 1 < len(f["members"]) <= SMALL_FAMILY
             and f.get("shared_chains") and any(m["id"] == page_id for m in f["members"])]
    return min(small, key=lambda f: len(f["members"]))["id"] if small else None
