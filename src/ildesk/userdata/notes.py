"""Notes: one plain-text note a page, with the time it was last changed; full-text searchable
so the main search can show "your note" hits. Any text is a valid search, and its cost is
bounded: at most MAX_TERMS distinct words of at most MAX_TERM_CHARS letters are looked up.

Two windows editing one note: an editor saves with `base`, the time of the note it loaded.
When the stored note has changed since, neither text is lost: the note keeps both (the
stored one first, then a CONFLICT_MARK line and the new one) and comes back with
`conflict=True` so the window can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import delete, select, text

from ildesk.userdata.database import Database
from ildesk.userdata.models import NoteRow, utcnow

# The same marks as ildesk.search.engine, so a note hit highlights like a page hit.
MARK_START, MARK_END = "\x01", "\x02"
MAX_TERMS = 12
MAX_TERM_CHARS = 40
CONFLICT_MARK = "──── also written in another window ────"


class _Unset:
    pass


UNSET: Any = _Unset()


@dataclass(frozen=True)
class Note:
    page_id: str
    name: str  # the page's name when the note was last saved
    text: str
    updated: datetime
    conflict: bool = False  # this save met another window's newer text; both were kept


class NoteHit(NamedTuple):
    page_id: str
    snippet: str  # the match marked with MARK_START / MARK_END
    name: str = ""

    def snippet_text(self, start: str = "«", end: str = "»") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


def match_expression(query: str) -> str | None:
    """User text -> a safe FTS5 query: each word quoted, as a prefix, all required.

    `'IL-6 "AND" NEAR('` -> `'"IL"* "6"* "AND"* "NEAR"*'`; None when there is no word.
    A word given twice is looked up once, and only the first MAX_TERMS distinct words count
    (each cut to MAX_TERM_CHARS), so a pasted page costs what a dozen words cost.
    """
    unique: dict[str, str] = {}
    for match in re.finditer(r"\w+", query.replace("\x00", " ")):
        word = match.group()[:MAX_TERM_CHARS]
        unique.setdefault(word.lower(), word)
        if len(unique) >= MAX_TERMS:
            break
    return " ".join(f'"{w}"*' for w in unique.values()) if unique else None


def _to_note(row: NoteRow) -> Note:
    return Note(row.page_id, row.name, row.text, row.updated)


class Notes:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, page_id: str) -> Note | None:
        with self._db.read() as s:
            row = s.get(NoteRow, page_id)
            return _to_note(row) if row is not None else None

    def save(self, page_id: str, text: str, name: str = "", updated: datetime | None = None,
             *, base: datetime | None = UNSET) -> Note | None:
        """Store the note of `page_id`; blank text deletes it (and returns None).

        Unchanged text is not written again, so its time stays the time of the last edit.
        `base` is the `updated` of the note the editor started from (None: there was none);
        given, a note changed by someone else since is kept too (see the module docstring).
        """
        if not text.strip():
            self.delete(page_id)
            return None
        with self._db.write() as s:
            row = s.get(NoteRow, page_id)
            conflict = (base is not UNSET and row is not None and row.updated != base
                        and row.text != text and row.text.strip() not in text)
            if conflict:
                assert row is not None
                text = f"{row.text.rstrip()}\n\n{CONFLICT_MARK}\n{text}"
            if row is None:
                row = NoteRow(page_id=page_id, name=name, text=text,
                              updated=updated or utcnow())
                s.add(row)
            elif row.text != text or (name and row.name != name):
                row.text, row.updated = text, updated or utcnow()
                row.name = name or row.name
            return Note(row.page_id, row.name, row.text, row.updated, conflict)

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
