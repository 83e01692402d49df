"""How an article looks: the colours of each scheme (`Palette`, `LIGHT`, `DARK`) and the
style sheet an article carries at a text size (`style`). `ildesk.article.html` writes the
markup; the window's theme (`ildesk.ui.theme`) picks the palette."""

from __future__ import annotations

from typing import NamedTuple


class Palette(NamedTuple):
    text: str = "#1d232b"
    muted: str = "#5b6673"
    link: str = "#0b5cad"
    rule: str = "#d5dbe3"
    panel: str = "#f2f5f8"
    accent: str = "#1f6f8b"
    warn: str = "#8a5300"


LIGHT = Palette()
DARK = Palette(text="#e6e9ee", muted="#a3adb9", link="#7ab8ff", rule="#3a434e",
               panel="#252b33", accent="#6cc3de", warn="#f0b35a")


def style(p: Palette, zoom: float) -> str:
    base = 10.5 * zoom
    return f"""<style>
body {{ color: {p.text}; font-size: {base:.1f}pt; }}
h1 {{ font-size: {base * 1.9:.1f}pt; font-weight: 600; margin: 0 0 2px 0; }}
h2 {{ font-size: {base * 1.25:.1f}pt; font-weight: 600; color: {p.accent};
      margin: 18px 0 4px 0; }}
p {{ margin: 4px 0 8px 0; line-height: 135%; }}
a {{ color: {p.link}; text-decoration: none; }}
.kind {{ color: {p.muted}; font-size: {base * 0.9:.1f}pt; }}
.aka {{ color: {p.muted}; }}
.summary {{ font-size: {base * 1.08:.1f}pt; }}
.note {{ color: {p.muted}; font-size: {base * 0.9:.1f}pt; }}
.warn {{ color: {p.warn}; }}
table.glance {{ background-color: {p.panel}; border-collapse: collapse; }}
table.glance td {{ padding: 3px 10px 3px 8px; vertical-align: top; }}
td.label {{ color: {p.muted}; white-space: nowrap; }}
table.list td {{ padding: 2px 12px 2px 0; vertical-align: top; }}
table.drugs {{ font-size: {base * 0.92:.1f}pt; }}
table.drugs th {{ padding: 3px 6px 3px 0; border-bottom: 1px solid {p.rule}; }}
table.drugs td {{ padding: 2px 6px 2px 0; vertical-align: top; }}
li {{ margin-bottom: 3px; }}
</style>"""
