"""The pieces every kind of fact sheet is made of: the footer, the key references, the lede,
a list of drugs (every approved one kept when it is shortened), the diagram's fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TypedDict

from ildesk.db.pages.types import DiseaseDrug, DrugBrief, InterleukinPage, Page
from ildesk.factsheet.model import Footer, Reference, Rich, Section, Span, rich
from ildesk.factsheet.text import plain, sentences
from ildesk.vocab import APPROVED, STATUS_ORDER, rank
from ildesk.wording import status_note, status_text

Labels = Mapping[str, tuple[str, str]]

KEY_REFERENCES = 3


def footer(meta: Mapping[str, str], today: date | None) -> Footer:
    version = meta.get("data_version", "") or "unknown"
    return Footer(data_version=version, date=(today or date.today()).isoformat())


def refs(page: Page, n: int = KEY_REFERENCES) -> tuple[Reference, ...]:
    return tuple(Reference(title=r["title"], year=r["year"], pmid=r["pmid"])
                 for r in page["references"][:n])


def lede(page: Page, labels: Labels) -> str:
    s = sentences(plain(page["summary"], labels))
    return s[0] if s else ""


def drug_sort_key(d: DrugBrief | DiseaseDrug) -> tuple[int, int, str]:
    return (rank(STATUS_ORDER, d["status"]), d["approval_year"] or 9999, d["name"].casefold())


def short_name(labels: Labels, page_id: str) -> str:
    """A target as a reader scans for it: IL2RA, JAK1, IL-6 (the page's short name)."""
    return labels[page_id][0] if page_id in labels else page_id


def drug_item(d: DrugBrief | DiseaseDrug, labels: Labels, show_target: bool = True) -> Rich:
    brands = f" ({', '.join(d['brands'])})" if d["brands"] else ""
    target = ", ".join(short_name(labels, b) for b in d["binds"])
    effect = "mimics" if d["effect"] == "mimics" else "blocks"
    parts: list[str | Span] = [Span(d["name"], bold=True), Span(brands, muted=True)]
    if show_target and target:
        parts.append(f" — {effect} {target}")
    parts.append(Span(f" · {status_text(d['status'], d['approval_year'])}", muted=True))
    return rich(*parts)


def drug_short(d: DrugBrief | DiseaseDrug) -> Rich:
    """A drug in few words, for a compact list: its name and status."""
    return rich(Span(d["name"], bold=True),
                Span(f" · {status_text(d['status'], d['approval_year'])}", muted=True))


def drugs_section(drugs: Sequence[DrugBrief | DiseaseDrug], labels: Labels,
                   wide: bool = False) -> Section:
    """The drugs, every approved one kept when the list is shortened."""
    return Section("Drugs", "list", items=tuple(drug_item(d, labels) for d in drugs),
                   wide=wide, short=tuple(drug_short(d) for d in drugs),
                   keep=frozenset(i for i, d in enumerate(drugs) if d["status"] in APPROVED))


class DiagramFields(TypedDict, total=False):
    diagram_page: InterleukinPage
    diagram_caption: str
    diagram_note: str
    diagram_highlight: str | None


def diagram_fields(il_page: Page | None, caption: Callable[[InterleukinPage], str],
                    highlight: str | None = None) -> DiagramFields:
    """Sheet fields for the diagram of `il_page` (none when it is missing or not drawable)."""
    if not il_page or il_page["kind"] != "interleukin":
        return {}
    return {"diagram_page": il_page, "diagram_caption": caption(il_page),
            "diagram_note": status_note(il_page), "diagram_highlight": highlight}


def cap(name: str) -> str:
    return name[:1].upper() + name[1:]
