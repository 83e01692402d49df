"""Command-line arguments as the desktop hands them over: an `ildesk:` link becomes `open`.

The desktop entry (resources/ildesk.desktop) runs `ildesk %u` for links such as
`ildesk://IL-6`, `ildesk://open/IL-6`, `ildesk:tocilizumab` or `ildesk://search?q=JAK1`.
`translate_url_args` turns such an argument list into the `open` command the parser knows.

What comes from a link is data, never an option: the page name follows `--` and the search
text is glued to `--search=`, so `ildesk://open/--screenshot=%2Fhome%2Fu%2F.bashrc` opens
(or searches for) a page called "--screenshot=/home/u/.bashrc" and writes nothing.

    ["ildesk://IL-6"]              -> ["open", "--", "IL-6"]
    ["ildesk://search?q=-x"]       -> ["open", "--search=-x"]
    ["ildesk:--db=%2Fetc%2Fpasswd"] -> ["open", "--", "--db=/etc/passwd"]
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs, unquote, urlsplit

SCHEME = "ildesk"


def link_index(argv: Sequence[str]) -> int | None:
    """The position of the `ildesk:` link in `argv` (the first argument that is not an
    option), or None when there is none."""
    index = next((i for i, a in enumerate(argv) if not a.startswith("-")), None)
    if index is None or not argv[index].lower().startswith(SCHEME + ":"):
        return None
    return index if urlsplit(argv[index]).scheme.lower() == SCHEME else None


def translate_url_args(argv: Sequence[str]) -> list[str]:
    """`["ildesk://IL-6"]` → `["open", "--", "IL-6"]`; any other argument list is returned
    as is."""
    args = list(argv)
    index = link_index(args)
    if index is None:
        return args
    parts = urlsplit(args[index])
    words = [unquote(w) for w in (parts.netloc + parts.path).split("/") if w]
    query = parse_qs(parts.query)
    opened: list[str] = ["open"]
    if words and words[0].lower() == "search":
        text = " ".join(words[1:]) or " ".join(query.get("q", []))
        if text:
            opened.append(f"--search={text}")
    else:
        if words and words[0].lower() in ("open", "page"):
            words = words[1:]
        name = " ".join(words) or " ".join(query.get("q", []))
        if name:
            opened += ["--", name]
    return args[:index] + opened + args[index + 1:]
