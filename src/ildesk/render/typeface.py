"""The bundled typeface (DejaVu Sans Condensed, embedded in PDFs and SVGs) and the
application object Qt needs before any font can be loaded or measured."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FALLBACK_FAMILY = "DejaVu Sans"

_app: Any = None
_family: str | None = None


def ensure_app() -> None:
    """Make a QGuiApplication if none exists (the command line, tests without pytest-qt),
    offscreen when there is no display."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _app = QGuiApplication(sys.argv[:1])


def family() -> str:
    """The family name of the bundled typeface, loading it on first use."""
    global _family
    if _family is None:
        ensure_app()
        found: list[str] = []
        for ttf in sorted(FONT_DIR.glob("*.ttf")):
            fid = QFontDatabase.addApplicationFont(str(ttf))
            if fid >= 0:
                found += QFontDatabase.applicationFontFamilies(fid)
        _family = found[0] if found else FALLBACK_FAMILY
    return _family
