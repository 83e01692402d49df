"""What the cover of an exported result list says: the search and filters it came from, and
what it left out (pages that have no fact sheet), and the file name it is offered under.

    >>> about = results_about("th17", ["Role: produced by"],
    ...                       [("T-helper 17 cell", "cell_type"), ("IL-17RA", "receptor")])
    >>> about.title
    'Search results for “th17”'
    >>> about.lines[0]
    'From the search “th17” · filters: Role: produced by'
    >>> about.lines[1]
    'Left out (no fact sheet): 1 cell type (T-helper 17 cell); 1 receptor chain (IL-17RA)'
    >>> file_name("Th17 / IL-23?")
    'th17-il-23.pdf'
    >>> file_name("  ")
    'ildesk-results.pdf'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ildesk.vocab import KIND_LABEL

MAX_NAMED = 8  # names listed per left-out kind; more are counted ("… and 4 more")
_UNSAFE = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class ResultsAbout:
    title: str
    lines: tuple[str, ...]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def results_about(query: str, filters: Sequence[str],
                  left_out: Sequence[tuple[str, str]]) -> ResultsAbout:
    """`filters` as the window shows them ("Cell type: T-helper 17 cell"); `left_out` the
    (name, page kind) of each listed page that has no fact sheet, in list order."""
    query = " ".join(query.split())
    if query:
        title = f"Search results for “{query}”"
        source = f"From the search “{query}”"
    else:
        title = "Search results" if filters else "All interleukins"
        source = "From the list of all interleukins" if not filters else "From the filters"
    if filters:
        source += " · filters: " + ", ".join(filters)
    lines = [source]
    by_kind: dict[str, list[str]] = {}
    for name, kind in left_out:
        by_kind.setdefault(kind, []).append(name)
    if by_kind:
        parts = []
        for kind, names in by_kind.items():
            label = "note" if kind == "note" else KIND_LABEL.get(kind, kind).lower()
            shown = ", ".join(names[:MAX_NAMED])
            more = f" and {len(names) - MAX_NAMED} more" if len(names) > MAX_NAMED else ""
            parts.append(f"{_plural(len(names), label)} ({shown}{more})")
        lines.append("Left out (no fact sheet): " + "; ".join(parts))
    return ResultsAbout(title, tuple(lines))


def file_name(query: str, default: str = "ildesk-results") -> str:
    """A safe file name from the query: letters, digits and dashes, lower case, `.pdf`."""
    stem = _UNSAFE.sub("-", query.casefold()).strip("-_")[:60].strip("-_")
    return f"{stem or default}.pdf"
