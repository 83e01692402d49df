"""`ildesk open [NAME] [--search TEXT] [--compare NAME NAME …]` (and `ildesk` with no
command): the window; `--compare` opens the compare view over it.

Qt is imported only here, and only once there is a display to open the window on.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from ildesk.cli.common import Add, CliError, open_content_or_fail, resolve


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def cmd_open(args: argparse.Namespace) -> int:
    ids = _compare_ids(args) if getattr(args, "compare", None) is not None else None
    if not _has_display():
        raise CliError("there is no display to open the window on.",
                       "Run it under a virtual screen (`xvfb-run -a ildesk`), or use the "
                       "command line: `ildesk search`, `ildesk show`, `ildesk factsheet`.")
    # Nearly every object made on the way to the first paint (Qt's types and enums, the
    # window's modules, widgets and search tables) lives as long as the window: the ~80
    # collections start-up would otherwise run (~19 ms) find next to nothing to free.
    # Collection resumes once the first screen is complete (ui.app.run) or run returns.
    gc.disable()
    try:
        return _open(args, ids)
    finally:
        gc.enable()


def _open(args: argparse.Namespace, ids: list[str] | None) -> int:
    from ildesk import paths
    from ildesk.db.engine import CheckAhead

    db = Path(args.db) if args.db else None
    ahead = CheckAhead(db or paths.default_db())  # the check runs while Qt and the window load
    from ildesk.ui.feature_scan import mark_own_modules

    mark_own_modules()  # before the window's modules load: PySide6 need not read their sources
    from ildesk.ui.app import run

    return run(db=db, ahead=ahead, page=getattr(args, "name", None),
               search=getattr(args, "search", None),
               quit_after_paint=getattr(args, "quit_after_paint", False),
               screenshot=getattr(args, "screenshot", None), compare=ids)


def _compare_ids(args: argparse.Namespace) -> list[str]:
    """The page ids `--compare` names, checked before the window opens (a bad name is the
    same message and exit 1 as `ildesk compare`)."""
    from ildesk.compare import MAX_ITEMS, MIN_ITEMS, compare

    names = args.compare
    if not MIN_ITEMS <= len(names) <= MAX_ITEMS:
        raise CliError(f"--compare takes {MIN_ITEMS} to {MAX_ITEMS} interleukins; "
                       f"{len(names)} {'was' if len(names) == 1 else 'were'} given.",
                       "For example: ildesk open --compare IL-4 IL-13")
    with open_content_or_fail(args) as content:
        ids = [resolve(content, n) for n in names]
        compare(content, ids)  # raises CompareError: not an interleukin, the same twice
    return ids


def register(add: Add) -> None:
    p = add("open", cmd_open, "open the window, optionally on a page or a search")
    p.add_argument("name", nargs="?", help="a page to open (any name or alias)")
    p.add_argument("--search", metavar="TEXT", help="start with this search")
    p.add_argument("--compare", nargs="+", metavar="NAME",
                   help="open the compare view on 2–4 interleukins (e.g. --compare IL-4 IL-13)")
    p.add_argument("--quit-after-paint", action="store_true",
                   help="quit right after the first complete paint (for start-up timing)")
    p.add_argument("--screenshot", metavar="PATH", help=argparse.SUPPRESS)
