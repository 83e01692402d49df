"""The home page: what a person sees before opening anything — the overview articles, the
families with their members, and a few searches to try."""

from __future__ import annotations

from collections.abc import Sequence

from ildesk.article.html import a, esc
from ildesk.article.look import LIGHT, Palette, style
from ildesk.db.pages.types import Family, Named, PageSummary

EXAMPLES = ("il6", "TCGF", "Th17 cells", "psoriasis", "tocilizumab", "gp130", "JAK1")
READING_ORDER = ("what-are-interleukins", "naming-and-counting", "interleukin-families",
                 "jak-stat-signalling", "interleukins-in-autoimmune-disease",
                 "interleukins-in-cancer-therapy", "side-effects-of-interleukin-therapy",
                 "glossary")


def render(articles: Sequence[Named | PageSummary], families: list[Family], meta: dict[str, str],
           palette: Palette = LIGHT, zoom: float = 1.0) -> str:
    """HTML for the home page. `articles` are {id, name} rows, `families` as
    `ildesk.db.pages.families` returns them."""
    n = len({m["id"] for f in families for m in f["members"]})
    parts = [
        '<p class="kind">ildesk</p><h1>The human interleukins</h1>',
        f'<p class="summary">{n} interleukins with their genes, receptors, signalling routes, '
        "cells, diseases and drugs — offline. Type in the search field above the list, or "
        "filter by cell type, disease or family below it.</p>",
        '<p class="note">Try: ' + " · ".join(
            f'<a href="search:{esc(q)}">{esc(q)}</a>' for q in EXAMPLES) + "</p>",
        "<h2>Start here</h2><ul>"
        + "".join(f"<li>{a(x['id'], x['name'])}</li>" for x in sorted(
            articles, key=lambda x: (READING_ORDER.index(x["id"])
                                     if x["id"] in READING_ORDER else 99, x["name"])))
        + "</ul>",
        "<h2>The families</h2>",
    ]
    for fam in families:
        members = " &nbsp;·&nbsp; ".join(a(m["id"], m["name"]) for m in fam["members"])
        parts.append(f"<p><b>{esc(fam['name'])}</b><br>{members}</p>")
    parts.append(f'<p class="note">Data version {esc(meta.get("data_version", "?"))}, built '
                 f'{esc(meta.get("built_at", "?")[:10])}. Not medical advice.</p>')
    return f"<html><head>{style(palette, zoom)}</head><body>{''.join(parts)}</body></html>"
