"""Issue 19, points 4, 5, 6 (the library's part): an import file is read as data and bounded.
Only regular files are read (a FIFO does not block, /dev/zero is not read), at most
MAX_BYTES, with bounded counts; deep nesting, lone surrogates and impossible dates give a
clear message and import nothing; one odd time never stops the library from showing.

Runs that would hang or eat memory before the fix run in a child process with a memory
limit and a timeout, so that the old behaviour fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from ildesk.userdata import UserDataError, UserStore
from ildesk.userdata import exchange as ex

ROOT = Path(__file__).resolve().parents[1]
MEMORY_LIMIT = 1536 * 1024 * 1024


def _export(bookmarks: list | None = None, notes: list | None = None) -> dict:
    return {"format": "ildesk-library", "version": 1, "bookmarks": bookmarks or [],
            "notes": notes or []}


def _mark(page_id: str = "il-6", **extra: object) -> dict:
    return {"page_id": page_id, "name": "IL-6", "created": "2024-05-01T12:00:00Z", **extra}


def _note(page_id: str = "il-6", **extra: object) -> dict:
    return {"page_id": page_id, "text": "a note", "updated": "2024-05-01T12:00:00Z", **extra}


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _import_in_child(source: Path, library: Path, timeout: float = 30) -> str:
    """Import `source` in a child process (1.5 GB of memory at most); returns what it said."""
    code = ("import sys\nfrom ildesk.userdata import UserStore, UserDataError\n"
            "s = UserStore(sys.argv[2])\n"
            "try:\n    print('IMPORTED', s.import_json(sys.argv[1]))\n"
            "except UserDataError as e:\n    print('REFUSED', e)\n")
    try:
        done = subprocess.run([sys.executable, "-c", code, str(source), str(library)],
                              capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              preexec_fn=_limit, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"importing {source} did not answer within {timeout:.0f} s")
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def store(tmp_path):
    s = UserStore(tmp_path / "lib" / "user.sqlite")
    yield s
    s.close()


# -- point 4 and 5: clear messages, nothing imported -------------------------------------------


@pytest.mark.parametrize("when", ["9999-12-31T23:00:00Z", "0001-01-01T01:00:00Z",
                                  "9999-12-31T23:59:59-05:00"])
def test_dates_at_the_edge_of_the_calendar_are_refused(store, tmp_path, when):
    path = _write(tmp_path / "x.json", _export([_mark(created=when)]))
    with pytest.raises(UserDataError, match=r"out of range|not a date"):
        store.import_json(path)
    assert store.bookmarks.all() == []


def test_deeply_nested_json_is_a_clear_message(store, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(UserDataError, match="nested too deeply"):
        store.import_json(path)


@pytest.mark.parametrize("where", ["text", "name", "page_id", "tag"])
def test_lone_surrogates_are_a_clear_message_and_import_nothing(store, tmp_path, where):
    bad = "bad \ud800 text"
    if where == "tag":
        data = _export([_mark(tags=[bad])], [_note()])
    elif where == "page_id":
        data = _export([_mark()], [_note(page_id=bad)])
    else:
        data = _export([_mark()], [_note(**{where: bad})])
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # json.dumps writes \ud800
    with pytest.raises(UserDataError, match="not valid Unicode"):
        store.import_json(path)
    assert store.bookmarks.all() == [] and store.notes.all() == []


def test_a_stored_time_at_the_calendar_edge_is_still_shown(monkeypatch):
    from ildesk.ui.library.common import local_time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert local_time(datetime(9999, 12, 31, 23, 0, tzinfo=UTC)).startswith("9999-12-31")
        monkeypatch.setenv("TZ", "America/New_York")
        time.tzset()
        assert local_time(datetime(1, 1, 1, 1, 0, tzinfo=UTC)).startswith("0001-01-01")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# -- point 6: only regular files, bounded ----------------------------------------------------


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    out = _import_in_child(fifo, tmp_path / "lib" / "user.sqlite", timeout=20)
    assert out.startswith("REFUSED") and "not a regular file" in out


def test_a_link_to_dev_zero_is_refused_not_read(tmp_path):
    link = tmp_path / "export.json"
    link.symlink_to("/dev/zero")
    out = _import_in_child(link, tmp_path / "lib" / "user.sqlite", timeout=20)
    assert out.startswith("REFUSED") and "not a regular file" in out


def test_a_file_growing_past_the_limit_is_bounded_by_bytes_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ex, "MAX_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_export(notes=[_note(text="x" * 2000)])), encoding="utf-8")
    with pytest.raises(UserDataError, match="too large"):
        ex.read_file(path)


def test_a_million_tags_are_refused_within_bounded_memory(tmp_path):
    tags = [f"t{i}" for i in range(1_000_000)]
    path = _write(tmp_path / "tags.json", _export([_mark(tags=tags)]))
    out = _import_in_child(path, tmp_path / "lib" / "user.sqlite", timeout=60)
    assert out.startswith("REFUSED") and "too many tags" in out


def test_too_many_bookmarks_are_refused(store, monkeypatch):
    monkeypatch.setattr(ex, "MAX_ITEMS", 10)
    with pytest.raises(UserDataError, match="at most 10"):
        ex.merge(store._db, _export([_mark(f"p{i}") for i in range(11)]))


def test_a_large_import_runs_a_bounded_number_of_statements(store):
    """Work grows with the rows, not with a query a row: 4,000 entries, a handful of SQL
    statements (before: one look-up or insert for each)."""
    n = 2000
    data = _export([_mark(f"p{i}", tags=["a", "b"]) for i in range(n)],
                   [_note(f"p{i}") for i in range(n)])
    store.bookmarks.add("p0", "already here")
    statements = []
    engine = store._db.engine
    listen = lambda *a, **k: statements.append(a[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    seen = []
    try:
        report = ex.merge(store._db, data, progress=lambda done, total: seen.append(done))
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert report.bookmarks_added == n - 1 and report.notes_added == n
    assert len(statements) <= 12, statements[:20]
    assert seen and seen[-1] == 2 * n and seen == sorted(seen)
    assert len(store.bookmarks.all()) == n and len(store.notes.all()) == n
