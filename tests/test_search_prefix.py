"""Names being typed find what they are the start of (issue 4: results follow typing)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("query", "first"), [
    ("IL-1", ["il-1a", "il-1b"]), ("il1", ["il-1a", "il-1b"]), ("IL-17", ["il-17a"]),
    ("psor", ["psoriasis"]), ("dupi", ["dupilumab"]), ("IL-36", ["il-36ra", "il-36a", "il-36b", "il-36g"]),
])
def test_a_name_being_typed_leads_to_it(searcher, query, first):
    ids = [h.id for h in searcher.search(query).hits]
    assert ids[0] in first, ids[:5]


def test_a_number_prefix_does_not_pull_in_other_numbers(searcher):
    ids = [h.id for h in searcher.search("IL-1").hits[:3]]
    assert "il-12" not in ids and "il-18" not in ids
