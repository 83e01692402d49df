"""Prose for a printed page: markup removed, split into whole sentences.

>>> sentences("IL-2 acts on T cells, e.g. Tregs. It was cloned in 1983. Et al. works too.")
('IL-2 acts on T cells, e.g. Tregs.', 'It was cloned in 1983.', 'Et al. works too.')
>>> first_sentences(("One.", "Two.", "Three."), 2)
'One. Two.'
>>> lead((("One two.", "Three four."), ("Five six.",)), max_sentences=4, max_words=5)
'One two. Three four.'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ildesk.kb import prose

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by a space and
# a capital letter, digit, Greek letter or opening quote/bracket.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]?\s+(?=[A-Z0-9\"“(\[α-ωΑ-Ω])")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "approx.", "cf.", "Dr.", "St.", "Fig.",
                  "no.", "Ref.", "ca.", "resp.", "Prof.", "Mr.", "Mrs.", "U.S.", "spp.", "sp.")
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")


def plain(text: str, labels: Mapping[str, tuple[str, str]]) -> str:
    """Markup removed ([[id]] -> the page's name, [[id|text]] -> text, **b** -> b)."""

    def label(page_id: str) -> str:
        return labels[page_id][0] if page_id in labels else page_id.replace("-", " ")

    return " ".join(prose.plain(text, label).split())


def sentences(text: str) -> tuple[str, ...]:
    """`text` cut into sentences, not at abbreviations or initials."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        candidate = text[start:m.end()].rstrip()
        if candidate.endswith(_ABBREVIATIONS) or _INITIAL.search(candidate):
            continue
        out.append(candidate)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return tuple(s.strip() for s in out if s.strip())


def paragraphs(text: str, labels: Mapping[str, tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    """Each paragraph of a prose field, as its sentences, in plain text."""
    return tuple(sentences(plain(p, labels)) for p in prose.paragraphs(text) if p.strip())


def first_sentences(sents: tuple[str, ...], n: int) -> str:
    """The first `n` sentences, joined: never a cut-off sentence."""
    return " ".join(sents[:max(1, n)])


def lead(paras: Sequence[Sequence[str]], max_sentences: int = 4, max_words: int = 90) -> str:
    """The leading sentences of `paras`, in order, as one flowing paragraph: as many whole
    sentences as keep within `max_sentences` and `max_words` (the first one always), read on
    into the next paragraph when the first is short. Never a cut-off sentence."""
    out: list[str] = []
    words = 0
    for para in paras:
        for sentence in para:
            n = len(sentence.split())
            if out and (len(out) >= max_sentences or words + n > max_words):
                return " ".join(out)
            out.append(sentence)
            words += n
    return " ".join(out)
