"""Filters that say what they do (issue 17, point 7): Clear filters clears everything, every
active filter is a chip that removes just itself, the search field says it searches within
the filter, and the page the query names is still offered when the filter leaves it out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ildesk.search import Facets
from tests.ui_support import hit_ids, type_query


def set_filters(qtbot, w, facets):
    w.facets.set_facets(facets)
    qtbot.waitUntil(lambda: w.last_result.facets == facets)


def chip_texts(w):
    return [c.text() for c in w.search.filters.chips]


def every_filter(qtbot, w):
    """Cell type with a role, a disease with a kind of link, a family, and filter text."""
    set_filters(qtbot, w, Facets(cell_type="th17-cell", role="producer",
                                 disease="psoriasis", disease_kind="therapeutic-target",
                                 family="il-17"))
    w.facets.cells.filter.setText("helper")
    w.facets.diseases.filter.setText("psor")


def test_clear_filters_clears_everything(qtbot, window):
    every_filter(qtbot, window)
    assert window.facets.link.currentData() == "therapeutic-target"
    window.menus.named["clear_filters"].trigger()
    qtbot.waitUntil(lambda: window.last_result.facets == Facets())
    f = window.facets.facets()
    assert (f.cell_type, f.role, f.disease, f.disease_kind, f.family) == (
        None, "any", None, None, None)
    assert window.facets.link.currentText() == "Any link"
    assert window.facets.cells.filter.text() == "" == window.facets.diseases.filter.text()
    assert window.search.filters.isHidden()
    assert len(window.model.hits()) >= 50


def test_every_active_filter_is_a_chip(qtbot, window):
    every_filter(qtbot, window)
    texts = chip_texts(window)
    assert texts == ["Cell type: T-helper 17 cell  ✕", "Role: produced by  ✕",
                     "Disease: psoriasis  ✕", "Link: therapeutic target  ✕",
                     "Family: IL-17 family  ✕"]
    assert window.search.filters.isVisible()


def test_a_chip_removes_only_itself_by_click_or_key(qtbot, window):
    every_filter(qtbot, window)
    family = next(c for c in window.search.filters.chips if c.chip.key == "family")
    qtbot.mouseClick(family, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_result.facets.family is None)
    f = window.last_result.facets
    assert (f.cell_type, f.role, f.disease, f.disease_kind) == (
        "th17-cell", "producer", "psoriasis", "therapeutic-target")
    kind = next(c for c in window.search.filters.chips if c.chip.key == "disease_kind")
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.last_result.facets.disease_kind is None)
    assert window.last_result.facets.disease == "psoriasis"
    assert window.facets.link.currentText() == "Any link"
    role = next(c for c in window.search.filters.chips if c.chip.key == "role")
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: window.last_result.facets.role == "any")
    assert window.last_result.facets.cell_type == "th17-cell"
    assert [c.chip.key for c in window.search.filters.chips] == ["cell_type", "disease"]


def test_the_field_says_it_searches_within_the_filter(qtbot, window):
    plain = window.search_field.placeholderText()
    set_filters(qtbot, window, Facets(cell_type="th17-cell"))
    assert "within" in window.search_field.placeholderText()
    assert window.search.filters.caption.text() == "Searching within:"
    assert window.search.filters.caption.isVisible()
    window.search.clear_facets()
    qtbot.waitUntil(lambda: window.last_result.facets == Facets())
    assert window.search_field.placeholderText() == plain


def test_the_named_page_is_offered_outside_the_filter(qtbot, window):
    set_filters(qtbot, window, Facets(cell_type="th17-cell", role="producer"))
    type_query(qtbot, window, "Crohn's disease")
    assert "crohns-disease" not in hit_ids(window)  # the filter keeps interleukins only
    offer = window.search.filters.offer_button
    assert offer.isVisible()
    assert offer.text() == "Crohn's disease — open the page"
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert window.current_page["id"] == "crohns-disease"
    type_query(qtbot, window, "IL-17A")  # within the filter: listed, not offered
    assert "il-17a" in hit_ids(window)
    assert not offer.isVisible()


def test_chips_wrap_and_never_widen_the_column(qtbot, open_window):
    w = open_window(1024, 640)
    before = w.search.panel.width()
    every_filter(qtbot, w)
    qtbot.wait(20)
    assert w.search.panel.width() == before
    bar = w.search.filters
    for chip in bar.chips:
        assert chip.isVisible() and bar.rect().contains(chip.geometry()), chip.text()


@pytest.mark.parametrize("typed", ["tezepelumab", "Tezspire"])
def test_a_drug_ildesk_leaves_out_is_said_so_in_the_window(qtbot, window, typed):
    window.search_field.setText(typed)
    qtbot.waitUntil(lambda: window.shown_text == typed)
    info = window.search.info
    assert "not covered by ildesk" in info.text() and "tezepelumab" in info.text()
    assert "TSLP" in info.text()
    assert "TSLP is an epithelial cytokine" in info.toolTip()  # the reason, and its source
    window.search_field.setText("IL-6")
    qtbot.waitUntil(lambda: window.shown_text == "IL-6")
    assert "not covered" not in info.text() and not info.toolTip()


def _tree_texts(tree) -> dict[str, str]:
    """Each value's text in a facet tree, by id (every level)."""
    from ildesk.ui.facets_panel import ID_ROLE

    found: dict[str, str] = {}

    def visit(item) -> None:
        if item.data(0, ID_ROLE):
            found[item.data(0, ID_ROLE)] = item.text(0)
        for i in range(item.childCount()):
            visit(item.child(i))

    for i in range(tree.topLevelItemCount()):
        visit(tree.topLevelItem(i))
    return found


def test_the_disease_and_family_tabs_count_the_search_on_screen(qtbot, window, searcher):
    """The disease and family trees are filled when first opened (not at start-up); then
    they show the counts of the search typed before, and follow the searches after."""
    type_query(qtbot, window, "th17")
    window.facets.setCurrentWidget(window.facets.diseases)
    texts = _tree_texts(window.facets.diseases.tree)
    expected = searcher.facet_counts(searcher.interleukin_ids("th17"), Facets())
    assert expected["disease"]["psoriasis"] > 0
    assert texts["psoriasis"] == f"psoriasis  ({expected['disease']['psoriasis']})"
    assert len(texts) > 100
    window.facets.setCurrentWidget(window.facets.families)
    families = _tree_texts(window.facets.families.tree)
    assert families["il-17"].startswith("IL-17 family  (")
    type_query(qtbot, window, "il-6")
    again = searcher.facet_counts(searcher.interleukin_ids("il-6"), Facets())
    assert again["disease"].get("psoriasis", 0) != expected["disease"]["psoriasis"]
    assert _tree_texts(window.facets.diseases.tree)["psoriasis"] == \
        f"psoriasis  ({again['disease'].get('psoriasis', 0)})"


def test_a_short_window_with_filters_still_shows_three_results(qtbot, open_window):
    """At 1024×640 with a filter's chip, the offer of the named page and the notice above
    the list, the list still has room for three results and more (the filter panel below
    gives way)."""
    w = open_window()
    w.resize(1024, 640)
    type_query(qtbot, w, "crohn's disease")
    set_filters(qtbot, w, Facets(disease="crohns-disease"))
    qtbot.waitUntil(lambda: w.search.filters.offer_button.isVisible())
    qtbot.wait(20)
    # the first row is the group's heading ("Interleukins"), then three results
    rows = [w.results.visualRect(w.model.index(i, 0)).height() for i in range(4)]
    assert w.results.viewport().height() >= sum(rows), rows
    assert w.facets.diseases.tree.height() > 60  # …and the filter panel stays usable
