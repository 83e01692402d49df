"""The user database's schema history and damaged files: every old version opens with its
data intact, and a damaged file is set aside (never deleted) with a notice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ildesk.userdata import UserDataError, UserStore
from ildesk.userdata import migrations as mig
from ildesk.userdata.models import Base
from tests.userdata_support import corrupt, fixture_versions, integrity, make_old_library


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def test_there_is_a_fixture_for_every_past_version():
    assert fixture_versions() == list(range(1, mig.CURRENT))


def test_a_fresh_library_has_exactly_the_models_tables(tmp_path):
    UserStore(tmp_path / "user.sqlite").close()
    conn = sqlite3.connect(tmp_path / "user.sqlite")
    assert mig.version_of(conn) == mig.CURRENT
    for table in Base.metadata.sorted_tables:
        assert _columns(conn, table.name) == {c.name for c in table.columns}, table.name
    conn.close()


@pytest.mark.parametrize("version", fixture_versions())
def test_every_old_version_migrates_with_its_data(tmp_path, version):
    path = make_old_library(tmp_path / "user.sqlite", version)
    with UserStore(path) as store:
        assert store.notices == []
        marks = {b.page_id: b for b in store.bookmarks.all()}
        assert set(marks) == {"il-6", "il-99"}
        assert marks["il-6"].name == "Interleukin 6"
        if version >= 2:
            assert marks["il-6"].tags == ("cytokine storm",) and marks["il-6"].folder == "Exam"
        assert store.notes.get("il-6").text == "Tocilizumab blocks the IL-6 receptor."
        assert [h[0] for h in store.search_notes("tocilizumab")] == ["il-6"]  # old notes indexed
        assert [v.page_id for v in store.history.all()] == ["il-6", "il-2"]
        prefs = store.prefs.load()
        assert (prefs.theme, prefs.text_zoom) == ("dark", 125)
        # the migrated file works like a new one
        store.bookmarks.set_tags("il-6", "exam")
        store.notes.save("il-6", "updated after the upgrade")
        assert [h[0] for h in store.search_notes("upgrade")] == ["il-6"]
        assert store.search_notes("tocilizumab") == []
    conn = sqlite3.connect(path)
    assert mig.version_of(conn) == mig.CURRENT
    for table in Base.metadata.sorted_tables:
        assert _columns(conn, table.name) == {c.name for c in table.columns}, table.name
    conn.close()
    assert integrity(path) == "ok"


def test_a_failed_migration_leaves_the_old_version_untouched(tmp_path, monkeypatch):
    path = make_old_library(tmp_path / "user.sqlite", 1)
    broken = (*mig.STEPS[:-1], (*mig.STEPS[-1], "THIS IS NOT SQL"))
    monkeypatch.setattr(mig, "STEPS", broken)
    with pytest.raises(UserDataError):
        UserStore(path)
    conn = sqlite3.connect(path)
    assert mig.version_of(conn) == 1
    assert "folder" not in _columns(conn, "bookmark")
    assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == 1
    conn.close()


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("user.sqlite.damaged-*"))


def test_a_file_that_is_not_sqlite_is_set_aside_with_a_notice(tmp_path):
    path = tmp_path / "user.sqlite"
    junk = b"this is not a database\n" * 100
    path.write_bytes(junk)
    with UserStore(path) as store:
        assert len(store.notices) == 1 and "damaged" in store.notices[0]
        kept = _kept(tmp_path)
        assert len(kept) == 1 and kept[0].read_bytes() == junk
        assert kept[0].name in store.notices[0]
        assert kept[0].name.startswith("user.sqlite.damaged-2")
        store.bookmarks.add("il-6", "Interleukin 6")  # the fresh library works
    assert integrity(path) == "ok"


def test_a_file_failing_the_integrity_check_is_set_aside(tmp_path):
    path = tmp_path / "user.sqlite"
    with UserStore(path) as store:
        for i in range(300):
            store.notes.save(f"p{i}", f"note {i} " * 40)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    corrupt(path)
    with UserStore(path) as store:
        assert len(store.notices) == 1 and "damaged" in store.notices[0]
        assert store.notes.all() == []
    kept = _kept(tmp_path)
    assert len(kept) == 1 and kept[0].stat().st_size == len(before)


def test_a_library_from_a_newer_ildesk_is_kept_not_overwritten(tmp_path):
    path = tmp_path / "user.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {mig.CURRENT + 3}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(UserDataError, match="newer ildesk"):
        UserStore(path)
    store = UserStore.open_default(path)
    assert "newer ildesk" in store.notices[0] and "left untouched" in store.notices[0]
    assert store.path is None
    store.close()
    assert _kept(tmp_path) == [] and path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert mig.version_of(conn) == mig.CURRENT + 3
    conn.close()


def test_another_programs_sqlite_file_is_left_untouched(tmp_path):
    path = tmp_path / "user.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    store = UserStore.open_default(path)
    assert "not an ildesk library" in store.notices[0]
    store.close()
    assert _kept(tmp_path) == [] and path.read_bytes() == before


def test_an_empty_file_is_simply_a_new_library(tmp_path):
    path = tmp_path / "user.sqlite"
    path.write_bytes(b"")
    with UserStore(path) as store:
        assert store.notices == []
        store.bookmarks.add("il-6", "Interleukin 6")
    assert _kept(tmp_path) == []


def test_two_damaged_starts_keep_both_files(tmp_path):
    path = tmp_path / "user.sqlite"
    for text in (b"first junk" * 10, b"second junk" * 10):
        path.write_bytes(text)
        UserStore(path).close()
    assert {p.read_bytes()[:6] for p in _kept(tmp_path)} == {b"first ", b"second"}


def test_an_unusable_location_gives_a_clear_error_and_a_temporary_library(tmp_path):
    (tmp_path / "a-file").write_text("x")
    bad = tmp_path / "a-file" / "sub" / "user.sqlite"
    with pytest.raises(UserDataError, match="cannot be created"):
        UserStore(bad)
    store = UserStore.open_default(bad)
    assert "will not be kept" in store.notices[0]
    store.bookmarks.add("il-6", "Interleukin 6")
    assert store.bookmarks.get("il-6") is not None


def test_a_folder_where_the_file_should_be(tmp_path):
    (tmp_path / "user.sqlite").mkdir()
    with pytest.raises(UserDataError, match="is a folder"):
        UserStore(tmp_path / "user.sqlite")
