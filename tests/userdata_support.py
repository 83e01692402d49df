"""Helpers for the user-library tests: old-version fixtures and the crash-test writer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).parent / "userdata_fixtures"
WRITER = Path(__file__).parent / "userdata_writer.py"


def fixture_versions() -> list[int]:
    return sorted(int(p.stem[1:]) for p in FIXTURES.glob("v*.sql"))


def make_old_library(path: Path, version: int) -> Path:
    """A library file exactly as schema `version` left it, with a little data in it."""
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / f"v{version}.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def corrupt(path: Path) -> None:
    """Overwrite the file's pages after the first with garbage, keeping the header."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for i in range(page, len(data), 7):
        data[i] = (i * 31) % 251
    path.write_bytes(bytes(data))


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
