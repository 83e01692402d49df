"""`ildesk drugs` (issue 16): the drug table of a disease with the year each drug was first
approved for it, filters that combine, clear messages for bad names; `show DRUG --json` gains
the approvals; excluded drugs are said to be not covered, and why."""

from __future__ import annotations

import json

import pytest

from ildesk.cli import main

# Every IL-17, IL-23/p40 and TYK2 drug approved for psoriasis (or a subtype), with the year
# of its first approval for it in data/drugs/ (regions as approved there).
PSORIASIS = {
    "secukinumab": 2014, "ixekizumab": 2016, "brodalumab": 2016, "bimekizumab": 2021,
    "netakimab": 2019, "vunakizumab": 2024, "xeligekimab": 2024,
    "ustekinumab": 2009, "guselkumab": 2017, "tildrakizumab": 2018, "risankizumab": 2019,
    "picankibart": 2025, "deucravacitinib": 2022,
}
KEYS = {"id", "name", "targets", "mechanism", "first_approved", "regions", "status"}


def _json(capsys, *args: str) -> dict:
    assert main(["drugs", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _ids(capsys, *args: str) -> set[str]:
    return {d["id"] for d in _json(capsys, *args)["drugs"]}


def test_psoriasis_lists_every_il17_il23_and_tyk2_drug_with_its_year_for_it(capsys, db_path):
    found = _json(capsys, "--disease", "psoriasis")
    assert set(found) == {"drugs"}
    rows = {d["id"]: d for d in found["drugs"]}
    assert all(set(d) == KEYS for d in rows.values())
    assert {d: rows[d]["first_approved"] for d in PSORIASIS if d in rows} == PSORIASIS
    assert rows["secukinumab"]["targets"] == ["il-17a"]
    assert rows["secukinumab"]["mechanism"] == "anti-IL-17A antibody"
    assert rows["deucravacitinib"]["mechanism"] == "TYK2 inhibitor"
    assert rows["ustekinumab"]["regions"] == ["EU", "US"]
    assert rows["vunakizumab"]["regions"] == ["CN"]


def test_first_approved_is_for_the_disease_not_the_drug(capsys, db_path, kb):
    """Upadacitinib came in 2019 for rheumatoid arthritis, to psoriatic arthritis in 2021."""
    upa = kb.drugs["upadacitinib"]
    assert upa.approval_year == 2019
    psa = min(int(a.date[:4]) for a in upa.approvals if a.indication == "psoriatic-arthritis")
    rows = {d["id"]: d for d in _json(capsys, "--disease", "psoriasis")["drugs"]}
    assert rows["upadacitinib"]["first_approved"] == psa == 2021
    every = {d["id"]: d for d in _json(capsys)["drugs"]}
    assert every["upadacitinib"]["first_approved"] == 2019
    assert len(every) == len(kb.drugs)


def test_a_synonym_names_the_disease(capsys, db_path):
    assert "secukinumab" in _ids(capsys, "--disease", "plaque psoriasis")
    assert "bimekizumab" in _ids(capsys, "--disease", "Plaque-Psoriasis")


def test_filters_combine(capsys, db_path):
    il17 = _ids(capsys, "--disease", "psoriasis", "--interleukin", "IL-17A")
    assert {"secukinumab", "ixekizumab", "bimekizumab", "netakimab", "vunakizumab"} <= il17
    assert not il17 & {"ustekinumab", "guselkumab", "deucravacitinib"}
    china = _ids(capsys, "--disease", "psoriasis", "--interleukin", "IL-17A", "--region", "cn")
    assert china == {"vunakizumab", "xeligekimab"} | ({"secukinumab"} & china)
    assert china < il17
    receptor = _ids(capsys, "--interleukin", "IL17RA")
    assert "brodalumab" in receptor


def test_region_and_status_filters(capsys, db_path):
    japan = _json(capsys, "--region", "JP")["drugs"]
    assert japan and all("JP" in d["regions"] for d in japan)
    withdrawn = _json(capsys, "--status", "withdrawn")["drugs"]
    assert {"daclizumab"} <= {d["id"] for d in withdrawn}
    assert all(d["status"] == "withdrawn" for d in withdrawn)
    approved = _ids(capsys, "--status", "approved")
    assert "daclizumab" not in approved and "secukinumab" in approved


@pytest.mark.parametrize(("args", "says"), [
    (["--disease", "IL-6"], "is an interleukin (Interleukin-6), not a disease"),
    (["--disease", "zzzz qqqq"], "no page is called 'zzzz qqqq'"),
    (["--interleukin", "psoriasis"], "not an interleukin or receptor chain"),
    (["--region", "Mars"], "unknown region 'Mars'"),
    (["--status", "lost"], "unknown status 'lost'"),
])
def test_bad_names_say_what_is_valid_and_exit_1(capsys, db_path, args, says):
    assert main(["drugs", *args]) == 1
    err = capsys.readouterr().err
    assert says in err
    if "region" in says:
        assert "Use one of: US, EU, UK, JP, CN, RU" in err
    if "status" in says:
        assert "approved, approved-regionally" in err and "withdrawn" in err


def test_a_usage_error_exits_2(capsys, db_path):
    with pytest.raises(SystemExit) as exc:
        main(["drugs", "--disease"])
    assert exc.value.code == 2


def test_the_text_table_is_aligned(capsys, db_path):
    assert main(["drugs", "--disease", "psoriasis"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:2] == ["Drug", "Acts"]
    column = lines[0].index("First approved")
    secu = next(line for line in lines if line.startswith("secukinumab "))
    assert secu[column:column + 7] == "2014 JP"
    for line in lines[1:]:  # every row's year starts under the heading
        assert line[column - 2:column] == "  " and line[column:column + 2] == "20", line


def test_show_drug_json_keeps_its_keys_and_gains_approvals(capsys, db_path):
    before = {"id", "kind", "name", "short", "summary", "drug_kind", "brands", "status",
              "approval_year", "approval_note", "description", "side_effects", "sources",
              "targets", "indications", "references"}
    assert main(["show", "tocilizumab", "--json"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert before < set(page)
    first = page["approvals"][0]
    assert set(first) == {"region", "regulator", "date", "year", "indication", "population",
                          "status", "brand", "note", "ended"}
    assert (first["region"], first["year"], first["indication"]["id"]) == (
        "JP", 2005, "multicentric-castleman-disease")
    assert page["biosimilars"] and page["clinical"]["boxed_warning"]
    assert page["checked_on"] == "2026-12-03"


@pytest.mark.parametrize("name", ["tezepelumab", "Tezspire", "infliximab", "Humira"])
def test_an_excluded_drug_is_not_covered_and_says_why(capsys, db_path, name):
    assert main(["show", name]) == 1
    err = capsys.readouterr().err
    assert "is not covered by ildesk" in err
    assert "Did you mean" not in err
    assert main(["search", name]) == 0
    text = capsys.readouterr().out
    assert "is not covered by ildesk" in text
    assert "basiliximab" not in text  # no spelling correction to another drug


def test_search_json_carries_the_exclusion(capsys, db_path):
    assert main(["search", "tezepelumab", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert "TSLP" in found["not_covered"] and "IL-7" in found["not_covered"]
    assert main(["search", "IL-6", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["not_covered"] is None


def test_show_drug_text_lists_its_approvals(capsys, db_path):
    assert main(["show", "secukinumab"]) == 0
    text = capsys.readouterr().out
    assert "Approvals:" in text
    assert "JP  2014-12     plaque psoriasis (adults) — approved" in text
    assert main(["show", "betaleukin"]) == 0
    assert "Approvals: registered nationally in Russia" in capsys.readouterr().out


@pytest.mark.parametrize(("drug", "mechanism"), [
    ("secukinumab", "anti-IL-17A antibody"), ("tofacitinib", "JAK1/JAK3 inhibitor"),
    ("delgocitinib", "pan-JAK inhibitor"), ("aldesleukin", "recombinant IL-2"),
    ("anakinra", "IL-1α/IL-1β receptor antagonist"),
    ("rilonacept", "IL-1α/IL-1β trap (fusion protein)"),
    ("tagraxofusp", "IL-3 receptor-targeted fusion protein"),
])
def test_mechanism_in_a_few_words(capsys, db_path, drug, mechanism):
    rows = {d["id"]: d for d in _json(capsys)["drugs"]}
    assert rows[drug]["mechanism"] == mechanism


def test_a_misspelt_disease_is_offered_diseases_only(capsys, db_path):
    assert main(["drugs", "--disease", "psorasis"]) == 1
    err = capsys.readouterr().err
    offered = err.split("Did you mean:")[1].strip().rstrip("?").split(", ")
    assert offered[0] == "psoriasis"
    assert not any(o.startswith(("Interleukin", "IL-")) for o in offered)  # not diseases


def test_show_drug_text_carries_brands_marketing_and_clinical_facts(capsys, db_path):
    assert main(["show", "tocilizumab"]) == 0
    out = capsys.readouterr().out
    assert "Brands: Actemra, RoActemra" in out
    assert "Biosimilars: tocilizumab-bavi (Tofidence)" in out
    assert "Boxed warning: serious infections" in out and "Screening: latent tuberculosis" in out
    assert "checked on 2026-12-03" in out
