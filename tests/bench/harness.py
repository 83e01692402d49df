"""A small benchmark harness: timings, medians and percentiles, the results table, the JSON.

    samples = timed(lambda: searcher.search("il6"), repeat=30)
    report.add(Result("search p95", p95(samples) * 1e3, "ms", goal=5.0, ...))

Each benchmark returns `Result`s; `Report` prints them as a table and writes
`tests/bench/results/latest.json`. A missed goal is reported, never an error.
"""

from __future__ import annotations

import gc
import json
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
ROOT = Path(__file__).resolve().parents[2]


def median(xs: Iterable[float]) -> float:
    return statistics.median(list(xs))


def percentile(xs: Iterable[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between closest ranks."""
    s = sorted(xs)
    if not s:
        return math.nan
    pos = (len(s) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def p95(xs: Iterable[float]) -> float:
    return percentile(xs, 95)


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> list[float]:
    """Seconds per call of `fn`, `repeat` times after `warmup` untimed calls. The garbage
    collector is paused while timing (a collection in the middle is noise, not the code)."""
    for _ in range(warmup):
        fn()
    out = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    finally:
        if enabled:
            gc.enable()
    return out


def timed_once(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


@dataclass
class Result:
    """One line of the report. `value` is what the goal is about (`unit`); `met` is None when
    the line is for information only (no goal)."""

    name: str
    value: float
    unit: str
    goal: str = ""
    met: bool | None = None
    median: float | None = None
    p95: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    n: int | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _fmt(x: float | None, unit: str = "") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if abs(x) >= 100:
        s = f"{x:.0f}"
    elif abs(x) >= 10:
        s = f"{x:.1f}"
    else:
        s = f"{x:.2f}"
    return f"{s} {unit}".strip()


class Report:
    def __init__(self) -> None:
        self.results: list[Result] = []
        self.skipped: list[tuple[str, str]] = []
        self.started = time.time()

    def add(self, result: Result) -> Result:
        self.results.append(result)
        mark = {True: "met", False: "MISSED", None: ""}[result.met]
        print(f"  · {result.name}: {_fmt(result.value, result.unit)}"
              f"{'  (goal ' + result.goal + ': ' + mark + ')' if result.goal else ''}"
              f"{'  — ' + result.note if result.note else ''}", flush=True)
        return result

    def skip(self, name: str, why: str) -> None:
        self.skipped.append((name, why))
        print(f"  · {name}: SKIPPED — {why}", flush=True)

    def table(self) -> str:
        head = ("benchmark", "value", "median", "p95", "baseline", "ratio", "goal", "met")
        rows = [head]
        for r in self.results:
            # a ratio line shows the timings (or sizes) it was computed from in their own unit
            unit = r.unit if r.unit != "×" else r.extra.get("unit_of_median", "ms")
            med = r.median
            rows.append((r.name, _fmt(r.value, r.unit), _fmt(med, unit), _fmt(r.p95, unit),
                         _fmt(r.baseline, unit), _fmt(r.ratio, "×") if r.ratio else "—",
                         r.goal or "—", {True: "yes", False: "MISSED", None: "—"}[r.met]))
        widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
        lines = []
        for j, row in enumerate(rows):
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                   for i, (c, w) in enumerate(zip(row, widths, strict=True))))
            if j == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def finish(self, path: Path | None = None) -> Path:
        print()
        print(self.table())
        for name, why in self.skipped:
            print(f"SKIPPED {name}: {why}")
        missed = [r for r in self.results if r.met is False]
        for r in missed:
            print(f"MISSED {r.name}: {_fmt(r.value, r.unit)} (goal {r.goal})")
        if not missed:
            print("All goals met." if self.results else "Nothing was measured.")
        path = path or RESULTS / "latest.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        out = []
        for r in self.results:
            d = asdict(r)
            d.update(d.pop("extra"))
            out.append(d)
        out += [{"name": n, "value": None, "unit": "", "goal": "", "met": None,
                 "skipped": why} for n, why in self.skipped]
        meta = {"machine": platform.machine(), "python": sys.version.split()[0],
                "cpus": os.cpu_count(), "seconds": round(time.time() - self.started, 1)}
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        (path.parent / "meta.json").write_text(json.dumps(meta, indent=2) + "\n",
                                               encoding="utf-8")
        print(f"Wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        return path


def goal_le(value: float, limit: float) -> bool:
    return bool(value <= limit)
