"""A name being typed is answered from the names (search/prefix.py); "did you mean" compares
only names of a near length (search/suggestions.py); a disease's or cell's interleukins are
spread over families in one pass (issue 15, still instant at 100,000 entries)."""

from __future__ import annotations

import re
import sqlite3

import pytest
from rapidfuzz import fuzz, process, utils

from ildesk.kb.names import fold
from ildesk.search import query as q
from ildesk.search.hits import MARK_START
from ildesk.search.prefix import NameWords, typed_word
from ildesk.search.suggestions import ByLength


def _name_words(db_path, page_id: str) -> set[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    names = [r[0] for r in conn.execute("SELECT name FROM alias WHERE page_id = ?", (page_id,))]
    conn.close()
    return {w for n in names for w in re.findall(r"[^\W_]+", fold(n.replace("'", "")))}


@pytest.mark.parametrize("text", ["recep", "inter", "T"])
def test_a_prefix_that_is_also_a_common_body_word_finds_the_names_first(searcher, db_path,
                                                                          text):
    """`recep` is in the text of most pages (receptors are everywhere); the reader is typing
    a name: every one of the first twenty hits holds a word starting with it in its names."""
    hits = searcher.search(text).hits
    assert len(hits) == 50
    word = fold(text)
    for hit in hits[:20]:
        assert any(w.startswith(word) for w in _name_words(db_path, hit.id)), hit.id


def test_the_names_answer_shows_summaries_and_keeps_the_readers_order(searcher):
    hits = searcher.search("inter").hits
    assert all(MARK_START not in h.snippet and h.snippet == h.summary for h in hits)
    order = [h.id for h in hits]
    # the interleukins in their own order, not bm25's (which put IL-28A and IL-40 first)
    assert order.index("il-1a") < order.index("il-2") < order.index("il-10") \
        < order.index("il-28a")


def test_the_word_itself_comes_before_longer_words_that_start_with_it(searcher):
    hits = searcher.search("t").hits
    ids = [h.id for h in hits]
    assert "t-cell" in ids[:10]
    assert ids.index("t-cell") < ids.index("th17-cell")


@pytest.mark.parametrize("text", ["anti", "psori", "inflam"])
def test_few_names_leave_the_answer_to_the_text(searcher, text):
    """Fewer than fifty names hold the word: the full text answers, with marked snippets."""
    assert len(searcher.index.name_words.lookup(fold(text), 150)) < 50
    hits = searcher.search(text).hits
    assert any(MARK_START in h.snippet for h in hits)


def test_name_words_rank_own_name_short_names_and_exact_words_first():
    words = NameWords.build([
        ("a", "cell", 0),  # the word itself, a one-word name
        ("b", "memory cell", 0),  # the word itself, a two-word name
        ("c", "cell", 3),  # the word itself as an alias
        ("d", "cellular thing", 0),  # only a longer word
        ("e", "Behçet's disease", 0),
    ])
    found = [pid for pid, _ in words.lookup("cell", 10)]
    assert found == ["a", "c", "b", "d"]
    assert words.lookup("s", 10) == []  # a possessive is not a word
    assert [pid for pid, _ in words.lookup("behcet", 10)] == ["e"]


def test_name_words_lookup_is_bounded_by_the_pages_wanted():
    rows = [(f"p{i}", f"cell type {i}", 0) for i in range(5000)]
    rows += [(f"q{i}", f"cellular {i}", 0) for i in range(5000)]
    found = NameWords.build(rows).lookup("cel", 30)
    assert 30 <= len(found) <= 60


@pytest.mark.parametrize(("text", "word"), [("inte", "inte"), ("IL-6", None), ("T ", None),
                                             ("two words", None), ("Th17", "th17")])
def test_typed_word(text, word):
    assert typed_word(text) == word


def _reference_suggest(searcher, text: str, limit: int = 3) -> list[str]:
    """The suggestions as they were made before: every name compared."""
    cleaned = q.clean(text).strip()
    vocabulary = searcher.index.vocabulary
    found = process.extract(utils.default_process(cleaned),
                            [utils.default_process(v) for v in vocabulary],
                            scorer=fuzz.ratio, processor=None, limit=limit * 3,
                            score_cutoff=75)
    out: list[str] = []
    for _name, _score, i in found:
        if vocabulary[i].casefold() != cleaned.casefold() and vocabulary[i] not in out:
            out.append(vocabulary[i])
    return out[:limit]


TYPOS = ["rhuematoid arthritis", "intreleukin", "macrophge", "psoraisis", "neutrofil",
         "tocilizumb", "secukinumb", "asthmaa", "interlukin 6", "dupilumb", "IL6R", "ustekinumab",
         "Th17", "sepsiss", "ankylosing spondilitis", "lymphocite", "xyz", "il-2 receptor alfa"]


@pytest.mark.parametrize("text", TYPOS)
def test_suggestions_are_those_of_comparing_every_name(searcher, text):
    assert searcher.suggest(text) == _reference_suggest(searcher, text)


def test_the_length_band_holds_every_name_that_can_reach_the_cutoff():
    names = ["a" * n for n in range(1, 60)]
    band = ByLength.build(names)
    for length in range(1, 40):
        query = "a" * length
        near, _ = band.near(length)
        reachable = [n for n in names if fuzz.ratio(query, n) >= 75]
        assert set(reachable) <= set(near)


def _reference_diversify(searcher, linked, fts):
    """The greedy spread as it was written first (quadratic)."""
    import heapq

    from ildesk.search.engine import DIVERSIFY_HEAD, FAMILY_SPREAD
    ix = searcher.index
    weights = {il: w - (0.5 if il in ix.disputed else 0.0) for il, w in linked.items()}
    left = {il: weights[il] for il in heapq.nlargest(
        DIVERSIFY_HEAD, weights, key=lambda i: (weights[i], fts.get(i, 0.0)))}
    order, taken = [], {}
    while left:
        best = min(left, key=lambda i: (
            -(left[i] - FAMILY_SPREAD * taken.get(ix.primary_family.get(i, ""), 0)),
            -fts.get(i, 0.0), ix.names[i][3]))
        order.append(best)
        fam = ix.primary_family.get(best, "")
        taken[fam] = taken.get(fam, 0) + 1
        del left[best]
    return order


def test_family_spread_keeps_its_order_for_every_page(searcher):
    pages = [p for p, linked in searcher.index.linked_ils.items() if len(linked) > 1]
    assert len(pages) > 100
    for pid in pages:
        linked = searcher.index.linked_ils[pid]
        for fts in ({}, {il: float(i % 3) for i, il in enumerate(sorted(linked))}):
            assert searcher._diversify(linked, fts) == _reference_diversify(
                searcher, linked, fts), pid
