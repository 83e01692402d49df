"""data/variants.yaml: reading it into `schema.Variants` and the checks that need the whole
knowledge base (every abbreviation stands for a page's name or alias; no word in two groups).

The table is optional: a knowledge base without the file has no variants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ildesk.kb import schema
from ildesk.kb.names import fold, key

if TYPE_CHECKING:
    from ildesk.kb.model import KnowledgeBase

FILE = "variants.yaml"


def read(kb: KnowledgeBase, text: str, parse: Any, model: Any, failed: object) -> None:
    """Parse `text` (the file's content) into `kb.variants`, recording problems."""
    data = parse(text, FILE, kb.problems)
    if data is None:
        data = {}
    if data is failed:
        return
    found = model(schema.Variants, data, FILE, kb.problems)
    if found is not None:
        kb.variants = found


def check(kb: KnowledgeBase) -> None:
    """Every group's words appear in one group only; every abbreviation names pages."""
    from ildesk.kb.model import Problem

    v = kb.variants
    if v is None:
        return
    seen: dict[str, str] = {}
    for part in ("spellings", "words"):
        for i, group in enumerate(getattr(v, part)):
            where = f"{part}[{i}]"
            folded = [fold(w) for w in group]
            if len(set(folded)) != len(folded):
                kb.problems.append(Problem(FILE, where, "lists the same word twice"))
            for w in folded:
                if w in seen and seen[w] != where:
                    kb.problems.append(Problem(
                        FILE, where, f"{w!r} is already in {seen[w]}; merge the two groups"))
                seen.setdefault(w, where)
    names: set[str] = set()
    for table in (kb.interleukins, kb.chains, kb.molecules, kb.cell_types, kb.diseases,
                  kb.drugs):
        for entry in table.values():
            names.add(key(entry.name))
            for field in ("aliases", "synonyms", "common_names", "brands"):
                names.update(key(a) for a in getattr(entry, field, []))
    for abbr, meanings in v.abbreviations.items():
        for i, meaning in enumerate(meanings):
            if key(meaning) not in names:
                kb.problems.append(Problem(
                    FILE, f"abbreviations.{abbr}[{i}]",
                    f"{meaning!r} is no page's name or alias; write the name as a page "
                    "gives it"))
