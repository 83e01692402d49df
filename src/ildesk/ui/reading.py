"""What the window shows, owned in one place (plain Python, no Qt).

`ReadingState` knows the page on screen, its kind, the interleukin that stands for it (the
diagram a drug, disease or cell page shows) and the back/forward history. Page-bound widgets
(article, note, star, diagram, copy link, exports, citation) never keep their own idea of the
current page: they follow the `Shown` value each change delivers.

    state = ReadingState(read_page=lambda pid: pages.page(content, pid),
                         interleukin_of=lambda page: relate.page_interleukin(content, page))
    state.subscribe(lambda shown: print(shown.title))
    state.open("il-17rc"); state.home()   # Home: shown.page_id is None, shown.personal False

`ui/main_window/reader.py` turns `subscribe` into the Qt signal `page_changed`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import NamedTuple

from ildesk.db.pages.types import Page
from ildesk.ui.navigation import Navigation
from ildesk.vocab import SHEET_KINDS
from ildesk.wording import page_title

__all__ = ["HOME", "HOME_SHOWN", "Page", "ReadingState", "Shown"]
HOME = "home"  # the kind of the home page (it has no page id)
HOME_ENTRY = "\x00home"  # Home in the back/forward history (no page id can look like it)
# Pages a person can write a note on and star: the entries. Home and the overview articles
# are reading matter of the program itself.
IMPERSONAL_KINDS = frozenset({HOME, "article"})


class Shown(NamedTuple):
    """What is on screen. `page` is None on Home; `interleukin` is the id whose diagram
    stands for the page (None: the diagram shows its placeholder)."""

    page_id: str | None
    kind: str
    title: str
    page: Page | None = None
    interleukin: str | None = None
    can_go_back: bool = False
    can_go_forward: bool = False

    @property
    def is_home(self) -> bool:
        return self.kind == HOME

    @property
    def personal(self) -> bool:
        """True when the page takes a note and a star."""
        return self.page_id is not None and self.kind not in IMPERSONAL_KINDS

    @property
    def has_sheet(self) -> bool:
        """True when the page prints as a fact sheet."""
        return self.kind in SHEET_KINDS


HOME_SHOWN = Shown(page_id=None, kind=HOME, title="Home")


class ReadingState:
    """The one owner of the reading state. `read_page(page_id)` returns a page or None;
    `interleukin_of(page)` is the one rule for the interleukin a page stands for."""

    def __init__(self, read_page: Callable[[str], Page | None],
                 interleukin_of: Callable[[Page], str | None], history_limit: int = 200
                 ) -> None:
        self._read_page = read_page
        self._interleukin_of = interleukin_of
        self._nav = Navigation(history_limit)
        self._listeners: list[Callable[[Shown], None]] = []
        self.shown: Shown = HOME_SHOWN

    def blank(self) -> ReadingState:
        """A new state on Home with an empty history, reading pages the same way (a new
        tab; `ildesk.ui.reading_tabs`)."""
        return ReadingState(self._read_page, self._interleukin_of, self._nav.limit)

    def duplicate(self) -> ReadingState:
        """A new state showing the same page with a copy of this history (a tab duplicated)."""
        twin = self.blank()
        twin._nav = copy.deepcopy(self._nav)
        twin.shown = self.shown
        return twin

    def subscribe(self, listener: Callable[[Shown], None]) -> None:
        """Call `listener(shown)` after every change (in the order subscribed)."""
        self._listeners.append(listener)

    @property
    def page(self) -> Page | None:
        return self.shown.page

    @property
    def page_id(self) -> str | None:
        return self.shown.page_id

    def open(self, page_id: str, record: bool = True) -> bool:
        """Show `page_id`; False (and nothing changes) when there is no such page."""
        page = self._read_page(page_id) if page_id else None
        if page is None:
            return False
        if record:
            self._nav.visit(page_id)
        self._show(page)
        return True

    def home(self, record: bool = True) -> None:
        """Show Home; after a page it is a step in the history, so Back returns there."""
        if record and self._nav.current is not None:
            self._nav.visit(HOME_ENTRY)
        self._publish(HOME_SHOWN)

    def back(self) -> bool:
        return self._step(self._nav.back() if self._nav.can_go_back() else None)

    def forward(self) -> bool:
        return self._step(self._nav.forward() if self._nav.can_go_forward() else None)

    def _step(self, entry: str | None) -> bool:
        if entry is None:
            return False
        if entry == HOME_ENTRY:
            self.home(record=False)
            return True
        page = self._read_page(entry)
        if page is None:  # gone from the data: show Home rather than a stale page
            self.home(record=False)
            return True
        self._show(page)
        return True

    def _show(self, page: Page) -> None:
        self._publish(Shown(page_id=page["id"], kind=page["kind"], title=page_title(page),
                            page=page, interleukin=self._interleukin_of(page)))

    def _publish(self, shown: Shown) -> None:
        self.shown = shown._replace(can_go_back=self._nav.can_go_back(),
                                    can_go_forward=self._nav.can_go_forward())
        for listener in list(self._listeners):
            listener(self.shown)
