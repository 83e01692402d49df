"""Export and import of bookmarks and notes as a JSON file.

    {"format": "ildesk-library", "version": 1, "exported_at": "…",
     "bookmarks": [{"page_id", "name", "folder", "tags", "created"}],
     "notes": [{"page_id", "name", "text", "updated"}]}

Import checks the whole file first and then merges in one transaction: bookmarks are a union
(tags too), and of two notes on the same page the more recently changed one wins. A file that
is not valid changes nothing. Only a regular file is read (never a pipe or a device), at most
MAX_BYTES of it, with at most MAX_ITEMS bookmarks and notes and MAX_TAGS tags; every text
must be valid Unicode and every time a real one (years MIN_YEAR to MAX_YEAR).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from ildesk.counts import plural
from ildesk.files import OutputError, atomic_write
from ildesk.userdata.bookmarks import clean_tags
from ildesk.userdata.database import Database, UserDataError
from ildesk.userdata.models import BookmarkRow, NoteRow, TagRow, utcnow

FORMAT = "ildesk-library"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 200_000  # bookmarks, and notes, in one file
MAX_TAGS = 200_000  # tags over all bookmarks
MAX_TAGS_EACH = 200
MAX_TEXT = 1_000_000  # characters of one note
MAX_NAME = 1_000  # characters of a name, folder, tag or page id
MIN_YEAR, MAX_YEAR = 1900, 9998  # shown in any time zone without overflowing
Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class ImportReport:
    bookmarks_added: int = 0
    bookmarks_present: int = 0
    notes_added: int = 0
    notes_updated: int = 0
    notes_kept: int = 0  # yours was as new or newer

    def __str__(self) -> str:
        first = f"{plural(self.bookmarks_added, 'bookmark')} added, {self.bookmarks_present} " \
                "already present"
        second = f"{plural(self.notes_added, 'note')} added, {self.notes_updated} updated"
        if self.notes_kept:
            second += f", {self.notes_kept} kept (yours was newer)"
        return f"{first}; {second}"


@dataclass(frozen=True)
class _Bookmark:
    page_id: str
    name: str
    folder: str
    tags: tuple[str, ...]
    created: datetime


@dataclass(frozen=True)
class _Note:
    page_id: str
    name: str
    text: str
    updated: datetime


def _time(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise UserDataError(f"{where} must be a date and time (ISO 8601 text).")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        in_utc = parsed.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise UserDataError(f"{where} is not a date and time: {_shown(value[:40])!r}.") from exc
    if not MIN_YEAR <= in_utc.year <= MAX_YEAR:
        raise UserDataError(f"{where} is out of range ({_shown(value[:40])!r}): a date between "
                            f"the years {MIN_YEAR} and {MAX_YEAR} is expected.")
    return parsed


def _shown(text: str) -> str:
    """`text` safe to put in a message (lone surrogates replaced)."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _text(item: dict[str, Any], key: str, where: str, required: bool = True,
          limit: int = MAX_NAME) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise UserDataError(f"{where}: {key!r} must be {'non-empty ' if required else ''}text.")
    _check_text(value, f"{where}: {key!r}", limit)
    return value


def _check_text(value: str, where: str, limit: int) -> None:
    if len(value) > limit:
        raise UserDataError(f"{where} is too long ({len(value):,} characters; at most "
                            f"{limit:,}).")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UserDataError(f"{where} holds a character that is not valid Unicode (a lone "
                            f"surrogate, \\u{ord(value[exc.start]):04x}).",
                            "Fix or remove that character in the file.") from exc


def parse(data: Any) -> tuple[list[_Bookmark], list[_Note]]:
    """Check a decoded export; raises UserDataError naming the first thing wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserDataError("This file is not an ildesk library export (its \"format\" is "
                            "missing or wrong).", "Choose a file made by File ▸ Export library.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserDataError("This library export has no valid \"version\".")
    if version > VERSION:
        raise UserDataError(f"This library export is version {version}, from a newer ildesk; "
                            f"this one reads version {VERSION}.", "Update ildesk to import it.")
    marks, notes = data.get("bookmarks", []), data.get("notes", [])
    if not isinstance(marks, list) or not isinstance(notes, list):
        raise UserDataError("\"bookmarks\" and \"notes\" must be lists.")
    for name, items in (("bookmarks", marks), ("notes", notes)):
        if len(items) > MAX_ITEMS:
            raise UserDataError(f"This library export has {len(items):,} {name}; ildesk "
                                f"imports at most {MAX_ITEMS:,} at a time.",
                                "Split the file, or check that it is really an export.")
    out_b: list[_Bookmark] = []
    n_tags = 0
    for i, item in enumerate(marks, 1):
        where = f"bookmark {i}"
        if not isinstance(item, dict):
            raise UserDataError(f"{where} is not an object.")
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise UserDataError(f"{where}: 'tags' must be a list of text.")
        n_tags += len(tags)
        if len(tags) > MAX_TAGS_EACH or n_tags > MAX_TAGS:
            raise UserDataError(f"{where}: too many tags (at most {MAX_TAGS_EACH} a bookmark "
                                f"and {MAX_TAGS:,} in all).")
        for tag in tags:
            _check_text(tag, f"{where}: a tag", MAX_NAME)
        out_b.append(_Bookmark(_text(item, "page_id", where), _text(item, "name", where, False),
                               _text(item, "folder", where, False), clean_tags(tags),
                               _time(item.get("created"), f"{where}: 'created'")))
    out_n: list[_Note] = []
    for i, item in enumerate(notes, 1):
        where = f"note {i}"
        if not isinstance(item, dict):
            raise UserDataError(f"{where} is not an object.")
        out_n.append(_Note(_text(item, "page_id", where), _text(item, "name", where, False),
                           _text(item, "text", where, limit=MAX_TEXT),
                           _time(item.get("updated"), f"{where}: 'updated'")))
    return out_b, out_n


def to_dict(db: Database) -> dict[str, Any]:
    from ildesk.userdata.bookmarks import Bookmarks
    from ildesk.userdata.notes import Notes

    return {
        "format": FORMAT, "version": VERSION,
        "exported_at": utcnow().isoformat(timespec="seconds"),
        "bookmarks": [{"page_id": b.page_id, "name": b.name, "folder": b.folder,
                       "tags": list(b.tags), "created": b.created.isoformat()}
                      for b in Bookmarks(db).all(sort="date")],
        "notes": [{"page_id": n.page_id, "name": n.name, "text": n.text,
                   "updated": n.updated.isoformat()} for n in Notes(db).all()],
    }


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder, then replace."""
    try:
        with atomic_write(path, binary=False, example="library.json") as fh:
            fh.write(text)
    except OutputError as exc:
        raise UserDataError(f"{exc.message[:1].upper()}{exc.message[1:]}.", exc.advice) from exc


def export_file(db: Database, path: Path) -> tuple[int, int]:
    """Export every bookmark and note to `path`; returns (bookmarks, notes) written."""
    data = to_dict(db)
    write_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(data["bookmarks"]), len(data["notes"])


def _read_bounded(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file. A pipe is opened without waiting for a
    writer and a device (/dev/zero) is refused before anything is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise UserDataError(f"{path} is a folder, not a library export.")
        if not stat.S_ISREG(mode):
            raise UserDataError(f"{path} is not a regular file (it is a device, pipe or "
                                "socket), so it was not read.",
                                "Choose a file made by File ▸ Export library.")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise UserDataError(f"{path} is too large to be a library export (more than "
                            f"{MAX_BYTES // (1024 * 1024)} MB).")
    return b"".join(chunks)


def read_file(path: Path) -> Any:
    path = Path(path)
    try:
        raw = _read_bounded(path)
    except FileNotFoundError as exc:
        raise UserDataError(f"{path} does not exist.") from exc
    except IsADirectoryError as exc:
        raise UserDataError(f"{path} is a folder, not a library export.") from exc
    except OSError as exc:
        raise UserDataError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserDataError(f"{path} is not a text file (it is not UTF-8).") from exc
    except RecursionError as exc:
        raise UserDataError(f"{path} is nested too deeply to be a library export.",
                            "Choose a file made by File ▸ Export library.") from exc
    except ValueError as exc:
        raise UserDataError(f"{path} is not valid JSON ({exc}).") from exc


def merge(db: Database, data: Any, progress: Progress | None = None) -> ImportReport:
    """Merge a decoded export into the library in one transaction. `progress(done, total)`
    is called now and then (from the calling thread) while it works."""
    marks, notes = parse(data)
    total = len(marks) + len(notes)
    added = present = n_added = n_updated = n_kept = 0
    step = max(1, total // 100)

    def tick(done: int) -> None:
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)

    with db.write() as s:
        wanted = {b.page_id for b in marks}
        have_b = {r.page_id: r for r in s.scalars(
            select(BookmarkRow).options(selectinload(BookmarkRow.tags)))
            if r.page_id in wanted}
        new_b: dict[str, _Bookmark] = {}
        for i, b in enumerate(marks, 1):
            tick(i)
            row = have_b.get(b.page_id)
            if row is None:
                if b.page_id in new_b:  # the same page twice in one file: one bookmark
                    first = new_b[b.page_id]
                    new_b[b.page_id] = _Bookmark(first.page_id, first.name, first.folder,
                                                 clean_tags([*first.tags, *b.tags]),
                                                 first.created)
                    present += 1
                    continue
                new_b[b.page_id] = b
                added += 1
                continue
            present += 1
            old_tags = [t.tag for t in row.tags]
            merged = clean_tags([*old_tags, *b.tags])
            if len(merged) != len(old_tags):
                known = {t.casefold() for t in old_tags}
                row.tags.extend(TagRow(tag=t) for t in merged if t.casefold() not in known)
        if new_b:
            s.execute(insert(BookmarkRow), [
                {"page_id": b.page_id, "name": b.name or b.page_id, "folder": b.folder.strip(),
                 "created": b.created} for b in new_b.values()])
            tag_rows = [{"page_id": b.page_id, "tag": t} for b in new_b.values() for t in b.tags]
            if tag_rows:
                s.execute(insert(TagRow), tag_rows)
        wanted = {n.page_id for n in notes}
        have_n = {r.page_id: r for r in s.scalars(select(NoteRow)) if r.page_id in wanted}
        new_n: dict[str, _Note] = {}
        for i, n in enumerate(notes, len(marks) + 1):
            tick(i)
            note = have_n.get(n.page_id)
            if note is None:
                earlier = new_n.get(n.page_id)
                if earlier is None or n.updated > earlier.updated:
                    n_added += earlier is None
                    new_n[n.page_id] = n
            elif n.updated > note.updated and n.text != note.text:
                note.text, note.updated = n.text, n.updated
                note.name = n.name or note.name
                n_updated += 1
            else:
                n_kept += 1 if n.text != note.text else 0
        if new_n:
            s.execute(insert(NoteRow), [{"page_id": n.page_id, "name": n.name, "text": n.text,
                                         "updated": n.updated} for n in new_n.values()])
    return ImportReport(added, present, n_added, n_updated, n_kept)


def import_file(db: Database, path: Path, progress: Progress | None = None) -> ImportReport:
    return merge(db, read_file(path), progress)
