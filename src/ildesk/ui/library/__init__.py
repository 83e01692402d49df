"""The personal library in the window: bookmarks, the note of the current page, history and
preferences. Every widget here calls `ildesk.userdata.UserStore`; none writes SQL.
"""

from ildesk.ui.library.bookmarks_panel import BookmarksPanel
from ildesk.ui.library.history_panel import HistoryDialog, HistoryPanel
from ildesk.ui.library.note_panel import NotePanel
from ildesk.ui.library.preferences_dialog import PreferencesDialog

__all__ = ["BookmarksPanel", "HistoryDialog", "HistoryPanel", "NotePanel", "PreferencesDialog"]
