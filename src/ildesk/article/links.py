"""Addresses of pages inside ildesk and of the outside records the data cites."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from ildesk.db.pages.types import Page

SCHEME = "ildesk"


def internal(page_id: str, anchor: str = "") -> str:
    """`ildesk:il-6`, or `ildesk:glossary#g-cytokine` for a place inside the page."""
    return f"{SCHEME}:{quote(page_id)}" + (f"#{quote(anchor)}" if anchor else "")


def page_of(url: str) -> str | None:
    """The page id of an internal link (without its `#place`), or None for anything else:
    `ildesk:il-6#drugs` -> "il-6"; `#drugs` (a place in the page on screen) -> None."""
    prefix = f"{SCHEME}:"
    if not url.startswith(prefix):
        return None
    page = url[len(prefix):].partition("#")[0]
    return page or None


def fragment_of(url: str) -> str:
    """The place named after `#` in a link (`ildesk:il-6#drugs`, `#drugs`): "drugs"; or ""."""
    return unquote(url.partition("#")[2])


def pubmed(pmid: int) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def uniprot(acc: str) -> str:
    return f"https://www.uniprot.org/uniprotkb/{quote(acc)}/entry"


def hgnc(hgnc_id: str) -> str:
    return f"https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/{quote(hgnc_id)}"


def ncbi_gene(gene_id: int) -> str:
    return f"https://www.ncbi.nlm.nih.gov/gene/{gene_id}"


def obo(curie: str) -> str:
    """Cell Ontology and MONDO terms: CL:0000084 -> its PURL."""
    return f"https://purl.obolibrary.org/obo/{quote(curie.replace(':', '_'))}"


def mesh(mesh_id: str) -> str:
    return f"https://meshb.nlm.nih.gov/record/ui?ui={quote(mesh_id)}"


def is_web(url: str) -> bool:
    """Only http(s) addresses may be handed to the person's browser."""
    return url.startswith(("https://", "http://"))


def outside(page: Page) -> str | None:
    """The address of the page's own record outside ildesk, which a colleague without ildesk
    can open: an interleukin's or chain's UniProt entry (HGNC without one), a cell type's Cell
    Ontology term, a disease's MONDO term (or MeSH), a drug's first reference on PubMed."""
    if page["kind"] == "interleukin":
        gene = page["genes"][0] if page["genes"] else None
        if gene is None:
            return None
        return uniprot(gene["uniprot"]) if gene["uniprot"] else \
            hgnc(gene["hgnc_id"]) if gene["hgnc_id"] else None
    if page["kind"] in ("receptor", "molecule"):
        acc, hgnc_id = page.get("uniprot"), page.get("hgnc_id")
        return uniprot(str(acc)) if acc else hgnc(str(hgnc_id)) if hgnc_id else None
    if page["kind"] == "cell_type":
        return obo(page["cl_id"]) if page["cl_id"] else None
    if page["kind"] == "disease":
        return obo(page["mondo_id"]) if page["mondo_id"] else \
            mesh(page["mesh_id"]) if page["mesh_id"] else None
    if page["kind"] == "drug":
        refs = page["references"]
        return pubmed(refs[0]["pmid"]) if refs else None
    return None
