"""The personal library in the window: bookmarks and notes docks, the star (Ctrl+D), history,
preferences, export and import. It owns the user store and plugs into MainWindow's hooks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from ildesk import wording
from ildesk.search import SearchHit
from ildesk.ui import plain, theme
from ildesk.ui.library import BookmarksPanel, HistoryDialog, NotePanel, PreferencesDialog
from ildesk.ui.settings import settings
from ildesk.userdata import Preferences, UserDataError, UserStore, note_to_html

_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")

if TYPE_CHECKING:
    from ildesk.ui.main_window import MainWindow


class LibraryController(QObject):
    def __init__(self, window: MainWindow, store: UserStore) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.prefs = store.prefs.load()
        labels = window.labels
        self.bookmarks = BookmarksPanel(store, set(labels), window)
        self.bookmarks.page_requested.connect(window.open_page)
        self.bookmarks.error.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.bookmarks.bookmarks_changed.connect(self._update_star)
        self.notes = NotePanel(store, window)
        self.notes.error.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.notes.saved.connect(self._note_saved)
        self.bookmarks_dock = window.add_dock("Bookmarks", self.bookmarks,
                                              Qt.DockWidgetArea.LeftDockWidgetArea,
                                              "bookmarks_dock")
        self.notes_dock = window.add_dock("Your note", self.notes,
                                          Qt.DockWidgetArea.RightDockWidgetArea, "notes_dock")
        self.bookmarks_dock.hide()
        window.splitDockWidget(window.diagram_dock, self.notes_dock, Qt.Orientation.Vertical)
        window.resizeDocks([window.diagram_dock, self.notes_dock], [520, 150],
                           Qt.Orientation.Vertical)
        if window.diagram_dock.isHidden():  # a narrow window: the right column stays closed
            self.notes_dock.hide()
            window.diagram_dock.visibilityChanged.connect(
                lambda shown: self.notes_dock.show() if shown else None)
        self._actions()
        window.page_shown.connect(self._page_shown)
        window.note_html = self.note_html  # type: ignore[method-assign]
        window.extra_hits = self.note_hits
        self.apply(self.prefs, first=True)

    def _actions(self) -> None:
        w = self.window
        self.star = QAction("Star this page", w)
        self.star.setObjectName("star")
        self.star.setCheckable(True)
        self.star.setShortcut(QKeySequence("Ctrl+D"))
        self.star.setToolTip("Star this page (Ctrl+D)")
        self.star.triggered.connect(self.toggle_star)
        self.star.setEnabled(False)
        w.nav_toolbar.addAction(self.star)
        self._update_star()
        go = w.go_menu
        go.addSeparator()
        w._action(go, "&History…", self.show_history, "Ctrl+H", "history")
        w._action(go, "&Bookmarks", self.show_bookmarks, "Ctrl+Shift+B", "bookmarks")
        edit = w.edit_menu
        edit.addSeparator()
        w._action(edit, "&Preferences…", self.show_preferences,
                  QKeySequence.StandardKey.Preferences, "preferences")
        file_menu = w.file_menu
        first = file_menu.actions()[-1] if file_menu.actions() else None
        export = QAction("Export bookmarks and notes…", w)
        export.triggered.connect(self.export_library)
        imp = QAction("Import bookmarks and notes…", w)
        imp.triggered.connect(self.import_library)
        file_menu.insertActions(first, [export, imp])  # type: ignore[arg-type]
        file_menu.insertSeparator(first)  # type: ignore[arg-type]

    def show_bookmarks(self) -> None:
        self.bookmarks_dock.show()
        self.bookmarks.filter.setFocus()

    # -- hooks the window calls -----------------------------------------------------------

    def note_html(self, page_id: str) -> str:
        note = self.store.notes.get(page_id)
        return note_to_html(note.text) if note and note.text.strip() else ""

    def note_hits(self, text: str) -> list[SearchHit]:
        if not text.strip():
            return []
        hits = []
        for page_id, snippet in self.store.search_notes(text, limit=20):
            short = self.window.labels.get(page_id, (page_id, ""))[0]
            # the row says "Your note" on its right; the snippet is the note's text, as text
            text_only = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), snippet)
            hits.append(SearchHit(page_id, "note", short, 0.0, text_only, short=short))
        return hits

    def _page_shown(self, page_id: str) -> None:
        page = self.window.current_page
        name = wording.page_title(page) if page else page_id
        self.notes.set_page(page_id, name)
        if self.prefs.history_enabled or self.prefs.reopen_last:
            try:
                self.store.history.record(page_id, name)
            except UserDataError as exc:
                self.window.statusBar().showMessage(str(exc), 8000)
        self.star.setEnabled(True)
        self._update_star()

    def _note_saved(self, page_id: str) -> None:
        if self.window.current_page and self.window.current_page["id"] == page_id:
            self.window.render_page(keep_scroll=True)

    def _update_star(self) -> None:
        page = self.window.current_page
        starred = bool(page) and self.bookmarks.is_starred(page["id"])  # type: ignore[index]
        self.star.setChecked(starred)
        self.star.setText("★ Starred" if starred else "☆ Star")

    def toggle_star(self) -> None:
        page = self.window.current_page
        if not page:
            return
        now = self.bookmarks.toggle(page["id"], wording.page_title(page))
        self.window.statusBar().showMessage("Starred." if now else "Star removed.", 3000)
        self._update_star()

    # -- dialogs --------------------------------------------------------------------------

    def show_history(self) -> None:
        dialog = HistoryDialog(self.store, self.window)
        dialog.page_requested.connect(self.window.open_page)
        dialog.exec()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.store, self.window.labels, self.window)
        dialog.changed.connect(self.apply)
        dialog.exec()

    def apply(self, prefs: Preferences, first: bool = False) -> None:
        self.prefs = prefs
        w = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, prefs.theme)
        settings().setValue("theme", prefs.theme)  # read at the next start, before the library
        w.page_size = prefs.page_size
        w.margins_mm = prefs.margin_mm
        w.zoom = prefs.text_zoom / 100.0
        w.zoom_changed_hook = self._save_zoom
        if not first:
            w.restyle()

    def _save_zoom(self, zoom: float) -> None:
        try:
            self.prefs = self.store.prefs.update(text_zoom=round(zoom * 100))
        except UserDataError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)

    def start_page(self) -> str | None:
        """The page to open on start, as the preferences say."""
        if self.prefs.reopen_last:
            last = self.store.prefs.last_page()
            return last[0] if last else None
        if self.prefs.start_page == "page":
            return self.prefs.start_page_id or None
        return None

    def show_notices(self) -> None:
        """Each notice in a message box, and the last one in the status bar as well."""
        if self.store.notices:
            self.window.statusBar().showMessage(self.store.notices[-1])
        for text in self.store.notices:
            QTimer.singleShot(0, lambda t=text: plain.warning(self.window, "Your library", t))

    def export_library(self) -> None:
        name = f"ildesk-library-{dt.date.today().isoformat()}.json"
        path, _ = QFileDialog.getSaveFileName(self.window, "Export bookmarks and notes",
                                              str(Path.home() / name), "JSON (*.json)")
        if not path:
            return
        try:
            n_bookmarks, n_notes = self.store.export_json(path)
        except UserDataError as exc:
            plain.critical(self.window, "Export failed", str(exc))
            return
        self.window.statusBar().showMessage(
            f"Exported {n_bookmarks} bookmarks and {n_notes} notes to {path}.", 8000)

    def import_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import bookmarks and notes",
                                              str(Path.home()), "JSON (*.json)")
        if not path:
            return
        try:
            report = self.store.import_json(path)
        except UserDataError as exc:
            plain.critical(self.window, "Import failed", str(exc))
            return
        self.bookmarks.refresh()
        self.window.render_page(keep_scroll=True)
        plain.information(self.window, "Import finished", str(report))

    def close(self) -> None:
        self.notes.flush()
        self.store.close()
