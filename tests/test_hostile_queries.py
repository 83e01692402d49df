"""Any string a person can type is a valid query: no exception, no hang, for the search API,
facet look-up, name resolution and the command line."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ildesk.db import pages
from ildesk.search import Facets, Searcher
from ildesk.search import query as q
from ildesk.search.facets import DRUGS_FOR_DISEASE
from tests.hostile_support import FRAGMENTS, assert_clear_failure, cli, hostile_text, timed

# How many strings each property sends comes from the Hypothesis profile (tests/conftest.py):
# 300 while developing, 10,000 in CI. A command-line run costs ~40 ms, so that test takes a
# third of the profile's count, at most 500.
CLI_EXAMPLES = min(500, max(100, settings.default.max_examples // 3))

_facets = st.one_of(
    st.just(Facets()),
    st.builds(Facets,
              cell_type=st.sampled_from([None, "t-cell", "th17-cell", "macrophage", "no-such",
                                         "\ud800", ""]),
              role=st.sampled_from(["producer", "target", "any"]),
              disease=st.sampled_from([None, "psoriasis", "rheumatoid-arthritis", "nope"]),
              disease_kind=st.sampled_from([None, "driver", "therapeutic-target", "genetic"]),
              family=st.sampled_from([None, "il-1", "common-gamma-chain", "bogus"])),
)


@pytest.mark.slow
@given(text=hostile_text, facets=_facets)
def test_search_answers_any_text(searcher: Searcher, text: str, facets: Facets) -> None:
    result = timed(searcher.search, text, facets, limit=20)
    assert len(result.hits) <= max(20, len(searcher.interleukins()))
    for hit in result.hits:
        assert hit.id in searcher.index.names
        if facets.active and hit.kind != "interleukin":
            # a disease chosen alone also lists the drugs approved for it, in their own group
            assert hit.kind == "drug" and hit.group == DRUGS_FOR_DISEASE
            assert facets.disease and not (facets.cell_type or facets.family
                                           or facets.disease_kind)
    # what the engine hands to FTS5 is words in double quotes, never the person's syntax
    expr = q.fts_expression(text)
    assert "NEAR(" not in expr and "^" not in expr and "\x00" not in expr
    for token in q.tokens(text):
        assert '"' not in token


@pytest.fixture(scope="module")
def family_ids(content) -> set[str]:
    return {f["id"] for f in pages.families(content)}


@given(text=hostile_text, kind=st.sampled_from(["cell_type", "disease", "family", "nonsense"]))
def test_facet_lookup_answers_any_text(searcher: Searcher, family_ids: set[str], text: str,
                                       kind: str) -> None:
    found = timed(searcher.resolve_facet, kind, text)
    if found is None:
        return
    if kind == "family":  # families are not pages: the value is a family's id
        assert found in family_ids
    elif kind == "nonsense":  # no such facet: the text is matched against every page
        assert found in searcher.index.names
    else:  # the filter gets a page of the kind it filters on, never another kind
        assert searcher.index.names[found][1] == kind


@given(text=hostile_text)
def test_name_resolution_answers_any_text(content, text: str) -> None:
    found = timed(pages.resolve, content, text)
    assert found is None or pages.page(content, found) is not None


@pytest.mark.parametrize("text", ["", " ", "\t"])
def test_a_blank_filter_value_is_refused_not_read_as_an_interleukin(capsys, db_path,
                                                                     text: str) -> None:
    run = cli(capsys, "search", "il", "--cell-type", text)
    assert_clear_failure(run, "no cell type matches")


@pytest.mark.parametrize("text", ["il6\ud800", "\udcff IL-2"])
def test_name_resolution_with_lone_surrogates(content, text: str) -> None:
    assert pages.resolve(content, text) in (None, "il-6", "il-2")


def test_known_hostile_fragments_one_by_one(searcher: Searcher, content) -> None:
    for text in FRAGMENTS:
        for facets in (Facets(), Facets(cell_type="t-cell", role="producer")):
            timed(searcher.search, text, facets)
        for kind in ("cell_type", "disease", "family"):
            timed(searcher.resolve_facet, kind, text)
        timed(pages.resolve, content, q.clean(text))


# -- the command line ----------------------------------------------------------------------

# capsys is function-scoped, but each run reads and empties it (tests.hostile_support.cli),
# so sharing it between examples is what this test means.
@settings(max_examples=CLI_EXAMPLES,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text.filter(lambda t: "\x00" not in t and not t.startswith("-")),
       command=st.sampled_from(["search", "search-json", "search-facet", "show"]))
def test_command_line_answers_any_text(capsys, db_path, text: str, command: str) -> None:
    # (a real command line cannot carry NUL, and a leading '-' is read as an option)
    args = {"search": ["search", text], "search-json": ["search", text, "--json"],
            "search-facet": ["search", "il", "--cell-type", text],
            "show": ["show", text]}[command]
    run = timed(cli, capsys, *args)
    assert "Traceback" not in run.err
    if run.code != 0:
        assert_clear_failure(run)


def test_show_with_undecodable_bytes_is_a_clear_error(capsys, db_path) -> None:
    # bytes that are not UTF-8 reach Python as lone surrogates ('\udcff')
    run = cli(capsys, "show", "il6\udcff")
    assert run.code in (0, 1) and "Traceback" not in run.err
    assert_clear_failure(cli(capsys, "show", "\x01\x02"), "no letters or digits")
    assert_clear_failure(cli(capsys, "show", ""), "no letters or digits")


def test_search_json_with_a_lone_surrogate_prints(capsys, db_path) -> None:
    run = cli(capsys, "search", "il6\udcff", "--json")
    assert run.code == 0 and '"hits"' in run.out
