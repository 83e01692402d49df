"""A comparison as JSON (`ildesk compare --json`) and as a plain text table (the terminal).

    as_json(c)["shared"]["chains"]      # ['IL4R', 'IL13RA1']  (HGNC symbols)
    as_json(c)["own"]["il-13"]["chains"]  # ['IL13RA2']
    print(as_text(c, width=100))
"""

from __future__ import annotations

import textwrap
from typing import Any

from ildesk.compare.model import ASCII_MARK, SHARE_LABEL, Comparison, Entry, Field

# The summary keys of `--json` and the fields each one gathers.
SUMMARY: dict[str, tuple[str, ...]] = {
    "chains": ("chains",),
    "kinases": ("kinases",),
    "transcription_factors": ("transcription_factors",),
    "cell_types": ("producing_cells", "target_cells"),
    "diseases": ("diseases",),
    "drugs": ("drugs",),
}


def _name(e: Entry, key: str) -> str:
    return e.symbol if key == "chains" and e.symbol else e.label


def _summary(c: Comparison, pick: Any) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, fields in SUMMARY.items():
        names: list[str] = []
        for f in fields:
            names += [_name(e, key) for e in pick(c.field(f)) if _name(e, key) not in names]
        out[key] = names
    return out


def _entry(e: Entry) -> dict[str, Any]:
    return {"key": e.key, "label": e.label, "detail": e.detail, "page": e.page,
            "share": e.share, **({"symbol": e.symbol} if e.symbol else {})}


def as_json(c: Comparison) -> dict[str, Any]:
    """`{"items": [...], "shared": {...}, "own": {id: {...}}, "some": [...], "names": {...},
    "table": [...]}`: shared and own by the keys of `SUMMARY` (chains as HGNC symbols,
    drugs by name); "names" maps a chain's symbol to its common name (IL4R -> IL-4Rα,
    IL12B -> p40); "table" is every row with every cell."""
    genes = c.field("genes")
    items = [{"id": it.id, "name": it.name, "short": it.short, "family": it.family,
              "status": it.status, "genes": [e.symbol for e in genes.cells[i]]}
             for i, it in enumerate(c.items)]
    some: list[dict[str, Any]] = []
    for key, fields in SUMMARY.items():
        for f in fields:
            for line in lines_of(c.field(f)):
                e = next(x for x in line if x is not None)
                if e.share == "some" and all(s["name"] != _name(e, key) for s in some):
                    some.append({"kind": key, "name": _name(e, key),
                                 "ids": [c.items[h].id for h in e.holders]})
    chains = c.field("chains")
    names = {e.symbol: e.label for cell in chains.cells for e in cell if e.symbol}
    return {
        "items": items,
        "shared": _summary(c, lambda f: f.shared()),
        "own": {it.id: _summary(c, lambda f, i=i: f.own(i)) for i, it in enumerate(c.items)},
        "some": some,
        "names": names,
        "table": [{"key": f.key, "title": f.title,
                   "cells": [[_entry(e) for e in cell] for cell in f.cells]} for f in c],
        "data_version": c.data_version,
    }


def lines_of(f: Field) -> list[tuple[Entry | None, ...]]:
    """The field as lines across the columns: aligned lines, or each column's list in turn."""
    if f.aligned:
        return [line.cells for line in f.lines]
    depth = max((len(cell) for cell in f.cells), default=0)
    return [tuple(cell[i] if i < len(cell) else None for cell in f.cells)
            for i in range(depth)]


def _cell_text(e: Entry | None) -> str:
    if e is None:
        return ""
    text = f"{ASCII_MARK[e.share]} {e.label}"
    return f"{text} ({e.detail})" if e.detail else text


def as_text(c: Comparison, width: int = 100) -> str:
    """A readable table for a terminal `width` characters wide: a column per interleukin,
    a block of lines per field; aligned fields keep shared chains on one line."""
    width = max(60, width)
    n = len(c.items)
    label_w = 16
    col_w = max(14, (width - label_w - 3 * n) // n)

    def row(label: str, cells: list[str]) -> list[str]:
        wrapped = [textwrap.wrap(t, col_w) or [""] for t in cells]
        heads = textwrap.wrap(label, label_w) or [""]
        depth = max(len(heads), *(len(w) for w in wrapped))
        out = []
        for i in range(depth):
            left = heads[i] if i < len(heads) else ""
            parts = [(w[i] if i < len(w) else "").ljust(col_w) for w in wrapped]
            out.append((left.ljust(label_w) + " | " + " | ".join(parts)).rstrip())
        return out

    rule = "-" * min(width, label_w + n * (col_w + 3))
    marks = "   ".join(f"{ASCII_MARK[s]} {SHARE_LABEL[s]}" for s in ("all", "some", "own")
                       if n > 2 or s != "some")
    out = [f"Compare {c.title}", marks, rule,
           *row("", [f"{it.short} — {it.name}" for it in c.items]), rule]
    for f in c:
        if f.is_empty():
            continue
        lines = lines_of(f)
        title = f.title
        for cells in lines:
            out += row(title, [_cell_text(e) for e in cells])
            title = ""
        out.append(rule)
    if c.data_version:
        out.append(f"ildesk data version {c.data_version}")
    return "\n".join(out)
