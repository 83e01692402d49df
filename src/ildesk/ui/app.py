"""Start the window: the application object, the theme, the content database (with a clear
dialog, and an offer to rebuild, when it cannot be used), the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ildesk import __version__, paths
from ildesk.db.engine import Content, ContentDbError, open_content
from ildesk.search import Searcher
from ildesk.ui import theme


def _icon() -> QIcon:
    path = paths.resources_dir() / "icons" / "ildesk.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def _rebuild(db: Path) -> str | None:
    """Rebuild the content database from data/; returns an error message or None."""
    from ildesk.db.builder import BuildError, build
    from ildesk.kb import load

    data = paths.default_data_dir()
    if data is None:
        return "The knowledge-base files are not at hand."
    kb = load(data)
    if kb.problems:
        return f"The knowledge base has {len(kb.problems)} problem(s); run `ildesk build-db`."
    try:
        build(kb, db)
    except BuildError as exc:
        return str(exc)
    return None


def open_or_explain(db: Path) -> Content | None:
    """Open the content database, or tell the person what is wrong and offer a rebuild."""
    while True:
        try:
            return open_content(db)
        except ContentDbError as exc:
            box = QMessageBox(QMessageBox.Icon.Critical, "ildesk cannot open its database",
                              exc.message)
            box.setInformativeText(exc.advice)
            rebuild = None
            if paths.default_data_dir() is not None:
                rebuild = box.addButton("Rebuild the database", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if rebuild is None or box.clickedButton() is not rebuild:
                return None
            error = _rebuild(db)
            if error:
                QMessageBox.critical(None, "The rebuild failed", error)
                return None


class _FirstPaint(QObject):
    """Quits the application right after the article's first paint (start-up timing)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.app.quit)
        return False


def create_window(content: Content) -> object:
    from ildesk.ui.main_window import MainWindow

    return MainWindow(content, Searcher(content.path))


def run(db: Path | None = None, page: str | None = None, search: str | None = None,
        quit_after_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ildesk")
    app.setApplicationDisplayName("ildesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ildesk")
    app.setDesktopFileName("ildesk")
    app.setWindowIcon(_icon())
    from ildesk.userdata import UserStore

    store = UserStore.open_default()
    theme.apply(app, store.prefs.load().theme)
    content = open_or_explain(db or paths.default_db())
    if content is None:
        store.close()
        return 1
    from ildesk.db import pages
    from ildesk.ui.library_controller import LibraryController
    from ildesk.ui.main_window import MainWindow

    window = MainWindow(content, Searcher(content.path))
    library = LibraryController(window, store)
    window.theme_changed_hook = lambda name: library.apply(store.prefs.update(theme=name))
    window.close_hooks.append(library.close)
    window.restore_docks()
    if search:
        window.set_search(search)
    if page:
        page_id = pages.resolve(content, page)
        if page_id is None:
            window.set_search(page)
        else:
            window.open_page(page_id)
    elif not search:
        start = library.start_page()
        if start:
            window.open_page(start)
    window.show()
    library.show_notices()
    if quit_after_paint:
        watcher = _FirstPaint(app)
        window.article.browser.viewport().installEventFilter(watcher)
        if window.current_page is None and window.search_hits():
            window.open_page(window.search_hits()[0].id)
    code = app.exec()
    content.close()
    return code
