"""`build_from_data(data_dir, target)`: load data/, check it, build the content database.

The one "load, check, build" that both `ildesk build-db` and the window's "Rebuild the
database" use, with the same messages. Every failure is a `DataBuildError` (what is wrong and
what to do); `problems` lists what is wrong in the files when that is the cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ildesk import paths
from ildesk.errors import ActionableError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ildesk.db.builder import Derived
    from ildesk.kb.model import KnowledgeBase, Problem


class DataBuildError(ActionableError):
    """The database was not built; nothing was written. `problems` are the knowledge base's,
    each relative to `data_dir`."""

    def __init__(self, message: str, advice: str = "", problems: list[Problem] | None = None,
                 data_dir: Path | None = None) -> None:
        super().__init__(message, advice)
        self.problems: list[Problem] = problems or []
        self.data_dir = data_dir


@dataclass(frozen=True)
class Built:
    """What was read and (unless only checked) written."""

    data_dir: Path
    counts: str                      # "31 interleukins, 40 receptor chains, …"
    path: Path | None = None         # None when only checked
    pages: int = 0
    data_version: str = ""


def _counts(kb: KnowledgeBase) -> str:
    return (f"{len(kb.interleukins)} interleukins, {len(kb.chains)} receptor chains, "
            f"{len(kb.molecules)} molecules, {len(kb.cell_types)} cell types, "
            f"{len(kb.diseases)} diseases, {len(kb.drugs)} drugs, {len(kb.articles)} articles")


def build_from_data(data_dir: Path | None, target: Path | None, *,
                    check_only: bool = False, derived: Iterable[Derived] = ()) -> Built:
    """Check `data_dir` (default: the checkout's data/) and build it into `target` (default:
    the content database this program opens), with the tables `derived` writes from it (the
    search snapshot: `ildesk.search.snapshot.write`). With `check_only`, write nothing."""
    try:
        from ildesk.db.builder import BuildError, build
        from ildesk.kb import load
    except ImportError as exc:  # the packaged program leaves the knowledge-base tools out
        raise DataBuildError(
            "this copy of ildesk cannot build databases: the packaged program carries its "
            "database ready-made, without the tools that check data/.",
            "Build from a source checkout (`make db`), then point the program at the result "
            "with --db.") from exc

    data = data_dir if data_dir is not None else paths.default_data_dir()
    if data is None:
        raise DataBuildError("no knowledge-base folder was found.", "Pass it with --data DIR.")
    kb = load(data)
    if kb.problems:
        raise DataBuildError(f"{len(kb.problems)} problem(s) in {data}; nothing was written.",
                             "Fix the files named above (see data/README.md for every field).",
                             kb.problems, data)
    counts = _counts(kb)
    if check_only:
        return Built(data, counts)
    try:
        result = build(kb, target if target is not None else paths.default_db(), derived)
    except BuildError as exc:
        raise DataBuildError(f"the build failed: {exc}.",
                             "The previous database (if any) was left as it was.") from exc
    return Built(data, counts, result.path, result.pages, result.data_version)
