"""Fact sheets keep what matters: no approved drug and no disease an approved drug is given
for is ever left off a sheet; lists go compact before they are shortened; a sheet that had to
leave something out has no room left for it; sheet text prints at the typeface's real width."""

from __future__ import annotations

from typing import Any

import pytest

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.vocab import APPROVED

KINDS = ("interleukin", "disease", "drug")
BLANK = 0.08  # the most of the page's height a sheet that left something out may leave empty


@pytest.fixture(scope="module")
def every_sheet(content: Content) -> list[Any]:
    from ildesk.factsheet import sheets_for

    ids = [p["id"] for kind in KINDS for p in pages.list_pages(content, kind)]
    return sheets_for(content, ids)


def _texts(lay: Any) -> list[str]:
    from ildesk.render.sheet.ops import TextOp

    return [op.layout.text() for op in lay.ops if isinstance(op, TextOp)]


def _must_show(content: Content, page_id: str) -> set[str]:
    """What the data says the sheet of `page_id` must show, read from the pages themselves:
    its approved drugs; on an interleukin's sheet also its diseases an approved drug acting on
    it is given for; on an approved drug's sheet its indications."""
    page = pages.page(content, page_id)
    assert page is not None
    if page["kind"] == "drug":
        if page["status"] not in APPROVED:
            return set()
        return {i["name"][:1].upper() + i["name"][1:] for i in page["indications"]}
    names = {d["name"] for d in page["drugs"] if d["status"] in APPROVED}
    if page["kind"] == "interleukin":
        names |= {d["name"] for d in page["diseases"]
                  if pages.approved_drug_counts(content, d["id"]).get(page_id, 0) > 0}
    return names


def _shown(name: str, texts: list[str]) -> bool:
    """`name` begins a line of the sheet (a list item: "tocilizumab (Actemra) — blocks …")."""
    return any(t == name or t.startswith((name + " ", name + ":")) for t in texts)


def test_the_il6_sheet_keeps_castleman_disease_siltuximab_and_cytokine_storms(content) -> None:
    from ildesk.factsheet import sheets_for

    sheet = sheets_for(content, ["il-6"])[0]
    kept = {s.title: {"".join(x.text for x in it) for it in s.kept()} for s in sheet.sections}
    assert {"multicentric Castleman disease — drives disease",
            "cytokine release syndrome — therapeutic target",
            "rheumatoid arthritis — therapeutic target"} <= kept["Diseases"]
    assert "multiple myeloma — drives disease" not in kept["Diseases"]  # no approved drug
    drugs = {k.split(" ")[0] for k in kept["Drugs"]}
    assert {"tocilizumab", "siltuximab", "sarilumab", "satralizumab"} <= drugs
    assert "clazakizumab" not in drugs  # investigational


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_no_approved_drug_or_indication_of_one_is_ever_cut(qapp, content, every_sheet,
                                                           page_size: str) -> None:
    from ildesk.render.factsheet import layouts

    checked = 0
    for sheet, lay in zip(every_sheet, layouts(every_sheet, page_size, cover=False),
                          strict=True):
        texts = _texts(lay)
        missing = [n for n in sorted(_must_show(content, sheet.page_id))
                   if not _shown(n, texts)]
        assert not missing, f"{sheet.title} ({page_size}) leaves out {missing}"
        checked += len(_must_show(content, sheet.page_id))
    assert checked > 300  # approved drugs and their indications on many sheets


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_a_sheet_that_leaves_something_out_has_no_room_left(qapp, every_sheet,
                                                            page_size: str) -> None:
    from ildesk.render.factsheet import layouts

    cut_sheets = 0
    for sheet, lay in zip(every_sheet, layouts(every_sheet, page_size, cover=False),
                          strict=True):
        assert lay.fits, f"{sheet.title} ({page_size}) is more than a page"
        cut = any("… and " in t for t in _texts(lay)) or lay.fit.drop_sections > 0
        if not cut:
            continue
        cut_sheets += 1
        blank = (lay.limit - lay.bottom) / lay.content.height()
        assert blank <= BLANK, (
            f"{sheet.title} ({page_size}) leaves something out with {blank:.0%} of the page "
            "empty")
        assert lay.fit.compact == 2, (
            f"{sheet.title} ({page_size}) shortens a list before its lists went compact")
    assert cut_sheets >= 3  # the rule was exercised (IL-2, IL-6, psoriasis, ...)


def test_the_il6_sheet_shows_all_its_approved_drugs_on_both_page_sizes(qapp, content) -> None:
    from ildesk.factsheet import sheets_for
    from ildesk.render.factsheet import layouts

    sheet = sheets_for(content, ["il-6"])[0]
    for page_size in ("A4", "Letter"):
        texts = _texts(layouts([sheet], page_size)[0])
        for name in ("tocilizumab", "siltuximab", "sarilumab", "satralizumab",
                     "multicentric Castleman disease", "cytokine release syndrome"):
            assert _shown(name, texts), f"{name} is not on the IL-6 sheet ({page_size})"


def test_a_shortened_list_keeps_its_kept_items_in_order() -> None:
    from ildesk.factsheet.model import Span
    from ildesk.render.sheet.sections import limited

    items = [(Span(f"item {i}"),) for i in range(12)]
    shown = ["".join(s.text for s in it) for it in limited(items, 4, frozenset({5, 11}))]
    assert shown == ["item 0", "item 5", "item 11", "… and 9 more"]
    shown = ["".join(s.text for s in it) for it in limited(items, 2, frozenset({5, 11}))]
    assert shown == ["item 5", "item 11", "… and 10 more"]  # kept ones even past the room
    # never "… and 1 more": the item itself takes that line
    assert len(limited(items, 3, frozenset(range(11)))) == 12


def test_a_long_list_goes_into_two_columns_before_it_is_cut(qapp, content) -> None:
    from dataclasses import replace

    from ildesk.factsheet import sheets_for
    from ildesk.factsheet.model import Section, Span
    from ildesk.render.factsheet import layouts

    sheet = sheets_for(content, ["il-8"])[0]
    names = tuple((Span(f"drug {i}", bold=True), Span(" · approved 2020", muted=True))
                  for i in range(24))
    extra = Section("Drugs", "list", items=names, wide=True, keep=frozenset(range(24)))
    lay = layouts([replace(sheet, sections=(*sheet.sections, extra))])[0]
    assert lay.fits and not lay.outside()
    texts = _texts(lay)
    assert all(_shown(f"drug {i}", texts) for i in range(24))
    from ildesk.render.sheet.ops import TextOp
    lefts = {round(op.rect.left()) for op in lay.ops
             if isinstance(op, TextOp) and op.layout.text().startswith("drug ")}
    assert len(lefts) == 2  # two columns


def test_sheet_text_prints_at_the_typefaces_own_width(qapp) -> None:
    """The bundled cut is semi-condensed: asked for as "Condensed", Qt squeezed every line
    of the sheet to about 86 % of its width."""
    from ildesk.diagram import _advances
    from ildesk.render.sheet.fonts import DP, advance

    widths = dict(zip(_advances.CHARS, _advances.ADVANCES[0::2], strict=True))
    text = "Interleukin-6 signalling in rheumatoid arthritis"
    own = sum(widths[c] for c in text) / _advances.UNITS_PER_EM * 9.0 * DP
    assert advance(text, 9.0) == pytest.approx(own, rel=0.01)
