"""The command line: `ildesk [COMMAND] …`. With no command it opens the window.

The parser is built from `COMMANDS`, one `register` function per command, each in its own
module (`show`, `drugs`, `search`, `build_db`, `factsheet`, `compare`, `diagram`, `selftest`,
`open_window`), imported only for the command that runs (or all of them, for help);
to add a command, write its module and name its `register` in `_WHERE`. What commands share
is in `common`. Errors go to stderr with exit code 1 (usage errors: 2) and a line that says what to
do. Heavy modules (Qt, the renderer) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from ildesk import __version__
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

# Each command: the module that defines it and its `register` function there, in the order
# `ildesk --help` lists them. A command's module is imported only when the parser needs it:
# `ildesk open` (the window's start) need not load the other ten.
_WHERE: dict[str, tuple[str, str]] = {
    "open": ("open_window", "register"),
    "show": ("show", "register_show"),
    "list": ("show", "register_list"),
    "drugs": ("drugs", "register"),
    "search": ("search", "register_search"),
    "facets": ("search", "register_facets"),
    "build-db": ("build_db", "register"),
    "factsheet": ("factsheet", "register"),
    "compare": ("compare", "register"),
    "diagram": ("diagram", "register"),
    "self-test": ("selftest", "register"),
}
COMMANDS: tuple[str, ...] = tuple(_WHERE)


def _register(command: str) -> Callable[[Add], None]:
    module, function = _WHERE[command]
    register: Callable[[Add], None] = getattr(
        importlib.import_module(f"ildesk.cli.{module}"), function)
    return register


def named_command(argv: Sequence[str]) -> str | None:
    """The command `argv` names, "" when it names none and asks for nothing else (plain
    `ildesk`, perhaps with `--db PATH`), or None when only the whole parser can tell (help,
    --version, an unknown word or option)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--db":
            i += 2
        elif arg.startswith("--db="):
            i += 1
        elif arg.startswith("-"):
            return None
        else:
            return arg if arg in _WHERE else None
    return "" if i == len(argv) else None  # `--db` with no path: the parser says so


def _parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with every command; given the arguments, with only the command they name
    (a misspelt command, or help, still gets them all)."""
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

    named = None if argv is None else named_command(argv)
    for command in COMMANDS if named is None else [named] if named else []:
        _register(command)(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from ildesk.launch import link_index, translate_url_args

    argv = list(sys.argv[1:] if argv is None else argv)
    argv_ = translate_url_args(argv)
    args = _parser(argv_).parse_args(argv_)
    if args.command is None:
        from ildesk.cli.open_window import cmd_open

        args.func = cmd_open
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
