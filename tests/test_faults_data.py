"""Broken knowledge-base files: `ildesk build-db` reports every problem in one run, each line
naming file and field, exits 1, and leaves the previous database byte for byte as it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from ildesk.kb import load
from tests.hostile_support import assert_clear_failure, cli, leftovers, sha256


def _yaml(path: Path, change: Callable[[dict[str, Any]], object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _first_drug_with_indications(data: Path, skip: set[str]) -> str:
    for path in sorted((data / "drugs").glob("*.yaml")):
        if path.stem not in skip and yaml.safe_load(path.read_text("utf-8")).get("indications"):
            return path.stem
    raise AssertionError("no drug with indications")


def _cycle_pair(data: Path, avoid: set[str]) -> tuple[str, str]:
    """A cell type and its parent (other than the root), to make the parent its child's."""
    for path in sorted((data / "cell_types").glob("*.yaml")):
        parents = yaml.safe_load(path.read_text("utf-8"))["parents"]
        for parent in parents:
            if parent != "cell" and path.stem not in avoid and parent not in avoid:
                return path.stem, parent
    raise AssertionError("no cell type below another")


def break_everything(data: Path) -> list[tuple[str, ...]]:
    """Introduce one fault per file; return, per fault, words its problem line must hold."""
    expect: list[tuple[str, ...]] = []
    # YAML syntax error
    il33 = data / "interleukins/il-33.yaml"
    il33.write_text(il33.read_text("utf-8") + "\nbroken: [unclosed, list\n", encoding="utf-8")
    expect.append(("interleukins/il-33.yaml: YAML syntax error at line",))
    # a required field missing
    _yaml(data / "interleukins/il-10.yaml", lambda d: d.pop("abbreviation"))
    expect.append(("interleukins/il-10.yaml: abbreviation: required field is missing",))
    # a wrong type
    _yaml(data / "interleukins/il-18.yaml", lambda d: d["genes"][0].update(length_aa="long"))
    expect.append(("interleukins/il-18.yaml: genes[0].length_aa:",))
    # bad identifiers: HGNC, UniProt, CL, MONDO
    _yaml(data / "chains/il6r.yaml", lambda d: d.update(hgnc_id="HGNC6019"))
    expect.append(("chains/il6r.yaml: hgnc_id: 'HGNC6019' is not in the expected form",))
    _yaml(data / "interleukins/il-4.yaml", lambda d: d["genes"][0].update(uniprot="P0523"))
    expect.append(("interleukins/il-4.yaml: genes[0].uniprot: 'P0523'",))
    _yaml(data / "cell_types/th17-cell.yaml", lambda d: d.update(cl_id="CL:899"))
    expect.append(("cell_types/th17-cell.yaml: cl_id: 'CL:899'",))
    _yaml(data / "diseases/psoriasis.yaml", lambda d: d.update(mondo_id="MONDO:5083"))
    expect.append(("diseases/psoriasis.yaml: mondo_id: 'MONDO:5083'",))
    # a dangling cross-reference
    drug = _first_drug_with_indications(data, set())
    _yaml(data / f"drugs/{drug}.yaml", lambda d: d.update(indications=["no-such-disease"]))
    expect.append((f"drugs/{drug}.yaml: indications[0]: 'no-such-disease' is not a known",))
    # a duplicate id (the same id in two folders)
    mac = yaml.safe_load((data / "molecules/cebpb.yaml").read_text("utf-8"))
    mac["id"], mac["name"], mac["symbol"] = "macrophage", "Macrophage protein", ""
    for k in ("hgnc_id", "ncbi_gene_id", "uniprot", "common_names"):
        mac.pop(k, None)
    (data / "molecules/macrophage.yaml").write_text(yaml.safe_dump(mac), encoding="utf-8")
    expect.append(("macrophage.yaml: id: 'macrophage' is already used by",))
    # a duplicate alias (IL-6's old name given to IL-21 as well)
    _yaml(data / "interleukins/il-21.yaml", lambda d: d["aliases"].append("BSF-2"))
    expect.append(("aliases[", "'BSF-2' is already a name of"))
    # a cycle in the cell-type hierarchy
    child, parent = _cycle_pair(data, {"th17-cell", "macrophage"})
    _yaml(data / f"cell_types/{parent}.yaml", lambda d: d["parents"].append(child))
    expect.append(("parents: is-a cycle:", child, parent))
    # Latin-1 bytes
    latin = data / "molecules/irak1.yaml"
    text = latin.read_text("utf-8").replace("description: ", "description: Café — ", 1)
    latin.write_bytes(text.encode("latin-1", errors="replace"))
    expect.append(("molecules/irak1.yaml: is not UTF-8 text",))
    # an empty file, and a file that is a YAML list
    drugs = sorted(p.stem for p in (data / "drugs").glob("*.yaml") if p.stem != drug)
    (data / f"drugs/{drugs[0]}.yaml").write_text("", encoding="utf-8")
    expect.append((f"drugs/{drugs[0]}.yaml: must hold a mapping",))
    (data / f"drugs/{drugs[1]}.yaml").write_text("- id: x\n- name: y\n", encoding="utf-8")
    expect.append((f"drugs/{drugs[1]}.yaml: must hold a mapping",))
    return expect


def test_build_db_reports_every_problem_and_keeps_the_old_database(capsys, data_copy,
                                                                    tmp_path):
    out_dir = tmp_path / "out"
    out = out_dir / "ildesk.sqlite"
    good = cli(capsys, "build-db", "--data", str(data_copy), "-o", str(out))
    assert good.code == 0, good.err
    before = sha256(out)

    faults = break_everything(data_copy)
    run = cli(capsys, "build-db", "--data", str(data_copy), "-o", str(out))
    assert_clear_failure(run, "nothing was written")
    lines = run.err.splitlines()
    for words in faults:
        assert any(all(w in line for w in words) for line in lines), (words, lines)
    problem_lines = lines[:-2]
    assert len(problem_lines) >= len(faults)
    for line in problem_lines:  # every line names the file (and, where there is one, field)
        where = line.split(": ")[0]
        assert where.startswith(f"{data_copy.name}/"), line
        assert where.endswith((".yaml", ".md")), line
    assert sha256(out) == before
    assert leftovers(out_dir, {"ildesk.sqlite"}) == []


@pytest.mark.parametrize("case", ["empty families", "families as a mapping", "no folder"])
def test_top_level_faults(capsys, data_copy, tmp_path, case):
    if case == "empty families":
        (data_copy / "families.yaml").write_text("", encoding="utf-8")
        expected = "families.yaml: must hold a list of families"
    elif case == "families as a mapping":
        (data_copy / "families.yaml").write_text("id: il-1\n", encoding="utf-8")
        expected = "families.yaml: must hold a list of families"
    else:
        shutil.rmtree(data_copy)
        expected = "is not a folder"
    run = cli(capsys, "build-db", "--data", str(data_copy), "-o", str(tmp_path / "x.sqlite"))
    assert_clear_failure(run, expected)
    assert not (tmp_path / "x.sqlite").exists()


def test_each_fault_alone_is_found(data_copy):
    """The same faults one at a time (a fault must not hide behind another)."""
    pristine = data_copy.parent / "pristine"
    shutil.copytree(data_copy, pristine)
    broken = data_copy.parent / "broken"
    shutil.copytree(data_copy, broken)
    break_everything(broken)
    changed = [p.relative_to(broken) for p in broken.rglob("*.yaml")
               if not (pristine / p.relative_to(broken)).exists()
               or (pristine / p.relative_to(broken)).read_bytes() != p.read_bytes()]
    assert len(changed) >= 14
    for rel in changed[::3]:  # a third of them, to keep the run short
        single = data_copy.parent / f"single-{rel.stem}"
        shutil.copytree(pristine, single)
        shutil.copyfile(broken / rel, single / rel)
        problems = [str(p) for p in load(single).problems]
        assert any(str(rel) in p for p in problems), (rel, problems[:5])
        shutil.rmtree(single)
