"""The command line: `ildesk [COMMAND] …`. With no command it opens the window.

Errors go to stderr with exit code 1 (usage errors: 2) and a line that says what to do.
Heavy modules (Qt, the renderer) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ildesk import __version__, paths
from ildesk.vocab import LINK_ORDER

if TYPE_CHECKING:
    from ildesk.db.pages.types import Named, Page

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure the reader can act on: `message` and `advice` are printed, exit code 1."""

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice


def _out(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:
        # A terminal that cannot show a character (or a lone surrogate from undecodable
        # command-line bytes) gets a replacement mark instead of a traceback.
        enc = getattr(sys.stdout, "encoding", None) or "utf-8"
        sys.stdout.write((text + "\n").encode(enc, "replace").decode(enc, "replace"))


def _printable(text: str) -> str:
    """`text` without lone surrogates (command-line bytes that are not UTF-8), which no
    database query or file can carry."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _json(obj: Any) -> None:
    _out(json.dumps(obj, ensure_ascii=False, indent=2))


def _content(args: argparse.Namespace) -> Any:
    from ildesk.db.engine import ContentDbError, open_content

    path = Path(args.db) if args.db else paths.default_db()
    try:
        return open_content(path)
    except ContentDbError as exc:
        raise CliError(exc.message, exc.advice) from exc


def _resolve(content: Any, name: str) -> str:
    from ildesk.db import pages
    from ildesk.kb.names import key
    from ildesk.search import Searcher

    name = _printable(name)
    if not key(name):
        raise CliError(f"{name!r} is not a page name: it has no letters or digits.",
                       "Give a name such as IL-6, or find one with `ildesk search`.")
    page_id = pages.resolve(content, name)
    if page_id:
        return page_id
    searcher = Searcher(content.path)
    try:
        result = searcher.search(name, limit=5)
    finally:
        searcher.close()
    if result.hits and result.corrected_from is None and result.hits[0].exact:
        return result.hits[0].id
    hint = ""
    names = [h.name for h in result.hits[:3]] or result.suggestions
    if names:
        hint = "Did you mean: " + ", ".join(names) + "?"
    raise CliError(f"no page is called {name!r}.",
                   hint or "Try `ildesk search` to find the right name.")


# -- show ---------------------------------------------------------------------------------


def _text_of(page: Page, names: dict[str, tuple[str, str]]) -> str:
    from ildesk.kb import prose
    from ildesk.vocab import KIND_LABEL
    from ildesk.vocab import LINK_LABEL as DISEASE_LINK_LABEL

    lines = [f"{page['name']}  ({KIND_LABEL[page['kind']]}, id {page['id']})"]
    if page["kind"] == "interleukin" and page["abbreviation"]:
        lines[0] = f"{page['abbreviation']} — {lines[0]}"
    def plain(text: str) -> str:  # [[il2ra]] reads as IL2RA, not as its id
        return prose.plain(text, lambda i: names.get(i, (i, ""))[0])

    if page["summary"] and page["kind"] == "interleukin":
        lines += ["", plain(page["summary"])]
    if page["kind"] == "interleukin":
        lines += ["", f"Family: {page['family']}"]
        if page["aliases"]:
            lines.append("Also called: " + ", ".join(page["aliases"]))
        for g in page["genes"]:
            sub = f" ({g['subunit']})" if g["subunit"] else ""
            lines.append(f"Gene{sub}: {g['symbol']}  {g['hgnc_id']}  NCBI Gene {g['ncbi_gene_id']}"
                         f"  UniProt {g['uniprot']}  {g['location']}  {g['length_aa']} aa")
        for r in page["receptors"]:
            lines.append(f"Receptor ({r['kind']}): {r['name']} = {' + '.join(r['chains'])}")
        sig = page["signalling"]
        for label, shown in (("Kinases", sig["kinases"]),
                             ("Transcription factors", sig["transcription_factors"]),
                             ("Adaptors", sig["adaptors"])):
            if shown:
                lines.append(f"{label}: {', '.join(shown)}")
        for role, title in (("producer", "Made by"), ("target", "Acts on")):
            cells = [c["name"] for c in page["cell_types"] if c["role"] == role]
            if cells:
                lines.append(f"{title}: {', '.join(cells)}")
        if page["diseases"]:
            lines.append("Diseases: " + "; ".join(
                f"{d['name']} ({DISEASE_LINK_LABEL[d['kind']]})" for d in page["diseases"]))
        if page["drugs"]:
            lines.append("Drugs: " + "; ".join(f"{d['name']} ({d['status']})"
                                               for d in page["drugs"]))
        lines += ["", *[plain(p) for p in prose.paragraphs(page["functions"])]]
    else:
        text = page["body"] if page["kind"] == "article" else page["description"]
        if text:
            lines += ["", *[plain(p) for p in prose.paragraphs(text)]]
        lists: list[tuple[str, Sequence[Named]]] = []
        if page["kind"] in ("receptor", "molecule", "disease"):
            lists.append(("Interleukins", page["interleukins"]))
        if page["kind"] == "cell_type":
            lists += [("Makes", page["produces"]), ("Responds to", page["responds_to"])]
        if page["kind"] in ("receptor", "molecule", "disease"):
            lists.append(("Drugs", page["drugs"]))
        if page["kind"] == "drug":
            lists.append(("Indications", page["indications"]))
        for title, items in lists:
            if items:
                lines.append(f"{title}: " + ", ".join(x["name"] for x in items))
    if page["references"]:
        lines += ["", "References:"]
        lines += [f"  PMID {r['pmid']}: {r['title']} ({r['year']})" for r in page["references"]]
    return "\n".join(lines)


def cmd_show(args: argparse.Namespace) -> int:
    from ildesk.db import pages

    with _content(args) as content:
        page = pages.page(content, _resolve(content, args.name))
        names = pages.labels(content)
    assert page is not None
    if args.json:
        _json(page)
    else:
        _out(_text_of(page, names))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from ildesk.db import pages
    from ildesk.vocab import PAGE_KINDS

    if args.kind and args.kind not in PAGE_KINDS:
        raise CliError(f"unknown kind {args.kind!r}.", "Use one of: " + ", ".join(PAGE_KINDS))
    with _content(args) as content:
        rows = pages.list_pages(content, args.kind)
    if args.json:
        _json([{"id": r["id"], "name": r["name"], "kind": r["kind"]} for r in rows])
    else:
        for r in rows:
            _out(f"{r['kind']:<12} {r['id']:<40} {r['name']}")
    return EXIT_OK


# -- search -------------------------------------------------------------------------------


def _facets_from(args: argparse.Namespace, searcher: Any) -> Any:
    from ildesk.search import Facets

    values: dict[str, str | None] = {}
    for kind in ("cell_type", "disease", "family"):
        text = getattr(args, kind)
        if text is None:
            values[kind] = None
            continue
        found = searcher.resolve_facet(kind, text)
        if found is None:
            raise CliError(f"no {kind.replace('_', ' ')} matches {text!r}.",
                           "See `ildesk facets` for the values.")
        values[kind] = found
    return Facets(cell_type=values["cell_type"], role=args.role, disease=values["disease"],
                  disease_kind=args.link, family=values["family"])


def cmd_search(args: argparse.Namespace) -> int:
    from ildesk.search import Searcher

    with _content(args) as content:
        searcher = Searcher(content.path)
    try:
        facets = _facets_from(args, searcher)
        result = searcher.search(args.query, facets, limit=args.limit)
    finally:
        searcher.close()
    hits = result.hits[: args.limit]
    if args.json:
        _json({"query": args.query, "searched_for": result.query,
               "corrected_from": result.corrected_from, "suggestions": result.suggestions,
               "facets": {k: v for k, v in vars(facets).items() if v},
               "hits": [{"id": h.id, "name": h.name, "kind": h.kind, "score": h.score,
                         "snippet": h.snippet_text()} for h in hits]})
        return EXIT_OK
    if result.corrected_from:
        _out(f"No match for {result.corrected_from!r}; showing results for {result.query!r}.")
    if not hits:
        _out("No results." + (f" Did you mean: {', '.join(result.suggestions)}?"
                              if result.suggestions else ""))
    for h in hits:
        _out(f"{h.name:<40} {h.kind:<12} {h.id}")
        if h.snippet:
            _out(f"    {' '.join(h.snippet_text().split())}")
    return EXIT_OK


def cmd_facets(args: argparse.Namespace) -> int:
    from ildesk.db import pages
    from ildesk.search import Facets, Searcher

    with _content(args) as content:
        searcher = Searcher(content.path)
        try:
            counts = searcher.facet_counts(searcher.interleukins(), Facets())
        finally:
            searcher.close()
        labels = pages.labels(content)
        fams = {f["id"]: f["name"] for f in pages.families(content)}
    out = {
        "cell_types": sorted(({"id": k, "name": labels[k][0], "count": v}
                              for k, v in counts["cell_type"].items()),
                             key=lambda r: str(r["name"]).casefold()),
        "diseases": sorted(({"id": k, "name": labels[k][0], "count": v}
                            for k, v in counts["disease"].items()),
                           key=lambda r: str(r["name"]).casefold()),
        "families": [{"id": f, "name": fams[f], "count": counts["family"][f]}
                     for f in fams if f in counts["family"]],
    }
    if args.json:
        _json(out)
    else:
        for group, rows in out.items():
            _out(group.replace("_", " ").capitalize() + ":")
            for r in rows:
                _out(f"  {r['name']:<50} {r['count']:>3}")
    return EXIT_OK


# -- build-db -----------------------------------------------------------------------------


def cmd_build_db(args: argparse.Namespace) -> int:
    try:
        from ildesk.db.builder import BuildError, build
        from ildesk.kb import load
    except ImportError as exc:  # the packaged program leaves the knowledge-base tools out
        raise CliError("this copy of ildesk cannot build databases: the packaged program "
                       "carries its database ready-made, without the tools that check data/.",
                       "Build from a source checkout (`make db`), then point the program "
                       "at the result with --db.") from exc

    data = Path(args.data) if args.data else paths.default_data_dir()
    if data is None:
        raise CliError("no knowledge-base folder was found.", "Pass it with --data DIR.")
    kb = load(data)
    if kb.problems:
        for p in kb.problems:
            sys.stderr.write(f"{data.name}/{p}\n")
        raise CliError(f"{len(kb.problems)} problem(s) in {data}; nothing was written.",
                       "Fix the files named above (see data/README.md for every field).")
    counts = (f"{len(kb.interleukins)} interleukins, {len(kb.chains)} receptor chains, "
              f"{len(kb.molecules)} molecules, {len(kb.cell_types)} cell types, "
              f"{len(kb.diseases)} diseases, {len(kb.drugs)} drugs, {len(kb.articles)} articles")
    if args.check:
        _out(f"{data}: no problems ({counts}).")
        return EXIT_OK
    target = Path(args.output) if args.output else (
        Path(args.db) if args.db else paths.default_db())
    try:
        result = build(kb, target)
    except BuildError as exc:
        raise CliError(f"the build failed: {exc}.",
                       "The previous database (if any) was left as it was.") from exc
    _out(f"Wrote {result.path} ({result.pages} pages: {counts}; data version "
         f"{result.data_version}).")
    return EXIT_OK


# -- the window ---------------------------------------------------------------------------


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


# -- the parser ---------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", help="the content database to read")
    parser = argparse.ArgumentParser(
        prog="ildesk", parents=[common],
        description="An offline encyclopedia of the human interleukins. "
                    "With no command, opens the window.")
    parser.add_argument("--version", action="version", version=f"ildesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str
            ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    p = add("open", cmd_open, "open the window, optionally on a page or a search")
    p.add_argument("name", nargs="?", help="a page to open (any name or alias)")
    p.add_argument("--search", metavar="TEXT", help="start with this search")
    p.add_argument("--quit-after-paint", action="store_true",
                   help="quit right after the first complete paint (for start-up timing)")
    p.add_argument("--screenshot", metavar="PATH", help=argparse.SUPPRESS)

    p = add("show", cmd_show, "print one page (any name or alias)")
    p.add_argument("name")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("list", cmd_list, "list every page")
    p.add_argument("--kind", help="only pages of this kind (interleukin, receptor, molecule, "
                                  "cell_type, disease, drug, article)")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("search", cmd_search, "search every page, with optional facets")
    p.add_argument("query", nargs="?", default="",
                   help="words to find (leave out to list what the filters keep)")
    p.add_argument("--cell-type", dest="cell_type", metavar="NAME")
    p.add_argument("--role", choices=["producer", "target", "any"], default="any")
    p.add_argument("--disease", metavar="NAME")
    p.add_argument("--link", choices=LINK_ORDER,
                   help="the kind of disease link to require")
    p.add_argument("--family", metavar="NAME")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("facets", cmd_facets, "list every cell type, disease and family with its count")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add("build-db", cmd_build_db, "check data/ and build the content database")
    p.add_argument("--data", metavar="DIR", help="the knowledge-base folder (default: data/)")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write the database")
    p.add_argument("--check", action="store_true", help="only check the files; write nothing")

    for extra in _EXTRA_COMMANDS:
        extra(add)
    return parser


def _database_failure(exc: Exception, args: argparse.Namespace) -> CliError | None:
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


# Later modules add their commands here without this file importing them eagerly.
_EXTRA_COMMANDS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    from ildesk import commands  # noqa: F401 - registers factsheet, diagram, self-test
    from ildesk.launch import translate_url_args

    parser = _parser()
    args = parser.parse_args(translate_url_args(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        args.func = cmd_open
    try:
        try:
            return args.func(args)
        except Exception as exc:
            db_error = _database_failure(exc, args)
            if db_error is None:
                raise
            raise db_error from exc
    except CliError as exc:
        sys.stderr.write(_printable(f"ildesk: error: {exc.message}\n"))
        if exc.advice:
            sys.stderr.write(_printable(f"{exc.advice}\n"))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
