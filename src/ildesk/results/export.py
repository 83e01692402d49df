"""The results table as CSV (RFC 4180): a header row, then a row per hit in the order given;
UTF-8 without a byte-order mark, CRLF line ends, fields quoted when they hold a comma, a
quote or a line break (a quote doubled). Written through `files.atomic_write`, so a failed
export leaves any existing file as it was."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

from ildesk.files import atomic_write
from ildesk.results.table import COLUMNS, TableRow

_UNSAFE = re.compile(r"[^\w.+-]+")


def as_csv(rows: Sequence[TableRow]) -> str:
    """The table as CSV text.

    >>> as_csv([TableRow("x", ("Drug", "a, b", "", "", "", "", '1" tall'))]).splitlines()[1]
    'Drug,"a, b",,,,,"1"" tall"'
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([header for _, header in COLUMNS])
    for row in rows:
        writer.writerow(row.cells)
    return out.getvalue()


def write_csv(path: Path, rows: Sequence[TableRow]) -> Path:
    """Write the table to `path` atomically; raises OutputError (the old file intact)."""
    data = as_csv(rows).encode("utf-8")
    with atomic_write(path, example="results.csv") as fh:
        fh.write(data)
    return path


def csv_name(query: str) -> str:
    """A file name for the results of `query`.

    >>> csv_name("Th17"), csv_name("drugs for psoriasis"), csv_name("  ")
    ('th17.csv', 'drugs-for-psoriasis.csv', 'results.csv')
    """
    stem = _UNSAFE.sub("-", query.strip().casefold()).strip("-.")[:60]
    return f"{stem or 'results'}.csv"

