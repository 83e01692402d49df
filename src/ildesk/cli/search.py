"""`ildesk search [QUERY] [--cell-type …] [--disease …] [--link …] [--family …]
[--json | --csv]` and `ildesk facets`: search every page, and list the values the filters
take. `--csv` prints the window's results table (`ildesk.results`) in the ranked order."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ildesk.cli.common import (
    EXIT_OK,
    Add,
    CliError,
    not_covered,
    open_content_or_fail,
    out,
    out_json,
)
from ildesk.vocab import LINK_ORDER

if TYPE_CHECKING:
    from ildesk.search import Facets, Searcher, SearchHit


def _facets_from(args: argparse.Namespace, searcher: Searcher) -> Facets:
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
    from ildesk.wording import nothing_matched

    with open_content_or_fail(args) as content:
        searcher = Searcher(content.path)
        excluded = not_covered(content, args.query) if args.query.strip() else None
    try:
        facets = _facets_from(args, searcher)
        result = searcher.search(args.query, facets, limit=args.limit)
    finally:
        searcher.close()
    hits = result.hits[: args.limit]
    if excluded is not None and result.corrected_from:
        hits = []  # results for another spelling (infliximab -> basiliximab) mislead here
    if args.csv:
        _print_csv(args, hits)
        return EXIT_OK
    if args.json:
        out_json({"query": args.query, "searched_for": result.query,
                  "corrected_from": result.corrected_from, "suggestions": result.suggestions,
                  "facets": {k: v for k, v in facets._asdict().items() if v},
                  "notice": result.notice,
                  "not_covered": excluded.message if excluded is not None else None,
                  "hits": [{"id": h.id, "name": h.name, "kind": h.kind, "group": h.group,
                            "score": h.score, "snippet": h.snippet_text()} for h in hits]})
        return EXIT_OK
    if excluded is not None:
        out(f"{excluded.message}\n{excluded.advice}")
        if hits:
            out("Pages that mention it:")
    elif result.corrected_from:
        out(f"No match for {result.corrected_from!r}; showing results for {result.query!r}.")
    if result.notice and hits:
        out(f"{result.notice}.")
    if not hits and excluded is None:
        out(nothing_matched(args.query) + (f" Did you mean: {', '.join(result.suggestions)}?"
                                           if result.suggestions else ""))
    for h in hits:  # the ranked order; the group says why a hit follows the named page
        out(f"{h.name:<40} {h.kind:<12} {h.id}" + (f"  [{h.group}]" if h.group else ""))
        if h.snippet:
            out(f"    {' '.join(h.snippet_text().split())}")
    return EXIT_OK


def _print_csv(args: argparse.Namespace, hits: list[SearchHit]) -> None:
    """The results table as CSV on stdout, UTF-8 whatever the terminal's encoding."""
    from ildesk.db import pages
    from ildesk.results import table_rows
    from ildesk.results.export import as_csv

    with open_content_or_fail(args) as content:
        family_of = {m["id"]: f["name"] for f in pages.families(content) for m in f["members"]}
        rows = table_rows(lambda pid: pages.page(content, pid), hits, family_of)
    data = as_csv(rows).encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests, some IDEs)
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def cmd_facets(args: argparse.Namespace) -> int:
    from ildesk.db import pages
    from ildesk.search import Facets, Searcher

    with open_content_or_fail(args) as content:
        searcher = Searcher(content.path)
        try:
            counts = searcher.facet_counts(searcher.interleukins(), Facets())
        finally:
            searcher.close()
        labels = pages.labels(content)
        fams = {f["id"]: f["name"] for f in pages.families(content)}
    found = {
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
        out_json(found)
    else:
        for group, rows in found.items():
            out(group.replace("_", " ").capitalize() + ":")
            for r in rows:
                out(f"  {r['name']:<50} {r['count']:>3}")
    return EXIT_OK


def register_search(add: Add) -> None:
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
    shape = p.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON")
    shape.add_argument("--csv", action="store_true",
                       help="print the results table as CSV (kind, name, family, main "
                            "receptor, route, drugs, group)")


def register_facets(add: Add) -> None:
    p = add("facets", cmd_facets, "list every cell type, disease and family with its count")
    p.add_argument("--json", action="store_true", help="print JSON")
