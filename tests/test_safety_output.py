"""Issue 19, point 11: output never replaces a special file. `-o` naming a pipe or a device
(a private copy of /dev/null, made with mknod as root) is refused with a clear message for
fact sheets, diagrams, the content database and library exports; the special file stays
what it was and no temporary file is left beside it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import ildesk.kb
from ildesk.userdata import UserDataError, UserStore
from tests.hostile_support import assert_clear_failure, cli, leftovers


def _fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def _device(folder: Path, name: str) -> Path:
    """A character device like /dev/null (1, 3), in the test's own folder."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("making a device file needs root")
    return path


MAKERS = {"fifo": _fifo, "device": _device}


def _still_special(path: Path, kind: str) -> None:
    mode = os.lstat(path).st_mode
    assert stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISCHR(mode), "it was replaced"
    assert leftovers(path.parent, {path.name}) == []


@pytest.fixture(params=sorted(MAKERS))
def special(request, tmp_path):
    kind = request.param
    return kind, lambda name: MAKERS[kind](tmp_path, name)


def test_factsheet_refuses_a_special_file(capsys, special):
    kind, make = special
    target = make("sheet.pdf")
    assert_clear_failure(cli(capsys, "factsheet", "IL-6", "-o", str(target)),
                         "not a regular file")
    _still_special(target, kind)


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_diagram_refuses_a_special_file(capsys, special, suffix):
    kind, make = special
    target = make(f"diagram{suffix}")
    assert_clear_failure(cli(capsys, "diagram", "IL-6", "-o", str(target)),
                         "not a regular file")
    _still_special(target, kind)


def test_build_db_refuses_a_special_file(capsys, special, kb, monkeypatch):
    kind, make = special
    monkeypatch.setattr(ildesk.kb, "load", lambda _root: kb)
    target = make("ildesk.sqlite")
    assert_clear_failure(cli(capsys, "build-db", "--data", str(kb.root), "-o", str(target)),
                         "not a regular file")
    _still_special(target, kind)


def test_library_export_refuses_a_special_file(special, tmp_path):
    kind, make = special
    target = make("library.json")
    with UserStore(tmp_path.parent / f"{tmp_path.name}-lib" / "user.sqlite") as store:
        store.bookmarks.add("il-6", "Interleukin 6")
        with pytest.raises(UserDataError, match="not a regular file"):
            store.export_json(target)
    _still_special(target, kind)


def test_a_regular_file_and_a_link_to_one_are_still_replaced(capsys, tmp_path):
    old = tmp_path / "old.pdf"
    old.write_bytes(b"%PDF-old")
    run = cli(capsys, "factsheet", "IL-6", "-o", str(old))
    assert run.code == 0 and old.read_bytes().startswith(b"%PDF")
    assert old.read_bytes() != b"%PDF-old"
