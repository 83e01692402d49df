"""The comparison sheet: one or two landscape pages, real text (pdftotext finds the shared
chains, the shared drugs and each one's own), the table and the diagrams inside the page."""

from __future__ import annotations

import pytest

from ildesk.compare import compare
from ildesk.render.compare_sheet import (
    compare_layouts,
    landscape_rect,
    write_compare_pdf,
)
from ildesk.render.factsheet import diagram_label_pt
from ildesk.render.sheet.ops import DiagramOp
from tests.compare_support import NAMES, PAIRS
from tests.factsheet_support import pdf_info, pdf_pages, pdf_text

# Drawing needs the application the window tests share: a QApplication made by pytest-qt,
# never a bare QGuiApplication made by the renderer, which would stop every later widget.
pytestmark = pytest.mark.usefixtures("qapp")

@pytest.mark.parametrize("pair", list(PAIRS))
def test_pdf_shows_shared_and_own(content, tmp_path, pair):
    want = PAIRS[pair]
    out = write_compare_pdf(compare(content, list(pair)), tmp_path / "c.pdf")
    assert 1 <= pdf_pages(out) <= 2
    assert "landscape" in pdf_info(out).lower() or _is_landscape(pdf_info(out))
    text = pdf_text(out)
    lines = text.splitlines()
    for name in want["shared"].values():
        # a shared chain is marked in both columns, on one line
        assert any(ln.count(f"● {name}") == 2 for ln in lines), name
    for drug in want["drugs"]:
        assert any(ln.count(f"● {drug}") == 2 for ln in lines), drug
    for own in (*want["own_0"].values(), *want["own_1"].values()):
        assert f"○ {own} " in text or f"○ {own}\n" in text, own
    for short in NAMES[pair]:
        assert f"{short} signalling" in text  # each diagram's caption


def _is_landscape(info: str) -> bool:
    size = next(ln for ln in info.splitlines() if ln.startswith("Page size"))
    w, h = (float(v) for v in size.split(":")[1].split("pts")[0].split("x"))
    return w > h


@pytest.mark.parametrize("ids", [["il-4", "il-13"], ["il-2", "il-4", "il-6", "il-12"],
                                 ["il-1b", "il-17a", "il-6", "il-2"]])
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_everything_stays_inside_at_most_two_pages(content, ids, size):
    c = compare(content, ids)
    pages = compare_layouts(c, landscape_rect(size))
    assert 1 <= len(pages) <= 2
    for lay in pages:
        assert lay.outside() == []
    diagrams = [op for lay in pages for op in lay.ops if isinstance(op, DiagramOp)]
    assert [d.page["id"] for d in diagrams] == ids
    labels = [pt for lay in pages if (pt := diagram_label_pt(lay)) is not None]
    assert min(labels) >= (4.5 if len(ids) == 2 else 2.0)  # IL-4 and IL-13 carry 13 drugs each
    text = "\n".join(lay.text() for lay in pages)
    for it in c.items:
        assert it.short in text
    for cell in c.field("drugs").cells:  # an approved drug is never cut
        assert all(e.label in text for e in cell if e.approved)
        assert any(e.approved for e in cell)


def test_unwritable_path_gets_a_message(content, tmp_path):
    from ildesk.render.factsheet import PdfWriteError

    with pytest.raises(PdfWriteError) as err:
        write_compare_pdf(compare(content, ["il-4", "il-13"]), tmp_path)
    assert str(err.value)
    assert list(tmp_path.iterdir()) == []
