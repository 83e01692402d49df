"""Start the window: the application object, the theme, the content database (with a clear
dialog, and an offer to rebuild, when it cannot be used), the main window."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ildesk import __version__, paths
from ildesk.db.engine import CheckAhead, Content, ContentDbError
from ildesk.errors import ActionableError
from ildesk.search import Searcher
from ildesk.ui import plain, theme
from ildesk.ui.background import CPU, LIBRARY, Background, Progress, describe
from ildesk.ui.errors import show_error
from ildesk.ui.settings import settings
from ildesk.ui.viewport import viewport

if TYPE_CHECKING:
    from ildesk.ui.library.controller import LibraryController
    from ildesk.ui.main_window import MainWindow
    from ildesk.userdata import UserStore

LIBRARY_DELAY_MS = 150  # after the first results: time for the list and article to paint
FIRST_RESULTS_WAIT_MS = 2000  # the diagram and the library come without them after this


def _icon() -> QIcon:
    """The window's icon from the PNG sizes packaging/make_icons.py renders, whichever are
    there; Qt picks the size each place needs. (The SVG would load Qt's SVG plugin before
    the first paint.)"""
    icon = QIcon()
    for path in sorted((paths.resources_dir() / "icons").glob("ildesk-*.png")):
        icon.addFile(str(path))
    return icon


def _rebuild(db: Path) -> ActionableError | None:
    """Rebuild the content database from data/ (the same step, and messages, as
    `ildesk build-db`); returns the error or None."""
    from ildesk.db.from_data import build_from_data
    from ildesk.search import snapshot

    try:
        build_from_data(None, db, derived=snapshot.DERIVED)
    except ActionableError as exc:
        return exc
    return None


def _rebuild_with_progress(db: Path) -> ActionableError | None:
    """`_rebuild` on the background helper's CPU lane, under a progress dialog; the dialog's
    event loop keeps the screen answering while data/ is checked and the database built."""
    bg = Background()
    loop = QEventLoop()
    outcome: list[ActionableError | None] = []

    def finish(error: ActionableError | None) -> None:
        outcome.append(error)
        loop.quit()

    def broke(exc: Exception) -> None:
        finish(ActionableError(describe(exc), "Run `ildesk build-db` to see what is wrong."))

    bg.run("rebuild", lambda _job: _rebuild(db), finish, broke,
           lane=CPU, progress=Progress("Rebuilding the database", "Checking the knowledge "
                                       "base and building the database…", cancellable=False,
                                       delay_ms=0))
    loop.exec()
    bg.wait()
    return outcome[0] if outcome else ActionableError("The rebuild did not finish.")


def open_or_explain(db: Path, ahead: CheckAhead | None = None) -> Content | None:
    """Open the content database, or tell the person what is wrong and offer a rebuild.
    `ahead`: its check, started earlier (`ildesk open` starts it before Qt loads)."""
    checking = ahead if ahead is not None and ahead.path == db else CheckAhead(db)
    while True:
        try:
            return checking.content()
        except ContentDbError as exc:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Critical, "ildesk cannot open its database",
                              exc.message)
            box.setInformativeText(exc.advice)
            plain.plain_box(box)  # the message holds a path and SQLite's own words
            rebuild = None
            if paths.default_data_dir() is not None:
                rebuild = box.addButton("Rebuild the database", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if rebuild is None or box.clickedButton() is not rebuild:
                return None
            error = _rebuild_with_progress(db)
            if error is not None:
                problems = getattr(error, "problems", [])
                show_error(None, "The rebuild failed", error, "\n".join(map(str, problems)))
                return None


class _FirstPaint(QObject):
    """Quits the application once the window is complete: the result list filled and the
    article painted (`ildesk open NAME --quit-after-paint`, for start-up timing)."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__()
        self.app = app
        self.window = window
        self.painted = False
        self.done = False
        viewport(window.article.browser).installEventFilter(self)
        window.results_shown.connect(lambda _r: self._check())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.window.current_page is not None:
            self.painted = True
            self._check()
        return False

    def _check(self) -> None:
        if self.painted and not self.done and self.window.model.rowCount() > 0:
            self.done = True
            QTimer.singleShot(0, self.app.quit)


def attach_library(window: MainWindow, open_start_page: bool,
                   store: UserStore | None = None) -> LibraryController:
    """The personal library (bookmarks, notes, history, preferences) in `window`, over `store`
    (by default the user's own, opened here)."""
    from ildesk.ui.library.controller import LibraryController
    from ildesk.userdata import UserStore

    library = LibraryController(window, store or UserStore.open_default())
    window.restore_docks()
    if window.reader.shown.page_id is not None:
        library.record(window.reader.shown)
    elif open_start_page:
        start = library.start_page()
        if start:
            window.open_page(start)
    library.show_notices()
    return library


def attach_library_later(window: MainWindow, open_start_page: bool) -> None:
    """`attach_library`, once the user's library is open: opening it checks and migrates the
    file under its write lock, which another ildesk window may hold for a while, so it runs
    on the library's worker thread and the window answers meanwhile."""
    from ildesk.userdata import UserStore

    def attach(store: UserStore) -> None:
        attach_library(window, open_start_page, store)

    window.bg.submit(lambda _job: UserStore.open_default(), attach, lane=LIBRARY)


def _after_first_results(window: MainWindow, then: Callable[[], None]) -> None:
    """Run `then` once the first result list is on screen (and painted), so that the window
    appears complete before slower, secondary parts load; at the latest after
    `FIRST_RESULTS_WAIT_MS`, should the first search fail (the window says why) or never
    answer. Nothing comes to a window that is no longer on screen (it is closing)."""
    done = False

    def once(_result: object = None) -> None:
        nonlocal done
        if not done and window.isVisible():
            done = True
            QTimer.singleShot(LIBRARY_DELAY_MS, then)

    window.results_shown.connect(once)
    QTimer.singleShot(FIRST_RESULTS_WAIT_MS, window, once)


def run(db: Path | None = None, page: str | None = None, search: str | None = None,
        quit_after_paint: bool = False, screenshot: str | None = None,
        compare: list[str] | None = None, ahead: CheckAhead | None = None) -> int:
    """Open the window and run it until it closes; `ahead`: the check of the content
    database, already started (`CheckAhead`)."""
    owns_app = QApplication.instance() is None  # the program, not a test or a host
    app = QApplication.instance() or QApplication([*sys.argv[:1], "-style", theme.STYLE])
    assert isinstance(app, QApplication)
    app.setApplicationName("ildesk")
    app.setApplicationDisplayName("ildesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ildesk")
    app.setDesktopFileName("ildesk")
    app.setWindowIcon(_icon())
    # The library keeps the theme; window.ini holds a copy so the first paint has it.
    theme.apply(app, str(settings().value("theme", "system")), style=not owns_app)
    content = open_or_explain(db or paths.default_db(), ahead)
    if content is None:
        return 1
    from ildesk.search.names import find_page
    from ildesk.ui.main_window import MainWindow

    searcher = Searcher(content.path)
    # The page named is looked up before the window exists: the window's first search runs
    # on a worker over the searcher's connection, which this thread must not use meanwhile.
    found = find_page(content, searcher, page) if page else None
    window = MainWindow(content, searcher, lazy_diagram=True, hold_article=True)
    if search:
        window.set_search(search)
    if page and found is not None:  # as `ildesk show NAME`; a name that is no page: a search
        if found.page_id is None:
            window.set_search(page)
        else:  # in a new tab when tabs from the last run are open
            window.tabs.open_here_or_new(found.page_id)
    if quit_after_paint:
        _FirstPaint(app, window)
        if window.current_page is None:  # timing needs an article: the first interleukin
            window.open_page(window.searcher.interleukins()[0])
    window.release_article()  # the page it opens on, rendered once (not Home first)
    window.show()
    if compare:  # `ildesk open --compare IL-4 IL-13`: the compare view over the window
        from ildesk.ui.compare_menu import compare_ids

        compare_ids(window, compare)
    if screenshot:  # a picture of the window as it opens, for docs and the packaged build
        from ildesk.ui.screenshot import schedule_screenshot

        schedule_screenshot(window, screenshot, 1500)
    def secondary() -> None:  # after the first complete screen: the drawing, then the library
        gc.enable()  # off for the start (cli.open_window), on for the rest of the run
        window.attach_diagram()
        attach_library_later(window, open_start_page=not (page or search))

    _after_first_results(window, secondary)
    code = app.exec()
    if window.isVisible():  # quit without a close (--quit-after-paint): close in order
        window.close()
    content.close()
    if owns_app:
        leave(code)
    return code


def leave(code: int) -> None:
    """End the process now. Everything that must be kept is kept by now: the window saved
    its layout, every library write landed and the library is closed (the window's
    `closing`), the content database is closed. What is left is Python tearing down Qt and
    every module one object at a time, which takes half a second and saves nothing."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
