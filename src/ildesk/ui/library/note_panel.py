"""The note of the page on screen: a plain-text editor saved as you type (after a short pause),
and again whenever the page changes, the panel hides or the program quits.

Pages without a note of their own (Home, the overview articles) show why, and the editor takes
nothing. A note is kept in memory from the moment it is written until its save has landed, so a
slow or failed save (another window holding the library) never loses it: coming back to the
page shows it, and the next save tries again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ildesk.ui.library.common import WriteNow, Writer, error_text, local_time
from ildesk.userdata import UserDataError, UserStore
from ildesk.userdata.notes import Note

DEBOUNCE_MS = 600
NO_PAGE = "Open a page to write a note about it."
NO_NOTE = ("{title} takes no note of your own. Open a page about an interleukin, a receptor, "
           "a cell type, a disease or a drug to write one.")


@dataclass
class _Unsaved:
    """A note written here whose save has not landed (yet, or it failed)."""

    text: str
    title: str
    edit: int  # the edit it holds: a later edit makes this save old news
    failed: bool = False


class NotePanel(QWidget):
    """`saved(page_id)` after each save (so note search results can refresh);
    `error(text)` when a note could not be saved (the text stays in the editor)."""

    saved = Signal(str)
    error = Signal(str)

    def __init__(self, store: UserStore, parent: QWidget | None = None,
                 writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._writer: Writer = writer or WriteNow()
        self._page_id: str | None = None
        self._title = ""
        self._dirty = False
        self._loading = False
        self._edits = 0
        self._unsaved: dict[str, _Unsaved] = {}
        self._last_failed = False
        self._base: datetime | None = None  # the stored note's time when it was loaded
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        self.editor.textChanged.connect(self._edited)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.set_page(None, "")

    @property
    def page_id(self) -> str | None:
        return self._page_id

    def is_saved(self) -> bool:
        """True when everything typed on this page has been saved."""
        return not self._dirty and (self._page_id is None or self._page_id not in self._unsaved)

    def set_page(self, page_id: str | None, title: str) -> None:
        """Show the note of `page_id`, saving the previous one first. With `page_id` None,
        `title` names the page on screen that takes no note ("Home"), or is "" for none."""
        self.flush()
        self._page_id, self._title = page_id, title
        note: Note | None = None
        unsaved = self._unsaved.get(page_id) if page_id is not None else None
        if page_id is not None and unsaved is None:
            try:
                note = self._store.notes.get(page_id)
            except UserDataError as exc:
                self._show_error(exc)
        self._base = note.updated if note else None
        self._loading = True
        self.editor.setPlainText(unsaved.text if unsaved else note.text if note else "")
        self._loading = False
        self._dirty = bool(unsaved and unsaved.failed)  # the next save tries again
        self.editor.setEnabled(page_id is not None)
        self.editor.setReadOnly(page_id is None)
        if page_id is not None:
            self.title.setText(f"Your note on {title}")
            self.editor.setPlaceholderText(
                "Write your own note about this page. It is saved as you type.")
        else:
            self.title.setText(f"No note on {title}" if title else "Your note")
            self.editor.setPlaceholderText(NO_NOTE.format(title=title) if title else NO_PAGE)
        if unsaved is not None:
            self.status.setText("Not saved yet: it is kept here and saved again when you edit "
                                "or leave the page." if unsaved.failed else "Saving…")
        elif note is not None:
            self.status.setText(f"Saved · {local_time(note.updated)}")
        else:
            self.status.setText("" if page_id is not None or not title else
                                "Notes belong to the pages of the encyclopedia.")

    def flush(self) -> bool:
        """Save now if there are unsaved changes (and retry saves that failed on other
        pages); False when a save is known to have failed."""
        self._timer.stop()
        self._last_failed = False
        for page_id, unsaved in list(self._unsaved.items()):
            if unsaved.failed and page_id != self._page_id:
                self._save(page_id, unsaved.text, unsaved.title)
        if self._dirty and self._page_id is not None:
            self._dirty = False
            self.status.setText("Saving…")
            self._save(self._page_id, self.editor.toPlainText(), self._title)
        return not self._last_failed

    def _save(self, page_id: str, text: str, title: str) -> None:
        edit = self._edits
        self._unsaved[page_id] = _Unsaved(text, title, edit)
        # The stored version this text was written over: a newer one from another window is
        # kept beside it rather than overwritten.
        base = self._base if page_id == self._page_id else None
        self._writer.write(lambda: self._store.notes.save(page_id, text, title, base=base),
                           lambda note: self._landed(page_id, edit, note),
                           lambda exc: self._failed(page_id, edit, exc))

    def _landed(self, page_id: str, edit: int, note: Note | None) -> None:
        unsaved = self._unsaved.get(page_id)
        if unsaved is not None and unsaved.edit == edit:
            del self._unsaved[page_id]
        if page_id == self._page_id:
            self._base = note.updated if note else None
        if note is not None and note.conflict and page_id == self._page_id:
            self._loading = True
            self.editor.setPlainText(note.text)
            self._loading = False
            self._dirty = False
            self.status.setText("Another window changed this note meanwhile: both texts were "
                                f"kept, yours below the line. Saved · {local_time(note.updated)}")
        elif page_id == self._page_id and not self._dirty and page_id not in self._unsaved:
            self.status.setText(f"Saved · {local_time(note.updated)}" if note else "Saved")
        self.saved.emit(page_id)

    def _failed(self, page_id: str, edit: int, exc: Exception) -> None:
        self._last_failed = True
        unsaved = self._unsaved.get(page_id)
        if unsaved is not None and unsaved.edit == edit:
            unsaved.failed = True
        if page_id == self._page_id:
            self._dirty = True  # the editor still holds the text; the next save retries
            self._show_error(exc)
        else:
            self.error.emit(f"Your note on {unsaved.title if unsaved else page_id} is not "
                            f"saved yet ({error_text(exc)}); ildesk keeps it and tries again.")

    def _edited(self) -> None:
        if self._loading or self._page_id is None:
            return
        self._edits += 1
        self._dirty = True
        self.status.setText("Editing…")
        self._timer.start()

    def _show_error(self, exc: Exception) -> None:
        self.status.setText("Not saved: " + error_text(exc))
        self.error.emit(error_text(exc))

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
