"""Cold start: `ildesk open IL-6 --quit-after-paint` against a bare PySide6 window started the
same way (a subprocess, offscreen, until its first paint). Peak memory per child comes from
GNU time (Debian's `time`, installed by packaging/system-deps.sh)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.harness import ROOT, Report, Result, median, p95

BARE = Path(__file__).with_name("bare_window.py")


GNU_TIME = Path("/usr/bin/time")


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """(seconds, exit code, peak resident set in KiB) of one run.

    Peak memory is reported by GNU time, which forks from its own small process: a child
    forked (or vfork-spawned) from this large benchmark process would carry the benchmark's
    high-water mark in its ru_maxrss, and every program would seem as big as the benchmark."""
    wrapped = [str(GNU_TIME), "-f", "ILDESK-MAXRSS %M", *cmd] if GNU_TIME.exists() else cmd
    t0 = time.perf_counter()
    proc = subprocess.run(wrapped, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False)
    elapsed = time.perf_counter() - t0
    rss = 0
    for line in proc.stderr.decode(errors="replace").splitlines():
        if line.startswith("ILDESK-MAXRSS "):
            rss = int(line.split()[1])
    return elapsed, proc.returncode, rss


def _compare(report: Report, label: str, app_cmd: list[str], bare_cmd: list[str], db: Path,
             runs: int) -> None:
    with tempfile.TemporaryDirectory() as user:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILDESK_USER_DIR": user,
               "ILDESK_DB": str(db)}
        env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
        # An installed ildesk starts from compiled bytecode (pip and PyInstaller compile it);
        # with PYTHONDONTWRITEBYTECODE set every run would compile ildesk's sources anew.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # one untimed run each fills the page cache (and writes .pyc files)
        _run(app_cmd, env)
        _run(bare_cmd, env)
        app, bare = [], []
        failures = 0
        for _ in range(runs):  # alternate, so that drift hits both alike
            t, code, rss = _run(app_cmd, env)
            if code != 0:
                failures += 1
            app.append((t, rss))
            bare.append(_run(bare_cmd, env)[::2])
    t_app, t_bare = median(t for t, _ in app) * 1e3, median(t for t, _ in bare) * 1e3
    m_app, m_bare = median(m for _, m in app) / 1024, median(m for _, m in bare) / 1024
    ratio = t_app / t_bare
    note = f"{runs} runs each" + (f"; {failures} runs exited non-zero" if failures else "")
    report.add(Result(f"{label}: cold start to first paint", ratio, "×", goal="≤ 2",
                      met=ratio <= 2 and not failures, median=t_app,
                      p95=p95(t for t, _ in app) * 1e3, baseline=t_bare, ratio=ratio, n=runs,
                      note=note + f" (ms: ildesk {t_app:.0f}, bare window {t_bare:.0f})",
                      extra={"unit_of_median": "ms", "failures": failures}))
    mratio = m_app / m_bare
    report.add(Result(f"{label}: peak memory (ru_maxrss)", mratio, "×", goal="≤ 2",
                      met=mratio <= 2, median=m_app, baseline=m_bare, ratio=mratio, n=runs,
                      note=f"MiB: ildesk {m_app:.0f}, bare window {m_bare:.0f}",
                      extra={"unit_of_median": "MiB"}))


QUIT_CHILD = Path(__file__).with_name("quit_child.py")


def _quit_ms(env: dict[str, str]) -> float:
    """Milliseconds from the application being told to quit to the process being gone."""
    proc = subprocess.run([sys.executable, str(QUIT_CHILD)], env=env, capture_output=True,
                          check=False)
    end = time.time()
    for line in proc.stderr.decode(errors="replace").splitlines():
        if line.startswith("ILDESK-QUIT "):
            return (end - float(line.split()[1])) * 1e3
    return float("nan")


def _quitting(report: Report, db: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as user:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILDESK_USER_DIR": user,
               "ILDESK_DB": str(db),  # ildesk as the start bench runs it; tests.bench here
               "PYTHONPATH": os.pathsep.join(p for p in (
                   os.environ.get("PYTHONPATH", ""), str(ROOT)) if p)}
        _quit_ms(env)
        times = [_quit_ms(env) for _ in range(runs)]
    t = median(times)
    report.add(Result("source: quit to process gone", t, "ms", goal="≤ 300",
                      met=t <= 300, median=t, p95=p95(times), n=runs,
                      note="the window closes in order (layout saved, library closed)"))


def run(report: Report, db: Path, runs: int = 10) -> None:
    ildesk = Path(sys.executable).with_name("ildesk")
    app_cmd = ([str(ildesk)] if ildesk.exists() else [sys.executable, "-m", "ildesk"]) + \
        ["open", "IL-6", "--quit-after-paint"]
    _compare(report, "source", app_cmd, [sys.executable, str(BARE)], db, runs)
    _quitting(report, db, max(3, runs // 2))
    packaged = ROOT / "dist" / "ildesk" / "ildesk"
    if packaged.exists():
        report.skip("packaged: cold start", "dist/ildesk/ildesk exists, but a packaged bare "
                    "window would need its own PyInstaller build (several minutes on this "
                    "machine); the packaged run alone is measured below for reference")
        with tempfile.TemporaryDirectory() as user:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILDESK_USER_DIR": user}
            env.pop("ILDESK_DB", None)
            cmd = [str(packaged), "open", "IL-6", "--quit-after-paint"]
            _run(cmd, env)
            runs_ = [_run(cmd, env) for _ in range(runs)]
        ok = all(code == 0 for _, code, _ in runs_)
        t = median(r[0] for r in runs_) * 1e3
        report.add(Result("packaged: cold start to first paint (no baseline)", t, "ms",
                          median=t, p95=p95(r[0] for r in runs_) * 1e3, n=runs,
                          note=f"peak {median(r[2] for r in runs_) / 1024:.0f} MiB"
                               + ("" if ok else "; some runs exited non-zero")))
    else:
        report.skip("packaged: cold start", "dist/ildesk/ildesk is not built (`make package`)")
