"""The sections of a fact sheet (prose, bulleted lists, inline runs), each measured and
recorded as paint operations, shortened as the trial's `Fit` asks: whole sentences only, a
list down to its kept items and the first others then "… and N more", and in a compact
layout the items in fewer words, closer together and, where that is shorter, in two columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ildesk.factsheet.model import Rich, Section, Span
from ildesk.factsheet.text import lead
from ildesk.render.sheet.blocks import Memo, Writer, balance, block
from ildesk.render.sheet.fonts import ACCENT, DP
from ildesk.render.sheet.ops import Fit
from ildesk.render.sheet.table import table_height

# The lead paragraph of "What it does" (and other prose): sentences and words at most.
LEAD = {4: 90, 3: 80, 2: 70, 1: 45}
COMPACT_GAP = 0.03   # the space between list items in a compact layout, in body sizes
ITEM_GAP = 0.12      # ... and in a roomy one
WRAP_SHARE = 0.25    # two columns may make a list at most this much longer in all (wrapping)


def limited(items: Sequence[Rich], n: int | None, keep: frozenset[int] = frozenset()
            ) -> list[Rich]:
    """What a list shows with room for about `n` lines: every item when they fit, else the
    kept items and the first others (in their order) and "… and N more" for the rest. Kept
    items are never left out, however small `n` is."""
    if n is None or len(items) <= n:
        return list(items)
    room = max(n - 1, len(keep))
    if len(items) - room <= 1:  # "… and 1 more" would take the line the item takes
        return list(items)
    others = room - len(keep)
    out: list[Rich] = []
    for i, it in enumerate(items):
        if i in keep:
            out.append(it)
        elif others > 0:
            out.append(it)
            others -= 1
    return [*out, (Span(f"… and {len(items) - len(out)} more", muted=True),)]


def _inline(items: Sequence[Rich], n: int | None) -> Rich:
    n = None if n is None else max(3, n + 2)  # names are short: allow a few more inline
    shown = list(items) if n is None or len(items) <= n else list(items[:n - 1])
    out: list[Span] = []
    for i, it in enumerate(shown):
        if i:
            out.append(Span(" · ", muted=True))
        out += list(it)
    if len(shown) < len(items):
        out.append(Span(f" … and {len(items) - len(shown)} more", muted=True))
    return tuple(out)


def _bullets(w: Writer, items: Sequence[Rich], x: float, y: float, width: float,
             gap: float) -> float:
    """A bulleted list at (x, y); returns its height."""
    top = y
    indent = 0.9 * w.fit.body_pt * DP
    for item in items:
        w.text(x, y, indent, (Span("•"),), w.body, ACCENT)
        y += w.text(x + indent, y, width - indent, item, w.body) + gap
    return y - top


def _list(w: Writer, s: Section, n: int | None, x: float, y: float, width: float) -> float:
    """A list section's items; in a compact layout in fewer words, closer together and in
    two columns when that takes less height."""
    fit = w.fit
    pt = fit.body_pt * DP
    compact = fit.compact > 0
    shown = limited(s.short if compact and s.short else s.items, n, s.keep)
    gap = (COMPACT_GAP if compact else ITEM_GAP) * pt
    if fit.compact >= 2 and len(shown) >= 4:
        col_gap = 1.5 * pt
        half = (width - col_gap) / 2
        indent = 0.9 * pt
        one = [w.height(width - indent, it, w.body) + gap for it in shown]
        two = [w.height(half - indent, it, w.body) + gap for it in shown]
        k = balance(two)
        # two columns where they save height without breaking many items over two lines
        wraps = sum(two) - sum(one) <= WRAP_SHARE * sum(one)
        if wraps and max(sum(two[:k]), sum(two[k:])) < sum(one) - 0.5 * pt:
            left = _bullets(w, shown[:k], x, y, half, gap)
            return max(left, _bullets(w, shown[k:], x + half + col_gap, y, half, gap))
    return _bullets(w, shown, x, y, width, gap)


def section_height(w: Writer, s: Section, x: float, y: float, width: float,
                   n: int | None = None) -> float:
    """Lay out one section at (x, y) with room for about `n` items (None: all); returns its
    height (ops are recorded in `w`)."""
    fit = w.fit
    pt = fit.body_pt * DP
    top = y
    y += w.text(x, y, width, (Span(s.title),), w.head, ACCENT) - 0.1 * pt
    w.rule(x, y + 0.1 * pt, width)
    y += 0.45 * pt
    if s.style == "prose":
        # one flowing paragraph of whole leading sentences, not a line from each paragraph;
        # a column's prose ("As a medicine") is a shorter note than the sheet's main text
        k = max(1, min(fit.sentences, 4 if s.wide else 2))
        paras = s.paragraphs[:fit.max_paragraphs] if fit.max_paragraphs else s.paragraphs
        text = lead(paras, k, LEAD[k])
        y += w.text(x, y, width, (Span(text),), w.body, align=Qt.AlignmentFlag.AlignJustify)
    elif s.style == "inline":
        y += w.text(x, y, width, _inline(s.items, n), w.body)
    elif s.style == "table":
        y += table_height(w, s, n, x, y, width)
    else:
        y += _list(w, s, n, x, y, width)
    return y - top


def _section_key(s: Section, fit: Fit, width: float, n: int | None) -> tuple[Any, ...]:
    return ("section", id(s), fit.body_pt, n, fit.sentences, fit.max_paragraphs,
            fit.compact, round(width, 1))


def section_at(w: Writer, memo: Memo | None, s: Section, x: float, y: float,
               width: float, n: int | None = None) -> float:
    return block(w, memo, _section_key(s, w.fit, width, n), x, y,
                 lambda t: section_height(t, s, 0, 0, width, n))


def measure_section(fit: Fit, s: Section, width: float, memo: Memo | None = None,
                    n: int | None = None) -> float:
    hit = memo.get(_section_key(s, fit, width, n)) if memo is not None else None
    if hit is not None:
        return hit[1]
    return section_at(Writer(fit), memo, s, 0, 0, width, n)
