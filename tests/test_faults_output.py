"""Writing the content database where it cannot be written: an unwritable folder, a folder
as the target, a full disk, an interrupted build. Each is a clear message and exit 1, the old
file stays byte for byte, and no temporary file is left behind."""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

import ildesk.kb
from ildesk.db import build_writer, builder
from ildesk.kb import KnowledgeBase
from tests.hostile_support import assert_clear_failure, cli, leftovers

OLD = b"the previous database, which a failed build must not touch"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "ildesk.sqlite"
    path.write_bytes(OLD)
    return path


@pytest.fixture
def build_db(capsys, kb: KnowledgeBase, monkeypatch):
    """`ildesk build-db -o PATH`, reusing the session's loaded knowledge base."""
    monkeypatch.setattr(ildesk.kb, "load", lambda _root: kb)

    def run(path: Path):
        return cli(capsys, "build-db", "--data", str(kb.root), "-o", str(path))

    return run


def _assert_untouched(path: Path) -> None:
    assert path.read_bytes() == OLD
    assert leftovers(path.parent, {path.name}) == []


def test_unwritable_folder(build_db, target, monkeypatch):
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse like chmod 0555 would
        def refuse(*_a, **_k):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        target.parent.chmod(0o555)
    try:
        run = build_db(target)
    finally:
        target.parent.chmod(0o755)
    assert_clear_failure(run, "permission denied", str(target.parent))
    _assert_untouched(target)


def test_unwritable_new_folder(build_db, tmp_path, monkeypatch):
    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    run = build_db(tmp_path / "new" / "ildesk.sqlite")
    assert_clear_failure(run, "permission denied")
    assert not (tmp_path / "new").exists()


def test_rename_refused(build_db, target, monkeypatch):
    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert_clear_failure(build_db(target), "permission denied")
    _assert_untouched(target)


def test_target_is_a_folder(build_db, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    run = build_db(folder)
    assert_clear_failure(run, "is a folder", "ildesk.sqlite")
    assert leftovers(folder, {"keep.txt"}) == [] and (folder / "keep.txt").read_text() == "mine"
    assert leftovers(tmp_path, {"a-folder"}) == []


def test_disk_full_mid_write(build_db, target, monkeypatch):
    real = build_writer.Writer.fts
    calls = []

    def fill_up(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 40:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(build_writer.Writer, "fts", fill_up)
    run = build_db(target)
    assert_clear_failure(run, "disk is full")
    assert len(calls) == 40
    _assert_untouched(target)


def test_sqlite_reports_disk_full(build_db, target, monkeypatch):
    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(builder, "_check_written", full)
    assert_clear_failure(build_db(target), "disk is full")
    _assert_untouched(target)


def test_disk_full_at_the_rename(build_db, target, monkeypatch):
    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    assert_clear_failure(build_db(target), "disk is full")
    _assert_untouched(target)


def test_interrupted_build_leaves_nothing(build_db, target, monkeypatch):
    def interrupt(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(build_writer.Writer, "_drugs", interrupt)
    run = build_db(target)
    assert run.code == 130 and "Traceback" not in run.err
    _assert_untouched(target)


def test_good_build_replaces_the_old_file(build_db, target):
    run = build_db(target)
    assert run.code == 0, run.err
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert leftovers(target.parent, {target.name}) == []
