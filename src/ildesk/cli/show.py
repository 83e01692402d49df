"""`ildesk show NAME [--json]` and `ildesk list [--kind KIND] [--json]`: one page, or all."""

from __future__ import annotations

import argparse

from ildesk.cli.common import EXIT_OK, Add, CliError, open_content_or_fail, out, out_json, resolve


def cmd_show(args: argparse.Namespace) -> int:
    from ildesk.article.text import text_of
    from ildesk.db import pages

    with open_content_or_fail(args) as content:
        page = pages.page(content, resolve(content, args.name))
        names = pages.labels(content)
    assert page is not None
    if args.json:
        out_json(page)
    else:
        out(text_of(page, names))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from ildesk.db import pages
    from ildesk.vocab import PAGE_KINDS

    if args.kind and args.kind not in PAGE_KINDS:
        raise CliError(f"unknown kind {args.kind!r}.", "Use one of: " + ", ".join(PAGE_KINDS))
    with open_content_or_fail(args) as content:
        rows = pages.list_pages(content, args.kind)
    if args.json:
        out_json([{"id": r["id"], "name": r["name"], "kind": r["kind"]} for r in rows])
    else:
        for r in rows:
            out(f"{r['kind']:<12} {r['id']:<40} {r['name']}")
    return EXIT_OK


def register_show(add: Add) -> None:
    p = add("show", cmd_show, "print one page (any name or alias)")
    p.add_argument("name")
    p.add_argument("--json", action="store_true", help="print JSON")


def register_list(add: Add) -> None:
    p = add("list", cmd_list, "list every page")
    p.add_argument("--kind", help="only pages of this kind (interleukin, receptor, molecule, "
                                  "cell_type, disease, drug, article)")
    p.add_argument("--json", action="store_true", help="print JSON")
