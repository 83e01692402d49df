"""Notes: one plain-text note a page, with the time it was last changed; full-text searchable
so the main search can show "your note" hits. Any text is a valid search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import delete, select, text

from ildesk.userdata.database import Database
from ildesk.userdata.models import NoteRow, utcnow

# The same marks as ildesk.search.engine, so a note hit highlights like a page hit.
MARK_START, MARK_END = "\x01", "\x02"


@dataclass(frozen=True)
class Note:
    page_id: str
    name: str  # the page's name when the note was last saved
    text: str
    updated: datetime


class NoteHit(NamedTuple):
    page_id: str
    snippet: str  # the match marked with MARK_START / MARK_END
    name: str = ""

    def snippet_text(self, start: str = "«", end: str = "»") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def match_expression(query: str) -> str | None:
    """User text -> a safe FTS5 query: each word quoted, as a prefix, all required.

    `'IL-6 "AND" NEAR('` -> `'"IL"* "6"* "AND"* "NEAR"*'`; None when there is no word.
    """
    words = re.findall(r"\w+", query.replace("\x00", " "))
    return " ".join(f'"{w}"*' for w in words) if words else None


def _to_note(row: NoteRow) -> Note:
    return Note(row.page_id, row.name, row.text, row.updated)


class Notes:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, page_id: str) -> Note | None:
        with self._db.read() as s:
            row = s.get(NoteRow, page_id)
            return _to_note(row) if row is not None else None

    def save(self, page_id: str, text: str, name: str = "",
             updated: datetime | None = None) -> Note | None:
        """Store the note of `page_id`; blank text deletes it (and returns None).

        Unchanged text is not written again, so its time stays the time of the last edit.
        """
        if not text.strip():
            self.delete(page_id)
            return None
        with self._db.write() as s:
            row = s.get(NoteRow, page_id)
            if row is None:
                row = NoteRow(page_id=page_id, name=name, text=text,
                              updated=updated or utcnow())
                s.add(row)
            elif row.text != text or (name and row.name != name):
                row.text, row.updated = text, updated or utcnow()
                row.name = name or row.name
            return _to_note(row)

    def delete(self, page_id: str) -> bool:
        with self._db.write() as s:
            done = s.execute(delete(NoteRow).where(NoteRow.page_id == page_id))
            return bool(done.rowcount)  # type: ignore[attr-defined]

    def all(self) -> list[Note]:
        """Every note, most recently changed first."""
        with self._db.read() as s:
            rows = s.scalars(select(NoteRow).order_by(NoteRow.updated.desc())).all()
            return [_to_note(r) for r in rows]

    def search(self, query: str, limit: int = 50) -> list[NoteHit]:
        """Notes matching every word of `query` (as prefixes), best first."""
        expr = match_expression(query)
        if expr is None:
            return []
        sql = text("SELECT page_id, snippet(note_fts, 2, :a, :b, '…', 12), name FROM note_fts "
                   "WHERE note_fts MATCH :q ORDER BY bm25(note_fts, 0.0, 2.0, 1.0) LIMIT :n")
        with self._db.read() as s:
            rows = s.execute(sql, {"a": MARK_START, "b": MARK_END, "q": expr,
                                   "n": max(0, limit)}).all()
        return [NoteHit(r[0], r[1] or "", r[2] or "") for r in rows]
