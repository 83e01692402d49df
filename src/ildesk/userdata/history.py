"""History: the pages a person opened, with the time. Browsed newest first; cleared at will;
not recorded at all when the preference is off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select

from ildesk.userdata.database import Database
from ildesk.userdata.models import PreferenceRow, VisitRow, utcnow
from ildesk.userdata.prefs import LAST_PAGE_KEY, PREFIX

KEEP = 10_000  # the oldest visits beyond this many are forgotten


@dataclass(frozen=True)
class Visit:
    id: int
    page_id: str
    name: str
    opened_at: datetime


class History:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(self, page_id: str, name: str, when: datetime | None = None) -> bool:
        """Note that `page_id` was opened; False when history is off (nothing is stored).

        Opening the page already at the top of the history only moves its time. The last
        page read is remembered too (for reopening it on start) unless history is off and
        the start page is not "last".
        """
        when = when or utcnow()
        with self._db.write() as s:
            prefs = dict(s.execute(select(PreferenceRow.key, PreferenceRow.value).where(
                PreferenceRow.key.in_([PREFIX + "history_enabled", PREFIX + "start_page"]))
            ).all())
            enabled = prefs.get(PREFIX + "history_enabled", "true") != "false"
            start_last = prefs.get(PREFIX + "start_page") == json.dumps("last")
            if enabled or start_last:
                s.merge(PreferenceRow(key=LAST_PAGE_KEY, value=json.dumps([page_id, name])))
            if not enabled:
                return False
            top = s.scalars(select(VisitRow).order_by(VisitRow.id.desc()).limit(1)).first()
            if top is not None and top.page_id == page_id:
                top.opened_at, top.name = when, name
            else:
                s.add(VisitRow(page_id=page_id, name=name, opened_at=when))
                s.flush()
                cutoff = s.scalar(select(VisitRow.id).order_by(VisitRow.id.desc())
                                  .offset(KEEP).limit(1))
                if cutoff is not None:
                    s.execute(delete(VisitRow).where(VisitRow.id <= cutoff))
            return True

    def all(self, limit: int = 1000) -> list[Visit]:
        """The most recent visits, newest first."""
        with self._db.read() as s:
            rows = s.scalars(select(VisitRow).order_by(VisitRow.opened_at.desc(),
                                                       VisitRow.id.desc()).limit(limit)).all()
            return [Visit(r.id, r.page_id, r.name, r.opened_at) for r in rows]

    def count(self) -> int:
        with self._db.read() as s:
            return int(s.scalar(select(func.count()).select_from(VisitRow)) or 0)

    def remove(self, visit_id: int) -> None:
        with self._db.write() as s:
            s.execute(delete(VisitRow).where(VisitRow.id == visit_id))

    def clear(self) -> int:
        """Forget every visit (and the last page read); returns how many were forgotten."""
        with self._db.write() as s:
            done = s.execute(delete(VisitRow))
            s.execute(delete(PreferenceRow).where(PreferenceRow.key == LAST_PAGE_KEY))
            return int(done.rowcount)  # type: ignore[attr-defined]
