"""Fact sheets as PDF: one page each, real text, inside the margins, safe with bad paths."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import pytest

from tests.factsheet_support import pdf_info, pdf_pages, pdf_text, run_cli


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for output (tmp_path itself may hold the test's user folder)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_il2_sheet_is_one_page_with_the_key_facts(db_path: Path, out: Path) -> None:
    out = out / "il2.pdf"
    r = run_cli(db_path, "factsheet", "IL-2", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert pdf_pages(out) == 1
    text = " ".join(pdf_text(out).split())
    for expected in ("IL2", "P60568", "4q27", "CD25", "JAK1", "JAK3", "STAT5", "aldesleukin",
                     "melanoma", "renal cell carcinoma", "Not medical advice"):
        assert expected in text, f"{expected!r} is not in the PDF text"
    info = pdf_info(out)
    assert "IL-2" in info and "ildesk" in info  # title and creator


def test_all_gives_a_cover_and_one_page_per_interleukin(db_path: Path, out: Path,
                                                        content) -> None:
    from ildesk.db import pages

    n = len(pages.list_pages(content, "interleukin"))
    out = out / "all.pdf"
    r = run_cli(db_path, "factsheet", "--all", "-o", str(out), "--page-size", "Letter")
    assert r.returncode == 0, r.stderr
    assert pdf_pages(out) == n + 1
    text = pdf_text(out)
    assert "Interleukin fact sheets" in text and "IL-41" in text.replace("Interleukin-41", "IL-41")


def test_disease_and_drug_sheets(db_path: Path, out: Path) -> None:
    out = out / "d.pdf"
    assert run_cli(db_path, "factsheet", "--disease", "psoriasis", "-o", str(out)).returncode == 0
    assert pdf_pages(out) == 1
    text = " ".join(pdf_text(out).split())
    assert "Interleukins involved" in text
    assert "signalling, a therapeutic target in psoriasis" in text  # the diagram's caption
    r = run_cli(db_path, "factsheet", "--drug", "tocilizumab", "-o", str(out))
    assert r.returncode == 0, r.stderr
    text = " ".join(pdf_text(out).split())
    assert "Tocilizumab" in text and "IL6R" in text and "Side effects" in text
    assert "Where tocilizumab acts: IL-6 signalling" in text
    assert "STAT3" in text and "sarilumab" in text  # the diagram, its labels as text


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
def test_every_sheet_stays_inside_its_margins(qapp, content, page_size: str) -> None:
    from ildesk.db import pages
    from ildesk.factsheet import sheets_for
    from ildesk.render.factsheet import layouts

    ids = [p["id"] for kind in ("interleukin", "disease", "drug")
           for p in pages.list_pages(content, kind)]
    sheets = sheets_for(content, ids)
    assert len(sheets) == len(ids)
    for sheet, lay in zip(sheets, layouts(sheets, page_size, 15.0, cover=False), strict=True):
        assert lay.fits, f"{sheet.title} overflows ({page_size}): {lay.fit}"
        assert lay.outside() == [], f"{sheet.title} paints outside the margins ({page_size})"
        assert lay.fit.body_pt >= 7.5


def test_long_entries_are_shortened_not_clipped(qapp, content) -> None:
    from dataclasses import replace

    from ildesk.factsheet import sheets_for
    from ildesk.factsheet.model import Section, Span
    from ildesk.render.factsheet import layouts

    sheet = sheets_for(content, ["il-6"])[0]
    many = Section("Diseases", "list", items=tuple((Span(f"disease number {i}"),)
                                                   for i in range(80)))
    huge = replace(sheet, sections=(*sheet.sections, many))
    lay = layouts([huge])[0]
    assert lay.fits and not lay.outside()
    assert "… and" in lay.text()


def test_a_folder_as_output_is_refused(db_path: Path, out: Path) -> None:
    r = run_cli(db_path, "factsheet", "IL-2", "-o", str(out))
    assert r.returncode == 1
    assert "is a folder" in r.stderr and "Traceback" not in r.stderr
    assert list(out.iterdir()) == []


def test_an_unwritable_folder_is_reported(db_path: Path, out: Path, qapp, capsys,
                                          monkeypatch) -> None:
    from ildesk import cli

    locked = out / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: simulate the refusal
        def refuse(*a, **k):
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        locked.chmod(0o500)
    code = cli.main(["--db", str(db_path), "factsheet", "IL-2", "-o", str(locked / "x.pdf")])
    locked.chmod(0o700)
    err = capsys.readouterr().err
    assert code == 1
    assert "permission" in err.lower()
    assert list(locked.iterdir()) == []


def test_a_full_disk_leaves_nothing_behind(db_path: Path, out: Path, qapp, capsys,
                                           monkeypatch) -> None:
    from ildesk import cli
    from ildesk.render import pdf

    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf, "_write_all", full)
    target = out / "il2.pdf"
    code = cli.main(["--db", str(db_path), "factsheet", "IL-2", "-o", str(target)])
    assert code == 1
    assert "disk is full" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_a_full_disk_keeps_the_previous_file(content, out: Path, qapp, monkeypatch) -> None:
    from ildesk.factsheet import sheets_for
    from ildesk.render import factsheet, pdf

    target = out / "old.pdf"
    target.write_bytes(b"previous")
    sheets = sheets_for(content, ["il-2"])

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf, "_write_all", full)
    with pytest.raises(factsheet.PdfWriteError, match="disk is full"):
        factsheet.write_pdf(sheets, target)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in out.iterdir()] == ["old.pdf"]


def test_a_missing_name_suggests_another(db_path: Path, out: Path) -> None:
    r = run_cli(db_path, "factsheet", "IL-2x", "-o", str(out / "x.pdf"))
    assert r.returncode == 1
    assert "did you mean" in r.stderr.lower() and "Traceback" not in r.stderr
    assert list(out.iterdir()) == []
