"""The search tables stored at build time (ildesk.search.snapshot): a Searcher reads them
instead of deriving them, gets the same tables, and falls back to deriving them whenever the
stored copy is missing, stale or damaged, with the same answers either way."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from pathlib import Path

import pytest

from ildesk.db.engine import connect_readonly
from ildesk.kb import KnowledgeBase
from ildesk.search import Searcher, index, snapshot


def _ids(searcher: Searcher, text: str) -> list[str]:
    return [h.id for h in searcher.search(text).hits]


def test_a_build_stores_the_tables_a_searcher_would_derive(db_path: Path) -> None:
    conn = connect_readonly(db_path)
    try:
        stored = snapshot.read(conn)
        assert stored is not None
        assert stored == index.load(conn)
        # the derived part made on demand works on the stored tables too
        assert stored.name_words.lookup("interl", 3)
    finally:
        conn.close()


def test_the_command_line_build_writes_the_snapshot(tmp_path: Path, data_copy: Path) -> None:
    from ildesk.cli import main

    out = tmp_path / "built.sqlite"
    assert main(["build-db", "--data", str(data_copy), "-o", str(out)]) == 0
    conn = connect_readonly(out)
    try:
        assert snapshot.read(conn) is not None
    finally:
        conn.close()


def _copy(db_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "copy.sqlite"
    shutil.copyfile(db_path, path)
    return path


def _alter(path: Path, sql: str, *args: object) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql, args)
    conn.close()


GARBAGE = bytes([0xE9, 0xFF, 0xFF])  # x'e9ffff' below
DAMAGE = {
    "missing": ("DROP TABLE search_snapshot",),
    "stale data version": ("UPDATE search_snapshot SET data_version = 'older'",),
    "other format": ("UPDATE search_snapshot SET format = format + 1",),
    "other marshal": ("UPDATE search_snapshot SET marshal_version = marshal_version + 1",),
    "bytes changed": ("UPDATE search_snapshot SET data = "
                      "substr(data, 1, 1000) || x'00' || substr(data, 1002)",),
    "checksum forged over garbage": ("UPDATE search_snapshot SET data = x'e9ffff', "
                                     f"crc32 = {zlib.crc32(GARBAGE)}",),
    "text, not bytes": ("UPDATE search_snapshot SET data = 'not marshal'",),
    "two rows": ("INSERT INTO search_snapshot SELECT * FROM search_snapshot",),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_missing_or_untrustworthy_snapshot_is_derived_anew(
        damage: str, db_path: Path, tmp_path: Path, searcher: Searcher) -> None:
    path = _copy(db_path, tmp_path)
    _alter(path, *DAMAGE[damage])
    conn = connect_readonly(path)
    try:
        assert snapshot.read(conn) is None
    finally:
        conn.close()
    fallback = Searcher(path)
    try:
        assert fallback.index == searcher.index
        for text in ("il-6", "th17", "psoriasis drugs", "IL-23 Crohn"):
            assert _ids(fallback, text) == _ids(searcher, text)
    finally:
        fallback.close()


def test_a_snapshot_of_the_wrong_shape_is_not_used(db_path: Path, tmp_path: Path) -> None:
    """Well-formed marshal data with a checksum that matches, but not the tables Index needs
    (as an altered file could hold): not used."""
    import marshal

    path = _copy(db_path, tmp_path)
    for wrong in ((1, 2, 3), {"names": {}}, ("x",) * 5):
        data = marshal.dumps(wrong)
        _alter(path, "UPDATE search_snapshot SET data = ?, crc32 = ?", data, zlib.crc32(data))
        conn = connect_readonly(path)
        try:
            assert snapshot.read(conn) is None
        finally:
            conn.close()


def test_a_build_without_the_snapshot_still_searches(tmp_path: Path, kb: KnowledgeBase,
                                                     searcher: Searcher) -> None:
    from ildesk.db.builder import build

    path = tmp_path / "plain.sqlite"
    build(kb, path)
    plain = Searcher(path)
    try:
        assert _ids(plain, "IL-17A") == _ids(searcher, "IL-17A")
    finally:
        plain.close()
