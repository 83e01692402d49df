"""What goes into the packaged ildesk, and what is left out: pure rules, no PyInstaller.

The spec (packaging/ildesk.spec) imports this module: `EXCLUDED_MODULES` goes to the
Analysis' `excludes`, and `keep_binary` / `keep_data` filter `a.binaries` / `a.datas` after
PyInstaller's Qt hooks have collected everything they think a Qt program might need.
tests/test_packaging.py checks the rules without building anything.

ildesk uses QtCore, QtGui, QtWidgets, QtSvg (icons, diagram SVG export) and QtPrintSupport
(printing and PDF). Everything else from Qt is left out: QML and Quick, networking (ildesk never
touches the network), Designer, WebEngine, Multimedia, 3D, PDF viewing, serial ports, SQL
drivers (SQLite is read through Python's sqlite3), translations (the interface is English),
and every plugin none of the kept modules load.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath

# -- Python modules -----------------------------------------------------------------------

# The Qt modules ildesk imports (PySide6.<name>); everything else of PySide6 is excluded.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPrintSupport")

QT_MODULES_EXCLUDED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent",
    "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf",
    "QtPdfWidgets", "QtPositioning", "QtQml", "QtQmlFeatures", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore",
    "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)

# Python packages that are installed next to ildesk (dev tools) or that the standard library
# offers but ildesk never uses; PyInstaller would otherwise follow optional imports into them.
PYTHON_EXCLUDED = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "ensurepip", "venv", "distutils", "setuptools", "pkg_resources", "pip", "wheel",
    "PyInstaller", "pytest", "_pytest", "pytestqt", "hypothesis", "mypy", "ruff",
    "importlinter", "grimp", "IPython", "numpy", "matplotlib", "PIL", "ssl", "_ssl",
    "_hashlib", "pygments", "rich", "markdown_it", "mdurl", "docutils", "jinja2",
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    "tests",
    # The knowledge-base tools (validating data/ for build-db): the packaged program reads
    # its bundled database and carries no data/ folder, so it does not need them (5.5 MB).
    "pydantic", "pydantic_core", "annotated_types", "typing_inspection", "yaml", "_yaml",
    "ildesk.kb.loader", "ildesk.kb.validate", "ildesk.kb.schema", "ildesk.kb.drug_checks",
    "ildesk.db.builder", "ildesk.db.build_writer", "ildesk.db.build_labels",
    "ildesk.db.build_drugs",
)

EXCLUDED_MODULES = tuple(f"PySide6.{m}" for m in QT_MODULES_EXCLUDED) + PYTHON_EXCLUDED

# -- Qt shared libraries ------------------------------------------------------------------

# Qt libraries (libQt6<Name>.so.6, Qt6<Name>.dll, Qt<Name>.framework) that ildesk needs:
# the five modules above plus what their plugins link (DBus on Linux for Gui, XcbQpa for
# X11, WaylandClient for Wayland). Any other Qt library is dropped.
QT_LIBS_KEPT = ("Core", "Gui", "Widgets", "Svg", "PrintSupport", "DBus", "XcbQpa",
                "WaylandClient")

_QT_LIB = re.compile(r"^(?:lib)?Qt6?([A-Za-z0-9]+?)(?:\.abi3)?(?:\.so(?:\.\d+)*|\.dll|\.dylib"
                     r"|\.framework|\.\d+\.dylib)?$")

# -- Qt plugins ---------------------------------------------------------------------------

# Plugin folders nothing in ildesk loads (networking, QML, SQL, sensors, 3D, eglfs, …).
PLUGIN_DIRS_DROPPED = frozenset({
    "assetimporters", "canbus", "designer", "egldeviceintegrations", "generic",
    "geometryloaders", "geoservices", "help", "multimedia", "networkaccess",
    "networkinformation", "position", "qmllint", "qmlls", "qmltooling", "renderers",
    "renderplugins", "sceneparsers", "scenegraph", "sensors", "sqldrivers", "texttospeech",
    "tls", "vectorimageformats", "virtualkeyboard", "wayland-graphics-integration-client",
    "wayland-graphics-integration-server", "webview", "permissions",
})

# Within these folders only some plugins are kept (matched on the file's stem, without "lib"
# and without the extension); other folders are kept whole.
PLUGINS_KEPT = {
    # Windows and macOS natively; X11, Wayland, and the headless ones (self-test, CLI).
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows", "qcocoa"),
    # PNG is built into QtGui; SVG for the icon and diagrams, ICO for the Windows icon.
    "imageformats": ("qsvg", "qico"),
    # Compose keys and IBus for typing accents; not the virtual keyboard (it needs Quick).
    "platforminputcontexts": ("composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"),
    # The desktop portal (file dialogs in sandboxes); not GTK 3, which would drag GTK in.
    "platformthemes": ("qxdgdesktopportal",),
}

# Single files that are never needed: the software OpenGL renderer of Windows Qt (ildesk
# paints with the raster engine), Qt's QML support library of PySide, the AVX2 variants of
# rapidfuzz's extensions (it falls back to its plain C++ ones, which are fast enough for the
# "did you mean" of a few thousand names), Python's TLS and OpenSSL hashing (no network; hashlib
# falls back to its built-in algorithms).
FILES_DROPPED = ("opengl32sw.dll", "libpyside6qml", "pyside6qml", "_ssl.", "_hashlib.")
_DROPPED_PATTERN = re.compile(r"_cpp_avx2\.")

# Libraries a Linux bundle leaves to the system: CUPS (the print plugin loads only where CUPS
# is installed, and then the system's libcups is there; bundling it would drag in GnuTLS,
# Kerberos, Avahi and systemd, about 12 MB).
SYSTEM_LIBS = ("libcups.so",)


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def _norm(dest: str) -> str:
    return "/".join(_parts(dest))


def _stem(name: str) -> str:
    stem = name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_library_name(dest: str) -> str | None:
    """'Gui' for PySide6/Qt/lib/libQt6Gui.so.6, Qt6Gui.dll or QtGui.framework/…; else None."""
    for part in _parts(dest):
        match = _QT_LIB.match(part)
        if match and (part.startswith(("libQt6", "Qt6")) or part.endswith(".framework")):
            return match.group(1)
    return None


def plugin_of(dest: str) -> tuple[str, str] | None:
    """(folder, stem) for a Qt plugin path such as PySide6/Qt/plugins/platforms/libqxcb.so."""
    parts = _parts(dest)
    for i, part in enumerate(parts[:-2]):
        if part == "plugins" and "PySide6" in parts[:i]:
            return parts[i + 1], _stem(parts[-1])
    return None


def keep_binary(dest: str) -> bool:
    """Whether a collected binary (its destination path in the bundle) is kept."""
    name = _parts(dest)[-1] if dest else dest
    if any(name.startswith(f) for f in FILES_DROPPED) or _DROPPED_PATTERN.search(name):
        return False
    plugin = plugin_of(dest)
    if plugin is not None:
        folder, stem = plugin
        if folder in PLUGIN_DIRS_DROPPED:
            return False
        kept = PLUGINS_KEPT.get(folder)
        return kept is None or stem in kept
    parts = _parts(dest)
    if parts and parts[0] == "PySide6" and len(parts) == 2:
        module = name.split(".", 1)[0]
        if module in QT_MODULES_EXCLUDED:
            return False
    lib = qt_library_name(dest)
    return lib is None or lib in QT_LIBS_KEPT


def is_root(dest: str) -> bool:
    """Whether a binary is loaded by Python or Qt itself (an extension module, a Qt plugin,
    libpython) rather than only as a dependency of another binary."""
    name = _parts(dest)[-1]
    return (plugin_of(dest) is not None or "lib-dynload" in _parts(dest)
            or name.startswith("libpython")
            or bool(re.search(r"(\.abi3\.so|\.cpython-[^.]+\.so|\.pyd)$", name)))


def prune_unreachable(entries: Sequence[tuple[str, str, str]],
                      needed: Callable[[str], Iterable[str]]) -> list[tuple[str, str, str]]:
    """Keep the roots (see is_root) and the libraries they need, directly or not; drop the
    rest: what the dropped plugins needed, and the libraries of SYSTEM_LIBS with what only
    they needed. `needed(source_path)` gives the file names a binary links (ELF DT_NEEDED).
    Symbolic links (dest, target dest, "SYMLINK") stay only when their target stays."""
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in entries:
        if entry[2] != "SYMLINK":
            by_name.setdefault(_parts(entry[0])[-1], entry)
    kept: set[str] = set()
    todo = [e for e in entries if e[2] != "SYMLINK" and is_root(e[0])]
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept.add(entry[0])
        for lib in needed(entry[1]):
            dep = by_name.get(lib)
            if dep is not None and dep[0] not in kept and not lib.startswith(SYSTEM_LIBS):
                todo.append(dep)
    kept_norm = {_norm(k) for k in kept}
    out = []
    for entry in entries:
        if entry[2] == "SYMLINK":
            if _norm(entry[1]) in kept_norm:
                out.append(entry)
        elif entry[0] in kept:
            out.append(entry)
    return out


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED names of an ELF file (via objdump, which PyInstaller needs anyway)."""
    result = subprocess.run(["objdump", "-p", path], capture_output=True, text=True,
                            check=False)
    return re.findall(r"^\s*NEEDED\s+(\S+)", result.stdout, flags=re.MULTILINE)


def keep_data(dest: str) -> bool:
    """Whether a collected data file is kept: no Qt translations, QML, or dropped plugins."""
    parts = _parts(dest)
    if "PySide6" in parts:
        inner = parts[parts.index("PySide6") + 1:]
        if {"translations", "qml", "metatypes", "typesystems", "include", "glue",
                "examples", "doc", "scripts", "support"} & set(inner[:2]):
            return False
        if name_is_pyi(parts[-1]):
            return False
    return keep_binary(dest)


def name_is_pyi(name: str) -> bool:
    return name.endswith(".pyi")


# -- ildesk's own files -------------------------------------------------------------------

# Files of the ildesk package that are not code but must ship: the content database and the
# fonts of the fact sheet (found next to their modules). Anything else that is not Python is
# collected too, except caches and leftovers of a database build.
_NOT_SHIPPED = re.compile(r"(\.py[cio]?$|\.sqlite-(journal|wal|shm)$|\.tmp$|^\.)")


def package_files(package_dir: Path) -> Iterator[tuple[str, str]]:
    """(source file, destination folder) pairs for the non-code files of src/ildesk."""
    for path in sorted(package_dir.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or _NOT_SHIPPED.search(path.name):
            continue
        rel = path.parent.relative_to(package_dir.parent)
        yield str(path), rel.as_posix()


def resource_files(resources_dir: Path) -> Iterator[tuple[str, str]]:
    """(source, destination folder) pairs for resources/ → <bundle>/resources."""
    for path in sorted(resources_dir.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            rel = path.parent.relative_to(resources_dir.parent)
            yield str(path), rel.as_posix()
