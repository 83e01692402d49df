"""Drug data rules of issue 16: structured approvals agree with indications, the drugs found
missing are present with their targets and regulators, and the exclusion list is well formed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ildesk.kb import load
from ildesk.kb.names import key
from tests.conftest import DATA

# Drugs added because they were missing (issue 16), with a region where they were approved and
# a chain or molecule (or interleukin) they must bind.
ADDED = {
    "depemokimab": ("US", "il-5"), "deuruxolitinib": ("US", "jak1"),
    "fedratinib": ("EU", "jak2"), "pacritinib": ("US", "irak1"), "momelotinib": ("EU", "jak2"),
    "delgocitinib": ("JP", "tyk2"), "peficitinib": ("JP", "jak3"), "golidocitinib": ("CN", "jak1"),
    "vunakizumab": ("CN", "il-17a"), "xeligekimab": ("CN", "il-17a"),
    "picankibart": ("CN", "il-23"), "stapokibart": ("CN", "il4r"), "genakumab": ("CN", "il-1b"),
    "levilimab": ("RU", "il6r"), "recombinant-human-interleukin-11": ("CN", "il11ra"),
    "teceleukin": ("JP", "il2rb"),
}
# Registered nationally, but the registration date was not verified: indications, no rows.
UNDATED = {"roncoleukin": ("il-2", "mimics"), "betaleukin": ("il-1b", "mimics"),
           "recombinant-human-interleukin-2": ("il-2", "mimics"),
           "ivarmacitinib": ("il-15", "blocks")}
# Approved nationally and since taken off the market: drug, region, and the year it ended.
DISCONTINUED = {"celmoleukin": ("JP", "2018")}
EXCLUSION_FIELDS = {"name", "brands", "target", "reason", "source"}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _exclusions() -> list[dict]:
    return yaml.safe_load((DATA / "exclusions.yaml").read_text(encoding="utf-8"))


def test_every_approval_indication_is_an_indication_and_the_reverse(kb):
    """A refused application is history, not an indication."""
    for drug in kb.drugs.values():
        if drug.approvals:
            approved = {a.indication for a in drug.approvals if a.status != "refused"}
            assert approved == set(drug.indications), drug.id


def test_an_indication_without_its_approval_row_is_reported(data_copy):
    _edit(data_copy / "drugs/stapokibart.yaml", "  - allergic-rhinitis\napprovals:",
          "  - allergic-rhinitis\n  - asthma\napprovals:")
    problems = [str(p) for p in load(data_copy).problems]
    assert any("stapokibart.yaml: indications: 'asthma' has no approval" in p for p in problems)


def test_an_approval_row_missing_from_indications_is_reported(data_copy):
    _edit(data_copy / "drugs/depemokimab.yaml", "  - chronic-rhinosinusitis-with-nasal-polyps\n"
          "approvals:", "approvals:")
    problems = [str(p) for p in load(data_copy).problems]
    assert any("depemokimab.yaml: approvals: 'chronic-rhinosinusitis-with-nasal-polyps' is "
               "approved but missing" in p for p in problems)


def test_an_unquoted_date_is_reported_not_misread(data_copy):
    _edit(data_copy / "drugs/deuruxolitinib.yaml", 'date: "2024-07-25"', "date: 2024-07-25")
    problems = [str(p) for p in load(data_copy).problems]
    assert any("deuruxolitinib.yaml: approvals[0].date" in p for p in problems)


@pytest.mark.parametrize("drug_id", sorted(ADDED))
def test_added_drug_has_its_target_approvals_and_check_date(kb, drug_id):
    region, bound = ADDED[drug_id]
    drug = kb.drugs[drug_id]
    assert any(bound in t.binds for t in drug.targets)
    assert all(t.interleukins for t in drug.targets)
    assert region in {a.region for a in drug.approvals}
    assert drug.checked_on == "2026-12-03"
    assert drug.sources and drug.coverage
    first = min(a.date for a in drug.approvals)
    assert drug.approval_year == int(first[:4])
    assert all(a.date <= drug.checked_on for a in drug.approvals)


@pytest.mark.parametrize("drug_id", sorted(UNDATED))
def test_undated_national_product_says_why_it_has_no_rows(kb, drug_id):
    drug = kb.drugs[drug_id]
    assert drug.status == "approved-regionally" and drug.indications and not drug.approvals
    assert "date" in drug.coverage and "not verified" in drug.coverage
    interleukin, effect = UNDATED[drug_id]
    assert interleukin in drug.targets[0].interleukins
    assert drug.targets[0].effect == effect


@pytest.mark.parametrize("drug_id", sorted(DISCONTINUED))
def test_discontinued_national_product_keeps_its_dated_history(kb, drug_id):
    region, ended = DISCONTINUED[drug_id]
    drug = kb.drugs[drug_id]
    assert drug.status == "discontinued" and drug.checked_on == "2026-12-03"
    rows = [a for a in drug.approvals if a.region == region]
    assert rows and all(a.status == "discontinued" for a in rows)
    assert all(a.ended and a.ended.startswith(ended) for a in rows)
    assert drug.approval_year == min(int(a.date[:4]) for a in rows)
    assert drug.sources and drug.coverage


def test_status_follows_where_a_drug_is_approved(kb):
    for drug_id in (*ADDED, *UNDATED):
        drug = kb.drugs[drug_id]
        west = {a.region for a in drug.approvals} & {"US", "EU"}
        assert drug.status == ("approved" if west else "approved-regionally"), drug_id


def test_new_psoriasis_antibodies_are_first_approved_in_china_for_plaque_psoriasis(kb):
    for drug_id, year in (("vunakizumab", 2024), ("xeligekimab", 2024), ("picankibart", 2025)):
        rows = [a for a in kb.drugs[drug_id].approvals if a.indication == "plaque-psoriasis"]
        assert rows and min(int(a.date[:4]) for a in rows) == year
        assert {a.regulator for a in rows} == {"NMPA"}


def test_exclusions_have_exactly_the_documented_fields():
    entries = _exclusions()
    assert isinstance(entries, list) and len(entries) >= 10
    for entry in entries:
        assert set(entry) == EXCLUSION_FIELDS, entry.get("name")
        assert isinstance(entry["brands"], list)
        for field in EXCLUSION_FIELDS - {"brands"}:
            assert isinstance(entry[field], str) and entry[field].strip(), (entry["name"], field)


def test_exclusions_name_the_cytokines_readers_ask_about(kb):
    by_name = {e["name"]: e for e in _exclusions()}
    assert "TSLP" in by_name["tezepelumab"]["target"]
    assert "IL-7" in by_name["tezepelumab"]["reason"]
    assert "interferon-γ" in by_name["emapalumab"]["target"]
    assert {"infliximab", "adalimumab", "etanercept", "sargramostim"} <= set(by_name)


def test_no_drug_is_both_covered_and_excluded(kb):
    covered = {key(d.name) for d in kb.drugs.values()} | set(kb.drugs)
    covered |= {key(b) for d in kb.drugs.values() for b in d.brands}
    for entry in _exclusions():
        assert key(entry["name"]) not in covered, entry["name"]
        assert not {key(b) for b in entry["brands"]} & covered, entry["name"]
