"""`ildesk self-test`: check that this installation works, without a screen.

It opens the content database (the bundled one in a packaged build), runs searches whose
answers are known, draws a diagram and a fact sheet into a temporary folder and checks them,
and opens and closes the main window offscreen. One line for success; exit code 1 and the
reason for each failed check otherwise. CI runs it on the packaged executable (`make smoke`).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ildesk.db.pages.types import Page

from ildesk.cli.common import Add, CliError, open_content_or_fail

# (query, expected page id, how many of the first hits may hold it). CD25 and tocilizumab
# also have pages of their own (the receptor chain, the drug), which may rightly come first.
SEARCHES = (("IL2", "il-2", 1), ("CD25", "il-2", 3), ("tocilizumab", "il-6", 3))


class CheckFailed(Exception):
    """A self-test check did not give what it should; the message says what it got."""


@dataclass
class _Run:
    args: argparse.Namespace
    workdir: Path
    content: Any = None
    app: Any = None
    notes: dict[str, str] = field(default_factory=dict)

    def page(self, page_id: str) -> Page:
        from ildesk.db import pages

        found = pages.page(self.content, page_id)
        if found is None:
            raise CheckFailed(f"the page {page_id!r} is missing from the database")
        return found


def _check_database(run: _Run) -> str:
    from ildesk.db import pages

    run.content = open_content_or_fail(run.args)
    info = run.content.info
    total = sum(info.counts.values())
    if info.counts.get("interleukin", 0) < 30:
        raise CheckFailed(f"the database has only {info.counts.get('interleukin', 0)} "
                          "interleukin pages")
    if run.content.sqlite.execute("PRAGMA query_only").fetchone()[0] != 1:
        raise CheckFailed("the database was not opened read-only")
    meta = pages.meta(run.content)
    run.notes["database"] = (f"database {total} pages, data version "
                             f"{meta.get('data_version', info.data_version)}")
    return f"{info.path}: {total} pages"


def _search_check(query: str, expected: str, within: int) -> Callable[[_Run], str]:
    def check(run: _Run) -> str:
        from ildesk.search import Searcher

        searcher = Searcher(run.content.path)
        try:
            result = searcher.search(query, limit=10)
        finally:
            searcher.close()
        ids = [hit.id for hit in result.hits]
        if expected not in ids[:within]:
            where = "the top hit" if within == 1 else f"in the first {within} hits"
            raise CheckFailed(f"searching {query!r} should give {expected} {where}; "
                              f"got {', '.join(ids[:5]) or 'nothing'}")
        return f"{query!r} → {', '.join(ids[:within])}"

    check.__name__ = f"search {query}"
    return check


def _check_qt(run: _Run) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    from ildesk import paths

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform",
                                                   os.environ["QT_QPA_PLATFORM"]])
    run.app = app
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise CheckFailed("Qt cannot read SVG images (the imageformats plugin is missing)")
    icon_path = paths.resources_dir() / "icons" / "ildesk.svg"
    if QIcon(str(icon_path)).pixmap(32, 32).isNull():
        raise CheckFailed(f"the application icon {icon_path} cannot be drawn")
    platform = app.platformName()  # type: ignore[attr-defined]
    return f"Qt on {platform!r}, icon and SVG support present"


def _check_diagram(run: _Run) -> str:
    import xml.etree.ElementTree as ET

    from ildesk.db import pages
    from ildesk.diagram.layout import layout_interleukin
    from ildesk.render.export import to_svg

    il6 = run.page("il-6")
    if il6["kind"] != "interleukin":
        raise CheckFailed("the page il-6 is not an interleukin")
    diagram = layout_interleukin(il6, pages.labels(run.content))
    out = to_svg(diagram, run.workdir / "il-6.svg")
    text = out.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    if not root.tag.endswith("svg"):
        raise CheckFailed(f"{out.name} is not an SVG drawing")
    for word in ("gp130", "JAK"):
        if word not in text:
            raise CheckFailed(f"the IL-6 diagram does not show {word}")
    return f"{out.name}: {len(text) // 1024} KB of SVG"


def _check_factsheet(run: _Run) -> str:
    from ildesk.factsheet import sheets_for
    from ildesk.render.factsheet import write_pdf

    out = write_pdf(sheets_for(run.content, ["il-2"]), run.workdir / "il-2.pdf")
    data = out.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise CheckFailed(f"{out.name} is not a complete PDF file")
    if len(data) < 5_000:
        raise CheckFailed(f"{out.name} is suspiciously small ({len(data)} bytes)")
    return f"{out.name}: {len(data) // 1024} KB"


def _quiet_offscreen(mode: Any, context: Any, message: str) -> None:
    """Qt's message handler while the window check runs: the offscreen platform's notes about
    what it cannot do (window hints) are not problems; everything else is passed on."""
    if "does not support" not in message:
        sys.stderr.write(message + "\n")


def _check_window(run: _Run) -> str:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from ildesk.search import Searcher
    from ildesk.ui.main_window import MainWindow

    previous = qInstallMessageHandler(_quiet_offscreen)
    window = MainWindow(run.content, Searcher(run.content.path))
    try:
        window.open_page("il-6")
        window.show()
        QApplication.processEvents()
        if not window.isVisible():
            raise CheckFailed("the main window did not show")
        current = getattr(window, "current_page", None)
        if isinstance(current, dict) and current.get("id") != "il-6":
            raise CheckFailed(f"the window shows {current.get('id')!r} instead of il-6")
        size = f"{window.width()}×{window.height()}"
    finally:
        window.close()
        QApplication.processEvents()
        window.deleteLater()
        QApplication.processEvents()
        qInstallMessageHandler(previous)
    return f"main window opened on IL-6 ({size}) and closed"


def _checks() -> list[tuple[str, Callable[[_Run], str]]]:
    return [
        ("database", _check_database),
        *[(f"search {q}", _search_check(q, e, n)) for q, e, n in SEARCHES],
        ("qt", _check_qt),
        ("diagram", _check_diagram),
        ("fact sheet", _check_factsheet),
        ("window", _check_window),
    ]


def cmd_self_test(args: argparse.Namespace) -> int:
    import tempfile
    import traceback

    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    passed, failures = 0, []
    with tempfile.TemporaryDirectory(prefix="ildesk-self-test-") as tmp:
        run = _Run(args, Path(tmp))
        try:
            for name, check in _checks():
                if name != "database" and run.content is None:
                    failures.append(f"{name}: not run (no database)")
                    continue
                check_started = time.perf_counter()
                try:
                    detail = check(run)
                except CliError as exc:
                    failures.append(f"{name}: {exc.message} {exc.advice}".rstrip())
                except CheckFailed as exc:
                    failures.append(f"{name}: {exc}")
                except Exception as exc:  # a self-test reports, it does not crash
                    where = traceback.extract_tb(exc.__traceback__)[-1]
                    failures.append(f"{name}: {type(exc).__name__}: {exc} "
                                    f"({Path(where.filename).name}:{where.lineno})")
                else:
                    passed += 1
                    if args.verbose:
                        took = time.perf_counter() - check_started
                        sys.stdout.write(f"  ok  {name}: {detail} ({took:.2f} s)\n")
        finally:
            if run.content is not None:
                run.content.close()
    elapsed = time.perf_counter() - started
    if failures:
        for failure in failures:
            sys.stderr.write(f"self-test: FAILED {failure}\n")
        raise CliError(f"self-test: {len(failures)} of {passed + len(failures)} checks failed "
                       f"in {elapsed:.1f} s.",
                       "Reinstall ildesk, or report the lines above.")
    note = run.notes.get("database", "")
    sys.stdout.write(f"self-test: {passed} checks passed ({note}) in {elapsed:.1f} s\n")
    return 0


def register(add: Add) -> None:
    p = add("self-test", cmd_self_test,
            "check that this installation works (database, search, diagram, fact sheet, "
            "window), without a screen")
    p.add_argument("-v", "--verbose", action="store_true", help="print every check")
