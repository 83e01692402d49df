"""Export and import of bookmarks and notes as a JSON file.

    {"format": "ildesk-library", "version": 1, "exported_at": "…",
     "bookmarks": [{"page_id", "name", "folder", "tags", "created"}],
     "notes": [{"page_id", "name", "text", "updated"}]}

Import checks the whole file first and then merges in one transaction: bookmarks are a union
(tags too), and of two notes on the same page the more recently changed one wins. A file that
is not valid changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ildesk.files import OutputError, atomic_write
from ildesk.userdata.bookmarks import clean_tags
from ildesk.userdata.database import Database, UserDataError
from ildesk.userdata.models import BookmarkRow, NoteRow, TagRow, utcnow

FORMAT = "ildesk-library"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ImportReport:
    bookmarks_added: int = 0
    bookmarks_present: int = 0
    notes_added: int = 0
    notes_updated: int = 0
    notes_kept: int = 0  # yours was as new or newer

    def __str__(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        first = f"{n(self.bookmarks_added, 'bookmark')} added, {self.bookmarks_present} " \
                "already present"
        second = f"{n(self.notes_added, 'note')} added, {self.notes_updated} updated"
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
    except ValueError as exc:
        raise UserDataError(f"{where} is not a date and time: {value[:40]!r}.") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _text(item: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = item.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise UserDataError(f"{where}: {key!r} must be {'non-empty ' if required else ''}text.")
    return value


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
    out_b: list[_Bookmark] = []
    for i, item in enumerate(marks, 1):
        where = f"bookmark {i}"
        if not isinstance(item, dict):
            raise UserDataError(f"{where} is not an object.")
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise UserDataError(f"{where}: 'tags' must be a list of text.")
        out_b.append(_Bookmark(_text(item, "page_id", where), _text(item, "name", where, False),
                               _text(item, "folder", where, False), clean_tags(tags),
                               _time(item.get("created"), f"{where}: 'created'")))
    out_n: list[_Note] = []
    for i, item in enumerate(notes, 1):
        where = f"note {i}"
        if not isinstance(item, dict):
            raise UserDataError(f"{where} is not an object.")
        out_n.append(_Note(_text(item, "page_id", where), _text(item, "name", where, False),
                           _text(item, "text", where), _time(item.get("updated"),
                                                             f"{where}: 'updated'")))
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


def read_file(path: Path) -> Any:
    path = Path(path)
    try:
        if path.is_dir():
            raise UserDataError(f"{path} is a folder, not a library export.")
        if path.stat().st_size > MAX_BYTES:
            raise UserDataError(f"{path} is too large to be a library export.")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserDataError(f"{path} does not exist.") from exc
    except OSError as exc:
        raise UserDataError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserDataError(f"{path} is not a text file (it is not UTF-8).") from exc
    except ValueError as exc:
        raise UserDataError(f"{path} is not valid JSON ({exc}).") from exc


def merge(db: Database, data: Any) -> ImportReport:
    """Merge a decoded export into the library in one transaction."""
    marks, notes = parse(data)
    added = present = n_added = n_updated = n_kept = 0
    with db.write() as s:
        for b in marks:
            row = s.get(BookmarkRow, b.page_id)
            if row is None:
                row = BookmarkRow(page_id=b.page_id, name=b.name or b.page_id,
                                  folder=b.folder.strip(), created=b.created)
                row.tags = [TagRow(tag=t) for t in b.tags]
                s.add(row)
                s.flush()
                added += 1
                continue
            present += 1
            have = [t.tag for t in row.tags]
            wanted = clean_tags([*have, *b.tags])
            if len(wanted) != len(have):
                known = {t.casefold() for t in have}
                row.tags.extend(TagRow(tag=t) for t in wanted if t.casefold() not in known)
        for n in notes:
            note = s.get(NoteRow, n.page_id)
            if note is None:
                s.add(NoteRow(page_id=n.page_id, name=n.name, text=n.text, updated=n.updated))
                s.flush()
                n_added += 1
            elif n.updated > note.updated and n.text != note.text:
                note.text, note.updated = n.text, n.updated
                note.name = n.name or note.name
                n_updated += 1
            else:
                n_kept += 1 if n.text != note.text else 0
    return ImportReport(added, present, n_added, n_updated, n_kept)


def import_file(db: Database, path: Path) -> ImportReport:
    return merge(db, read_file(path))
