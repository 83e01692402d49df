"""Fact sheets to PDF, and building the content database from data/ (load and build apart)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.bench.harness import ROOT, Report, Result, median, p95, timed, timed_once


def factsheets(report: Report, db: Path) -> None:
    try:
        from ildesk.factsheet.build import interleukin_ids, sheets_for
        from ildesk.render.factsheet import render_pdf_bytes, write_pdf
    except ImportError as exc:
        report.skip("fact sheets", f"ildesk.render.factsheet.write_pdf is not there ({exc})")
        return
    from ildesk.db.engine import open_content

    with open_content(db) as content, tempfile.TemporaryDirectory() as tmp:
        one_first, _ = timed_once(lambda: render_pdf_bytes(sheets_for(content, ["il-6"])))
        one = timed(lambda: render_pdf_bytes(sheets_for(content, ["il-6"])), repeat=15)
        ids = list(interleukin_ids(content))
        out = Path(tmp) / "all.pdf"
        every = timed(lambda: write_pdf(sheets_for(content, ids), out), repeat=3, warmup=1)
        size = out.stat().st_size
        model_only = timed(lambda: sheets_for(content, ids), repeat=3)
    med = median(one) * 1e3
    report.add(Result("fact sheet: one page (IL-6) to PDF", med, "ms", goal="≤ 100 ms",
                      met=med <= 100, median=med, p95=p95(one) * 1e3, n=len(one),
                      note=f"first call in the process {one_first * 1e3:.0f} ms (fonts)"))
    med_all = median(every)
    report.add(Result(f"fact sheets: all {len(ids)} interleukins to one PDF", med_all, "s",
                      goal="≤ 3 s", met=med_all <= 3, median=med_all, n=len(every),
                      note=f"{size / 1024:.0f} KiB; of which reading + sheet model "
                           f"{median(model_only):.2f} s"))


def build_db(report: Report, runs: int = 5) -> None:
    from ildesk.db.builder import build
    from ildesk.kb import load
    from ildesk.search import snapshot

    data = ROOT / "data"
    load_times, build_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs + 1):
            t_load, kb = timed_once(lambda: load(data))
            if kb.problems:
                report.skip("build-db", f"data/ has {len(kb.problems)} problem(s) right now")
                return
            t_build, _ = timed_once(lambda kb=kb, i=i: build(kb, Path(tmp) / f"b{i}.sqlite", snapshot.DERIVED))
            if i:  # the first round warms the disk cache and imports
                load_times.append(t_load)
                build_times.append(t_build)
    tl, tb = median(load_times), median(build_times)
    report.add(Result("build-db: load data/ (ildesk.kb.load)", tl, "s", median=tl,
                      p95=max(load_times), n=runs))
    report.add(Result("build-db: write the database (ildesk.db.builder.build)", tb, "s",
                      median=tb, p95=max(build_times), n=runs))
    report.add(Result("build-db: load + build, shipped data", tl + tb, "s", goal="≤ 2 s",
                      met=tl + tb <= 2, median=tl + tb, n=runs))
