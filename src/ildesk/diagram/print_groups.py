"""The print variant's drug groups: three or more drugs acting the same way on one box become
one box that names them all, and every stack moves closer to its box (fact sheets only).

    group_items(complexes, flow_items, keep=highlighted_drug)
"""

from __future__ import annotations

from ildesk.diagram.geometry import COMPACT_STACK_GAP
from ildesk.diagram.plan import Complex, Item

GROUP_MIN = 3          # print: this many drugs on one box become one box naming them all
GROUP_LINE = 26        # print: characters a line in such a box
NARROW_LINE = 14       # print: characters a line in a narrow box (one name a line)
WIDE_COMPLEX = 3       # print: beside a complex of this many chains, boxes stay narrow


def _wrap(name: str, width: int) -> str:
    """`name` in lines of at most `width` characters, broken at spaces (a longer word keeps
    a line of its own)."""
    lines: list[str] = []
    for word in name.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _group(items: list[Item], keep: str | None = None, narrow: bool = False) -> list[Item]:
    """Runs of drugs with the same effect, three or more, as one box (print only). The drug
    `keep` (the one highlighted) is never grouped: it keeps a box of its own. A box of more
    than three names is squat (two a line) unless `narrow` (one a line: the diagram is
    already wide)."""
    by_key: dict[tuple[str, str], list[Item]] = {}
    for it in items:
        if not (keep and it.page_id == keep):
            by_key.setdefault((it.kind, it.edge), []).append(it)
    out: list[Item] = []
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
        per_line = 1 if narrow or len(members) <= GROUP_MIN else 2  # narrow, or squat
        count = 0
        for whole in (m.label.replace("\n", " ") for m in members):
            name = _wrap(whole, NARROW_LINE if per_line == 1 else GROUP_LINE)
            if "\n" in name:  # a name too long for one line gets lines of its own
                lines += name.split("\n")
                count = per_line
            elif lines and count < per_line and len(lines[-1]) + 3 + len(name) <= GROUP_LINE:
                count += 1
                lines[-1] += " · " + name
            else:
                lines.append(name)
                count = 1
        out.append(Item(id="drugs:" + "+".join(m.page_id for m in members),
                         label="\n".join(lines), kind="drug", page_id="",
                         tooltip="\n".join(m.tooltip for m in members), edge=it.edge))
    return out


def group_items(complexes: list[Complex], flow: dict[str, list[Item]],
                 keep: str | None = None) -> None:
    """Print: group drugs (`_group`) and bring every stack closer to its box. Beside a
    complex of `WIDE_COMPLEX` or more chains (IL-2's high-affinity receptor) a squat box
    would widen a drawing the page width already limits: there boxes stay narrow."""
    for c in complexes:
        narrow = sum(1 for s in c.slots if s.chain is not None) >= WIDE_COMPLEX
        c.ligand_items = _group(c.ligand_items, keep, narrow)
        for s in c.slots:
            s.chain_items = _group(s.chain_items, keep, narrow)
            s.jak_items = {j: _group(v, keep, narrow) for j, v in s.jak_items.items()}
    for mid in flow:
        flow[mid] = _group(flow[mid], keep)
    stacks = [c.ligand_items for c in complexes] + [s.chain_items for c in complexes
                                                    for s in c.slots]
    stacks += [v for c in complexes for s in c.slots for v in s.jak_items.values()]
    for items in stacks:
        for it in items:
            it.gap = COMPACT_STACK_GAP

