"""Scale: the same 200 queries against a synthetic knowledge base of 100,000 entries.

The database is built once per (size, generator, data) and kept in tests/bench/results/
(git-ignored); the build time is reported when it is built in this run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.bench import bench_search
from tests.bench.harness import RESULTS, ROOT, Report, Result, timed_once


def _database(report: Report, total: int) -> Path:
    from ildesk.db.builder import build
    from ildesk.kb import load
    from ildesk.search import snapshot
    from tests.bench import synthetic

    base = load(ROOT / "data")
    if base.problems:
        raise RuntimeError(f"data/ has {len(base.problems)} problem(s)")
    # the generator and the builder (its index layout) decide what is cached
    from ildesk.db import build_drugs, build_labels, build_writer, builder

    version = hashlib.sha256(b"".join(
        Path(mod.__file__).read_bytes()
        for mod in (synthetic, builder, build_writer, build_labels, build_drugs))).hexdigest()[:8]
    path = RESULTS / f"synthetic-{total}-{base.digest}-{version}.sqlite"
    if path.is_file():
        report.add(Result(f"scale: synthetic database ({total} entries)", 0.0, "s",
                          note=f"reused {path.name}; delete it to time the build again"))
        return path
    for old in RESULTS.glob("synthetic-*.sqlite"):
        old.unlink()
    t_gen, kb = timed_once(lambda: synthetic.synthetic(base, total))
    t_check, problems = timed_once(lambda: synthetic.check(kb))
    if problems:
        raise RuntimeError(f"the synthetic knowledge base is invalid: {problems[:3]}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    t_build, result = timed_once(lambda: build(kb, path, snapshot.DERIVED))
    report.add(Result(f"scale: build {result.pages} entries (ildesk.db.builder.build)", t_build,
                      "s", median=t_build, n=1,
                      note=f"generated in {t_gen:.1f} s, cross-checked in {t_check:.1f} s; "
                           f"{path.stat().st_size / 2**20:.0f} MiB"))
    return path


def run(report: Report, total: int = 100_000, rounds: int = 5) -> None:
    path = _database(report, total)
    from ildesk.search import Searcher

    t_open, searcher = timed_once(lambda: Searcher(path))
    searcher.close()
    report.add(Result(f"scale: open a Searcher on {total} entries (in-memory index)", t_open,
                      "s", median=t_open, n=1))
    bench_search.run(report, path, rounds=rounds, label=f"scale {total // 1000}k",
                     p95_goal=30.0, ratio_goal=None)
