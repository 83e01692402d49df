"""Counts in words: a number with its noun in the right form, and group headings that agree
with how many rows they head. A helper under every layer (the user library's messages use it
as the window and the sheets do); `ildesk.wording` re-exports it.

    plural(1, "note")        # '1 note' (and '2 notes', '3 matches', '0 entries')
    heading("Drugs", 1)      # 'Drug'
"""

from __future__ import annotations

# Words whose plural is not the word + "s"; every count ildesk shows goes through `plural`.
_IRREGULAR = {"match": "matches", "entry": "entries", "this": "these", "box": "boxes",
              "family": "families", "library": "libraries", "is": "are"}
_SINGULAR = {many: one for one, many in _IRREGULAR.items()}


def noun(n: int, word: str) -> str:
    """`word` (singular) in the form that goes with `n`.

    >>> noun(1, "note"), noun(2, "note"), noun(0, "match"), noun(2, "fact sheet")
    ('note', 'notes', 'matches', 'fact sheets')
    """
    if n == 1:
        return word
    head, _, last = word.rpartition(" ")
    many = _IRREGULAR.get(last, last + "s")
    return f"{head} {many}" if head else many


def plural(n: int, word: str) -> str:
    """A count with its noun.

    >>> plural(1, "note"), plural(2, "bookmark"), plural(1, "result"), plural(3, "entry")
    ('1 note', '2 bookmarks', '1 result', '3 entries')
    """
    return f"{n} {noun(n, word)}"


def heading(title: str, n: int) -> str:
    """A group heading over `n` rows, in the singular when it heads one.

    >>> heading("Drugs", 1), heading("Related interleukins", 1), heading("Drugs", 2)
    ('Drug', 'Related interleukin', 'Drugs')
    >>> heading("Same class", 1), heading("Made by", 1)
    ('Same class', 'Made by')
    """
    if n != 1:
        return title
    head, _, last = title.rpartition(" ")
    if last in _SINGULAR:
        one = _SINGULAR[last]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        one = last[:-1]
    else:
        return title
    return f"{head} {one}" if head else one
