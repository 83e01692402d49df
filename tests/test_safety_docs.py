"""Issue 19, point 20, and the README's promise: "never uses the network" says what the one
exception is (the print dialog asks the local CUPS server for printers), and the Reliability
table names every safety test file with its number of cases."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_network_promise_names_the_print_dialogs_cups_probe():
    first = README.split("\n\n")[1]
    assert "never uses the network" in first
    assert "CUPS" in first and "print" in first


def test_the_reliability_table_counts_every_safety_test_file():
    section = README.split("## Reliability", 1)[1].split("\n## ", 1)[0]
    files = sorted(p for p in (ROOT / "tests").glob("test_safety_*.py")
                   if p.name != Path(__file__).name)
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                           "-p", "no:cacheprovider", *map(str, files)], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    for path in files:
        cases = sum(1 for line in done.stdout.splitlines()
                    if line.startswith(f"tests/{path.name}::"))
        match = re.search(r"(\d+) cases? in `tests/" + re.escape(path.name), section)
        assert match, f"{path.name} is not in the Reliability table"
        assert cases and int(match.group(1)) == cases, (path.name, match.group(1), cases)
