"""Issue 15's examples, each in the engine, on the command line and in the window: a name
brings its neighbourhood, exact beats look-alike, questions never dead-end."""

from __future__ import annotations

import json

import pytest

from ildesk.cli import main
from ildesk.search.hits import PARTIAL_NOTICE
from ildesk.ui.main_window import MainWindow
from ildesk.ui.result_list import Role

# query -> (pages that must lead, in this order, within the top n; pages kept out of it; n)
EXAMPLES: dict[str, tuple[list[str], list[str], int]] = {
    "IL-6": (["il-6", "tocilizumab", "siltuximab", "sarilumab"], [], 5),
    "IL6": (["il-6", "tocilizumab"], [], 3),
    "IL-2": (["il-2", "aldesleukin", "il2ra", "il2rb", "il2rg"], ["il-20", "il-21", "il-23"],
             10),
    "IL-4": (["il-4", "dupilumab", "il-13"], ["il-40", "il-41"], 8),
    "IL-1": (["il-1a", "il-1b", "il-1ra"], ["il-10", "il-12", "il-18"], 5),
    "cartilage damage": (["il-1b"], [], 5),
    "neutrophil chemotaxis": (["il-8"], [], 3),
    "Actemra side effects": (["tocilizumab"], [], 1),
    "hepatitis B reactivation": (["hepatitis-b"], [], 1),
    "drugs for psoriasis": (["secukinumab", "ixekizumab", "guselkumab"], ["il-17a"], 10),
}


def _leads(ids: list[str], query: str) -> None:
    want, absent, n = EXAMPLES[query]
    top = ids[:n]
    assert all(w in top for w in want), (query, top)
    if query != "drugs for psoriasis":
        assert [i for i in top if i in want] == want, (query, top)  # in the ranked order
    assert not set(absent) & set(top), (query, top)


@pytest.mark.parametrize("query", list(EXAMPLES))
def test_engine(searcher, query):
    result = searcher.search(query)
    _leads([h.id for h in result.hits], query)
    assert result.corrected_from is None


@pytest.mark.parametrize("query", list(EXAMPLES))
def test_command_line(capsys, db_path, query):
    assert main(["search", query, "--json", "--limit", "20"]) == 0
    out = json.loads(capsys.readouterr().out)
    _leads([h["id"] for h in out["hits"]], query)
    assert all("group" in h for h in out["hits"])


def test_groups_follow_the_named_page(searcher):
    hits = searcher.search("IL-6").hits
    assert hits[0].group == "" and hits[0].exact
    groups = [h.group for h in hits]
    assert groups[1] == "Drugs" and "Receptor chains" in groups and "Diseases" in groups
    # each group is one run: the window can show one header per group
    runs = [g for i, g in enumerate(groups) if i == 0 or g != groups[i - 1]]
    assert len(runs) == len(set(runs))


def test_a_drug_brings_its_target_indications_and_class(searcher):
    hits = searcher.search("tocilizumab").hits
    by_group: dict[str, list[str]] = {}
    for h in hits:
        by_group.setdefault(h.group, []).append(h.id)
    assert by_group["Target"][:2] == ["il-6", "il6r"]
    assert "rheumatoid-arthritis" in by_group["Indications"]
    assert "sarilumab" in by_group["Same class"]


def test_side_effects_are_in_the_snippet(searcher):
    hit = searcher.search("Actemra side effects").hits[0]
    assert hit.snippet_text().startswith("«Side effects»:")
    assert "infection" in hit.snippet_text()


def test_partial_match_says_so(searcher, capsys, db_path):
    result = searcher.search("cartilage xylophone")
    assert result.hits and result.notice == PARTIAL_NOTICE
    assert main(["search", "cartilage xylophone"]) == 0
    assert PARTIAL_NOTICE in capsys.readouterr().out
    # a complete match needs no notice
    assert searcher.search("cartilage").notice == ""


def test_no_word_known_offers_the_nearest(searcher):
    result = searcher.search("qqxzv wwyyk")
    assert result.hits == [] and result.notice == ""
    typo = searcher.search("dupilumb")
    assert typo.corrected_from == "dupilumb" and typo.hits[0].id == "dupilumab"


def test_the_exact_name_keeps_its_own_page_first(searcher):
    # IL-30's gene is IL27: IL-27 is still first for "IL-27"
    assert searcher.search("IL-27").hits[0].id == "il-27"


# -- the window ------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, content, searcher):
    w = MainWindow(content, searcher)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitUntil(lambda: w.model.rowCount() > 0)
    yield w
    w.bg.wait()


def _type(qtbot, w, text):
    w.search_field.clear()
    qtbot.keyClicks(w.search_field, text)
    qtbot.waitUntil(lambda: w.shown_text == text, timeout=10_000)


def _rows(w):
    m = w.model
    out = []
    for r in range(m.rowCount()):
        i = m.index(r, 0)
        out.append(("header", i.data()) if i.data(Role.HEADER) else ("hit", i.data(Role.PAGE_ID)))
    return out


@pytest.mark.parametrize("query", list(EXAMPLES))
def test_window(qtbot, window, query):
    _type(qtbot, window, query)
    _leads([h.id for h in window.model.hits()], query)


def test_window_shows_group_headers(qtbot, window):
    _type(qtbot, window, "IL-6")
    rows = _rows(window)
    assert rows[0] == ("hit", "il-6")  # the named page, no header above it
    assert rows[1] == ("header", "Drugs")
    assert rows[2] == ("hit", "tocilizumab")
    headers = [v for kind, v in rows if kind == "header"]
    assert "Receptor chains" in headers and "Diseases" in headers
    assert len(headers) == len(set(headers))


def test_window_says_when_only_some_words_match(qtbot, window):
    _type(qtbot, window, "cartilage xylophone")
    assert PARTIAL_NOTICE in window.result_info.text()
    assert window.model.hits()


@pytest.mark.parametrize("query", ["what do Th17 cells make", "what do Th17 cells produce",
                                   "what is made by Th17 cells", "Th17 cell"])
def test_a_cell_brings_what_it_makes_before_what_acts_on_it(searcher, query):
    hits = searcher.search(query, limit=20).hits
    ids = [h.id for h in hits]
    assert ids[0] == "th17-cell"
    makes = {"il-17a", "il-17f", "il-21", "il-22", "il-26", "il-9"}  # its producer links
    assert set(ids[1:7]) == makes
    assert {h.group for h in hits[1:7]} == {"Interleukins it makes"}
    # IL-23 and IL-6 act on Th17 cells (they come after); IL-17C is made by epithelium
    assert ids.index("il-23") > 6 and ("il-17c" not in ids or ids.index("il-17c") > 6)


def test_few_full_matches_are_followed_by_pages_with_most_of_the_words(searcher):
    """Only hepatitis B and momelotinib hold all three words; the drugs whose labels ask for
    hepatitis B screening follow them, with a notice saying so."""
    result = searcher.search("hepatitis B reactivation", limit=20)
    ids = [h.id for h in result.hits]
    assert ids[:2] == ["hepatitis-b", "momelotinib"]
    assert {"tofacitinib", "baricitinib", "ruxolitinib", "sarilumab"} <= set(ids)
    assert result.notice.startswith("Few pages hold all your words")
    two = searcher.search("cartilage damage", limit=20)  # two words: no pages with one alone
    assert not two.notice and len(two.hits) < 5
