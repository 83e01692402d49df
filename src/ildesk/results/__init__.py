"""The result list as a table (Qt-free): `table_rows(read_page, hits)` turns search hits into
rows of plain text — kind, name, family, main receptor, route, drugs, group — read from the
typed pages; `natural_key` sorts them as a reader expects (IL-2 before IL-10);
`ildesk.results.export`'s `as_csv` and `write_csv` give the table in RFC 4180 CSV (imported
from there: the window's first screen needs no CSV writer). The window
(`ildesk.ui.results_table`) and `ildesk search --csv` show the same rows."""

from __future__ import annotations

from ildesk.results.table import (
    COLUMNS,
    TableRow,
    natural_key,
    row_for,
    sort_rows,
    table_rows,
)

__all__ = ["COLUMNS", "TableRow", "natural_key", "row_for", "sort_rows", "table_rows"]
