"""Deciding, before anything is changed, what to do with the file at the library's place.

`prepare(path, notices)` inspects `path` read-only first (header, `PRAGMA integrity_check`,
`user_version`, tables) and only then writes: it creates a new library (0600, in a 0700
folder), switches it to WAL and migrates it. The rules:

- only a file the header or the integrity check proves damaged is set aside (renamed, never
  deleted, with its -wal/-shm), and the notice names the full path it was kept under;
- a full disk, a permission, read-only or I/O error, a library from a newer ildesk and
  another program's SQLite file leave every file untouched: `Unusable` says exactly why, and
  `copy` says whether a read-only copy of the file can be shown instead;
- a library that is already current is not written at all while it opens, so a window
  started during another window's long import opens the real library (reads never wait
  for a writer in WAL mode).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from ildesk.userdata import migrations
from ildesk.userdata.errors import UserDataError

BUSY_TIMEOUT_S = 15.0
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
FOLDER_MODE, FILE_MODE = 0o700, 0o600
SIDE_FILES = ("-wal", "-shm", "-journal")

# SQLite primary result codes (sqlite3.h) that say something about the file itself.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
DAMAGE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})


class Unusable(UserDataError):
    """The file is left exactly as it was; `message` and `advice` say why and what to do.
    `copy` is True when a read-only copy of its contents can still be shown."""

    def __init__(self, message: str, advice: str = "", copy: bool = False) -> None:
        super().__init__(message, advice)
        self.copy = copy


class _Damaged(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an sqlite3 error (None when it carries none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def kind_of(exc: BaseException) -> str:
    """"full", "readonly", "busy", "damaged", "io" or "other" for an sqlite3/OS error."""
    code = error_code(exc)
    low = str(exc).lower()
    if code == SQLITE_FULL or "disk is full" in low or getattr(exc, "errno", None) in (
            errno.ENOSPC, errno.EDQUOT):
        return "full"
    if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) or getattr(exc, "errno", None) in (
            errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in low or "read-only" in low:
        return "readonly"
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in low or "busy" in low:
        return "busy"
    if code in DAMAGE_CODES:
        return "damaged"
    if code == SQLITE_IOERR or isinstance(exc, OSError) or "disk i/o" in low:
        return "io"
    return "other"


def no_space(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # AttributeError: Windows has no statvfs
        return False
    return st.f_bavail == 0


def _unusable(exc: BaseException, path: Path, copy: bool) -> Unusable:
    kind = kind_of(exc)
    if kind in ("io", "other") and no_space(path.parent):
        kind = "full"  # SQLite says "disk I/O error" when WAL's shared memory cannot grow
    untouched = f"Nothing was changed: {path} and its companion files are as they were."
    if kind == "full":
        return Unusable(f"Your library {path} could not be opened for writing: the disk is "
                        f"full. {untouched}", "Free some space and restart ildesk.", copy)
    if kind == "readonly":
        return Unusable(f"Your library {path} cannot be written (the file or its folder is "
                        f"read-only or not yours). {untouched}",
                        "Check that your user can write to that folder, then restart ildesk.",
                        copy)
    if kind == "busy":
        return Unusable(f"Your library {path} is held by another ildesk window that is busy "
                        f"with it (for example a long import). {untouched}",
                        "Close this window and open it again when the other one is done.",
                        copy)
    reason = getattr(exc, "strerror", None) or exc
    return Unusable(f"Your library {path} could not be read ({reason}). {untouched}",
                    "Restart ildesk; if this persists, check the disk.", copy)


def private_folder(folder: Path) -> None:
    """Create `folder` (0700) when it is missing; raise Unusable when it cannot be."""
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise Unusable(f"The folder for your library, {folder}, cannot be created "
                       f"({exc.strerror or exc}).",
                       "Check that your user can write there, or set ILDESK_USER_DIR.") from exc
    if not folder.is_dir():
        raise Unusable(f"{folder} is not a folder, so your library cannot be kept there.",
                       "Move it away or set ILDESK_USER_DIR to another folder.")


def _tighten(path: Path) -> None:
    """Make an existing library file and its companions private (0600) when they are ours."""
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        try:
            st = p.stat()
            if st.st_uid == os.getuid() and st.st_mode & 0o077:
                p.chmod(FILE_MODE)
        except OSError:
            pass  # missing, or on a file system without modes: nothing to protect


def ro_uri(path: Path, immutable: bool = False) -> str:
    extra = "&immutable=1" if immutable else ""
    return f"file:{quote(str(path.resolve()))}?mode=ro{extra}"


def _header(path: Path) -> bytes | None:
    """The file's first bytes; None when there is no file or it is empty (a new library)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _unusable(exc, path, copy=False) from exc
    if stat.S_ISDIR(st.st_mode):
        raise Unusable(f"{path} is a folder, not a library file.",
                       "Move the folder away or set ILDESK_USER_DIR to another folder.")
    if not stat.S_ISREG(st.st_mode):
        raise Unusable(f"{path} is not a regular file (a device, pipe or socket); it was left "
                       "alone.", "Move it away or set ILDESK_USER_DIR to another folder.")
    if st.st_size == 0:
        return None
    try:
        with path.open("rb") as fh:
            return fh.read(HEADER_BYTES)
    except OSError as exc:
        raise _unusable(exc, path, copy=False) from exc


def inspect(path: Path) -> int | None:
    """The library format of `path` (None: no library yet), reading only. Raises _Damaged
    when the header or the integrity check proves it damaged, Unusable otherwise."""
    header = _header(path)
    if header is None:
        return None
    if not header.startswith(SQLITE_MAGIC):
        raise _Damaged("it is not an SQLite database")
    sides = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    existed = [p.exists() for p in sides]
    try:
        # Not mode=ro: a read-only connection cannot remove WAL's companion files when it
        # closes. query_only keeps this one from changing anything.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute("PRAGMA query_only = 1")
            result = conn.execute("PRAGMA integrity_check").fetchall()
            version = migrations.version_of(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE "
                                                 "type = 'table' AND name NOT LIKE 'sqlite_%'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        _remove_new_empty(sides, existed)
        if kind_of(exc) == "damaged":
            raise _Damaged(f"it is not a readable database: {exc}") from exc
        raise _unusable(exc, path, copy=True) from exc
    if [r[0] for r in result] != ["ok"]:
        raise _Damaged(f"the integrity check failed: {result[0][0] if result else 'no answer'}")
    if version > migrations.CURRENT:
        raise Unusable(f"Your library {path} was written by a newer ildesk (library format "
                       f"{version}; this version reads up to {migrations.CURRENT}). It was "
                       "left untouched.", "Use the newer ildesk, which can still read it.")
    if version == 0 and tables:
        raise Unusable(f"{path} is an SQLite database, but not an ildesk library; it was left "
                       "untouched.", "Move it away (or set ILDESK_USER_DIR to another folder) "
                       "and restart ildesk to start a library there.")
    return version


def _remove_new_empty(sides: list[Path], existed: list[bool]) -> None:
    """Remove the -wal/-shm a failed look left behind (on a full disk SQLite cannot finish
    setting them up, nor clean them away), but only those that were not there before and
    hold no transaction (an empty -wal)."""
    wal, shm = sides
    if existed[0] or not wal.exists() or wal.stat().st_size > 0:
        return
    wal.unlink(missing_ok=True)
    if not existed[1]:
        shm.unlink(missing_ok=True)


def set_aside(path: Path) -> Path:
    """Rename a damaged `path` (and its companion files) to `<name>.damaged-<time>`."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    path.rename(target)
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _create(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    except FileExistsError:
        pass  # another window made it first (or it is the empty file of a new library)
    except OSError as exc:
        raise _unusable(exc, path, copy=False) from exc


def _migrate(path: Path, version: int | None) -> None:
    """Switch to WAL and bring the file to CURRENT; a current WAL library is not written."""
    if version == migrations.CURRENT and _is_wal(path):
        return
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            migrations.migrate(conn)
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        raise _unusable(exc, path, copy=bool(version)) from exc


def _is_wal(path: Path) -> bool:
    """Bytes 18 and 19 of the header are 2 in a WAL database."""
    header = _header(path)
    return header is not None and header[18:20] == b"\x02\x02"


def prepare(path: Path, notices: list[str]) -> None:
    """Make `path` a usable, current library, or raise Unusable having changed nothing."""
    private_folder(path.parent)
    for _attempt in range(2):
        try:
            version = inspect(path)
        except _Damaged as damaged:
            try:
                kept = set_aside(path)
            except FileNotFoundError:
                continue  # another window set it aside first
            except OSError as exc:
                raise Unusable(f"Your library {path} is damaged ({damaged.reason}) and could "
                               f"not be set aside ({exc.strerror or exc}); it was left as it "
                               "is.", "Move the file away by hand; ildesk will start a new "
                               "one.") from exc
            notices.append(f"Your library file was damaged ({damaged.reason}). It was kept as "
                           f"{kept} and a new, empty library was started.")
            continue
        if version is None:
            _create(path)
        else:
            _tighten(path)
            if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)):
                raise _unusable(PermissionError(errno.EACCES, "read-only"), path, copy=True)
        _migrate(path, version)
        return
    raise Unusable(f"Your library {path} could not be opened.", "Restart ildesk.")


def copy_into(path: Path, target: sqlite3.Connection) -> bool:
    """Copy the library at `path` into `target` without writing to it; False when it
    cannot be read at all. A read-only folder may refuse WAL's shared-memory file, so the
    second try reads the file as immutable."""
    sides = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    existed = [p.exists() for p in sides]
    for immutable in (False, True):
        try:
            src = sqlite3.connect(ro_uri(path, immutable), uri=True, timeout=1.0)
            try:
                src.backup(target)
            finally:
                src.close()
            return True
        except sqlite3.Error:
            _remove_new_empty(sides, existed)
    return False
