"""The packaging contract, checked without building: the spec, what it keeps and drops of Qt,
the desktop entry, the icons, links handed over by the desktop, and `ildesk self-test`.
The real build is exercised by CI's `make smoke` (make package + the bundled self-test)."""

from __future__ import annotations

import ast
import configparser
import re
import struct
import sys
from pathlib import Path

import pytest

from ildesk import cli
from ildesk.launch import translate_url_args

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
sys.path.insert(0, str(PACKAGING))

import bundle_rules  # noqa: E402
import icu_trim  # noqa: E402
import make_icons  # noqa: E402

SPEC = PACKAGING / "ildesk.spec"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG image"
    return struct.unpack(">II", data[16:24])


# -- the spec -----------------------------------------------------------------------------


def test_spec_is_valid_python_and_builds_one_folder_named_ildesk() -> None:
    text = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(SPEC))
    calls = {n.func.id for n in ast.walk(tree)
             if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls
    assert "bundle_rules.EXCLUDED_MODULES" in text
    assert "keep_binary" in text and "keep_data" in text, "the post-filter is missing"
    assert 'name="ildesk"' in text and 'name="ildesk.app"' in text
    assert "upx=True" not in text
    assert "from ildesk import __version__" in text
    assert "ildesk.ico" in text and "ildesk.icns" in text


def test_entry_script_calls_the_command_line() -> None:
    text = (PACKAGING / "ildesk_entry.py").read_text(encoding="utf-8")
    assert "from ildesk.cli import main" in text


def test_the_qt_modules_ildesk_does_not_use_are_excluded() -> None:
    excluded = set(bundle_rules.EXCLUDED_MODULES)
    for module in ("QtQml", "QtQuick", "QtNetwork", "QtWebEngineCore", "QtWebEngineWidgets",
                   "QtWebEngineQuick", "QtDesigner", "Qt3DCore", "QtMultimedia", "QtPdf",
                   "QtSerialPort", "QtQuickWidgets"):
        assert f"PySide6.{module}" in excluded


def test_every_qt_module_the_source_imports_is_kept() -> None:
    used = set()
    for path in (ROOT / "src" / "ildesk").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used, "no Qt import found in the source"
    dropped = used & set(bundle_rules.QT_MODULES_EXCLUDED)
    assert not dropped, f"the bundle would lack {sorted(dropped)}"
    assert used <= set(bundle_rules.QT_MODULES_USED)


def test_nothing_in_ildesk_imports_qtnetwork() -> None:
    for path in (ROOT / "src" / "ildesk").rglob("*.py"):
        assert "QtNetwork" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(("dest", "kept"), [
    # Linux
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqminimal.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-graphics-integration-server/libqt-wayland-compositor-"
     "wayland-egl.so", False),
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
    ("PySide6/Qt/lib/libQt6Svg.so.6", True),
    ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libicudata.so.73", True),
    ("PySide6/QtNetwork.abi3.so", False),
    ("PySide6/QtWidgets.abi3.so", True),
    ("PySide6/libpyside6qml.abi3.so.6.12", False),
    ("rapidfuzz/fuzz_cpp_avx2.cpython-311-x86_64-linux-gnu.so", False),
    ("rapidfuzz/fuzz_cpp.cpython-311-x86_64-linux-gnu.so", True),
    ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", False),
    ("python3.11/lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so", True),
    # Windows
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt6Gui.dll", True),
    ("PySide6/Qt6Network.dll", False),
    ("PySide6/Qt6Quick.dll", False),
    ("PySide6/opengl32sw.dll", False),
    # macOS
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", True),
    ("PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml", False),
    ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", False),
])
def test_binaries_kept_and_dropped(dest: str, kept: bool) -> None:
    assert bundle_rules.keep_binary(dest) is kept


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/translations/qtbase_fr.qm", False),
    ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
    ("ildesk/content/ildesk.sqlite", True),
    ("ildesk/render/fonts/DejaVuSansCondensed.ttf", True),
    ("resources/icons/ildesk.svg", True),
])
def test_data_kept_and_dropped(dest: str, kept: bool) -> None:
    assert bundle_rules.keep_data(dest) is kept


def test_libraries_only_dropped_plugins_needed_are_pruned() -> None:
    links = {
        "/x/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/x/libQt6Gui.so.6": ["libQt6Core.so.6", "libfontconfig.so.1"],
        "/x/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/x/libcupsprintersupport.so": ["libcups.so.2", "libQt6PrintSupport.so.6"],
        "/x/libcups.so.2": ["libgnutls.so.30"],
        "/x/libcairo.so.2": ["libpixman-1.so.0"],
    }
    entries = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/x/libQt6XcbQpa.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", "/x/libQt6PrintSupport.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/x/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
         "/x/libcupsprintersupport.so", "BINARY"),
        ("libfontconfig.so.1", "/x/libfontconfig.so.1", "BINARY"),
        ("libcups.so.2", "/x/libcups.so.2", "BINARY"),
        ("libgnutls.so.30", "/x/libgnutls.so.30", "BINARY"),
        ("libcairo.so.2", "/x/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/x/libpixman-1.so.0", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    kept = {e[0] for e in bundle_rules.prune_unreachable(entries, lambda p: links.get(p, []))}
    assert {"PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
            "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6PrintSupport.so.6",
            "libfontconfig.so.1", "libQt6Gui.so.6",
            "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"} <= kept
    assert not kept & {"libcups.so.2", "libgnutls.so.30", "libcairo.so.2", "libpixman-1.so.0",
                       "PySide6/Qt/lib/libQt6Network.so.6", "libQt6Network.so.6"}


def test_the_database_and_fonts_ship_where_the_program_looks(tmp_path: Path) -> None:
    pkg = tmp_path / "ildesk"
    (pkg / "content").mkdir(parents=True)
    (pkg / "content" / "ildesk.sqlite").write_bytes(b"x")
    (pkg / "content" / "ildesk.sqlite-journal").write_bytes(b"x")
    (pkg / "render" / "fonts").mkdir(parents=True)
    (pkg / "render" / "fonts" / "A.ttf").write_bytes(b"x")
    (pkg / "cli.py").write_text("")
    shipped = {(Path(src).name, dest) for src, dest in bundle_rules.package_files(pkg)}
    assert shipped == {("ildesk.sqlite", "ildesk/content"), ("A.ttf", "ildesk/render/fonts")}


# -- the desktop entry and the icons --------------------------------------------------------


def test_desktop_entry_has_the_required_keys() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "resources" / "ildesk.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "ildesk"
    assert entry["Comment"]
    assert entry["Exec"] == "ildesk %u"
    assert entry["Icon"] == "ildesk"
    assert set(entry["Categories"].rstrip(";").split(";")) >= {
        "Education", "Science", "MedicalSoftware"}
    assert "x-scheme-handler/ildesk" in entry["MimeType"].split(";")


@pytest.mark.parametrize("size", make_icons.SIZES)
def test_icon_exists_at_every_size(size: int) -> None:
    data = (ICONS / f"ildesk-{size}.png").read_bytes()
    assert _png_size(data) == (size, size)


def test_windows_icon_parses_and_holds_every_size_up_to_256() -> None:
    entries = make_icons.parse_ico((ICONS / "ildesk.ico").read_bytes())
    assert sorted(size for size, _ in entries) == [16, 32, 48, 64, 128, 256]
    for size, data in entries:
        assert _png_size(data) == (size, size)


def test_macos_icon_parses_with_png_types() -> None:
    entries = dict(make_icons.parse_icns((ICONS / "ildesk.icns").read_bytes()))
    assert {"ic07", "ic08", "ic09", "ic10"} <= set(entries)
    assert _png_size(entries["ic07"]) == (128, 128)
    assert _png_size(entries["ic10"]) == (1024, 1024)


def test_ico_writer_round_trips_and_rejects_garbage() -> None:
    png = (ICONS / "ildesk-16.png").read_bytes()
    assert make_icons.parse_ico(make_icons.ico_bytes({16: png})) == [(16, png)]
    with pytest.raises(ValueError):
        make_icons.parse_ico(b"not an icon")


def test_svg_icon_renders(qapp: object) -> None:
    from PySide6.QtGui import QIcon

    assert not QIcon(str(ICONS / "ildesk.svg")).pixmap(16, 16).isNull()


# -- links from the desktop --------------------------------------------------------------


@pytest.mark.parametrize(("argv", "expected"), [
    (["ildesk://IL-6"], ["open", "--", "IL-6"]),
    (["ildesk://open/IL-6"], ["open", "--", "IL-6"]),
    (["ildesk:tocilizumab"], ["open", "--", "tocilizumab"]),
    (["ildesk://search?q=JAK1"], ["open", "--search=JAK1"]),
    (["ildesk://open/interleukin%202"], ["open", "--", "interleukin 2"]),
    (["ildesk://"], ["open"]),
    (["open", "IL-6"], ["open", "IL-6"]),
    (["search", "ildesk"], ["search", "ildesk"]),
    ([], []),
])
def test_desktop_links_become_the_open_command(argv: list[str], expected: list[str]) -> None:
    assert translate_url_args(argv) == expected


# -- self-test ----------------------------------------------------------------------------


def test_self_test_passes_on_a_good_installation(
        db_path: Path, qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["self-test", "--db", str(db_path)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert re.match(r"self-test: \d+ checks passed \(database \d+ pages, data version \S+\) "
                    r"in \d+\.\d s", out.out), out.out


def test_self_test_fails_with_the_reason_when_the_database_is_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["self-test", "--db", str(tmp_path / "nowhere.sqlite")])
    err = capsys.readouterr().err
    assert code == 1
    assert "does not exist" in err
    assert "checks failed" in err


# -- the slimmed ICU data -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/root.res", True),
    ("icudt73l/en.res", True),
    ("icudt73l/en_US.res", True),
    ("icudt73l/de.res", False),
    ("icudt73l/zh_Hant_TW.res", False),
    ("icudt73l/pool.res", True),
    ("icudt73l/supplementalData.res", True),
    ("icudt73l/nfkc.nrm", True),
    ("icudt73l/cnvalias.icu", True),
    ("icudt73l/ibm-943_P15A-2003.cnv", False),
    ("icudt73l/coll/ucadata.icu", True),
    ("icudt73l/coll/root.res", True),
    ("icudt73l/coll/sv.res", False),
    ("icudt73l/brkitr/cjdict.dict", False),
    ("icudt73l/brkitr/word.brk", True),
    ("icudt73l/zone/en.res", True),
    ("icudt73l/zone/fr.res", False),
])
def test_icu_items_kept_and_dropped(name: str, kept: bool) -> None:
    assert icu_trim.keep_item(name) is kept


def test_icu_package_round_trips_with_fewer_items() -> None:
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\0" * 28
    items = [("icudt73l/fr.res", b"A" * 20), ("icudt73l/b.cnv", b"B" * 7),
             ("icudt73l/coll/root.res", b"C" * 33)]
    package = icu_trim.build_package(header, items)
    back_header, back = icu_trim.parse_package(package)
    assert back_header == header
    assert [(n, d.rstrip(b"\0")) for n, d in back] == items
    kept = [item for item in items if icu_trim.keep_item(item[0])]
    _, slim = icu_trim.parse_package(icu_trim.build_package(header, kept))
    assert [n for n, _ in slim] == ["icudt73l/coll/root.res"]
    for _, data in slim:
        assert len(data) % icu_trim.ALIGN == 0
