"""Turning what a person typed into a safe FTS5 expression and exact-name keys.

User text never reaches FTS5 syntax unquoted: it is cut into word tokens, each token is put in
double quotes, and only this module adds operators.

>>> tokens("IL-1β AND \\"NEAR(x\\"")
['il', '1b', 'and', 'near', 'x']
>>> fts_expression("interleukin 6")
'("interleukin" AND {name aliases keys}: "6"*) OR keys: "il6"*'
>>> fts_expression("anti-inflammatory")
'("anti inflammatory"*) OR keys: "antiinflammatory"*'
>>> fts_expression("")
''
"""

from __future__ import annotations

import re

from ildesk.kb.names import fold, key
from ildesk.search.variants import Variants

MAX_QUERY = 256  # characters considered; longer input is cut, not rejected
MAX_TOKENS = 12
SHORT_PREFIX = 3  # a last word shorter than this is matched as a prefix of names only
_TOKEN = re.compile(r"[^\W_]+")


def clean(text: str) -> str:
    """Drop characters that cannot be encoded (lone surrogates) and control characters."""
    # Cut first: each step maps one character to one, and a pasted 100,000-character text
    # should cost no more than a short one.
    text = text[:MAX_QUERY].encode("utf-8", "replace").decode("utf-8")
    return "".join(ch if ch.isprintable() else " " for ch in text)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(clean(text)))[:MAX_TOKENS]


def name_keys(text: str) -> list[str]:
    """Keys to compare with the alias table: the whole query, and its singular."""
    k = key(clean(text))
    if not k:
        return []
    out = [k]
    if k.endswith("s") and len(k) > 3:
        out.append(k[:-1])
    return out


def phrases(text: str) -> list[list[str]]:
    """Words of the query, each as its tokens: "anti-inflammatory IL-6" ->
    [["anti", "inflammatory"], ["il", "6"]]. A hyphenated word is searched as a phrase."""
    out = []
    for word in fold(clean(text)).split():
        toks = _TOKEN.findall(word)
        if toks:
            out.append(toks)
    return out[:MAX_TOKENS]


def word_groups(text: str, prefix: bool = True, variants: Variants | None = None) -> list[str]:
    """Each word of `text` as an FTS5 group: the word (its tokens as a phrase; the last one
    also as a prefix while it is being typed) OR'ed with its variants from the table."""
    words = phrases(text)
    if not words:
        return []
    raw = [w.strip("?.,!;:()\"'") for w in clean(text).split()]
    raw = [w for w in raw if _TOKEN.search(fold(w))][:len(words)]
    if variants is not None:  # "anti inflammatory" is one word the table knows solid
        i = 0
        while i + 1 < min(len(words), len(raw)):
            solid = fold(raw[i] + raw[i + 1])
            if "-" not in raw[i] + raw[i + 1] and variants.alternatives(solid):
                words[i:i + 2] = [words[i] + words[i + 1]]
                raw[i:i + 2] = [solid]
            i += 1
    typing = prefix and not clean(text).endswith(" ")
    out = []
    for i, toks in enumerate(words):
        quoted = '"' + " ".join(toks) + '"'
        if typing and i == len(words) - 1:
            quoted += "*"
            if len(toks[-1]) < SHORT_PREFIX:
                # One or two letters: the reader is typing a name, so match names only.
                quoted = f"{{name aliases keys}}: {quoted}"
        alts = variants.alternatives(raw[i]) if variants is not None and i < len(raw) else []
        if alts:
            quoted = "(" + " OR ".join([quoted, *('"' + " ".join(a) + '"' for a in alts)]) + ")"
        out.append(quoted)
    return out


def fts_expression(text: str, prefix: bool = True, variants: Variants | None = None) -> str:
    """An FTS5 MATCH expression for `text`, or '' when it holds no words."""
    toks = tokens(text)
    if not toks:
        return ""
    expr = f"({' AND '.join(word_groups(text, prefix, variants))})"
    compact = key(clean(text))
    if compact and len(toks) > 1:
        expr += f' OR keys: "{compact}"*'
    return expr
