"""Window state (geometry, splitters, zoom, theme) in QSettings, kept in the user's folder.

ILDESK_USER_DIR points tests and portable use at another folder.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ildesk.paths import user_dir


def settings() -> QSettings:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
