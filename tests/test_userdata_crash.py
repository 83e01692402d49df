"""Crash safety of the user library: writer processes are killed with SIGKILL at random
moments, and afterwards the file is sound and holds every write that was reported saved.

25 kills by default; `make stress` (ILDESK_STRESS=1) does 200. The seed is printed on failure
(ILDESK_CRASH_SEED replays one). The writers are forked from a "zygote" process that has
already imported ildesk, so each kill costs milliseconds, not an interpreter start-up; the
two-window test starts two ordinary interpreters.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ildesk.userdata import UserStore
from tests.userdata_support import WRITER

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")]

KILLS = 200 if os.environ.get("ILDESK_STRESS") == "1" else 25
SRC = str(Path(__file__).resolve().parents[1] / "src")


def _python(*args: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, str(WRITER), *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


class Zygote:
    def __init__(self) -> None:
        self.proc = _python("--zygote")

    def _ask(self, line: str) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line.encode() + b"\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, self.proc.stderr.read().decode() if self.proc.stderr else "zygote died"
        return int(answer)

    def start(self, db: Path, prefix: str, start: int, out: Path) -> int:
        return self._ask(f"go {db} {prefix} {start} {out}")

    def reap(self, pid: int) -> int:
        return self._ask(f"wait {pid}")

    def close(self) -> None:
        self.proc.communicate(b"")


def _reported(out: Path) -> tuple[list[str], set[str], set[str]]:
    """Ids whose save was reported: only complete lines count (a kill can cut one short)."""
    lines = out.read_text().split("\n")[:-1] if out.exists() else []
    notes = {ln[5:] for ln in lines if ln.startswith("note ")}
    marks = {ln[9:] for ln in lines if ln.startswith("bookmark ")}
    return lines, notes, marks


def _check(db: Path, notes: set[str], marks: set[str], context: str) -> None:
    conn = sqlite3.connect(db, timeout=30)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], context
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'note'").fetchone():
            assert not notes and not marks, context  # killed before the library existed
            return
        have_notes = {r[0] for r in conn.execute("SELECT page_id FROM note")}
        have_marks = {r[0] for r in conn.execute("SELECT page_id FROM bookmark")}
        assert notes <= have_notes, f"{context}: lost notes {sorted(notes - have_notes)[:5]}"
        assert marks <= have_marks, f"{context}: lost bookmarks {sorted(marks - have_marks)[:5]}"
        conn.execute("INSERT INTO note_fts (note_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM note_fts").fetchone() == \
            conn.execute("SELECT count(*) FROM note").fetchone(), context
    finally:
        conn.close()


def _wait_for_ready(out: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_text().startswith("ready\n"):
            return
        time.sleep(0.002)
    raise AssertionError("the writer never opened the library")


def test_sigkill_at_random_moments_loses_no_reported_write(tmp_path):
    seed = int(os.environ.get("ILDESK_CRASH_SEED", time.time_ns() % 1_000_000))
    print(f"crash-test seed {seed} (set ILDESK_CRASH_SEED to replay)")
    rng = random.Random(seed)
    db = tmp_path / "user.sqlite"
    saved_notes: set[str] = set()
    saved_marks: set[str] = set()
    next_index = {"a": 0, "b": 0}
    kills = rounds = 0
    zygote = Zygote()
    try:
        while kills < KILLS:
            rounds += 1
            prefixes = ["a", "b"] if rounds % 3 == 0 else ["a"]  # sometimes two windows
            outs = {p: tmp_path / f"out-{rounds}-{p}.txt" for p in prefixes}
            pids = {p: zygote.start(db, p, next_index[p], outs[p]) for p in prefixes}
            if rng.random() < 0.85:  # mostly while writing; sometimes while it opens
                for p in prefixes:
                    _wait_for_ready(outs[p])
                time.sleep(rng.uniform(0.0, 0.15))
            else:
                time.sleep(rng.uniform(0.0, 0.05))
            for p in prefixes:
                os.kill(pids[p], signal.SIGKILL)
            for p in prefixes:
                status = zygote.reap(pids[p])
                assert os.WIFSIGNALED(status), f"seed {seed}: the writer ended by itself"
                lines, notes, marks = _reported(outs[p])
                assert "done" not in lines
                saved_notes |= notes
                saved_marks |= marks
                numbers = [int(x.rsplit("-", 1)[1]) for x in notes | marks]
                next_index[p] = max([next_index[p], *numbers]) + 2
                kills += 1
            _check(db, saved_notes, saved_marks, f"seed {seed}, kill {kills}")
    finally:
        zygote.close()
    assert saved_notes and saved_marks  # the kills did land in the middle of real work
    with UserStore(db) as store:
        assert store.notices == []  # the file opens as a sound library
        assert {n.page_id for n in store.notes.all()} >= saved_notes


def test_two_windows_writing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "user.sqlite"
    UserStore(db).close()  # created first, so both writers meet an existing library
    count = 60
    procs = [_python(str(db), p, "0", str(count)) for p in ("left", "right")]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        assert out.rstrip().endswith(b"done")
    everything = {f"{p}-{i}" for p in ("left", "right") for i in range(count)}
    _check(db, everything, everything, "two writers")
    with UserStore(db) as store:
        assert len(store.notes.all()) == 2 * count
        assert len(store.bookmarks.all()) == 2 * count
        assert store.history.count() == 2 * count
        assert len(store.bookmarks.all(tag="left")) == count
