"""The comparison of 2–4 interleukins (Qt-free): what is shared and what is each one's own,
chains aligned across columns, drugs approved first, JSON and the text table."""

from __future__ import annotations

import pytest

from ildesk.compare import CompareError, as_json, as_text, compare
from ildesk.db import pages
from ildesk.vocab import APPROVED
from tests.compare_support import PAIRS

# Any drawing here uses the QApplication pytest-qt shares with the window tests.
pytestmark = pytest.mark.usefixtures("qapp")

@pytest.mark.parametrize("pair", list(PAIRS))
def test_shared_and_own_chains_and_drugs(content, pair):
    want = PAIRS[pair]
    c = compare(content, list(pair))
    chains = c.field("chains")
    assert {e.symbol: e.label for e in chains.shared()} == want["shared"]
    assert {e.symbol: e.label for e in chains.own(0)}.items() >= want["own_0"].items()
    assert {e.symbol: e.label for e in chains.own(1)}.items() >= want["own_1"].items()
    assert not set(want["own_0"]) & {e.symbol for e in chains.own(1)}
    shared_drugs = [e.label for e in c.field("drugs").shared()]
    assert set(want["drugs"]) <= set(shared_drugs)
    j = as_json(c)
    assert j["shared"]["chains"] == list(want["shared"])
    assert set(want["drugs"]) <= set(j["shared"]["drugs"])
    assert set(want["own_0"]) <= set(j["own"][pair[0]]["chains"])
    assert set(want["own_1"]) <= set(j["own"][pair[1]]["chains"])
    assert {k: j["names"][k] for k in want["shared"]} == want["shared"]
    assert [i["id"] for i in j["items"]] == list(pair)


def test_shared_chains_sit_on_one_line_and_own_ones_side_by_side(content):
    chains = compare(content, ["il-4", "il-13"]).field("chains")
    rows = [[e.label if e else None for e in line.cells] for line in chains.lines]
    assert rows == [["IL-4Rα", "IL-4Rα"], ["IL-13Rα1", "IL-13Rα1"], ["γc", "IL-13Rα2"]]
    assert [line.share for line in chains.lines] == ["all", "all", "own"]


def test_dupilumab_is_shared_through_il4ra_and_ustekinumab_through_p40(content):
    dupi = compare(content, ["il-4", "il-13"]).field("drugs").cells[1][0]
    assert (dupi.label, dupi.share, dupi.page) == ("dupilumab", "all", "dupilumab")
    assert "blocks IL-4Rα" in dupi.detail and "approved" in dupi.detail
    p40 = [e for e in compare(content, ["il-12", "il-23"]).field("chains").shared()
           if e.key == "gene:IL12B"]
    assert p40 and p40[0].label == "p40" and p40[0].page is None


def test_drugs_are_listed_approved_first(content):
    c = compare(content, ["il-2", "il-12"])
    status = {d["id"]: d["status"] for i in ("il-2", "il-12")
              for d in pages.page(content, i)["drugs"]}
    for cell in c.field("drugs").cells:
        approved = [status[e.key] in APPROVED for e in cell]
        assert approved == sorted(approved, reverse=True), [e.label for e in cell]
        assert any(approved) and not all(approved)  # the check can fail: both kinds present


def test_every_linked_entry_opens_an_existing_page(content):
    c = compare(content, ["il-4", "il-13", "il-12", "il-23"])
    links = {e.page for f in c for cell in f.cells for e in cell if e.page}
    assert len(links) > 40
    assert all(pages.page(content, p) is not None for p in links)


def test_three_or_four_mark_what_some_share(content):
    c = compare(content, ["il-4", "il-13", "il-2"])
    chains = c.field("chains")
    gc = next(line for line in chains.lines if line.key == "il2rg")
    assert gc.share == "some" and gc.cells[1] is None
    assert gc.cells[0].holders == (0, 2)
    assert {"kind": "chains", "name": "IL2RG", "ids": ["il-4", "il-2"]} in as_json(c)["some"]
    assert chains.shared() == []  # IL-2 has neither IL-4Rα nor IL-13Rα1
    il4r = next(line for line in chains.lines if line.key == "il4r")
    assert il4r.share == "some" and il4r.cells[2] is None


def test_diseases_carry_their_kind(content):
    cell = compare(content, ["il-12", "il-23"]).field("diseases").cells[0]
    tb = [e for e in cell if e.key == "tuberculosis"]
    assert tb and tb[0].detail == "genetic association" and tb[0].share == "own"


@pytest.mark.parametrize(("ids", "says"), [
    (["il-4"], "2 to 4 different interleukins; 1 was given"),
    (["il-4", "il-4"], "1 was given"),
    (["il-2", "il-4", "il-6", "il-12", "il-23"], "5 were given"),
    (["il-4", "dupilumab"], "dupilumab is not an interleukin"),
    (["il-4", "no-such-page"], "there is no page 'no-such-page'"),
])
def test_what_cannot_be_compared_says_why(content, ids, says):
    with pytest.raises(CompareError) as err:
        compare(content, ids)
    assert says in err.value.message and err.value.advice


def test_text_table_has_a_column_each_and_the_marks(content):
    text = as_text(compare(content, ["il-12", "il-23"]), width=110)
    lines = text.splitlines()
    head = next(ln for ln in lines if "IL-12 — Interleukin-12" in ln)
    assert "IL-23 — Interleukin-23" in head
    p40 = next(ln for ln in lines if "= p40" in ln)
    assert p40.count("= p40") == 2  # on one line, in both columns
    assert any("- IL-12Rβ2" in ln and "- IL-23R" in ln for ln in lines)
    assert max(len(ln) for ln in lines) <= 110
