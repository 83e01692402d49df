"""The open user database: WAL, synchronous=FULL, a busy timeout, migrations. What to do
with the file before it is opened (set a damaged one aside, leave anything else untouched)
is decided in `opening.py`.

Reads run in deferred transactions; every write is one `BEGIN IMMEDIATE` transaction, so two
windows writing at once queue on the lock (up to BUSY_TIMEOUT_S) instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from ildesk.userdata import migrations, opening
from ildesk.userdata.errors import UserDataError
from ildesk.userdata.opening import BUSY_TIMEOUT_S, SQLITE_MAGIC, Unusable

MEMORY = ":memory:"
__all__ = ["BUSY_TIMEOUT_S", "MEMORY", "SQLITE_MAGIC", "Database", "Unusable", "UserDataError",
           "explain"]


def explain(exc: BaseException, path: Path | str, doing: str = "saved") -> UserDataError:
    """A readable UserDataError for an sqlite3/SQLAlchemy/OS failure on the user database."""
    orig = getattr(exc, "orig", None) or exc
    kind = opening.kind_of(orig)
    if kind in ("io", "other") and path != MEMORY and opening.no_space(Path(path).parent):
        kind = "full"  # SQLite reports a full disk under WAL as "disk I/O error"
    if kind == "full":
        return UserDataError(f"Your library could not be {doing}: the disk is full.",
                             "Free some space and try again.")
    if kind == "readonly":
        return UserDataError(f"Your library could not be {doing}: {path} cannot be written.",
                             "Check that your user can write to that folder.")
    if kind == "busy":
        return UserDataError(f"Your library could not be {doing}: another ildesk window is "
                             "busy with it.", "Try again in a moment.")
    return UserDataError(f"Your library could not be {doing} ({orig}).",
                         "Restart ildesk; if this persists, the file may be damaged.")


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

    def __init__(self, path: Path | str, notices: list[str] | None = None,
                 copy_of: Path | None = None) -> None:
        """`path` is a file or MEMORY; `copy_of` fills an in-memory library with a copy of a
        library file that cannot be written (the file itself is only read)."""
        self.notices: list[str] = [] if notices is None else notices
        self.copied = False
        if str(path) == MEMORY:
            self.path: Path | None = None
            conn = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
            if copy_of is not None:
                self.copied = opening.copy_into(copy_of, conn)
            if migrations.version_of(conn) > migrations.CURRENT:
                conn.close()  # a newer library's tables are not ours to read
                conn = sqlite3.connect(MEMORY, isolation_level=None, check_same_thread=False)
                self.copied = False
            migrations.migrate(conn)
            self.engine: Engine = create_engine("sqlite://", creator=lambda: conn,
                                                poolclass=StaticPool)
        else:
            self.path = Path(path)
            try:
                opening.prepare(self.path, self.notices)
            except UserDataError as exc:
                exc.notices = [*self.notices, *exc.notices]
                raise
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
