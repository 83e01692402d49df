"""The cover of a multi-sheet PDF: a title, what follows, and a list of the sheets in one to
three columns, at the largest type that fits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QRectF

from ildesk.factsheet.model import DISCLAIMER, Sheet, Span
from ildesk.render.sheet.blocks import Writer
from ildesk.render.sheet.fonts import ACCENT, DP, MM, MUTED, TEXT, font
from ildesk.render.sheet.ops import Fit, SheetLayout
from ildesk.render.typeface import ensure_app


def cover_layout(sheets: Sequence[Sheet], c: QRectF, title: str = "",
                 notes: Sequence[str] = ()) -> SheetLayout:
    """A cover listing the sheets that follow, in one to three columns; `notes` are lines
    under the title (where a result list came from, what it left out)."""
    ensure_app()
    best: SheetLayout | None = None
    for pt in (10.0, 9.0, 8.0, 7.5):
        w = Writer(Fit(body_pt=pt))
        x, y, width = c.left(), c.top(), c.width()
        y += w.text(x, y, width, (Span("ildesk"),), font(10.0, bold=True), ACCENT)
        y += w.text(x, y, width, (Span(title or "Interleukin fact sheets"),),
                    font(24.0, bold=True), TEXT)
        kinds = sorted({s.kind for s in sheets})
        data = sheets[0].footer.data_version if sheets else ""
        today = sheets[0].footer.date if sheets else date.today().isoformat()
        sub = (f"{len(sheets)} sheet{'s' if len(sheets) != 1 else ''} "
               f"({', '.join(k + 's' for k in kinds)}) · data version {data} · printed {today}")
        y += w.text(x, y, width, (Span(sub),), font(9.0), MUTED) + 1.0 * MM
        for line in notes:
            y += w.text(x, y, width, (Span(line),), font(9.0), TEXT, max_lines=3) + 0.5 * MM
        y += 1.0 * MM
        w.rule(x, y, width, ACCENT, 1.0)
        y += 4.0 * MM
        rows_top = y
        ncols = 1 if len(sheets) <= 20 else (2 if len(sheets) <= 80 else 3)
        per_col = -(-len(sheets) // ncols) if sheets else 0
        gap = 6.0 * MM
        col_w = (width - gap * (ncols - 1)) / ncols
        bottom = y
        for i, s in enumerate(sheets):
            col, row = divmod(i, per_col)
            cx = x + col * (col_w + gap)
            if row == 0:
                y = rows_top
            num_w = 2.6 * pt * DP
            w.text(cx, y, num_w, (Span(f"{i + 2}"),), w.body, MUTED)
            name = (Span(s.title, bold=True),
                    Span(f"  {s.full_name}" if s.full_name and s.full_name != s.title else "",
                         muted=True))
            y += w.text(cx + num_w, y, col_w - num_w,
                        tuple(sp for sp in name if sp.text), w.body, max_lines=1)
            bottom = max(bottom, y)
        f = font(7.5)
        foot_y = c.bottom() - f.pixelSize() * 1.28
        w.text(x, foot_y, width, (Span(DISCLAIMER, bold=True),), f, MUTED, max_lines=1)
        best = SheetLayout(content=c, ops=w.ops, fit=Fit(body_pt=pt), bottom=bottom,
                           limit=foot_y - 2.0 * MM)
        if best.fits:
            return best
    assert best is not None
    return best
