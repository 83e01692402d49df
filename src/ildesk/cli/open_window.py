"""`ildesk open [NAME] [--search TEXT]` (and `ildesk` with no command): the window.

Qt is imported only here, and only once there is a display to open the window on.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ildesk.cli.common import Add, CliError


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def cmd_open(args: argparse.Namespace) -> int:
    if not _has_display():
        raise CliError("there is no display to open the window on.",
                       "Run it under a virtual screen (`xvfb-run -a ildesk`), or use the "
                       "command line: `ildesk search`, `ildesk show`, `ildesk factsheet`.")
    from ildesk.ui.app import run

    return run(db=Path(args.db) if args.db else None, page=getattr(args, "name", None),
               search=getattr(args, "search", None),
               quit_after_paint=getattr(args, "quit_after_paint", False),
               screenshot=getattr(args, "screenshot", None))


def register(add: Add) -> None:
    p = add("open", cmd_open, "open the window, optionally on a page or a search")
    p.add_argument("name", nargs="?", help="a page to open (any name or alias)")
    p.add_argument("--search", metavar="TEXT", help="start with this search")
    p.add_argument("--quit-after-paint", action="store_true",
                   help="quit right after the first complete paint (for start-up timing)")
    p.add_argument("--screenshot", metavar="PATH", help=argparse.SUPPRESS)
