"""A disputed interleukin (IL-14, IL-30, IL-39) is not drawn as if it were established, and
a subunit named after its own gene (EBI3) is named once."""

from __future__ import annotations

from typing import Any

import pytest

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.diagram import layout_interleukin
from ildesk.wording import status_note

DISPUTED = ("il-14", "il-30", "il-39")


def _page(content: Content, page_id: str) -> dict[str, Any]:
    page = pages.page(content, page_id)
    assert page is not None, page_id
    return page


@pytest.mark.parametrize("page_id", DISPUTED)
def test_a_disputed_interleukin_is_marked(content: Content, page_id: str) -> None:
    page = _page(content, page_id)
    assert page["status"] != "established"
    for compact in (False, True):
        d = layout_interleukin(page, compact=compact)
        assert "disputed" in d.status_note and "proposed" in d.status_note
        ligands = [n for n in d.nodes if n.kind in ("ligand", "subunit")]
        assert ligands and all(n.style == "disputed" for n in ligands)
        assert all(d.status_note in n.tooltip for n in ligands if n.kind == "ligand")
        binds = [e for e in d.edges if e.source.startswith("ligand:") and e.kind == "binds"]
        assert binds and all(e.style == "proposed" for e in binds)


def test_an_established_interleukin_is_drawn_plainly(content: Content) -> None:
    for page_id in ("il-2", "il-6", "il-27"):
        d = layout_interleukin(_page(content, page_id))
        assert d.status_note == "" == status_note(_page(content, page_id))
        assert not any(n.style == "disputed" for n in d.nodes)
        assert not any(e.style for e in d.edges)


def test_the_note_is_printed_under_the_title(qapp: Any, content: Content) -> None:
    from ildesk.render import diagram as dg

    d = layout_interleukin(_page(content, "il-39"))
    drawn = [text for text, _ in dg.label_sizes(d, chrome=True)]
    assert d.status_note in drawn
    assert drawn.index(d.subtitle) < drawn.index(d.status_note)
    # the note's line (under the title and the subtitle) ends clear of the first lane
    note_bottom = 8 + 15 * 1.45 + (9 * 1.3 + 4) + (9 * 1.3 + 2)
    assert d.lanes[0].y >= note_bottom + 2
    plain = [text for text, _ in dg.label_sizes(layout_interleukin(_page(content, "il-23")))]
    assert not any("disputed" in t for t in plain)


def test_the_panel_shows_the_note(qtbot: Any, content: Content) -> None:
    from PySide6.QtGui import QColor

    from ildesk.ui.diagram_panel import DiagramPanel

    panel = DiagramPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_interleukin(_page(content, "il-39"))
    d = panel.diagram
    assert d is not None and d.status_note
    # the note runs above the drawing, in the palette's amber, and is gone for an
    # established interleukin
    assert panel.note.isVisible() and panel.note.text() == d.status_note
    img = panel.note.grab().toImage()
    warm = sum(1 for x in range(img.width()) for y in range(img.height())
               if (c := QColor(img.pixel(x, y))).red() - c.blue() > 80)
    assert warm > 50  # the note's amber text is there
    panel.set_interleukin(_page(content, "il-6"))
    assert not panel.note.isVisible()


def test_a_subunit_named_after_its_gene_is_named_once(content: Content) -> None:
    from ildesk.factsheet import sheets_for

    for page_id in ("il-27", "il-35", "il-39"):
        d = layout_interleukin(_page(content, page_id))
        subunits = [n.label for n in d.nodes if n.kind == "subunit"]
        assert "EBI3" in subunits, subunits
        assert all(len(set(lbl.split("\n"))) == len(lbl.split("\n")) for lbl in subunits)
        text = sheets_for(content, [page_id])[0].plain_text()
        assert "EBI3: EBI3" not in text and "EBI3" in text
    d = layout_interleukin(_page(content, "il-12"))
    assert "p35\nIL12A" in [n.label for n in d.nodes]  # other subunits keep both names


def test_a_disputed_sheet_says_so_above_its_diagram(qapp: Any, content: Content) -> None:
    from ildesk.factsheet import sheets_for
    from ildesk.render.factsheet import layouts

    for page_id in DISPUTED:
        sheet = sheets_for(content, [page_id])[0]
        assert sheet.diagram_note == status_note(_page(content, page_id)) != ""
        lay = layouts([sheet])[0]
        assert lay.fits
        assert " ".join(sheet.diagram_note.split()) in " ".join(lay.text().split())
    assert sheets_for(content, ["il-2"])[0].diagram_note == ""
