"""`ildesk build-db [--data DIR] [-o FILE] [--check]`: check data/ and build the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ildesk.cli.common import EXIT_OK, Add, CliError, out, require_suffix


def cmd_build_db(args: argparse.Namespace) -> int:
    from ildesk.db.from_data import DataBuildError, build_from_data
    from ildesk.search import snapshot

    data = Path(args.data) if args.data else None
    if args.output:
        require_suffix(args.output, (".sqlite", ".db"), args.force)
    target = Path(args.output) if args.output else (Path(args.db) if args.db else None)
    try:
        built = build_from_data(data, target, check_only=args.check,
                                derived=snapshot.DERIVED)
    except DataBuildError as exc:
        for p in exc.problems:
            sys.stderr.write(f"{exc.data_dir.name if exc.data_dir else 'data'}/{p}\n")
        raise CliError(exc.message, exc.advice) from exc
    if built.path is None:
        out(f"{built.data_dir}: no problems ({built.counts}).")
    else:
        out(f"Wrote {built.path} ({built.pages} pages: {built.counts}; data version "
            f"{built.data_version}).")
    return EXIT_OK


def register(add: Add) -> None:
    p = add("build-db", cmd_build_db, "check data/ and build the content database")
    p.add_argument("--data", metavar="DIR", help="the knowledge-base folder (default: data/)")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write the database")
    p.add_argument("--check", action="store_true", help="only check the files; write nothing")
    p.add_argument("--force", action="store_true",
                   help="write to -o even when its name does not end in .sqlite")
