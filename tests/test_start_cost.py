"""Start-up savings that must not change behaviour: PySide6's source scan is skipped for
ildesk's modules (feature_scan), the content database is checked on a thread while Qt loads
(CheckAhead), and a scroll area's viewport is fetched without PySide6's class search."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ildesk.db.engine import CheckAhead, ContentDbError, open_content
from ildesk.ui import feature_scan

SRC = Path(__file__).resolve().parent.parent / "src" / "ildesk"


def test_no_ildesk_module_uses_a_pyside_feature_switch():
    # feature_scan records every ildesk module as using none; that holds only while none does
    users = [(p.name, line) for p in SRC.rglob("*.py")
             for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip().startswith(("from __feature__", "import __feature__"))]
    assert users == []


def test_module_names_lists_every_module_by_its_dotted_name():
    names = set(feature_scan.module_names(SRC, "ildesk"))
    assert {"ildesk", "ildesk.ui.app", "ildesk.db.pages._reader", "ildesk.ui.main_window",
            "ildesk.ui.main_window.keys", "ildesk.__main__"} <= names
    assert not any("__pycache__" in n or n.endswith("__init__") for n in names)
    # each source file once: a module by its name, a package's __init__ by the package's
    assert len(names) == len(list(SRC.rglob("*.py")))


def _scanned_while_the_window_loads(marked: bool) -> list[str]:
    """In a fresh interpreter, the ildesk modules whose sources PySide6 reads while the
    window's modules load, with or without `mark_own_modules` run first."""
    code = (
        "import sys, PySide6\n"
        "from ildesk.ui.feature_scan import mark_own_modules\n"
        f"{'mark_own_modules()' if marked else 'pass'}\n"
        "m = sys.modules['shibokensupport.feature']\n"
        "seen = []\n"
        "orig = m._mod_uses_pyside\n"
        "m._mod_uses_pyside = lambda mod: (seen.append(mod.__name__), orig(mod))[1]\n"
        "import ildesk.ui.main_window, ildesk.ui.app\n"
        "print(' '.join(sorted(n for n in seen if n.startswith('ildesk'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return out.split()


def test_the_window_modules_are_not_scanned_when_they_load():
    assert len(_scanned_while_the_window_loads(marked=False)) > 20  # the check can fail
    assert _scanned_while_the_window_loads(marked=True) == []


def test_check_ahead_opens_the_database_as_open_content_does(db_path):
    with CheckAhead(db_path).content() as ahead, open_content(db_path) as plain:
        assert ahead.info == plain.info
        assert ahead.sqlite.execute("SELECT count(*) FROM page").fetchone() == \
            plain.sqlite.execute("SELECT count(*) FROM page").fetchone()


def test_check_ahead_raises_what_the_check_found_and_checks_again(db_path, tmp_path):
    target = tmp_path / "ildesk.sqlite"
    ahead = CheckAhead(target)  # missing
    with pytest.raises(ContentDbError, match="does not exist"):
        ahead.content()
    shutil.copy(db_path, target)  # as a rebuild would
    with ahead.content() as content:
        assert content.info.counts


def test_a_damaged_database_fails_the_same_way_on_the_thread(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 10)
    with pytest.raises(ContentDbError) as plain:
        open_content(bad)
    with pytest.raises(ContentDbError) as ahead:
        CheckAhead(bad).content()
    assert ahead.value.message == plain.value.message


def test_viewport_is_the_scroll_areas_viewport(qtbot):
    from PySide6.QtWidgets import QListView, QTextBrowser

    from ildesk.ui.viewport import viewport

    for area in (QTextBrowser(), QListView()):
        qtbot.addWidget(area)
        assert viewport(area) is area.viewport()


@pytest.mark.parametrize(("argv", "named"), [
    (["open", "IL-6", "--quit-after-paint"], "open"),
    (["--db", "x.sqlite", "show", "IL-6"], "show"),
    (["--db=x.sqlite", "self-test"], "self-test"),
    ([], ""),  # plain `ildesk`: the window, no command to load
    (["--db", "x.sqlite"], ""),
    (["--db"], None),  # the whole parser says what is missing
    (["--help"], None),
    (["--version"], None),
    (["shwo", "IL-6"], None),  # a misspelt command: the whole parser lists the right ones
])
def test_the_parser_knows_which_command_to_load(argv, named):
    from ildesk.cli import named_command

    assert named_command(argv) == named


def _command_modules_loaded(argv: list[str]) -> list[str]:
    code = ("import sys\nfrom ildesk.cli import _parser\n"
            f"_parser({argv!r}).parse_args({argv!r})\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('ildesk.cli.')"
            " and m != 'ildesk.cli.common')))\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.split()


def test_a_command_loads_only_its_own_module():
    assert _command_modules_loaded(["open", "IL-6"]) == ["ildesk.cli.open_window"]
    assert _command_modules_loaded(["facets"]) == ["ildesk.cli.search"]
    assert _command_modules_loaded([]) == []
    assert _command_modules_loaded(["--db", "x"]) == []


def test_help_and_misspelt_commands_still_see_every_command(capsys):
    from ildesk.cli import COMMANDS, main

    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(f"    {c} " in listed or f"    {c}\n" in listed for c in COMMANDS)
    with pytest.raises(SystemExit) as exit_:
        main(["shwo", "IL-6"])
    assert exit_.value.code == 2
    assert "'show'" in capsys.readouterr().err  # the choices name the command meant


def test_the_window_icon_comes_in_every_size_without_the_svg_plugin(qapp: object) -> None:
    """The taskbar and title bar get a sharp icon at each size, from the PNGs, so that the
    SVG plugin need not load before the first paint."""
    from PySide6.QtCore import QSize

    from ildesk import paths
    from ildesk.ui.app import _icon

    icon = _icon()
    on_disk = {int(p.stem.split("-")[1])
               for p in (paths.resources_dir() / "icons").glob("ildesk-*.png")}
    assert {16, 32, 256} <= on_disk
    assert set(icon.availableSizes()) == {QSize(n, n) for n in on_disk}


def test_question_patterns_still_read_questions_after_being_compiled_lazily() -> None:
    from ildesk.search.intent import parse

    assert parse("drugs for psoriasis") == ("psoriasis", "drugs", True)
    assert parse("how does IL-6 work") == ("IL-6", "", True)
    assert parse("neutrophil chemotaxis") == ("neutrophil chemotaxis", "", False)


def test_opening_the_window_pauses_collection_and_always_resumes_it(monkeypatch):
    """`ildesk open` collects no garbage while the window loads (what it makes lives on),
    and collection is on again however the opening ends."""
    import argparse
    import gc

    from ildesk.cli import open_window

    seen: list[bool] = []

    def failing_open(args: argparse.Namespace, ids: list[str] | None) -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("the window could not open")

    monkeypatch.setattr(open_window, "_has_display", lambda: True)
    monkeypatch.setattr(open_window, "_open", failing_open)
    with pytest.raises(RuntimeError):
        open_window.cmd_open(argparse.Namespace(db=None, name="IL-6"))
    assert seen == [False]
    assert gc.isenabled()


RESUMES_CHILD = """
import gc, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import ildesk.ui.app as app
import ildesk.ui.main_window as main_window

if sys.argv[2] == "failing":  # the first search fails: the window says so, and goes on
    from ildesk.search.engine import Searcher

    def broken(self, *args, **kwargs):
        raise RuntimeError("no search today")

    Searcher.search = broken
gc.disable()  # as `ildesk open` has it while the window loads
waited = [0]

def look():
    waited[0] += 1
    window = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, main_window.MainWindow)), None)
    library = window is not None and bool(window._providers)  # the library adds itself
    if (gc.isenabled() and library) or waited[0] > 400:
        sys.stdout.write(("collecting" if gc.isenabled() else "not collecting")
                         + (", library" if library else ", no library"))
        sys.stdout.flush()
        QApplication.instance().quit()
    else:
        QTimer.singleShot(25, look)

QTimer.singleShot(0, look)
app.leave = lambda code: None
app.run(db=Path(sys.argv[1]), page="IL-6")
"""


@pytest.mark.parametrize("first_search", ["answering", "failing"])
def test_the_open_window_collects_garbage_again_once_its_first_screen_is_up(
        db_path, tmp_path, first_search):
    """Collection resumes, and the library attaches, after the first results; when the
    first search fails, a little later all the same."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ILDESK_USER_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", RESUMES_CHILD, str(db_path), first_search],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert proc.stdout == "collecting, library", proc.stderr


def test_a_window_closed_before_its_first_results_gets_no_library_later(qtbot, monkeypatch,
                                                                       db_path):
    """The late start of the diagram and the library (after the first results, or after a
    wait when they do not come) leaves a window alone once it has closed."""
    from PySide6.QtWidgets import QApplication

    from ildesk.cli import main
    from ildesk.search.engine import Searcher
    from ildesk.ui import app as ui_app
    from ildesk.ui.main_window import MainWindow

    def broken(self: object, *args: object, **kwargs: object) -> object:
        raise RuntimeError("no search today")

    qapp = QApplication.instance()
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)  # returns at once: the window closes
    monkeypatch.setattr(Searcher, "search", broken)  # no first results: the wait decides
    monkeypatch.setattr(ui_app, "FIRST_RESULTS_WAIT_MS", 50)
    before = set(QApplication.topLevelWidgets())
    assert main(["--db", str(db_path), "open", "IL-6"]) == 0
    windows = [w for w in QApplication.topLevelWidgets()
               if w not in before and isinstance(w, MainWindow)]
    assert len(windows) == 1 and not windows[0].isVisible()
    qtbot.addWidget(windows[0])  # deleted after the test
    qtbot.wait(50 + ui_app.LIBRARY_DELAY_MS + 300)
    windows[0].bg.wait()
    assert windows[0]._providers == []  # no library was opened for it
