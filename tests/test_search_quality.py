"""Search quality on the query table, reported in the test summary; bars: recall@5 >= 0.95,
MRR >= 0.85, and every case from the issue passes."""

from __future__ import annotations

import pytest

from tests import search_quality as sq


@pytest.fixture(scope="module")
def scores(searcher):
    result = sq.evaluate(searcher)
    sq.RESULTS.update(queries=len(sq.CASES), recall_at_1=result.recall_at_1,
                   recall_at_5=result.recall_at_5, mrr=result.mrr,
                   failures=len(result.failures))
    return result


def test_table_is_large_enough():
    assert len(sq.CASES) >= 60


def test_recall_at_5(scores):
    assert scores.recall_at_5 >= 0.95, scores.failures


def test_mean_reciprocal_rank(scores):
    assert scores.mrr >= 0.85, scores.failures


@pytest.mark.parametrize("query", ["IL2", "TCGF", "CD25", "aldesleukin", "gp130", "tocilizumab",
                                   "interlukin 6", "psoriasis", "melanoma", "mast cells",
                                   "anti-inflammatory"])
def test_cases_named_in_the_issue(searcher, query):
    case = next(c for c in sq.CASES if c[0] == query)
    single = sq.CASES
    sq.CASES = [case]
    try:
        result = sq.evaluate(searcher)
    finally:
        sq.CASES = single
    assert result.failures == []
