"""Spare the window PySide6's source scan of every module it imports.

Once PySide6 is imported, it wraps Python's import: after each module loads, it reads that
module's whole source (`inspect.getsource`) to learn whether the module uses PySide's
`from __feature__ import …` switches (snake_case names, true properties), unless the module's
name is already in its table of answers. For ildesk's ninety-odd window modules that reading
costs 15–20 ms of every start, a tenth of the time to the first paint.

ildesk uses no `__feature__` switch (a test reads every source to keep it so), so the answer
for each of its modules is known before it is imported: the default selection, 0, the value
the scan itself records for a module that names PySide6. `mark_own_modules` writes that
answer for every module in the package, found by listing its folders, and the scan's own
"does not use PySide6" for the standard library's modules, which ildesk's imports also pass
through. Where the table or the folders are not there (another PySide6 release; a packaged
build keeps no sources, so the scan finds nothing to read), it does nothing, and PySide6
scans as before: slower, never wrong.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path

DEFAULT_SELECTION = 0  # PySide6's id for "no feature switched on"
NOT_PYSIDE = -1  # its id for a module that does not use PySide6 (never switched)


def _table() -> MutableMapping[str, int] | None:
    """PySide6's table of scanned modules (module name → feature selection), if it has one."""
    feature = sys.modules.get("__feature__")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, MutableMapping) else None


def module_names(package_dir: Path, package: str) -> Iterator[str]:
    """Every module and package under `package_dir` by its dotted name, from the folder
    listing alone (nothing is imported)."""
    try:
        entries = list(os.scandir(package_dir))
    except OSError:
        return
    yield package
    for entry in entries:
        if entry.name.startswith(".") or entry.name in ("__init__.py", "__pycache__"):
            continue
        if entry.is_dir():
            folder = Path(entry.path)
            if (folder / "__init__.py").is_file():
                yield from module_names(folder, f"{package}.{entry.name}")
        elif entry.name.endswith(".py"):
            yield f"{package}.{entry.name[:-3]}"


def _standard_library() -> Iterator[str]:
    """The standard library's top-level modules, and those of its submodules already loaded
    (`json.decoder`): none of them uses PySide6."""
    yield from sys.stdlib_module_names
    for name in list(sys.modules):
        if name.partition(".")[0] in sys.stdlib_module_names:
            yield name


def mark_own_modules() -> int:
    """Record ildesk's modules as using no PySide6 feature, and the standard library's as not
    using PySide6, so that none of them is scanned; returns how many were recorded (0 when
    PySide6 keeps no such table). PySide6 is imported here, after this module's own imports,
    which so pass unscanned."""
    import PySide6  # noqa: F401  (sets up the table)

    table = _table()
    if table is None:
        return 0
    root = Path(__file__).resolve().parent.parent
    count = 0
    for names, answer in ((module_names(root, "ildesk"), DEFAULT_SELECTION),
                          (_standard_library(), NOT_PYSIDE)):
        for name in names:
            if name not in table:
                table[name] = answer
                count += 1
    return count
