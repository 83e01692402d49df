"""Snippets (issue 15, speed): fetched for the shown rows in the cheapest way, they read and
mark exactly what a lookup of each row on its own gives."""

from __future__ import annotations

import re
import sqlite3

import pytest

from ildesk.db.fts import FTS_TABLE, SNIPPET_COLUMN
from ildesk.search.fulltext import body_can_match
from ildesk.search.hits import MARK_END, MARK_START
from ildesk.search.marks import unmark_little_words


def _one_by_one(db_path, expr: str, page_ids: list[str]) -> dict[str, str]:
    """The reference: each page's snippet asked for on its own (FTS5 seeks that row), its
    little words unmarked as the search does."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out = {}
    for pid in page_ids:
        row = conn.execute(
            f"SELECT snippet({FTS_TABLE}, {SNIPPET_COLUMN}, ?, ?, '…', 14) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH ? AND rowid = (SELECT rowid FROM {FTS_TABLE} "
            "WHERE page_id = ?)", (MARK_START, MARK_END, expr, pid)).fetchone()
        snippet = unmark_little_words(row[0], expr) if row else ""
        if MARK_START in snippet:
            out[pid] = snippet
    conn.close()
    return out


# (One word being typed that fifty names hold, `inter`, is answered from the names and shows
# summaries: tests/test_search_typed_names.py. A long prefix after another word still goes
# through the text.)
@pytest.mark.parametrize("text", ["receptor interle", "psori", "decoy receptor",
                                  "cytokine inter", "IL-6 in RA", "neutrophil chemotaxis",
                                  "pro-inflammatory cytok"])
def test_snippets_match_a_lookup_of_each_row(searcher, db_path, text):
    seen: list[tuple[str, list[int], bool]] = []
    original = searcher._snippets

    def spy(expr, rowids, every_match_known=False):
        seen.append((expr, rowids, every_match_known))
        return original(expr, rowids, every_match_known)

    searcher._snippets = spy
    try:
        hits = searcher.search(text).hits
    finally:
        del searcher._snippets
    assert hits and seen
    expr = seen[0][0]
    marked = {h.id: h.snippet for h in hits if MARK_START in h.snippet}
    assert marked, f"{text!r}: no hit shows a marked snippet"
    assert marked == _one_by_one(db_path, expr, list(marked))


def test_a_column_limited_branch_of_or_keeps_the_other_branch_marked(searcher):
    """"RA" is short, so it is matched as a name prefix; its variant "rheumatoid arthritis"
    is still marked in the text (a pass over all matches in SQLite 3.40 loses that mark)."""
    hit = next(h for h in searcher.search("IL-6 in RA").hits if h.id == "il-32")
    assert f"{MARK_START}rheumatoid arthritis{MARK_END}" in hit.snippet


@pytest.mark.parametrize(("expr", "can"), [
    ('({name aliases keys}: "i"*)', False),
    ('{name aliases keys summary facets}: (("t" AND "cell") OR keys: "tcell"*)', False),
    ('{name aliases keys}: "i"* OR ("x")', True),
    ('({name aliases keys}: "i"*) OR ("x")', True),
    ('{name aliases keys summary facets}: ("a") OR ("b")', True),
    ('{name body}: ("a")', True),
    ('("inter"*)', True),
    ('keys: "x"*', True),
])
def test_a_snippet_is_made_only_where_the_body_can_hold_a_mark(expr, can):
    assert body_can_match(expr) is can


@pytest.mark.parametrize(("text", "real"), [
    ("cells in skin", {"cells", "skin"}), ("IL-17 in psoriasis", {"il-17", "psoriasis"}),
    ("made in the gut", {"made", "gut"}),
])
def test_a_snippet_marks_the_querys_real_terms_not_its_little_words(searcher, text, real):
    """The QA pass: "in" and "the" were highlighted in every snippet of "cells in skin"."""
    snippets = [h.snippet for h in searcher.search(text).hits if MARK_START in h.snippet]
    assert snippets, text
    marked = {m.casefold() for s in snippets
              for m in re.findall(f"{MARK_START}([^{MARK_END}]*){MARK_END}", s)}
    assert not marked & {"in", "the"}
    assert marked & real  # the real terms are still marked
