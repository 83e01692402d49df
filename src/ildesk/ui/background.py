"""One way to run work off the GUI thread (after Anki's QueryOp).

    bg.run("search", lambda cancelled: searcher.search(text, cancel=cancelled),
           success=model.set_results, failure=show_error)

Work runs on one worker thread, in order. A newer job with the same key makes older ones
stale: a stale job sees `cancelled()` turn True (and may stop early), and its result is
dropped, so a slow old query can never overwrite a newer answer. `success` and `failure`
run on the GUI thread; `op` must never touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    finished = Signal(str, int, object, object)  # key, generation, result, error


class _Job(QRunnable):
    def __init__(self, relay: _Relay, key: str, gen: int, op: Callable[[Callable[[], bool]], Any],
                 is_stale: Callable[[], bool]) -> None:
        super().__init__()
        self.relay, self.key, self.gen, self.op, self.is_stale = relay, key, gen, op, is_stale

    def run(self) -> None:
        if self.is_stale():
            return
        try:
            result = self.op(self.is_stale)
        except Exception as exc:  # reported to `failure` on the GUI thread
            self.relay.finished.emit(self.key, self.gen, None, exc)
            return
        self.relay.finished.emit(self.key, self.gen, result, None)


class Background(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation: dict[str, int] = {}
        self._callbacks: dict[tuple[str, int], tuple[Callable[[Any], None],
                                                     Callable[[Exception], None] | None]] = {}
        self._relay = _Relay()
        self._relay.finished.connect(self._done)

    def run(self, key: str, op: Callable[[Callable[[], bool]], Any],
            success: Callable[[Any], None],
            failure: Callable[[Exception], None] | None = None) -> None:
        gen = self._generation.get(key, 0) + 1
        self._generation[key] = gen
        self._callbacks = {k: v for k, v in self._callbacks.items() if k[0] != key}
        self._callbacks[(key, gen)] = (success, failure)
        self._pool.start(_Job(self._relay, key, gen, op,
                              lambda: self._generation.get(key) != gen))

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for queued work to finish (tests and shutdown)."""
        return self._pool.waitForDone(msecs)

    @Slot(str, int, object, object)
    def _done(self, key: str, gen: int, result: Any, error: Any) -> None:
        callbacks = self._callbacks.pop((key, gen), None)
        if callbacks is None or self._generation.get(key) != gen:
            return  # stale: a newer job with this key has been started
        success, failure = callbacks
        if error is None:
            success(result)
        elif failure is not None:
            failure(error)
