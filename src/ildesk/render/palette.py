"""The diagram's colours: the light (screen), print and dark palettes, and `palette_for`,
which picks one from a name, a flag or the application's QPalette."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QPalette


@dataclass(frozen=True)
class Palette:
    """Colours of the diagram. `fills` maps a node kind to (fill, border, text)."""

    name: str = "light"
    background: str = "#ffffff"
    text: str = "#1d232b"
    muted: str = "#5f6b77"
    outside: str = "#f5f9fc"
    cytoplasm: str = "#fbf7ef"
    nucleus: str = "#f1ecf8"
    nucleus_border: str = "#9a86c0"
    head: str = "#e3b35c"
    tail: str = "#caa46a"
    shared: str = "#c0392b"
    focus: str = "#1d5a85"      # the highlighted drug's edge (the fact sheet's accent)
    caution: str = "#9a5b00"    # the line saying an interleukin is disputed
    edges: dict[str, str] = field(default_factory=lambda: {
        "binds": "#4a5661", "associates": "#6b7682", "phosphorylates": "#2c7a4b",
        "translocates": "#6d4fa3", "activates": "#2b6cb0", "inhibits": "#c0392b"})
    fills: dict[str, tuple[str, str, str]] = field(default_factory=lambda: {
        "ligand": ("#ffd98a", "#b7862a", "#3a2a00"),
        "subunit": ("#ffe9bb", "#b7862a", "#3a2a00"),
        "chain": ("#cfe3f7", "#3f79b0", "#0c2a45"),
        "decoy": ("#eef2f6", "#7b8794", "#3b4652"),
        "kinase": ("#cdeccf", "#3f8f4e", "#0f3317"),
        "stat": ("#d9d2f3", "#6d5bb3", "#1f1447"),
        "adaptor": ("#c9ece8", "#2f8f86", "#083330"),
        "pathway": ("#e6ebef", "#7b8794", "#2b333b"),
        "nucleus": ("#ffffff", "#9a86c0", "#2b1f45"),
        "gene": ("#ffffff", "#9a86c0", "#2b1f45"),
        "drug": ("#f9d3dc", "#b03a5b", "#4a0c1d"),
        "antagonist": ("#fbd9c4", "#c0622b", "#4a1e05"),
    })


LIGHT = Palette()
PRINT_PALETTE = Palette(name="print", outside="#f7fafc", cytoplasm="#fcfaf5")
DARK = Palette(
    name="dark", background="#1b2027", text="#e6e9ee", muted="#9aa5b1", outside="#1f2630",
    cytoplasm="#262420", nucleus="#2a2536", nucleus_border="#8c78b8", head="#b88a3a",
    tail="#7d6640", shared="#ff7b6b", focus="#7ab8ff", caution="#f0b860",
    edges={"binds": "#aab4bf", "associates": "#8c97a3", "phosphorylates": "#6ccf8e",
           "translocates": "#b39ae6", "activates": "#7ab8ff", "inhibits": "#ff7b6b"},
    fills={"ligand": ("#6b5217", "#e0b050", "#fff3d6"),
           "subunit": ("#5a4a22", "#d0a855", "#fff3d6"),
           "chain": ("#1f3d5c", "#6ea7dd", "#e3f0fc"),
           "decoy": ("#2a3038", "#8c97a3", "#d5dbe1"),
           "kinase": ("#1f4a2a", "#6cc07d", "#e2f7e5"),
           "stat": ("#35295e", "#9c8ae0", "#ece7ff"),
           "adaptor": ("#17433f", "#5cc2b7", "#dcf7f4"),
           "pathway": ("#2e353d", "#8c97a3", "#e6e9ee"),
           "nucleus": ("#221e2c", "#8c78b8", "#ece7ff"),
           "gene": ("#221e2c", "#8c78b8", "#ece7ff"),
           "drug": ("#5a2334", "#e57d9b", "#ffe3ea"),
           "antagonist": ("#5a3219", "#e59a66", "#ffe9db")})


def palette_for(spec: Any = None) -> Palette:
    """A Palette from a Palette, "light"/"dark"/"print", True (dark), a QPalette, or None."""
    if isinstance(spec, Palette):
        return spec
    if isinstance(spec, QPalette):
        return DARK if spec.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT
    if spec is True or spec == "dark":
        return DARK
    if spec == "print":
        return PRINT_PALETTE
    return LIGHT
