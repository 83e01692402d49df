"""Helpers for the issue-19 safety tests: a small real disk (a size-limited tmpfs mounted
for the test, so "disk full" and "read-only" are the kernel's own ENOSPC and EROFS), and a
fault-injecting sqlite3 connection for machines where nothing can be mounted."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(folder: Path, size_kb: int) -> bool:
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs",
                           str(folder)], capture_output=True, check=False)
    return done.returncode == 0


class SmallDisk:
    """A tmpfs of `size_kb` at `root`; `fill()` uses up every free byte, `read_only()`
    remounts it read-only."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def fill(self) -> None:
        for name, size in (("filler", 65536), ("filler-small", 1)):
            fd = os.open(self.root / name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass  # ENOSPC: the disk is full
            finally:
                os.close(fd)

    def free(self) -> None:
        for name in ("filler", "filler-small"):
            (self.root / name).unlink(missing_ok=True)

    def read_only(self, on: bool = True) -> None:
        subprocess.run(["mount", "-o", f"remount,{'ro' if on else 'rw'}", str(self.root)],
                       check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    root = tmp_path / "disk"
    root.mkdir()
    if not _mount(root, 1024):
        pytest.skip("needs root and tmpfs to make a real small disk (the fault-injection "
                    "tests cover the same rules)")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False, capture_output=True)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` with its bytes (to prove nothing changed)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


class FullDiskConnection(sqlite3.Connection):
    """A connection on a disk with no space: reading works, every write fails the way
    SQLite reports a full disk (SQLITE_FULL)."""

    READS = ("SELECT", "PRAGMA INTEGRITY_CHECK", "PRAGMA QUICK_CHECK", "PRAGMA USER_VERSION",
             "PRAGMA QUERY_ONLY", "PRAGMA BUSY_TIMEOUT", "PRAGMA FOREIGN_KEYS")

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if not sql.strip().upper().startswith(self.READS):
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode = 13  # type: ignore[attr-defined]
            exc.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
            raise exc
        return super().execute(sql, *args)


@contextlib.contextmanager
def full_disk_sqlite(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        if args and str(args[0]) != ":memory:":  # memory is not on the disk
            kwargs.setdefault("factory", FullDiskConnection)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as m:
        m.setattr(sqlite3, "connect", connect)
        yield
