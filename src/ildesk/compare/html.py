"""The comparison as the HTML table the window shows (Qt's rich-text subset: tables, colours,
links), Qt-free so it is tested without a screen.

    table_html(c)                 # <table>…: a column per interleukin, a row per field
    table_html(c, dark=True)      # the same in colours for a dark theme

Links: "page:ID" opens a page (each entry with a page, each column's heading), "remove:N"
takes column N out (offered while more than two are compared).
"""

from __future__ import annotations

from html import escape

from ildesk.compare.model import MARK, SHARE_LABEL, Comparison, Entry, Field, Share

_LIGHT = {"all": "#1d5a85", "some": "#3f7a43", "own": "#9a5b00", "muted": "#5b6268",
          "shade": "#eef3f7", "rule": "#c9d4dc", "head": "#1d5a85"}
_DARK = {"all": "#8cc4ee", "some": "#9fd49f", "own": "#f0b060", "muted": "#a9b1b8",
         "shade": "#26313a", "rule": "#3c4852", "head": "#8cc4ee"}


def _entry(e: Entry | None, col: dict[str, str]) -> str:
    if e is None:
        return ""
    name = escape(e.label)
    if e.share == "all":
        name = f"<b>{name}</b>"
    if e.page:
        name = f'<a href="page:{escape(e.page)}">{name}</a>'
    mark = (f'<span style="color:{col[e.share]}" title="{SHARE_LABEL[e.share]}">'
            f"{MARK[e.share]}</span>")
    detail = f' <span style="color:{col["muted"]}">{escape(e.detail)}</span>' \
        if e.detail else ""
    return f"{mark}&nbsp;{name}{detail}"


def _legend(c: Comparison, col: dict[str, str]) -> str:
    shares: tuple[Share, ...] = ("all", "some", "own") if len(c.items) > 2 else ("all", "own")
    return " &nbsp; ".join(f'<span style="color:{col[s]}">{MARK[s]}</span> {SHARE_LABEL[s]}'
                           for s in shares)


def _rows(f: Field, n: int, col: dict[str, str], shade: bool) -> list[str]:
    bg = f' bgcolor="{col["shade"]}"' if shade else ""
    title = f'<td valign="top"{{span}}><b style="color:{col["muted"]}">{escape(f.title)}</b></td>'
    if f.is_empty():
        cells = "".join(f'<td style="color:{col["muted"]}">none recorded</td>'
                        for _ in range(n))
        return [f"<tr{bg}>{title.format(span='')}{cells}</tr>"]
    if f.aligned:
        out = []
        for i, line in enumerate(f.lines):
            head = title.format(span=f' rowspan="{len(f.lines)}"') if i == 0 else ""
            cells = "".join(f'<td valign="top">{_entry(e, col)}</td>' for e in line.cells)
            out.append(f"<tr{bg}>{head}{cells}</tr>")
        return out
    cells = "".join('<td valign="top">' + "<br>".join(_entry(e, col) for e in cell) + "</td>"
                    for cell in f.cells)
    return [f"<tr{bg}>{title.format(span='')}{cells}</tr>"]


def table_html(c: Comparison, dark: bool = False) -> str:
    """The whole table, headed by the legend of the marks."""
    col = _DARK if dark else _LIGHT
    n = len(c.items)
    heads = []
    for i, it in enumerate(c.items):
        remove = (f' <a href="remove:{i}" title="Take {escape(it.short)} out of the '
                  f'comparison" style="color:{col["muted"]}">×&nbsp;remove</a>') if n > 2 else ""
        heads.append(f'<th align="left" valign="top" width="{86 // n}%">'
                     f'<a href="page:{escape(it.id)}" '
                     f'style="color:{col["head"]}"><big>{escape(it.short)}</big></a>{remove}'
                     f'<br><span style="color:{col["muted"]};font-weight:normal">'
                     f"{escape(it.name)}</span></th>")
    rows = [f'<tr><th width="14%"></th>{"".join(heads)}</tr>']
    for k, f in enumerate(c.fields):
        rows += _rows(f, n, col, k % 2 == 1)
    return (f'<p style="color:{col["muted"]}">{_legend(c, col)}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="5">{"".join(rows)}'
            "</table>")
