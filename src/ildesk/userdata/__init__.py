"""The user's own library: bookmarks, notes, history and preferences in their own SQLite file,
separate from the read-only content database. No Qt here; `ui/library/` shows it.
"""

from ildesk.userdata.bookmarks import Bookmark, clean_tags
from ildesk.userdata.errors import UserDataError
from ildesk.userdata.exchange import ImportReport
from ildesk.userdata.history import Visit
from ildesk.userdata.notehtml import note_to_html
from ildesk.userdata.notes import MARK_END, MARK_START, Note, NoteHit
from ildesk.userdata.prefs import PAGE_SIZES, START_PAGES, THEMES, Preferences
from ildesk.userdata.store import UserStore, default_path, user_dir

__all__ = [
    "MARK_END", "MARK_START", "PAGE_SIZES", "START_PAGES", "THEMES", "Bookmark",
    "ImportReport", "Note", "NoteHit", "Preferences", "UserDataError", "UserStore", "Visit",
    "clean_tags", "default_path", "note_to_html", "user_dir",
]
