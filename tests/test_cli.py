"""The command-line contract that scripts and later features rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ildesk import __version__
from ildesk.cli import main


def run_json(capsys, *args):
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_show_il2_json_contract(capsys, db_path):
    page = run_json(capsys, "show", "IL2", "--json")
    for key in ("id", "name", "abbreviation", "aliases", "family", "genes", "receptors",
                "signalling", "cell_types", "diseases", "drugs", "references"):
        assert key in page
    assert page["id"] == "il-2"
    gene = page["genes"][0]
    assert (gene["symbol"], gene["hgnc_id"], gene["ncbi_gene_id"], gene["uniprot"],
            gene["location"]) == ("IL2", "HGNC:6001", 3558, "P60568", "4q27")
    chains = {c for r in page["receptors"] for c in r["chains"]}
    assert {"IL2RA", "IL2RB", "IL2RG"} <= chains
    assert {"JAK1", "JAK3"} <= set(page["signalling"]["kinases"])
    assert any(tf.startswith("STAT5") for tf in page["signalling"]["transcription_factors"])
    assert "aldesleukin" in {d["name"] for d in page["drugs"]}
    for cell in page["cell_types"]:
        assert cell["cl_id"].startswith("CL:") and cell["role"] in ("producer", "target")
    assert len(page["references"]) >= 3 and all(r["pmid"] > 0 for r in page["references"])


@pytest.mark.parametrize("name", ["IL2", "il-2", "IL 2", "Interleukin 2", "interleukin-2",
                                  "Interleukin-2", "TCGF", "il-2"])
def test_any_spelling_shows_il2(capsys, db_path, name):
    assert run_json(capsys, "show", name, "--json")["id"] == "il-2"


def test_show_text_is_readable(capsys, db_path):
    assert main(["show", "IL-6"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("IL-6 — Interleukin-6")
    assert "IL6R" in out and "References:" in out


def test_unknown_name_is_an_error_with_a_hint(capsys, db_path):
    assert main(["show", "interlukin 6"]) == 1
    err = capsys.readouterr().err
    assert "no page is called 'interlukin 6'" in err
    assert "Did you mean" in err and "Interleukin-6" in err


def test_list_every_kind(capsys, db_path):
    rows = run_json(capsys, "list", "--json")
    kinds = {r["kind"] for r in rows}
    assert {"interleukin", "receptor", "molecule", "cell_type", "disease", "drug"} <= kinds
    assert all(set(r) == {"id", "name", "kind"} for r in rows)
    ils = run_json(capsys, "list", "--kind", "interleukin", "--json")
    assert len(ils) >= 50 and {r["kind"] for r in ils} == {"interleukin"}


def test_list_unknown_kind(capsys, db_path):
    assert main(["list", "--kind", "planet"]) == 1
    assert "unknown kind 'planet'" in capsys.readouterr().err


def test_search_json_fields(capsys, db_path):
    result = run_json(capsys, "search", "tocilizumab", "--json", "--limit", "3")
    assert len(result["hits"]) == 3
    assert all(set(h) >= {"id", "name", "score", "snippet", "kind"} for h in result["hits"])
    assert "il-6" in [h["id"] for h in result["hits"]]


def test_missing_database_is_a_clear_error(capsys, tmp_path):
    assert main(["show", "IL2", "--db", str(tmp_path / "none.sqlite")]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "build-db" in err


def test_version_and_usage_errors():
    out = subprocess.run([sys.executable, "-m", "ildesk", "--version"], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0 and out.stdout.strip() == f"ildesk {__version__}"
    bad = subprocess.run([sys.executable, "-m", "ildesk", "search", "--role", "x"],
                         capture_output=True,
                         text=True, check=False)
    assert bad.returncode == 2 and "usage:" in bad.stderr


def test_no_display_points_to_xvfb(db_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "ildesk"], capture_output=True, text=True,
                         env=env, check=False, timeout=60)
    if sys.platform.startswith("linux"):
        assert out.returncode == 1
        assert "no display" in out.stderr and "xvfb-run" in out.stderr
        assert "Traceback" not in out.stderr


def test_options_are_never_guessed_from_a_prefix(capsys, db_path):
    # `--lim` is not taken for `--limit`: a later option starting the same way cannot
    # silently change what an old script means
    with pytest.raises(SystemExit) as exit_:
        main(["search", "il", "--lim", "3"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --lim" in capsys.readouterr().err


def test_the_window_rebuild_says_what_build_db_says(data_copy, tmp_path, capsys, qapp,
                                                    monkeypatch):
    from ildesk.ui.app import _rebuild

    il2 = data_copy / "interleukins/il-2.yaml"
    il2.write_text(il2.read_text(encoding="utf-8").replace("HGNC:6001", "HGNC:x"),
                   encoding="utf-8")
    monkeypatch.setenv("ILDESK_DATA", str(data_copy))
    target = tmp_path / "c.sqlite"
    assert main(["build-db", "-o", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    error = _rebuild(target)
    assert error is not None
    assert err[-2:] == [f"ildesk: error: {error.message}", error.advice]
    assert err[:-2] == [f"data/{p}" for p in error.problems]
    assert error.message == (f"{len(error.problems)} problem(s) in {data_copy}; "
                             "nothing was written.")
    assert "interleukins/il-2.yaml: genes[0].hgnc_id" in str(error.problems[0])
    assert not target.exists()


@pytest.mark.parametrize(("name", "page_id", "first_suggestion"), [
    ("TCGF", "il-2", None),             # an alias
    ("CD25", "il2ra", None),            # the receptor chain's own page
    ("interlukin 6", None, "Interleukin-6"),  # a misspelling is no page: "did you mean"
    ("zzqxv", None, None),
])
def test_one_rule_says_which_page_a_name_means(content, searcher, capsys, name, page_id,
                                               first_suggestion):
    from ildesk.search.names import find_page

    found = find_page(content, searcher, name)
    assert found.page_id == page_id
    assert (found.suggestions[:1] or [None])[0] == first_suggestion
    code = main(["show", name, "--json"])
    captured = capsys.readouterr()
    if page_id:  # the command line shows that page ...
        assert code == 0 and json.loads(captured.out)["id"] == page_id
    else:  # ... or says there is none, offering the same names
        assert code == 1
        assert (f"Did you mean: {first_suggestion}" in captured.err) is bool(first_suggestion)


@pytest.mark.parametrize(("query", "said"), [("zzqxv", "Nothing matched “zzqxv”."),
                                              ("  zzqxv   qqq ", "Nothing matched “zzqxv qqq”.")])
def test_a_search_that_finds_nothing_says_what_was_asked(capsys, db_path, query, said):
    """The same words as the window's: what was asked, in quotation marks, and exit 0."""
    assert main(["search", query]) == 0
    assert capsys.readouterr().out.splitlines()[0] == said
