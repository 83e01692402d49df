"""Build `Sheet`s from the page dicts of `ildesk.db.pages.page()`.

`interleukin_sheet(page, labels, meta)`, `disease_sheet(...)`, `drug_sheet(...)`, or
`sheet_for(page, labels, meta)` which picks by the page's kind. `sheets_for(content, ids)` reads
the pages itself. All text is plain (prose markup removed).

A disease or drug sheet shows the signalling diagram of one interleukin: the one the drug acts
on, or the disease's most strongly linked one (`diagram_interleukin`); pass that interleukin's
page as `diagram_page` (`sheets_for` does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from ildesk.diagram.layout import status_note
from ildesk.factsheet.model import Fact, Footer, Reference, Rich, Section, Sheet, Span, rich
from ildesk.factsheet.text import paragraphs, plain, sentences

Page = Mapping[str, Any]
Labels = Mapping[str, tuple[str, str]]

SHEET_KINDS = ("interleukin", "disease", "drug")

LINK_LABEL = {
    "driver": "drives disease", "therapeutic-target": "therapeutic target",
    "treated-with": "used as therapy", "genetic": "genetic association",
    "biomarker": "biomarker",
}
# The order diseases are listed in on a sheet: therapy first (what a reader prints it for).
LINK_ORDER = ("treated-with", "therapeutic-target", "driver", "genetic", "biomarker")
STATUS_LABEL = {
    "approved": "approved", "investigational": "investigational", "withdrawn": "withdrawn",
    "discontinued": "discontinued", "approved-regionally": "approved regionally",
}
STATUS_ORDER = ("approved", "approved-regionally", "investigational", "withdrawn",
                "discontinued")
DRUG_KIND_LABEL = {
    "monoclonal-antibody": "monoclonal antibody", "recombinant-cytokine": "recombinant cytokine",
    "fusion-protein": "fusion protein", "receptor-antagonist": "receptor antagonist",
    "small-molecule": "small molecule", "other": "other",
}
ROUTE_LABEL = {
    "jak-stat": "JAK–STAT", "il1-myd88": "MyD88–IRAK–TRAF6–NF-κB",
    "il17-act1": "Act1–TRAF6", "gpcr": "G-protein-coupled receptor", "other": "other",
}
KEY_REFERENCES = 3


class NoSheetError(ValueError):
    """There is no fact sheet for this kind of page."""


def _footer(meta: Mapping[str, str], today: date | None) -> Footer:
    version = meta.get("data_version", "") or "unknown"
    return Footer(data_version=version, date=(today or date.today()).isoformat())


def _refs(page: Page, n: int = KEY_REFERENCES) -> tuple[Reference, ...]:
    return tuple(Reference(title=r["title"], year=r["year"], pmid=r["pmid"])
                 for r in page.get("references", [])[:n])


def _lede(page: Page, labels: Labels) -> str:
    s = sentences(plain(page.get("summary") or "", labels))
    return s[0] if s else ""


def _name(labels: Labels, page_id: str) -> str:
    return labels[page_id][0] if page_id in labels else page_id


def _status(status: str, year: int | None) -> str:
    label = STATUS_LABEL.get(status, status)
    if not year:
        return label
    if status in ("approved", "approved-regionally"):
        return f"{label} {year}"
    return f"{label} (first approved {year})"  # withdrawn in 2018, not in 1997


def _drug_sort_key(d: Mapping[str, Any]) -> tuple[int, int, str]:
    order = STATUS_ORDER.index(d["status"]) if d["status"] in STATUS_ORDER else 9
    return (order, d.get("approval_year") or 9999, d["name"].casefold())


def short_name(labels: Labels, page_id: str) -> str:
    """A target as a reader scans for it: IL2RA, JAK1, IL-6 rather than full names."""
    name, kind = labels.get(page_id, (page_id, ""))
    if kind in ("receptor", "molecule") and re.fullmatch(r"[a-z0-9]+", page_id):
        return page_id.upper()
    if kind == "interleukin" and name.startswith("Interleukin-"):
        return "IL-" + name[len("Interleukin-"):]
    return name


def _drug_item(d: Mapping[str, Any], labels: Labels, show_target: bool = True) -> Rich:
    brands = f" ({', '.join(d['brands'])})" if d.get("brands") else ""
    target = ", ".join(short_name(labels, b) for b in d.get("binds", []))
    effect = "mimics" if d.get("effect") == "mimics" else "blocks"
    parts: list[str | Span] = [Span(d["name"], bold=True), Span(brands, muted=True)]
    if show_target and target:
        parts.append(f" — {effect} {target}")
    parts.append(Span(f" · {_status(d['status'], d.get('approval_year'))}", muted=True))
    return rich(*parts)


def _chain_text(ch: Mapping[str, Any]) -> str:
    extra = [ch["cd"]] if ch.get("cd") else []
    if ch.get("shared"):
        extra.append("shared")
    return ch["symbol"] + (f" ({', '.join(extra)})" if extra else "")


def _receptor_lines(page: Page) -> tuple[Rich, ...]:
    lines: list[Rich] = []
    for rc in page.get("receptors", []):
        chains = " + ".join(_chain_text(c) for c in rc.get("chain_details", []))
        if not chains:
            chains = " + ".join(rc.get("chains", []))
        kind = rc.get("kind", "signalling")
        name = re.sub(r"\s*\([^()]*\)$", "", rc["name"]) or rc["name"]
        note = name if kind == "signalling" else f"{name}; {kind.replace('-', ' ')}"
        lines.append(rich(Span(chains, bold=True), Span(f" — {note}", muted=True)))
    return tuple(lines)


def _signalling_lines(sig: Mapping[str, Any]) -> tuple[Rich, ...]:
    lines: list[Rich] = []
    route = ROUTE_LABEL.get(sig.get("route", ""), sig.get("route", ""))
    kinases, tfs, adaptors = sig.get("kinases", []), sig.get("transcription_factors", []), \
        sig.get("adaptors", [])
    if sig.get("route") == "jak-stat" and (kinases or tfs):
        lines.append(rich(Span(", ".join(kinases), bold=True),
                          " → " if kinases and tfs else "", Span(", ".join(tfs), bold=True)))
    else:
        chain = [*adaptors, *kinases, *tfs]
        lines.append(rich(Span(" → ".join(chain) if chain else route, bold=True),
                          Span(f" ({route})", muted=True) if chain else ""))
    if sig.get("pathways"):
        lines.append(rich(Span("also ", muted=True), ", ".join(sig["pathways"])))
    return tuple(lines)


def _gene_lines(page: Page) -> tuple[Rich, ...]:
    lines = []
    for g in page.get("genes", []):
        named = str(g.get("subunit") or "").strip()
        sub = f"{named}: " if named and named.casefold() != g["symbol"].casefold() else ""
        lines.append(rich(Span(sub, muted=True), Span(g["symbol"], bold=True),
                          f"  {g['location']}  ·  UniProt {g['uniprot']}  ·  {g['hgnc_id']}"))
    return tuple(lines)


def _size_line(page: Page) -> tuple[Rich, ...]:
    prot = page.get("protein") or {}
    parts = []
    genes = page.get("genes", [])
    if genes:
        parts.append(" + ".join(f"{g['length_aa']}" for g in genes) + " aa precursor"
                     + ("s" if len(genes) > 1 else ""))
    if prot.get("mature_aa"):
        parts.append(f"{prot['mature_aa']} aa mature")
    if prot.get("mass_kda"):
        kda = str(prot["mass_kda"]).strip()
        if "kda" in kda.lower():
            parts.append(kda)
        elif re.fullmatch(r"[~≈]?\s*[0-9.,–-]+", kda):
            parts.append(f"{kda} kDa")
        else:
            parts.append(f"mass (kDa) {kda}")
    lines = [rich("; ".join(parts))] if parts else []
    if prot.get("fold"):
        lines.append(rich(Span(prot["fold"], muted=True)))
    return tuple(lines)


def _cells(page: Page, role: str) -> tuple[Rich, ...]:
    return tuple(rich(c["name"]) for c in page.get("cell_types", []) if c["role"] == role)


def interleukin_sheet(page: Page, labels: Labels, meta: Mapping[str, str],
                      today: date | None = None) -> Sheet:
    family = page.get("family", "")
    others = [f["name"] for f in page.get("other_families", [])]
    facts = [Fact("Family", (rich(family + (f"; also {', '.join(others)}" if others else "")),))]
    if page.get("status") and page["status"] != "established":
        note = page.get("status_note") or ""
        facts.append(Fact("Status", (rich(Span(page["status"], bold=True),
                                          f" — {note}" if note else ""),)))
    facts.append(Fact("Gene" + ("s" if len(page.get("genes", [])) > 1 else ""),
                      _gene_lines(page)))
    size = _size_line(page)
    if size:
        facts.append(Fact("Protein", size))
    receptors = _receptor_lines(page)
    if receptors:
        facts.append(Fact("Receptor" + ("s" if len(receptors) > 1 else ""), receptors))
    sig = page.get("signalling") or {}
    if sig:
        facts.append(Fact("Signalling", _signalling_lines(sig)))
        if sig.get("target_genes"):
            facts.append(Fact("Target genes", (rich(", ".join(sig["target_genes"])),)))
    if page.get("antagonists"):
        facts.append(Fact("Antagonists", (rich(", ".join(a["name"] for a in
                                                         page["antagonists"])),)))
    if page.get("antagonist_of"):
        facts.append(Fact("Antagonist of", (rich(", ".join(a["name"] for a in
                                                           page["antagonist_of"])),)))
    disc = page.get("discovery") or {}
    if disc.get("year"):
        facts.append(Fact("Discovered", (rich(str(disc["year"])),)))

    sections: list[Section] = []
    if page.get("functions"):
        sections.append(Section("What it does", "prose",
                                paragraphs=paragraphs(page["functions"], labels), wide=True))
    for role, title in (("producer", "Made by"), ("target", "Acts on")):
        cells = _cells(page, role)
        if cells:
            sections.append(Section(title, "inline", items=cells))
    diseases = sorted(page.get("diseases", []),
                      key=lambda d: (LINK_ORDER.index(d["kind"]) if d["kind"] in LINK_ORDER
                                     else 9))
    if diseases:
        sections.append(Section("Diseases", "list", items=tuple(
            rich(Span(d["name"], bold=True), Span(f" — {LINK_LABEL.get(d['kind'], d['kind'])}",
                                                  muted=True)) for d in diseases)))
    drugs = page.get("drugs", [])  # already in reading order: approved, direct, earliest
    if drugs:
        sections.append(Section("Drugs", "list",
                                items=tuple(_drug_item(d, labels) for d in drugs)))
    if page.get("therapy"):
        sections.append(Section("As a medicine", "prose",
                                paragraphs=paragraphs(page["therapy"], labels)))
    if page.get("side_effects"):
        sections.append(Section("Side effects of therapy", "list",
                                items=tuple(rich(x) for x in page["side_effects"])))
    family_word = family if family.lower().endswith("family") else f"{family} family"
    return Sheet(kind="interleukin", page_id=page["id"],
                 title=page.get("abbreviation") or page["name"], full_name=page["name"],
                 kicker=f"Interleukin · {family_word}" if family else "Interleukin",
                 aliases=tuple(page.get("aliases", [])), lede=_lede(page, labels),
                 facts=tuple(f for f in facts if f.lines), sections=tuple(sections),
                 references=_refs(page), footer=_footer(meta, today), diagram_page=dict(page),
                 diagram_note=status_note(page))


def diagram_interleukin(page: Page) -> str | None:
    """The interleukin whose diagram a disease or drug sheet shows: the first one the drug's
    first target acts on, or the disease's first (most strongly linked) interleukin."""
    if page.get("kind") == "drug":
        for t in page.get("targets", [])[:1]:
            for il in t.get("interleukins", [])[:1]:
                return str(il["id"])
    elif page.get("kind") == "disease":
        for il in page.get("interleukins", [])[:1]:
            return str(il["id"])
    return None


def _il_name(page: Page) -> str:
    return str(page.get("abbreviation") or page.get("name") or page.get("id"))


# How a disease sheet says what its diagram is: "{IL} signalling, {words} {disease}".
LINK_CAPTION = {
    "treated-with": "used as therapy in", "therapeutic-target": "a therapeutic target in",
    "driver": "a driver of", "genetic": "genetically linked to", "biomarker": "a biomarker of",
}


def _disease_caption(page: Page, il_page: Page) -> str:
    link: Mapping[str, Any] = next((x for x in page.get("interleukins", [])
                                    if x["id"] == il_page["id"]), {})
    where = page["name"]
    vias = _via_names(link.get("via"), {})
    if link and not link.get("direct", True) and vias:
        where = " and ".join(vias[:2]) if len(vias) <= 2 else f"{', '.join(vias[:2])} and more"
    words = LINK_CAPTION.get(str(link.get("kind", "")), "linked to")
    return f"{_il_name(il_page)} signalling, {words} {where}"


def disease_sheet(page: Page, labels: Labels, meta: Mapping[str, str],
                  today: date | None = None, diagram_page: Page | None = None) -> Sheet:
    facts = [Fact("Category", (rich(page.get("category", "").replace("-", " ")),))]
    ids = [x for x in (page.get("mondo_id"), page.get("mesh_id") and f"MeSH {page['mesh_id']}")
           if x]
    if ids:
        facts.append(Fact("Identifiers", (rich("  ·  ".join(ids)),)))
    if page.get("parents"):
        facts.append(Fact("A kind of", (rich(", ".join(p["name"] for p in page["parents"])),)))
    if page.get("children"):
        facts.append(Fact("Includes", (rich(", ".join(c["name"] for c in page["children"])),)))
    sections: list[Section] = []
    if page.get("description"):
        sections.append(Section("About", "prose",
                                paragraphs=paragraphs(page["description"], labels), wide=True))
    links = list(page.get("interleukins", []))
    if links and "kinds" not in links[0]:  # one row per link: direct links first
        links.sort(key=lambda x: (bool(x.get("via")),
                                  LINK_ORDER.index(x["kind"]) if x["kind"] in LINK_ORDER else 9,
                                  x["name"]))
    if links:
        items = []
        for x in links:
            note = sentences(plain(x.get("note") or "", labels))
            kinds = x.get("kinds") or [x["kind"]]
            vias = _via_names(x.get("via"), labels)
            direct = bool(x.get("note")) or not vias
            via = (f" ({'also ' if direct else ''}via {', '.join(vias)})" if vias else "")
            items.append(rich(Span(x["name"], bold=True),
                              Span(" — " + ", ".join(LINK_LABEL.get(k, k) for k in kinds) + via,
                                   muted=True),
                              f": {note[0]}" if note else ""))
        sections.append(Section("Interleukins involved", "list", items=tuple(items), wide=True))
    drugs = sorted(page.get("drugs", []), key=_drug_sort_key)
    if drugs:
        sections.append(Section("Drugs", "list",
                                items=tuple(_drug_item(d, labels) for d in drugs), wide=True))
    cat = page.get("category", "")
    return Sheet(kind="disease", page_id=page["id"], title=_cap(page["name"]), full_name="",
                 kicker=f"Disease · {cat}" if cat else "Disease",
                 aliases=tuple(page.get("synonyms", [])), lede="",
                 facts=tuple(facts), sections=tuple(sections), references=_refs(page),
                 footer=_footer(meta, today),
                 **_diagram_fields(diagram_page, lambda il: _disease_caption(page, il)))


def _diagram_fields(il_page: Page | None, caption: Callable[[Page], str],
                    highlight: str | None = None) -> dict[str, Any]:
    """Sheet fields for the diagram of `il_page` (none when it is missing or not drawable)."""
    if not il_page or il_page.get("kind") != "interleukin" or not il_page.get("signalling"):
        return {}
    return {"diagram_page": dict(il_page), "diagram_caption": caption(il_page),
            "diagram_note": status_note(il_page), "diagram_highlight": highlight}


def _via_names(via: Any, labels: Labels) -> list[str]:
    """The narrower diseases a link goes through: None, an id, or a list of ids/dicts."""
    if not via:
        return []
    if isinstance(via, str):
        return [_name(labels, via)]
    return [v["name"] if isinstance(v, dict) else _name(labels, str(v)) for v in via]


def _cap(name: str) -> str:
    return name[:1].upper() + name[1:]


def drug_sheet(page: Page, labels: Labels, meta: Mapping[str, str],
               today: date | None = None, diagram_page: Page | None = None) -> Sheet:
    raw_kind = str(page.get("drug_kind") or "")
    kind = DRUG_KIND_LABEL.get(raw_kind, raw_kind)
    facts = []
    if page.get("brands"):
        facts.append(Fact("Brand names", (rich(", ".join(page["brands"])),)))
    facts.append(Fact("Kind", (rich(kind),)))
    status = rich(Span(_status(page["status"], page.get("approval_year")), bold=True),
                  Span(f" — {page['approval_note']}", muted=True)
                  if page.get("approval_note") else "")
    facts.append(Fact("Status", (status,)))
    targets: list[Rich] = []
    for t in page.get("targets", []):
        binds = ", ".join(short_name(labels, b["id"]) for b in t["binds"])
        ils = ", ".join(short_name(labels, i["id"]) for i in t["interleukins"])
        targets.append(rich(Span(binds, bold=True),
                            Span(f" — {t['effect']} {ils}", muted=True)))
    if targets:
        facts.append(Fact("Target" + ("s" if len(targets) > 1 else ""), tuple(targets)))
    sections: list[Section] = []
    actions = tuple(sentences(plain(t["action"], labels)) for t in page.get("targets", []))
    if actions:
        sections.append(Section("How it works", "prose", paragraphs=actions, wide=True))
    if page.get("description"):
        sections.append(Section("About", "prose",
                                paragraphs=paragraphs(page["description"], labels), wide=True))
    if page.get("indications"):
        sections.append(Section("Indications", "list", items=tuple(
            rich(i["name"][:1].upper() + i["name"][1:]) for i in page["indications"])))
    if page.get("side_effects"):
        sections.append(Section("Side effects", "list",
                                items=tuple(rich(x) for x in page["side_effects"])))
    highlight = page["id"] if any(d["id"] == page["id"] for d in
                                  (diagram_page or {}).get("drugs", [])) else None
    return Sheet(kind="drug", page_id=page["id"], title=_cap(page["name"]), full_name="",
                 kicker=f"Drug · {kind}" if kind else "Drug",
                 aliases=(), lede="",
                 facts=tuple(facts), sections=tuple(sections), references=_refs(page),
                 footer=_footer(meta, today),
                 **_diagram_fields(diagram_page, lambda il: f"Where {page['name']} acts: "
                                   f"{_il_name(il)} signalling", highlight))


def sheet_for(page: Page, labels: Labels, meta: Mapping[str, str],
              today: date | None = None, diagram_page: Page | None = None) -> Sheet:
    """The sheet of an interleukin, disease or drug page; NoSheetError for other kinds.
    `diagram_page`: for a disease or drug, the page of `diagram_interleukin(page)`."""
    if page["kind"] == "interleukin":
        return interleukin_sheet(page, labels, meta, today)
    if page["kind"] == "disease":
        return disease_sheet(page, labels, meta, today, diagram_page)
    if page["kind"] == "drug":
        return drug_sheet(page, labels, meta, today, diagram_page)
    raise NoSheetError(f"{page['name']} is a {page['kind'].replace('_', ' ')}; fact sheets "
                       "exist for interleukins, diseases and drugs.")


def sheets_for(content: Any, page_ids: Iterable[str], skip_other_kinds: bool = True
               ) -> list[Sheet]:
    """Sheets for `page_ids` read from the content database (in that order).

    Pages that have no sheet (cell types, articles, ...) are left out when
    `skip_other_kinds`, otherwise they raise NoSheetError; unknown ids raise KeyError."""
    from ildesk.db import pages

    labels = pages.labels(content)
    meta = pages.meta(content)
    out: list[Sheet] = []
    for pid in page_ids:
        page = pages.page(content, pid)
        if page is None:
            raise KeyError(pid)
        if page["kind"] not in SHEET_KINDS and skip_other_kinds:
            continue
        il_id = diagram_interleukin(page)
        il_page = pages.page(content, il_id) if il_id else None
        out.append(sheet_for(page, labels, meta, diagram_page=il_page))
    return out


def interleukin_ids(content: Any) -> Sequence[str]:
    """Every interleukin id in reading order (IL-1α, IL-1β, ... IL-41)."""
    from ildesk.db import pages

    return [p["id"] for p in pages.list_pages(content, "interleukin")]
