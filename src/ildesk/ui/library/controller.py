"""The personal library in the window: bookmarks and notes docks, the star (Ctrl+D), history,
preferences, export and import. It owns the user store and plugs into the window through its
declared interface only: `reader.page_changed` (the note and star follow the page on screen),
`add_provider` (the note under the article, note hits in the list), the signals
`zoom_changed`, `theme_changed` and `closing`, and `actions.add` for its menu entries.

Every write to the library runs on the background helper's LIBRARY lane (`writer.py`), so a
library another ildesk window has locked never freezes this one; reads stay on the GUI thread
(the library's WAL journal never makes a reader wait for a writer).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from ildesk.search import SearchHit
from ildesk.ui import plain
from ildesk.ui.library import BookmarksPanel, HistoryDialog, NotePanel, PreferencesDialog
from ildesk.ui.library.common import error_text
from ildesk.ui.library.writer import BackgroundWriter
from ildesk.ui.reading import Shown
from ildesk.ui.save_dialog import ask_save_path
from ildesk.userdata import Preferences, UserStore, note_to_html
from ildesk.wording import plural

_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
NOTICE_MS = 8000

if TYPE_CHECKING:
    from ildesk.ui.main_window import MainWindow


class LibraryController(QObject):
    """Attributes: `store`, `prefs` (as last saved), `writer`, `bookmarks`, `notes`, `star`."""

    def __init__(self, window: MainWindow, store: UserStore) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.prefs = store.prefs.load()
        self._closed = False
        self.writer = BackgroundWriter(window.bg, self)
        self.writer.waiting.connect(lambda text: window.statusBar().showMessage(text))
        self.writer.caught_up.connect(lambda text: window.statusBar().showMessage(text, 4000))
        self.bookmarks = BookmarksPanel(store, set(window.labels), window, self.writer)
        self.bookmarks.page_requested.connect(window.open_page)
        self.bookmarks.error.connect(self._tell)
        self.bookmarks.bookmarks_changed.connect(lambda: self._update_star(window.reader.shown))
        self.notes = NotePanel(store, window, self.writer)
        self.notes.error.connect(self._tell)
        self.notes.saved.connect(self._note_saved)
        docks = window.docks  # made, placed and sized before the window was first painted
        self.bookmarks_dock, self.notes_dock = docks.bookmarks_dock, docks.notes_dock
        docks.put(self.bookmarks_dock, self.bookmarks)
        docks.put(self.notes_dock, self.notes)
        window.keys.add_pane("note", self.notes_dock, self.notes.editor)
        self._actions()
        window.reader.page_changed.connect(self._page_changed)
        window.add_provider(self)
        window.zoom_changed.connect(self._save_zoom)
        window.theme_changed.connect(self._save_theme)
        window.closing.connect(self.close)
        self.apply(self.prefs, first=True)
        self._follow(window.reader.shown)

    def _actions(self) -> None:
        w = self.window
        self.star = QAction("Star this page", w)
        self.star.setObjectName("star")
        self.star.setCheckable(True)
        self.star.setShortcut(QKeySequence("Ctrl+D"))
        self.star.setToolTip("Star this page (Ctrl+D)")
        self.star.triggered.connect(self.toggle_star)
        w.nav_toolbar.addAction(self.star)
        actions = w.menus
        actions.go_menu.addSeparator()
        actions.add(actions.go_menu, "Histor&y…", self.show_history, "Ctrl+H", "history")
        actions.add(actions.go_menu, "Boo&kmarks", self.show_bookmarks, "Ctrl+Shift+B",
                    "bookmarks")
        actions.edit_menu.addSeparator()
        actions.add(actions.edit_menu, "&Preferences…", self.show_preferences,
                    QKeySequence.StandardKey.Preferences, "preferences")
        file_menu = actions.file_menu
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

    def _tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, NOTICE_MS)

    # -- the page on screen ---------------------------------------------------------------

    def _follow(self, shown: Shown) -> None:
        """The note and the star follow the page on screen (Home and the overview articles
        take neither)."""
        if shown.personal:
            self.notes.set_page(shown.page_id, shown.title)
        else:
            self.notes.set_page(None, shown.title if shown.page_id or shown.is_home else "")
        self._update_star(shown)

    def _page_changed(self, shown: Shown) -> None:
        self._follow(shown)
        self.record(shown)

    def record(self, shown: Shown) -> None:
        """Put the page on screen in the history (when the preferences keep one)."""
        page_id, title = shown.page_id, shown.title
        if page_id is not None and (self.prefs.history_enabled or self.prefs.reopen_last):
            self.writer.write(lambda: self.store.history.record(page_id, title),
                              lambda _recorded: None, lambda exc: self._tell(error_text(exc)))

    def _note_saved(self, page_id: str) -> None:
        if self.window.reader.shown.page_id == page_id:
            self.window.render_page(keep_scroll=True)

    def _update_star(self, shown: Shown) -> None:
        starred = shown.personal and self.bookmarks.is_starred(shown.page_id or "")
        self.star.setEnabled(shown.personal)
        self.star.setChecked(starred)
        self.star.setText("★ Starred" if starred else "☆ Star")
        self.star.setToolTip("Star this page (Ctrl+D)" if shown.personal else
                             f"{shown.title} cannot be starred: stars mark the pages of the "
                             "encyclopedia.")

    def toggle_star(self) -> None:
        shown = self.window.reader.shown
        if not shown.personal or shown.page_id is None:
            self._update_star(shown)
            return
        now = self.bookmarks.toggle(shown.page_id, shown.title)
        self._tell("Starred." if now else "Star removed.")
        self._update_star(shown)

    # -- what the library adds to the window (a ContentProvider) --------------------------

    def note_html(self, page_id: str) -> str:
        note = self.store.notes.get(page_id)
        return note_to_html(note.text) if note and note.text.strip() else ""

    def extra_hits(self, text: str) -> list[SearchHit]:
        if not text.strip():
            return []
        hits = []
        for page_id, snippet in self.store.search_notes(text, limit=20):
            short = self.window.labels.get(page_id, (page_id, ""))[0]
            # the row says "Your note" on its right; the snippet is the note's text, as text
            text_only = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), snippet)
            hits.append(SearchHit(page_id, "note", short, 0.0, text_only, short=short))
        return hits

    # -- dialogs and preferences ----------------------------------------------------------

    def show_history(self) -> None:
        dialog = HistoryDialog(self.store, self.window, self.writer)
        dialog.page_requested.connect(self.window.open_page)
        dialog.exec()

    def show_preferences(self) -> None:
        dialog = PreferencesDialog(self.store, self.window.labels, self.window, self.writer)
        dialog.changed.connect(self.apply)
        dialog.exec()

    def apply(self, prefs: Preferences, first: bool = False) -> None:
        """Show the window as `prefs` say (`first`: before anything was drawn with them)."""
        self.prefs = prefs
        w = self.window
        w.page_size = prefs.page_size
        w.margins_mm = prefs.margin_mm
        w.zoom = prefs.text_zoom / 100.0
        # The library opens after the first paint, which used window.ini's copy of the theme:
        # when the two differ (a copied or reset window.ini), what was drawn is drawn again.
        w.apply_theme(prefs.theme, restyle=not first or prefs.theme != w.theme_name())

    def _update_prefs(self, **changes: object) -> None:
        def done(prefs: Preferences) -> None:
            self.prefs = prefs

        self.writer.write(lambda: self.store.prefs.update(**changes), done,
                          lambda exc: self._tell(error_text(exc)))

    def _save_zoom(self, zoom: float) -> None:
        if round(zoom * 100) != self.prefs.text_zoom:
            self._update_prefs(text_zoom=round(zoom * 100))

    def _save_theme(self, name: str) -> None:
        if name != self.prefs.theme:
            self._update_prefs(theme=name)

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

    # -- export, import, close ------------------------------------------------------------

    def export_library(self) -> None:
        name = f"ildesk-library-{dt.date.today().isoformat()}.json"
        chosen = ask_save_path(self.window, "Export bookmarks and notes", Path.home() / name,
                               "JSON (*.json)", ".json")
        if chosen is None:
            return
        path = str(chosen)

        def done(counts: tuple[int, int]) -> None:
            self.window.show_saved(Path(path), f"Exported {plural(counts[0], 'bookmark')} and "
                                   f"{plural(counts[1], 'note')}")

        self.writer.write(lambda: self.store.export_json(path), done,
                          lambda exc: self._refused("Export failed", exc))

    def import_library(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import bookmarks and notes",
                                              str(Path.home()), "JSON (*.json)")
        if not path:
            return

        def done(report: object) -> None:
            self.bookmarks.refresh()
            self.window.render_page(keep_scroll=True)
            plain.information(self.window, "Import finished", str(report))

        self.writer.write(lambda: self.store.import_json(path), done,
                          lambda exc: self._refused("Import failed", exc))

    def _refused(self, title: str, exc: Exception) -> None:
        plain.critical(self.window, title, error_text(exc))

    def close(self) -> None:
        """Save the note being written, wait for every write to land, close the store."""
        if self._closed:
            return
        self._closed = True
        self.notes.flush()
        self.writer.wait()
        self.store.close()
