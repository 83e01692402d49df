"""The light markup used in prose fields: paragraphs, **bold**, *italic*, [[id|text]] links.

>>> links("Made by [[macrophage|macrophages]] and [[th17-cell]].")
['macrophage', 'th17-cell']
>>> plain("Made by [[macrophage|macrophages]] and **many** others.")
'Made by macrophages and many others.'
"""

from __future__ import annotations

import re
from collections.abc import Callable

LINK = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\]]+))?\]\]")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def links(text: str) -> list[str]:
    """Ids linked from `text`, in order of appearance."""
    return [m.group(1) for m in LINK.finditer(text)]


def plain(text: str, label: Callable[[str], str] | None = None) -> str:
    """`text` with markup removed; `label(id)` names a bare link (default: the id itself)."""

    def link_text(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(2)
        return label(m.group(1)) if label else m.group(1)

    text = LINK.sub(link_text, text)
    return _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)


def blocks(text: str) -> list[list[str]]:
    """The lines of each paragraph. Paragraphs are separated by blank lines; a text with no
    blank line at all (a folded YAML block, `>`) has one paragraph per line."""
    text = text.strip()
    if not text:
        return []
    if re.search(r"\n\s*\n", text):
        chunks = re.split(r"\n\s*\n", text)
        return [[ln.strip() for ln in c.splitlines() if ln.strip()] for c in chunks if c.strip()]
    return [[ln.strip()] for ln in text.splitlines() if ln.strip()]


def paragraphs(text: str) -> list[str]:
    """Paragraphs of `text`, with the line breaks inside each folded to spaces."""
    return [" ".join(" ".join(lines).split()) for lines in blocks(text)]
