"""Glossary terms in articles: the entries of the glossary article, and the rendered HTML of
a page with each term marked where it first occurs in a section, as a link to its entry that
carries the definition as its title (the tooltip).

>>> terms = parse("- **JAK (Janus kinase)** — a kinase on the receptor's tail.\\n"
...               "- **Cytokine** — a small secreted protein.")
>>> [(t.forms, t.anchor) for t in terms]
[(('JAK', 'Janus kinase'), 'g-jak'), (('Cytokine',), 'g-cytokine')]
>>> [(t.name, text) for t, text in Glossary(terms).find("Cytokines bind; JAKs and jak act.")]
[('Cytokine', 'Cytokines'), ('JAK (Janus kinase)', 'JAKs')]

The rules: whole words (a hyphen joins words: "interleukin-2" holds no "interleukin"); words
in any case, abbreviations ("JAK", "STAT", "NF-κB") only as written; a plural or a singular of
the last word ("cytokines" for "cytokine", "ILC" for "ILCs"); the longest form first; the first
occurrence in each section only; never inside a link, a heading, code or the references, nor,
on the glossary page, the term an entry defines; nothing above the page's title or in the line
of its other names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from html import escape, unescape
from typing import NamedTuple

from ildesk.article import links, outline
from ildesk.article.look import LIGHT, Palette
from ildesk.kb import prose

PAGE_ID = "glossary"  # the article that holds the glossary
TERM_CLASS = "term"  # the class of a marked term's link
_ENTRY = re.compile(r"^[-*]\s+\*\*(.+?)\*\*\s+[—–]\s+(.+)$")
_TOKEN = re.compile(r"(<[^>]*>|&#?\w+;)")
_TAG = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")
_NAME = re.compile(r'\bname="([^"]*)"')
_SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "style",
                        "title", "head", "script"})
_NAMES_LINE = 'class="aka"'  # the paragraph of a page's other names, as article.html writes it
_SKIP_SECTIONS = frozenset({"references", "your-note"})  # citations and the reader's own note
_BEFORE = r"(?<![\w-])"  # a whole word: no letter, digit or joining hyphen either side
_AFTER = r"(?!\w|-\w)"


class Term(NamedTuple):
    name: str  # as the glossary heads its entry: "JAK (Janus kinase)"
    definition: str  # plain text
    forms: tuple[str, ...]  # how it is written in prose: ("JAK", "Janus kinase")
    anchor: str  # of its entry on the glossary page

    @property
    def tip(self) -> str:
        """The tooltip: the entry as the glossary reads it."""
        return f"{self.name} — {self.definition}"

    @property
    def href(self) -> str:
        return links.internal(PAGE_ID, self.anchor)


def forms(name: str) -> tuple[str, ...]:
    """The ways an entry's heading is written in prose.

    >>> forms("Lymphokine, monokine"), forms("Th9, Th22 and Tfh cells")
    (('Lymphokine', 'monokine'), ('Th9 cells', 'Th22 cells', 'Tfh cells'))
    >>> forms("Common γ chain (γc, CD132)"), forms("Shared (common) chain"), forms("-mab")
    (('Common γ chain', 'γc', 'CD132'), ('Shared chain', 'common chain'), ())
    """
    found: list[str] = []
    m = re.fullmatch(r"(.+?)\s*\((.+)\)\s*(.*)", name)
    if m and m.group(3):  # "Class I (type I) cytokine receptor": two names of one thing
        found = [f"{m.group(1)} {m.group(3)}", f"{m.group(2)} {m.group(3)}"]
    elif m:  # "TNF (tumour necrosis factor)", "Common γ chain (γc, CD132)"
        found = [m.group(1), *re.split(r",\s*", m.group(2))]
    else:
        parts = re.split(r",\s*|\s+and\s+", name)
        *heads, last = parts
        if heads and " " in last and not any(" " in h for h in heads):
            noun = last.rpartition(" ")[2]  # "Th1, Th2, Th17 cells": each is a kind of cell
            found = [f"{h} {noun}" for h in heads] + [last]
        else:
            found = parts
    return tuple(f.strip() for f in found if len(f.strip()) > 1 and not f.startswith("-"))


def parse(body: str, label: Callable[[str], str] | None = None) -> list[Term]:
    """The entries (`- **Term** — definition` lines) of the glossary article's `body`;
    `label(id)` names a bare [[id]] link in a definition."""
    terms = []
    for line in body.splitlines():
        m = _ENTRY.match(line.strip())
        if m:
            name = prose.plain(m.group(1))
            shown = forms(name)
            terms.append(Term(name, prose.plain(m.group(2), label).strip(), shown,
                              "g-" + outline.anchor(shown[0] if shown else name)))
    return terms


def _is_abbreviation(word: str) -> bool:
    """JAK, NF, κB, CD132, MyD88: a capital after the first letter (Class, I, Act1 are
    words)."""
    return any(c.isupper() for c in word[1:])


def _word(word: str, last: bool) -> str:
    """The pattern of one word of a form; the last one also stands for its plural (or, when
    it is plural, its singular)."""
    if _is_abbreviation(word):
        if last and word.endswith("s"):
            return re.escape(word[:-1]) + "s?"
        return re.escape(word) + ("s?" if last and word[-1].isalpha() else "")
    if not last or not word[-1].isalpha():
        return f"(?i:{re.escape(word)})"
    lower = word.lower()
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "o", "u"):
        return f"(?i:{re.escape(word[:-1])}(?:y|ies))"
    if lower.endswith(("ss", "sh", "ch", "x")):
        return f"(?i:{re.escape(word)}(?:es)?)"
    if lower.endswith("s"):
        return f"(?i:{re.escape(word[:-1])}s?)"
    return f"(?i:{re.escape(word)}s?)"


def _pattern(form: str) -> str:
    words = [w for w in re.split(r"[\s-]+", form) if w]
    return r"[\s-]+".join(_word(w, i == len(words) - 1) for i, w in enumerate(words))


class Glossary:
    """The terms, matched in text and marked in articles."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        self.by_name = {t.name: t for t in self.terms}
        # Forms by their first letter (a lookahead picks the bucket, so a position is tried
        # against a few forms, not all), the longest form first within each.
        buckets: dict[str, list[tuple[str, Term]]] = {}
        for t in self.terms:
            for f in t.forms:
                buckets.setdefault(f[0].lower(), []).append((f, t))
        self._owner: list[Term] = []
        groups = []
        for first, items in sorted(buckets.items()):
            items.sort(key=lambda ft: -len(ft[0]))
            self._owner += [t for _f, t in items]
            alternatives = "|".join(f"({_pattern(f)})" for f, _t in items)
            groups.append(f"(?={re.escape(first)}|{re.escape(first.upper())})(?:{alternatives})")
        self._regex = (re.compile(f"{_BEFORE}(?:{'|'.join(groups)}){_AFTER}") if groups
                       else None)

    def find(self, text: str) -> Iterator[tuple[Term, str]]:
        """Every term in `text`, left to right, with the words that name it there."""
        for _start, _end, term, words in self._matches(text):
            yield term, words

    def _matches(self, text: str) -> Iterator[tuple[int, int, Term, str]]:
        if self._regex is None:
            return
        for m in self._regex.finditer(text):
            assert m.lastindex is not None
            yield m.start(), m.end(), self._owner[m.lastindex - 1], m.group()

    def annotate(self, html: str, page_id: str | None, palette: Palette = LIGHT) -> str:
        """`html` (an article as `article.html` writes it) with each term marked at its first
        occurrence in every section, in the text colour of `palette` with a dotted underline;
        on the glossary page each entry also gets its anchor."""
        look = f"color: {palette.text}; text-underline-style: dotted"
        return _Marker(self, page_id == PAGE_ID, look).run(html)


class _Marker:
    def __init__(self, glossary: Glossary, on_glossary: bool, look: str) -> None:
        self.g, self.on_glossary, self.look = glossary, on_glossary, escape(look)
        self.skip = 0  # depth inside tags whose text is never marked
        self.started = False  # past the page's title (its kind above it is a label)
        self.names = False  # in the line of other names under the title
        self.used: set[str] = set()  # terms marked in this section
        self.skip_section = False
        self.in_h2 = False
        self.entry: Term | None = None  # on the glossary page: the entry being read
        self.heading: list[str] | None = None  # the bold heading of an entry, as it is read
        self.after_li = False

    def run(self, html: str) -> str:
        out: list[str] = []
        for token in _TOKEN.split(html):
            if not token:
                continue
            if token.startswith("<"):
                out.append(self._tag(token))
            elif token.startswith("&") and token.endswith(";"):
                if self.heading is not None:
                    self.heading.append(token)
                out.append(token)
            else:
                if self.heading is not None:
                    self.heading.append(token)
                plain = (self.skip or self.skip_section or not self.started or self.names
                         or self.heading is not None)
                out.append(token if plain else self._text(token))
        return "".join(out)

    def _tag(self, token: str) -> str:
        m = _TAG.match(token)
        if not m:
            return token
        name, closing = m.group(1).lower(), token.startswith("</")
        if name == "h1" and closing:
            self.started = True
        if name == "p":  # the names line under the title is names, not prose
            self.names = not closing and _NAMES_LINE in token
        if name in _SKIP_TAGS:
            self.skip += -1 if closing else 1
            self.skip = max(self.skip, 0)
        if name == "h2":
            self.in_h2 = not closing
            if not closing:
                self.used, self.skip_section = set(), False
        elif name == "a" and self.in_h2 and not closing:
            section = _NAME.search(token)
            self.skip_section = section is not None and section.group(1) in _SKIP_SECTIONS
        if not self.on_glossary:
            return token
        was_after_li, self.after_li = self.after_li, name == "li" and not closing
        if name == "li":
            self.entry = None
        elif name == "b" and not closing and was_after_li:
            self.heading = []
        elif name == "b" and closing and self.heading is not None:
            self.entry = self.g.by_name.get(prose.plain(unescape("".join(self.heading))))
            self.heading = None
            if self.entry is not None:
                return f'{token}<a name="{escape(self.entry.anchor)}"></a>'
        return token

    def _text(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        for start, end, term, words in self.g._matches(text):
            if term.name in self.used or term is self.entry:
                continue
            self.used.add(term.name)
            out.append(text[pos:start])
            out.append(f'<a class="{TERM_CLASS}" href="{escape(term.href)}" '
                       f'style="{self.look}" title="{escape(term.tip)}">{words}</a>')
            pos = end
        out.append(text[pos:])
        return "".join(out)


def is_term_link(href: str) -> bool:
    """A marked term's link (its title is the definition)."""
    return links.page_of(href) == PAGE_ID and bool(links.fragment_of(href))
