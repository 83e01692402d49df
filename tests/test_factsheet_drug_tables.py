"""The drug tables on paper (issue 16): a disease sheet carries its drug table (drug, acts
on, first approved for it with the region, regions, status), a drug sheet its approvals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ildesk.factsheet.model import Section, rich
from tests.factsheet_support import pdf_pages, pdf_text, run_cli


def _row(text: str, name: str) -> str:
    """The line of the table that starts with `name` (the diagram's drug boxes, which
    name drugs too, join them with "·")."""
    line = next((ln for ln in text.splitlines() if re.match(rf"\s*{name}\s+[A-Z]", ln)), None)
    assert line is not None, f"no table row starts with {name!r}"
    return " ".join(line.split())


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_the_psoriasis_sheet_carries_the_drug_table(db_path: Path, tmp_path: Path,
                                                    page_size: str) -> None:
    out = tmp_path / "psoriasis.pdf"
    r = run_cli(db_path, "factsheet", "--disease", "psoriasis", "-o", str(out),
                "--page-size", page_size)
    assert r.returncode == 0, r.stderr
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert re.search(r"Drug\s+Acts on\s+First approved\s+Regions\s+Status", text)
    assert _row(text, "secukinumab") == "secukinumab IL-17A 2014 JP EU, JP, US approved"
    assert _row(text, "ustekinumab").startswith("ustekinumab IL-12, IL-23 2009 EU")
    for name, year in (("deucravacitinib", "2022"), ("vunakizumab", "2024 CN"),
                       ("picankibart", "2025 CN"), ("bimekizumab", "2021 EU")):
        assert year in _row(text, name)


def test_the_tocilizumab_sheet_carries_its_approvals(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "toci.pdf"
    r = run_cli(db_path, "factsheet", "tocilizumab", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = pdf_text(out)
    assert re.search(r"Region\s+Date\s+Indication\s+Population\s+Status", text)
    assert re.search(r"JP\s+2005\s+multicentric Castleman disease", text)
    assert "Takayasu arteritis" in text  # the indications list keeps every indication


def test_a_table_section_needs_a_cell_per_column() -> None:
    with pytest.raises(ValueError, match="a cell per column"):
        Section("T", "table", items=(rich("a"),), columns=("A", "B"),
                cells=((rich("a"),),), widths=(1.0, 1.0))
