"""Search quality on the query table (tests/search_quality.py), per class, reported in the
test summary with each class's bar; and the cases from issue 15 one by one."""

from __future__ import annotations

import pytest

from tests import search_quality as sq


@pytest.fixture(scope="module")
def scores(searcher):
    result = sq.evaluate(searcher)
    sq.RESULTS.clear()
    sq.RESULTS.update(result)
    return result


def test_table_is_large_enough(searcher):
    table = sq.cases(searcher)
    assert len(table) >= 250
    assert {c.cls for c in table} == set(sq.CLASSES)


@pytest.mark.parametrize("cls", sq.CLASSES)
def test_class_meets_its_bar(scores, cls):
    s = scores[cls]
    r5, mrr, hood = sq.BARS[cls]
    assert s.recall_at_5 >= r5 and s.mrr >= mrr, s.failures
    if hood is not None:
        assert s.neighbourhood is not None and s.neighbourhood >= hood, s.failures


def test_no_query_in_the_table_ends_in_no_results(scores):
    assert scores["all"].dead_ends == 0


@pytest.mark.parametrize("query", [
    "IL2", "TCGF", "CD25", "aldesleukin", "gp130", "tocilizumab", "interlukin 6", "psoriasis",
    "melanoma", "mast cells", "anti-inflammatory", "IL-1", "IL4", "drugs for psoriasis",
    "Actemra side effects", "cartilage damage", "neutrophil chemotaxis",
    "hepatitis B reactivation"])
def test_cases_named_in_the_issues(searcher, query):
    table = [c for c in sq.HAND if c.query == query]
    assert table, query
    result = sq.evaluate(searcher, table)
    assert result["all"].failures == []
