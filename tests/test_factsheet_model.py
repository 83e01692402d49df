"""The fact-sheet document: what a sheet says, built from the content database (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from ildesk.db import pages
from ildesk.factsheet import DISCLAIMER, NoSheetError, sheet_for, sheets_for
from ildesk.factsheet.text import first_sentences, sentences


def _sheet(content, name):
    pid = pages.resolve(content, name)
    assert pid, name
    return sheet_for(pages.page(content, pid), pages.labels(content), pages.meta(content),
                     today=date(2025, 1, 2))


def test_sentences_are_whole_and_skip_abbreviations():
    text = "IL-2 acts on T cells, e.g. Tregs. It was cloned in 1983. Taniguchi et al. did it."
    assert sentences(text) == ("IL-2 acts on T cells, e.g. Tregs.", "It was cloned in 1983.",
                               "Taniguchi et al. did it.")
    assert first_sentences(sentences(text), 1) == "IL-2 acts on T cells, e.g. Tregs."


def test_il2_sheet_has_the_facts_a_reader_looks_for(content):
    text = _sheet(content, "IL-2").plain_text()
    for expected in ("IL-2", "Interleukin-2", "IL2", "P60568", "4q27", "HGNC:", "CD25",
                     "JAK1", "JAK3", "STAT5", "aldesleukin", "melanoma",
                     "renal cell carcinoma", "used as therapy", "capillary leak", DISCLAIMER):
        assert expected in text, expected
    assert "[[" not in text and "**" not in text


def test_functions_are_split_into_whole_sentences(content):
    sheet = _sheet(content, "IL-6")
    prose = next(s for s in sheet.sections if s.title == "What it does")
    assert prose.paragraphs
    for para in prose.paragraphs:
        for s in para:
            assert s[-1] in ".!?)\"”" or s[-1].isalnum(), s


def test_heterodimer_names_each_subunit_gene(content):
    text = _sheet(content, "IL-12").plain_text()
    assert "IL12A" in text and "IL12B" in text


def test_footer_has_version_date_and_disclaimer(content):
    sheet = _sheet(content, "IL-10")
    assert sheet.footer.date == "2025-01-02"
    assert sheet.footer.data_version == pages.meta(content)["data_version"]
    assert sheet.footer.disclaimer == DISCLAIMER


def test_disease_and_drug_sheets(content):
    disease = _sheet(content, "psoriasis")
    assert disease.kind == "disease"
    dtext = disease.plain_text()
    assert "Interleukins involved" in dtext and "IL-17" in dtext.replace("Interleukin-", "IL-")
    drug = _sheet(content, "tocilizumab")
    assert drug.kind == "drug"
    t = drug.plain_text()
    assert "approved" in t and "IL6R" in t.upper().replace("-", "")
    assert any(s.title == "Side effects" for s in drug.sections)


def test_a_cell_type_has_no_sheet(content):
    pid = pages.list_pages(content, "cell_type")[0]["id"]
    with pytest.raises(NoSheetError):
        sheet_for(pages.page(content, pid), pages.labels(content), pages.meta(content))
    assert sheets_for(content, [pid]) == []
