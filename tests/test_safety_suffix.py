"""Issue 19, point 16 (the command line): `-o` must name a file of the command's kind, or
say --force. `ildesk factsheet IL-6 -o ~/.bashrc` replaced the file before; now it is refused
and the file is untouched."""

from __future__ import annotations

import pytest

import ildesk.kb
from tests.hostile_support import assert_clear_failure, cli


@pytest.mark.parametrize("name", [".bashrc", "notes.txt", "report", "sheet.pdf.bak"])
def test_factsheet_output_needs_a_pdf_name(capsys, tmp_path, name):
    target = tmp_path / name
    target.write_text("keep me\n")
    assert_clear_failure(cli(capsys, "factsheet", "IL-6", "-o", str(target)), ".pdf", "--force")
    assert target.read_text() == "keep me\n"


def test_factsheet_output_with_force_is_written(capsys, tmp_path):
    target = tmp_path / "sheet"
    assert cli(capsys, "factsheet", "IL-6", "-o", str(target), "--force").code == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_build_db_output_needs_a_database_name(capsys, tmp_path, kb, monkeypatch):
    monkeypatch.setattr(ildesk.kb, "load", lambda _root: kb)
    target = tmp_path / ".profile"
    target.write_text("keep me\n")
    run = cli(capsys, "build-db", "--data", str(kb.root), "-o", str(target))
    assert_clear_failure(run, ".sqlite", "--force")
    assert target.read_text() == "keep me\n"


@pytest.mark.parametrize("name", [".bashrc", "diagram.pdf"])
def test_diagram_output_needs_an_svg_or_png_name(capsys, tmp_path, name):
    target = tmp_path / name
    target.write_text("keep me\n")
    run = cli(capsys, "diagram", "IL-6", "-o", str(target))
    assert run.code in (1, 2) and target.read_text() == "keep me\n"
