"""Issue 19, points 14 and 17, checked without a full build: the bundle's ELF files keep no
library search path into the build machine (only `$ORIGIN/…`), and `install-linux.sh` writes
a desktop entry whose Exec line runs the right program, with the link as one argument, from
a folder whose name holds `%`, `|`, quotes, `$`, backticks or backslashes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

BUILD_PATH = "/opt/build-machine/python/lib"


def _runpaths(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                         check=True).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines()
            if "(RUNPATH)" in line or "(RPATH)" in line]


def _library(tmp_path: Path, name: str, rpath: str, new_tags: bool = True) -> Path:
    if shutil.which("cc") is None or shutil.which("readelf") is None:
        pytest.skip("needs a C compiler and readelf to make a test library")
    src = tmp_path / f"{name}.c"
    src.write_text("#include <math.h>\ndouble ildesk_root(double x) { return sqrt(x); }\n")
    out = tmp_path / f"lib{name}.so"
    tags = "--enable-new-dtags" if new_tags else "--disable-new-dtags"
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(out), str(src), "-lm",
                    f"-Wl,{tags},-rpath,{rpath}"], check=True, capture_output=True)
    return out


def _loads(path: Path) -> float:
    code = (f"import ctypes; f = ctypes.CDLL({str(path)!r}).ildesk_root; "
            "f.restype = f.argtypes = None; f.restype = ctypes.c_double; "
            "f.argtypes = [ctypes.c_double]; print(f(16.0))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return float(done.stdout)


@pytest.mark.parametrize("new_tags", [True, False], ids=["RUNPATH", "RPATH"])
def test_a_build_machine_runpath_is_removed_and_the_library_still_loads(tmp_path, new_tags):
    import elf_runpath

    lib = _library(tmp_path, "t", BUILD_PATH, new_tags)
    assert _runpaths(lib) == [BUILD_PATH]
    assert elf_runpath.strip_file(lib) == [BUILD_PATH]
    assert _runpaths(lib) == []
    assert _loads(lib) == 4.0


def test_origin_paths_are_kept_and_foreign_ones_dropped(tmp_path):
    import elf_runpath

    lib = _library(tmp_path, "m", f"{BUILD_PATH}:$ORIGIN/Qt/lib:/usr/local/lib")
    assert elf_runpath.strip_file(lib) == [BUILD_PATH, "/usr/local/lib"]
    assert _runpaths(lib) == ["$ORIGIN/Qt/lib"]
    assert _loads(lib) == 4.0
    assert elf_runpath.strip_file(lib) == []  # nothing left to do


def test_finishing_the_bundle_strips_every_file(tmp_path):
    import build

    app = tmp_path / "ildesk"
    internal = app / "_internal"
    (internal / "ildesk" / "content").mkdir(parents=True)
    (internal / "ildesk" / "content" / "ildesk.sqlite").write_bytes(b"db")
    (internal / "resources" / "icons").mkdir(parents=True)
    (internal / "resources" / "icons" / "ildesk.svg").write_text("<svg/>")
    lib = _library(tmp_path, "p", BUILD_PATH)
    shutil.copy2(lib, internal / "libpython3.11.so.1.0")
    (internal / "lib-dynload").mkdir()
    shutil.copy2(lib, internal / "lib-dynload" / "math.cpython-311-x86_64-linux-gnu.so")
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle is stripped on Linux")
    build.finish_folder(app)
    for path in (internal / "libpython3.11.so.1.0",
                 internal / "lib-dynload" / "math.cpython-311-x86_64-linux-gnu.so"):
        assert _runpaths(path) == [], path


def test_a_built_bundle_has_no_build_machine_paths():
    import elf_runpath

    bundle = ROOT / "dist" / "ildesk"
    if not bundle.is_dir() or shutil.which("readelf") is None:
        pytest.skip("no built bundle (make package) to look at")
    foreign = {}
    for path in elf_runpath.elf_files(bundle):
        bad = [p for p in _runpaths(path) for p in p.split(":") if not p.startswith("$ORIGIN")]
        if bad:
            foreign[str(path.relative_to(bundle))] = bad
    assert foreign == {}


# -- point 17: the desktop entry of install-linux.sh ---------------------------------------


def _unescape_string(value: str) -> str:
    """The desktop entry specification's string escapes: \\s \\n \\t \\r \\\\."""
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(
                value[i + 1], "\\" + value[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _exec_argv(value: str, url: str) -> list[str]:
    """Split an Exec value as a desktop launcher does (quoting rules, then %u)."""
    args, cur, i, quoted, started = [], [], 0, False, False
    s = _unescape_string(value)
    while i < len(s):
        c = s[i]
        if quoted:
            if c == "\\" and i + 1 < len(s) and s[i + 1] in '"`$\\':
                cur.append(s[i + 1])
                i += 2
                continue
            if c == '"':
                quoted = False
            else:
                assert c not in "`$", f"unescaped {c!r} inside quotes: {s!r}"
                cur.append(c)
        elif c == '"':
            quoted, started = True, True
        elif c == " ":
            if cur or started:
                args.append("".join(cur))
            cur, started = [], False
        else:
            cur.append(c)
        i += 1
    if cur or started:
        args.append("".join(cur))
    out = []
    for a in args:
        if a == "%u":
            out.append(url)
            continue
        assert "%" not in a.replace("%%", ""), f"a stray field code in {a!r}"
        out.append(a.replace("%%", "%"))
    return out


@pytest.mark.parametrize("folder", [
    "plain", "with space", "100%", "a|b", "it's", 'say "hi"', "$HOME", "back\\slash",
    "tick`s", "all of %u|'\"$`\\ them",
])
def test_install_linux_escapes_the_folder_for_the_exec_line(tmp_path, folder):
    if not sys.platform.startswith("linux"):
        pytest.skip("install-linux.sh is for Linux")
    here = tmp_path / folder
    res = here / "_internal" / "resources"
    (res / "icons").mkdir(parents=True)
    for size in (16, 32, 48, 64, 128, 256, 512):
        (res / "icons" / f"ildesk-{size}.png").write_bytes(b"png")
    (res / "icons" / "ildesk.svg").write_text("<svg/>")
    shutil.copy2(ROOT / "resources" / "ildesk.desktop", res / "ildesk.desktop")
    exe = here / "ildesk"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    shutil.copy2(PACKAGING / "install-linux.sh", here / "install-linux.sh")
    data = tmp_path / "xdg"
    env = dict(os.environ, XDG_DATA_HOME=str(data), PATH="/usr/bin:/bin")
    done = subprocess.run(["sh", str(here / "install-linux.sh")], capture_output=True,
                          text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "ildesk.desktop").read_text(encoding="utf-8")
    values = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    url = "ildesk://open/IL-6"
    assert _exec_argv(values["Exec"], url) == [str(exe), url]
    assert _unescape_string(values["TryExec"]) == str(exe)
