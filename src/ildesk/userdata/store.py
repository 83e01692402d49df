"""`UserStore`: the user's own library (bookmarks, notes, history, preferences) in one
SQLite file, by default `<user data dir>/user.sqlite`.

    store = UserStore()              # or UserStore(path), or UserStore.in_memory()
    for text in store.notices: show(text)   # e.g. "Your library file was damaged …"
    store.bookmarks.add("il-6", "Interleukin 6")
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from ildesk.paths import user_dir
from ildesk.userdata import exchange
from ildesk.userdata.bookmarks import Bookmarks
from ildesk.userdata.database import MEMORY, Database, Unusable, UserDataError
from ildesk.userdata.exchange import ImportReport
from ildesk.userdata.history import History
from ildesk.userdata.notes import Notes
from ildesk.userdata.prefs import Prefs

FILE_NAME = "user.sqlite"


def default_path() -> Path:
    return user_dir() / FILE_NAME


class UserStore:
    """The open user database. `notices` holds messages to show the person once."""

    def __init__(self, path: Path | str | None = None, *, _db: Database | None = None) -> None:
        self._db = _db or Database(default_path() if path is None else path)
        self.path = self._db.path
        self.temporary = self.path is None  # nothing is kept after ildesk closes
        self.notices: list[str] = self._db.notices
        self.bookmarks = Bookmarks(self._db)
        self.notes = Notes(self._db)
        self.history = History(self._db)
        self.prefs = Prefs(self._db)

    @classmethod
    def in_memory(cls) -> UserStore:
        """A library that lasts until the program ends (tests, or when no file can be used)."""
        return cls(MEMORY)

    @classmethod
    def open_default(cls, path: Path | str | None = None) -> UserStore:
        """The user's library, or, when it cannot be opened, a temporary one — holding a
        read-only copy of the file when it can still be read — with notices saying why and
        that nothing will be kept. Earlier notices (a file set aside) are kept. Never raises."""
        try:
            return cls(path)
        except UserDataError as exc:
            target = default_path() if path is None else Path(path)
            copy = target if isinstance(exc, Unusable) and exc.copy else None
            db = Database(MEMORY, notices=list(exc.notices), copy_of=copy)
            kept = ("Your bookmarks and notes are shown from a read-only copy; changes "
                    "made now will not be kept after ildesk closes." if db.copied else
                    "This session uses a temporary library: bookmarks, notes and history "
                    "will not be kept after ildesk closes.")
            db.notices.append(f"{exc.message} {exc.advice} {kept}")
            return cls(_db=db)

    def export_json(self, path: Path | str) -> tuple[int, int]:
        """Write bookmarks and notes to `path` (atomically); returns (bookmarks, notes)."""
        return exchange.export_file(self._db, Path(path))

    def import_json(self, path: Path | str) -> ImportReport:
        """Merge an export into this library; a bad file raises UserDataError, changes nothing."""
        return exchange.import_file(self._db, Path(path))

    def search_notes(self, query: str, limit: int = 50) -> list[tuple[str, str]]:
        """(page_id, snippet) for every note matching `query`; see Notes.search."""
        return [(h.page_id, h.snippet) for h in self.notes.search(query, limit)]

    def integrity(self) -> str:
        """`PRAGMA integrity_check` of the file: "ok" when it is sound."""
        return self._db.raw_integrity()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> UserStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
