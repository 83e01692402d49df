"""What every command shares: `CliError`, exit codes, printing (`out`, `out_json`), opening
the content database (`open_content_or_fail`), finding a page by any name (`resolve`), and
turning a database failure that surfaces mid-command into a message (`database_failure`).

No command module imports another; they all import this one. Heavy modules are imported
inside the functions that need them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ildesk import paths
from ildesk.errors import ActionableError

if TYPE_CHECKING:
    from ildesk.db.engine import Content

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# What a command's `register` gets: add(name, function, help) -> its sub-parser.
Add = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


class CliError(ActionableError):
    """A failure the reader can act on: `message` and `advice` are printed, exit code 1."""


def out(text: str) -> None:
    """Print one line to stdout, even on a terminal that cannot show every character."""
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        # A terminal that cannot show a character (or a lone surrogate from undecodable
        # command-line bytes) gets a replacement mark instead of a traceback.
        enc = getattr(sys.stdout, "encoding", None) or "utf-8"
        sys.stdout.write((text + "\n").encode(enc, "replace").decode(enc, "replace"))


def printable(text: str) -> str:
    """`text` without lone surrogates (command-line bytes that are not UTF-8), which no
    database query or file can carry.

    >>> printable("IL-6")
    'IL-6'
    >>> printable("IL-\\udcff")
    'IL-?'
    """
    return text.encode("utf-8", "replace").decode("utf-8")


def out_json(obj: Any) -> None:
    out(json.dumps(obj, ensure_ascii=False, indent=2))


def require_suffix(output: str, suffixes: tuple[str, ...], force: bool) -> None:
    """Refuse `-o NAME` when NAME does not end in one of `suffixes` (without --force): a slip
    such as `-o ~/.bashrc` must not replace a file that is not this command's kind."""
    if force or Path(output).suffix.lower() in suffixes or Path(output).is_dir():
        return  # a folder: the writer says to give a file name inside it
    raise CliError(f"{output} does not end in {' or '.join(suffixes)}, so it was not written.",
                   f"Give a name ending in {suffixes[0]}, or add --force to write it anyway.")


def open_content_or_fail(args: argparse.Namespace) -> Content:
    """The content database named by --db (or the default), or a CliError saying why not."""
    from ildesk.db.engine import ContentDbError, open_content

    path = Path(args.db) if args.db else paths.default_db()
    try:
        return open_content(path)
    except ContentDbError as exc:
        raise CliError(exc.message, exc.advice) from exc


def resolve(content: Content, name: str, kinds: tuple[str, ...] = ()) -> str:
    """The page id `name` stands for (`search.names.find_page`: an exact name or alias, else
    a search's exact top hit); otherwise a CliError with the closest names."""
    from ildesk.kb.names import key
    from ildesk.search import Searcher
    from ildesk.search.names import find_page

    name = printable(name)
    if not key(name):
        raise CliError(f"{name!r} is not a page name: it has no letters or digits.",
                       "Give a name such as IL-6, or find one with `ildesk search`.")
    excluded = not_covered(content, name)
    if excluded is not None:
        raise excluded
    searcher = Searcher(content.path)
    try:
        found = find_page(content, searcher, name, kinds)
    finally:
        searcher.close()
    if found.page_id is not None:
        return found.page_id
    raise CliError(f"no page is called {name!r}.",
                   "Did you mean: " + ", ".join(found.suggestions) + "?" if found.suggestions
                   else "Try `ildesk search` to find the right name.")


def not_covered(content: Content, name: str) -> CliError | None:
    """The error saying that `name` is a drug ildesk deliberately does not cover (an entry of
    data/exclusions.yaml, by INN or brand), and why; None for any other name."""
    from ildesk.db import pages

    ex = pages.exclusion(content, name)
    if ex is None:
        return None
    return CliError(f"{ex['name']} is not covered by ildesk; it acts on {ex['target']}. "
                    f"{ex['reason']}",
                    f"Source: {ex['source']}. ildesk covers the interleukins, the drugs that "
                    "act on them or their receptor chains, and the JAK/TYK2 inhibitors.")


def database_failure(exc: Exception, args: argparse.Namespace) -> CliError | None:
    """A database error that surfaced after opening (a file damaged past its first pages, one
    locked by another program, one from another ildesk) as a CliError; None for the rest."""
    import sqlite3

    orig: BaseException = exc
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError) and exc.orig is not None:
            orig = exc.orig
    if not isinstance(orig, sqlite3.DatabaseError):
        return None
    path = getattr(args, "db", None) or paths.default_db()
    if "locked" in str(orig) or "busy" in str(orig):
        return CliError(f"the content database {path} is locked by another program.",
                        "Close the program that holds it and try again.")
    from ildesk.db.engine import REBUILD

    return CliError(f"the content database {path} cannot be read ({orig}); it is damaged or "
                    "was made by another version of ildesk.", REBUILD)
