"""Issue 19, point 12: a crafted content database neither hangs nor crashes ildesk. A
recursive view in place of a table is refused on opening; any statement is stopped after
QUERY_LIMIT_S or at Ctrl+C; a JSON column that is not a list of text and an unknown page
kind give a clear message; the About box shows `meta` text as text."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from ildesk.db import engine
from ildesk.db.engine import ContentDbError, open_content
from tests.hostile_support import assert_clear_failure, cli

ROOT = Path(__file__).resolve().parents[1]
ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"


def _crafted(db_path: Path, tmp_path: Path, *statements: str) -> Path:
    path = tmp_path / "crafted.sqlite"
    shutil.copyfile(db_path, path)
    conn = sqlite3.connect(path)
    with conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()
    return path


@contextmanager
def watchdog(conn: sqlite3.Connection, seconds: float = 15.0) -> Iterator[list[bool]]:
    """Interrupts `conn` after `seconds` so that a query without a bound fails the test
    instead of hanging it; yields a list that holds True when the watchdog had to act."""
    fired: list[bool] = []

    def bite() -> None:
        fired.append(True)
        conn.interrupt()

    timer = threading.Timer(seconds, bite)
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()


def test_json_columns_are_the_models_list_columns():
    from sqlalchemy import JSON

    from ildesk.db.models import Base

    found: dict[str, set[str]] = {}
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, JSON):
                found.setdefault(table.name, set()).add(column.name)
    assert found == {t: set(c) for t, c in engine.JSON_COLUMNS.items()}


def test_a_recursive_view_in_place_of_a_table_is_refused_not_run(db_path, tmp_path):
    crafted = _crafted(db_path, tmp_path, "ALTER TABLE page RENAME TO page_kept",
                       "CREATE VIEW page AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
                       "SELECT n + 1 FROM r) SELECT p.* FROM r, page_kept p")
    try:
        done = subprocess.run([sys.executable, "-m", "ildesk", "list", "--db", str(crafted)],
                              capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("`ildesk list` on a database with a recursive view did not finish in 60 s")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "ildesk: error:" in done.stderr


def test_a_view_or_trigger_is_refused_on_opening(db_path, tmp_path):
    crafted = _crafted(db_path, tmp_path, f"CREATE VIEW forever AS {ENDLESS}")
    with pytest.raises(ContentDbError, match="view"):
        open_content(crafted)


def test_a_slow_statement_is_stopped_after_the_time_bound(db_path, monkeypatch):
    monkeypatch.setattr(engine, "QUERY_LIMIT_S", 0.3, raising=False)
    with open_content(db_path) as content, watchdog(content.sqlite) as fired:
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            content.sqlite.execute(ENDLESS).fetchone()
        assert not fired, "only the test's watchdog stopped the query"
        assert content.sqlite.execute("SELECT count(*) FROM page").fetchone()[0] > 0


def test_ctrl_c_stops_a_long_statement(db_path):
    with open_content(db_path) as content, watchdog(content.sqlite) as fired:
        timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            content.sqlite.execute(ENDLESS).fetchone()
        timer.join()
        assert not fired, "Ctrl+C did not stop the query; the watchdog had to"


@pytest.mark.parametrize(("statement", "words"), [
    ("UPDATE interleukin SET sources = '[\"a\", ' WHERE id = 'il-6'", ("interleukin.sources",)),
    ("UPDATE drug SET brands = '{\"x\": 1}' WHERE rowid = 1", ("drug.brands",)),
    ("UPDATE chain SET kinases = '[1, 2]' WHERE rowid = 1", ("chain.kinases",)),
    ("UPDATE page SET kind = 'spell' WHERE id = 'il-6'", ("unknown kind", "spell")),
])
def test_bad_json_or_an_unknown_kind_is_a_clear_message(db_path, tmp_path, capsys, monkeypatch,
                                                         statement, words):
    crafted = _crafted(db_path, tmp_path, statement)
    monkeypatch.setenv("ILDESK_DB", str(crafted))
    for command in (["show", "IL-6"], ["list"], ["search", "il6"]):
        assert_clear_failure(cli(capsys, *command), *words)


def test_meta_text_is_shown_as_plain_text_in_the_about_box():
    from ildesk.ui.about import about_html

    html = about_html({"data_version": "<a href='file:///etc/passwd'>click</a>",
                       "built_at": "<img src=x onerror=alert(1)>"})
    assert "<a " not in html and "<img" not in html
    assert "&lt;a href=" in html and "&lt;img" in html
