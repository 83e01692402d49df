"""The sections of an article, for its "Contents" list: read back from the HTML that
`article.html` writes, so the list and the page can never disagree.

>>> sections('<h1>IL-6</h1><h2><a name="function"></a>Function</h2>'
...          '<h2><a name="drugs"></a>Drugs</h2>')
[Section(level=1, title='IL-6', anchor=''), Section(level=2, title='Function', \
anchor='function'), Section(level=2, title='Drugs', anchor='drugs')]
>>> anchor("IL-6 (gp130) family"), anchor("Type III interferons (IFN-λ)")
('il-6-gp130-family', 'type-iii-interferons-ifn-lambda')

A section's anchor is the `<a name>` at the start of its heading; the page's title (level 1)
has the anchor "" (the top of the page).
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from typing import NamedTuple


class Section(NamedTuple):
    level: int  # 1: the page's title, 2: a section
    title: str  # as the heading reads, without markup
    anchor: str  # the heading's `<a name>`; "" for the top of the page


_GREEK = str.maketrans({"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta",
                        "ε": "epsilon", "κ": "kappa", "λ": "lambda", "θ": "theta"})
_HEADING = re.compile(r"<h([12])\b[^>]*>(.*?)</h\1>", re.DOTALL)  # as article.html writes them
_NAME = re.compile(r'\s*<a name="([^"]*)"')
_TAGS = re.compile(r"<[^>]*>")


def anchor(title: str) -> str:
    """The name of a heading's anchor: lower case ASCII letters, digits and hyphens, Greek
    letters spelt out ("Common γ-chain family" -> "common-gamma-chain-family")."""
    spelt = title.lower().translate(_GREEK)
    ascii_title = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")


def sections(html: str) -> list[Section]:
    """The title and the anchored `<h2>` sections of an article, in the order they appear."""
    found = []
    for m in _HEADING.finditer(html):
        level, inner = int(m.group(1)), m.group(2)
        name = _NAME.match(inner)
        title = " ".join(unescape(_TAGS.sub("", inner)).split())
        if title and (level == 1 or name):
            place = unescape(name.group(1)) if name and level == 2 else ""
            found.append(Section(level, title, place))
    return found
