"""Build the standalone ildesk: `make package` runs this.

    .venv/bin/python packaging/build.py              # dist/ildesk/ + the archive
    .venv/bin/python packaging/build.py --onefile    # also dist/onefile/ildesk (one file)

The one-folder app `dist/ildesk/` is what people download (as the archive
dist/ildesk-<version>-<os>-<arch>.tar.gz, or .zip on Windows): unpack it anywhere and start
`ildesk` inside. On macOS PyInstaller also makes `dist/ildesk.app`. The content database must
exist first (`make db`). Prints the folder and archive sizes against their targets.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "ildesk.spec"
DB = ROOT / "src" / "ildesk" / "content" / "ildesk.sqlite"
INSTALLER = ROOT / "packaging" / "install-linux.sh"
MB = 1_000_000
FOLDER_TARGET_MB = 110
ARCHIVE_TARGET_MB = 45


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from ildesk import __version__

    return __version__


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform,
                                                                           sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def folder_size(path: Path) -> int:
    """Bytes of every file under path (symbolic links counted as links, not followed)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += (Path(dirpath) / name).lstat().st_size
    return total


def run_pyinstaller(dist: Path, work: Path, onefile: bool) -> None:
    env = dict(os.environ, ILDESK_ONEFILE="1" if onefile else "0")
    env.pop("QT_QPA_PLATFORM_PLUGIN_PATH", None)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("build:", " ".join(cmd[2:]), flush=True)
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


def finish_folder(app: Path) -> Path:
    """Check the bundle's layout, make its database read-only, add the Linux installer."""
    internal = app / "_internal"
    bundle = internal if internal.is_dir() else app
    db = bundle / "ildesk" / "content" / DB.name
    icon = bundle / "resources" / "icons" / "ildesk.svg"
    for needed in (db, icon):
        if not needed.is_file():
            raise SystemExit(f"build: the bundle lacks {needed.relative_to(app)}")
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    if sys.platform.startswith("linux"):
        strip_build_paths(app)
        target = app / INSTALLER.name
        shutil.copy2(INSTALLER, target)
        target.chmod(0o755)
    return db


def strip_build_paths(app: Path) -> int:
    """Remove library search paths into the build machine (e.g. pyenv's RUNPATH on
    libpython and the extension modules) from every ELF file of the bundle; see
    packaging/elf_runpath.py. Returns how many files changed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import elf_runpath

    stripped = elf_runpath.strip_bundle(app)
    if stripped:
        paths = sorted({p for removed in stripped.values() for p in removed})
        print(f"build: removed the build machine's library paths ({', '.join(paths)}) from "
              f"{len(stripped)} files")
    return len(stripped)


def self_test(app: Path) -> tuple[bool, str]:
    exe = app / ("ildesk-cli.exe" if sys.platform == "win32" else "ildesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ILDESK_DB", None)
    result = subprocess.run([str(exe), "self-test"], capture_output=True, text=True, env=env,
                            check=False, timeout=600)
    return result.returncode == 0, (result.stdout + result.stderr).strip()


def slim_icu(app: Path) -> None:
    """Replace Qt's ICU data by a slimmed copy (packaging/icu_trim.py); keep the original if
    anything fails, including the bundled self-test."""
    libs = sorted((app / "_internal").glob("PySide6/Qt/lib/libicudata.so.*"))
    if not sys.platform.startswith("linux") or not libs:
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import icu_trim

    lib = libs[0]
    backup = lib.with_name(lib.name + ".orig")
    shutil.copy2(lib, backup)
    try:
        old, new = icu_trim.trim(lib)
        ok, output = self_test(app)
        if not ok:
            raise icu_trim.TrimError("the self-test failed with it:\n" + output)
    except (icu_trim.TrimError, OSError, subprocess.SubprocessError) as exc:
        os.replace(backup, lib)
        print(f"build: kept the full ICU data ({exc})")
        return
    backup.unlink()
    print(f"build: ICU data slimmed from {old / MB:.1f} MB to {new / MB:.1f} MB "
          "(root and English locales; self-test passed)")


def archive(app: Path, out_base: Path) -> Path:
    """app/ packed as <out_base>.tar.gz (.zip on Windows), with app's name as its top folder."""
    if sys.platform == "win32":
        out = out_base.with_name(out_base.name + ".zip")
        tmp = out.with_name(out.name + ".tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in sorted(app.rglob("*")):
                zf.write(path, Path(app.name) / path.relative_to(app))
    else:
        out = out_base.with_name(out_base.name + ".tar.gz")
        tmp = out.with_name(out.name + ".tmp")
        with tarfile.open(tmp, "w:gz", compresslevel=9) as tf:
            tf.add(app, arcname=app.name)
    os.replace(tmp, out)
    return out


def _report(label: str, size: int, target_mb: int) -> bool:
    ok = size <= target_mb * MB
    verdict = "within" if ok else "OVER"
    print(f"{label}: {size / MB:.1f} MB ({verdict} the {target_mb} MB target)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--onefile", action="store_true",
                        help="also build the one-file executable dist/onefile/ildesk")
    parser.add_argument("--no-archive", action="store_true", help="skip the archive")
    parser.add_argument("--full-icu", action="store_true",
                        help="keep Qt's ICU data whole (Linux; otherwise slimmed to English)")
    parser.add_argument("--strict", action="store_true",
                        help="fail when a size is over its target")
    args = parser.parse_args(argv)

    if not DB.is_file():
        print(f"build: {DB.relative_to(ROOT)} is missing; run `make db` first.", file=sys.stderr)
        return 1
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("build: PyInstaller is not installed; run `.venv/bin/pip install -e '.[dev]'`.",
              file=sys.stderr)
        return 1

    started = time.perf_counter()
    dist, work = ROOT / "dist", ROOT / "build" / "pyinstaller"
    app = dist / "ildesk"
    if app.is_dir():
        # Make the old database writable again so that PyInstaller can replace the folder.
        for path in app.rglob("*.sqlite"):
            path.chmod(0o644)
    run_pyinstaller(dist, work, onefile=False)
    finish_folder(app)
    if not args.full_icu:
        slim_icu(app)
    ver, tag = version(), platform_tag()
    ok = _report(f"folder  {app.relative_to(ROOT)}/", folder_size(app), FOLDER_TARGET_MB)
    if not args.no_archive:
        mac_app = dist / "ildesk.app"
        source = mac_app if sys.platform == "darwin" and mac_app.is_dir() else app
        packed = archive(source, dist / f"ildesk-{ver}-{tag}")
        ok &= _report(f"archive {packed.relative_to(ROOT)}", packed.stat().st_size,
                      ARCHIVE_TARGET_MB)
    if args.onefile:
        run_pyinstaller(dist / "onefile", work / "onefile", onefile=True)
        single = dist / "onefile" / ("ildesk.exe" if sys.platform == "win32" else "ildesk")
        print(f"one file {single.relative_to(ROOT)}: {single.stat().st_size / MB:.1f} MB")
    print(f"build: done in {time.perf_counter() - started:.0f} s")
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
