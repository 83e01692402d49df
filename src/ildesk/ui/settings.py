"""Window state (geometry, splitters, zoom, theme) in QSettings, kept in the user's folder.

ILDESK_USER_DIR points tests and portable use at another folder. When the folder cannot be
made, the window still starts (its state is then not kept); the library says why.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSettings

from ildesk.paths import user_dir


def settings() -> QSettings:
    folder = user_dir()
    with contextlib.suppress(OSError):  # QSettings then keeps the values in memory, and
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the library says why
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)
