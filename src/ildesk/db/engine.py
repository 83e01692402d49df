"""Open the content database read-only, and say clearly what is wrong when it cannot be used.

    with open_content(path) as content:
        page = ildesk.db.pages.page(content, "il-6")

Every failure raises `ContentDbError` with a message for the reader and what to do about it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from ildesk.db.fts import FTS_TABLE
from ildesk.errors import ActionableError

SCHEMA_VERSION = 1  # the version of the tables in ildesk.db.models
# (version, digest of its DDL: ildesk.db.models.ddl_digest()). tests/test_schema.py fails when
# the models change and SCHEMA_VERSION does not; after bumping it, record the new digest here.
SCHEMA_DIGEST = (1, "beb160606e42b4d6")

LOCK_WAIT = 1.0  # seconds
REBUILD = "Rebuild it with `ildesk build-db` (from a source checkout) or reinstall ildesk."


class ContentDbError(ActionableError):
    """The content database cannot be used; `message` says why, `advice` what to do."""

    def __init__(self, message: str, advice: str = REBUILD) -> None:
        super().__init__(message, advice)

    def __str__(self) -> str:
        return f"{self.message}\n{self.advice}"


@dataclass(frozen=True)
class DbInfo:
    path: Path
    schema_version: int
    data_version: str
    built_at: str
    counts: dict[str, int]


def _uri(path: Path) -> str:
    return f"file:{quote(str(path.resolve()))}?mode=ro"


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that cannot write, for the search hot path and checks."""
    # Nothing writes a content database in place (builds replace the file), so a lock means
    # another program holds it: say so after a short wait rather than hang for long.
    conn = sqlite3.connect(_uri(path), uri=True, check_same_thread=False, timeout=LOCK_WAIT)
    conn.execute("PRAGMA query_only = 1")
    return conn


def _inspect(path: Path) -> DbInfo:
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
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            raise ContentDbError(f"The content database {path} is damaged "
                                 f"({_first_problem(check[0] if check else '')}).")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "meta" not in tables:
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
        counts = dict(conn.execute("SELECT kind, count(*) FROM page GROUP BY kind").fetchall())
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
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

    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                       "WHERE type IN ('table', 'view')")}
    gaps = [f"table {FTS_TABLE}"] if FTS_TABLE not in have else []
    for name, columns in COLUMNS.items():
        if name not in have:
            gaps.append(f"table {name}")
            continue
        quoted = name.replace('"', '""')
        cols = {r[1] for r in conn.execute(f'PRAGMA table_info("{quoted}")')}
        gaps += [f"{name}.{c}" for c in columns if c not in cols]
    return gaps


class Content:
    """An open, read-only content database. Pages are read with plain SQL on `sqlite`
    (`ildesk.db.pages`): the typed models describe the tables the builder writes."""

    def __init__(self, path: Path) -> None:
        self.info = _inspect(path)
        self.path = path
        self._sqlite = connect_readonly(path)

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
