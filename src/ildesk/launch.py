"""Command-line arguments as the desktop hands them over: an `ildesk:` link becomes `open`.

The desktop entry (resources/ildesk.desktop) runs `ildesk %u` for links such as
`ildesk://IL-6`, `ildesk://open/IL-6`, `ildesk:tocilizumab` or `ildesk://search?q=JAK1`.
`translate_url_args` turns such an argument list into the `open` command the parser knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs, unquote, urlsplit

SCHEME = "ildesk"


def translate_url_args(argv: Sequence[str]) -> list[str]:
    """`["ildesk://IL-6"]` → `["open", "IL-6"]`; any other argument list is returned as is."""
    args = list(argv)
    index = next((i for i, a in enumerate(args) if not a.startswith("-")), None)
    if index is None or not args[index].lower().startswith(SCHEME + ":"):
        return args
    parts = urlsplit(args[index])
    if parts.scheme.lower() != SCHEME:
        return args
    words = [unquote(w) for w in (parts.netloc + parts.path).split("/") if w]
    query = parse_qs(parts.query)
    opened: list[str] = ["open"]
    if words and words[0].lower() == "search":
        text = " ".join(words[1:]) or " ".join(query.get("q", []))
        if text:
            opened += ["--search", text]
    else:
        if words and words[0].lower() in ("open", "page"):
            words = words[1:]
        name = " ".join(words) or " ".join(query.get("q", []))
        if name:
            opened.append(name)
    return args[:index] + opened + args[index + 1:]
