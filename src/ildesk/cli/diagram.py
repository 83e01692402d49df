"""`ildesk diagram NAME -o FILE.svg|FILE.png [--family] [--scale N] [--dark]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ildesk.cli.common import EXIT_OK, Add, CliError, open_content_or_fail, out, resolve

if TYPE_CHECKING:
    from ildesk.db.pages.types import InterleukinPage

FORMATS = (".svg", ".png")


def family_diagram(content: Any, page: InterleukinPage) -> Any:
    """The family view of the family `page` (an interleukin) belongs to."""
    from ildesk.db import pages
    from ildesk.diagram import layout_family

    fam = next((f for f in pages.families(content) if f["id"] == page["family_id"]), None)
    if fam is None:
        raise CliError(f"{page['name']} belongs to no family.", "Leave out --family.")
    members = [m for m in (pages.page(content, x["id"]) for x in fam["members"])
               if m and m["kind"] == "interleukin"]
    return layout_family(fam, members)


def cmd_diagram(args: argparse.Namespace) -> int:
    from ildesk.db import pages
    from ildesk.diagram import layout_interleukin

    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise CliError(f"cannot tell the format of {target.name!r}.",
                       "End the file name in .svg or .png.")
    if not 0.1 <= args.scale <= 10:
        raise CliError(f"the scale {args.scale:g} is out of range.", "Use --scale 0.1 to 10.")
    with open_content_or_fail(args) as content:
        page_id = resolve(content, args.name)
        page = pages.page(content, page_id)
        if page is None or page["kind"] != "interleukin":
            kind = page["kind"].replace("_", " ") if page else "page"
            raise CliError(f"{args.name!r} is a {kind}, not an interleukin.",
                           "Diagrams are drawn for interleukins, e.g. `ildesk diagram IL-6`.")
        if args.family:
            diagram = family_diagram(content, page)
        else:
            diagram = layout_interleukin(page, pages.labels(content))
    from ildesk.render import export
    from ildesk.render.palette import DARK, LIGHT

    palette = DARK if args.dark else LIGHT
    try:
        if suffix == ".svg":
            written = export.to_svg(diagram, target, palette)
        else:
            written = export.to_png(diagram, target, args.scale, palette)
    except export.DiagramExportError as exc:
        raise CliError(str(exc), "Choose a folder you can write to.") from exc
    out(f"Wrote {written} ({diagram.title}).")
    return EXIT_OK


def register(add: Add) -> None:
    p = add("diagram", cmd_diagram, "draw the signalling diagram of an interleukin (SVG or PNG)")
    p.add_argument("name", help="an interleukin (any name or alias)")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="where to write: FILE.svg or FILE.png")
    p.add_argument("--family", action="store_true",
                   help="draw its family around the shared receptor chain(s)")
    p.add_argument("--scale", type=float, default=2.0, metavar="N",
                   help="PNG pixels per diagram unit (default 2)")
    p.add_argument("--dark", action="store_true", help="use the dark colours")
