"""The content database's schema has one source, `ildesk.db.models` (with the full-text index
of `ildesk.db.fts`): the column lists, the readers' SQL and the schema number are held to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ildesk.db import models, pages
from ildesk.db.columns import COLUMNS
from ildesk.db.engine import SCHEMA_DIGEST, SCHEMA_VERSION, open_content
from ildesk.db.fts import FTS_NAMES, FTS_TABLE


def test_changing_the_models_needs_a_new_schema_version():
    version, digest = SCHEMA_DIGEST
    now = models.ddl_digest()
    assert version == SCHEMA_VERSION, (
        f"SCHEMA_VERSION is {SCHEMA_VERSION} but the digest recorded is for version {version}: "
        f"set SCHEMA_DIGEST = ({SCHEMA_VERSION}, {now!r}) in ildesk/db/engine.py")
    assert now == digest, (
        "The tables in ildesk.db.models (or the FTS index) changed but SCHEMA_VERSION did "
        f"not: raise SCHEMA_VERSION and set SCHEMA_DIGEST = (<new version>, {now!r}).")


def test_the_column_lists_are_the_models():
    assert {name: tuple(c.name for c in table.columns)
            for name, table in models.Base.metadata.tables.items()} == COLUMNS


def test_the_built_full_text_index_has_the_declared_columns(content):
    cols = [r[1] for r in content.sqlite.execute(f"PRAGMA table_info({FTS_TABLE})")]
    assert tuple(cols) == FTS_NAMES


def test_every_page_reads_the_same_from_a_database_made_of_the_models_alone(
        content, db_path: Path, tmp_path: Path):
    """The readers' SQL needs nothing the models do not declare: a database created from
    `models.ddl()` alone, filled with the declared columns only, gives every page unchanged."""
    bare = tmp_path / "bare.sqlite"
    conn = sqlite3.connect(bare)
    conn.executescript(models.ddl())
    conn.execute("ATTACH DATABASE ? AS built", (f"file:{db_path}?mode=ro",))
    for table, columns in [*COLUMNS.items(), (FTS_TABLE, FTS_NAMES)]:
        cols = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f"INSERT INTO main.{table} ({cols}) SELECT {cols} FROM built.{table}")
    conn.commit()
    conn.execute("DETACH DATABASE built")
    conn.close()
    ids = [p["id"] for p in pages.list_pages(content)]
    assert len(ids) > 400
    with open_content(bare) as copy:
        for pid in ids:
            assert pages.page(copy, pid) == pages.page(content, pid), pid
        assert pages.families(copy) == pages.families(content)
        assert pages.hierarchy(copy, "disease") == pages.hierarchy(content, "disease")
