"""A name being typed, answered from the names: the words of every page's names and aliases,
sorted, with the pages that hold each word best first (built when a `Searcher` opens).

One short word being typed (`t`, `S`, `inte`) is about names, but as an FTS5 prefix it is
every word of every page that starts with it: at 100,000 entries 50,000-60,000 rows, and
bm25 over all of them costs 50-100 ms before anything is ranked. Here the same question is a
range of a sorted list: pages with the word itself first (a page's own name before an alias,
a short name before a long one), then the pages with the shortest words that start with it,
until enough pages are found. The work is bounded by the number of pages wanted, not by the
size of the index.

    words = NameWords.build([("il-6", "Interleukin-6", 0), ("il-6", "BSF-2", 2)])
    words.lookup("bsf", 10)  # [('il-6', 16.0)]: the word itself (12), a two-word alias (8/2)
    words.lookup("bsf2", 10)  # []
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ildesk.kb.names import fold

_TOKEN = re.compile(r"[^\W_]+")  # the same word characters as query.tokens
_POSSESSIVE = re.compile(r"['\u2019]s\b")  # Behçet's disease: "behcets", not a word "s"
# The FTS5 column weights of a page's name and of its aliases (db/fts.py): a word in the
# name counts as it does in bm25, spread over the name's words (a short name is a better
# match than a long one that also holds the word).
NAME_WEIGHT = 12.0
ALIAS_WEIGHT = 8.0
EXACT_TIER = NAME_WEIGHT  # the word itself before any word that only starts with it
WORDS_SCANNED = 2000  # distinct words looked at after the typed prefix, shortest first


@dataclass
class NameWords:
    words: list[str]  # distinct folded words of names and aliases, sorted
    pages: list[list[tuple[str, float]]]  # per word: (page id, score), best first

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str, int]]) -> NameWords:
        """`rows`: (page id, name or alias, position; 0 is the page's own name)."""
        best: dict[str, dict[str, float]] = {}
        findall, possessive = _TOKEN.findall, _POSSESSIVE.sub
        for page_id, name, position in rows:
            folded = name.lower() if name.isascii() else fold(name)  # (the same for ASCII)
            toks = findall(possessive("s", folded) if "'" in folded or "\u2019" in folded
                           else folded)
            if not toks:
                continue
            score = (NAME_WEIGHT if position == 0 else ALIAS_WEIGHT) / len(toks)
            for tok in toks:
                per_page = best.get(tok)
                if per_page is None:
                    best[tok] = {page_id: score}
                elif score > per_page.get(page_id, 0.0):
                    per_page[page_id] = score
        words = sorted(best)
        pages = [sorted(best[w].items(), key=_best_first) if len(best[w]) > 1
                 else list(best[w].items()) for w in words]
        return cls(words, pages)

    def lookup(self, word: str, wanted: int) -> list[tuple[str, float]]:
        """Up to about `wanted` pages whose names hold `word` or a word starting with it,
        best first, each with its score (higher is better)."""
        start = bisect.bisect_left(self.words, word)
        end = bisect.bisect_left(self.words, word + "\uffff", start)
        # the word itself, then the shortest completions (a bounded number of them)
        order = sorted(range(start, min(end, start + WORDS_SCANNED)),
                       key=lambda i: (self.words[i] != word, len(self.words[i]), i))
        found: dict[str, float] = {}
        for i in order:
            exact = self.words[i] == word
            for page_id, score in self.pages[i][:wanted]:
                value = score + (EXACT_TIER if exact else 0.0)
                if value > found.get(page_id, -1.0):
                    found[page_id] = value
            if len(found) >= wanted:
                break
        return sorted(found.items(), key=lambda item: -item[1])


def _best_first(item: tuple[str, float]) -> tuple[float, str]:
    return -item[1], item[0]


def typed_word(text: str) -> str | None:
    """The one word `text` is, while it is being typed (no trailing space, one token),
    folded; None for anything else."""
    if text.endswith(" ") or len(text.split()) != 1:
        return None
    toks = _TOKEN.findall(fold(text))
    return toks[0] if len(toks) == 1 else None
