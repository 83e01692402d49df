"""Shared fixtures. Qt runs offscreen; every test gets its own user folder; the content
database is the one `make` built when it is current, otherwise one built for this session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ildesk import paths
from ildesk.db.builder import build
from ildesk.db.engine import Content, open_content
from ildesk.kb import KnowledgeBase, load
from ildesk.search import Searcher

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("ILDESK_DATA", ROOT / "data"))


def _newest(folder: Path) -> float:
    return max(p.stat().st_mtime for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    loaded = load(DATA)
    assert not loaded.problems, "\n".join(str(p) for p in loaded.problems[:20])
    return loaded


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Iterator[Path]:
    made = paths.default_db()
    if made.is_file() and made.stat().st_mtime >= _newest(DATA):
        path = made
    else:
        path = tmp_path_factory.mktemp("content") / "ildesk.sqlite"
        build(kb, path)
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
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.test_search_quality import RESULTS

    if RESULTS:
        terminalreporter.write_sep("-", "search quality")
        terminalreporter.write_line(
            f"{RESULTS['queries']:.0f} queries: recall@1 {RESULTS['recall_at_1']:.3f}, "
            f"recall@5 {RESULTS['recall_at_5']:.3f}, MRR {RESULTS['mrr']:.3f}, "
            f"{RESULTS['failures']:.0f} case(s) below their bar")
