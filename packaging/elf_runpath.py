"""Strip library search paths that point into the build machine from a bundle's ELF files.

Python built by pyenv (and others) links its extension modules and libpython with
`RUNPATH=/root/.pyenv/versions/3.11.7/lib`. In the bundle that path is searched for every
library those files need (`libm`, `libc`, …) on the user's machine, before the system's own
folders: a folder there, writable by someone else, would be loaded into ildesk. PyInstaller
points the loader at the bundle itself, so such paths are never needed. Paths relative to
the file (`$ORIGIN/…`, as PySide6 uses) are kept.

Pure Python (no patchelf or chrpath): a DT_RUNPATH/DT_RPATH entry whose every path is foreign
is removed from the dynamic section (the entries after it move up, as `chrpath -d` does); one
that mixes both kinds has its string rewritten in place with only the `$ORIGIN` paths.

    python packaging/elf_runpath.py FILE…   # strip, and print what was removed
"""

from __future__ import annotations

import os
import stat
import struct
import sys
from collections.abc import Iterator
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_STRTAB, DT_RPATH, DT_RUNPATH = 0, 5, 15, 29


class ElfError(Exception):
    """The file is not an ELF file this module can read."""


def _kept(path: str) -> bool:
    return path.startswith(("$ORIGIN", "${ORIGIN}"))


class _Elf:
    def __init__(self, data: bytearray) -> None:
        if data[:4] != ELF_MAGIC or data[4] not in (1, 2) or data[5] not in (1, 2):
            raise ElfError("not an ELF file")
        self.data = data
        self.wide = data[4] == 2
        self.end = "<" if data[5] == 1 else ">"
        if self.wide:
            phoff, = struct.unpack_from(self.end + "Q", data, 0x20)
            phentsize, phnum = struct.unpack_from(self.end + "HH", data, 0x36)
        else:
            phoff, = struct.unpack_from(self.end + "I", data, 0x1C)
            phentsize, phnum = struct.unpack_from(self.end + "HH", data, 0x2A)
        self.segments = [self._segment(phoff + i * phentsize) for i in range(phnum)]

    def _segment(self, at: int) -> tuple[int, int, int, int]:
        """(type, file offset, virtual address, size in the file)."""
        if self.wide:
            p_type, _flags, off, vaddr, _paddr, filesz = struct.unpack_from(
                self.end + "IIQQQQ", self.data, at)
        else:
            p_type, off, vaddr, _paddr, filesz = struct.unpack_from(
                self.end + "IIIII", self.data, at)
        return p_type, off, vaddr, filesz

    def _offset_of(self, address: int) -> int:
        for p_type, off, vaddr, filesz in self.segments:
            if p_type == PT_LOAD and vaddr <= address < vaddr + filesz:
                return address - vaddr + off
        raise ElfError(f"address {address:#x} is in no loaded segment")

    def dynamic(self) -> tuple[int, int]:
        """(file offset, size) of the dynamic section; (0, 0) when there is none."""
        for p_type, off, _vaddr, filesz in self.segments:
            if p_type == PT_DYNAMIC:
                return off, filesz
        return 0, 0

    @property
    def entry_size(self) -> int:
        return 16 if self.wide else 8

    def entries(self) -> list[tuple[int, int]]:
        off, size = self.dynamic()
        fmt = self.end + ("qQ" if self.wide else "iI")
        out = []
        for at in range(off, off + size - self.entry_size + 1, self.entry_size):
            tag, value = struct.unpack_from(fmt, self.data, at)
            out.append((tag, value))
            if tag == DT_NULL:
                break
        return out

    def write_entries(self, entries: list[tuple[int, int]], count: int) -> None:
        """Write `entries` from the start of the dynamic section, padded with DT_NULL up to
        the `count` entries there were."""
        off, _size = self.dynamic()
        fmt = self.end + ("qQ" if self.wide else "iI")
        padded = entries + [(DT_NULL, 0)] * (count - len(entries))
        for i, (tag, value) in enumerate(padded):
            struct.pack_into(fmt, self.data, off + i * self.entry_size, tag, value)

    def string(self, strtab: int, index: int) -> tuple[int, str]:
        start = strtab + index
        end = self.data.index(b"\0", start)
        return start, self.data[start:end].decode("utf-8", "surrogateescape")


def strip_foreign(data: bytearray) -> list[str]:
    """Remove every search path not relative to the file from `data` (an ELF image, changed
    in place); returns the paths removed."""
    elf = _Elf(data)
    entries = elf.entries()
    strtabs = [v for t, v in entries if t == DT_STRTAB]
    if not strtabs:
        return []
    strtab = elf._offset_of(strtabs[0])
    removed: list[str] = []
    kept_entries: list[tuple[int, int]] = []
    for tag, value in entries:
        if tag not in (DT_RPATH, DT_RUNPATH):
            kept_entries.append((tag, value))
            continue
        start, text = elf.string(strtab, value)
        paths = text.split(":")
        keep = [p for p in paths if p and _kept(p)]
        removed += [p for p in paths if p and not _kept(p)]
        if not keep:
            continue  # the whole entry goes
        new = ":".join(keep).encode("utf-8", "surrogateescape")
        old_len = len(text.encode("utf-8", "surrogateescape"))
        data[start:start + old_len] = new + b"\0" * (old_len - len(new))
        kept_entries.append((tag, value))
    if len(kept_entries) != len(entries):
        elf.write_entries(kept_entries, len(entries))
    return removed


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == ELF_MAGIC
    except OSError:
        return False


def strip_file(path: Path) -> list[str]:
    """Strip `path` in place (keeping its mode); returns the paths removed."""
    data = bytearray(path.read_bytes())
    removed = strip_foreign(data)
    if removed:
        mode = stat.S_IMODE(path.stat().st_mode)
        tmp = path.with_name(f".{path.name}.runpath-tmp")
        tmp.write_bytes(bytes(data))
        tmp.chmod(mode)
        os.replace(tmp, path)
    return removed


def elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            yield path


def strip_bundle(folder: Path) -> dict[str, list[str]]:
    """Strip every ELF file under `folder`; returns {relative path: paths removed}."""
    out = {}
    for path in elf_files(folder):
        try:
            removed = strip_file(path)
        except ElfError:
            continue
        if removed:
            out[path.relative_to(folder).as_posix()] = removed
    return out


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(name, strip_file(Path(name)) or "nothing to strip")
