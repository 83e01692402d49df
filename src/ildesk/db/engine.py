"""Open the content database read-only, and say clearly what is wrong when it cannot be used.

    with open_content(path) as content:
        page = ildesk.db.pages.page(content, "il-6")

Every failure raises `ContentDbError` with a message for the reader and what to do about it.

A crafted file must not hang or crash ildesk: opening refuses views and triggers (the
builder writes neither) and checks that every page kind is known and every JSON column holds
a list of text; and no statement on a content connection runs longer than QUERY_LIMIT_S
(a progress handler stops it, and Ctrl+C stops it too).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple
from urllib.parse import quote

from ildesk.db.fts import FTS_TABLE
from ildesk.errors import ActionableError

SCHEMA_VERSION = 2  # the version of the tables in ildesk.db.models
# (version, digest of its DDL: ildesk.db.models.ddl_digest()). tests/test_schema.py fails when
# the models change and SCHEMA_VERSION does not; after bumping it, record the new digest here.
SCHEMA_DIGEST = (2, "21fb81215c73685d")

LOCK_WAIT = 1.0  # seconds
QUERY_LIMIT_S = 20.0  # no statement of ildesk's takes a hundredth of that on 100,000 entries
PROGRESS_STEPS = 2000  # virtual-machine steps between two looks at the clock
# The opening check on a thread of its own looks at the clock less often: each look needs
# Python's lock, which the starting window holds while it imports.
CHECK_STEPS = 200_000

# The columns the builder fills with a JSON list of text (ildesk.db.models' list[str]
# columns; tests/test_safety_content.py keeps the two equal).
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "biosimilar": ("brands", "regions"),
    "cell_type": ("parents",),
    "chain": ("kinases", "sources"),
    "disease": ("parents",),
    "drug": ("brands", "side_effects", "sources"),
    "drug_clinical": ("screening", "monitoring"),
    "drug_target": ("binds", "interleukins"),
    "exclusion": ("brands",),
    "family": ("shared_chains",),
    "interleukin": ("other_families", "target_genes", "side_effects", "sources"),
    "marketing": ("brands",),
    "molecule": ("sources",),
}
REBUILD = "Rebuild it with `ildesk build-db` (from a source checkout) or reinstall ildesk."


class ContentDbError(ActionableError):
    """The content database cannot be used; `message` says why, `advice` what to do."""

    def __init__(self, message: str, advice: str = REBUILD) -> None:
        super().__init__(message, advice)

    def __str__(self) -> str:
        return f"{self.message}\n{self.advice}"


class DbInfo(NamedTuple):
    path: Path
    schema_version: int
    data_version: str
    built_at: str
    counts: dict[str, int]


def _uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


class BoundedConnection(sqlite3.Connection):
    """A connection whose every statement stops after QUERY_LIMIT_S (OperationalError
    "interrupted"), or at Ctrl+C (KeyboardInterrupt). A progress handler set by the caller
    (the search's cancellation) runs as well. The bound counts from `execute`, so a result
    read row by row also ends within it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.started = time.monotonic()
        self.stop_reason: str | None = None
        self._extra: Callable[[], object] | None = None
        super().set_progress_handler(self._progress, PROGRESS_STEPS)

    def set_progress_handler(self, handler: Callable[[], object] | None, n: int) -> None:
        self._extra = handler

    def look_every(self, steps: int) -> None:
        """Look at the clock (and the caller's handler) every `steps` steps."""
        super().set_progress_handler(self._progress, steps)

    def _progress(self) -> int:
        # Ctrl+C raises KeyboardInterrupt as this is entered; sqlite3 then stops the
        # statement and drops the exception, which _BoundedCursor puts back (stop_reason
        # stays None).
        if time.monotonic() - self.started > QUERY_LIMIT_S:
            self.stop_reason = "time"
            return 1
        if self._extra is not None and self._extra():
            self.stop_reason = "cancel"
            return 1
        return 0

    def cursor(self, factory: Any = None) -> Any:
        return super().cursor(factory or _BoundedCursor)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        return self.cursor().execute(sql, parameters)  # the C method would skip the clock


class _BoundedCursor(sqlite3.Cursor):
    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        conn = self.connection
        assert isinstance(conn, BoundedConnection)
        conn.started, conn.stop_reason = time.monotonic(), None
        try:
            return super().execute(sql, parameters)
        except sqlite3.OperationalError as exc:
            if str(exc) == "interrupted" and conn.stop_reason is None:
                raise KeyboardInterrupt from None
            raise


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot write, for the search hot path and checks;
    each statement is bounded in time (BoundedConnection)."""
    # Nothing writes a content database in place (builds replace the file), so a lock means
    # another program holds it: say so after a short wait rather than hang for long.
    conn = sqlite3.connect(_uri(path), uri=True, check_same_thread=False, timeout=LOCK_WAIT,
                           factory=BoundedConnection)
    conn.execute("PRAGMA query_only = 1")
    return conn


def _crafted(conn: sqlite3.Connection, path: Path) -> None:
    """Raise ContentDbError for what a build never writes: views, triggers, unknown page
    kinds, JSON columns that are not lists of text."""
    from ildesk.vocab import PAGE_KINDS as KINDS

    extra = conn.execute("SELECT type, name FROM sqlite_master "
                         "WHERE type IN ('view', 'trigger') ORDER BY name LIMIT 1").fetchone()
    if extra:
        raise ContentDbError(f"The content database {path} holds a {extra[0]} ({extra[1]!r}), "
                             "which ildesk's builder never writes: it was altered or made by "
                             "another program.")
    marks = ",".join("?" * len(KINDS))
    odd = conn.execute(f"SELECT id, kind FROM page WHERE kind NOT IN ({marks}) LIMIT 1",
                       KINDS).fetchone()
    if odd:
        raise ContentDbError(f"The content database {path} has a page of an unknown kind "
                             f"({odd[1]!r}, page {odd[0]!r}); it was altered or made by "
                             "another version of ildesk.")
    bad = conn.execute(_JSON_CHECK).fetchone()  # one statement: few trips to Python's lock
    if bad:
        raise ContentDbError(f"The content database {path} has a damaged value in "
                             f"{bad[0]}.{bad[1]} (row {bad[2]}: not a JSON list of text).")


def _json_check() -> str:
    """One statement that finds the first value of `JSON_COLUMNS` (in their order) that is
    not a JSON list of text: (table, column, rowid), or no row."""
    def quoted(name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    def literal(name: str) -> str:
        return "'" + name.replace("'", "''") + "'"

    branches = [
        f"SELECT {literal(table)}, {literal(column)}, rowid FROM {quoted(table)} "
        f"WHERE {quoted(column)} IS NOT NULL AND {quoted(column)} <> '' AND CASE WHEN "
        f"json_valid({quoted(column)}) THEN json_type({quoted(column)}) <> 'array' OR EXISTS "
        f"(SELECT 1 FROM json_each({quoted(column)}) WHERE type <> 'text') ELSE 1 END"
        for table, columns in JSON_COLUMNS.items() for column in columns]
    return "SELECT * FROM (" + " UNION ALL ".join(branches) + ") LIMIT 1"


_JSON_CHECK = _json_check()


def _inspect(path: Path, steps: int = PROGRESS_STEPS) -> DbInfo:
    if not path.exists():
        raise ContentDbError(f"The content database {path} does not exist.",
                             "Build it with `ildesk build-db` (or `make run`, which builds it), "
                             "or point to one with --db.")
    if path.is_dir():
        raise ContentDbError(f"{path} is a folder, not a content database.",
                             "Point --db (or ILDESK_DB) to the ildesk.sqlite file.")
    try:
        size = path.stat().st_size
        if size == 0:
            raise ContentDbError(f"The content database {path} is empty (0 bytes).")
        with path.open("rb") as fh:
            header = fh.read(16)
    except PermissionError as exc:
        raise ContentDbError(f"The content database {path} cannot be read: permission denied.",
                             "Give your user read access to the file.") from exc
    except OSError as exc:
        raise ContentDbError(f"The content database {path} cannot be read: "
                             f"{exc.strerror or exc}.") from exc
    if header != b"SQLite format 3\x00":
        raise ContentDbError(f"{path} is not an SQLite database (the file is damaged or of "
                             "another kind).")
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise ContentDbError(f"The content database {path} cannot be opened: {exc}.") from exc
    if steps != PROGRESS_STEPS and isinstance(conn, BoundedConnection):
        conn.look_every(steps)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise ContentDbError(f"The content database {path} is damaged "
                                 f"({_first_problem(check[0] if check else '')}).")
        has_meta = conn.execute("SELECT EXISTS (SELECT 1 FROM sqlite_master "
                                "WHERE name = 'meta')").fetchone()[0]
        if not has_meta:
            raise ContentDbError(f"{path} is an SQLite database, but not one of ildesk's.",
                                 "Point --db to an ildesk content database, or rebuild it "
                                 "with `ildesk build-db`.")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        try:
            version = int(meta.get("schema_version", "0"))
        except ValueError:
            version = -1
        if version != SCHEMA_VERSION:
            newer = version > SCHEMA_VERSION
            raise ContentDbError(
                f"The content database {path} has schema version {version}; this ildesk "
                f"reads version {SCHEMA_VERSION}.",
                "Update ildesk to read it." if newer else
                "Rebuild it with `ildesk build-db` to match this version of ildesk.")
        gaps = _schema_gaps(conn)
        if gaps:
            raise ContentDbError(
                f"The content database {path} lacks what this ildesk reads "
                f"({', '.join(gaps[:5])}{' …' if len(gaps) > 5 else ''}); it was made by "
                "another version of ildesk.",
                "Rebuild it with `ildesk build-db` to match this version of ildesk.")
        _crafted(conn, path)
        counts = json.loads(conn.execute(  # one row: one trip to Python's lock, not one a kind
            "SELECT json_group_object(kind, n) FROM (SELECT kind, count(*) AS n FROM page "
            "GROUP BY kind)").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if "interrupted" in msg:
            raise ContentDbError(f"The content database {path} took longer than "
                                 f"{QUERY_LIMIT_S:g} s to check and was given up; it may have "
                                 "been altered.") from exc
        if "locked" in msg:
            raise ContentDbError(f"The content database {path} is locked by another program.",
                                 "Close the program that holds it and try again.") from exc
        raise ContentDbError(f"The content database {path} is damaged ({msg}).") from exc
    finally:
        conn.close()
    return DbInfo(path=path, schema_version=version, data_version=meta.get("data_version", "?"),
                  built_at=meta.get("built_at", "?"), counts=counts)


def _first_problem(report: str) -> str:
    """The first line of an integrity report ("*** in database main ***" headers skipped)."""
    lines = [ln for ln in report.splitlines() if ln.strip() and not ln.startswith("***")]
    if not lines:
        return "no answer from the integrity check"
    more = f"; {len(lines) - 1} more problem(s)" if len(lines) > 1 else ""
    return lines[0] + more


def _schema_gaps(conn: sqlite3.Connection) -> list[str]:
    """Tables and columns the models expect but the file lacks: a database built by another
    ildesk with the same schema number would otherwise fail at its first query."""
    from ildesk.db.columns import COLUMNS

    # Every expected table's columns in one answer (a statement per table would cost the
    # opening check, which runs beside the starting window, a trip to Python's lock each).
    expected = (*COLUMNS, FTS_TABLE)
    found = conn.execute(
        "SELECT json_group_object(name, json(columns)) FROM (SELECT m.name AS name, "
        "json_group_array(p.name) AS columns FROM sqlite_master AS m, "
        "pragma_table_info(m.name) AS p WHERE m.type = 'table' AND m.name IN "
        f"({', '.join('?' * len(expected))}) GROUP BY m.name)", expected).fetchone()
    have: dict[str, list[str]] = json.loads(found[0]) if found and found[0] else {}
    gaps = [f"table {FTS_TABLE}"] if FTS_TABLE not in have else []
    for name, columns in COLUMNS.items():
        if name not in have:
            gaps.append(f"table {name}")
            continue
        cols = set(have[name])
        gaps += [f"{name}.{c}" for c in columns if c not in cols]
    return gaps


class Content:
    """An open, read-only content database. Pages are read with plain SQL on `sqlite`
    (`ildesk.db.pages`): the typed models describe the tables the builder writes."""

    def __init__(self, path: Path, info: DbInfo | None = None) -> None:
        """`info`: what a check of `path` found already (`another`); otherwise it is checked."""
        self.info = info if info is not None else _inspect(path)
        self.path = path
        self._sqlite = connect_readonly(path)

    def another(self) -> Content:
        """A connection of its own to the same, already checked, database: for work on
        another thread. One sqlite3 connection used by two threads at once can deadlock (its
        time bound calls back into Python while SQLite holds the connection)."""
        return Content(self.path, self.info)

    @property
    def sqlite(self) -> sqlite3.Connection:
        """The raw connection; searches use it directly for speed."""
        return self._sqlite

    def close(self) -> None:
        self._sqlite.close()

    def __enter__(self) -> Content:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def open_content(path: Path) -> Content:
    """Open `path` read-only after checking it; raises ContentDbError with advice."""
    return Content(path)


class CheckAhead:
    """The opening check of a content database, started on a thread of its own so that it
    runs while the window's code loads (SQLite works without Python's lock); `content()`
    waits for it and opens the database, or raises what the check found, as `open_content`.

        ahead = CheckAhead(path)      # at once, before the slow imports
        ...
        content = ahead.content()     # ContentDbError as open_content would raise it

    After a failure, asking again checks the file again (it may have been rebuilt)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._info: DbInfo | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._check, name="ildesk-db-check",
                                        daemon=True)
        self._thread.start()

    def _check(self) -> None:
        try:
            self._info = _inspect(self.path, CHECK_STEPS)
        except BaseException as exc:  # handed to the thread that asks for the content
            self._error = exc

    def content(self) -> Content:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return Content(self.path, self._info)
