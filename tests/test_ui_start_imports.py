"""What the window loads before its first complete paint (issue 17, point 13): printing, the
PDF renderer, the knowledge-base loader, the compare model and the drawing code load when
first used, not at start. The window is started for real (`ildesk open IL-6
--quit-after-paint`, offscreen) in a child process, which reports the modules it holds when
it quits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Loaded by what the first screen never shows: print and PDF export, data/ checking, the
# compare view, the diagram (drawn after the first paint), the user's library (opened after),
# the results table and its CSV export (the list is shown first).
NOT_AT_START = ("reportlab", "pydantic", "yaml", "rapidfuzz", "sqlalchemy",
                "PySide6.QtPrintSupport", "PySide6.QtSvg", "ildesk.render", "ildesk.kb.model",
                "ildesk.kb.loader", "ildesk.kb.schema", "ildesk.compare", "ildesk.factsheet",
                "ildesk.diagram", "ildesk.userdata", "ildesk.ui.printing",
                "ildesk.ui.compare_view", "ildesk.ui.shortcuts_help", "ildesk.ui.diagram_panel",
                "ildesk.ui.results_table", "ildesk.results.export", "csv",
                "ildesk.article.glossary")

CHILD = """
import json, os, sys
from pathlib import Path
import ildesk.ui.app as app

def leave(code):
    from PySide6.QtWidgets import QApplication
    import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets
    made = sorted(n for m in (core, gui, widgets)  # what was made, before style() below
                  for n, v in vars(m).items() if isinstance(v, type))
    style = QApplication.instance().style().name()
    sys.stdout.write(json.dumps({"code": code, "modules": sorted(sys.modules), "style": style,
                                 "qt_types": made}))
    sys.stdout.flush()
    os._exit(0)

app.leave = leave
app.run(db=Path(sys.argv[1]), page="IL-6", quit_after_paint=True)
"""


def _loaded_at_first_paint(db_path: Path, user_dir: Path
                           ) -> tuple[int, list[str], str, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILDESK_USER_DIR": str(user_dir)}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(db_path)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout, proc.stderr
    report = json.loads(proc.stdout)
    return report["code"], report["modules"], report["style"], report["qt_types"]


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in NOT_AT_START)]


@pytest.fixture(scope="module")
def at_first_paint(db_path: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[int, list[str], str, list[str]]:
    return _loaded_at_first_paint(db_path, tmp_path_factory.mktemp("user"))


def test_the_window_paints_its_first_page_without_the_heavy_modules(at_first_paint):
    code, modules, _style, _types = at_first_paint
    assert code == 0
    assert "ildesk.ui.main_window" in modules  # the window really opened
    assert "ildesk.article.html" in modules  # …and rendered the page
    assert _heavy(modules) == []


# Qt classes whose Python types (each with its enums) the first screen has no use for: the
# result list asks the list, not QStyle, whether a row is selected; the key handling asks a
# widget's class name; the diagram's full view is made when it is opened; the results table
# when it is first shown; a tree widget's own model is found without PySide6 trying every
# item-model class on it.
NOT_MADE_AT_START = ("QStyle", "QAbstractSpinBox", "QPlainTextEdit", "QDialog", "QTableView",
                     "QFileSystemModel", "QSortFilterProxyModel", "QUrl")


def test_the_first_paint_makes_no_python_type_it_does_not_use(at_first_paint):
    made = at_first_paint[3]
    assert "QTextBrowser" in made and "QListView" in made  # the report sees what is made
    assert [t for t in NOT_MADE_AT_START if t in made] == []


def test_the_program_draws_with_the_style_its_palettes_are_made_for(at_first_paint):
    """Fusion, set when the application is made (not by setStyle afterwards)."""
    assert at_first_paint[2] == "fusion"


def test_the_check_names_a_heavy_module_once_it_is_loaded():
    assert _heavy(["ildesk.compare.build", "ildesk.comparex", "PySide6.QtPrintSupport"]) == [
        "ildesk.compare.build", "PySide6.QtPrintSupport"]


def test_what_start_leaves_out_loads_when_it_is_used(window, qtbot):
    """The lazily imported parts still come when asked for: the compare view and the print
    and export machinery (the window fixture is the application's window in-process)."""
    from ildesk.ui import compare_menu

    view = compare_menu.compare_ids(window, ["il-4", "il-13"])
    assert view is not None
    qtbot.addWidget(view)
    assert "ildesk.compare" in sys.modules
    assert window.printing is not None
    assert "ildesk.ui.printing" in sys.modules
    window.results_mode.show_table(True)
    assert window.results_mode.table.isVisible()
    qtbot.waitUntil(lambda: window.results_mode.model.row_of("il-6") >= 0)  # rows read
