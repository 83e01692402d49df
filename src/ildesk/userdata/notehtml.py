"""A note as safe HTML: everything escaped, then a Markdown-light subset put back.

Allowed: paragraphs (blank lines), line breaks, **bold**, *italic*, and `- ` lists. Links stay
plain text (never live) and there are no images, so nothing in a note can load or run.

    note_to_html("**IL-6** <script>") -> '<p><strong>IL-6</strong> &lt;script&gt;</p>'
"""

from __future__ import annotations

import html
import re

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![\*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\*\w])")
_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")


def _inline(text: str) -> str:
    escaped = html.escape(text, quote=True)
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _ITALIC.sub(r"<em>\1</em>", escaped)


def _blocks(lines: list[str]) -> list[str]:
    """One block's lines as paragraphs (lines joined by <br>) and lists."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []
    for line in [*lines, None]:
        bullet = _BULLET.match(line) if line is not None else None
        if bullet and line is not None and not line.lstrip().startswith("**"):
            if para:
                out.append("<p>" + "<br>".join(para) + "</p>")
                para = []
            items.append(_inline(bullet.group(1).strip()))
            continue
        if items:
            out.append("<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")
            items = []
        if line is None:
            if para:
                out.append("<p>" + "<br>".join(para) + "</p>")
        else:
            para.append(_inline(line.strip()))
    return out


def note_to_html(text: str) -> str:
    """The note `text` as an HTML fragment that is safe to put in any page."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        out += _blocks([ln for ln in block.split("\n") if ln.strip()])
    return "\n".join(out)
