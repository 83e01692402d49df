"""The validator rejects each kind of bad field and dangling reference, naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ildesk.kb import load


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data: Path) -> list[str]:
    return [str(p) for p in load(data).problems]


def test_shipped_knowledge_base_has_no_problems(kb):
    assert kb.problems == []
    assert len(kb.interleukins) >= 50


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("interleukins/il-2.yaml", "HGNC:6001", "HGNC-6001", "interleukins/il-2.yaml: genes[0].hgnc_id"),
        ("interleukins/il-2.yaml", "uniprot: P60568", "uniprot: 60568", "genes[0].uniprot"),
        ("interleukins/il-2.yaml", "location: 4q27", "location: 4Q27", "genes[0].location"),
        ("interleukins/il-2.yaml", "ncbi_gene_id: 3558", "ncbi_gene_id: three", "genes[0].ncbi_gene_id"),
        ("cell_types/th17-cell.yaml", "cl_id: CL:", "cl_id: XL:", "cell_types/th17-cell.yaml: cl_id"),
        ("interleukins/il-6.yaml", "status: established", "status: rumoured", "il-6.yaml: status"),
        ("interleukins/il-6.yaml", "\nfamily: il-6", "\nfamily: il-6\nfamly: typo", "famly: unknown field"),
        ("interleukins/il-6.yaml", "\nfamily: il-6", "\nfamily: no-such-family", "family: 'no-such-family' is not a known family"),
        ("drugs/tocilizumab.yaml", "binds: [il6r]", "binds: [il6r-typo]", "tocilizumab.yaml: targets[0].binds[0]: 'il6r-typo' is not a known"),
    ],
)
def test_bad_field_is_named(data_copy, file, old, new, expected):
    _edit(data_copy / file, old, new)
    problems = _problems(data_copy)
    assert any(expected in p for p in problems), problems[:10]


def test_missing_required_field(data_copy):
    path = data_copy / "interleukins/il-10.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(ln for ln in lines if not ln.startswith("abbreviation:")),
                    encoding="utf-8")
    assert "interleukins/il-10.yaml: abbreviation: required field is missing" in _problems(data_copy)


def test_dangling_cell_type_and_prose_link(data_copy):
    _edit(data_copy / "interleukins/il-17a.yaml", "cell: th17-cell", "cell: th99-cell")
    _edit(data_copy / "interleukins/il-17a.yaml", "functions:", "functions: |\n  See [[no-such-page]].\n\n  ")
    problems = _problems(data_copy)
    assert any("il-17a.yaml: producers[0].cell: 'th99-cell' is not a known cell type" in p
               for p in problems), problems
    assert any("il-17a.yaml: functions: links to [[no-such-page]]" in p for p in problems)


def test_duplicate_alias_between_entries(data_copy):
    _edit(data_copy / "interleukins/il-4.yaml", "aliases:", "aliases:\n  - TCGF")
    # one problem, on the file that was edited, naming the entry that already has the name
    assert _problems(data_copy) == [
        "interleukins/il-4.yaml: aliases[0]: 'TCGF' is already a name of 'il-2' "
        "(interleukins/il-2.yaml); a name belongs to one entry"]


def test_cycle_in_cell_hierarchy(data_copy):
    path = data_copy / "cell_types/t-cell.yaml"
    text = path.read_text(encoding="utf-8")
    import re

    path.write_text(re.sub(r"parents:.*?\n(?=\w)", "parents: [th17-cell]\n", text, count=1,
                           flags=re.S), encoding="utf-8")
    problems = _problems(data_copy)
    assert any("is-a cycle" in p for p in problems), problems


def test_wrong_encoding_and_syntax_error_are_both_reported(data_copy):
    (data_copy / "cell_types/bad-latin1.yaml").write_bytes("name: caf\xe9\n".encode("latin-1"))
    (data_copy / "diseases/broken.yaml").write_text("id: broken\nname: [unclosed\n",
                                                    encoding="utf-8")
    problems = _problems(data_copy)
    assert any("bad-latin1.yaml: is not UTF-8 text" in p for p in problems)
    assert any("broken.yaml: YAML syntax error at line" in p for p in problems)


def test_file_name_must_match_id(data_copy):
    (data_copy / "drugs/anakinra.yaml").rename(data_copy / "drugs/kineret.yaml")
    assert any("drugs/kineret.yaml: id: 'anakinra' does not match the file name 'kineret'" in p
               for p in _problems(data_copy))
