"""Export and import of bookmarks and notes: a round trip reproduces everything, a merge
reports what it did, and a bad file changes nothing."""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ildesk.userdata import UserDataError, UserStore

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def filled(tmp_path: Path) -> UserStore:
    s = UserStore(tmp_path / "a" / "user.sqlite")
    s.bookmarks.add("il-6", "Interleukin 6", folder="Exam", tags="storm, biologics", created=T0)
    s.bookmarks.add("il-2", "Interleukin 2", created=T0 + timedelta(hours=1))
    s.notes.save("il-6", "Tocilizumab — «anti-IL-6R»\n\n- **CRS**", "Interleukin 6", updated=T0)
    s.notes.save("il-2", "Aldesleukin", "Interleukin 2", updated=T0 + timedelta(minutes=5))
    yield s
    s.close()


def _snapshot(store: UserStore) -> tuple:
    return (store.bookmarks.all(), store.notes.all())


def test_export_then_import_into_an_empty_profile_reproduces_everything(filled, tmp_path):
    out = tmp_path / "library.json"
    assert filled.export_json(out) == (2, 2)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "ildesk-library" and data["version"] == 1
    with UserStore(tmp_path / "b" / "user.sqlite") as fresh:
        report = fresh.import_json(out)
        assert str(report) == "2 bookmarks added, 0 already present; 2 notes added, 0 updated"
        assert _snapshot(fresh) == _snapshot(filled)


def test_import_merges_and_reports(filled, tmp_path):
    out = tmp_path / "library.json"
    filled.export_json(out)
    with UserStore(tmp_path / "b" / "user.sqlite") as other:
        other.bookmarks.add("il-6", "Interleukin 6", tags="mine", created=T0)
        other.bookmarks.add("il-10", "Interleukin 10")
        other.notes.save("il-6", "older text", updated=T0 - timedelta(days=1))  # theirs newer
        other.notes.save("il-2", "my newer text", updated=T0 + timedelta(days=1))  # mine newer
        other.notes.save("il-17a", "only mine")
        report = other.import_json(out)
        assert str(report) == ("1 bookmark added, 1 already present; 0 notes added, "
                               "1 updated, 1 kept (yours was newer)")
        assert (report.bookmarks_added, report.bookmarks_present) == (1, 1)
        assert other.notes.get("il-6").text.startswith("Tocilizumab")
        assert other.notes.get("il-2").text == "my newer text"
        assert other.notes.get("il-17a").text == "only mine"
        assert other.bookmarks.get("il-6").tags == ("biologics", "mine", "storm")
        assert {b.page_id for b in other.bookmarks.all()} == {"il-2", "il-6", "il-10"}
        assert [h[0] for h in other.search_notes("tocilizumab")] == ["il-6"]
        # importing the same file again changes nothing
        again = other.import_json(out)
        assert (again.bookmarks_added, again.notes_added, again.notes_updated) == (0, 0, 0)


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe\x00garbage", "not a text file"),
    (b"{not json", "not valid JSON"),
    (b"[]", "not an ildesk library export"),
    (b'{"format": "something-else", "version": 1}', "not an ildesk library export"),
    (b'{"format": "ildesk-library", "version": 99}', "newer ildesk"),
    (b'{"format": "ildesk-library", "version": "1"}', "version"),
    (b'{"format": "ildesk-library", "version": 1, "bookmarks": {}}', "must be lists"),
    (b'{"format": "ildesk-library", "version": 1, "bookmarks": [{"page_id": "x", '
     b'"created": "2024-01-01T00:00:00Z"}, {"page_id": ""}]}', "bookmark 2"),
    (b'{"format": "ildesk-library", "version": 1, "notes": [{"page_id": "il-6", '
     b'"text": "t", "updated": "yesterday"}]}', "note 1: 'updated'"),
])
def test_a_malformed_file_gives_a_clear_error_and_changes_nothing(filled, tmp_path, content,
                                                                   message):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = _snapshot(filled)
    with pytest.raises(UserDataError, match=message):
        filled.import_json(bad)
    assert _snapshot(filled) == before


def test_a_valid_first_half_is_not_imported_when_the_second_half_is_bad(filled, tmp_path):
    data = {"format": "ildesk-library", "version": 1,
            "bookmarks": [{"page_id": "il-99", "name": "New", "created": "2024-01-01T00:00:00Z"}],
            "notes": [{"page_id": "il-99", "text": 5, "updated": "2024-01-01T00:00:00Z"}]}
    path = tmp_path / "half.json"
    path.write_text(json.dumps(data))
    with pytest.raises(UserDataError, match="note 1"):
        filled.import_json(path)
    assert filled.bookmarks.get("il-99") is None


def test_import_of_missing_file_or_folder(filled, tmp_path):
    with pytest.raises(UserDataError, match="does not exist"):
        filled.import_json(tmp_path / "nope.json")
    with pytest.raises(UserDataError, match="is a folder"):
        filled.import_json(tmp_path)


def test_export_to_a_folder_or_missing_folder_is_refused(filled, tmp_path):
    with pytest.raises(UserDataError, match="is a folder"):
        filled.export_json(tmp_path)
    with pytest.raises(UserDataError, match="does not exist"):
        filled.export_json(tmp_path / "no" / "such" / "x.json")


def test_a_full_disk_during_export_leaves_the_old_file_and_no_temporary(filled, tmp_path,
                                                                        monkeypatch):
    out = tmp_path / "library.json"
    out.write_text("previous export")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UserDataError, match="the disk is full"):
        filled.export_json(out)
    assert out.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "library.json"]
