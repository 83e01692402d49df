"""The open tabs on their own (plain Python, no Qt): one reading state a tab, each with its
own history; the one page-changed stream follows the active tab; what is kept between runs
and how a stored value that is not a list of tabs is ignored."""

from __future__ import annotations

import json

import pytest

from ildesk.ui.reading import ReadingState
from ildesk.ui.reading_tabs import MAX_TABS, ReadingTabs, dumps, parse_saved

PAGES = {pid: {"id": pid, "kind": "interleukin", "name": pid.upper(), "abbreviation": pid.upper()}
         for pid in ("il-2", "il-4", "il-6", "il-13", "il-17a")}


@pytest.fixture
def tabs():
    t = ReadingTabs(ReadingState(PAGES.get, lambda page: page["id"]))
    t.seen = []
    t.redraws = []
    t.subscribe(lambda shown: t.seen.append(shown.page_id))
    t.watch(lambda: t.redraws.append(len(t)))
    return t


def ids(tabs):
    return [t.shown.page_id for t in tabs.tabs]


def test_each_tab_keeps_its_own_back_and_forward(tabs):
    tabs.current.open("il-2")
    tabs.current.open("il-4")
    tabs.new()
    assert tabs.current.shown.is_home and not tabs.current.shown.can_go_back
    tabs.current.open("il-6")
    tabs.current.open("il-13")
    tabs.current.back()
    assert tabs.current.shown.page_id == "il-6" and not tabs.current.shown.can_go_back
    tabs.activate(0)
    assert tabs.current.shown.page_id == "il-4"
    assert tabs.current.back() and tabs.current.shown.page_id == "il-2"
    assert tabs.current.shown.can_go_forward
    tabs.activate(1)
    assert tabs.current.shown.page_id == "il-6" and tabs.current.shown.can_go_forward


def test_the_stream_follows_the_active_tab_only(tabs):
    tabs.current.open("il-2")
    tabs.open_new("il-4")  # in the background: nothing on screen changes
    assert tabs.seen == ["il-2"] and ids(tabs) == ["il-2", "il-4"] and tabs.active == 0
    tabs.tabs[1].state.open("il-6")  # a background tab navigating is not told either
    assert tabs.seen == ["il-2"]
    tabs.activate(1)
    assert tabs.seen == ["il-2", "il-6"]
    assert tabs.redraws  # the bar hears every change, background tabs' too


def test_background_tabs_open_in_order_after_the_active_one(tabs):
    tabs.current.open("il-2")
    tabs.new()
    tabs.activate(0)
    for pid in ("il-4", "il-6", "il-13"):
        tabs.open_new(pid)
    assert ids(tabs) == ["il-2", "il-4", "il-6", "il-13", None]
    assert tabs.open_new("no-such-page") is None and len(tabs) == 5


def test_closing_moves_to_the_right_neighbour_and_the_last_tab_closes_to_home(tabs):
    tabs.current.open("il-2")
    tabs.open_new("il-4")
    tabs.open_new("il-6")
    tabs.activate(1)
    tabs.close(1)
    assert ids(tabs) == ["il-2", "il-6"] and tabs.current.shown.page_id == "il-6"
    tabs.close(1)  # the last in the row: its left neighbour
    assert tabs.current.shown.page_id == "il-2"
    tabs.close(0)
    assert len(tabs) == 1 and tabs.current.shown.is_home
    assert not tabs.current.shown.can_go_back  # a fresh Home, not IL-2's history
    assert tabs.seen[-1] is None


def test_closing_a_tab_before_the_active_one_keeps_the_page_on_screen(tabs):
    tabs.current.open("il-2")
    tabs.open_new("il-4")
    tabs.activate(1)
    seen = len(tabs.seen)
    tabs.close(0)
    assert tabs.active == 0 and tabs.current.shown.page_id == "il-4"
    assert len(tabs.seen) == seen  # nothing on screen changed


def test_close_others_and_duplicate(tabs):
    tabs.current.open("il-2")
    tabs.current.open("il-4")
    tabs.open_new("il-6")
    tabs.open_new("il-13")
    assert tabs.duplicate(0) == 1
    assert ids(tabs) == ["il-4", "il-4", "il-6", "il-13"] and tabs.active == 1
    assert tabs.current.back() and tabs.current.shown.page_id == "il-2"  # history copied
    assert tabs.tabs[0].shown.page_id == "il-4"  # the original stays where it was
    tabs.close_others(2)
    assert ids(tabs) == ["il-6"] and tabs.seen[-1] == "il-6"


def test_the_scroll_position_is_kept_when_a_tab_is_left(tabs):
    tabs.current.open("il-2")
    tabs.open_new("il-4")
    positions = iter([120, 45])
    tabs.leaving = lambda tab: setattr(tab, "scroll", next(positions))
    tabs.activate(1)
    tabs.activate(0)
    assert [t.scroll for t in tabs.tabs] == [120, 45]


def test_what_is_kept_and_restored(tabs):
    tabs.current.open("il-2")
    tabs.current.open("il-4")
    tabs.new()
    tabs.open_new("il-13")
    saved = tabs.saved()
    assert saved == {"pages": ["il-4", None, "il-13"], "active": 1}
    again = ReadingTabs(ReadingState(PAGES.get, lambda page: page["id"]))
    assert again.restore(*parse_saved(dumps(tabs))) == 0
    assert ids(again) == ["il-4", None, "il-13"] and again.active == 1
    assert not again.tabs[0].shown.can_go_back  # the pages come back, not their history


def test_pages_no_longer_there_are_left_out_and_the_active_tab_follows(tabs):
    assert tabs.restore(["gone", "il-2", "also-gone", "il-6"], 3) == 2
    assert ids(tabs) == ["il-2", "il-6"] and tabs.current.shown.page_id == "il-6"
    assert tabs.restore(["il-4", "gone"], 1) == 1
    assert ids(tabs) == ["il-4"] and tabs.active == 0
    assert tabs.restore(["gone"], 0) == 1
    assert ids(tabs) == ["il-4"]  # nothing left: what is open stays


@pytest.mark.parametrize("value", [
    None, 3, b"{}", "", "not json", "[]", "{}", '{"pages": []}', '{"pages": "il-6"}',
    '{"pages": [1, 2, {}]}', "[" * 5000, json.dumps({"pages": ["x" * 500]}),
])
def test_a_stored_value_that_is_not_a_list_of_tabs_is_ignored(value):
    assert parse_saved(value) is None


def test_a_stored_value_is_read_with_care():
    assert parse_saved('{"pages": ["il-6", null], "active": 1}') == (["il-6", None], 1)
    assert parse_saved('{"pages": ["il-6", 7, "il-4"], "active": 99}') == (["il-6", "il-4"], 1)
    assert parse_saved('{"pages": ["il-6"], "active": true}') == (["il-6"], 0)
    assert parse_saved('{"pages": ["il-6"], "active": -4}') == (["il-6"], 0)
    many = parse_saved(json.dumps({"pages": ["il-6"] * 500, "active": 0}))
    assert many is not None and len(many[0]) == MAX_TABS


def test_closed_tabs_can_be_reopened_last_closed_first(tabs):
    tabs.current.open("il-2")
    tabs.open_new("il-4")
    tabs.open_new("il-6")
    tabs.close(2)
    tabs.close(1)
    tabs.new()
    tabs.close(1)  # a Home tab leaves nothing to reopen
    assert tabs.closed == ["il-6", "il-4"]
    assert tabs.reopen_closed() == 1 and tabs.current.shown.page_id == "il-4"
    assert tabs.reopen_closed() is not None and tabs.current.shown.page_id == "il-6"
    assert tabs.reopen_closed() is None and ids(tabs) == ["il-2", "il-4", "il-6"]
    tabs.closed.append("gone-from-the-data")
    assert tabs.reopen_closed() is None and len(tabs) == 3
