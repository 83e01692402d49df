"""Which words of a snippet stay marked: the query's real terms, not the little words
("in", "the", "of") that a query such as "cells in skin" also matches.

>>> from ildesk.search.hits import MARK_END as E, MARK_START as S
>>> unmark_little_words(f"T {S}cells{E} {S}in{E} the {S}skin{E}", '("cells" AND "in")')
'T \\x01cells\\x02 in the \\x01skin\\x02'
>>> unmark_little_words(f"made {S}in{E} the gut", '("in")')  # a query of little words only
'made \\x01in\\x02 the gut'
"""

from __future__ import annotations

import re

from ildesk.search.hits import MARK_END, MARK_START

# Words that carry no meaning of their own in a search for interleukins, cells and diseases.
LITTLE_WORDS = frozenset(("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
                          "into", "is", "it", "its", "of", "on", "or", "than", "that", "the",
                          "to", "was", "were", "with"))
_MARKED = re.compile(re.escape(MARK_START) + "([^" + re.escape(MARK_END) + "]*)"
                     + re.escape(MARK_END))
_QUOTED = re.compile(r'"([^"]*)"')


def has_real_terms(expr: str) -> bool:
    """Whether the FTS5 expression `expr` searches for some word that is not a little one.

    >>> has_real_terms('("il" AND "6" AND "in")'), has_real_terms('("in" AND "the")')
    (True, False)
    """
    words = [w for phrase in _QUOTED.findall(expr) for w in phrase.split()]
    return any(w.casefold() not in LITTLE_WORDS for w in words)


def unmark_little_words(snippet: str, expr: str) -> str:
    """`snippet` with the marks taken off single little words, when `expr` (the expression
    that marked it) has real terms to show instead."""
    if not has_real_terms(expr):
        return snippet

    def keep(m: re.Match[str]) -> str:
        return m.group(1) if m.group(1).casefold() in LITTLE_WORDS else m.group(0)

    return _MARKED.sub(keep, snippet)
