"""The full-text index of the content database, stated once: its table name and its columns
in order, each with its bm25 weight. The builder's DDL, the search's bm25 weights and the
column the search snippets come from are all derived from `FTS_COLUMNS`.

No SQLAlchemy here: opening a database and searching import this without the ORM.
"""

from __future__ import annotations

from typing import NamedTuple

FTS_TABLE = "search_index"


class FtsColumn(NamedTuple):
    name: str
    weight: float     # bm25 weight of a match in this column
    indexed: bool = True


# page_id and kind are carried, not searched. Names are indexed folded (Greek letters as
# Latin: IL-1β finds IL-1b); keys are compact name keys; facets are the names of linked cells,
# diseases and drugs; the body keeps its spelling so that snippets read as written (the
# tokenizer ignores case and accents by itself).
FTS_COLUMNS: tuple[FtsColumn, ...] = (
    FtsColumn("page_id", 0.0, indexed=False),
    FtsColumn("kind", 0.0, indexed=False),
    FtsColumn("name", 12.0),
    FtsColumn("aliases", 8.0),
    FtsColumn("keys", 8.0),
    FtsColumn("summary", 4.0),
    FtsColumn("facets", 2.5),
    FtsColumn("body", 1.0),
)
FTS_NAMES: tuple[str, ...] = tuple(c.name for c in FTS_COLUMNS)

PREFIX_INDEX = (1, 2, 3)  # prefix lengths FTS5 keeps an index for; a longer prefix is merged

FTS_DDL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    + ", ".join(c.name if c.indexed else f"{c.name} UNINDEXED" for c in FTS_COLUMNS)
    + ", tokenize = 'porter unicode61 remove_diacritics 2', prefix = '"
    + " ".join(str(n) for n in PREFIX_INDEX) + "')"
)
FTS_INSERT = (f"INSERT INTO {FTS_TABLE} ({', '.join(FTS_NAMES)}) "
              f"VALUES ({', '.join('?' * len(FTS_NAMES))})")
# bm25(search_index, WEIGHTS): one weight a column, in column order.
WEIGHTS = ", ".join(f"{c.weight:g}" for c in FTS_COLUMNS)
SNIPPET_COLUMN = FTS_NAMES.index("body")  # the column snippets are cut from
