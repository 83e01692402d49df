"""Preferences, stored in the user database as JSON values under string keys.

`prefs.load()` always gives a complete, valid `Preferences` (a missing or unreadable value
falls back to its default); `prefs.save(p)` writes them all in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

from sqlalchemy import select

from ildesk.userdata.database import Database
from ildesk.userdata.models import PreferenceRow

Theme = Literal["system", "light", "dark"]
PageSize = Literal["A4", "Letter"]
StartPage = Literal["search", "last", "page"]

THEMES: tuple[Theme, ...] = ("system", "light", "dark")
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")
START_PAGES: tuple[StartPage, ...] = ("search", "last", "page")
ZOOM_RANGE = (50, 300)  # percent
MARGIN_RANGE = (5.0, 40.0)  # millimetres
PREFIX = "pref."
LAST_PAGE_KEY = "state.last_page"


@dataclass(frozen=True)
class Preferences:
    theme: Theme = "system"
    text_zoom: int = 100  # percent of the normal text size
    page_size: PageSize = "A4"  # fact sheets
    margin_mm: float = 15.0  # fact-sheet margin on every side
    start_page: StartPage = "search"  # the search, the last page read, or start_page_id
    start_page_id: str = ""
    history_enabled: bool = True

    @property
    def reopen_last(self) -> bool:
        """Reopen the last page on start (the same as start_page == "last")."""
        return self.start_page == "last"

    def problems(self) -> list[str]:
        """What is out of range, in words; empty when these preferences can be saved."""
        out = [_RULES[f.name][1] for f in fields(self)
               if not _RULES[f.name][0](getattr(self, f.name))]
        if self.start_page == "page" and not self.start_page_id:
            out.append("choose the page to start on")
        return out

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Preferences:
        """Known, valid values from `values`; anything else keeps its default."""
        good: dict[str, Any] = {}
        for f in fields(cls):
            value = values.get(f.name)
            if f.name == "margin_mm" and _is_number(value):
                value = float(value)  # type: ignore[arg-type]
            if f.name in values and _RULES[f.name][0](value):
                good[f.name] = value
        result = cls(**good)
        if result.start_page == "page" and not result.start_page_id:
            result = replace(result, start_page="search")
        return result


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_RULES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "theme": (lambda v: v in THEMES, "theme must be system, light or dark"),
    "text_zoom": (lambda v: isinstance(v, int) and not isinstance(v, bool)
                  and ZOOM_RANGE[0] <= v <= ZOOM_RANGE[1],
                  f"text zoom must be {ZOOM_RANGE[0]}–{ZOOM_RANGE[1]} %"),
    "page_size": (lambda v: v in PAGE_SIZES, "page size must be A4 or Letter"),
    "margin_mm": (lambda v: _is_number(v) and MARGIN_RANGE[0] <= v <= MARGIN_RANGE[1],
                  f"margins must be {MARGIN_RANGE[0]:g}–{MARGIN_RANGE[1]:g} mm"),
    "start_page": (lambda v: v in START_PAGES, "start page must be search, last or page"),
    "start_page_id": (lambda v: isinstance(v, str), "the start page must be a page id"),
    "history_enabled": (lambda v: isinstance(v, bool), "history must be on or off"),
}


class Prefs:
    def __init__(self, db: Database) -> None:
        self._db = db

    def load(self) -> Preferences:
        stored: dict[str, Any] = {}
        with self._db.read() as s:
            rows = s.execute(select(PreferenceRow.key, PreferenceRow.value)
                             .where(PreferenceRow.key.startswith(PREFIX))).all()
        for key, raw in rows:
            try:
                stored[key[len(PREFIX):]] = json.loads(raw)
            except ValueError:
                continue
        return Preferences.from_mapping(stored)

    def save(self, prefs: Preferences) -> None:
        """Write every preference; raises ValueError naming what is out of range."""
        problems = prefs.problems()
        if problems:
            raise ValueError("; ".join(problems))
        with self._db.write() as s:
            for key, value in asdict(prefs).items():
                s.merge(PreferenceRow(key=PREFIX + key, value=json.dumps(value)))

    def update(self, **changes: Any) -> Preferences:
        """Change some preferences: `prefs.update(theme="dark")`."""
        new = replace(self.load(), **changes)
        self.save(new)
        return new

    def get_value(self, key: str, default: Any = None) -> Any:
        with self._db.read() as s:
            row = s.get(PreferenceRow, key)
            raw = row.value if row is not None else None
        if raw is None:
            return default
        try:
            return json.loads(raw)
        except ValueError:
            return default

    def set_value(self, key: str, value: Any) -> None:
        with self._db.write() as s:
            s.merge(PreferenceRow(key=key, value=json.dumps(value)))

    def last_page(self) -> tuple[str, str] | None:
        """(page id, name) of the last page read, for "reopen the last page on start"."""
        value = self.get_value(LAST_PAGE_KEY)
        if (isinstance(value, list) and len(value) == 2
                and all(isinstance(v, str) for v in value) and value[0]):
            return value[0], value[1]
        return None
