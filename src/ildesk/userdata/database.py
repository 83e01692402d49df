"""Opening the user's own database safely: WAL, synchronous=FULL, a busy timeout, migrations,
and a damaged file set aside (renamed, never deleted) with a notice for the person.

Reads run in deferred transactions; every write is one `BEGIN IMMEDIATE` transaction, so two
windows writing at once queue on the lock (up to BUSY_TIMEOUT_S) instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from ildesk.errors import ActionableError
from ildesk.userdata import migrations

BUSY_TIMEOUT_S = 15.0
SQLITE_MAGIC = b"SQLite format 3\x00"
MEMORY = ":memory:"


class UserDataError(ActionableError):
    """Your library cannot be read or saved; `message` says why, `advice` what to do."""

    def __str__(self) -> str:
        return f"{self.message} {self.advice}".strip()


class _DamagedError(Exception):
    def __init__(self, reason: str, newer: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.newer = newer


def explain(exc: BaseException, path: Path | str, doing: str = "saved") -> UserDataError:
    """A readable UserDataError for an sqlite3/SQLAlchemy/OS failure on the user database."""
    text = str(getattr(exc, "orig", None) or exc)
    low = text.lower()
    if "full" in low or "no space" in low:
        return UserDataError(f"Your library could not be {doing}: the disk is full.",
                             "Free some space and try again.")
    if "readonly" in low or "read-only" in low or "permission" in low or "unable to open" in low:
        return UserDataError(f"Your library could not be {doing}: {path} cannot be written.",
                             "Check that your user can write to that folder.")
    if "locked" in low or "busy" in low:
        return UserDataError(f"Your library could not be {doing}: another ildesk window is "
                             "busy with it.", "Try again in a moment.")
    return UserDataError(f"Your library could not be {doing} ({text}).",
                         "Restart ildesk; if this persists, the file may be damaged.")


def _check(conn: sqlite3.Connection) -> None:
    """Raise _DamagedError when the open file is not a usable user database of this version."""
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        result = conn.execute("PRAGMA integrity_check").fetchall()
        version = migrations.version_of(conn)
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise
        raise _DamagedError(f"it is not a readable database: {exc}") from exc
    if [r[0] for r in result] != ["ok"]:
        first = result[0][0] if result else "no answer"
        raise _DamagedError(f"the integrity check failed: {first}")
    if version > migrations.CURRENT:
        raise _DamagedError(f"it was written by a newer ildesk (library format {version}; this "
                       f"version reads up to {migrations.CURRENT})", newer=True)
    if version == 0 and tables:
        raise _DamagedError("it is an SQLite database, but not an ildesk library")


def _set_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _prepare_file(path: Path, notices: list[str]) -> None:
    """Check `path`, set it aside if damaged, and migrate it (or a fresh one) to CURRENT."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserDataError(f"The folder for your library, {path.parent}, cannot be created "
                            f"({exc.strerror or exc}).",
                            "Check that your user can write there, or set ILDESK_USER_DIR."
                            ) from exc
    if path.is_dir():
        raise UserDataError(f"{path} is a folder, not a library file.",
                            "Move the folder away or set ILDESK_USER_DIR to another folder.")
    for _attempt in range(2):
        try:
            damaged: _DamagedError | None = None
            if path.exists() and path.stat().st_size > 0:
                with path.open("rb") as fh:
                    if fh.read(16) != SQLITE_MAGIC:
                        damaged = _DamagedError("it is not an SQLite database")
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            try:
                if damaged is None:
                    try:
                        _check(conn)
                    except _DamagedError as exc:
                        damaged = exc
                if damaged is None:
                    migrations.migrate(conn)
                    return
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise explain(exc, path, "opened") from exc
        except OSError as exc:
            raise UserDataError(f"Your library {path} cannot be opened "
                                f"({exc.strerror or exc}).",
                                "Check that your user can read and write that folder.") from exc
        try:
            kept = _set_aside(path)
        except FileNotFoundError:
            continue  # another window set it aside first
        except OSError as exc:
            raise UserDataError(f"Your library {path} is damaged ({damaged.reason}) and could "
                                f"not be set aside ({exc.strerror or exc}).",
                                "Move the file away by hand; ildesk will start a new one.") from exc
        if damaged.newer:
            notices.append(f"Your library could not be opened: {damaged.reason}. It was kept "
                           f"as {kept.name} in {kept.parent} and a new, empty library was "
                           "started. The newer ildesk can still read the kept file.")
        else:
            notices.append(f"Your library file was damaged ({damaged.reason}). It was kept as "
                           f"{kept.name} in {kept.parent} and a new, empty library was "
                           "started.")
    raise UserDataError(f"Your library {path} could not be opened.", "Restart ildesk.")


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000):d}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("ildesk_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """The open user database: `read()` and `write()` sessions, each one transaction."""

    def __init__(self, path: Path | str) -> None:
        self.notices: list[str] = []
        if str(path) == MEMORY:
            self.path: Path | None = None
            conn = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
            migrations.migrate(conn)
            self.engine: Engine = create_engine("sqlite://", creator=lambda: conn,
                                                poolclass=StaticPool)
        else:
            self.path = Path(path)
            _prepare_file(self.path, self.notices)
            self.engine = create_engine(f"sqlite:///{self.path}",
                                        connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(self.engine, "connect", _on_connect)
        event.listen(self.engine, "begin", _on_begin)
        self._writer = self.engine.execution_options(ildesk_begin="IMMEDIATE")

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as s, s.begin():
                yield s
        except DBAPIError as exc:
            raise explain(exc, self.path or MEMORY, "read") from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One immediate transaction: committed when the block ends, rolled back on error."""
        try:
            with Session(self._writer, expire_on_commit=False) as s, s.begin():
                yield s
        except DBAPIError as exc:
            raise explain(exc, self.path or MEMORY, "saved") from exc

    def raw_integrity(self) -> str:
        with self.read() as s:
            return str(s.connection().exec_driver_sql("PRAGMA integrity_check").scalar())

    def close(self) -> None:
        self.engine.dispose()
