"""Shared fixtures and settings. Qt runs offscreen; every test gets its own user folder; the
content database is built fresh from data/ for every session (0.6 s), so a test never reads
what an older builder wrote. Hypothesis runs the "dev" profile (300 examples, failures kept in
.hypothesis/ and replayed first), or "ci" (10,000) when the environment variable CI is set, as
`.ci/run` does; HYPOTHESIS_PROFILE picks one by name."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from ildesk.db.builder import build
from ildesk.db.engine import Content, open_content
from ildesk.kb import KnowledgeBase, load
from ildesk.search import Searcher, snapshot
from ildesk.userdata import UserStore

if TYPE_CHECKING:
    from ildesk.ui.library.controller import LibraryController
    from ildesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("ILDESK_DATA", ROOT / "data"))


# No health check is switched off here: a test that needs one off says so, and why. The
# deadline is off because speed belongs in `make bench`: on a busy 2-core machine a slow
# example is not a failure (tests/hostile_support.timed still fails a hang, at one second).
settings.register_profile("dev", max_examples=300, deadline=None)
settings.register_profile("ci", max_examples=10_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    loaded = load(DATA)
    assert not loaded.problems, "\n".join(str(p) for p in loaded.problems[:20])
    return loaded


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("content") / "ildesk.sqlite"
    # always this code's build of this data (with its search snapshot), never an old file
    build(kb, path, snapshot.DERIVED)
    old = os.environ.get("ILDESK_DB")
    os.environ["ILDESK_DB"] = str(path)  # subprocesses and default_db() use it too
    yield path
    if old is None:
        os.environ.pop("ILDESK_DB", None)
    else:
        os.environ["ILDESK_DB"] = old


@pytest.fixture(scope="session")
def content(db_path: Path) -> Iterator[Content]:
    with open_content(db_path) as c:
        yield c


@pytest.fixture(scope="session")
def searcher(db_path: Path) -> Iterator[Searcher]:
    s = Searcher(db_path)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user"
    monkeypatch.setenv("ILDESK_USER_DIR", str(folder))
    return folder


@pytest.fixture
def store(user_dir: Path) -> Iterator[UserStore]:
    """The personal library in this test's user folder, where the window also looks."""
    s = UserStore(user_dir / "user.sqlite")
    yield s
    s.close()


@pytest.fixture
def open_window(qtbot, content: Content, searcher: Searcher
                ) -> Iterator[Callable[..., MainWindow]]:
    """`open_window(width, height)`: a main window on screen with its first results listed.
    Every window opened is closed, and its background work finished, after the test."""
    from ildesk.ui.main_window import MainWindow

    opened: list[MainWindow] = []

    def open_(width: int = 1366, height: int = 768) -> MainWindow:
        w = MainWindow(content, searcher)
        qtbot.addWidget(w)
        w.resize(width, height)
        w.show()
        qtbot.waitUntil(lambda: w.model.rowCount() > 0)
        opened.append(w)
        return w

    yield open_
    for w in opened:
        if w.isVisible():  # a test may have closed it already (a restart)
            w.close()
        w.bg.wait()


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    """The main window at 1366 × 768, without the personal library."""
    return open_window()


@pytest.fixture
def open_library_window(qtbot, open_window: Callable[..., MainWindow]
                        ) -> Callable[[], tuple[MainWindow, LibraryController]]:
    """`open_library_window()`: a main window with the personal library attached the way the
    program attaches it (`ui.app.attach_library`), over this test's user folder. Call it again
    for a restart."""
    from ildesk.ui.app import attach_library

    def open_() -> tuple[MainWindow, LibraryController]:
        w = open_window()
        return w, attach_library(w, open_start_page=False)

    return open_


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.search_quality import BARS, RESULTS

    if not RESULTS:
        return
    w = terminalreporter.write_line
    terminalreporter.write_sep("-", "search quality (tests/search_quality.py)")
    w(f"{'class':<14}{'queries':>8}{'recall@1':>10}{'recall@5':>10}{'MRR':>8}"
      f"{'neighb.':>9}  bar (recall@5 / MRR / neighb.)")
    for cls, s in RESULTS.items():
        hood = f"{s.neighbourhood:.3f}" if s.neighbourhood is not None else "–"
        bar = BARS.get(cls)
        shown = (f"{bar[0]:.2f} / {bar[1]:.2f}" + (f" / {bar[2]:.2f}" if bar[2] else "")
                 if bar else f"{len(s.failures)} case(s) below their own k")
        w(f"{cls:<14}{s.queries:>8}{s.recall_at_1:>10.3f}{s.recall_at_5:>10.3f}{s.mrr:>8.3f}"
          f"{hood:>9}  {shown}")
