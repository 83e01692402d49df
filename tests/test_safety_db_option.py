"""Issue 19, point 13: `--db PATH` is honoured before the command, after it, and through
ILDESK_DB, by every command. Each runs against a database that does not exist: the error
must name that path (before the fix, `ildesk --db PATH COMMAND` silently read the bundled
database)."""

from __future__ import annotations

from typing import Any

import pytest

import ildesk.kb
from tests.hostile_support import cli

COMMANDS = [["show", "IL-6"], ["list"], ["search", "il6"], ["facets"],
            ["factsheet", "IL-6", "-o", "{tmp}/x.pdf"], ["diagram", "IL-6", "-o", "{tmp}/x.svg"],
            ["self-test"]]


def _ways(db: str, command: list[str]) -> dict[str, list[str]]:
    return {"before": ["--db", db, *command], "after": [*command, "--db", db]}


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("way", ["before", "after", "ILDESK_DB"])
def test_every_command_reads_the_database_it_was_given(capsys, tmp_path, monkeypatch,
                                                       command, way):
    missing = str(tmp_path / "elsewhere" / "chosen.sqlite")
    command = [c.format(tmp=tmp_path) for c in command]
    if way == "ILDESK_DB":
        monkeypatch.setenv("ILDESK_DB", missing)
        argv = command
    else:
        argv = _ways(missing, command)[way]
    run = cli(capsys, *argv)
    assert run.code == 1 and "chosen.sqlite" in run.out + run.err, (argv, run)


@pytest.mark.parametrize("way", ["before", "after"])
def test_build_db_writes_the_database_it_was_given(capsys, tmp_path, kb, monkeypatch, way):
    monkeypatch.setattr(ildesk.kb, "load", lambda _root: kb)
    target = tmp_path / "chosen.sqlite"
    argv = _ways(str(target), ["build-db", "--data", str(kb.root)])[way]
    assert cli(capsys, *argv).code == 0 and target.is_file()


@pytest.mark.parametrize("way", ["before", "after"])
def test_the_window_opens_the_database_it_was_given(capsys, tmp_path, monkeypatch, way):
    import ildesk.ui.app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ildesk.ui.app, "run", lambda **kw: calls.append(kw) or 0)
    target = str(tmp_path / "chosen.sqlite")
    assert cli(capsys, *_ways(target, ["open", "IL-6"])[way]).code == 0
    assert str(calls[0]["db"]) == target
