"""Search as the command line and the window use it: facets, counts, any text (issue 4)."""

from __future__ import annotations

import json

import pytest

from ildesk.cli import main
from ildesk.search import Facets


def ids(result):
    return [h.id for h in result.hits]


def test_cell_type_facet_follows_the_hierarchy(searcher):
    producers = ids(searcher.search("", Facets(cell_type="t-cell", role="producer")))
    assert "il-17a" in producers  # through T-helper 17 cells
    assert "il-2" in producers
    targets = ids(searcher.search("", Facets(cell_type="hepatocyte", role="target")))
    assert "il-6" in targets and "il-17a" not in ids(
        searcher.search("", Facets(cell_type="hepatocyte", role="producer")))


def test_disease_facet_with_link_kind(searcher):
    any_link = ids(searcher.search("", Facets(disease="psoriasis")))
    targets = ids(searcher.search("", Facets(disease="psoriasis",
                                             disease_kind="therapeutic-target")))
    assert {"il-17a", "il-23"} <= set(targets) <= set(any_link)


def test_facets_combine_with_each_other_and_with_text(searcher):
    result = searcher.search("IL", Facets(disease="asthma", cell_type="mast-cell",
                                          role="producer"))
    assert result.hits and all(h.kind == "interleukin" for h in result.hits)
    for h in result.hits:
        assert searcher.matches(h.id, Facets(disease="asthma"))
        assert searcher.matches(h.id, Facets(cell_type="mast-cell", role="producer"))


def test_family_facet(searcher):
    gamma = set(ids(searcher.search("", Facets(family="common-gamma-chain"))))
    assert gamma == {"il-2", "il-4", "il-7", "il-9", "il-15", "il-21"}


def test_facet_counts_predict_the_result_size(searcher):
    base = searcher.interleukins()
    counts = searcher.facet_counts(base, Facets())
    n = counts["cell_type"]["th17-cell"]
    assert n == len(searcher.search("", Facets(cell_type="th17-cell")).hits)
    assert counts["cell_type"]["cell"] == len(base)


@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("cell_type", "th17", "th17-cell"), ("cell_type", "T cell", "t-cell"),
    ("cell_type", "mast cells", "mast-cell"), ("disease", "RA", "rheumatoid-arthritis"),
    ("disease", "psoriasis", "psoriasis"), ("family", "gp130", "il-6"),
])
def test_facet_names_are_matched_like_queries(searcher, kind, text, expected):
    assert searcher.resolve_facet(kind, text) == expected


def test_cli_facets_and_filtered_search(capsys, db_path):
    assert main(["search", "", "--cell-type", "T cell", "--role", "producer", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert "il-17a" in [h["id"] for h in out["hits"]]
    assert main(["search", "", "--disease", "psoriasis", "--json"]) == 0
    assert {"il-17a", "il-23"} <= {h["id"] for h in json.loads(capsys.readouterr().out)["hits"]}
    assert main(["facets", "--json"]) == 0
    facets = json.loads(capsys.readouterr().out)
    assert len(facets["cell_types"]) >= 60 and len(facets["diseases"]) >= 60
    assert all(row["count"] > 0 for group in facets.values() for row in group)


def test_cli_unknown_facet_value(capsys, db_path):
    assert main(["search", "", "--disease", "qqqzzz"]) == 1
    assert "no disease matches 'qqqzzz'" in capsys.readouterr().err


def test_snippets_mark_the_match(searcher):
    hit = next(h for h in searcher.search("capillary leak").hits if h.id == "il-2")
    assert "«" in hit.snippet_text() and "»" in hit.snippet_text()


@pytest.mark.parametrize("text", ['"', "*", "AND", "NEAR(", "-", ":", "^", "((", ")", "🙂",
                                  "שלום", "x" * 10_000, "", "\x00", "name: il", "{name}: x",
                                  '"unbalanced', "il-6 OR", "NOT il"])
def test_any_text_is_a_valid_query(searcher, text):
    result = searcher.search(text)
    assert isinstance(result.hits, list)
