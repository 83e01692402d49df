"""Where ildesk finds its files: the content database, the data folder, resources, and the
user's own folder (library, window state).

A bundled executable (PyInstaller) carries the database inside its folder; a source checkout
builds it into the package folder with `ildesk build-db`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DB_NAME = "ildesk.sqlite"


def bundle_dir() -> Path | None:
    """The folder of a PyInstaller build, or None when running from source."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def default_db() -> Path:
    """The content database this program opens unless told otherwise (`--db`, ILDESK_DB)."""
    env = os.environ.get("ILDESK_DB")
    if env:
        return Path(env)
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "ildesk" / "content" / DB_NAME
    return PACKAGE_DIR / "content" / DB_NAME


def default_data_dir() -> Path | None:
    """The knowledge-base folder of a source checkout, or None in a bundle."""
    env = os.environ.get("ILDESK_DATA")
    if env:
        return Path(env)
    candidate = PACKAGE_DIR.parent.parent / "data"
    return candidate if (candidate / "families.yaml").is_file() else None


def resources_dir() -> Path:
    bundle = bundle_dir()
    if bundle is not None:
        return bundle / "resources"
    return PACKAGE_DIR.parent.parent / "resources"


def user_dir() -> Path:
    """The user's ildesk folder (library, window state); ILDESK_USER_DIR points tests and
    portable use elsewhere."""
    env = os.environ.get("ILDESK_USER_DIR")
    if env:
        return Path(env)
    import platformdirs  # only when the folder is needed: the command line rarely does

    return Path(platformdirs.user_data_dir("ildesk", appauthor=False))
