"""Build `Sheet`s from the page dicts of `ildesk.db.pages.page()`.

`interleukin_sheet(page, labels, meta)`, `disease_sheet(...)`, `drug_sheet(...)`, or
`sheet_for(page, labels, meta)` which picks by the page's kind. `sheets_for(content, ids)` reads
the pages itself. All text is plain (prose markup removed).

A disease or drug sheet shows the signalling diagram of one interleukin, the one the window
shows for that page too (`diagram_interleukin`, which is `ildesk.relate.page_interleukin`);
pass that interleukin's page as `diagram_page` (`sheets_for` does).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import TypedDict

from ildesk import relate
from ildesk.db.engine import Content
from ildesk.db.pages.types import (
    ChainDetail,
    DiseaseDrug,
    DiseasePage,
    DrugBrief,
    DrugPage,
    InterleukinPage,
    Page,
    Signalling,
)
from ildesk.factsheet import drug_tables
from ildesk.factsheet.model import Fact, Footer, Reference, Rich, Section, Sheet, Span, rich
from ildesk.factsheet.text import paragraphs, plain, sentences
from ildesk.vocab import (
    APPROVED,
    DRUG_KIND_LABEL,
    LINK_CAPTION,
    LINK_LABEL,
    LINK_SHEET_ORDER,
    ROUTE_LABEL,
    SHEET_KINDS,
    STATUS_ORDER,
    rank,
)
from ildesk.wording import page_title, status_note, status_text

Labels = Mapping[str, tuple[str, str]]

KEY_REFERENCES = 3


class NoSheetError(ValueError):
    """There is no fact sheet for this kind of page."""


def _footer(meta: Mapping[str, str], today: date | None) -> Footer:
    version = meta.get("data_version", "") or "unknown"
    return Footer(data_version=version, date=(today or date.today()).isoformat())


def _refs(page: Page, n: int = KEY_REFERENCES) -> tuple[Reference, ...]:
    return tuple(Reference(title=r["title"], year=r["year"], pmid=r["pmid"])
                 for r in page["references"][:n])


def _lede(page: Page, labels: Labels) -> str:
    s = sentences(plain(page["summary"], labels))
    return s[0] if s else ""


def _drug_sort_key(d: DrugBrief | DiseaseDrug) -> tuple[int, int, str]:
    return (rank(STATUS_ORDER, d["status"]), d["approval_year"] or 9999, d["name"].casefold())


def short_name(labels: Labels, page_id: str) -> str:
    """A target as a reader scans for it: IL2RA, JAK1, IL-6 (the page's short name)."""
    return labels[page_id][0] if page_id in labels else page_id


def _drug_item(d: DrugBrief | DiseaseDrug, labels: Labels, show_target: bool = True) -> Rich:
    brands = f" ({', '.join(d['brands'])})" if d["brands"] else ""
    target = ", ".join(short_name(labels, b) for b in d["binds"])
    effect = "mimics" if d["effect"] == "mimics" else "blocks"
    parts: list[str | Span] = [Span(d["name"], bold=True), Span(brands, muted=True)]
    if show_target and target:
        parts.append(f" — {effect} {target}")
    parts.append(Span(f" · {status_text(d['status'], d['approval_year'])}", muted=True))
    return rich(*parts)


def _drug_short(d: DrugBrief | DiseaseDrug) -> Rich:
    """A drug in few words, for a compact list: its name and status."""
    return rich(Span(d["name"], bold=True),
                Span(f" · {status_text(d['status'], d['approval_year'])}", muted=True))


def _drugs_section(drugs: Sequence[DrugBrief | DiseaseDrug], labels: Labels,
                   wide: bool = False) -> Section:
    """The drugs, every approved one kept when the list is shortened."""
    return Section("Drugs", "list", items=tuple(_drug_item(d, labels) for d in drugs),
                   wide=wide, short=tuple(_drug_short(d) for d in drugs),
                   keep=frozenset(i for i, d in enumerate(drugs) if d["status"] in APPROVED))


def _chain_text(ch: ChainDetail) -> str:
    extra = [ch["cd"]] if ch["cd"] else []
    if ch["shared"]:
        extra.append("shared")
    return ch["symbol"] + (f" ({', '.join(extra)})" if extra else "")


def _receptor_lines(page: InterleukinPage) -> tuple[Rich, ...]:
    lines: list[Rich] = []
    for rc in page["receptors"]:
        chains = " + ".join(_chain_text(c) for c in rc["chain_details"])
        if not chains:
            chains = " + ".join(rc["chains"])
        kind = rc["kind"]
        name = re.sub(r"\s*\([^()]*\)$", "", rc["name"]) or rc["name"]
        note = name if kind == "signalling" else f"{name}; {kind.replace('-', ' ')}"
        lines.append(rich(Span(chains, bold=True), Span(f" — {note}", muted=True)))
    return tuple(lines)


def _signalling_lines(sig: Signalling) -> tuple[Rich, ...]:
    lines: list[Rich] = []
    route = ROUTE_LABEL.get(sig["route"], sig["route"])
    kinases, tfs, adaptors = sig["kinases"], sig["transcription_factors"], sig["adaptors"]
    if sig["route"] == "jak-stat" and (kinases or tfs):
        lines.append(rich(Span(", ".join(kinases), bold=True),
                          " → " if kinases and tfs else "", Span(", ".join(tfs), bold=True)))
    else:
        chain = [*adaptors, *kinases, *tfs]
        lines.append(rich(Span(" → ".join(chain) if chain else route, bold=True),
                          Span(f" ({route})", muted=True) if chain else ""))
    if sig["pathways"]:
        lines.append(rich(Span("also ", muted=True), ", ".join(sig["pathways"])))
    return tuple(lines)


def _gene_lines(page: InterleukinPage) -> tuple[Rich, ...]:
    lines = []
    for g in page["genes"]:
        named = g["subunit"].strip()
        sub = f"{named}: " if named and named.casefold() != g["symbol"].casefold() else ""
        lines.append(rich(Span(sub, muted=True), Span(g["symbol"], bold=True),
                          f"  {g['location']}  ·  UniProt {g['uniprot']}  ·  {g['hgnc_id']}"))
    return tuple(lines)


def _size_line(page: InterleukinPage) -> tuple[Rich, ...]:
    prot = page["protein"]
    parts = []
    genes = page["genes"]
    if genes:
        parts.append(" + ".join(f"{g['length_aa']}" for g in genes) + " aa precursor"
                     + ("s" if len(genes) > 1 else ""))
    if prot["mature_aa"]:
        parts.append(f"{prot['mature_aa']} aa mature")
    if prot["mass_kda"]:
        kda = str(prot["mass_kda"]).strip()
        if "kda" in kda.lower():
            parts.append(kda)
        elif re.fullmatch(r"[~≈]?\s*[0-9.,–-]+", kda):
            parts.append(f"{kda} kDa")
        else:
            parts.append(f"mass (kDa) {kda}")
    lines = [rich("; ".join(parts))] if parts else []
    if prot["fold"]:
        lines.append(rich(Span(prot["fold"], muted=True)))
    return tuple(lines)


def _cells(page: InterleukinPage, role: str) -> tuple[Rich, ...]:
    return tuple(rich(c["name"]) for c in page["cell_types"] if c["role"] == role)


def interleukin_sheet(page: InterleukinPage, labels: Labels, meta: Mapping[str, str],
                      today: date | None = None, treated: Collection[str] = ()) -> Sheet:
    """`treated`: the ids of its diseases an approved drug acting on it is given for (they
    stay on the sheet however short its list of diseases gets)."""
    family = page["family"]
    others = [f["name"] for f in page["other_families"]]
    facts = [Fact("Family", (rich(family + (f"; also {', '.join(others)}" if others else "")),))]
    if page["status"] != "established":
        note = page["status_note"]
        facts.append(Fact("Status", (rich(Span(page["status"], bold=True),
                                          f" — {note}" if note else ""),)))
    facts.append(Fact("Gene" + ("s" if len(page["genes"]) > 1 else ""),
                      _gene_lines(page)))
    size = _size_line(page)
    if size:
        facts.append(Fact("Protein", size))
    receptors = _receptor_lines(page)
    if receptors:
        facts.append(Fact("Receptor" + ("s" if len(receptors) > 1 else ""), receptors))
    sig = page["signalling"]
    facts.append(Fact("Signalling", _signalling_lines(sig)))
    if sig["target_genes"]:
        facts.append(Fact("Target genes", (rich(", ".join(sig["target_genes"])),)))
    if page["antagonists"]:
        facts.append(Fact("Antagonists", (rich(", ".join(a["name"] for a in
                                                         page["antagonists"])),)))
    if page["antagonist_of"]:
        facts.append(Fact("Antagonist of", (rich(", ".join(a["name"] for a in
                                                           page["antagonist_of"])),)))
    disc = page["discovery"]
    if disc["year"]:
        facts.append(Fact("Discovered", (rich(str(disc["year"])),)))

    sections: list[Section] = []
    if page["functions"]:
        sections.append(Section("What it does", "prose",
                                paragraphs=paragraphs(page["functions"], labels), wide=True))
    for role, title in (("producer", "Made by"), ("target", "Acts on")):
        cells = _cells(page, role)
        if cells:
            sections.append(Section(title, "inline", items=cells))
    diseases = sorted(page["diseases"], key=lambda d: rank(LINK_SHEET_ORDER, d["kind"]))
    if diseases:
        sections.append(Section("Diseases", "list", items=tuple(
            rich(Span(d["name"], bold=True), Span(f" — {LINK_LABEL.get(d['kind'], d['kind'])}",
                                                  muted=True)) for d in diseases),
            short=tuple(rich(Span(d["name"], bold=True)) for d in diseases),
            keep=frozenset(i for i, d in enumerate(diseases) if d["id"] in treated)))
    drugs = page["drugs"]  # already in reading order: approved, direct, earliest
    if drugs:
        sections.append(_drugs_section(drugs, labels))
    if page["therapy"]:
        sections.append(Section("As a medicine", "prose",
                                paragraphs=paragraphs(page["therapy"], labels)))
    if page["side_effects"]:
        sections.append(Section("Side effects of therapy", "list",
                                items=tuple(rich(x) for x in page["side_effects"])))
    family_word = family if family.lower().endswith("family") else f"{family} family"
    return Sheet(kind="interleukin", page_id=page["id"],
                 title=page_title(page), full_name=page["name"],
                 kicker=f"Interleukin · {family_word}" if family else "Interleukin",
                 aliases=tuple(page["aliases"]), lede=_lede(page, labels),
                 facts=tuple(f for f in facts if f.lines), sections=tuple(sections),
                 references=_refs(page), footer=_footer(meta, today), diagram_page=page,
                 diagram_note=status_note(page))


def diagram_interleukin(content: Content, page: Page) -> str | None:
    """The interleukin whose diagram a disease or drug sheet shows: the one the window shows
    for the page too (`ildesk.relate.page_interleukin`)."""
    return relate.page_interleukin(content, page)


def _disease_caption(page: DiseasePage, il_page: InterleukinPage) -> str:
    link = next((x for x in page["interleukins"] if x["id"] == il_page["id"]), None)
    where = page["name"]
    vias = [v["name"] for v in link["via"]] if link else []
    if link and not link["direct"] and vias:
        where = " and ".join(vias[:2]) if len(vias) <= 2 else f"{', '.join(vias[:2])} and more"
    words = LINK_CAPTION.get(link["kind"], "linked to") if link else "linked to"
    return f"{page_title(il_page)} signalling, {words} {where}"


def disease_sheet(page: DiseasePage, labels: Labels, meta: Mapping[str, str],
                  today: date | None = None, diagram_page: InterleukinPage | None = None
                  ) -> Sheet:
    facts = [Fact("Category", (rich(page["category"].replace("-", " ")),))]
    ids = [x for x in (page["mondo_id"], page["mesh_id"] and f"MeSH {page['mesh_id']}") if x]
    if ids:
        facts.append(Fact("Identifiers", (rich("  ·  ".join(ids)),)))
    if page["parents"]:
        facts.append(Fact("A kind of", (rich(", ".join(p["name"] for p in page["parents"])),)))
    if page["children"]:
        facts.append(Fact("Includes", (rich(", ".join(c["name"] for c in page["children"])),)))
    sections: list[Section] = []
    if page["description"]:
        sections.append(Section("About", "prose",
                                paragraphs=paragraphs(page["description"], labels), wide=True))
    items, short = [], []
    for x in page["interleukins"]:
        note = sentences(plain(x["note"], labels))
        vias = [v["name"] for v in x["via"]]
        direct = bool(x["note"]) or not vias
        via = (f" ({'also ' if direct else ''}via {', '.join(vias)})" if vias else "")
        items.append(rich(Span(x["name"], bold=True),
                          Span(" — " + ", ".join(LINK_LABEL.get(k, k) for k in x["kinds"])
                               + via, muted=True),
                          f": {note[0]}" if note else ""))
        short.append(rich(Span(x["name"], bold=True),
                          Span(" — " + LINK_LABEL.get(x["kind"], x["kind"]), muted=True)))
    if items:
        sections.append(Section("Interleukins involved", "list", items=tuple(items), wide=True,
                                short=tuple(short)))
    table = drug_tables.disease_drugs(page)
    drugs = sorted(page["drugs"], key=_drug_sort_key)
    if table is not None:
        sections.append(table)
    elif drugs:
        sections.append(_drugs_section(drugs, labels, wide=True))
    cat = page["category"]
    return Sheet(kind="disease", page_id=page["id"], title=_cap(page["name"]), full_name="",
                 kicker=f"Disease · {cat}" if cat else "Disease",
                 aliases=tuple(page["synonyms"]), lede="",
                 facts=tuple(facts), sections=tuple(sections), references=_refs(page),
                 footer=_footer(meta, today),
                 **_diagram_fields(diagram_page, lambda il: _disease_caption(page, il)))


class _DiagramFields(TypedDict, total=False):
    diagram_page: InterleukinPage
    diagram_caption: str
    diagram_note: str
    diagram_highlight: str | None


def _diagram_fields(il_page: Page | None, caption: Callable[[InterleukinPage], str],
                    highlight: str | None = None) -> _DiagramFields:
    """Sheet fields for the diagram of `il_page` (none when it is missing or not drawable)."""
    if not il_page or il_page["kind"] != "interleukin":
        return {}
    return {"diagram_page": il_page, "diagram_caption": caption(il_page),
            "diagram_note": status_note(il_page), "diagram_highlight": highlight}


def _cap(name: str) -> str:
    return name[:1].upper() + name[1:]


def drug_sheet(page: DrugPage, labels: Labels, meta: Mapping[str, str],
               today: date | None = None, diagram_page: InterleukinPage | None = None
               ) -> Sheet:
    kind = DRUG_KIND_LABEL.get(page["drug_kind"], page["drug_kind"])
    facts = []
    if page["brands"]:
        facts.append(Fact("Brand names", (rich(", ".join(page["brands"])),)))
    facts.append(Fact("Kind", (rich(kind),)))
    status = rich(Span(status_text(page["status"], page["approval_year"]), bold=True),
                  Span(f" — {page['approval_note']}", muted=True)
                  if page["approval_note"] else "")
    facts.append(Fact("Status", (status,)))
    targets: list[Rich] = []
    for t in page["targets"]:
        binds = ", ".join(short_name(labels, b["id"]) for b in t["binds"])
        ils = ", ".join(short_name(labels, i["id"]) for i in t["interleukins"])
        targets.append(rich(Span(binds, bold=True),
                            Span(f" — {t['effect']} {ils}", muted=True)))
    if targets:
        facts.append(Fact("Target" + ("s" if len(targets) > 1 else ""), tuple(targets)))
    sections: list[Section] = []
    actions = tuple(sentences(plain(t["action"], labels)) for t in page["targets"])
    if actions:
        sections.append(Section("How it works", "prose", paragraphs=actions, wide=True))
    if page["description"]:
        sections.append(Section("About", "prose",
                                paragraphs=paragraphs(page["description"], labels), wide=True))
    if page["indications"]:
        # an approved drug's indications are what it is for: none is ever left out
        approved = page["status"] in APPROVED
        sections.append(Section("Indications", "list", items=tuple(
            rich(_cap(i["name"])) for i in page["indications"]),
            keep=frozenset(range(len(page["indications"]))) if approved else frozenset()))
    if page["side_effects"]:
        sections.append(Section("Side effects", "list",
                                items=tuple(rich(x) for x in page["side_effects"])))
    approvals = drug_tables.drug_approvals(page)  # last: below the two columns above
    if approvals is not None:
        sections.append(approvals)
    acts_here = diagram_page is not None and any(d["id"] == page["id"]
                                                 for d in diagram_page["drugs"])
    return Sheet(kind="drug", page_id=page["id"], title=_cap(page["name"]), full_name="",
                 kicker=f"Drug · {kind}" if kind else "Drug",
                 aliases=(), lede="",
                 facts=tuple(facts), sections=tuple(sections), references=_refs(page),
                 footer=_footer(meta, today),
                 **_diagram_fields(diagram_page, lambda il: f"Where {page['name']} acts: "
                                   f"{page_title(il)} signalling",
                                   page["id"] if acts_here else None))


def sheet_for(page: Page, labels: Labels, meta: Mapping[str, str],
              today: date | None = None, diagram_page: Page | None = None) -> Sheet:
    """The sheet of an interleukin, disease or drug page; NoSheetError for other kinds.
    `diagram_page`: for a disease or drug, the page of `diagram_interleukin(content, page)`."""
    il_page = diagram_page if diagram_page and diagram_page["kind"] == "interleukin" else None
    if page["kind"] == "interleukin":
        return interleukin_sheet(page, labels, meta, today)
    if page["kind"] == "disease":
        return disease_sheet(page, labels, meta, today, il_page)
    if page["kind"] == "drug":
        return drug_sheet(page, labels, meta, today, il_page)
    raise NoSheetError(f"{page['name']} is a {page['kind'].replace('_', ' ')}; fact sheets "
                       "exist for interleukins, diseases and drugs.")


def sheets_for(content: Content, page_ids: Iterable[str], skip_other_kinds: bool = True
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
        if page["kind"] == "interleukin":
            out.append(interleukin_sheet(page, labels, meta,
                                         treated=treated_diseases(content, page)))
            continue
        il_id = diagram_interleukin(content, page)
        il_page = pages.page(content, il_id) if il_id else None
        out.append(sheet_for(page, labels, meta, diagram_page=il_page))
    return out


def treated_diseases(content: Content, page: InterleukinPage) -> set[str]:
    """The interleukin's diseases that an approved drug acting on it is given for (the
    disease itself or a subtype of it)."""
    from ildesk.db import pages

    if not any(d["status"] in APPROVED for d in page["drugs"]):
        return set()
    return {d["id"] for d in page["diseases"]
            if pages.approved_drug_counts(content, d["id"]).get(page["id"], 0) > 0}


def interleukin_ids(content: Content) -> Sequence[str]:
    """Every interleukin id in reading order (IL-1α, IL-1β, ... IL-41)."""
    from ildesk.db import pages

    return [p["id"] for p in pages.list_pages(content, "interleukin")]
