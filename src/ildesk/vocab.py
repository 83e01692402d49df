"""The words ildesk uses for its fixed sets of values, in one place: their `Literal` types, the
label a reader sees, the order lists are in and the weights search gives them.

    LINK_LABEL["treated-with"]        # 'used as therapy'
    STATUS_ORDER.index("withdrawn")   # drugs sort by this
    ROUTE_LABEL["jak-stat"]           # 'JAK–STAT'

The knowledge-base schema (`ildesk.kb.schema`) takes its allowed values from here, and the
article, the fact sheet, the search, the CLI and the window take their labels from here, so a
value is added or reworded once. Plain data, no pydantic and no Qt.
"""

from __future__ import annotations

from typing import Literal, get_args

# -- pages -------------------------------------------------------------------------------

PageKind = Literal["interleukin", "receptor", "molecule", "cell_type", "disease", "drug",
                   "article"]
PAGE_KINDS: tuple[PageKind, ...] = get_args(PageKind)
# What a page (or a result-list row; "note" is a reader's own note) is, as a heading says it.
KIND_LABEL: dict[str, str] = {
    "interleukin": "Interleukin", "receptor": "Receptor chain",
    "molecule": "Signalling molecule", "cell_type": "Cell type", "disease": "Disease",
    "drug": "Drug", "article": "Article", "note": "Your note",
}
SHEET_KINDS: tuple[PageKind, ...] = ("interleukin", "disease", "drug")  # kinds with a sheet

# -- how an interleukin is tied to a disease ------------------------------------------------

DiseaseLinkKind = Literal["driver", "therapeutic-target", "treated-with",
                          "investigational-therapy", "genetic", "biomarker"]
# Strongest first: the order an interleukin's links to one disease are named in, and the
# order a disease's interleukins are listed in.
LINK_ORDER: tuple[DiseaseLinkKind, ...] = (
    "therapeutic-target", "driver", "treated-with", "investigational-therapy", "genetic",
    "biomarker",
)
# The order an interleukin's fact sheet lists its diseases in: therapy first, since that is
# what a reader prints it for.
LINK_SHEET_ORDER: tuple[DiseaseLinkKind, ...] = (
    "treated-with", "therapeutic-target", "driver", "investigational-therapy", "genetic",
    "biomarker",
)
LINK_LABEL: dict[str, str] = {
    "driver": "drives disease",
    "therapeutic-target": "therapeutic target",
    "treated-with": "used as therapy",
    # tried as a therapy in trials, but approved for this disease nowhere
    "investigational-therapy": "investigational therapy",
    "genetic": "genetic association",
    "biomarker": "biomarker",
}
# How a disease sheet says what its diagram shows: "{IL} signalling, {words} {disease}".
LINK_CAPTION: dict[str, str] = {
    "treated-with": "used as therapy in",
    "therapeutic-target": "a therapeutic target in",
    "driver": "a driver of",
    "investigational-therapy": "tried as a therapy in",
    "genetic": "genetically linked to",
    "biomarker": "a biomarker of",
}
# How strongly a link ties an interleukin to a disease, for ranking what a disease is about.
LINK_WEIGHT: dict[str, float] = {
    "therapeutic-target": 3.0, "driver": 2.5, "treated-with": 2.5,
    "investigational-therapy": 2.0, "genetic": 1.5, "biomarker": 1.0,
}

# -- signalling --------------------------------------------------------------------------

Route = Literal["jak-stat", "il1-myd88", "il17-act1", "gpcr", "other"]
ROUTE_LABEL: dict[str, str] = {
    "jak-stat": "JAK–STAT",
    "il1-myd88": "MyD88–IRAK–TRAF6 → NF-κB / MAPK",
    "il17-act1": "Act1–TRAF6 → NF-κB / MAPK",
    "gpcr": "G-protein-coupled receptor",
    "other": "no JAK–STAT or adaptor cascade known",
}
# The route in a word or two, for a table cell (the results table).
ROUTE_SHORT: dict[str, str] = {
    "jak-stat": "JAK–STAT", "il1-myd88": "MyD88–IRAK", "il17-act1": "Act1–TRAF6",
    "gpcr": "GPCR", "other": "none known",
}
ComplexKind = Literal["signalling", "decoy", "antagonist", "binding-protein"]
MoleculeKind = Literal["kinase", "transcription-factor", "adaptor", "pathway", "other"]
# Short names readers know better than the HGNC symbol or the long name (diagram boxes).
MOLECULE_SHORT: dict[str, str] = {
    "traf3ip2": "Act1", "map3k7": "TAK1", "mapk": "MAPK", "pi3k-akt": "PI3K–AKT",
    "gi-protein": "G protein (Gi)", "nf-kb": "NF-κB", "cebpb": "C/EBPβ",
}

# -- drugs -------------------------------------------------------------------------------

DrugStatus = Literal["approved", "approved-regionally", "investigational", "discontinued",
                     "withdrawn"]
STATUS_ORDER: tuple[DrugStatus, ...] = get_args(DrugStatus)  # drugs are listed in this order
APPROVED: frozenset[str] = frozenset({"approved", "approved-regionally"})
STATUS_LABEL: dict[str, str] = {s: s.replace("-", " ") for s in STATUS_ORDER}

# Where a drug is approved, and what became of one regulator's decision on one indication.
Region = Literal["US", "EU", "UK", "JP", "CN", "RU", "KR", "IN", "CA", "AU", "CH"]
REGIONS: tuple[Region, ...] = get_args(Region)
ApprovalStatus = Literal["approved", "conditional", "emergency-use", "withdrawn",
                         "discontinued", "refused"]
APPROVAL_STATUSES: tuple[ApprovalStatus, ...] = get_args(ApprovalStatus)
# A drug's standing for one disease, from its approvals for it: the best still in force wins
# ("approved" over "conditional" over "emergency use"); with none in force, how they ended.
DISEASE_STATUS_ORDER: tuple[ApprovalStatus, ...] = ("approved", "conditional", "emergency-use",
                                                    "withdrawn", "discontinued")
APPROVAL_STATUS_LABEL: dict[str, str] = {s: s.replace("-", " ") for s in APPROVAL_STATUSES}

DrugKind = Literal["monoclonal-antibody", "recombinant-cytokine", "fusion-protein",
                   "receptor-antagonist", "small-molecule", "other"]
DRUG_KIND_LABEL: dict[str, str] = {k: k.replace("-", " ") for k in get_args(DrugKind)}
Effect = Literal["blocks", "mimics"]

# -- diseases ----------------------------------------------------------------------------

DiseaseCategory = Literal["autoimmune", "allergic", "cancer", "autoinflammatory",
                          "infectious", "inflammatory", "immunodeficiency", "transplant",
                          "other"]
CATEGORY_LABEL: dict[str, str] = {
    "autoimmune": "Autoimmune", "allergic": "Allergic", "cancer": "Cancer",
    "autoinflammatory": "Autoinflammatory", "infectious": "Infectious",
    "inflammatory": "Inflammatory", "immunodeficiency": "Immunodeficiency",
    "transplant": "Transplantation", "other": "Other",
}

InterleukinStatus = Literal["established", "disputed", "withdrawn"]
CellRole = Literal["producer", "target"]


def rank(order: tuple[str, ...], value: str) -> int:
    """`value`'s place in `order`; values the order does not know come last."""
    return order.index(value) if value in order else len(order)
