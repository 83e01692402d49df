"""The reviewed variant table (data/variants.yaml): checked by build-db, feeding the index and
the query (issue 15, point 4)."""

from __future__ import annotations

import pytest

from ildesk.cli import main
from ildesk.kb import load


def _problems(data):
    return [str(p) for p in load(data).problems]


def test_the_shipped_table_is_clean_and_loaded(kb):
    assert kb.variants is not None
    assert len(kb.variants.spellings) >= 20 and len(kb.variants.words) >= 20
    assert {"RA", "IBD", "MS", "SLE", "AD", "CRS", "GPP", "HS", "CRSwNP", "COPD"} <= set(
        kb.variants.abbreviations)


@pytest.mark.parametrize(("text", "message"), [
    ("abbreviations:\n  XYZ: [no such disease]\n", "is no page's name or alias"),
    ("words:\n- [tumour, tumor]\nspellings:\n- [tumor, tumour]\n", "merge the two groups"),
    ("words:\n- [alone]\n", "at least 2"),
    ("greek:\n  beta: b\n", "expected form"),
    ("colours: []\n", "unknown field"),
])
def test_build_db_rejects_a_bad_table(data_copy, capsys, text, message):
    (data_copy / "variants.yaml").write_text(text, encoding="utf-8")
    problems = _problems(data_copy)
    assert any(p.startswith("variants.yaml") and message in p for p in problems), problems
    assert main(["build-db", "--data", str(data_copy), "--check"]) == 1
    assert "variants.yaml" in capsys.readouterr().err


def test_a_knowledge_base_without_the_table_still_builds(data_copy):
    (data_copy / "variants.yaml").unlink()
    assert _problems(data_copy) == []


@pytest.mark.parametrize(("query", "page"), [
    ("haematopoietic stem cell", "hematopoietic-stem-cell"),
    ("leukaemia", "leukemia"), ("oesophagitis", "eosinophilic-esophagitis"),
    ("chemoattractant neutrophils", "il-8"),
    ("IL 1 beta", "il-1b"), ("interleukin 1 beta", "il-1b"),
])
def test_the_query_knows_the_variants(searcher, query, page):
    assert page in [h.id for h in searcher.search(query, limit=20).hits]


@pytest.mark.parametrize(("british", "american"), [
    ("tumour", "tumor"), ("anaemia", "anemia"), ("leukaemia", "leukemia"),
    ("haematopoietic", "hematopoietic")])
def test_both_spellings_find_the_same_pages(searcher, british, american):
    # a finished word (a space after it), so that neither is read as a prefix being typed
    uk = [h.id for h in searcher.search(british + " ", limit=500).hits]
    us = [h.id for h in searcher.search(american + " ", limit=500).hits]
    assert uk and set(uk) == set(us)


def test_the_index_knows_solid_forms_of_hyphenated_words(searcher):
    solid = {h.id for h in searcher.search("proinflammatory", limit=50).hits}
    hyphen = {h.id for h in searcher.search("pro-inflammatory", limit=50).hits}
    assert hyphen and hyphen <= solid | hyphen and len(solid & hyphen) >= len(hyphen) // 2


def test_an_abbreviation_counts_as_written(searcher):
    # "MS" is multiple sclerosis; "ms" inside a text is not expanded
    assert searcher.search("IL-17 in MS").hits
    assert searcher.search("MS").hits[0].id == "multiple-sclerosis"
    assert searcher.search("CRS").hits[0].id in {"cytokine-release-syndrome",
                                                  "chronic-rhinosinusitis"}
