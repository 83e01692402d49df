"""The layering DESIGN.md promises, checked on the source: rendering never imports widgets or
printing, the ui never touches SQL, no module takes part in an import cycle, and the command
line starts without Qt. import-linter (pyproject.toml) holds the layers and the Qt-free domain;
the checks here are the ones it cannot express (a subpackage of PySide6, a cycle through a
package's own `__init__`)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parents[1] / "src" / "ildesk"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_render_never_imports_widgets_or_printing():
    offenders = {p.name: sorted(i for i in _imports(p)
                                if "QtWidgets" in i or "QtPrintSupport" in i
                                or i.startswith("ildesk.ui"))
                 for p in (SRC / "render").rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    modules = sorted(graph.modules)  # first-party only: built without external packages
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_no_module_takes_part_in_an_import_cycle():
    # Imports under `if TYPE_CHECKING:` count too: the window's parts name the window they
    # belong to by its shape (a Protocol), never by importing it.
    graph = grimp.build_graph("ildesk")
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle(tmp_path, monkeypatch):
    pkg = tmp_path / "cyclic"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from cyclic import b\n")
    (pkg / "b.py").write_text("def f():\n    from cyclic import a\n")
    (pkg / "c.py").write_text("from cyclic import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles(grimp.build_graph("cyclic", cache_dir=None)) == [["cyclic.a", "cyclic.b"]]


def test_the_command_line_starts_without_qt_or_the_databases():
    code = ("import sys, ildesk.cli; ildesk.cli._parser(); "
            "print(sorted(m for m in ('PySide6', 'sqlalchemy', 'sqlite3', 'pydantic', 'yaml') "
            "if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_ui_never_writes_sql():
    bad = {}
    for path in (SRC / "ui").rglob("*.py"):
        found = sorted(i for i in _imports(path)
                       if i.split(".")[0] in ("sqlite3", "sqlalchemy"))
        if found:
            bad[str(path.relative_to(SRC))] = found
    assert bad == {}


def test_domain_never_imports_qt():
    for package in ("kb", "db", "search", "diagram", "factsheet", "userdata", "article",
                    "compare"):
        for path in (SRC / package).rglob("*.py"):
            assert not any(i.startswith("PySide6") for i in _imports(path)), path


def test_no_test_module_imports_another():
    """Helpers shared by test files live in tests/*_support.py: importing one test module
    from another runs (and collects) its tests twice and ties the two files together."""
    tests = Path(__file__).resolve().parent
    bad = {p.name: sorted(i for i in _imports(p) if i.startswith("tests.test_"))
           for p in tests.rglob("*.py")}
    assert {name: found for name, found in bad.items() if found} == {}
