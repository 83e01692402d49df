"""What a comparison of 2–4 interleukins is: one table, a column per interleukin and a row
(`Field`) per kind of fact, each cell a list of `Entry`s marked by how widely they are shared.

    c = compare(content, ["il-4", "il-13"])
    chains = c.field("chains")
    [e.label for e in chains.shared()]          # ['IL-4Rα', 'IL-13Rα1']
    [e.label for e in chains.own(1)]            # ['IL-13Rα2']  (IL-13's own)
    [[e and e.label for e in line.cells] for line in chains.lines]
    # [['IL-4Rα', 'IL-4Rα'], ['IL-13Rα1', 'IL-13Rα1'], ['γc', 'IL-13Rα2']]

Plain frozen dataclasses (no Qt): the window, the PDF, `--json` and the text table are views
of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Literal

from ildesk.db.pages.types import InterleukinPage

Share = Literal["all", "some", "own"]
SHARE_ORDER: tuple[Share, ...] = ("all", "some", "own")
SHARE_LABEL: dict[Share, str] = {
    "all": "shared by all", "some": "shared by some", "own": "its own"}
# The marks printed before an entry: in the window and on paper, and on a plain terminal.
MARK: dict[Share, str] = {"all": "●", "some": "◐", "own": "○"}
ASCII_MARK: dict[Share, str] = {"all": "=", "some": "~", "own": "-"}


@dataclass(frozen=True)
class Entry:
    """One thing in one cell: a chain, a kinase, a disease, a drug ...

    `key` is what makes two entries the same thing (a page id; "gene:IL12B" for a subunit
    gene; the text of a side effect); `label` what the cell shows (a chain by its common
name: IL-4Rα, γc; a subunit by its name: p40); `detail` a short note
    beside it ("therapeutic target", "approved 2017 · blocks IL-4Rα"); `page` the page it
    links to (None: it has none); `holders` the columns (0-based) that have it."""

    key: str
    label: str
    detail: str
    page: str | None
    share: Share
    holders: tuple[int, ...]
    symbol: str = ""  # a chain's or gene's HGNC symbol (what `--json` lists)
    approved: bool = False  # an approved drug: never cut from a printed list

    @property
    def mark(self) -> str:
        return MARK[self.share]


@dataclass(frozen=True)
class Line:
    """One line of an aligned field: the same `key` in every column that has it, or (`key`
    "", share "own") the next own entry of each column, side by side."""

    key: str
    share: Share
    cells: tuple[Entry | None, ...]


@dataclass(frozen=True)
class Field:
    """One row of the table. `cells[i]` lists column i's entries, shared by all first, then
    by some, then its own (drugs: approved first within each). An `aligned` field (genes,
    receptor chains) also has `lines`, one per key, so shared chains sit side by side."""

    key: str
    title: str
    cells: tuple[tuple[Entry, ...], ...]
    aligned: bool = False
    lines: tuple[Line, ...] = ()

    def shared(self) -> list[Entry]:
        """What every column has (as the first column names it)."""
        return [e for e in self.cells[0] if e.share == "all"] if self.cells else []

    def own(self, column: int) -> list[Entry]:
        """What only `column` has."""
        return [e for e in self.cells[column] if e.share == "own"]

    def is_empty(self) -> bool:
        return not any(self.cells)


@dataclass(frozen=True)
class Item:
    """One compared interleukin: its page id, names and family."""

    id: str
    name: str
    short: str
    family: str
    status: str


@dataclass(frozen=True)
class Comparison:
    """The table (`fields`, in reading order) of `items`; `pages` are their typed pages, for
    the diagrams."""

    items: tuple[Item, ...]
    fields: tuple[Field, ...]
    data_version: str = ""
    pages: tuple[InterleukinPage, ...] = dc_field(default=(), compare=False, repr=False)

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    @property
    def title(self) -> str:
        return " · ".join(i.short for i in self.items)
