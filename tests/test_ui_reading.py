"""The reading state on its own (plain Python, no Qt): one owner of the page on screen, its
interleukin, and back/forward; and the check that it stays Qt-free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ildesk.ui.reading import HOME, ReadingState, Shown

SRC = Path(__file__).resolve().parents[1] / "src" / "ildesk"

PAGES = {
    "il-6": {"id": "il-6", "kind": "interleukin", "name": "Interleukin-6", "abbreviation": "IL-6"},
    "tocilizumab": {"id": "tocilizumab", "kind": "drug", "name": "tocilizumab"},
    "il6r": {"id": "il6r", "kind": "receptor", "name": "interleukin 6 receptor",
             "short": "IL6R"},
    "glossary": {"id": "glossary", "kind": "article", "name": "Glossary"},
    "th9-cell": {"id": "th9-cell", "kind": "cell_type", "name": "T-helper 9 cell"},
}
RELATED = {"tocilizumab": "il-6", "il6r": "il-6"}


def rule(page):
    return page["id"] if page["kind"] == "interleukin" else RELATED.get(page["id"])


@pytest.fixture
def state():
    s = ReadingState(PAGES.get, rule)
    s.seen = []
    s.subscribe(s.seen.append)
    return s


def test_starts_on_home_with_nothing_personal(state):
    shown = state.shown
    assert shown.is_home and shown.page_id is None and shown.kind == HOME
    assert not shown.personal and not shown.has_sheet and shown.interleukin is None
    assert not shown.can_go_back and not shown.can_go_forward


def test_every_page_carries_its_interleukin_by_the_one_rule(state):
    calls = []
    s = ReadingState(PAGES.get, lambda page: calls.append(page["id"]) or rule(page))
    s.open("tocilizumab")
    assert s.shown.interleukin == "il-6" and calls == ["tocilizumab"]
    s.open("th9-cell")
    assert s.shown.interleukin is None  # nothing related: the diagram shows its placeholder
    s.open("il-6")
    assert s.shown.interleukin == "il-6" and calls[-1] == "il-6"  # interleukins too


def test_each_change_is_told_once_with_what_is_shown(state):
    state.open("il-6")
    state.home()
    state.open("glossary")
    assert [s.page_id for s in state.seen] == ["il-6", None, "glossary"]
    assert all(isinstance(s, Shown) for s in state.seen)
    assert state.seen[-1] is state.shown


def test_unknown_page_changes_nothing(state):
    state.open("il-6")
    before = state.shown
    assert state.open("il-99") is False
    assert state.open("") is False
    assert state.shown is before and len(state.seen) == 1


def test_home_is_a_step_so_back_returns_to_the_page_before_it(state):
    state.open("il-6")
    state.open("tocilizumab")
    state.home()
    assert state.shown.can_go_back
    assert state.back() and state.shown.page_id == "tocilizumab"
    assert state.back() and state.shown.page_id == "il-6"
    assert not state.back() and state.shown.page_id == "il-6"
    assert state.forward() and state.shown.page_id == "tocilizumab"
    assert state.forward() and state.shown.is_home
    assert not state.shown.can_go_forward


def test_going_back_without_recording(state):
    state.open("il-6")
    state.open("il6r", record=False)
    assert state.shown.page_id == "il6r" and not state.shown.can_go_back


def test_notes_and_stars_belong_to_the_entries_not_to_home_or_articles(state):
    state.open("il6r")
    assert state.shown.personal and not state.shown.has_sheet
    state.open("glossary")
    assert not state.shown.personal and state.shown.page_id == "glossary"
    state.open("tocilizumab")
    assert state.shown.personal and state.shown.has_sheet


def test_the_title_is_the_one_wording_rule(state):
    state.open("il6r")
    assert state.shown.title == "IL6R"
    state.open("tocilizumab")
    assert state.shown.title == "tocilizumab"
    state.home()
    assert state.shown.title == "Home"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_reading_state_imports_no_qt_even_through_its_helpers():
    """ui/reading.py and everything of ildesk it imports stay free of PySide6."""
    seen: set[str] = set()
    todo = ["ildesk.ui.reading"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        path = SRC.joinpath(*module.split(".")[1:]).with_suffix(".py")
        if not path.is_file():
            path = path.with_suffix("") / "__init__.py"
        names = _imports(path)
        assert not any(n.startswith("PySide6") for n in names), module
        parents = [".".join(module.split(".")[:i]) for i in range(2, module.count(".") + 1)]
        todo += [n for n in names if n.startswith("ildesk.")] + parents
    assert "ildesk.ui.navigation" in seen

