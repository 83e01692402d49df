"""The one background helper: stale answers dropped, writes never dropped, errors never
silent, a progress dialog whose Cancel reaches the job, and lanes that do not wait for each
other. Jobs wait on events the test sets, never on the clock."""

from __future__ import annotations

import threading

import pytest

from ildesk.ui.background import CPU, LIBRARY, QUERY, Background, Cancelled, Progress, describe
from ildesk.userdata import UserDataError


def press_cancel(qtbot, dialog):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    qtbot.waitUntil(dialog.isVisible)
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def bg(qtbot):
    shown: list[str] = []
    helper = Background(report=shown.append)
    helper.shown = shown
    yield helper
    helper.cancel_all()
    helper.wait()


def test_a_newer_keyed_job_makes_the_older_one_stale(qtbot, bg):
    gate, started = threading.Event(), threading.Event()
    got: list[str] = []
    saw_stale: list[bool] = []

    def old(job):
        started.set()
        gate.wait(5)
        saw_stale.append(job())
        return "old"

    bg.run("search", old, got.append)
    assert started.wait(5)
    bg.run("search", lambda job: "new", got.append)
    gate.set()
    qtbot.waitUntil(lambda: got == ["new"])
    bg.wait()
    qtbot.wait(20)
    assert got == ["new"] and saw_stale == [True]


def test_submitted_jobs_are_never_stale_and_survive_cancel_all(qtbot, bg):
    gate = threading.Event()
    got: list[int] = []
    for n in range(3):
        bg.submit(lambda job, n=n: gate.wait(5) and n, got.append, lane=LIBRARY)
    bg.cancel_all()
    gate.set()
    qtbot.waitUntil(lambda: len(got) == 3)
    assert got == [0, 1, 2]  # in the order they were made


def test_an_error_without_a_failure_handler_is_shown(qtbot, bg):
    def broken(job):
        raise UserDataError("Your library could not be saved: the disk is full.",
                            "Free some space and try again.")

    bg.submit(broken, lambda _r: None, lane=LIBRARY)
    qtbot.waitUntil(lambda: bool(bg.shown))
    assert bg.shown == ["Your library could not be saved: the disk is full. "
                        "Free some space and try again."]


def test_without_a_status_bar_the_error_goes_to_a_message_box(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a: boxes.append(text)))
    helper = Background()
    helper.run("x", lambda job: 1 / 0, lambda _r: None)
    qtbot.waitUntil(lambda: bool(boxes))
    helper.wait()
    assert boxes[0].startswith("Something went wrong (ZeroDivisionError")


def test_describe_reads_like_a_sentence():
    assert describe(OSError(28, "No space left on device", "/tmp/x.pdf")) == \
        "No space left on device: /tmp/x.pdf."
    assert describe(UserDataError("It broke.", "Do this.")) == "It broke. Do this."


def test_a_long_cpu_job_does_not_hold_up_a_search(qtbot, bg):
    gate = threading.Event()
    done: list[str] = []
    bg.run("export", lambda job: gate.wait(10) and "export", done.append, lane=CPU)
    bg.run("search", lambda job: "search", done.append, lane=QUERY)
    bg.submit(lambda job: "write", done.append, lane=LIBRARY)
    qtbot.waitUntil(lambda: len(done) == 2)
    assert sorted(done) == ["search", "write"]  # while the export still runs
    gate.set()
    qtbot.waitUntil(lambda: len(done) == 3)
    assert done[-1] == "export"


def test_progress_dialog_shows_steps_and_cancel_reaches_the_job(qtbot, bg):
    reached = threading.Event()
    release = threading.Event()
    outcome: list[str] = []

    def op(job):
        for i in range(10):
            job.report(i, 10, f"Step {i + 1} of 10")
            if i == 3:
                reached.set()
                release.wait(5)
            job.check()
        return "finished"

    job = bg.run("export", op, lambda r: outcome.append(r),
                 lambda exc: outcome.append(f"failed {exc!r}"), lane=CPU,
                 progress=Progress("Export", "Working…", delay_ms=0),
                 cancelled=lambda: outcome.append("cancelled"))
    dialog = bg.dialog_of(job)
    assert dialog is not None and dialog.windowTitle() == "Export"
    assert reached.wait(5)
    qtbot.waitUntil(lambda: dialog.value() == 3 and dialog.maximum() == 10)
    assert dialog.labelText() == "Step 4 of 10"
    qtbot.waitUntil(dialog.isVisible)
    press_cancel(qtbot, dialog)
    assert job()  # the job sees it at its next check
    release.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"]
    from shiboken6 import isValid

    assert bg.dialog_of(job) is None
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and let go)


def test_a_job_that_finishes_despite_cancel_reports_its_success(qtbot, bg):
    release = threading.Event()
    outcome: list[str] = []
    job = bg.run("export", lambda job: release.wait(5) and "written", outcome.append,
                 lane=CPU, progress=Progress("Export", "Working…", delay_ms=0),
                 cancelled=lambda: outcome.append("cancelled"))
    press_cancel(qtbot, bg.dialog_of(job))
    release.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["written"]  # what happened is what is said


def test_a_job_cancelled_before_it_starts_never_runs(qtbot, bg):
    gate = threading.Event()
    ran: list[str] = []
    outcome: list[str] = []
    bg.run("first", lambda job: gate.wait(5), lambda _r: None, lane=CPU)
    job = bg.run("second", lambda job: ran.append("ran"), lambda _r: outcome.append("done"),
                 lane=CPU, progress=Progress("Export", "Waiting…", delay_ms=0),
                 cancelled=lambda: outcome.append("cancelled"))
    press_cancel(qtbot, bg.dialog_of(job))
    gate.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert outcome == ["cancelled"] and ran == []
    with pytest.raises(Cancelled):
        job.check()


def test_a_job_still_running_when_the_window_goes_ends_quietly(qtbot, capfd):
    """At quit the relay may be gone before a worker finishes: nothing is printed."""
    import shiboken6

    bg = Background()
    started, release = threading.Event(), threading.Event()
    ended = threading.Event()

    def op(job):
        started.set()
        release.wait(5)
        job.report(1, 2, "half")
        ended.set()
        return 1

    bg.run("slow", op, lambda _r: None, lane=CPU)
    assert started.wait(5)
    shiboken6.delete(bg._relay)  # what tearing the window down does to it
    release.set()
    assert ended.wait(5)
    assert bg.wait(5000)
    assert "RuntimeError" not in capfd.readouterr().err
