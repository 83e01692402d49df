"""`make bench`: every benchmark, a table, and tests/bench/results/latest.json.

    python -m tests.bench                     # everything (about 10 minutes on 2 cores)
    python -m tests.bench search keystroke    # only these groups
    python -m tests.bench --quick             # fewer rounds, for a smoke run

Groups: search, keystroke, scale, startup, factsheet, diagram, build, article. A missed goal prints a
MISSED line; the exit code is 0 all the same (this is a report, not a test).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12 on Python 3.11 drops one reference to None on many calls (QGraphicsItem
# setters, QLabel.setText...); a few thousand such calls abort the process with "deallocating
# None". Python 3.12+ makes None immortal. Holding spare references keeps long benchmark runs
# alive; it changes nothing measured. (Reported to the lead with a reproducer.)
_NONE_PAD = [None] * 5_000_000

GROUPS = ("search", "keystroke", "scale", "startup", "factsheet", "diagram", "build",
          "article")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("groups", nargs="*", choices=[*GROUPS, []], metavar="GROUP",
                        help="which groups to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    parser.add_argument("--db", type=Path, help="the content database (default: the built one)")
    parser.add_argument("--scale-entries", type=int, default=100_000,
                        help="size of the synthetic knowledge base (default 100000)")
    parser.add_argument("--out", type=Path, help="where to write the JSON")
    args = parser.parse_args(argv)
    groups = args.groups or list(GROUPS)
    quick = args.quick

    from ildesk import paths
    from tests.bench.harness import Report

    db = (args.db or paths.default_db()).resolve()
    if not db.is_file():
        print(f"No content database at {db}: run `make db` first.", file=sys.stderr)
        return 1
    os.environ["ILDESK_USER_DIR"] = tempfile.mkdtemp(prefix="ildesk-bench-user-")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # before anything makes a QGuiApplication
    report = Report()
    print(f"Benchmarks on {db} ({os.cpu_count()} CPUs)", flush=True)

    if "search" in groups:
        print("search: Searcher.search vs bare FTS5, 200 queries", flush=True)
        from tests.bench import bench_search

        bench_search.run(report, db, rounds=5 if quick else 15)
    if "keystroke" in groups:
        print("keystroke: typing 'interleukin 6' in the window", flush=True)
        from tests.bench import bench_window

        bench_window.keystrokes(report, db, rounds=2 if quick else 8)
    if "diagram" in groups:
        print("diagram: layout and scene", flush=True)
        from tests.bench import bench_window

        bench_window.diagram(report, db)
    if "article" in groups:
        print("article: glossary terms and the Contents list when a page opens", flush=True)
        from tests.bench import bench_article

        bench_article.run(report, db, repeat=5 if quick else 15)
    if "factsheet" in groups:
        print("factsheet: PDF of one and of all interleukins", flush=True)
        from tests.bench import bench_content

        bench_content.factsheets(report, db)
    if "build" in groups:
        print("build: ildesk.kb.load + ildesk.db.builder.build of data/", flush=True)
        from tests.bench import bench_content

        bench_content.build_db(report, runs=2 if quick else 5)
    if "startup" in groups:
        print("startup: `ildesk open IL-6 --quit-after-paint` vs a bare window", flush=True)
        from tests.bench import bench_startup

        bench_startup.run(report, db, runs=3 if quick else 12)
    if "scale" in groups:
        print(f"scale: {args.scale_entries} synthetic entries", flush=True)
        from tests.bench import bench_scale

        bench_scale.run(report, args.scale_entries, rounds=2 if quick else 5)
    report.finish(args.out)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
