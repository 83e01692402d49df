"""Build the content database from a checked knowledge base, atomically.

The rows come from `build_writer.Writer` (names and labels from `build_labels`, drug facts
from `build_drugs`); here the schema is created, the meta facts are written, and the
database is written to a temporary file beside the target, checked, and only then renamed
over it; a failed build leaves the previous database exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from ildesk import __version__
from ildesk.db import models as m
from ildesk.db.build_writer import Writer
from ildesk.db.fts import FTS_TABLE
from ildesk.files import OutputError, atomic_path
from ildesk.kb import KnowledgeBase

KIND_OF_FOLDER = {
    "interleukins": "interleukin",
    "chains": "receptor",
    "molecules": "molecule",
    "cell_types": "cell_type",
    "diseases": "disease",
    "drugs": "drug",
    "articles": "article",
}


class BuildError(Exception):
    """The build failed; nothing was replaced."""


@dataclass(frozen=True)
class BuildResult:
    path: Path
    pages: int
    data_version: str


def _variants_json(kb: KnowledgeBase) -> str:
    """data/variants.yaml as the search reads it from the database (meta `search_variants`):
    the groups of equivalent words, abbreviations, Greek letter names."""
    v = kb.variants
    if v is None:
        return json.dumps({"groups": [], "abbreviations": {}, "greek": {}})
    return json.dumps({"groups": [list(g) for g in [*v.spellings, *v.words]],
                       "abbreviations": {a: list(m) for a, m in v.abbreviations.items()},
                       "greek": dict(v.greek)}, ensure_ascii=False)


def _check_written(path: Path, expected_pages: int) -> None:
    conn = sqlite3.connect(path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BuildError("the new database failed its integrity check")
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BuildError("the new database has a dangling foreign key")
        pages = conn.execute("SELECT count(*) FROM page").fetchone()[0]
        indexed = conn.execute(f"SELECT count(*) FROM {FTS_TABLE}").fetchone()[0]
        if pages != expected_pages or indexed != expected_pages:
            raise BuildError(f"expected {expected_pages} pages, wrote {pages} "
                             f"({indexed} indexed)")
    finally:
        conn.close()


def content_date(kb: KnowledgeBase) -> str:
    """The day the content was last checked: the latest `checked_on` in data/ ("" if none),
    kept in the meta table so the window can say how current its facts are."""
    return max((d.checked_on for d in kb.drugs.values() if d.checked_on), default="")


# A writer of tables derived from the written pages (`ildesk.search.snapshot.write`): it
# runs inside the build, so a failure fails the build and leaves the old database in place.
Derived = Callable[[sqlite3.Connection], None]


def _write_derived(tmp: Path, derived: Iterable[Derived]) -> None:
    conn = sqlite3.connect(tmp)
    try:
        with conn:  # one transaction for them all
            for writer in derived:
                writer(conn)
    finally:
        conn.close()


def _write_database(kb: KnowledgeBase, tmp: Path, derived: Iterable[Derived] = ()) -> int:
    """Write `kb` into the empty SQLite file `tmp` (and what `derived` makes of it) and check
    it; returns the page count."""
    engine = create_engine(f"sqlite:///{tmp}")
    try:
        with engine.begin() as conn:
            m.create_schema(conn)
        with Session(engine) as session, session.begin():
            pages = Writer(kb, session).write()
            # No clock: two builds of the same data/ are the same bytes. "Built" is the day
            # the content was last checked, from data/ ("?" as before when none is).
            built = content_date(kb) or "?"
            for k, v in (("schema_version", str(m.SCHEMA_VERSION)),
                         ("search_variants", _variants_json(kb)),
                         ("data_version", kb.digest), ("built_at", built),
                         ("content_date", content_date(kb)),
                         ("ildesk_version", __version__)):
                session.add(m.Meta(key=k, value=v))
        _write_derived(tmp, derived)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = DELETE")
            conn.exec_driver_sql("VACUUM")
    finally:
        engine.dispose()
    _check_written(tmp, pages)
    return pages


def build(kb: KnowledgeBase, target: Path, derived: Iterable[Derived] = ()) -> BuildResult:
    """Write `kb` to `target` atomically, with the tables each of `derived` writes from it.
    `kb` must have no problems."""
    if kb.problems:
        raise BuildError(f"the knowledge base has {len(kb.problems)} problem(s)")
    target = target.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot write to {target.parent}: {_os_reason(exc)}") from exc
    staged: list[Path] = []
    try:
        with atomic_path(target, suffix=".sqlite") as tmp:
            staged.append(tmp)
            pages = _write_database(kb, tmp, derived)
    except BuildError:
        raise
    except OutputError as exc:
        if exc.kind == "folder":
            raise BuildError(f"{target} is a folder; name a file inside it, such as "
                             f"{target / 'ildesk.sqlite'}") from exc
        reason = _os_reason(exc.error) if exc.error is not None else exc.message
        raise BuildError(f"writing {target} failed: {reason}") from exc
    except Exception as exc:
        orig = getattr(exc, "orig", None)  # SQLAlchemy wraps the sqlite3 error
        cause = orig if isinstance(orig, Exception) else exc
        if isinstance(cause, sqlite3.OperationalError) and "full" in str(cause):
            raise BuildError(f"writing {target} failed: the disk is full; free some space "
                             "and build again") from exc
        raise BuildError(f"writing {target} failed: {cause}") from exc
    finally:  # also on Ctrl+C: no SQLite side file is left beside the target
        for tmp in staged:
            for leftover in (tmp.with_name(tmp.name + sfx) for sfx in _SIDE_FILES):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
    return BuildResult(path=target, pages=pages, data_version=kb.digest)


_SIDE_FILES = ("-journal", "-wal", "-shm")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space and build again"
    if isinstance(exc, PermissionError):
        return "permission denied; choose a folder you may write to (-o FILE)"
    return str(exc.strerror or exc)
