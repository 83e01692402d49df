"""What a query names, read from the names and aliases a `Searcher` holds in memory
(`index.Index`): the pages it names exactly, the names it is the start of (a name being
typed), and the names that only go on with digits (IL-40 and IL-41 after IL-4).
`Searcher` (search/engine.py) ranks with them."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ildesk.kb.names import key
from ildesk.search import index
from ildesk.search import query as q

LOOKALIKES = 12
PREFIX_SCAN = 400  # names looked at after a typed prefix (the rest are too remote to help)
OWN_NAME_BONUS = 100.0  # …and the page's own name or abbreviation before its other aliases


class NamesMixin:
    index: index.Index

    def _named(self, text: str) -> list[str]:
        """Pages `text` names exactly: any spelling of a name or alias, or an abbreviation
        from the variant table as written (CRS: both syndromes)."""
        ix = self.index
        out: list[str] = []
        for k in q.name_keys(text):
            out += [p for p in ix.alias_keys.get(k, []) if p not in out]
        if out:  # a subunit's name (p40, EBI3): every interleukin built from it
            out += [p for p in ix.graph.subunits.get(q.name_keys(text)[0], []) if p not in out]
        for meaning in ix.variants.meanings(text):
            out += [p for p in ix.alias_keys.get(key(meaning), []) if p not in out]
        return out

    def _longer_keys(self, k: str) -> Iterator[tuple[str, str]]:
        """The alias keys that start with `k` and go on, in order (the first `PREFIX_SCAN`
        after it), each with what follows `k`."""
        keys = self.index.sorted_keys
        start = bisect.bisect_left(keys, k)
        for alias_key in keys[start:start + PREFIX_SCAN]:
            if not alias_key.startswith(k):
                break
            if len(alias_key) > len(k):
                yield alias_key, alias_key[len(k):]

    def _lookalikes(self, text: str, placed: set[str]) -> list[str]:
        """Names that only start with a completed name and go on with digits: IL-40, IL-41
        for IL-4."""
        ix = self.index
        out: list[str] = []
        for alias_key, rest in self._longer_keys(key(text)):
            if not rest[0].isdigit():
                continue
            for pid in ix.alias_keys[alias_key]:
                if pid not in placed and pid not in out and alias_key in ix.own_keys.get(pid, ()):
                    out.append(pid)
        return sorted(out, key=lambda p: ix.names[p][3])[:LOOKALIKES]

    def _name_prefix(self, text: str) -> dict[str, float]:
        """Pages a name-in-progress points at, with a bonus for the page's own name:
        "IL-1" → IL-1α, IL-1β (a number, then only letters: not IL-12), then aliases such as
        IL-1δ; "psor" → psoriasis, psoriatic arthritis; "dupi" → dupilumab."""
        k = key(text)
        if len(k) < 3:
            return {}
        has_digit = any(ch.isdigit() for ch in k)
        if not has_digit and len(k) < 4:
            return {}
        ix = self.index
        out: dict[str, float] = {}
        for alias_key, rest in self._longer_keys(k):
            if has_digit and not (rest.isalpha() and len(rest) <= 3):
                continue
            for pid in ix.alias_keys[alias_key]:
                own = alias_key in ix.own_keys.get(pid, ())
                if not has_digit and not own:
                    continue  # a word being typed: only names that start with it
                bonus = (OWN_NAME_BONUS if own else 0.0) - 20 * len(rest)  # IL-1α before IL-1Ra
                out[pid] = max(out.get(pid, -1e9), bonus)
        return out
