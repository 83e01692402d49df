"""Helpers for the fact-sheet tests: the content database, running the CLI, reading PDFs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _poppler(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} (poppler-utils) is not installed; `make test` installs it through "
                    "packaging/system-deps.sh, or run: apt-get install poppler-utils")
    return exe


def pdf_text(pdf: Path) -> str:
    out = subprocess.run([_poppler("pdftotext"), "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True)
    return out.stdout


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run([_poppler("pdfinfo"), str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    assert m, out
    return int(m.group(1))


def pdf_info(pdf: Path) -> str:
    return subprocess.run([_poppler("pdfinfo"), str(pdf)], check=True, capture_output=True,
                          text=True).stdout


def run_cli(db: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`ildesk ARGS` in a fresh process, offscreen, reading the database `db`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILDESK_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "ildesk", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)
