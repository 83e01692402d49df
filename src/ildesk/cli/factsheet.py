"""`ildesk factsheet`: printable one-page fact sheets as PDF, without a screen.

    ildesk factsheet IL-2 IL-6 -o sheets.pdf [--page-size Letter] [--margins 15]
    ildesk factsheet --disease psoriasis -o psoriasis.pdf [--with-interleukins]
    ildesk factsheet --drug tocilizumab -o tocilizumab.pdf
    ildesk factsheet --all -o all.pdf          (a cover, then one page per interleukin)

A disease gives its own sheet; `--with-interleukins` adds the sheets of the interleukins
linked to it (after a cover page).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from ildesk.cli.common import (
    EXIT_OK,
    Add,
    CliError,
    open_content_or_fail,
    require_suffix,
    resolve,
)


def register(add: Add) -> None:
    p = add("factsheet", cmd_factsheet,
            "write one-page fact sheets (interleukins, a disease or a drug) to a PDF")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="interleukins (or diseases, drugs) by any name or alias")
    p.add_argument("--disease", metavar="NAME", help="the sheet of a disease")
    p.add_argument("--with-interleukins", action="store_true",
                   help="with --disease: add the sheets of the interleukins involved")
    p.add_argument("--drug", metavar="NAME", help="the sheet of a drug")
    p.add_argument("--all", action="store_true",
                   help="every interleukin, after a cover page that lists them")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                   help="the PDF to write (replaced atomically)")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4", type=_page_size)
    p.add_argument("--margins", type=float, default=15.0, metavar="MM",
                   help="page margins in millimetres (default 15)")
    p.add_argument("--cover", action="store_true", help="start with a cover page listing "
                                                        "the sheets")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.add_argument("--force", action="store_true",
                   help="write to -o even when its name does not end in .pdf")


def _page_size(text: str) -> str:
    return {"a4": "A4", "letter": "Letter"}.get(text.lower(), text)


def _ids(args: argparse.Namespace, content: Any) -> tuple[list[str], bool]:
    """The page ids to print and whether a cover comes first."""
    from ildesk.db import pages
    from ildesk.factsheet import interleukin_ids

    chosen = sum(bool(x) for x in (args.names, args.disease, args.drug, args.all))
    if chosen == 0:
        raise CliError("say what to print.", "Give interleukin names, or --disease NAME, "
                           "--drug NAME or --all.")
    if chosen > 1:
        raise CliError("give names, --disease, --drug or --all, one at a time.")
    if args.all:
        return list(interleukin_ids(content)), True
    if args.disease or args.drug:
        kind = "disease" if args.disease else "drug"
        pid = resolve(content, args.disease or args.drug)
        page = pages.page(content, pid)
        assert page is not None
        if page["kind"] != kind:
            raise CliError(f"{page['name']!r} is not a {kind} (it is a "
                               f"{page['kind'].replace('_', ' ')}).",
                               "Use `ildesk search` to find the right name.")
        if page["kind"] == "disease" and args.with_interleukins:
            ils = list(dict.fromkeys(x["id"] for x in page["interleukins"]))
            return [pid, *ils], len(ils) > 0
        return [pid], False
    ids = [resolve(content, n) for n in args.names]
    for pid, name in zip(ids, args.names, strict=True):
        page = pages.page(content, pid)
        assert page is not None
        if page["kind"] not in ("interleukin", "disease", "drug"):
            raise CliError(f"{name!r} is a {page['kind'].replace('_', ' ')} "
                               f"({page['name']}); fact sheets exist for interleukins, "
                               "diseases and drugs.")
    return list(dict.fromkeys(ids)), False


def cmd_factsheet(args: argparse.Namespace) -> int:
    from ildesk.factsheet import sheets_for

    require_suffix(args.output, (".pdf",), args.force)
    if args.margins < 0 or args.margins > 60:
        raise CliError(f"margins of {args.margins} mm do not leave a page to print on.",
                           "Use --margins between 0 and 60.")
    with open_content_or_fail(args) as content:
        ids, cover = _ids(args, content)
        sheets = sheets_for(content, ids)
    from ildesk.render.factsheet import PdfWriteError, write_pdf

    started = time.perf_counter()
    try:
        path = write_pdf(sheets, args.output, page_size=args.page_size,
                         margins_mm=args.margins, cover=cover or args.cover)
    except PdfWriteError as exc:
        raise CliError(str(exc) + ".", "Nothing was written; choose another file name "
                                           "or folder with -o.") from exc
    if not args.quiet:
        from ildesk.wording import plural

        pages_n = len(sheets) + (1 if cover or args.cover else 0)
        sys.stdout.write(f"Wrote {path} ({plural(pages_n, 'page')}, "
                         f"{args.page_size}, {time.perf_counter() - started:.2f} s).\n")
    return EXIT_OK
