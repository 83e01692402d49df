"""build-db writes atomically, records its versions, and the reader refuses unknown schemas."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ildesk.cli import main
from ildesk.db.engine import ContentDbError, open_content
from ildesk.db.models import SCHEMA_VERSION
from tests.conftest import DATA


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_records_versions_and_counts(data_copy, tmp_path, capsys):
    out = tmp_path / "c.sqlite"
    assert main(["build-db", "--data", str(data_copy), "-o", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    with open_content(out) as content:
        assert content.info.schema_version == SCHEMA_VERSION
        assert len(content.info.data_version) == 16
        assert content.info.counts["interleukin"] >= 50


def test_failed_build_leaves_previous_database_untouched(data_copy, tmp_path, capsys):
    out = tmp_path / "c.sqlite"
    assert main(["build-db", "--data", str(data_copy), "-o", str(out)]) == 0
    before = _digest(out)
    il2 = data_copy / "interleukins/il-2.yaml"
    il2.write_text(il2.read_text(encoding="utf-8").replace("HGNC:6001", "HGNC:x"),
                   encoding="utf-8")
    assert main(["build-db", "--data", str(data_copy), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "interleukins/il-2.yaml: genes[0].hgnc_id" in err
    assert "nothing was written" in err
    assert _digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["c.sqlite"]


def test_check_writes_nothing(data_copy, tmp_path, capsys):
    out = tmp_path / "never.sqlite"
    assert main(["build-db", "--check", "--data", str(data_copy), "-o", str(out)]) == 0
    assert "no problems" in capsys.readouterr().out
    assert not out.exists()


@pytest.mark.slow
def test_two_builds_of_the_same_data_are_the_same_bytes(db_path, tmp_path):
    """Sets iterate in an order PYTHONHASHSEED picks and the clock moves between builds:
    neither may reach the file. Two fresh processes with different seeds (1 s each, run side
    by side) must write the very bytes this session's build (any seed) wrote."""
    runs = {}
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.sqlite"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs[out] = subprocess.Popen(
            [sys.executable, "-m", "ildesk", "build-db", "--data", str(DATA), "-o", str(out)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for out, proc in runs.items():
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
        assert out.read_bytes() == db_path.read_bytes(), f"{out.name} differs"


def test_the_build_stamp_is_the_content_date_not_the_clock(db_path, kb):
    with sqlite3.connect(db_path) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["built_at"] == meta["content_date"] == max(
        d.checked_on for d in kb.drugs.values() if d.checked_on)


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, SCHEMA_VERSION - 1])
def test_unknown_schema_version_is_refused(db_path, tmp_path, version):
    copy = tmp_path / "other.sqlite"
    copy.write_bytes(db_path.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    with pytest.raises(ContentDbError) as err:
        open_content(copy)
    assert f"schema version {version}" in err.value.message
    assert ("Update ildesk" if version > SCHEMA_VERSION else "build-db") in err.value.advice


def test_content_database_is_read_only(content):
    with pytest.raises(sqlite3.OperationalError):
        content.sqlite.execute("DELETE FROM page")
