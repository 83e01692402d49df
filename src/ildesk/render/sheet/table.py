"""A "table" section of a fact sheet (a disease's drugs, a drug's approvals): headings, then
one row per item with each cell wrapped in its column, shortened like a list (its kept rows
always, then the first others, then "… and N more")."""

from __future__ import annotations

from ildesk.factsheet.model import Section, Span
from ildesk.render.sheet.blocks import Writer
from ildesk.render.sheet.fonts import DP, MUTED

COL_GAP = 0.8   # between columns, in body sizes
ROW_GAP = 0.12  # between rows (compact: a third of it)


def shown_rows(count: int, n: int | None, keep: frozenset[int]) -> tuple[list[int], int]:
    """The rows a table shows with room for about `n` lines, and how many it leaves out:
    every row when they fit, else the kept rows and the first others (a line goes to
    "… and N more").

    >>> shown_rows(5, None, frozenset()), shown_rows(5, 3, frozenset({4}))
    (([0, 1, 2, 3, 4], 0), ([0, 4], 3))
    """
    if n is None or count <= n:
        return list(range(count)), 0
    room = max(n - 1, len(keep))
    if count - room <= 1:
        return list(range(count)), 0
    others = room - len(keep)
    rows: list[int] = []
    for i in range(count):
        if i in keep:
            rows.append(i)
        elif others > 0:
            rows.append(i)
            others -= 1
    return rows, count - len(rows)


def table_height(w: Writer, s: Section, n: int | None, x: float, y: float,
                 width: float) -> float:
    """Lay out the table of `s` at (x, y), `width` wide; returns its height."""
    pt = w.fit.body_pt * DP
    gap = COL_GAP * pt
    total = sum(s.widths) or 1.0
    usable = width - gap * (len(s.columns) - 1)
    lefts, widths = [], []
    left = x
    for share in s.widths:
        lefts.append(left)
        widths.append(usable * share / total)
        left += usable * share / total + gap
    top = y
    y += max(w.text(cx, y, cw, (Span(title, bold=True),), w.small, MUTED)
             for cx, cw, title in zip(lefts, widths, s.columns, strict=True))
    w.rule(x, y, width)
    y += 0.2 * pt
    row_gap = ROW_GAP * pt / (3 if w.fit.compact else 1)
    rows, more = shown_rows(len(s.cells), n, s.keep)
    for i in rows:
        y += max(w.text(cx, y, cw, cell, w.body)
                 for cx, cw, cell in zip(lefts, widths, s.cells[i], strict=True)) + row_gap
    if more:
        y += w.text(x, y, width, (Span(f"… and {more} more", muted=True),), w.body)
    return y - top
