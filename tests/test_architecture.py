"""The layering DESIGN.md promises, checked on the source: rendering never imports widgets,
the ui never touches SQL (import-linter holds the line that the domain imports no Qt)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "ildesk"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_render_never_imports_widgets():
    offenders = {p.name: sorted(i for i in _imports(p) if "QtWidgets" in i or i.startswith("ildesk.ui"))
                 for p in (SRC / "render").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_ui_never_writes_sql():
    bad = {}
    for path in (SRC / "ui").rglob("*.py"):
        found = sorted(i for i in _imports(path)
                       if i.split(".")[0] in ("sqlite3", "sqlalchemy"))
        if found:
            bad[str(path.relative_to(SRC))] = found
    assert bad == {}


def test_domain_never_imports_qt():
    for package in ("kb", "db", "search", "diagram", "factsheet", "userdata", "article"):
        for path in (SRC / package).rglob("*.py"):
            assert not any(i.startswith("PySide6") for i in _imports(path)), path
