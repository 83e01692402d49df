"""build-db reads the drug data of issue 16: approvals, marketing, biosimilars and clinical
facts become rows; data/exclusions.yaml is checked and stored; bad rows are refused with a
message naming file and field, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from ildesk.cli import main
from ildesk.kb import load


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build_fails(data: Path, tmp_path: Path, monkeypatch, capsys) -> str:
    monkeypatch.setenv("ILDESK_DATA", str(data))
    target = tmp_path / "c.sqlite"
    assert main(["build-db", "-o", str(target)]) == 1
    assert not target.exists()
    return capsys.readouterr().err


def test_every_approval_is_a_row_with_its_year(content, kb):
    rows = content.sqlite.execute(
        "SELECT drug_id, region, date, year, indication_id, status FROM approval "
        "ORDER BY drug_id, position").fetchall()
    expected = [(d.id, a.region, a.date, int(a.date[:4]), a.indication, a.status)
                for d in sorted(kb.drugs.values(), key=lambda d: d.id) for a in d.approvals]
    assert rows == expected and len(rows) > 250


def test_clinical_facts_marketing_and_biosimilars_are_stored(content, kb):
    toci = kb.drugs["tocilizumab"]
    assert toci.biosimilars
    names = {r[0] for r in content.sqlite.execute(
        "SELECT name FROM biosimilar WHERE drug_id = 'tocilizumab'")}
    assert names == {b.name for b in toci.biosimilars}
    route, = content.sqlite.execute(
        "SELECT route FROM drug_clinical WHERE drug_id = 'secukinumab'").fetchone()
    assert route == kb.drugs["secukinumab"].clinical.route
    checked, = content.sqlite.execute(
        "SELECT checked_on FROM drug WHERE id = 'secukinumab'").fetchone()
    assert checked == "2026-12-03"
    assert content.sqlite.execute("SELECT count(*) FROM marketing").fetchone()[0] > 50


def test_exclusions_are_stored_with_their_brands_keyed(content):
    row = content.sqlite.execute(
        "SELECT e.name, e.target FROM exclusion_name n JOIN exclusion e ON e.id = "
        "n.exclusion_id WHERE n.key = 'tezspire'").fetchone()
    assert row is not None and row[0] == "tezepelumab" and "TSLP" in row[1]


def test_a_bad_exclusions_file_is_refused_naming_the_entry_and_field(data_copy, tmp_path,
                                                                      monkeypatch, capsys):
    _edit(data_copy / "exclusions.yaml", "  target: interferon-γ\n", "  targt: interferon-γ\n")
    err = _build_fails(data_copy, tmp_path, monkeypatch, capsys)
    assert "exclusions.yaml[1]: targt: unknown field" in err
    assert "exclusions.yaml[1]: target: required field is missing" in err


def test_an_excluded_name_that_is_also_a_drug_page_is_refused(data_copy, tmp_path,
                                                               monkeypatch, capsys):
    _edit(data_copy / "exclusions.yaml", "- name: emapalumab\n  brands: [Gamifant]",
          "- name: emapalumab\n  brands: [Gamifant, Cosentyx]")
    err = _build_fails(data_copy, tmp_path, monkeypatch, capsys)
    assert ("exclusions.yaml[1]: brands[1]: 'Cosentyx' is excluded but is also a drug of "
            "ildesk (drugs/secukinumab.yaml)") in err


def test_an_exclusions_file_that_is_not_a_list_is_refused(data_copy):
    (data_copy / "exclusions.yaml").write_text("name: tezepelumab\n", encoding="utf-8")
    assert any(str(p).startswith("exclusions.yaml: must hold a list")
               for p in load(data_copy).problems)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("indication: plaque-psoriasis,\n     population: adults, brand: Cosentyx, note: first",
     "indication: plaque-psoriasus,\n     population: adults, brand: Cosentyx, note: first",
     "drugs/secukinumab.yaml: approvals[0].indication: 'plaque-psoriasus' is not a known "
     "disease"),
    ('date: "2023-10-31"', 'date: "2099-10-31"',
     "drugs/secukinumab.yaml: approvals[15].date: 2099-10-31 is in the future"),
])
def test_a_bad_approval_is_refused_with_file_and_field(data_copy, tmp_path, monkeypatch,
                                                       capsys, old, new, message):
    _edit(data_copy / "drugs/secukinumab.yaml", old, new)
    if "2099" in new:  # past checked_on too; the future is what must be said
        _edit(data_copy / "drugs/secukinumab.yaml", 'checked_on: "2026-12-03"',
              'checked_on: "2099-12-31"')
    assert message in _build_fails(data_copy, tmp_path, monkeypatch, capsys)


def test_an_approved_drug_without_approvals_must_say_why(data_copy):
    _edit(data_copy / "drugs/betaleukin.yaml", "approvals_unlisted:", "# approvals_unlisted:")
    problems = [str(p) for p in load(data_copy).problems]
    assert problems == ["drugs/betaleukin.yaml: approvals: the drug is approved-regionally but "
                        "lists no approval; add the rows, or say why there are none in "
                        "'approvals_unlisted'"]


def test_only_the_documented_drugs_are_exempt_from_approval_rows(kb):
    exempt = {d.id for d in kb.drugs.values() if d.approvals_unlisted}
    assert exempt == {"betaleukin", "roncoleukin", "ivarmacitinib",
                      "recombinant-human-interleukin-2"}
