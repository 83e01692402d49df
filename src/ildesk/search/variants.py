"""The reviewed variant table (data/variants.yaml, stored in the database's meta table as
`search_variants`) as the query uses it: each word a reader typed, with the other words that
mean the same thing.

    v = Variants.from_json('{"groups": [["tumour", "tumor"]], "abbreviations": {"RA": '
                           '["rheumatoid arthritis"]}, "greek": {"beta": "β"}}')
    v.alternatives("tumour")   # [['tumor']]
    v.alternatives("RA")       # [['rheumatoid', 'arthritis']]
    v.alternatives("beta")     # [['b']]  (names are indexed with Greek letters folded)
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from ildesk.kb.names import fold

_TOKEN = re.compile(r"[^\W_]+")
MAX_ALTERNATIVES = 8  # per word: a longer OR group would slow every query that holds it


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


class Variants(NamedTuple):
    by_word: dict[str, list[list[str]]]  # folded word -> others
    abbreviations: dict[str, list[str]]  # as written -> names

    @classmethod
    def from_json(cls, text: str | None) -> Variants:
        """The table, or an empty one when `text` is missing or unreadable (an older
        database: search works as before, without variants)."""
        try:
            data = json.loads(text or "{}")
        except ValueError:
            return cls({}, {})
        if not isinstance(data, dict):
            return cls({}, {})
        by_word: dict[str, list[list[str]]] = {}
        groups = [list(g) for g in data.get("groups", []) if isinstance(g, list)]
        for name, letter in dict(data.get("greek", {})).items():
            groups.append([str(name), str(letter)])
        for group in groups:
            forms = [_tokens(str(w)) for w in group]
            forms = [f for f in forms if f]
            for f in forms:
                if len(f) != 1:
                    continue  # a phrase is an alternative, never a word looked up
                others = [o for o in forms if o != f]
                by_word.setdefault(f[0], []).extend(others)
        abbreviations = {str(a): [str(m) for m in ms] for a, ms in
                         dict(data.get("abbreviations", {})).items() if isinstance(ms, list)}
        return cls(by_word, abbreviations)

    def alternatives(self, word: str) -> list[list[str]]:
        """Other forms of `word` (each a list of tokens); an abbreviation counts only as
        written (`MS`, not `ms`), so that plain words are not read as one."""
        out: list[list[str]] = []
        for meaning in self.abbreviations.get(word, []):
            out.append(_tokens(meaning))
        toks = _tokens(word)
        if len(toks) == 1:
            out += self.by_word.get(toks[0], [])
        return out[:MAX_ALTERNATIVES]

    def meanings(self, text: str) -> list[str]:
        """The names an abbreviation typed on its own stands for (`CRS` → two syndromes)."""
        return self.abbreviations.get(text.strip(), [])
