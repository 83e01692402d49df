"""Which interleukin stands for a page: the one whose signalling diagram a disease, drug,
receptor chain, molecule or cell type shows, on screen and on its printed fact sheet alike.

    relate.page_interleukin(content, pages.page(content, "psoriasis"))   # 'il-23'

One rule, the strongest link as a reader expects it:
- an interleukin stands for itself;
- a drug: the first interleukin of its first (primary) target;
- a disease: the interleukin the most approved drugs for it (or its subtypes) act on; among
  equals, the strongest kind of link (`vocab.LINK_ORDER`: target, driver, therapy, ...), a
  link to the disease itself before one through a subtype, then the reading order;
- a cell type: what it makes itself before what it answers or what only a subtype makes,
  the interleukin named first for it before later ones, then the reading order;
- a receptor chain: the first interleukin (in reading order) that signals through it, else
  the first that uses it at all;
- a signalling molecule: the first interleukin (in reading order) that uses it;
- an article: none.
"""

from __future__ import annotations

from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.db.pages.types import Page
from ildesk.vocab import LINK_ORDER, rank


def page_interleukin(content: Content, page: Page) -> str | None:
    """The id of the interleukin `page` is most about, or None when it is about none."""
    if page["kind"] == "interleukin":
        return page["id"]
    if page["kind"] == "drug":
        for target in page["targets"][:1]:
            for il in target["interleukins"][:1]:
                return il["id"]
        return None
    if page["kind"] == "disease":
        links = page["interleukins"]  # already in reading order among equals
        if not links:
            return None
        drugs = pages.approved_drug_counts(content, page["id"])
        best = min(range(len(links)), key=lambda i: (
            -drugs.get(links[i]["id"], 0), rank(LINK_ORDER, links[i]["kind"]),
            not links[i]["direct"], i))
        return links[best]["id"]
    if page["kind"] == "cell_type":
        strength = pages.cell_link_strength(content, page["id"])
        if not strength:
            return None
        order = [x["id"] for x in [*page["produces"], *page["responds_to"]]]
        return min(strength, key=lambda il: (strength[il], rank(tuple(order), il)))
    if page["kind"] == "receptor":
        signalling = {c["interleukin"] for c in page["complexes"] if c["kind"] == "signalling"}
        users = [x["id"] for x in page["interleukins"]]
        return next((il for il in users if il in signalling), users[0] if users else None)
    if page["kind"] == "molecule":
        return page["interleukins"][0]["id"] if page["interleukins"] else None
    return None
