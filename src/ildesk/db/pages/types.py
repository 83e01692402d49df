"""The shape of every page the readers return: one `TypedDict` per page kind, and `Page`, their
union, told apart by `kind`.

    page = pages.page(content, "il-6")
    if page is not None and page["kind"] == "interleukin":
        page["signalling"]["route"]     # mypy knows this is a Route

They are plain dicts at run time (no cost, and `ildesk show --json` dumps them as they are);
mypy checks every key a consumer reads. Nested rows (`Gene`, `Receptor`, `ChainDetail`,
`DrugBrief`, `DiseaseLink`, ...) are named after what they hold.
"""

# No `from __future__ import annotations` here: with it every field's annotation is a string
# that TypedDict compiles into a ForwardRef at import (4 ms at start-up for these classes).

from typing import Literal, TypedDict

from ildesk.db.pages.drug_types import ApprovalRow as ApprovalRow
from ildesk.db.pages.drug_types import BiosimilarRow as BiosimilarRow
from ildesk.db.pages.drug_types import ClinicalFacts as ClinicalFacts
from ildesk.db.pages.drug_types import DrugTableRow as DrugTableRow
from ildesk.db.pages.drug_types import MarketingRow as MarketingRow
from ildesk.vocab import (
    CellRole,
    ComplexKind,
    DiseaseCategory,
    DiseaseLinkKind,
    DrugKind,
    DrugStatus,
    Effect,
    InterleukinStatus,
    MoleculeKind,
    PageKind,
    Route,
)


class Named(TypedDict):
    """A link to another page: its id and (short) name."""

    id: str
    name: str


class Reference(TypedDict):
    pmid: int
    title: str
    year: int


class PageSummary(TypedDict):
    """A row of `list_pages`."""

    id: str
    name: str
    kind: PageKind
    summary: str


# -- interleukin -------------------------------------------------------------------------

class Gene(TypedDict):
    symbol: str
    hgnc_id: str
    ncbi_gene_id: int
    uniprot: str
    location: str
    length_aa: int
    subunit: str


class Protein(TypedDict):
    fold: str
    mature_aa: int | None
    mass_kda: str


class Discovery(TypedDict):
    year: int
    text: str


class ChainDetail(TypedDict):
    """A receptor chain as one complex uses it."""

    id: str
    symbol: str
    name: str
    cd: str
    shared: bool
    kinases: list[str]


class Receptor(TypedDict):
    """One receptor complex of an interleukin."""

    name: str
    kind: ComplexKind
    note: str
    chains: list[str]         # chain symbols
    chain_ids: list[str]
    chain_details: list[ChainDetail]


class Signalling(TypedDict):
    """The route and the molecules on it, each list by display name and by page id."""

    route: Route
    note: str
    target_genes: list[str]
    kinases: list[str]
    kinases_ids: list[str]
    transcription_factors: list[str]
    transcription_factors_ids: list[str]
    adaptors: list[str]
    adaptors_ids: list[str]
    pathways: list[str]
    pathways_ids: list[str]


class CellLink(TypedDict):
    """A cell type that makes (`producer`) or answers (`target`) the interleukin."""

    id: str
    name: str
    cl_id: str
    role: CellRole
    note: str


class DiseaseLink(TypedDict):
    """One link from an interleukin to a disease."""

    id: str
    name: str
    kind: DiseaseLinkKind
    note: str
    mondo_id: str | None
    mesh_id: str | None
    category: DiseaseCategory


class DrugBrief(TypedDict):
    """A drug as a list on another page shows it."""

    id: str
    name: str
    kind: DrugKind
    status: DrugStatus
    approval_year: int | None
    brands: list[str]
    action: str               # what it does (on this page's molecule, where one is given)
    binds: list[str]          # page ids of what it binds
    effect: Effect


class InterleukinPage(TypedDict):
    id: str
    kind: Literal["interleukin"]
    name: str
    short: str
    summary: str
    abbreviation: str
    aliases: list[str]
    family: str
    family_id: str
    other_families: list[Named]
    status: InterleukinStatus
    status_note: str
    genes: list[Gene]
    protein: Protein
    discovery: Discovery
    receptors: list[Receptor]
    signalling: Signalling
    cell_types: list[CellLink]
    diseases: list[DiseaseLink]
    drugs: list[DrugBrief]    # approved first, then those that bind it directly, earliest
    antagonists: list[Named]
    antagonist_of: list[Named]
    functions: str
    therapy: str
    side_effects: list[str]
    sources: list[str]
    notes: str
    references: list[Reference]


# -- receptor chain, signalling molecule, cell type ----------------------------------------

class ComplexUse(TypedDict):
    """A receptor complex a chain is part of."""

    interleukin: str
    name: str
    kind: ComplexKind


class ReceptorPage(TypedDict):
    id: str
    kind: Literal["receptor"]
    name: str
    short: str
    summary: str
    symbol: str
    cd: str
    hgnc_id: str
    ncbi_gene_id: int
    uniprot: str
    location: str
    shared: bool
    description: str
    sources: list[str]
    common_names: list[str]
    kinases: list[Named]
    interleukins: list[Named]
    complexes: list[ComplexUse]
    drugs: list[DrugBrief]
    references: list[Reference]


class MoleculePage(TypedDict):
    id: str
    kind: Literal["molecule"]
    name: str
    short: str
    summary: str
    symbol: str
    molecule_kind: MoleculeKind
    hgnc_id: str | None
    ncbi_gene_id: int | None
    uniprot: str | None
    description: str
    sources: list[str]
    common_names: list[str]
    interleukins: list[Named]
    chains: list[Named]
    drugs: list[DrugBrief]
    references: list[Reference]


class CellInterleukin(TypedDict):
    """An interleukin a cell type makes or answers; `direct` False: only a subtype does."""

    id: str
    name: str
    direct: bool


class CellTypePage(TypedDict):
    id: str
    kind: Literal["cell_type"]
    name: str
    short: str
    summary: str
    cl_id: str
    description: str
    parents: list[Named]
    children: list[Named]
    produces: list[CellInterleukin]
    responds_to: list[CellInterleukin]
    references: list[Reference]


# -- disease, drug, article ----------------------------------------------------------------

class DiseaseInterleukin(TypedDict):
    """One interleukin of a disease: its kinds of link (strongest first), whether it is linked
    to the disease itself or only `via` subtypes, and the curators' notes."""

    id: str
    name: str
    kinds: list[DiseaseLinkKind]
    kind: DiseaseLinkKind
    direct: bool
    note: str
    via: list[Named]


# A drug on a disease page; "for": the subtypes it is indicated for, when it is indicated for
# those and not the disease itself ("for" is a Python keyword, hence the functional form).
DiseaseDrug = TypedDict("DiseaseDrug", {
    "id": str, "name": str, "kind": DrugKind, "status": DrugStatus,
    "approval_year": int | None, "brands": list[str], "action": str, "binds": list[str],
    "effect": Effect, "for": list[Named],
})


class DiseasePage(TypedDict):
    id: str
    kind: Literal["disease"]
    name: str
    short: str
    summary: str
    mondo_id: str | None
    mesh_id: str | None
    category: DiseaseCategory
    description: str
    synonyms: list[str]
    parents: list[Named]
    children: list[Named]
    interleukins: list[DiseaseInterleukin]  # by strength of link, then approved drugs
    drugs: list[DiseaseDrug]
    drug_table: list[DrugTableRow]  # one row per drug approved (or once) for it or a subtype
    references: list[Reference]


class Bound(TypedDict):
    """What a drug binds: a page id, its name and its kind ("?" when it is not a page)."""

    id: str
    name: str
    kind: str


class DrugTarget(TypedDict):
    binds: list[Bound]
    interleukins: list[Named]
    effect: Effect
    action: str


class DrugPage(TypedDict):
    id: str
    kind: Literal["drug"]
    name: str
    short: str
    summary: str
    drug_kind: DrugKind
    brands: list[str]
    status: DrugStatus
    approval_year: int | None
    approval_note: str
    description: str
    side_effects: list[str]
    sources: list[str]
    targets: list[DrugTarget]  # the first is its primary target
    indications: list[Named]
    approvals: list[ApprovalRow]
    marketing: list[MarketingRow]
    biosimilars: list[BiosimilarRow]
    clinical: ClinicalFacts | None
    label: str
    checked_on: str | None
    coverage: str
    approvals_unlisted: str
    references: list[Reference]


class ArticlePage(TypedDict):
    id: str
    kind: Literal["article"]
    name: str
    short: str
    summary: str
    body: str
    aliases: list[str]
    references: list[Reference]


Page = (InterleukinPage | ReceptorPage | MoleculePage | CellTypePage | DiseasePage | DrugPage
        | ArticlePage)


# -- lists ---------------------------------------------------------------------------------

class Family(TypedDict):
    id: str
    name: str
    description: str
    shared_chains: list[str]
    members: list[Named]


class HierarchyEntry(TypedDict):
    """A cell type or disease with its is-a parents (ids), for the facet trees."""

    id: str
    name: str
    parents: list[str]
    category: DiseaseCategory | None
    synonyms: list[str]
