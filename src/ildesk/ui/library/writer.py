"""Writes to the person's library off the GUI thread, in order, saying so when they wait.

    writer = BackgroundWriter(window.bg)
    writer.waiting.connect(status_bar.showMessage)       # another window holds the lock
    writer.write(lambda: store.notes.save("il-6", text), done, failed)

Each write is one job on the background helper's LIBRARY lane (one thread, so writes land in
the order they were made). SQLite waits up to `BUSY_TIMEOUT_S` for a lock another ildesk window
holds; meanwhile the window keeps answering, and after WAIT_NOTICE_MS the person is told that
the change is kept and will be saved. `caught_up` follows once every write has landed (and
none failed: a failure is told by whoever made the write).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from ildesk.ui.background import LIBRARY, Background
from ildesk.userdata.database import BUSY_TIMEOUT_S

T = TypeVar("T")

WAIT_NOTICE_MS = 400
WAITING = ("Your library is busy in another ildesk window; your changes are kept and will be "
           "saved as soon as it is free.")
CAUGHT_UP = "Your library is saved."


class BackgroundWriter(QObject):
    waiting = Signal(str)
    caught_up = Signal(str)

    def __init__(self, bg: Background, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bg = bg
        self._pending = 0
        self._told = False
        self._all_ok = True  # no write failed since the last time all had landed
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WAIT_NOTICE_MS)
        self._timer.timeout.connect(self._overdue)

    def write(self, op: Callable[[], T], done: Callable[[T], None],
              failed: Callable[[Exception], None]) -> None:
        self._pending += 1
        if not self._timer.isActive():
            self._timer.start()

        def landed(result: Any) -> None:
            self._settle(ok=True)
            done(result)

        def refused(error: Exception) -> None:
            self._settle(ok=False)
            failed(error)

        self._bg.submit(lambda _job: op(), landed, refused, lane=LIBRARY)

    def pending(self) -> int:
        """Writes made and not landed yet."""
        return self._pending

    def wait(self, msecs: int = int((BUSY_TIMEOUT_S + 2) * 1000)) -> bool:
        """Block until every write made so far has run (shutdown: nothing is lost)."""
        return self._bg.wait(msecs, lane=LIBRARY)

    def _settle(self, ok: bool) -> None:
        self._pending -= 1
        self._all_ok = self._all_ok and ok
        if self._pending > 0:
            self._timer.start()  # the next write gets its own moment before a notice
            return
        self._timer.stop()
        if self._told and self._all_ok:  # after a failure its own message stands
            self.caught_up.emit(CAUGHT_UP)
        self._told, self._all_ok = False, True

    def _overdue(self) -> None:
        if self._pending > 0:
            self._told = True
            self.waiting.emit(WAITING)
