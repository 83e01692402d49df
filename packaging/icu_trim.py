"""Slim down Qt's ICU data library in a Linux bundle: 31 MB of data → a few MB.

Qt's Linux wheels link ICU, whose data library (libicudata.so.NN) carries every locale,
every legacy character converter and the CJK/Thai word dictionaries. Qt draws its locale data
from its own tables; from ICU, ildesk needs only collation and normalisation (sorting and
comparing English text). This keeps the root and English data, the normalisation and
collation base tables, and every non-locale table; it drops the legacy converters (.cnv),
the word-break dictionaries and the data of the other ~800 locales (they fall back to root).

The ICU "common data" package is a header, a table of contents (item names sorted, offsets)
and the items, 16-byte aligned; we rewrite it with fewer items and link it into a new
libicudata.so.NN exporting the same symbol, with binutils (`as`, `ld`), which PyInstaller
needs on Linux anyway. `build.py` runs the bundled self-test afterwards and puts the original
back if anything fails.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

ALIGN = 16
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
_KEPT_LOCALES = re.compile(r"^(root|pool|res_index|en|en_(US|GB|001|150))\.res$")


class TrimError(Exception):
    """The library could not be slimmed; the bundle keeps the original."""


def keep_item(name: str) -> bool:
    """Whether an item of the package (e.g. 'icudt73l/coll/de.res') is kept."""
    parts = name.split("/")
    if len(parts) > 1:
        parts = parts[1:]  # drop the package name
    leaf = parts[-1]
    if leaf.endswith(".cnv") or leaf.endswith(".dict"):
        return False
    if _LOCALE.match(leaf):
        return bool(_KEPT_LOCALES.match(leaf))
    return True


def parse_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header bytes, [(item name, item bytes)]) of an ICU common data package."""
    if len(data) < 8:
        raise TrimError("the ICU data is too short")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        raise TrimError("the ICU data has no valid header")
    base = header_size
    (count,) = struct.unpack_from("<I", data, base)
    toc = [struct.unpack_from("<II", data, base + 4 + 8 * i) for i in range(count)]
    items: list[tuple[str, bytes]] = []
    for i, (name_off, data_off) in enumerate(toc):
        end_name = data.index(b"\0", base + name_off)
        name = data[base + name_off:end_name].decode("ascii")
        end = base + toc[i + 1][1] if i + 1 < count else len(data)
        items.append((name, data[base + data_off:end]))
    return data[:header_size], items


def build_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package with `items` (already in ICU's sorted order)."""
    count = len(items)
    names_start = 4 + 8 * count
    names = b""
    name_offsets = []
    for name, _ in items:
        name_offsets.append(names_start + len(names))
        names += name.encode("ascii") + b"\0"
    pos = names_start + len(names)
    pad = (-(len(header) + pos)) % ALIGN
    body = b"\0" * pad
    pos += pad
    data_offsets = []
    for _, item in items:
        data_offsets.append(pos)
        padded = item + b"\0" * ((-len(item)) % ALIGN)
        body += padded
        pos += len(padded)
    toc = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    return header + toc + names + body


def _symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol of the library."""
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", str(lib)], capture_output=True,
                         text=True, check=True).stdout
    match = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", out, re.MULTILINE)
    if not match:
        raise TrimError(f"{lib.name} exports no icudtNN_dat symbol")
    address, size, name = int(match[1], 16), int(match[2], 16), match[3]
    sections = subprocess.run(["objdump", "-h", str(lib)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[1].startswith(".rodata"):
            vma, offset, length = int(fields[3], 16), int(fields[5], 16), int(fields[2], 16)
            if vma <= address < vma + length:
                return name, address - vma + offset, size
    raise TrimError(f"the data of {lib.name} is not in its .rodata section")


def trim(lib: Path) -> tuple[int, int]:
    """Replace `lib` (libicudata.so.NN) by a slimmed copy; returns (old size, new size)."""
    for tool in ("nm", "objdump", "as", "ld"):
        if shutil.which(tool) is None:
            raise TrimError(f"`{tool}` (binutils) is not installed")
    symbol, offset, size = _symbol(lib)
    raw = lib.read_bytes()[offset:offset + size]
    header, items = parse_package(raw)
    kept = [(n, d) for n, d in items if keep_item(n)]
    package = build_package(header, kept)
    soname = lib.name
    with tempfile.TemporaryDirectory(prefix="ildesk-icu-") as tmp:
        folder = Path(tmp)
        (folder / "icudata.bin").write_bytes(package)
        (folder / "icudata.S").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
            f"{symbol}:\n\t.incbin \"icudata.bin\"\n\t.size {symbol}, . - {symbol}\n"
            "\t.section .note.GNU-stack,\"\",@progbits\n", encoding="ascii")
        subprocess.run(["as", "-o", "icudata.o", "icudata.S"], cwd=folder, check=True)
        subprocess.run(["ld", "-shared", "-z", "noexecstack", "-soname", soname,
                        "-o", soname, "icudata.o"], cwd=folder, check=True)
        new = folder / soname
        # Check: the new library carries exactly the package we meant.
        _name, new_offset, new_size = _symbol(new)
        if new.read_bytes()[new_offset:new_offset + new_size] != package:
            raise TrimError("the relinked library does not hold the expected data")
        old_size = lib.stat().st_size
        tmp_target = lib.with_name(lib.name + ".tmp")
        shutil.copyfile(new, tmp_target)
        tmp_target.chmod(0o755)
        os.replace(tmp_target, lib)
    return old_size, lib.stat().st_size
