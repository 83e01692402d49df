"""What the compare tests expect of the three pairs the issue names: shared chains (HGNC
symbol -> the name a reader sees), shared drugs, and each one's own chain."""

from __future__ import annotations

PAIRS: dict[tuple[str, str], dict[str, dict[str, str] | list[str]]] = {
    ("il-4", "il-13"): {
        "shared": {"IL4R": "IL-4Rα", "IL13RA1": "IL-13Rα1"},
        "drugs": ["dupilumab"],
        "own_0": {"IL2RG": "γc"}, "own_1": {"IL13RA2": "IL-13Rα2"},
    },
    ("il-12", "il-23"): {
        "shared": {"IL12RB1": "IL-12Rβ1", "IL12B": "p40"},
        "drugs": ["ustekinumab"],
        "own_0": {"IL12RB2": "IL-12Rβ2"}, "own_1": {"IL23R": "IL-23R"},
    },
    ("il-2", "il-15"): {
        "shared": {"IL2RB": "IL-2Rβ", "IL2RG": "γc"},
        "drugs": [],
        "own_0": {"IL2RA": "IL-2Rα"}, "own_1": {"IL15RA": "IL-15Rα"},
    },
}
NAMES = {("il-4", "il-13"): ("IL-4", "IL-13"), ("il-12", "il-23"): ("IL-12", "IL-23"),
         ("il-2", "il-15"): ("IL-2", "IL-15")}
