"""The typed page contract tells the truth: every page the readers return has exactly the
keys its `TypedDict` declares, all the way down, with values of the declared kinds. mypy
checks the consumers against these types; this checks the types against the data."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal, get_args, get_origin, get_type_hints, is_typeddict

from ildesk.db import pages
from ildesk.db.pages import types as t

_KIND = {"interleukin": t.InterleukinPage, "receptor": t.ReceptorPage,
         "molecule": t.MoleculePage, "cell_type": t.CellTypePage, "disease": t.DiseasePage,
         "drug": t.DrugPage, "article": t.ArticlePage}


def _problems(value: Any, hint: Any, where: str) -> list[str]:
    origin = get_origin(hint)
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a {hint.__name__}"]
        hints = get_type_hints(hint)
        if set(value) != set(hints):
            return [f"{where}: keys {sorted(set(value) ^ set(hints))} differ from {hint.__name__}"]
        return [p for k, h in hints.items() for p in _problems(value[k], h, f"{where}.{k}")]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        return [p for i, v in enumerate(value) for p in _problems(v, get_args(hint)[0],
                                                                  f"{where}[{i}]")]
    if origin in (types.UnionType, typing.Union):
        tried = [_problems(value, h, where) for h in get_args(hint)]
        return [] if any(not p for p in tried) else tried[0]
    if origin is Literal:
        return [] if value in get_args(hint) else [f"{where}: {value!r} not in {hint}"]
    if hint is type(None):
        return [] if value is None else [f"{where}: {value!r} is not None"]
    if hint is bool or hint is str:
        return [] if type(value) is hint else [f"{where}: {value!r} is not a {hint.__name__}"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r} is not an int"]
    raise AssertionError(f"{where}: no check for {hint}")


def test_every_page_has_the_shape_its_type_declares(content):
    problems: list[str] = []
    listed = pages.list_pages(content)
    for row in listed:
        page = pages.page(content, row["id"])
        problems += _problems(page, _KIND[row["kind"]], row["id"])
    assert {r["kind"] for r in listed} == set(_KIND)  # every kind was seen
    assert not problems, "\n".join(problems[:20])


def test_lists_have_their_declared_shapes(content):
    problems = _problems(pages.families(content), list[t.Family], "families")
    for kind in ("cell_type", "disease"):
        problems += _problems(pages.hierarchy(content, kind), list[t.HierarchyEntry], kind)
    problems += _problems(pages.list_pages(content), list[t.PageSummary], "list_pages")
    assert not problems, "\n".join(problems[:20])


def test_a_type_that_lies_is_caught():
    assert _problems({"id": "x", "name": 3}, t.Named, "p") == ["p.name: 3 is not a str"]
    assert _problems({"id": "x"}, t.Named, "p")[0].startswith("p: keys ['name']")
