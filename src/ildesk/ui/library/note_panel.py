"""The note of the current page: a plain-text editor saved as you type (after a short pause),
and again whenever the page changes, the panel hides or the program quits."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ildesk.ui.library.common import error_text, local_time
from ildesk.userdata import UserDataError, UserStore

DEBOUNCE_MS = 600


class NotePanel(QWidget):
    """`saved(page_id)` after each save (so note search results can refresh);
    `error(text)` when a note could not be saved (the text stays in the editor)."""

    saved = Signal(str)
    error = Signal(str)

    def __init__(self, store: UserStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._page_id: str | None = None
        self._title = ""
        self._dirty = False
        self._loading = False
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
        return not self._dirty

    def set_page(self, page_id: str | None, title: str) -> None:
        """Show the note of `page_id` (None: no page), saving the previous one first."""
        self.flush()
        self._page_id, self._title = page_id, title
        note = None
        if page_id is not None:
            try:
                note = self._store.notes.get(page_id)
            except UserDataError as exc:
                self._show_error(exc)
        self._base = note.updated if note else None
        self._loading = True
        self.editor.setPlainText(note.text if note else "")
        self._loading = False
        self._dirty = False
        self.editor.setEnabled(page_id is not None)
        self.title.setText(f"Your note on {title}" if page_id is not None else "Your note")
        self.editor.setPlaceholderText(
            "Write your own note about this page. It is saved as you type."
            if page_id is not None else "Open a page to write a note about it.")
        if note is not None:
            self.status.setText(f"Saved · {local_time(note.updated)}")
        else:
            self.status.setText("")

    def flush(self) -> bool:
        """Save now if there are unsaved changes; False when saving failed."""
        self._timer.stop()
        if not self._dirty or self._page_id is None:
            return True
        try:
            note = self._store.notes.save(self._page_id, self.editor.toPlainText(), self._title,
                                          base=self._base)
        except UserDataError as exc:
            self._show_error(exc)
            return False
        self._dirty = False
        self._base = note.updated if note else None
        if note is not None and note.conflict:
            self._loading = True
            self.editor.setPlainText(note.text)
            self._loading = False
            self.status.setText("Another window changed this note meanwhile: both texts were "
                                f"kept, yours below the line. Saved · {local_time(note.updated)}")
        else:
            self.status.setText(f"Saved · {local_time(note.updated)}" if note else "Saved")
        self.saved.emit(self._page_id)
        return True

    def _edited(self) -> None:
        if self._loading or self._page_id is None:
            return
        self._dirty = True
        self.status.setText("Editing…")
        self._timer.start()

    def _show_error(self, exc: UserDataError) -> None:
        self.status.setText("Not saved: " + error_text(exc))
        self.error.emit(error_text(exc))

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
