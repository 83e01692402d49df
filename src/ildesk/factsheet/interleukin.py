"""The fact sheet of an interleukin: its facts (family, genes, protein, receptors,
signalling), what it does, the cells, diseases and drugs, and the therapy."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from datetime import date

from ildesk.db.pages.types import ChainDetail, InterleukinPage, Signalling
from ildesk.factsheet.model import Fact, Rich, Section, Sheet, Span, rich
from ildesk.factsheet.parts import Labels, drugs_section, footer, lede, refs
from ildesk.factsheet.text import paragraphs
from ildesk.vocab import LINK_LABEL, LINK_SHEET_ORDER, ROUTE_LABEL, rank
from ildesk.wording import page_title, status_note


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
        sections.append(drugs_section(drugs, labels))
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
                 aliases=tuple(page["aliases"]), lede=lede(page, labels),
                 facts=tuple(f for f in facts if f.lines), sections=tuple(sections),
                 references=refs(page), footer=footer(meta, today), diagram_page=page,
                 diagram_note=status_note(page))
