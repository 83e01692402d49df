"""The command line: `ildesk [COMMAND] …`. With no command it opens the window.

The parser is built from `COMMANDS`, one `register` function per command, each in its own
module (`show`, `drugs`, `search`, `build_db`, `factsheet`, `compare`, `diagram`, `selftest`,
`open_window`);
to add a command, write its module and add its `register` here. What commands share is in
`common`. Errors go to stderr with exit code 1 (usage errors: 2) and a line that says what to
do. Heavy modules (Qt, the renderer) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ildesk import __version__
from ildesk.cli import (
    build_db,
    compare,
    diagram,
    drugs,
    factsheet,
    open_window,
    search,
    selftest,
    show,
)
from ildesk.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    Add,
    CliError,
    database_failure,
    printable,
)
from ildesk.errors import ActionableError

__all__ = ["COMMANDS", "EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "CliError", "main"]

# In the order `ildesk --help` lists them.
COMMANDS: tuple[Callable[[Add], None], ...] = (
    open_window.register,
    show.register_show,
    show.register_list,
    drugs.register,
    search.register_search,
    search.register_facets,
    build_db.register,
    factsheet.register,
    compare.register,
    diagram.register,
    selftest.register,
)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    common.add_argument("--db", metavar="PATH", help="the content database to read")
    # The commands take --db too, but without a default of their own: `ildesk --db X show`
    # and `ildesk show --db X` both read X (a command's default used to undo the first).
    for_commands = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    for_commands.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                              help="the content database to read (or set ILDESK_DB)")
    parser = argparse.ArgumentParser(
        prog="ildesk", parents=[common], allow_abbrev=False,
        description="An offline encyclopedia of the human interleukins. "
                    "With no command, opens the window.")
    parser.add_argument("--version", action="version", version=f"ildesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[for_commands], help=help_, description=help_,
                           allow_abbrev=False)
        p.set_defaults(func=func)
        return p

    for register in COMMANDS:
        register(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from ildesk.launch import link_index, translate_url_args

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    args = parser.parse_args(translate_url_args(argv))
    if args.command is None:
        args.func = open_window.cmd_open
    if link_index(argv) is not None:  # a link is data: development options never come with it
        args.screenshot, args.quit_after_paint = None, False
    try:
        try:
            return int(args.func(args))
        except ActionableError:
            raise
        except Exception as exc:
            db_error = database_failure(exc, args)
            if db_error is None:
                raise
            raise db_error from exc
    except ActionableError as exc:  # CliError, and any other error that says what to do
        sys.stderr.write(printable(f"ildesk: error: {exc.message}\n"))
        if exc.advice:
            sys.stderr.write(printable(f"{exc.advice}\n"))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
