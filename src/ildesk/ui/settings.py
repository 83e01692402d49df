"""Window state (geometry, splitters, zoom, theme) in QSettings, kept in the user's folder.

ILDESK_USER_DIR points tests and portable use at another folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings


def user_dir() -> Path:
    env = os.environ.get("ILDESK_USER_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("ildesk", appauthor=False))


def settings() -> QSettings:
    folder = user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
