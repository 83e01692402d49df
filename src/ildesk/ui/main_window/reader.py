"""The Qt face of the reading state: `ildesk.ui.reading_tabs.ReadingTabs` (plain Python) holds
one `ReadingState` a tab; `Reader` acts on the ACTIVE tab's state and emits
`page_changed(Shown)` after every change of its page and when another tab becomes active —
the one signal every page-bound widget follows. `tabs_changed` tells the tab bar.

    reader = Reader(ReadingState(read_page, interleukin_of), window)
    reader.page_changed.connect(note_panel_follow)
    reader.open("il-6"); reader.home(); reader.back()
    reader.tabs.open_new("il-4")          # a background tab (ui/main_window/tabs.py)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ildesk import relate
from ildesk.db.engine import Content
from ildesk.ui.reading import Page, ReadingState, Shown
from ildesk.ui.reading_tabs import ReadingTabs


def interleukin_rule(content: Content) -> Callable[[Page], str | None]:
    """The one rule for the interleukin a page stands for (the diagram it shows), as its
    fact sheet has it: `ildesk.relate.page_interleukin`."""
    return lambda page: relate.page_interleukin(content, page)


class Reader(QObject):
    page_changed = Signal(object)  # Shown
    tabs_changed = Signal()  # a tab's title, the count, the order or the active one

    def __init__(self, state: ReadingState, parent: QObject | None = None) -> None:
        """`state` is the first tab's; new tabs read pages the same way."""
        super().__init__(parent)
        self.tabs = ReadingTabs(state)
        self.tabs.subscribe(self.page_changed.emit)
        self.tabs.watch(self.tabs_changed.emit)

    @property
    def state(self) -> ReadingState:
        """The active tab's reading state."""
        return self.tabs.current

    @property
    def shown(self) -> Shown:
        return self.state.shown

    @property
    def page(self) -> Page | None:
        return self.state.page

    def open(self, page_id: str, record: bool = True) -> bool:
        return self.state.open(page_id, record)

    def home(self) -> None:
        self.state.home()

    def back(self) -> bool:
        return self.state.back()

    def forward(self) -> bool:
        return self.state.forward()
