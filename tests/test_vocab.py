"""The one vocabulary: every value the schema allows has its label, its place in each order
and its weight, so adding a value in one place and forgetting another fails here."""

from __future__ import annotations

from datetime import date
from typing import get_args

import pytest

from ildesk import vocab, wording
from ildesk.db import pages
from ildesk.kb import schema


@pytest.mark.parametrize(("kinds", "tables"), [
    (vocab.DiseaseLinkKind, (vocab.LINK_LABEL, vocab.LINK_CAPTION, vocab.LINK_WEIGHT)),
    (vocab.Route, (vocab.ROUTE_LABEL, vocab.ROUTE_SHORT)),
    (vocab.DrugStatus, (vocab.STATUS_LABEL,)),
    (vocab.DrugKind, (vocab.DRUG_KIND_LABEL,)),
    (vocab.DiseaseCategory, (vocab.CATEGORY_LABEL,)),
    (vocab.PageKind, (vocab.KIND_LABEL,)),
])
def test_every_value_has_its_words(kinds, tables):
    for table in tables:
        assert set(get_args(kinds)) <= set(table), table


def test_every_link_kind_is_in_both_orders_once():
    kinds = set(get_args(vocab.DiseaseLinkKind))
    for order in (vocab.LINK_ORDER, vocab.LINK_SHEET_ORDER):
        assert len(order) == len(kinds) and set(order) == kinds
    assert set(vocab.STATUS_ORDER) == set(get_args(vocab.DrugStatus))


def test_the_schema_allows_what_the_vocabulary_names():
    assert schema.DiseaseLink is vocab.DiseaseLinkKind and schema.Route is vocab.Route
    assert schema.DrugStatus is vocab.DrugStatus and schema.DrugKind is vocab.DrugKind


def test_an_investigational_therapy_is_labelled_as_one():
    assert vocab.LINK_LABEL["investigational-therapy"] == "investigational therapy"
    # tried in trials, approved nowhere: weaker than an approved therapy, above genetics
    assert (vocab.LINK_WEIGHT["treated-with"] > vocab.LINK_WEIGHT["investigational-therapy"]
            > vocab.LINK_WEIGHT["genetic"])


def test_status_text_reads_as_a_sentence_would():
    assert wording.status_text("approved", 2009) == "approved 2009"
    assert wording.status_text("approved-regionally", 2012) == "approved regionally 2012"
    assert wording.status_text("withdrawn", 1997) == "withdrawn (first approved 1997)"
    assert wording.status_text("investigational", None) == "investigational"


def test_titles_and_citations(content):
    il6, gp130, ra = (pages.page(content, i) for i in ("il-6", "il6st", "rheumatoid-arthritis"))
    assert il6 and gp130 and ra
    assert [wording.page_title(p) for p in (il6, gp130, ra)] == ["IL-6", "IL6ST",
                                                                 "rheumatoid arthritis"]
    cite = wording.citation(il6, "2026.1", date(2026, 12, 3))
    assert cite.startswith("Interleukin-6 (IL-6). In: ildesk")
    assert "data version 2026.1. Accessed 2026-12-03." in cite
    assert wording.status_note(il6) == "" and wording.status_note(ra) == ""
