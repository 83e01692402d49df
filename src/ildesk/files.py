"""Writing a file so that nothing half-written is ever left under its name: the one atomic
writer every output of ildesk goes through (the content database, PDFs, SVG/PNG diagrams,
library exports, screenshots).

`atomic_write(path)` hands out a temporary file in the target's folder; when the `with` block
ends normally the data is flushed and fsynced, the file takes the permissions the person
expects (those of the file it replaces, or the umask's default — mkstemp's own 0600 would hide
a PDF from others), is renamed over the target with `os.replace`, and the folder is fsynced
where the platform allows. On any other exit — an error, Ctrl+C — the temporary file is
removed and the target is untouched. `atomic_path(path)` is the same for writers that need a
file *name* (SQLite, `QImage.save`).

Only a regular file (or a new name) is ever replaced: a device such as /dev/null, a pipe or a
socket at the target is refused before anything is written, so even root cannot turn
/dev/null into a PDF.

Every failure is one `OutputError(message, advice)` ("cannot write X: the disk is full", what
to do); its `kind` ("folder", "no-folder", "write") and `error` (the OSError) let each caller
say it in its own words.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

from ildesk.errors import ActionableError

Kind = Literal["folder", "no-folder", "special", "write"]
NOT_REGULAR = ("it is not a regular file (a device, pipe or socket); only a file or a new "
               "name can be written")


class OutputError(ActionableError):
    """A file could not be written; `message` says why, `advice` what to do."""

    def __init__(self, message: str, advice: str = "", *, kind: Kind = "write",
                 error: OSError | None = None) -> None:
        super().__init__(message, advice)
        self.kind = kind
        self.error = error

    def __str__(self) -> str:
        return f"{self.message} {self.advice}".strip()


def reason(exc: OSError) -> str:
    """What went wrong, in words: "the disk is full", "you do not have permission …"."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
        return "you do not have permission to write there"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    return exc.strerror or str(exc)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _publish(tmp: Path, target: Path) -> None:
    """Give `tmp` the target's (or the default) permissions and rename it to `target`."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = _default_mode()
    tmp.chmod(mode)
    os.replace(tmp, target)


def _fsync(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible on Windows, harmless to skip there."""
    if os.name != "nt":
        with contextlib.suppress(OSError):
            _fsync(folder, os.O_RDONLY)


def _failure(target: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {target}: {reason(exc)}",
                       "Nothing was written; choose another place or free some space.",
                       error=exc)


def refuse_special(target: Path) -> None:
    """Raise OutputError (kind "special") unless `target` is missing or a regular file (a
    symbolic link counts as what it points to; replacing it replaces the link)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new name, or a link to nowhere; any other trouble the write will tell
    if not stat.S_ISREG(mode):
        raise OutputError(f"cannot write {target}: {NOT_REGULAR}",
                          "Nothing was written; give the name of a file, or a new name.",
                          kind="special")


@contextlib.contextmanager
def _staged(path: Path | str, check: Callable[[Path], None] | None, suffix: str,
            example: str) -> Iterator[tuple[int, Path]]:
    """The one implementation: check, make the temporary file, let the caller fill it, then
    publish (or remove it on any exit that is not a normal one)."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name such as {target / example}",
                          "Choose a file name inside the folder.", kind="folder")
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist",
                          "Create the folder first or choose another place.", kind="no-folder")
    refuse_special(target)
    if check is not None:
        check(target)  # the place for rules about the target (raises OutputError)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    except OSError as exc:
        raise _failure(target, exc) from exc
    tmp = Path(name)
    published = False
    try:
        yield fd, tmp
        _publish(tmp, target)
        published = True
    except OSError as exc:
        raise _failure(target, exc) from exc
    finally:
        if not published:  # an error, or KeyboardInterrupt: leave nothing behind
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
    _fsync_folder(folder)


@contextlib.contextmanager
def atomic_write(path: Path | str, binary: bool = True, *,
                 check: Callable[[Path], None] | None = None,
                 suffix: str = ".tmp", example: str = "file") -> Iterator[IO[Any]]:
    """Write `path` atomically through the file object this yields (bytes by default, UTF-8
    text with `binary=False`). Raises OutputError; the target is untouched on any failure.
    `check(target)`, if given, runs before the temporary file is made; `example` is the file
    name suggested when `path` is a folder. Messages have no final full stop."""
    with _staged(path, check, suffix, example) as (fd, _tmp):
        fh: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_path(path: Path | str, *, check: Callable[[Path], None] | None = None,
                suffix: str = ".tmp", example: str = "file") -> Iterator[Path]:
    """Like `atomic_write`, for writers that need a file name: yields the temporary path
    (an empty file) to write to; it is fsynced and renamed over `path` when the block ends."""
    with _staged(path, check, suffix, example) as (fd, tmp):
        os.close(fd)
        yield tmp
        _fsync(tmp, os.O_RDWR)
