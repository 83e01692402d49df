"""A damaged, foreign, locked or missing content database gives a clear message and exit 1,
never a traceback; a file that is actually fine (read-only) still works."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ildesk.db.engine import ContentDbError, open_content
from tests.hostile_support import assert_clear_failure, cli, leftovers

COMMANDS = (["show", "IL-6"], ["search", "il6"])


def _copy(db_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ildesk.sqlite"
    shutil.copyfile(db_path, target)
    return target


def _set_version(path: Path, value: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (value,))
    conn.close()


def _missing(db: Path, tmp: Path) -> Path:
    return tmp / "nowhere" / "ildesk.sqlite"


def _empty(db: Path, tmp: Path) -> Path:
    (tmp / "empty.sqlite").write_bytes(b"")
    return tmp / "empty.sqlite"


def _random_bytes(db: Path, tmp: Path) -> Path:
    (tmp / "noise.sqlite").write_bytes(random.Random(9).randbytes(300_000))
    return tmp / "noise.sqlite"


def _other_program(db: Path, tmp: Path) -> Path:
    path = tmp / "other.sqlite"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.close()
    return path


def _newer(db: Path, tmp: Path) -> Path:
    path = _copy(db, tmp)
    _set_version(path, "999")
    return path


def _older(db: Path, tmp: Path) -> Path:
    path = _copy(db, tmp)
    _set_version(path, "0")
    return path


def _version_garbage(db: Path, tmp: Path) -> Path:
    path = _copy(db, tmp)
    _set_version(path, "one")
    return path


def _stale_schema(db: Path, tmp: Path) -> Path:
    """Same schema number, but a table lacks a column this ildesk reads."""
    path = _copy(db, tmp)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE page RENAME TO page_old")
    conn.execute("CREATE TABLE page (id TEXT PRIMARY KEY)")
    conn.commit()
    conn.close()
    return path


def _folder(db: Path, tmp: Path) -> Path:
    (tmp / "a-folder.sqlite").mkdir()
    return tmp / "a-folder.sqlite"


BROKEN: dict[str, tuple[Callable[[Path, Path], Path], tuple[str, ...]]] = {
    "missing": (_missing, ("does not exist", "build-db")),
    "empty": (_empty, ("empty",)),
    "random bytes": (_random_bytes, ("not an sqlite database",)),
    "another program's database": (_other_program, ("not one of ildesk's",)),
    "newer schema": (_newer, ("schema version 999", "update ildesk")),
    "older schema": (_older, ("schema version 0", "rebuild")),
    "unreadable schema number": (_version_garbage, ("schema version",)),
    "stale schema": (_stale_schema, ("another version of ildesk", "rebuild")),
    "a folder": (_folder, ("folder",)),
}


@pytest.mark.parametrize("case", list(BROKEN))
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_broken_database_is_a_clear_error(capsys, db_path, tmp_path, case, command):
    make, words = BROKEN[case]
    path = make(db_path, tmp_path)
    assert_clear_failure(cli(capsys, *command, "--db", str(path)), *words)


def _truncation_points(size: int) -> list[int]:
    rng = random.Random(2024)
    return sorted({1, 16, 99, 100, 512, 4096, 4097, size // 3, size // 2, size - 4096,
                   size - 1, *(rng.randrange(1, size) for _ in range(6))})


def test_truncated_database_never_gives_a_traceback(capsys, db_path, tmp_path):
    """Cut at many offsets; some cuts pass the quick check at open and fail during a query —
    those must become the same clear message."""
    data = db_path.read_bytes()
    cut = tmp_path / "cut.sqlite"
    outcomes: dict[int, int] = {}
    for k in _truncation_points(len(data)):
        cut.write_bytes(data[:k])
        for command in COMMANDS:
            run = cli(capsys, *command, "--db", str(cut))
            assert "Traceback" not in run.err
            if run.code != 0:
                assert_clear_failure(run)
                assert any(w in run.err for w in ("damaged", "not an SQLite", "cannot be read",
                                                  "another version")), run.err
            outcomes[k] = run.code
    assert 1 in outcomes.values()


def test_damage_found_after_opening_is_a_clear_error(capsys, db_path, tmp_path, monkeypatch):
    """A query that fails after the open succeeded (as a page beyond the checked ones would)."""
    from ildesk.db import pages

    def broken(*_args, **_kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(pages, "page", broken)
    run = cli(capsys, "show", "IL-6", "--db", str(db_path))
    assert_clear_failure(run, "damaged", "build-db")


def test_read_only_file_still_opens(capsys, db_path, tmp_path):
    path = _copy(db_path, tmp_path)
    path.chmod(0o444)
    try:
        for command in COMMANDS:
            run = cli(capsys, *command, "--db", str(path))
            assert run.code == 0, run.err
            assert "Interleukin-6" in run.out
    finally:
        path.chmod(0o644)


def test_read_only_folder_still_opens(capsys, db_path, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = _copy(db_path, folder)
    folder.chmod(0o555)
    try:
        run = cli(capsys, "show", "IL-6", "--db", str(path))
        assert run.code == 0, run.err
        assert leftovers(folder, {path.name}) == []  # no journal was made
    finally:
        folder.chmod(0o755)


@pytest.fixture
def locked(db_path: Path, tmp_path: Path) -> Iterator[Path]:
    path = _copy(db_path, tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield path
    holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_locked_database_says_so(capsys, locked, command):
    run = cli(capsys, *command, "--db", str(locked))
    if run.code != 0:
        assert_clear_failure(run, "locked")


def test_open_content_raises_only_content_db_error(db_path, tmp_path):
    for name, (make, _words) in BROKEN.items():
        folder = tmp_path / name.replace(" ", "-").replace("'", "")
        folder.mkdir()
        with pytest.raises(ContentDbError) as info:
            open_content(make(db_path, folder))
        assert info.value.message and info.value.advice
