"""A page (as `ildesk.db.pages.page` returns it) as plain text, for `ildesk show`.

The HTML article (`article.html`) and this text say the same things; this one for a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ildesk.article.drug_tables import clinical_facts
from ildesk.kb import prose
from ildesk.vocab import KIND_LABEL
from ildesk.vocab import LINK_LABEL as DISEASE_LINK_LABEL

if TYPE_CHECKING:
    from ildesk.db.pages.types import DrugPage, Named, Page

Labels = dict[str, tuple[str, str]]  # id -> (name, kind)


def text_of(page: Page, names: Labels) -> str:
    """`page` (as `db.pages.page` returns it) as plain text; `names` maps ids to (name, kind)
    so that links in the prose read as names."""
    lines = [f"{page['name']}  ({KIND_LABEL[page['kind']]}, id {page['id']})"]
    if page["kind"] == "interleukin" and page["abbreviation"]:
        lines[0] = f"{page['abbreviation']} — {lines[0]}"
    def plain(text: str) -> str:  # [[il2ra]] reads as IL2RA, not as its id
        return prose.plain(text, lambda i: names.get(i, (i, ""))[0])

    if page["summary"] and page["kind"] == "interleukin":
        lines += ["", plain(page["summary"])]
    if page["kind"] == "interleukin":
        lines += ["", f"Family: {page['family']}"]
        if page["aliases"]:
            lines.append("Also called: " + ", ".join(page["aliases"]))
        for g in page["genes"]:
            sub = f" ({g['subunit']})" if g["subunit"] else ""
            lines.append(f"Gene{sub}: {g['symbol']}  {g['hgnc_id']}  NCBI Gene {g['ncbi_gene_id']}"
                         f"  UniProt {g['uniprot']}  {g['location']}  {g['length_aa']} aa")
        for r in page["receptors"]:
            lines.append(f"Receptor ({r['kind']}): {r['name']} = {' + '.join(r['chains'])}")
        sig = page["signalling"]
        for label, shown in (("Kinases", sig["kinases"]),
                             ("Transcription factors", sig["transcription_factors"]),
                             ("Adaptors", sig["adaptors"])):
            if shown:
                lines.append(f"{label}: {', '.join(shown)}")
        for role, title in (("producer", "Made by"), ("target", "Acts on")):
            cells = [c["name"] for c in page["cell_types"] if c["role"] == role]
            if cells:
                lines.append(f"{title}: {', '.join(cells)}")
        if page["diseases"]:
            lines.append("Diseases: " + "; ".join(
                f"{d['name']} ({DISEASE_LINK_LABEL[d['kind']]})" for d in page["diseases"]))
        if page["drugs"]:
            lines.append("Drugs: " + "; ".join(f"{d['name']} ({d['status']})"
                                               for d in page["drugs"]))
        lines += ["", *[plain(p) for p in prose.paragraphs(page["functions"])]]
    else:
        text = page["body"] if page["kind"] == "article" else page["description"]
        if text:
            lines += ["", *[plain(p) for p in prose.paragraphs(text)]]
        lists: list[tuple[str, Sequence[Named]]] = []
        if page["kind"] in ("receptor", "molecule", "disease"):
            lists.append(("Interleukins", page["interleukins"]))
        if page["kind"] == "cell_type":
            lists += [("Makes", page["produces"]), ("Responds to", page["responds_to"])]
        if page["kind"] in ("receptor", "molecule", "disease"):
            lists.append(("Drugs", page["drugs"]))
        if page["kind"] == "drug":
            lists.append(("Indications", page["indications"]))
        for title, items in lists:
            if items:
                lines.append(f"{title}: " + ", ".join(x["name"] for x in items))
        if page["kind"] == "drug" and page["approvals"]:
            lines += ["", "Approvals:"]
            lines += [f"  {a['region']:<3} {a['date']:<10}  {a['indication']['name']} "
                      f"({a['population']}) — {a['status']}"
                      + (f" {a['ended']}" if a["ended"] else "") for a in page["approvals"]]
        elif page["kind"] == "drug" and page["approvals_unlisted"]:
            lines.append(f"Approvals: {page['approvals_unlisted']}")
        if page["kind"] == "drug":
            lines += _drug_facts(page)
    if page["references"]:
        lines += ["", "References:"]
        lines += [f"  PMID {r['pmid']}: {r['title']} ({r['year']})" for r in page["references"]]
    return "\n".join(lines)


def _drug_facts(page: DrugPage) -> list[str]:
    """A drug's brands and marketing by region, biosimilars and clinical facts, as lines."""
    out: list[str] = []
    if page["brands"]:
        out += ["", "Brands: " + ", ".join(page["brands"])]
    for m in page["marketing"]:
        state = "marketed" if m["marketed"] else "not marketed"
        out.append(f"  {m['region']:<3} {', '.join(m['brands']) or '—'} ({state})"
                   + (f"; {m['note']}" if m["note"] else ""))
    if page["biosimilars"]:
        out.append("Biosimilars: " + "; ".join(
            f"{b['name']}" + (f" ({', '.join(b['brands'])})" if b["brands"] else "")
            + (f", {', '.join(b['regions'])}" if b["regions"] else "")
            + (f" {b['year']}" if b["year"] else "") for b in page["biosimilars"]))
    facts = [(k, v) for k, v in clinical_facts(page["clinical"]) if v]
    if facts:
        out += ["", "Clinical facts:"] + [f"  {k}: {v}" for k, v in facts]
    if page["label"] or page["checked_on"]:
        out += ["", f"Label: {page['label']}" + (f" (checked on {page['checked_on']})"
                                                  if page["checked_on"] else "")]
    return out
