"""Fit one fact sheet onto one page: a sequence of ever more compact settings (`ATTEMPTS`:
smaller diagram, compact lists, fewer sentences, shorter lists, smaller type down to 7.5 pt),
searched by bisection for the first that fits, then the height left over given back to the
lists (each on its own) and the diagram. A shortened list never leaves out its kept items.

Coordinates are decipoints (1/720 inch) from the top-left of the printable area, so a layout
is independent of the device it is painted on; `SheetLayout.outside()` lists anything painted
outside the content rectangle, which tests assert is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QRectF

from ildesk.factsheet.model import Section, Sheet, Span
from ildesk.render.sheet.blocks import (
    Memo,
    Writer,
    balance,
    block,
    diagram_block,
    footer,
    header,
    table,
)
from ildesk.render.sheet.fonts import BODY_FLOOR_PT, DP, MM
from ildesk.render.sheet.ops import DiagramOp, DiagramSource, Fit, SheetLayout, flat
from ildesk.render.sheet.sections import measure_section, section_at, section_height
from ildesk.render.typeface import ensure_app

DIAGRAM_FLOOR_PT = 6.0  # the diagram's box labels are never planned smaller than this on paper


def _attempts() -> list[Fit]:
    """Settings from roomiest to most compact, in order of preference: at each type size
    first a smaller diagram (down to 6 pt labels), compact lists (fewer words, closer, then
    two columns) and a shorter lead paragraph (never under two sentences), and only then
    shorter lists (never under six items) before the next smaller size; at the 7.5 pt floor,
    lists shrink further (to their kept items), references go, the lead goes down to one
    sentence, whole sections at the end are dropped, and last the diagram goes below 6 pt.
    A shortened list always keeps its kept items (approved drugs, the diseases they are
    for), and a section with any is never dropped. Whatever height is left over afterwards
    goes back to the lists, then to the diagram (`layout_sheet`)."""
    steps: list[tuple[float, int, int | None, int]] = [
        (7.5, 4, None, 0), (7.0, 3, None, 0), (6.5, 3, None, 1), (6.0, 3, None, 1),
        (6.0, 3, None, 2), (6.0, 2, None, 2), (6.0, 2, 12, 2), (6.0, 2, 10, 2), (6.0, 2, 8, 2),
        (6.0, 2, 6, 2)]
    out = [Fit(body_pt=pt, diagram_pt=d, sentences=n, max_items=k, compact=m)
           for pt in (9.0, 8.5, 8.0, BODY_FLOOR_PT) for d, n, k, m in steps]
    last = out[-1]
    changes: list[dict[str, Any]] = [
        {"max_items": 5}, {"max_items": 4}, {"references": 2, "max_paragraphs": 2},
        {"max_items": 3}, {"sentences": 1}, {"references": 1, "max_paragraphs": 1},
        {"max_items": 2}, {"max_items": 1}, {"references": 0},
        *[{"drop_sections": n} for n in range(1, 6)],
        {"diagram_pt": 5.5}, {"diagram_pt": 5.0}]
    for change in changes:
        last = replace(last, **change)
        out.append(last)
    return out


ATTEMPTS = _attempts()


def kept_sections(sheet: Sheet, drop: int) -> list[tuple[int, Section]]:
    """The sections shown (with their index) when the last `drop` sections that keep no
    items are left out."""
    dropped: set[int] = set()
    for index in range(len(sheet.sections) - 1, -1, -1):
        if len(dropped) >= drop:
            break
        if not sheet.sections[index].keep:
            dropped.add(index)
    return [(i, s) for i, s in enumerate(sheet.sections) if i not in dropped]


def _layout_once(sheet: Sheet, c: QRectF, fit: Fit, page_label: str,
                 diagram: DiagramSource | None, memo: Memo | None = None) -> SheetLayout:
    w = Writer(fit)
    pt = fit.body_pt * DP
    gap = 5.0 * MM
    y = block(w, memo, ("header", fit.body_pt), 0, 0, lambda t: header(t, sheet, c))
    footer_top = block(w, memo, ("footer", page_label), 0, 0,
                        lambda t: footer(t, sheet, c, page_label))
    limit = footer_top - 0.6 * pt
    if sheet.diagram_page is not None and diagram is not None:
        y += diagram_block(w, sheet, c, y, fit, diagram, memo)
    elif sheet.facts:
        y += block(w, memo, ("table", fit.body_pt, c.width()), c.left(), y,
                    lambda t: table(t, sheet.facts, 0, 0, c.width()))
    tight = fit.compact >= 2  # compact lists: the sections closer together too
    y += (0.7 if tight else 0.9) * pt
    # the sections: wide ones full width, runs of narrow ones in two balanced columns
    sections = kept_sections(sheet, fit.drop_sections)
    col_w = (c.width() - gap) / 2
    sep = (0.55 if tight else 0.8) * pt
    i = 0
    while i < len(sections):
        if sections[i][1].wide:
            index, s = sections[i]
            y += section_at(w, memo, s, c.left(), y, c.width(), fit.items_for(index)) + sep
            i += 1
            continue
        j = i
        while j < len(sections) and not sections[j][1].wide:
            j += 1
        run = sections[i:j]
        heights = [measure_section(fit, s, col_w, memo, fit.items_for(index)) + sep
                   for index, s in run]
        k = balance(heights)
        yl = yr = y
        for index, s in run[:k]:
            yl += section_at(w, memo, s, c.left(), yl, col_w, fit.items_for(index)) + sep
        for index, s in run[k:]:
            yr += section_at(w, memo, s, c.left() + col_w + gap, yr, col_w,
                             fit.items_for(index)) + sep
        y = max(yl, yr)
        i = j
    if sheet.references and fit.references:
        refs = Section("Key references", "list",
                       items=tuple((Span(r.text()),) for r in sheet.references[:fit.references]))
        small = replace(fit, body_pt=max(BODY_FLOOR_PT, fit.body_pt - 0.5))
        rw = Writer(small)
        y += block(rw, memo, ("refs", fit.references, small.body_pt), c.left(), y,
                    lambda t: section_height(t, refs, 0, 0, c.width()))
        w.ops += rw.ops
    return SheetLayout(content=c, ops=w.ops, fit=fit, bottom=y, limit=limit, slack=w.slack)


def layout_sheet(sheet: Sheet, content: QRectF, page_label: str = "",
                 diagram: DiagramSource | None = None) -> SheetLayout:
    """The most preferred layout of `sheet` (earliest in ATTEMPTS) that fits `content`.

    ATTEMPTS come in blocks of one type size, each ordered from roomy to compact; the first
    block whose most compact member fits is searched by bisection, so a sheet costs a handful
    of trial layouts. The answer is always one that was measured to fit (or, when nothing
    fits, the most compact one, which `fits` then reports)."""
    ensure_app()
    found = _search(sheet, content, page_label, diagram)
    return replace(found, ops=flat(found.ops))


def _search(sheet: Sheet, content: QRectF, page_label: str, diagram: DiagramSource | None
            ) -> SheetLayout:
    cache: dict[int, SheetLayout] = {}
    memo: Memo = {}

    def at(i: int) -> SheetLayout:
        if i not in cache:
            cache[i] = _layout_once(sheet, content, ATTEMPTS[i], page_label, diagram, memo)
        return cache[i]

    if at(0).fits:
        return _grow_diagram(sheet, content, at(0), page_label, diagram, memo)
    blocks: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(ATTEMPTS) + 1):
        if i == len(ATTEMPTS) or ATTEMPTS[i].body_pt != ATTEMPTS[start].body_pt:
            blocks.append((start, i - 1))
            start = i
    for first, last in blocks:
        if not at(last).fits:
            continue
        lo, hi = first - 1, last  # at(hi) fits; at(lo) does not (or lo is before the block)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if at(mid).fits:
                hi = mid
            else:
                lo = mid
        chosen = _grow_lists(sheet, content, at(hi), page_label, diagram, memo)
        return _grow_diagram(sheet, content, chosen, page_label, diagram, memo)
    return at(len(ATTEMPTS) - 1)


def _grow_diagram(sheet: Sheet, content: QRectF, chosen: SheetLayout, page_label: str,
                  diagram: DiagramSource | None, memo: Memo | None = None) -> SheetLayout:
    """Give the height left at the foot of the page (and beside a short diagram, the height
    the table takes anyway) to the diagram, up to the width it may take."""
    if diagram is None or not any(isinstance(op, DiagramOp) for op in chosen.ops):
        return chosen
    extra = chosen.limit - chosen.bottom + chosen.slack
    if extra < 1.0 * DP:
        return chosen
    best = chosen
    for share in (1.0, 0.9, 0.5):
        trial = _layout_once(sheet, content, replace(chosen.fit, grow=extra * share),
                             page_label, diagram, memo)
        if trial.fits:
            best = trial
            break
    left = best.limit - best.bottom
    if chosen.fit.beside is None and left > 0.05 * content.height() and _is_beside(best):
        # the column beside the table is full and the page is not: a wider column, or the
        # diagram across the page above the table, whichever leaves less empty
        for change in ({"beside": True, "column": 0.52}, {"beside": False}):
            trial = _layout_once(sheet, content, replace(chosen.fit, **change), page_label,
                                 diagram, memo)
            if trial.fits:
                grown = _grow_diagram(sheet, content, trial, page_label, diagram, memo)
                if grown.limit - grown.bottom < left:
                    best, left = grown, grown.limit - grown.bottom
    return best


def _is_beside(lay: SheetLayout) -> bool:
    op = next((o for o in lay.ops if isinstance(o, DiagramOp)), None)
    return op is not None and op.rect.left() > lay.content.left() + lay.content.width() * 0.3


def _grow_lists(sheet: Sheet, content: QRectF, chosen: SheetLayout, page_label: str,
                diagram: DiagramSource | None, memo: Memo | None = None) -> SheetLayout:
    """Show as many list items as still fit with the chosen settings (lists are cut in
    coarse steps by ATTEMPTS; this fills the space that leaves): first every list alike (by
    bisection), then each list still shortened on its own, in the sheet's order, an item at a
    time while it still fits."""
    n = chosen.fit.max_items
    longest = max((len(s.items) for s in sheet.sections), default=0)
    if n is None or n >= longest:
        return chosen
    best = _bisect(sheet, content, chosen, page_label, diagram, memo, n, longest,
                   lambda fit, k: replace(fit, max_items=k))
    for index, s in kept_sections(sheet, best.fit.drop_sections):
        while s.style != "prose":
            k = best.fit.items_for(index)
            if k is None or k >= len(s.items):
                break
            # the next count that shows one item more ("… and N more" takes a line too)
            more: int | None = k + 1 if s.style == "inline" else max(k - 1, len(s.keep)) + 2
            if more is not None and more >= len(s.items):
                more = None
            limits = tuple((i, x) for i, x in best.fit.limits if i != index)
            trial = _layout_once(sheet, content,
                                 replace(best.fit, limits=(*limits, (index, more))),
                                 page_label, diagram, memo)
            if not trial.fits:
                break
            best = trial
    return best


def _bisect(sheet: Sheet, content: QRectF, chosen: SheetLayout, page_label: str,
            diagram: DiagramSource | None, memo: Memo | None, n: int, longest: int,
            change: Callable[[Fit, int | None], Fit]) -> SheetLayout:
    """The layout with the largest item count in (n, longest] (longest: no limit) that
    still fits, after `change`; `chosen` (at n) when none does."""
    trial = _layout_once(sheet, content, change(chosen.fit, None), page_label, diagram, memo)
    if trial.fits:
        return trial
    lo, hi = n, longest  # lo fits; hi (and "no limit") does not
    best = chosen
    while hi - lo > 1:
        mid = (lo + hi) // 2
        trial = _layout_once(sheet, content, change(chosen.fit, mid), page_label, diagram,
                             memo)
        if trial.fits:
            lo, best = mid, trial
        else:
            hi = mid
    return best
