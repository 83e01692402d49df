"""Bookmarks: starred pages by their stable page id, with the page's name at the time, a
folder and tags. A bookmark whose page is gone from a newer data version is kept and shown
as missing, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from ildesk.userdata.database import Database
from ildesk.userdata.models import BookmarkRow, TagRow, utcnow

Sort = Literal["name", "date"]


@dataclass(frozen=True)
class Bookmark:
    page_id: str
    name: str  # the page's name when it was starred
    folder: str
    tags: tuple[str, ...]
    created: datetime
    missing: bool = False  # the page is not in the content database this program reads


def clean_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    """`"immunology, exam ,, Exam"` -> `("exam", "immunology")`: trimmed, unique, sorted."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, str] = {}
    for tag in tags:
        t = re.sub(r"\s+", " ", tag).strip()
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
    return tuple(sorted(seen.values(), key=str.casefold))


def _to_bookmark(row: BookmarkRow, pages: Container[str] | None) -> Bookmark:
    return Bookmark(row.page_id, row.name, row.folder, tuple(t.tag for t in row.tags),
                    row.created, missing=pages is not None and row.page_id not in pages)


class Bookmarks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, page_id: str, name: str, *, folder: str = "",
            tags: Iterable[str] | str = (), created: datetime | None = None) -> bool:
        """Star a page; False when it was already starred (then nothing changes)."""
        with self._db.write() as s:
            if s.get(BookmarkRow, page_id) is not None:
                return False
            row = BookmarkRow(page_id=page_id, name=name or page_id, folder=folder.strip(),
                              created=created or utcnow())
            row.tags = [TagRow(tag=t) for t in clean_tags(tags)]
            s.add(row)
            return True

    def remove(self, page_id: str) -> bool:
        with self._db.write() as s:
            done = s.execute(delete(TagRow).where(TagRow.page_id == page_id))
            done = s.execute(delete(BookmarkRow).where(BookmarkRow.page_id == page_id))
            return bool(done.rowcount)  # type: ignore[attr-defined]

    def toggle(self, page_id: str, name: str) -> bool:
        """Star or unstar (Ctrl+D); returns True when the page is now starred."""
        if self.add(page_id, name):
            return True
        self.remove(page_id)
        return False

    def __contains__(self, page_id: object) -> bool:
        if not isinstance(page_id, str):
            return False
        with self._db.read() as s:
            return s.get(BookmarkRow, page_id) is not None

    def get(self, page_id: str, pages: Container[str] | None = None) -> Bookmark | None:
        with self._db.read() as s:
            row = s.get(BookmarkRow, page_id)
            return _to_bookmark(row, pages) if row is not None else None

    def set_tags(self, page_id: str, tags: Iterable[str] | str) -> None:
        with self._db.write() as s:
            row = s.get(BookmarkRow, page_id)
            if row is not None:
                row.tags = [TagRow(tag=t) for t in clean_tags(tags)]

    def set_folder(self, page_id: str, folder: str) -> None:
        with self._db.write() as s:
            row = s.get(BookmarkRow, page_id)
            if row is not None:
                row.folder = folder.strip()

    def all(self, *, sort: Sort = "name", text: str = "", tag: str | None = None,
            folder: str | None = None, pages: Container[str] | None = None) -> list[Bookmark]:
        """Every bookmark, filtered and sorted (name A–Z, or date newest first).

        `text` matches name, id, folder or a tag, ignoring case; `pages` (the content's page
        ids, e.g. `pages.labels(content)`) marks bookmarks whose page is missing.
        """
        with self._db.read() as s:
            rows = s.scalars(select(BookmarkRow).options(selectinload(BookmarkRow.tags))).all()
            found = [_to_bookmark(r, pages) for r in rows]
        needle = text.strip().casefold()
        if needle:
            found = [b for b in found if any(
                needle in field.casefold() for field in (b.name, b.page_id, b.folder, *b.tags))]
        if tag:
            found = [b for b in found if tag.casefold() in (t.casefold() for t in b.tags)]
        if folder is not None:
            found = [b for b in found if b.folder == folder]
        if sort == "date":
            found.sort(key=lambda b: (b.created, b.page_id), reverse=True)
        else:
            found.sort(key=lambda b: (b.name.casefold(), b.page_id))
        return found

    def tags(self) -> list[str]:
        with self._db.read() as s:
            return list(clean_tags(s.scalars(select(TagRow.tag).distinct()).all()))

    def folders(self) -> list[str]:
        with self._db.read() as s:
            names = s.scalars(select(BookmarkRow.folder).distinct()).all()
        return sorted((f for f in names if f), key=str.casefold)
