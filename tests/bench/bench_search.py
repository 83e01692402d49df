"""Search latency: `Searcher.search` against the bare FTS5 query it is built on.

The baseline is the same MATCH expression (`fts_expression(q)`), the same bm25 weights,
snippet, ORDER BY and LIMIT, run with plain sqlite3 on the same file: what the ranking,
exact-name boosts and suggestions cost on top of SQLite itself.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from ildesk.db.fts import FTS_TABLE, SNIPPET_COLUMN, WEIGHTS
from ildesk.search import Searcher
from ildesk.search import query as q
from ildesk.search.engine import MARK_END, MARK_START
from tests.bench.harness import Report, Result, median, p95

QUERIES = Path(__file__).with_name("queries.txt")
LIMIT = 50  # Searcher.search's default; it asks FTS5 for max(3 * limit, 60) rows


def queries() -> list[str]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def baseline_sql() -> str:
    return (f"SELECT page_id, kind, bm25({FTS_TABLE}, {WEIGHTS}) AS rank, "
            f"snippet({FTS_TABLE}, {SNIPPET_COLUMN}, ?, ?, '…', 14) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH ? ORDER BY rank LIMIT ?")


def measure(db: Path, qs: list[str], rounds: int) -> dict[str, list[tuple[float, float]]]:
    """Per query, `rounds` pairs of (ildesk seconds, baseline seconds), interleaved so that a
    noisy moment hits both alike."""
    searcher = Searcher(db)
    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    sql = baseline_sql()
    fts_limit = max(LIMIT * 3, 60)
    exprs = {text: q.fts_expression(text) for text in qs}
    out: dict[str, list[tuple[float, float]]] = {text: [] for text in qs}
    clock = time.perf_counter
    # one untimed pass warms both page caches
    for text in qs:
        searcher.search(text)
        conn.execute(sql, (MARK_START, MARK_END, exprs[text], fts_limit)).fetchall()
    import gc

    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for text in qs:
                expr = exprs[text]
                t0 = clock()
                searcher.search(text)
                t1 = clock()
                if expr:
                    conn.execute(sql, (MARK_START, MARK_END, expr, fts_limit)).fetchall()
                t2 = clock()
                out[text].append((t1 - t0, t2 - t1))
    finally:
        gc.enable()
        searcher.close()
        conn.close()
    return out


def summarise(samples: dict[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Per query: (median ildesk ms, median baseline ms)."""
    return {text: (median(a for a, _ in pairs) * 1e3, median(b for _, b in pairs) * 1e3)
            for text, pairs in samples.items()}


def run(report: Report, db: Path, rounds: int = 15, label: str = "search",
        p95_goal: float = 5.0, ratio_goal: float | None = 1.5) -> dict[str, tuple[float, float]]:
    qs = queries()
    per_query = summarise(measure(db, qs, rounds))
    ours = [a for a, _ in per_query.values()]
    base = [b for _, b in per_query.values()]
    ratios = [a / b for a, b in per_query.values() if b > 0]
    med_ratio = median(ratios)
    slowest = sorted(per_query.items(), key=lambda kv: -kv[1][0])[:5]
    worst_ratio = sorted(((a / b, t) for t, (a, b) in per_query.items() if b > 0),
                         reverse=True)[:5]
    extra = {"queries": len(qs), "rounds": rounds,
             "slowest_ms": {t: round(a, 3) for t, (a, _) in slowest},
             "highest_ratio": {t: round(r, 2) for r, t in worst_ratio}}
    if ratio_goal is not None:
        report.add(Result(f"{label}: ildesk vs bare FTS5 (median of per-query ratios)",
                          med_ratio, "×", goal=f"≤ {ratio_goal}",
                          met=med_ratio <= ratio_goal, median=median(ours),
                          p95=p95(ours), baseline=median(base), ratio=med_ratio,
                          n=len(qs), note=f"{len(qs)} queries × {rounds} rounds",
                          extra=extra))
    report.add(Result(f"{label}: p95 latency over {len(qs)} queries", p95(ours), "ms",
                      goal=f"≤ {p95_goal} ms", met=p95(ours) <= p95_goal,
                      median=median(ours), p95=p95(ours), baseline=median(base),
                      ratio=median(ours) / median(base), n=len(qs),
                      note="slowest: " + ", ".join(f"{t!r} {a:.1f}" for t, (a, _) in
                                                   slowest[:3]),
                      extra={"max_ms": max(ours), "baseline_p95_ms": p95(base)}))
    return per_query
