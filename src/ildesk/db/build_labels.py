"""What the builder calls each entry and how it sorts and sums it up: the short label a link
shows (IL-6, IL6ST, JAK1), a page's first sentence, its sort key, and the name key cache."""

from __future__ import annotations

import functools
import re

from ildesk.kb import KnowledgeBase, prose
from ildesk.kb import schema as s
from ildesk.kb.names import fold
from ildesk.kb.names import key as _name_key

# The same names are keyed for the alias table and again for the index: remember them.
key = functools.lru_cache(maxsize=65536)(_name_key)
_IL_NAME = re.compile(r"IL-(\d+)(.*)")


def labels(kb: KnowledgeBase) -> dict[str, str]:
    """Every entry's short label by id: an interleukin's abbreviation, a chain's symbol, a
    molecule's usual name, an article's title, otherwise the entry's name."""
    label: dict[str, str] = {}
    for il in kb.interleukins.values():
        label[il.id] = il.abbreviation
    for table in (kb.chains, kb.molecules, kb.cell_types, kb.diseases, kb.drugs):
        for entry in table.values():
            label[entry.id] = entry.name
    for ch in kb.chains.values():
        label[ch.id] = ch.symbol
    for mol in kb.molecules.values():
        label[mol.id] = molecule_label(mol)
    for art in kb.articles.values():
        label[art.id] = art.title
    return label


def first_sentence(text: str, label: dict[str, str]) -> str:
    """A page's summary: the first sentence of its prose, as plain text."""
    plain = " ".join(prose.plain(text, lambda i: label.get(i, i)).split())
    end = plain.find(". ")
    return plain if end < 0 else plain[: end + 1]


def molecule_label(mol: s.Molecule) -> str:
    """What people call a signalling molecule: C/EBPβ, NF-κB (short names as they are), Act1
    and TAK1 (a common name that is not the symbol), MyD88 (the symbol's usual spelling),
    otherwise the HGNC symbol (JAK1, STAT3)."""
    if len(mol.name) <= 8 or not mol.symbol:
        return mol.name
    common = mol.common_names[0] if mol.common_names else ""
    if common and (key(common) != key(mol.symbol) or
                   (common != mol.symbol and any(ch.islower() for ch in common)
                    and "-" not in common)):
        return common
    return mol.symbol


def sort_key(kind: str, name: str) -> str:
    """Interleukins sort by number then letter (IL-2 before IL-10); others by name."""
    match = _IL_NAME.match(name)
    if kind == "interleukin" and match:
        return f"{int(match.group(1)):04d}{fold(match.group(2))}"
    return fold(name)
