"""Issue 19, points 2, 3, 15, 18, 19: opening the user's library never treats a full disk, a
read-only folder or another window's long write as damage. Only a file the header or
`PRAGMA integrity_check` proves damaged is set aside, and that is always announced with its
path; anything else leaves every file (with -wal/-shm) byte-identical.

Full disks and read-only folders are real: a 1 MiB tmpfs mounted for the test (root only),
filled to the last byte or remounted read-only. Where nothing can be mounted, the same rules
are checked with a connection that fails every write with SQLITE_FULL.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from ildesk.userdata import UserDataError, UserStore
from ildesk.userdata import migrations as mig
from tests import safety_support
from tests.safety_support import files_of, full_disk_sqlite
from tests.userdata_support import corrupt, make_old_library

small_disk = safety_support.small_disk  # the fixture


def _library(path: Path, marks: int = 3) -> None:
    with UserStore(path) as store:
        for i in range(marks):
            store.bookmarks.add(f"il-{i}", f"Interleukin {i}")
        store.notes.save("il-1", "keep me")


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("user.sqlite.damaged-*"))


# -- a full disk ------------------------------------------------------------------------


def test_full_disk_at_start_changes_nothing_and_shows_a_copy(small_disk):
    path = small_disk.root / "user.sqlite"
    _library(path)
    small_disk.fill()
    before = files_of(small_disk.root)
    store = UserStore.open_default(path)
    assert "disk is full" in store.notices[0] and "damaged" not in store.notices[0]
    assert [b.page_id for b in store.bookmarks.all()] == ["il-0", "il-1", "il-2"]
    store.close()
    assert files_of(small_disk.root) == before and _kept(small_disk.root) == []
    small_disk.free()
    with UserStore(path) as again:  # once there is space, everything is still there
        assert again.notices == [] and len(again.bookmarks.all()) == 3
        assert again.notes.get("il-1").text == "keep me"


def test_disk_filling_up_while_open_says_so_and_keeps_the_library(small_disk):
    path = small_disk.root / "user.sqlite"
    _library(path)
    store = UserStore(path)
    small_disk.fill()
    with pytest.raises(UserDataError, match="disk is full"):
        for i in range(2000):  # the WAL takes what little is left, then the disk refuses
            store.notes.save(f"n{i}", "x" * 4000)
    store.close()
    small_disk.free()
    with UserStore(path) as again:
        assert again.notices == [] and len(again.bookmarks.all()) == 3
    assert _kept(small_disk.root) == []


def test_full_disk_with_a_library_to_migrate_changes_nothing(small_disk):
    path = make_old_library(small_disk.root / "user.sqlite", 1)
    small_disk.fill()
    before = files_of(small_disk.root)
    store = UserStore.open_default(path)
    assert store.path is None
    notice = " ".join(store.notices)
    assert "disk is full" in notice and "Nothing was changed" in notice and str(path) in notice
    assert "read-only copy" in notice
    assert store.bookmarks.all(), "the old library's bookmarks are shown from a copy"
    store.close()
    assert files_of(small_disk.root) == before and _kept(small_disk.root) == []


def test_damaged_file_on_a_full_disk_is_announced_with_its_path(small_disk):
    path = small_disk.root / "user.sqlite"
    path.write_bytes(b"not a database at all\n" * 50)
    small_disk.fill()
    store = UserStore.open_default(path)
    kept = _kept(small_disk.root)
    assert len(kept) == 1, "set aside once, not twice"
    text = "\n".join(store.notices)
    assert str(kept[0]) in text, "the notice saying where the file went is kept"
    assert "temporary library" in text
    store.close()


def test_fault_injected_full_disk_never_sets_a_sound_library_aside(tmp_path, monkeypatch):
    path = tmp_path / "user.sqlite"
    _library(path)
    before = files_of(tmp_path)
    with full_disk_sqlite(monkeypatch):
        store = UserStore.open_default(path)
    assert store.notices == [] and store.path == path
    assert len(store.bookmarks.all()) == 3
    store.close()
    assert _kept(tmp_path) == [] and files_of(tmp_path)["user.sqlite"] == before["user.sqlite"]


def test_fault_injected_full_disk_during_migration_keeps_the_old_file(tmp_path, monkeypatch):
    path = make_old_library(tmp_path / "user.sqlite", 2)
    before = files_of(tmp_path)
    with full_disk_sqlite(monkeypatch):
        store = UserStore.open_default(path)
    assert store.path is None and "disk is full" in store.notices[0]
    store.close()
    assert files_of(tmp_path) == before and _kept(tmp_path) == []


# -- read-only --------------------------------------------------------------------------


def test_read_only_folder_opens_a_read_only_copy_and_says_so(small_disk):
    path = small_disk.root / "user.sqlite"
    _library(path)
    before = files_of(small_disk.root)
    small_disk.read_only()
    try:
        store = UserStore.open_default(path)
        assert store.path is None
        assert "cannot be written" in store.notices[0] and "damaged" not in store.notices[0]
        assert [b.page_id for b in store.bookmarks.all()] == ["il-0", "il-1", "il-2"]
        store.close()
        assert files_of(small_disk.root) == before
    finally:
        small_disk.read_only(False)


def test_read_only_rollback_journal_library_is_not_renamed(small_disk):
    path = small_disk.root / "user.sqlite"
    _library(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = files_of(small_disk.root)
    small_disk.read_only()
    try:
        store = UserStore.open_default(path)
        assert "cannot be written" in store.notices[0]
        assert len(store.bookmarks.all()) == 3
        store.close()
    finally:
        small_disk.read_only(False)
    assert files_of(small_disk.root) == before and _kept(small_disk.root) == []


# -- what is and is not damage ------------------------------------------------------------


def test_only_a_proven_damaged_file_is_set_aside_and_the_notice_has_the_full_path(tmp_path):
    path = tmp_path / "user.sqlite"
    _library(path, marks=300)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    corrupt(path)
    with UserStore(path) as store:
        (kept,) = _kept(tmp_path)
        assert str(kept) in store.notices[0]


def test_a_newer_library_is_never_renamed_and_the_newer_version_finds_it(tmp_path):
    path = tmp_path / "user.sqlite"
    _library(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {mig.CURRENT + 1}")
    conn.close()
    for _start in range(2):
        store = UserStore.open_default(path)
        assert "newer ildesk" in store.notices[0] and store.bookmarks.all() == []
        store.close()
    assert _kept(tmp_path) == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM bookmark").fetchone()[0] == 3
    conn.close()


def test_a_foreign_sqlite_file_is_not_switched_to_wal(tmp_path):
    path = tmp_path / "user.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id)")
    conn.commit()
    conn.close()
    header = path.read_bytes()[:100]
    UserStore.open_default(path).close()
    assert path.read_bytes()[:100] == header  # bytes 18-19 would be 2 in WAL mode
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


# -- private files ------------------------------------------------------------------------


def test_library_folder_and_files_are_private_and_exports_keep_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        folder = tmp_path / "new" / "ildesk"
        with UserStore(folder / "user.sqlite") as store:
            store.bookmarks.add("il-6", "Interleukin 6")
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
            assert modes["user.sqlite"] == 0o600
            assert all(m == 0o600 for m in modes.values()), modes  # -wal and -shm too
            out = tmp_path / "export.json"
            store.export_json(out)
            assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_an_existing_world_readable_library_is_made_private(tmp_path):
    path = tmp_path / "user.sqlite"
    _library(path)
    path.chmod(0o644)
    UserStore(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# -- another window busy with a long write ---------------------------------------------------


def test_window_started_during_a_long_import_opens_the_real_library(tmp_path, monkeypatch):
    path = tmp_path / "user.sqlite"
    _library(path)
    for name in ("database", "opening"):  # the module that opens (and the one that writes)
        module = sys.modules.get(f"ildesk.userdata.{name}")
        if module is not None:
            monkeypatch.setattr(module, "BUSY_TIMEOUT_S", 0.3, raising=False)
    importer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    importer.execute("BEGIN IMMEDIATE")  # the other window's import holds the write lock
    importer.execute("INSERT INTO bookmark (page_id, name, created, folder) "
                     "VALUES ('il-99', 'x', '2024-01-01T00:00:00.000000+00:00', '')")
    try:
        store = UserStore.open_default(path)
        assert store.path == path and store.notices == []
        assert len(store.bookmarks.all()) == 3  # reads go on while the import writes
        with pytest.raises(UserDataError, match="busy"):
            store.bookmarks.add("il-7", "Interleukin 7")  # and a write says why it waited
    finally:
        importer.execute("COMMIT")
        importer.close()
    store.bookmarks.add("il-7", "Interleukin 7")
    assert len(store.bookmarks.all()) == 5
    store.close()
