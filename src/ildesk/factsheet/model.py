"""What a fact sheet says, as plain frozen dataclasses: no layout, no Qt.

A `Sheet` is a header, an at-a-glance table of `Fact`s, an optional signalling diagram (an
interleukin's page dict, for `ildesk.diagram.layout`, with a caption, a status note and the
drug to highlight), `Section`s and references. The renderer
decides how much of each list and how many sentences of each paragraph fit on the page; the
model therefore keeps everything, with prose split into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ildesk.db.pages.types import InterleukinPage

DISCLAIMER = ("For education and reference. Not medical advice; "
              "check the current product label before prescribing.")


@dataclass(frozen=True)
class Span:
    """A run of text in one style."""

    text: str
    bold: bool = False
    muted: bool = False


Rich = tuple[Span, ...]
"""One line of the table, one list item or one paragraph: spans in order."""


def rich(*parts: str | Span) -> Rich:
    """`rich("plain ", Span("bold", bold=True))`: strings become plain spans; empty ones go."""
    return tuple(p if isinstance(p, Span) else Span(p) for p in parts if
                 (p.text if isinstance(p, Span) else p))


def rich_text(line: Rich) -> str:
    return "".join(s.text for s in line)


@dataclass(frozen=True)
class Fact:
    """A row of the at-a-glance table: a label and one or more lines of value."""

    label: str
    lines: tuple[Rich, ...]


SectionStyle = Literal["prose", "list", "inline", "table"]


@dataclass(frozen=True)
class Section:
    """A titled block of the sheet.

    - "prose": `paragraphs` holds each paragraph as its sentences; the renderer shows the
      first sentences of each, whole sentences only.
    - "list": one item a line (bulleted), shortened with "… and N more" when needed.
    - "inline": items run together separated by commas (cell types), also shortened.
    - "table": `cells` holds each row's cells under the headings `columns` (`widths`: each
      column's share of the width); `items` each row as one line. Shortened like a list.

    `keep` holds the indices of items a shortened list still shows (an approved drug, a
    disease an approved drug is given for); `short`, when given, is each item in fewer words,
    for a compact layout (a drug without its brand names, an interleukin without its note).
    """

    title: str
    style: SectionStyle
    items: tuple[Rich, ...] = ()
    paragraphs: tuple[tuple[str, ...], ...] = ()
    wide: bool = False  # spans both columns
    keep: frozenset[int] = frozenset()
    short: tuple[Rich, ...] = ()
    columns: tuple[str, ...] = ()
    cells: tuple[tuple[Rich, ...], ...] = ()
    widths: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        if self.style == "table" and (len(self.cells) != len(self.items) or any(
                len(row) != len(self.columns) for row in self.cells)
                or len(self.widths) != len(self.columns)):
            raise ValueError(f"section {self.title!r}: every row needs a cell per column, "
                             "and every column a width")
        if self.short and len(self.short) != len(self.items):
            raise ValueError(f"section {self.title!r}: {len(self.short)} short items for "
                             f"{len(self.items)} items")
        if any(not 0 <= i < len(self.items) for i in self.keep):
            raise ValueError(f"section {self.title!r}: an item to keep is not in the list")

    def kept(self) -> tuple[Rich, ...]:
        """The items a shortened list never leaves out, in order."""
        return tuple(x for i, x in enumerate(self.items) if i in self.keep)

    def __len__(self) -> int:
        return len(self.items) if self.style != "prose" else len(self.paragraphs)


@dataclass(frozen=True)
class Reference:
    title: str
    year: int
    pmid: int

    def text(self) -> str:
        title = self.title.rstrip(".")
        return f"{title}. {self.year}. PMID {self.pmid}"


@dataclass(frozen=True)
class Footer:
    data_version: str
    date: str
    disclaimer: str = DISCLAIMER


SheetKind = Literal["interleukin", "disease", "drug"]


@dataclass(frozen=True)
class Sheet:
    """One printable page."""

    kind: SheetKind
    page_id: str
    title: str                       # "IL-2" (the abbreviation where there is one)
    full_name: str                   # "Interleukin-2"
    kicker: str                      # "Interleukin · common γ-chain family"
    aliases: tuple[str, ...]
    lede: str                        # one sentence under the title (plain text)
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    footer: Footer
    diagram_page: InterleukinPage | None = field(default=None, compare=False, repr=False)
    # Printed above the diagram: what it shows ("Where dupilumab acts: IL-4 signalling"; empty
    # on an interleukin's own sheet) and, for a disputed interleukin, a line saying so.
    diagram_caption: str = ""
    diagram_note: str = ""
    diagram_highlight: str | None = None  # the page id of the drug drawn in the accent

    def plain_text(self) -> str:
        """Everything the sheet can say, as text (for tests and search)."""
        out = [self.title, self.full_name, self.kicker, ", ".join(self.aliases), self.lede,
               self.diagram_caption, self.diagram_note]
        for f in self.facts:
            out.append(f.label + ": " + " / ".join(rich_text(x) for x in f.lines))
        for s in self.sections:
            out.append(s.title)
            out += [rich_text(x) for x in s.items]
            out += [" ".join(p) for p in s.paragraphs]
        out += [r.text() for r in self.references]
        out += [self.footer.data_version, self.footer.date, self.footer.disclaimer]
        return "\n".join(x for x in out if x)
