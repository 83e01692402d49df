"""`ildesk drugs [--disease NAME] [--interleukin NAME] [--region R] [--status S] [--json]`:
the drug table, of one disease (its subtypes included: first approved for it, regions where
approved for it, status for it) or of every drug, narrowed by what the drugs act on, where
they are approved and their status. The filters combine."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ildesk.cli.common import EXIT_OK, Add, CliError, open_content_or_fail, out, out_json, resolve
from ildesk.vocab import APPROVAL_STATUSES, KIND_LABEL, REGIONS, STATUS_ORDER

if TYPE_CHECKING:
    from ildesk.db.engine import Content
    from ildesk.db.pages.types import DrugTableRow

STATUSES = tuple(dict.fromkeys([*STATUS_ORDER, *(s for s in APPROVAL_STATUSES
                                                 if s != "refused")]))
HEADINGS = ("Drug", "Acts on", "Mechanism", "First approved", "Regions", "Status")


def _page_of_kind(content: Content, name: str, kinds: tuple[str, ...], what: str) -> str:
    from ildesk.db import pages

    page_id = resolve(content, name, kinds)  # "did you mean" offers pages of these kinds
    page = pages.page(content, page_id)
    assert page is not None
    if page["kind"] not in kinds:
        kind = KIND_LABEL[page["kind"]].lower()
        raise CliError(f"{name!r} is {'an' if kind[0] in 'aeiou' else 'a'} {kind} "
                       f"({page['name']}), not {what}.",
                       f"Give {what}'s name; see `ildesk list --kind {kinds[0]}` for every one.")
    return page_id


def _choice(value: str, choices: tuple[str, ...], what: str) -> str:
    for choice in choices:
        if choice.casefold() == value.strip().casefold():
            return choice
    raise CliError(f"unknown {what} {value!r}.", "Use one of: " + ", ".join(choices))


def _select(args: argparse.Namespace, content: Content) -> list[DrugTableRow]:
    from ildesk.db import pages

    region = _choice(args.region, REGIONS, "region") if args.region else None
    status = _choice(args.status, STATUSES, "status") if args.status else None
    disease = (_page_of_kind(content, args.disease, ("disease",), "a disease")
               if args.disease else None)
    acts_on = (_page_of_kind(content, args.interleukin, ("interleukin", "receptor"),
                             "an interleukin or receptor chain") if args.interleukin else None)
    rows = pages.drugs(content, disease)
    if acts_on is not None:
        rows = [r for r in rows if acts_on in r["targets"]
                or acts_on in {b["id"] for b in r["acts_on"]}
                or acts_on in {i["id"] for i in r["interleukins"]}]
    if region is not None:
        rows = [r for r in rows if region in r["regions"]]
    if status is not None:
        rows = [r for r in rows if r["status"] == status]
    return rows


def cmd_drugs(args: argparse.Namespace) -> int:
    from ildesk.wording import mechanism

    with open_content_or_fail(args) as content:
        rows = _select(args, content)
    if args.json:
        out_json({"drugs": [{"id": r["drug"]["id"], "name": r["drug"]["name"],
                             "targets": r["targets"], "mechanism": mechanism(r),
                             "first_approved": (r["first_approved"]["year"]
                                                if r["first_approved"] else None),
                             "regions": r["regions"], "status": r["status"]} for r in rows]})
        return EXIT_OK
    if not rows:
        out("No drugs match.")
        return EXIT_OK
    table = [HEADINGS, *([r["drug"]["name"], ", ".join(a["name"] for a in r["acts_on"]),
                          mechanism(r),
                          " ".join(str(x) for x in (r["first_approved"] or {}).values() if x),
                          ", ".join(r["regions"]), r["status"].replace("-", " ")]
                         for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADINGS))]
    for line in table:
        out("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
    return EXIT_OK


def register(add: Add) -> None:
    p = add("drugs", cmd_drugs, "list drugs: for a disease, acting on an interleukin, "
                                "approved in a region, of a status")
    p.add_argument("--disease", metavar="NAME",
                   help="drugs approved (or once approved) for this disease or its subtypes")
    p.add_argument("--interleukin", metavar="NAME",
                   help="drugs acting on this interleukin or receptor chain")
    p.add_argument("--region", metavar="R", help="approved in: " + ", ".join(REGIONS))
    p.add_argument("--status", metavar="S", help="one of: " + ", ".join(STATUSES))
    p.add_argument("--json", action="store_true", help="print JSON")
