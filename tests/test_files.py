"""The one atomic writer (`ildesk.files`): the finished file appears whole or not at all, with
the permissions a person expects, and no temporary file is ever left beside it — also when the
write is interrupted with Ctrl+C."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ildesk.files import OutputError, atomic_path, atomic_write


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_bytes_and_text_are_published_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    with atomic_write(target) as fh:
        fh.write(b"\x00\x01 bytes")
        assert not target.exists(), "the target appeared before the write finished"
    assert target.read_bytes() == b"\x00\x01 bytes"
    with atomic_write(tmp_path / "out.txt", binary=False) as fh:
        fh.write("IL-1β · γc\n")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "IL-1β · γc\n"
    assert _names(tmp_path) == ["out.bin", "out.txt"]


def test_a_writer_that_needs_a_name_gets_a_temporary_path(tmp_path: Path) -> None:
    target = tmp_path / "picture.png"
    with atomic_path(target, suffix=".png") as tmp:
        assert tmp.parent == tmp_path and tmp != target and tmp.suffix == ".png"
        tmp.write_bytes(b"png")
    assert target.read_bytes() == b"png" and _names(tmp_path) == ["picture.png"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt, RuntimeError, OSError])
def test_any_failure_keeps_the_old_file_and_leaves_nothing(tmp_path: Path,
                                                           failure: type[BaseException]) -> None:
    target = tmp_path / "keep.pdf"
    target.write_bytes(b"previous")
    expected = OutputError if failure is OSError else failure
    with pytest.raises(expected), atomic_write(target) as fh:
        fh.write(b"half of it")
        raise failure(errno.ENOSPC, "No space left on device") if failure is OSError \
            else failure()
    assert target.read_bytes() == b"previous" and _names(tmp_path) == ["keep.pdf"]


def test_a_full_disk_is_said_in_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as err, atomic_write(tmp_path / "x.svg") as fh:
        fh.write(b"<svg/>")
    assert err.value.kind == "write" and "the disk is full" in err.value.message
    assert err.value.advice and isinstance(err.value.error, OSError)
    assert _names(tmp_path) == []


def test_a_folder_or_a_missing_folder_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as err, atomic_write(tmp_path, example="sheet.pdf"):
        pytest.fail("the body must not run")
    assert err.value.kind == "folder" and str(tmp_path / "sheet.pdf") in err.value.message
    with pytest.raises(OutputError) as err, atomic_write(tmp_path / "no" / "x.pdf"):
        pytest.fail("the body must not run")
    assert err.value.kind == "no-folder" and "does not exist" in err.value.message
    assert _names(tmp_path) == []


def test_the_check_runs_before_the_temporary_file(tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def refuse(target: Path) -> None:
        seen.append(_names(target.parent))
        raise OutputError(f"{target} is not a regular file")

    with pytest.raises(OutputError, match="not a regular file"), \
            atomic_write(tmp_path / "x.json", check=refuse):
        pytest.fail("the body must not run")
    assert seen == [[]] and _names(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_permissions_follow_the_replaced_file_or_the_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("x")
    old.chmod(0o640)
    with atomic_write(old) as fh:
        fh.write(b"y")
    assert old.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "new.txt") as fh:
            fh.write(b"z")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.txt").stat().st_mode & 0o777 == 0o644  # not mkstemp's 0600
