"""The open tabs (plain Python, no Qt): one `ReadingState` a tab, so that each tab keeps its
own page, Back/Forward history and scroll position, and the one that is active.

    tabs = ReadingTabs(ReadingState(read_page, interleukin_of))
    tabs.subscribe(follow)          # follow(shown): the ACTIVE tab's page changed, or
                                    # another tab became active (the one page-changed stream)
    tabs.watch(redraw_bar)          # redraw_bar(): any tab's title, the count or the order
    tabs.open_new("il-6", activate=False)   # a background tab after the active one
    tabs.new()                      # Ctrl+T: a Home tab at the end, active
    tabs.close(tabs.active)         # the last tab closes to Home, never to nothing
    tabs.saved()                    # {"pages": ["il-6", None], "active": 1}  (None: Home)
    tabs.restore(["il-6", "gone"], 1)   # pages that no longer exist are left out

`ui/main_window/reader.py` turns `subscribe` into the Qt signal `page_changed`;
`ui/main_window/tabs.py` is the tab bar, its menu entries and shortcuts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ildesk.ui.reading import ReadingState, Shown

__all__ = ["MAX_CLOSED", "MAX_TABS", "ReadingTabs", "Tab", "dumps", "parse_saved"]
MAX_TABS = 50  # kept between runs (a stored list longer than this is cut)
MAX_CLOSED = 20  # closed tabs that "Reopen closed tab" can bring back


@dataclass(eq=False)
class Tab:
    """One tab: its reading state and the article's scroll position when it was left."""

    state: ReadingState
    scroll: int = 0

    @property
    def shown(self) -> Shown:
        return self.state.shown


class ReadingTabs:
    """Attributes: `tabs` (in bar order), `active` (its index), `current` (the active
    tab's ReadingState). `leaving(tab)`, when set, is called just before another tab
    becomes active (the window keeps the scroll position there)."""

    def __init__(self, first: ReadingState) -> None:
        self._template = first
        self.tabs: list[Tab] = []
        self.active = 0
        self._listeners: list[Callable[[Shown], None]] = []
        self._watchers: list[Callable[[], None]] = []
        self._opened_from_active = 0  # background tabs opened since this one became active
        self.leaving: Callable[[Tab], None] | None = None
        self.closed: list[str] = []  # the pages of closed tabs, the last closed last
        self.tabs.append(self._tab(first))

    # -- listening ------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Shown], None]) -> None:
        """`listener(shown)` after the active tab's page changed or another tab became
        active."""
        self._listeners.append(listener)

    def watch(self, watcher: Callable[[], None]) -> None:
        """`watcher()` after anything the tab bar shows changed (titles, count, order,
        which is active)."""
        self._watchers.append(watcher)

    def _tab(self, state: ReadingState) -> Tab:
        tab = Tab(state)
        state.subscribe(lambda shown: self._changed(tab, shown))
        return tab

    def _changed(self, tab: Tab, shown: Shown) -> None:
        if tab in self.tabs and tab is self.tabs[self.active]:
            self._tell(shown)
        self._redraw()

    def _tell(self, shown: Shown) -> None:
        for listener in list(self._listeners):
            listener(shown)

    def _redraw(self) -> None:
        for watcher in list(self._watchers):
            watcher()

    # -- what is open ---------------------------------------------------------------------

    @property
    def current(self) -> ReadingState:
        return self.tabs[self.active].state

    @property
    def current_tab(self) -> Tab:
        return self.tabs[self.active]

    def __len__(self) -> int:
        return len(self.tabs)

    def activate(self, index: int) -> bool:
        """Make tab `index` the active one; False when there is no such tab or it already is."""
        if not 0 <= index < len(self.tabs) or index == self.active:
            return False
        if self.leaving is not None:
            self.leaving(self.tabs[self.active])
        self.active = index
        self._opened_from_active = 0
        self._tell(self.current.shown)
        self._redraw()
        return True

    def step(self, step: int) -> bool:
        """The next (1) or previous (-1) tab, round the end (Ctrl+Tab, Ctrl+Shift+Tab)."""
        if len(self.tabs) < 2:
            return False
        return self.activate((self.active + step) % len(self.tabs))

    def new(self) -> int:
        """A Home tab at the end, made active (Ctrl+T); its index."""
        self.tabs.append(self._tab(self._template.blank()))
        self.activate(len(self.tabs) - 1)
        return len(self.tabs) - 1

    def open_new(self, page_id: str, activate: bool = False) -> int | None:
        """`page_id` in a new tab with a fresh history: in the background (after the active
        tab and the ones opened from it, as browsers order them) unless `activate`. None
        (and no tab) when there is no such page."""
        state = self._template.blank()
        if not state.open(page_id):
            return None
        index = self.active + 1 + self._opened_from_active
        self.tabs.insert(index, self._tab(state))
        if activate:
            self.activate(index)
        else:
            self._opened_from_active += 1
        self._redraw()
        return index

    def duplicate(self, index: int) -> int | None:
        """A copy of tab `index` (page and history) right after it, made active."""
        if not 0 <= index < len(self.tabs):
            return None
        source = self.tabs[index]
        if index == self.active and self.leaving is not None:
            self.leaving(source)  # the copy opens where the original is scrolled to now
        twin = self._tab(source.state.duplicate())
        twin.scroll = source.scroll
        self.tabs.insert(index + 1, twin)
        if index < self.active:
            self.active += 1
        self.activate(index + 1)
        self._redraw()
        return index + 1

    def close(self, index: int) -> bool:
        """Close tab `index`. The last tab closes to Home with an empty history; closing
        the active tab makes its right neighbour active (the left one at the end)."""
        if not 0 <= index < len(self.tabs):
            return False
        self._remember(self.tabs[index])
        if len(self.tabs) == 1:
            self.tabs[0] = self._tab(self._template.blank())
            self.tabs[0].state.home(record=False)  # tells the listeners: Home is on screen
            return True
        was_active = index == self.active
        del self.tabs[index]
        if index < self.active or self.active >= len(self.tabs):
            self.active -= 1
        if was_active:
            self._opened_from_active = 0
            self._tell(self.current.shown)
        self._redraw()
        return True

    def close_others(self, index: int) -> bool:
        """Keep only tab `index` (made active)."""
        if not 0 <= index < len(self.tabs) or len(self.tabs) == 1:
            return False
        keep = self.tabs[index]
        for tab in self.tabs:
            if tab is not keep:
                self._remember(tab)
        changed = keep is not self.tabs[self.active]
        if changed and self.leaving is not None:
            self.leaving(self.tabs[self.active])
        self.tabs, self.active, self._opened_from_active = [keep], 0, 0
        if changed:
            self._tell(self.current.shown)
        self._redraw()
        return True

    def _remember(self, tab: Tab) -> None:
        if tab.shown.page_id is not None:
            self.closed.append(tab.shown.page_id)
            del self.closed[:-MAX_CLOSED]

    def reopen_closed(self) -> int | None:
        """The page of the tab closed last in a new active tab (Ctrl+Shift+T); None when
        none is left (a page gone from the data is skipped)."""
        while self.closed:
            index = self.open_new(self.closed.pop(), activate=True)
            if index is not None:
                return index
        return None

    def move(self, source: int, target: int) -> None:
        """Tab `source` dragged to `target` (the active tab stays the active one)."""
        if not (0 <= source < len(self.tabs) and 0 <= target < len(self.tabs)):
            return
        active = self.tabs[self.active]
        self.tabs.insert(target, self.tabs.pop(source))
        self.active = self.tabs.index(active)
        self._redraw()

    # -- between runs ---------------------------------------------------------------------

    def saved(self) -> dict[str, object]:
        """The open tabs' pages (None for Home) and the active index; not their history."""
        return {"pages": [t.shown.page_id for t in self.tabs][:MAX_TABS],
                "active": min(self.active, MAX_TABS - 1)}

    def restore(self, page_ids: Sequence[str | None], active: int) -> int:
        """Open `page_ids` as the tabs (None: Home), `active` the active one, in place of
        what is open; a page that no longer exists is left out (the active index follows
        its tab, or the nearest one before it). Returns how many tabs were left out."""
        tabs: list[Tab] = []
        chosen = 0
        for i, page_id in enumerate(page_ids[:MAX_TABS]):
            state = self._template.blank()
            if page_id is not None and not state.open(page_id):
                continue
            if i <= active:
                chosen = len(tabs)
            tabs.append(self._tab(state))
        if not tabs:
            return len(page_ids)
        if self.leaving is not None:
            self.leaving(self.tabs[self.active])
        self.tabs, self.active, self._opened_from_active = tabs, chosen, 0
        self._tell(self.current.shown)
        self._redraw()
        return len(page_ids) - len(tabs)


def parse_saved(value: object) -> tuple[list[str | None], int] | None:
    """The stored tabs (the JSON text of `ReadingTabs.saved()`) as (page ids, active), or
    None when the value is anything else: a stored value is never trusted.

        parse_saved('{"pages": ["il-6", null], "active": 1}')  ->  (["il-6", None], 1)
        parse_saved("garbage") -> None
    """
    if not isinstance(value, str) or len(value) > 100_000:
        return None
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
        return None
    if not isinstance(data, dict):
        return None
    pages, active = data.get("pages"), data.get("active", 0)
    if not isinstance(pages, list) or not pages:
        return None
    if not isinstance(active, int) or isinstance(active, bool):
        active = 0
    ids: list[str | None] = [p for p in pages[:MAX_TABS]
                             if p is None or (isinstance(p, str) and 0 < len(p) <= 200)]
    if not ids:
        return None
    return ids, max(0, min(active, len(ids) - 1))


def dumps(tabs: ReadingTabs) -> str:
    """`tabs.saved()` as the JSON text kept in the settings."""
    return json.dumps(tabs.saved())
