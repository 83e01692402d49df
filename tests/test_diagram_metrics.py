"""The widths the diagram layout sizes its boxes with are the bundled font's own: the generated
table (`diagram/_advances.py`) is current, covers every character a label uses, and agrees with
what Qt measures for the font the renderer really draws in; and the renderer no longer has to
shrink box labels to make them fit."""

from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.diagram import Diagram, layout_interleukin
from ildesk.diagram import _advances as table
from ildesk.diagram.geometry import wrap
from ildesk.diagram.model import text_width

ROOT = Path(__file__).resolve().parents[1]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("font_advances",
                                                  ROOT / "packaging" / "font_advances.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def diagrams(content: Content) -> list[Diagram]:
    names = pages.labels(content)
    out = []
    for p in pages.list_pages(content, "interleukin"):
        page = pages.page(content, p["id"])
        assert page is not None
        out += [layout_interleukin(page, names), layout_interleukin(page, names, compact=True)]
    return out


def test_the_generated_width_table_is_current(qapp: Any) -> None:
    generated = _generator().render()
    assert generated == (ROOT / "src/ildesk/diagram/_advances.py").read_text(encoding="utf-8"), \
        "the font or the data changed: run .venv/bin/python packaging/font_advances.py"


def test_every_label_character_is_in_the_table(diagrams: list[Diagram]) -> None:
    labels = {n.label for d in diagrams for n in d.nodes}
    missing = sorted({ch for label in labels for ch in label if ch != "\n"} - set(table.CHARS))
    assert not missing, f"characters without a width: {missing}; run packaging/font_advances.py"
    assert len(labels) > 200


def test_widths_match_the_font_the_renderer_draws_in(qapp: Any,
                                                     diagrams: list[Diagram]) -> None:
    from PySide6.QtGui import QFontInfo, QFontMetricsF

    from ildesk.render import diagram as dg

    worst: list[tuple[float, str]] = []
    checked = 0
    for d in diagrams:
        band = dg.membrane_band(d)
        for n in d.nodes:
            _rect, font = dg.node_label(n, band, d.compact)
            info = QFontInfo(font)
            assert "Condensed" in f"{info.family()} {info.styleName()}", \
                "the renderer must draw in the bundled cut"
            metrics = QFontMetricsF(font)
            for line in n.label.split("\n"):
                if not line:
                    continue
                real = metrics.horizontalAdvance(line)
                estimate = text_width(line, font.pixelSize(), font.bold())
                worst.append((abs(estimate / real - 1), f"{line!r} bold={font.bold()}: "
                              f"{estimate:.2f} vs Qt {real:.2f}"))
                checked += 1
    worst.sort(reverse=True)
    assert checked > 600
    assert worst[0][0] <= 0.02, worst[:5]


def test_every_box_label_fits_its_box_at_the_planned_size(qapp: Any,
                                                          diagrams: list[Diagram]) -> None:
    """The boxes are sized with the real widths, so the renderer draws every box label at the
    size the layout planned (11 units, 10 for screen genes) and it still fits inside."""
    from PySide6.QtGui import QFontMetricsF

    from ildesk.render import diagram as dg

    tight = []
    for d in diagrams:
        band = dg.membrane_band(d)
        for n in d.nodes:
            for focus in (False, True):
                rect, font = dg.node_label(n, band, d.compact, focus)
                assert font.pixelSize() == (10 if n.kind == "gene" and not d.compact else 11)
                m = QFontMetricsF(font)
                lines = n.label.split("\n")
                wide = max(m.horizontalAdvance(line) for line in lines)
                if wide > rect.width() - 4 or len(lines) * m.height() > rect.height() + 2:
                    tight.append(f"{d.title}: {n.label!r} needs {wide:.1f} × "
                                 f"{len(lines) * m.height():.1f} in {rect.width():.1f} × "
                                 f"{rect.height():.1f}")
    assert not tight, tight[:10]


def _old_wrap(text: str, max_chars: int) -> str:
    """The hand-written wrap textwrap replaced, kept to show the output is the same."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


@given(st.lists(st.text(st.characters(exclude_categories=["Z", "Cc"]), min_size=1,
                        max_size=14), max_size=12).map(" ".join), st.integers(1, 50))
def test_wrap_is_textwrap_with_the_same_lines(text: str, width: int) -> None:
    assert wrap(text, width) == _old_wrap(text, width)
    assert wrap(text, width) == textwrap.fill(text, width, break_long_words=False,
                                              break_on_hyphens=False)
