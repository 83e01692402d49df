"""Helpers for the hostile-input and fault tests: strings a person (or a fuzzer) could type,
and running the command line in-process while keeping what it printed."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from ildesk.cli import main

T = TypeVar("T")

# A hang, not a speed goal: answers normally take milliseconds (see `make bench`), but this
# suite also runs on loaded CI machines, so only a wait no person would accept fails it.
MAX_SECONDS = 10.0

# Pieces of FTS5 syntax, SQL, markup and awkward Unicode that a query must survive.
FRAGMENTS = [
    "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)", "near", "name:", "aliases:", "keys:",
    "body:", "facets:", "page_id:", "kind:", "{a b}:", "{name body}:", "-name:", "^", "^il",
    "*", "**", '"', '""', "'", "(", ")", "()", "(((", ")))", "-", "+", ":", "[", "]", "{", "}",
    "\\", "%", "_", ";", "--", "/*", "*/", "\x00", "\x01", "\x02", "\x1b[31m", "\x7f", "\n",
    "\t", "\r\n", "\u2028", "\u0085", "\ud800", "\udfff", "\udcff", "\ud83e", "🧬", "👩‍🔬",
    "🏳️‍🌈", "\u202e", "\u202d", "\u200f", "مرحبا", "الإنترلوكين", "שלום", "אינטרלוקין",
    "e\u0301", "\u0300\u0301\u0302", "Z\u0335\u0336\u0337", "\ufeff", "\u200b", "\ufffd",
    "IL-6", "il2", "IL 1β", "interleukin", "β", "γc", "T cell", "Th17", "%s", "{0}", "NULL",
    "' OR 1=1 --", '"); DROP TABLE page; --', "<script>", "&amp;", "ﬁ", "Ⅸ", "①", "ｉｌ６",
    "İ", "ß", "ǅ", "\U0001d400", "\U000e0001", "\U0010ffff",
]

_any_char = st.one_of(st.characters(), st.characters(categories=["Cs"]),
                      st.characters(max_codepoint=0x1f))
_words = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(_any_char, max_size=4)),
                  max_size=10)
HUGE = [(unit * (100_000 // len(unit) + 1))[:size] for size in (10_000, 99_999, 100_000)
        for unit in ("a", "il6 ", "NEAR(", '"', "\ud800", "ال", "🧬", "e\u0301", "AND ",
                     "interleukin ", "\x00")]
_huge = st.sampled_from(HUGE)  # built once: generating 100,000 characters per example is slow

hostile_text = st.one_of(
    st.text(_any_char, max_size=40),
    _words.map("".join),
    _words.map(" ".join),
    st.sampled_from(FRAGMENTS),
    _huge,
)
"""Any string: FTS5 operators and column filters, quotes and brackets, NUL and control
characters, lone surrogates, emoji, right-to-left text, combining marks, 100,000 characters."""


def timed(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call `func` and fail if it takes longer than MAX_SECONDS (only then: no tight limits)."""
    start = time.perf_counter()
    out = func(*args, **kwargs)
    took = time.perf_counter() - start
    assert took < MAX_SECONDS, f"{getattr(func, '__name__', func)} took {took:.2f} s"
    return out


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(capsys: Any, *args: str) -> Run:
    """Run `ildesk ARGS` in this process; any exception escaping main() fails the test."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def assert_clear_failure(run: Run, *words: str) -> None:
    """Exit code 1, no traceback, an 'ildesk: error:' line and the advice after it."""
    assert run.code == 1, (run.code, run.out, run.err)
    assert "Traceback" not in run.err
    lines = [ln for ln in run.err.splitlines() if ln.strip()]
    errors = [i for i, ln in enumerate(lines) if ln.startswith("ildesk: error: ")]
    assert errors, run.err
    assert len(lines) > errors[-1] + 1, f"no advice on what to do: {run.err!r}"
    for word in words:
        assert word.lower() in run.err.lower(), (word, run.err)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in `folder` other than `keep` (temporary files a failed write left behind)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)
