"""Folding names so that spellings a reader treats as the same compare equal.

>>> key("IL-1β")
'il1b'
>>> key("Interleukin 1 beta") == key("interleukin-1-beta")
True
>>> fold("γc chain")
'gc chain'
"""

from __future__ import annotations

import re
import unicodedata

GREEK = {
    "α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "h", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
    "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "u", "φ": "f", "χ": "ch", "ψ": "ps",
    "ω": "o",
}
GREEK_WORDS = {
    "alpha": "a", "beta": "b", "gamma": "g", "delta": "d", "epsilon": "e", "kappa": "k",
    "lambda": "l",
}
_WORD = re.compile(r"[a-z]+")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


_GREEK_TABLE = str.maketrans(GREEK)


def fold(text: str) -> str:
    """Lower-case, accents and Greek letters folded to plain Latin letters."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_GREEK_TABLE)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key(text: str) -> str:
    """A comparison key: folded, Greek letter names shortened, "interleukin" read as "il",
    everything but letters and digits removed."""
    words = _WORD.sub(lambda m: GREEK_WORDS.get(m.group(0), m.group(0)), fold(text))
    words = words.replace("interleukin", "il")
    return _NON_ALNUM.sub("", words)
