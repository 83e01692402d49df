"""Render a page (the dictionary `ildesk.db.pages.page` returns) as an HTML article.

Everything from the data is escaped; the only markup is what this module writes. Links to
other pages use the `ildesk:` scheme; links to outside records are marked with ↗ and carry
the title "opens in your browser".
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from ildesk.article import drug_tables, links, outline
from ildesk.article.style import DARK, LIGHT, Palette, style
from ildesk.db.pages.types import (
    ArticlePage,
    CellTypePage,
    DiseaseDrug,
    DiseasePage,
    DrugBrief,
    DrugPage,
    InterleukinPage,
    MoleculePage,
    Named,
    Page,
    ReceptorPage,
    Reference,
)
from ildesk.kb import prose
from ildesk.vocab import KIND_LABEL, LINK_LABEL, ROUTE_LABEL
from ildesk.wording import page_title, status_text

Labels = dict[str, tuple[str, str]]  # id -> (name, kind)

__all__ = ["DARK", "LIGHT", "Labels", "Palette", "a", "esc", "ext", "inline", "paragraphs",
           "render", "style"]


FAMILIES_ARTICLE = "interleukin-families"
_NUMBERED = re.compile(r"^\d+[.)]\s+")
_EMPH = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def a(page_id: str, text: str) -> str:
    return f'<a href="{esc(links.internal(page_id))}">{esc(text)}</a>'


def ext(url: str, text: str) -> str:
    return (f'<a href="{esc(url)}" title="Opens in your web browser">{esc(text)}'
            f"&#8239;&#8599;</a>")


def inline(text: str, labels: Labels) -> str:
    """One paragraph of prose: escaped, with **bold**, *italic* and [[links]]."""
    out: list[str] = []
    pos = 0
    for m in prose.LINK.finditer(text):
        out.append(_emphasis(text[pos:m.start()]))
        target = m.group(1)
        shown = m.group(2) or labels.get(target, (target, ""))[0]
        out.append(a(target, shown) if target in labels else esc(shown))
        pos = m.end()
    out.append(_emphasis(text[pos:]))
    return "".join(out)


def _emphasis(text: str) -> str:
    escaped = esc(text)
    return _EMPH.sub(lambda m: f"<b>{m.group(1)}</b>" if m.group(1) else f"<i>{m.group(2)}</i>",
                     escaped)


def paragraphs(text: str, labels: Labels) -> str:
    parts = []
    for lines in prose.blocks(text):
        if lines[0].startswith("## "):  # an anchored section, as `_Doc.section` writes it
            head = lines[0][3:].strip()
            name = outline.anchor(prose.plain(head, lambda i: labels.get(i, (i, ""))[0]))
            parts.append(f'<h2><a name="{esc(name)}"></a>{inline(head, labels)}</h2>')
            lines = lines[1:]
            if not lines:
                continue
        if all(ln.startswith(("- ", "* ")) for ln in lines):
            items = "".join(f"<li>{inline(ln[2:], labels)}</li>" for ln in lines)
            parts.append(f"<ul>{items}</ul>")
        elif all(_NUMBERED.match(ln) for ln in lines):
            items = "".join(f"<li>{inline(_NUMBERED.sub('', ln), labels)}</li>" for ln in lines)
            parts.append(f"<ol>{items}</ol>")
        else:
            parts.append(f"<p>{inline(' '.join(lines), labels)}</p>")
    return "\n".join(parts)


class _Doc:
    def __init__(self, labels: Labels, drug_sort: drug_tables.DrugSort | None = None) -> None:
        self.labels = labels
        self.drug_sort = drug_sort or drug_tables.DrugSort()
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(text)

    def section(self, title: str, body: str) -> None:
        if body.strip():
            name = esc(outline.anchor(title))
            self.parts.append(f'<h2><a name="{name}"></a>{esc(title)}</h2>{body}')

    def link(self, page_id: str, text: str | None = None) -> str:
        name = text or self.labels.get(page_id, (page_id, ""))[0]
        return a(page_id, name) if page_id in self.labels else esc(name)

    def links(self, items: Iterable[Named], sep: str = ", ") -> str:
        return sep.join(self.link(x["id"], x["name"]) for x in items)


def _glance(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td class="label" width="118">{esc(k)}</td><td>{v}</td></tr>'
                    for k, v in rows if v)
    return f'<table class="glance" width="100%" cellspacing="0">{cells}</table>'


def _flow(d: _Doc, items: Iterable[Named], starred: Callable[[str], bool] = lambda _id: False
          ) -> str:
    """A short list of names as one line: IL-3 · IL-4 · IL-9 (a `starred` one with a *)."""
    body = " &nbsp;·&nbsp; ".join(d.link(x["id"], x["name"]) + ("*" if starred(x["id"]) else "")
                                  for x in items)
    return f"<p>{body}</p>" if body else ""


def _ul(items: Iterable[str]) -> str:
    body = "".join(f"<li>{i}</li>" for i in items)
    return f"<ul>{body}</ul>" if body else ""


def _drug_line(d: _Doc, drug: DrugBrief | DiseaseDrug) -> str:
    status = status_text(drug["status"], drug["approval_year"])
    brands = f" ({esc(', '.join(drug['brands']))})" if drug["brands"] else ""
    return (f"{d.link(drug['id'], drug['name'])}{brands} — {esc(drug['action'])} "
            f'<span class="note">[{esc(status)}]</span>')


def _references(d: _Doc, refs: list[Reference]) -> None:
    d.section("References", "<ol>" + "".join(
        f"<li>{esc(r['title'])} ({r['year']}). "
        f"{ext(links.pubmed(r['pmid']), 'PMID ' + str(r['pmid']))}</li>" for r in refs) + "</ol>")


def _interleukin(d: _Doc, p: InterleukinPage) -> None:
    labels = d.labels
    genes = "<br>".join(
        f"{esc(g['symbol'])}{' (' + esc(g['subunit']) + ')' if g['subunit'] else ''} · "
        f"{esc(g['location'])} · {ext(links.uniprot(g['uniprot']), g['uniprot'])} · "
        f"{ext(links.hgnc(g['hgnc_id']), g['hgnc_id'])} · "
        f"{ext(links.ncbi_gene(g['ncbi_gene_id']), 'Gene ' + str(g['ncbi_gene_id']))}"
        for g in p["genes"])
    size = "; ".join(f"{g['symbol']}: {g['length_aa']} aa precursor" for g in p["genes"])
    if p["protein"]["mature_aa"]:
        size += f"; {p['protein']['mature_aa']} aa mature"
    mass = p["protein"]["mass_kda"].replace("-", "–")
    if mass:
        size += f"; {mass}" if "kDa" in mass else f"; {mass} kDa"
    receptors = "<br>".join(
        (" + ".join(d.link(c["id"], c["symbol"]) for c in r["chain_details"])
         or "<i>not identified</i>")
        + f' <span class="note">{esc(r["kind"])}{": " + esc(r["name"]) if r["name"] else ""}'
        "</span>" for r in p["receptors"])
    sig = p["signalling"]
    route = ROUTE_LABEL[sig["route"]]
    mols = [d.link(i) for i in [*sig["kinases_ids"], *sig["transcription_factors_ids"],
                                *sig["adaptors_ids"]]]  # labels: Act1, TAK1, JAK1
    # Families are not pages (a family's id may equal an interleukin's, as il-6 does): they
    # link to the article that describes them all.
    fam = (d.link(FAMILIES_ARTICLE, p["family"]) if FAMILIES_ARTICLE in labels
           else esc(p["family"]))
    d.add(_glance([
        ("Family", fam + "".join(f", {esc(f['name'])}" for f in p["other_families"])),
        ("Gene" + ("s" if len(p["genes"]) > 1 else ""), genes),
        ("Size", esc(size)),
        ("Fold", esc(p["protein"]["fold"])),
        ("Receptor", receptors),
        ("Signalling", f"{esc(route)}: {', '.join(mols)}" if mols else esc(route)),
        ("Discovered", esc(p["discovery"]["year"])),
    ]))
    if p["status"] != "established":
        d.add(f'<p class="warn"><b>Status: {esc(p["status"])}.</b> '
              f"{inline(p['status_note'], labels)}</p>")
    d.section("Function", paragraphs(p["functions"], labels))
    cells = []
    for role, title in (("producer", "Made by"), ("target", "Acts on")):
        items = [c for c in p["cell_types"] if c["role"] == role]
        if items:
            cells.append(f"<p><b>{title}:</b> " + ", ".join(
                d.link(c["id"], c["name"]) + (f' <span class="note">({esc(c["note"])})</span>'
                                              if c["note"] else "") for c in items) + "</p>")
    d.section("Producing and target cells", "".join(cells))
    rec = [f"<p><b>{esc(r['name'])}</b> <span class=\"note\">({esc(r['kind'])})</span>: "
           + " + ".join(d.link(c["id"], f"{c['symbol']}"
                               + (f" ({c['cd']})" if c["cd"] else "")) for c in r["chain_details"])
           + (" — " + esc(r["note"]) if r["note"] else "") + "</p>" for r in p["receptors"]]
    shared = [c for r in p["receptors"] for c in r["chain_details"] if c["shared"]]
    if shared:
        rec.append('<p class="note">Shared chains: ' + ", ".join(
            dict.fromkeys(d.link(c["id"], c["symbol"]) for c in shared)) + "</p>")
    parts = [("Kinases", sig["kinases_ids"]),
             ("Transcription factors", sig["transcription_factors_ids"]),
             ("Adaptors", sig["adaptors_ids"]), ("Pathways", sig["pathways_ids"])]
    for title, ids in parts:
        if ids:
            rec.append(f"<p><b>{title}:</b> " + ", ".join(d.link(i) for i in ids) + "</p>")
    if sig["target_genes"]:
        rec.append(f"<p><b>Target genes:</b> {esc(', '.join(sig['target_genes']))}</p>")
    if sig["note"]:
        rec.append(paragraphs(sig["note"], labels))
    if p["antagonists"]:
        rec.append("<p><b>Natural antagonists:</b> " + d.links(p["antagonists"]) + "</p>")
    if p["antagonist_of"]:
        rec.append("<p><b>Antagonises:</b> " + d.links(p["antagonist_of"]) + "</p>")
    d.section("Receptor and signalling", "".join(rec))
    d.section("Diseases", _ul(
        f"{d.link(x['id'], x['name'])} — {esc(LINK_LABEL[x['kind']])}"
        + (f'<br><span class="note">{esc(x["note"])}</span>' if x["note"] else "")
        for x in p["diseases"]))
    d.section("Drugs", _ul(_drug_line(d, x) for x in p["drugs"]))
    therapy = paragraphs(p["therapy"], labels) if p["therapy"] else ""
    if p["side_effects"]:
        therapy += "<p><b>Side effects:</b></p>" + _ul(esc(s) for s in p["side_effects"])
    d.section("Therapy and side effects", therapy)
    d.section("History", paragraphs(p["discovery"]["text"], labels))
    # Curators' notes and source lists stay in the data (and `ildesk show --json`): a reader
    # gets the references.


def _receptor(d: _Doc, p: ReceptorPage) -> None:
    d.add(_glance([
        ("Gene", f"{esc(p['symbol'])} · {esc(p['location'])}"),
        ("CD", esc(p["cd"])), ("Also called", esc(", ".join(p["common_names"]))),
        ("Identifiers", f"{ext(links.hgnc(p['hgnc_id']), p['hgnc_id'])} · "
                        f"{ext(links.uniprot(p['uniprot']), p['uniprot'])} · "
                        + ext(links.ncbi_gene(p["ncbi_gene_id"]), f"Gene {p['ncbi_gene_id']}")),
        ("Shared", "yes — used by several interleukins" if p["shared"] else "no"),
        ("Kinases", d.links(p["kinases"]))]))
    _description(d, p["description"])
    d.section("Interleukins that use it", _flow(d, p["interleukins"]))
    d.section("Drugs", _ul(_drug_line(d, x) for x in p["drugs"]))


def _molecule(d: _Doc, p: MoleculePage) -> None:
    ids = ""
    if p["hgnc_id"]:
        ids = (f"{ext(links.hgnc(p['hgnc_id']), p['hgnc_id'])} · "
               f"{ext(links.uniprot(p['uniprot'] or ''), p['uniprot'] or '')} · "
               f"{ext(links.ncbi_gene(p['ncbi_gene_id'] or 0), 'Gene ' + str(p['ncbi_gene_id']))}")
    d.add(_glance([("Kind", esc(p["molecule_kind"].replace("-", " "))),
                   ("Gene", esc(p["symbol"])), ("Also called", esc(", ".join(p["common_names"]))),
                   ("Identifiers", ids), ("On the chains", d.links(p["chains"]))]))
    _description(d, p["description"])
    d.section("Interleukins that use it", _flow(d, p["interleukins"]))
    d.section("Drugs", _ul(_drug_line(d, x) for x in p["drugs"]))


def _cell_type(d: _Doc, p: CellTypePage) -> None:
    d.add(_glance([("Cell Ontology", ext(links.obo(p["cl_id"]), p["cl_id"])),
                   ("Is a", d.links(p["parents"])), ("Includes", d.links(p["children"]))]))
    _description(d, p["description"])
    for items, title in ((p["produces"], "Interleukins it makes"),
                         (p["responds_to"], "Interleukins that act on it")):
        subtype = {x["id"] for x in items if not x["direct"]}
        d.section(title, _flow(d, items, subtype.__contains__)
                  + ('<p class="note">* made by or acting on a subtype of this cell</p>'
                     if any(not x["direct"] for x in items) else ""))


def _disease(d: _Doc, p: DiseasePage) -> None:
    ids = " · ".join(x for x in (
        ext(links.obo(p["mondo_id"]), p["mondo_id"]) if p["mondo_id"] else "",
        ext(links.mesh(p["mesh_id"]), "MeSH " + p["mesh_id"]) if p["mesh_id"] else "")
        if x)
    d.add(_glance([("Category", esc(p["category"])), ("Identifiers", ids),
                   ("Also called", esc(", ".join(p["synonyms"]))),
                   ("Part of", d.links(p["parents"])), ("Includes", d.links(p["children"]))]))
    _description(d, p["description"])
    d.section("Interleukins involved", _ul(
        f"{d.link(x['id'], x['name'])} — "
        + esc("; ".join(LINK_LABEL[k] for k in x["kinds"]))
        + (" <span class=\"note\">(" + ("also " if x["direct"] else "")
           + "via " + ", ".join(d.link(v["id"], v["name"]) for v in x["via"]) + ")</span>"
           if x["via"] else "")
        + (f'<br><span class="note">{esc(x["note"])}</span>' if x["note"] else "")
        for x in p["interleukins"]))
    d.section("Drugs", drug_tables.disease_table(p, d.drug_sort, esc, d.link) or _ul(
        _drug_line(d, x) + (" <span class=\"note\">— for " + ", ".join(
            d.link(v["id"], v["name"]) for v in x["for"]) + "</span>" if x["for"] else "")
        for x in p["drugs"]))


def _drug(d: _Doc, p: DrugPage) -> None:
    approval = esc(p["status"].replace("-", " "))
    if p["approval_year"]:
        approval += f" ({p['approval_year']})"
    if p["approval_note"]:
        approval += f' <span class="note">{esc(p["approval_note"])}</span>'
    d.add(_glance([("Kind", esc(p["drug_kind"].replace("-", " "))),
                   ("Brands", esc(", ".join(p["brands"]))), ("Status", approval)]))
    _description(d, p["description"])
    d.section("Targets", _ul(
        f"Binds {', '.join(d.link(b['id'], b['name']) for b in t['binds'])}; "
        f"{'blocks' if t['effect'] == 'blocks' else 'acts like'} "
        f"{', '.join(d.link(i['id'], i['name']) for i in t['interleukins'])}. "
        f"{esc(t['action'])}" for t in p["targets"]))
    d.section("Indications", _ul(d.link(x["id"], x["name"]) for x in p["indications"]))
    for title, body in drug_tables.drug_sections(p, esc, d.link):
        d.section(title, body)
    d.section("Side effects", _ul(esc(s) for s in p["side_effects"]))


def _article(d: _Doc, p: ArticlePage) -> None:
    _description(d, p["body"])


def _description(d: _Doc, text: str) -> None:
    if text:
        d.add(paragraphs(text, d.labels))


def _body(d: _Doc, p: Page) -> None:
    if p["kind"] == "interleukin":
        _interleukin(d, p)
    elif p["kind"] == "receptor":
        _receptor(d, p)
    elif p["kind"] == "molecule":
        _molecule(d, p)
    elif p["kind"] == "cell_type":
        _cell_type(d, p)
    elif p["kind"] == "disease":
        _disease(d, p)
    elif p["kind"] == "drug":
        _drug(d, p)
    else:
        _article(d, p)


def render(p: Page, labels: Labels, palette: Palette = LIGHT, zoom: float = 1.0,
           note_html: str = "", drug_sort: drug_tables.DrugSort | None = None) -> str:
    """The whole article for page `p` as one HTML document (a disease's drug table sorted
    by `drug_sort`, by first approval without one)."""
    d = _Doc(labels, drug_sort)
    # Interleukins, chains and molecules go by their short names (IL-6, IL2RG, JAK1).
    title = page_title(p)
    sub = p["name"] if title != p["name"] else ""
    d.add(f'<p class="kind">{esc(KIND_LABEL[p["kind"]])}</p><h1>{esc(title)}</h1>')
    aka = [sub] if sub else []
    if p["kind"] == "interleukin":  # an article's aliases are search keywords, not names
        aka += p["aliases"][:8]
    if aka:
        d.add(f'<p class="aka">{esc(" · ".join(aka))}</p>')
    if p["summary"] and p["kind"] == "interleukin":
        d.add(f'<p class="summary">{inline(p["summary"], labels)}</p>')
    _body(d, p)
    if note_html:
        d.section("Your note", note_html)
    if p["references"]:
        _references(d, p["references"])
    return f"<html><head>{style(palette, zoom)}</head><body>{''.join(d.parts)}</body></html>"
