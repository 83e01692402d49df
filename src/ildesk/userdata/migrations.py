"""The user database's schema history: ordered steps from version 0 (empty) to CURRENT.

`PRAGMA user_version` says which steps a file has had. Steps are never edited once released;
a change to the schema is a new step appended here (and a fixture of the old version in
tests/userdata_fixtures/). All pending steps run in one transaction, so a file is either
fully at its old version or fully at the new one.

  v1  bookmark(page_id, name, created), note(page_id, text, updated), history, preference
  v2  bookmarks gain a folder and tags (bookmark_tag); notes keep the page's name
  v3  note_fts: a full-text index of notes kept in step by triggers; history index by time
"""

from __future__ import annotations

import sqlite3

STEPS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1
    (
        "CREATE TABLE bookmark (page_id VARCHAR NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, "
        "created VARCHAR NOT NULL)",
        "CREATE TABLE note (page_id VARCHAR NOT NULL PRIMARY KEY, text TEXT NOT NULL, "
        "updated VARCHAR NOT NULL)",
        "CREATE TABLE history (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
        "page_id VARCHAR NOT NULL, name VARCHAR NOT NULL, opened_at VARCHAR NOT NULL)",
        "CREATE TABLE preference (key VARCHAR NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
    ),
    # 1 -> 2
    (
        "ALTER TABLE bookmark ADD COLUMN folder VARCHAR NOT NULL DEFAULT ''",
        "CREATE TABLE bookmark_tag (page_id VARCHAR NOT NULL REFERENCES bookmark (page_id) "
        "ON DELETE CASCADE, tag VARCHAR NOT NULL, PRIMARY KEY (page_id, tag))",
        "ALTER TABLE note ADD COLUMN name VARCHAR NOT NULL DEFAULT ''",
    ),
    # 2 -> 3
    (
        "CREATE INDEX ix_history_opened_at ON history (opened_at)",
        "CREATE VIRTUAL TABLE note_fts USING fts5(page_id UNINDEXED, name, text, "
        "tokenize = 'unicode61 remove_diacritics 2')",
        "INSERT INTO note_fts (page_id, name, text) SELECT page_id, name, text FROM note",
        "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
        "INSERT INTO note_fts (page_id, name, text) VALUES (new.page_id, new.name, new.text); "
        "END",
        "CREATE TRIGGER note_fts_update AFTER UPDATE ON note BEGIN "
        "DELETE FROM note_fts WHERE page_id = old.page_id; "
        "INSERT INTO note_fts (page_id, name, text) VALUES (new.page_id, new.name, new.text); "
        "END",
        "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN "
        "DELETE FROM note_fts WHERE page_id = old.page_id; END",
    ),
)

CURRENT = len(STEPS)


def version_of(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Bring `conn`'s file to CURRENT in one immediate transaction; returns (from, to).

    `conn` must be in autocommit mode (isolation_level=None). Another process may be doing
    the same at the same moment: the version is read again once the write lock is held.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        start = version_of(conn)
        for number in range(start, CURRENT):
            for statement in STEPS[number]:
                conn.execute(statement)
        if start < CURRENT:
            conn.execute(f"PRAGMA user_version = {CURRENT:d}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return start, CURRENT
