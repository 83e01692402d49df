"""The search tables (`index.Index`) computed once, when the content database is built, and
stored in it: a `Searcher` then reads them in ~3 ms instead of deriving them from the page
tables at every start (~30 ms on the shipped database, most of a second at 100,000 entries).

    build(kb, target, derived=(snapshot.write,))   # ildesk.db.builder, at build time
    snapshot.read(conn) or index.load(conn)       # a Searcher, at start

The snapshot is one row of the table `search_snapshot`: the format, the database's data
version, the Python marshal version, a CRC-32 checksum and the marshalled tables (plain dicts,
lists, sets and tuples of text and numbers, no code). It is used only when every one of those
matches and the tables have the shapes `Index` expects; otherwise (an older database, one
built without it, damaged or altered) `read` answers None and the tables are derived from the
pages as before, so a wrong snapshot can cost time but never a wrong or failed search.
"""

from __future__ import annotations

import marshal
import sqlite3
import zlib
from dataclasses import fields
from typing import Any, cast

from ildesk.search import graph, index
from ildesk.search.variants import Variants

TABLE = "search_snapshot"
FORMAT = 1  # raise when Index, Graph or Variants change shape

# Index fields in order, without the two objects stored as their own fields' values.
_PLAIN = tuple(f.name for f in fields(index.Index) if f.name not in ("graph", "variants"))
_GRAPH = tuple(f.name for f in fields(graph.Graph))
# The container each stored table must be (a cheap check of the outer shape).
_SHAPES: dict[str, type] = {
    "names": dict, "alias_keys": dict, "vocabulary": list, "cells_of": dict,
    "diseases_of": dict, "families_of": dict, "linked_ils": dict, "primary_family": dict,
    "disputed": set, "shorts": dict, "own_keys": dict, "sorted_keys": list, "alias_rows": list,
}


def dump(ix: index.Index) -> bytes:
    """The tables of `ix` as bytes (marshal: the fastest reader Python has for plain data)."""
    plain = tuple(getattr(ix, name) for name in _PLAIN)
    g = tuple(getattr(ix.graph, name) for name in _GRAPH)
    v = (ix.variants.by_word, ix.variants.abbreviations)
    return marshal.dumps((_PLAIN, _GRAPH, plain, g, v))


def write(conn: sqlite3.Connection) -> None:
    """Derive the search tables from the pages `conn` holds and store them beside them (a
    writer for `ildesk.db.builder.build`'s `derived`)."""
    data = dump(index.load(conn))
    conn.execute(f"CREATE TABLE {TABLE} (format INTEGER NOT NULL, data_version TEXT NOT NULL, "
                 "marshal_version INTEGER NOT NULL, crc32 INTEGER NOT NULL, data BLOB NOT NULL)")
    conn.execute(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?)",
                 (FORMAT, index.meta_value(conn, "data_version"), marshal.version,
                  zlib.crc32(data), data))


# What every build of a database the program opens writes beside the pages (`ildesk build-db`
# and the window's "Rebuild the database" pass it to the builder).
DERIVED = (write,)


def read(conn: sqlite3.Connection) -> index.Index | None:
    """The stored search tables, or None when there are none this program can trust."""
    try:  # a database built without them has no such table: an OperationalError
        rows = conn.execute(f"SELECT format, data_version, marshal_version, crc32, data "
                            f"FROM {TABLE}").fetchall()
    except sqlite3.DatabaseError:
        return None
    if len(rows) != 1:
        return None
    fmt, version, marshal_version, crc, data = rows[0]
    if (fmt != FORMAT or marshal_version != marshal.version or not isinstance(data, bytes)
            or version != index.meta_value(conn, "data_version")
            or zlib.crc32(data) != crc):
        return None
    try:
        return _index(marshal.loads(data))
    except (ValueError, EOFError, TypeError):
        return None


def _index(stored: object) -> index.Index | None:
    if not (isinstance(stored, tuple) and len(stored) == 5
            and stored[0] == _PLAIN and stored[1] == _GRAPH):
        return None
    _names, _graph_names, plain, g, v = stored
    if not (isinstance(plain, tuple) and len(plain) == len(_PLAIN)
            and isinstance(g, tuple) and len(g) == len(_GRAPH)
            and isinstance(v, tuple) and len(v) == 2):
        return None
    tables = dict(zip(_PLAIN, plain, strict=True))
    if any(not isinstance(tables[name], kind) for name, kind in _SHAPES.items()):
        return None
    if not all(isinstance(t, (dict, set)) for t in g) or not all(isinstance(t, dict) for t in v):
        return None
    built: Any = index.Index  # the shapes were checked above, not by the type checker
    return cast(index.Index, built(**tables, graph=graph.Graph(*g),
                                   variants=Variants(by_word=v[0], abbreviations=v[1])))
