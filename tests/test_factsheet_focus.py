"""Drug and disease sheets show one interleukin's diagram: where the drug acts (drawn so that
it stands out), or the interleukin most strongly linked to the disease."""

from __future__ import annotations

from typing import Any

import pytest

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.factsheet import diagram_interleukin, sheets_for


def _page(content: Content, page_id: str) -> dict[str, Any]:
    page = pages.page(content, page_id)
    assert page is not None, page_id
    return page


def _diagram_op(lay: Any) -> Any:
    from ildesk.render.sheet.ops import DiagramOp

    return next((o for o in lay.ops if isinstance(o, DiagramOp)), None)


def test_a_drug_sheet_shows_where_the_drug_acts(qapp: Any, content: Content) -> None:
    from ildesk.render.factsheet import layouts

    sheet = sheets_for(content, ["dupilumab"])[0]
    assert sheet.diagram_page is not None and sheet.diagram_page["id"] == "il-4"
    assert sheet.diagram_caption == "Where dupilumab acts: IL-4 signalling"
    assert sheet.diagram_highlight == "dupilumab"
    lay = layouts([sheet])[0]
    assert lay.fits
    op = _diagram_op(lay)
    assert op is not None and op.highlight == "dupilumab"
    text = lay.text()
    caption = text.index("Where dupilumab acts: IL-4 signalling")
    assert caption < text.index("How it works")  # the caption heads the diagram


def test_every_drug_sheet_draws_its_drug_on_its_own_box(content: Content) -> None:
    """In print, three drugs on one box share a box; the sheet's own drug never does."""
    from ildesk.diagram import layout_interleukin

    missing = []
    for p in pages.list_pages(content, "drug"):
        drug = _page(content, p["id"])
        il_id = diagram_interleukin(content, drug)
        assert il_id == drug["targets"][0]["interleukins"][0]["id"]
        sheet = sheets_for(content, [p["id"]])[0]
        assert sheet.diagram_page is not None and sheet.diagram_page["id"] == il_id
        il = _page(content, il_id)
        if not any(d["id"] == drug["id"] for d in il.get("drugs", [])):
            assert sheet.diagram_highlight is None
            continue
        assert sheet.diagram_highlight == drug["id"]
        d = layout_interleukin(il, compact=True, highlight=drug["id"])
        own = [n for n in d.nodes if n.page_id == drug["id"]]
        if d.highlight != drug["id"] or not own:
            missing.append(drug["id"])
        for n in own:
            assert n.label.replace("\n", " ") == drug["name"], n.label
    assert missing == []


def test_the_highlighted_drug_looks_different(qapp: Any, content: Content) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from ildesk.diagram import layout_interleukin
    from ildesk.render import diagram as dg
    from ildesk.render.palette import PRINT_PALETTE

    il6 = _page(content, "il-6")
    d = layout_interleukin(il6, compact=True, highlight="tocilizumab")
    node = next(n for n in d.nodes if n.page_id == "tocilizumab")
    other = next(n for n in d.nodes if n.kind == "drug" and n.page_id != "tocilizumab")

    def fill_at(highlight: str | None, n: Any) -> QColor:
        img = QImage(int(d.width * 2), int(d.height * 2), QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        dg.paint(p, d, QRectF(0, 0, img.width(), img.height()), PRINT_PALETTE,
                 highlight=highlight)
        p.end()
        scale = dg.fit_scale(d, QRectF(0, 0, img.width(), img.height()))
        return img.pixelColor(int((n.x + 5) * scale), int((n.y + 4) * scale))

    plain = QColor(PRINT_PALETTE.fills["drug"][0])
    assert fill_at("", node) == plain  # "" turns the highlight off
    assert fill_at(None, node) != plain  # the layout's highlight: filled dark
    assert fill_at(None, node).lightness() < plain.lightness() - 60
    assert fill_at(None, other) == plain  # other drugs are drawn as always


def test_a_disease_sheet_shows_its_leading_interleukin(qapp: Any, content: Content) -> None:
    from ildesk.render.factsheet import layouts

    for disease_id in ("psoriasis", "asthma"):
        disease = _page(content, disease_id)
        first = disease["interleukins"][0]
        sheet = sheets_for(content, [disease_id])[0]
        assert sheet.diagram_page is not None and sheet.diagram_page["id"] == first["id"]
        assert sheet.diagram_highlight is None
        assert sheet.diagram_caption.startswith(f"{first['name']} signalling, ")
        assert sheet.diagram_caption.endswith(disease["name"])
        lay = layouts([sheet])[0]
        assert lay.fits and _diagram_op(lay) is not None
        assert sheet.diagram_caption in lay.text()
    asthma = sheets_for(content, ["asthma"])[0]
    # mepolizumab, reslizumab and benralizumab: IL-5 leads the therapeutic targets
    assert asthma.diagram_caption == "IL-5 signalling, a therapeutic target in asthma"


def test_a_disease_without_interleukins_has_no_diagram(qapp: Any, content: Content) -> None:
    from ildesk.render.factsheet import layouts

    bare = next((p["id"] for p in pages.list_pages(content, "disease")
                 if not _page(content, p["id"])["interleukins"]), None)
    if bare is None:
        pytest.skip("every disease is linked to an interleukin")
    sheet = sheets_for(content, [bare])[0]
    assert sheet.diagram_page is None and sheet.diagram_caption == ""
    lay = layouts([sheet])[0]
    assert lay.fits and _diagram_op(lay) is None


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_drug_and_disease_diagrams_print_readably(qapp: Any, content: Content,
                                                  page_size: str) -> None:
    """Box labels at 6 pt or more on paper; nothing under 5.5 pt."""
    from ildesk.render import diagram as dg
    from ildesk.render.factsheet import diagram_geometry, layouts
    from ildesk.render.sheet.fonts import DP

    ids = [p["id"] for kind in ("drug", "disease") for p in pages.list_pages(content, kind)]
    sheets = [s for s in sheets_for(content, ids) if s.diagram_page is not None]
    assert len(sheets) > 50
    for sheet, lay in zip(sheets, layouts(sheets, page_size), strict=True):
        op = _diagram_op(lay)
        assert op is not None, sheet.title
        g = diagram_geometry(op)
        scale = dg.fit_scale(g, op.rect, chrome=False) / DP
        sizes = dg.label_sizes(g, chrome=False)
        boxes = {n.label for n in g.nodes}
        box = min(s for t, s in sizes if t in boxes) * scale
        assert box >= 6.0, f"{sheet.title} ({page_size}): box labels print at {box:.2f} pt"
        assert min(s for _, s in sizes) * scale >= 5.5, sheet.title
