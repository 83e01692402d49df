"""`ildesk compare`: the text table, --json and -o FILE.pdf for the three pairs the issue
names, and the messages (exit 1) and usage errors (exit 2) around them."""

from __future__ import annotations

import json

import pytest

from ildesk.cli import main
from tests.compare_support import NAMES, PAIRS
from tests.factsheet_support import pdf_pages, pdf_text

# Any drawing here uses the QApplication pytest-qt shares with the window tests.
pytestmark = pytest.mark.usefixtures("qapp")

@pytest.mark.parametrize("pair", list(PAIRS))
def test_json_names_shared_and_own(capsys, db_path, pair):
    want = PAIRS[pair]
    assert main(["compare", *NAMES[pair], "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in j["items"]] == list(pair)
    assert all({"id", "name"} <= set(i) for i in j["items"])
    assert set(j["shared"]) == {"chains", "kinases", "transcription_factors", "cell_types",
                                "diseases", "drugs"}
    assert j["shared"]["chains"] == list(want["shared"])
    assert set(want["drugs"]) <= set(j["shared"]["drugs"])
    for i, key in enumerate(("own_0", "own_1")):
        own = j["own"][pair[i]]
        assert set(own) == set(j["shared"])
        assert set(want[key]) <= set(own["chains"])
        assert not set(want[key]) & set(j["shared"]["chains"])
    assert "JAK1" in j["shared"]["kinases"] or "TYK2" in j["shared"]["kinases"]


@pytest.mark.parametrize("pair", list(PAIRS))
def test_text_table_marks_shared_and_own(capsys, db_path, pair):
    want = PAIRS[pair]
    assert main(["compare", *NAMES[pair]]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(NAMES[pair][0] in ln and NAMES[pair][1] in ln for ln in lines[:6])
    for name in want["shared"].values():
        assert any(ln.count(f"= {name} ") == 2 for ln in lines), name
    for drug in want["drugs"]:
        assert any(ln.count(f"= {drug} ") == 2 for ln in lines), drug
    for name in (*want["own_0"].values(), *want["own_1"].values()):
        assert any(f"- {name} " in ln for ln in lines), name


def test_pdf_from_the_command_line(capsys, db_path, tmp_path):
    out = tmp_path / "il12-il23.pdf"
    assert main(["compare", "IL12", "interleukin 23", "-o", str(out), "--page-size",
                 "letter"]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert 1 <= pdf_pages(out) <= 2
    text = pdf_text(out)
    assert "IL-12Rβ1" in text and "p40" in text and "ustekinumab" in text


@pytest.mark.parametrize(("args", "says"), [
    (["IL-4"], "compare takes 2 to 4 interleukins; 1 was given"),
    ([], "0 were given"),
    (["IL-2", "IL-4", "IL-6", "IL-12", "IL-23"], "5 were given"),
    (["IL-4", "no-such-thing"], "no page is called 'no-such-thing'"),
    (["IL-4", "dupilumab"], "dupilumab is not an interleukin"),
    (["IL-4", "IL4"], "1 was given"),
])
def test_bad_names_say_why_and_exit_1(capsys, db_path, args, says):
    assert main(["compare", *args]) == 1
    err = capsys.readouterr()
    assert says in err.err and "Traceback" not in err.err
    assert err.out == ""


def test_usage_errors_exit_2(capsys, db_path):
    with pytest.raises(SystemExit) as e:
        main(["compare", "IL-4", "IL-13", "--page-size", "B5"])
    assert e.value.code == 2
    assert "--page-size" in capsys.readouterr().err


def test_unwritable_output_is_a_message(capsys, db_path, tmp_path):
    assert main(["compare", "IL-4", "IL-13", "-o", str(tmp_path)]) == 1
    assert "Nothing was written" in capsys.readouterr().err
