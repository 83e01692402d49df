"""Addresses of pages inside ildesk and of the outside records the data cites."""

from __future__ import annotations

from urllib.parse import quote, unquote

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
