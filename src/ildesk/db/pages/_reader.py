"""The query helper every page reader shares, and the rows several kinds of page contain
(drug briefs, references, linked names).

Rows come back as `sqlite3.Row`; the readers turn them into the typed dicts of
`ildesk.db.pages.types`. The tables are the ones `ildesk.db.models` defines.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from ildesk.db.pages.types import DrugBrief, Named, Reference

Row = sqlite3.Row


class Reader:
    """Queries on one connection, each row as a sqlite3.Row."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        try:
            return cur.execute(sql, params).fetchall()
        finally:
            cur.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def row(self, table: str, page_id: str) -> Row:
        """The row of `table` for a page the `page` table lists (so it exists)."""
        found = self.one(f"SELECT * FROM {table} WHERE id = ?", (page_id,))
        if found is None:
            raise LookupError(f"page {page_id} has no row in {table}")
        return found

    def names(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """id -> (short name, kind) for `ids`."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self.all(f"SELECT id, short, kind FROM page WHERE id IN ({marks})", wanted)
        return {r["id"]: (r["short"], r["kind"]) for r in rows}

    def sort_keys(self, ids: Iterable[str]) -> dict[str, str]:
        """id -> the page's sort key (IL-2 before IL-10), for `ids`."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self.all(f"SELECT id, sort_key FROM page WHERE id IN ({marks})", wanted)
        return {r["id"]: r["sort_key"] for r in rows}

    def users(self, ids: Iterable[str]) -> list[Named]:
        """Pages `ids` as {id, name} with their short names, in reading order."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self.all(f"SELECT id, short FROM page WHERE id IN ({marks}) ORDER BY sort_key",
                        wanted)
        return [{"id": r["id"], "name": r["short"]} for r in rows]

    def aliases(self, page_id: str) -> list[str]:
        rows = self.all("SELECT name FROM alias WHERE page_id = ? ORDER BY position", (page_id,))
        return [r["name"] for r in rows]

    def drugs(self, where: str, params: Sequence[Any]) -> list[Row]:
        return self.all("SELECT d.*, p.name AS name FROM drug d JOIN page p ON p.id = d.id "
                        f"WHERE {where} ORDER BY d.id", params)

    def targets(self, drug_ids: Iterable[str]) -> dict[str, list[Row]]:
        wanted = list(dict.fromkeys(drug_ids))
        out: dict[str, list[Row]] = {d: [] for d in wanted}
        if not wanted:
            return out
        marks = ",".join("?" * len(wanted))
        for row in self.all(f"SELECT * FROM drug_target WHERE drug_id IN ({marks}) "
                            "ORDER BY drug_id, position", wanted):
            out[row["drug_id"]].append(row)
        return out

    def references(self, page_id: str) -> list[Reference]:
        rows = self.all("SELECT x.pmid, x.title, x.year FROM page_reference pr "
                        "JOIN reference x ON x.pmid = pr.pmid WHERE pr.page_id = ? "
                        "ORDER BY pr.position", (page_id,))
        return [{"pmid": row["pmid"], "title": row["title"], "year": row["year"]}
                for row in rows]


def json_list(value: str | None) -> list[Any]:
    """A JSON list column (NULL or '' as an empty list)."""
    return list(json.loads(value)) if value else []


def drug_brief(d: Row, targets: list[Row], interleukin: str | None = None) -> DrugBrief:
    """Drug row `d` as a list shows it; `interleukin`: only what it does to that one."""
    mine = [t for t in targets
            if interleukin is None or interleukin in json_list(t["interleukins"])]
    effects = {t["effect"] for t in targets}
    return {"id": d["id"], "name": d["name"], "kind": d["kind"], "status": d["status"],
            "approval_year": d["approval_year"], "brands": json_list(d["brands"]),
            "action": " ".join(dict.fromkeys(t["action"] for t in mine)),
            "binds": list(dict.fromkeys(b for t in mine for b in json_list(t["binds"]))),
            "effect": "mimics" if effects == {"mimics"} else "blocks"}


def drugs_binding(r: Reader, page_id: str) -> list[DrugBrief]:
    """The drugs that bind page `page_id` (a chain or a molecule)."""
    rows = r.all("SELECT DISTINCT t.drug_id FROM drug_target t, json_each(t.binds) j "
                 "WHERE j.value = ?", (page_id,))
    ids = [row["drug_id"] for row in rows]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    drugs = r.drugs(f"d.id IN ({marks})", ids)
    targets = r.targets(ids)
    return [drug_brief(d, targets[d["id"]]) for d in drugs]
