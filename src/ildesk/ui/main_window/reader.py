"""The Qt face of the reading state: `ildesk.ui.reading.ReadingState` (plain Python) owns what
is shown; `Reader` emits `page_changed(Shown)` after every change, the one signal every
page-bound widget follows.

    reader = Reader(ReadingState(read_page, interleukin_of), window)
    reader.page_changed.connect(note_panel_follow)
    reader.open("il-6"); reader.home(); reader.back()
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ildesk import relate
from ildesk.db.engine import Content
from ildesk.ui.reading import Page, ReadingState, Shown


def interleukin_rule(content: Content) -> Callable[[Page], str | None]:
    """The one rule for the interleukin a page stands for (the diagram it shows), as its
    fact sheet has it: `ildesk.relate.page_interleukin`."""
    return lambda page: relate.page_interleukin(content, page)


class Reader(QObject):
    page_changed = Signal(object)  # Shown

    def __init__(self, state: ReadingState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        state.subscribe(self.page_changed.emit)

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
