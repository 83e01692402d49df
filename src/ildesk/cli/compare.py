"""`ildesk compare`: 2–4 interleukins side by side, without a screen.

    ildesk compare IL-4 IL-13                 a text table (what all share: =, its own: -)
    ildesk compare IL-12 IL-23 --json         {"items", "shared", "own", "some", "names", ...}
    ildesk compare IL-2 IL-15 -o il2-il15.pdf [--page-size Letter]

Names are any name or alias (`resolve`); fewer than two or more than four, an unknown name
or one that is not an interleukin is a clear message and exit 1.
"""

from __future__ import annotations

import argparse
import sys
import time

from ildesk.cli.common import EXIT_OK, Add, CliError, open_content_or_fail, out, out_json, resolve


def register(add: Add) -> None:
    p = add("compare", cmd_compare,
            "compare 2–4 interleukins side by side: what they share, what is each one's own")
    p.add_argument("names", nargs="*", metavar="NAME",
                   help="two to four interleukins, by any name or alias")
    p.add_argument("-o", "--output", metavar="FILE.pdf",
                   help="write the comparison sheet (landscape, one or two pages) to a PDF")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4", type=_page_size,
                   help="with -o: the paper (default A4)")


def _page_size(text: str) -> str:
    return {"a4": "A4", "letter": "Letter"}.get(text.lower(), text)


def cmd_compare(args: argparse.Namespace) -> int:
    from ildesk.compare import MAX_ITEMS, MIN_ITEMS, as_json, as_text, compare

    if not MIN_ITEMS <= len(args.names) <= MAX_ITEMS:
        raise CliError(f"compare takes {MIN_ITEMS} to {MAX_ITEMS} interleukins; "
                       f"{len(args.names)} {'was' if len(args.names) == 1 else 'were'} given.",
                       "For example: ildesk compare IL-4 IL-13")
    with open_content_or_fail(args) as content:
        ids = [resolve(content, n) for n in args.names]
        result = compare(content, ids)
    if args.output:
        from ildesk.render.compare_sheet import write_compare_pdf
        from ildesk.render.factsheet import PdfWriteError

        started = time.perf_counter()
        try:
            path = write_compare_pdf(result, args.output, page_size=args.page_size)
        except PdfWriteError as exc:
            raise CliError(str(exc).rstrip(".") + ".", "Nothing was written; choose another "
                           "file name or folder with -o.") from exc
        if not args.json:
            sys.stdout.write(f"Wrote {path} ({result.title}, {args.page_size} landscape, "
                             f"{time.perf_counter() - started:.2f} s).\n")
    if args.json:
        out_json(as_json(result))
    elif not args.output:
        import shutil  # the terminal's width: only this command asks for it

        out(as_text(result, width=min(160, shutil.get_terminal_size((110, 24)).columns)))
    return EXIT_OK
