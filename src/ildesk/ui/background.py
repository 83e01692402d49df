"""One way to run work off the GUI thread (after Anki's QueryOp and its TaskManager).

    bg.run("search", lambda job: searcher.search(text, cancel=job), success=model.set_results)
    bg.run("export", write_pdf_op, saved, lane=CPU,
           progress=Progress("Export results as PDF", "Drawing the fact sheets…", window))
    bg.submit(lambda job: store.notes.save(...), done, lane=LIBRARY)   # never dropped

Lanes. Each lane is one worker thread, so its jobs run in order, and no lane waits for
another: QUERY holds keystroke searches and other short reads, CPU exports, printing and
rebuilds, LIBRARY the writes to the person's own library (which may wait up to
`userdata.database.BUSY_TIMEOUT_S` while another ildesk window holds its lock).

Keyed jobs (`run`). A newer job with the same key makes older ones stale: a stale job sees
`job()` turn True (and may stop early), and its result is dropped, so a slow old query can
never overwrite a newer answer. `submit` runs a job that nothing makes stale.

Outcomes. `success` and `failure` run on the GUI thread; `op` must never touch widgets.
Without a `failure`, the error is shown by the default handler (the `report` callable given
to Background, else a message box): an error is never dropped silently. With `progress`, a
dialog appears when the job takes longer than a moment; its Cancel button makes `job()` True,
and when the job then stops (raising `Cancelled`, say) `cancelled` runs instead of `failure`.
A job that finishes despite the Cancel reports its success: what happened is what is said.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

T = TypeVar("T")

QUERY, CPU, LIBRARY = "query", "cpu", "library"
LANES = (QUERY, CPU, LIBRARY)
_UNKEYED = "\x00job-"  # the keys `submit` makes up


class Cancelled(Exception):
    """Raised by `Job.check()` when the job should stop."""


class Job:
    """What an op receives: call it to ask whether to stop; `report` progress."""

    def __init__(self, relay: _Relay, ticket: tuple[str, int], is_stale: Callable[[], bool]
                 ) -> None:
        self._relay, self._ticket, self._is_stale = relay, ticket, is_stale
        self.cancel_requested = False

    def __call__(self) -> bool:
        return self.cancel_requested or self._is_stale()

    def check(self) -> None:
        """Raise Cancelled when the job should stop."""
        if self():
            raise Cancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """`done` of `total` steps (shown by the progress dialog, if there is one)."""
        _tell(self._relay.progress, self._ticket[0], self._ticket[1], done, total, text)


Op = Callable[[Job], T]


class Progress(NamedTuple):
    """A progress dialog for a long job: shown after `delay_ms`, with Cancel if allowed."""

    title: str
    label: str
    parent: QWidget | None = None
    cancellable: bool = True
    delay_ms: int = 400


class _Relay(QObject):
    finished = Signal(str, int, object, object)  # key, generation, result, error
    progress = Signal(str, int, int, int, str)  # key, generation, done, total, text


def _tell(signal: Any, *args: Any) -> None:
    """Emit from a worker thread; once the window (and the relay with it) is gone while a job
    was still running, as at quit, there is nobody left to tell, and nothing is printed."""
    with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
        signal.emit(*args)


class _Runnable(QRunnable):
    def __init__(self, relay: _Relay, job: Job, op: Op[Any], ticket: tuple[str, int]) -> None:
        super().__init__()
        self.relay, self.job, self.op, self.ticket = relay, job, op, ticket

    def run(self) -> None:
        key, gen = self.ticket
        if self.job():
            _tell(self.relay.finished, key, gen, None, Cancelled())
            return
        try:
            result = self.op(self.job)
        except Exception as exc:  # reported on the GUI thread
            _tell(self.relay.finished, key, gen, None, exc)
            return
        _tell(self.relay.finished, key, gen, result, None)


@dataclass
class _Pending(Generic[T]):
    job: Job
    success: Callable[[T], None]
    failure: Callable[[Exception], None] | None
    cancelled: Callable[[], None] | None
    dialog: QProgressDialog | None = None


def describe(error: BaseException) -> str:
    """The sentence a person reads for `error`: the message and advice of ildesk's own
    errors, the reason of an OSError, otherwise what went wrong (also logged to stderr)."""
    if hasattr(error, "advice") or error.__class__.__name__.endswith("WriteError"):
        text = str(error).strip()
        return text[:1].upper() + text[1:]
    if isinstance(error, OSError):
        return f"{error.strerror or error}{f': {error.filename}' if error.filename else ''}."
    traceback.print_exception(error, file=sys.stderr)
    return f"Something went wrong ({error.__class__.__name__}: {error})."


class Background(QObject):
    """`report(text)` shows errors no `failure` callback takes (the window's status bar);
    without it they go to a message box over `parent`."""

    def __init__(self, parent: QObject | None = None,
                 report: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self._pools: dict[str, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            pool.setExpiryTimeout(-1 if lane == QUERY else 30_000)
            self._pools[lane] = pool
        self._generation: dict[str, int] = {}
        self._pending: dict[tuple[str, int], _Pending[Any]] = {}
        self._unkeyed = itertools.count(1)
        self._relay = _Relay()
        self._relay.finished.connect(self._done)
        self._relay.progress.connect(self._progress)

    def run(self, key: str, op: Op[T], success: Callable[[T], None],
            failure: Callable[[Exception], None] | None = None, *, lane: str = QUERY,
            progress: Progress | None = None,
            cancelled: Callable[[], None] | None = None) -> Job:
        """Run `op(job)` on `lane`; a newer job with the same key makes this one stale."""
        gen = self._generation.get(key, 0) + 1
        self._generation[key] = gen
        for ticket in [t for t in self._pending if t[0] == key]:
            self._close_dialog(self._pending.pop(ticket))
        job = Job(self._relay, (key, gen), lambda: self._generation.get(key) != gen)
        pending = _Pending(job, success, failure, cancelled)
        self._pending[(key, gen)] = pending
        if progress is not None:
            pending.dialog = self._dialog(progress, job)
        self._pools[lane].start(_Runnable(self._relay, job, op, (key, gen)))
        return job

    def submit(self, op: Op[T], success: Callable[[T], None],
               failure: Callable[[Exception], None] | None = None, *, lane: str = LIBRARY,
               progress: Progress | None = None,
               cancelled: Callable[[], None] | None = None) -> Job:
        """Run `op(job)` on `lane`; nothing makes it stale (writes, which must all land)."""
        return self.run(f"{_UNKEYED}{next(self._unkeyed)}", op, success, failure, lane=lane,
                        progress=progress, cancelled=cancelled)

    def cancel_all(self) -> None:
        """Make every keyed job stale (at shutdown: searches stop mid-statement); jobs from
        `submit` (writes) still run and report."""
        for key in [k for k in self._generation if not k.startswith(_UNKEYED)]:
            self._generation[key] += 1
        for ticket in [t for t in self._pending if not t[0].startswith(_UNKEYED)]:
            self._close_dialog(self._pending.pop(ticket))

    def wait(self, msecs: int = 5000, lane: str | None = None) -> bool:
        """Wait for queued work (on `lane`, or on every lane) to finish (tests, shutdown)."""
        pools = [self._pools[lane]] if lane else list(self._pools.values())
        return all(pool.waitForDone(msecs) for pool in pools)

    # -- on the GUI thread ----------------------------------------------------------------

    def _dialog(self, progress: Progress, job: Job) -> QProgressDialog:
        from PySide6.QtWidgets import QProgressDialog  # made when a long job first shows one

        dialog = QProgressDialog(progress.label, "Cancel" if progress.cancellable else "",
                                 0, 0, progress.parent)
        dialog.setWindowTitle(progress.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not progress.cancellable:
            dialog.setCancelButton(None)
        dialog.setMinimumDuration(max(0, progress.delay_ms))

        def cancel() -> None:
            job.cancel_requested = True
            dialog.setLabelText("Cancelling…")

        dialog.canceled.connect(cancel)
        return dialog

    @staticmethod
    def _close_dialog(pending: _Pending[Any]) -> None:
        if pending.dialog is not None:
            pending.dialog.canceled.disconnect()
            pending.dialog.reset()
            pending.dialog.hide()
            pending.dialog.deleteLater()
            pending.dialog = None

    def dialog_of(self, job: Job) -> QProgressDialog | None:
        """The progress dialog of a running job (tests press its Cancel button)."""
        pending = self._pending.get(job._ticket)
        return pending.dialog if pending else None

    @Slot(str, int, int, int, str)
    def _progress(self, key: str, gen: int, done: int, total: int, text: str) -> None:
        pending = self._pending.get((key, gen))
        if pending is None or pending.dialog is None or pending.job.cancel_requested:
            return
        dialog = pending.dialog
        if text:  # before the value: a modal dialog's setValue() processes events
            dialog.setLabelText(text)
        if dialog.maximum() != total:
            dialog.setRange(0, max(0, total))
        dialog.setValue(min(done, total))

    @Slot(str, int, object, object)
    def _done(self, key: str, gen: int, result: Any, error: Any) -> None:
        pending = self._pending.pop((key, gen), None)
        if key.startswith(_UNKEYED):
            self._generation.pop(key, None)
        elif pending is None or self._generation.get(key) != gen:
            return  # stale: a newer job with this key has been started
        if pending is None:
            return
        self._close_dialog(pending)
        if error is None:
            pending.success(result)
        elif pending.job.cancel_requested:
            if pending.cancelled is not None:
                pending.cancelled()
        elif pending.failure is not None:
            pending.failure(error)
        else:
            self.show_error(error)

    def show_error(self, error: BaseException) -> None:
        """The default failure handler."""
        text = describe(error)
        if self.report is not None:
            self.report(text)
            return
        parent = self.parent()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent if isinstance(parent, QWidget) else None, "ildesk", text)
