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
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Section:
    level: int  # 1: the page's title, 2: a section
    title: str  # as the heading reads, without markup
    anchor: str  # the heading's `<a name>`; "" for the top of the page


_GREEK = str.maketrans({"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta",
                        "ε": "epsilon", "κ": "kappa", "λ": "lambda", "θ": "theta"})


def anchor(title: str) -> str:
    """The name of a heading's anchor: lower case ASCII letters, digits and hyphens, Greek
    letters spelt out ("Common γ-chain family" -> "common-gamma-chain-family")."""
    spelt = title.lower().translate(_GREEK)
    ascii_title = unicodedata.normalize("NFKD", spelt).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Section] = []
        self._level = 0  # inside <h1>/<h2>
        self._name = ""
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2"):
            self._level, self._name, self._text = int(tag[1]), "", []
        elif tag == "a" and self._level and not self._name:
            self._name = dict(attrs).get("name") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2") and self._level:
            title = " ".join("".join(self._text).split())
            if title and (self._level == 1 or self._name):
                self.found.append(Section(self._level, title,
                                          self._name if self._level == 2 else ""))
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            self._text.append(data)


def sections(html: str) -> list[Section]:
    """The title and the anchored `<h2>` sections of an article, in the order they appear."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    return parser.found
