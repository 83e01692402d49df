"""The shape of every knowledge-base file, as pydantic models.

Field checks live here (identifier formats, allowed values); checks that need the whole
knowledge base (cross-references, unique aliases, the cell-type hierarchy) live in
`ildesk.kb.validate`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ildesk import vocab

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
HgncId = Annotated[str, StringConstraints(pattern=r"^HGNC:[1-9][0-9]*$")]
UniProt = Annotated[
    str,
    StringConstraints(
        pattern=r"^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})$"
    ),
]
Band = Annotated[
    str,
    StringConstraints(pattern=r"^([1-9]|1[0-9]|2[0-2]|X|Y)([pq][0-9]+(\.[0-9]+)?)?"
                      r"(-[pq]?[0-9]+(\.[0-9]+)?)?$"),
]
ClId = Annotated[str, StringConstraints(pattern=r"^CL:[0-9]{7}$")]
MondoId = Annotated[str, StringConstraints(pattern=r"^MONDO:[0-9]{7}$")]
MeshId = Annotated[str, StringConstraints(pattern=r"^[CD][0-9]{6,9}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Symbol = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Za-z0-9-]*$")]
Year = Annotated[int, Field(ge=1900, le=2100)]
Pmid = Annotated[int, Field(ge=1, le=99_999_999)]

# The allowed values come from the one vocabulary (labels and orders live there too).
DiseaseLink = vocab.DiseaseLinkKind
ComplexKind = vocab.ComplexKind
Route = vocab.Route
MoleculeKind = vocab.MoleculeKind
DiseaseCategory = vocab.DiseaseCategory
DrugKind = vocab.DrugKind
DrugStatus = vocab.DrugStatus


class Strict(BaseModel):
    """Every file model forbids unknown fields, so a typo in a key is an error, not a loss."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Reference(Strict):
    pmid: Pmid
    title: Text
    year: Year


class Gene(Strict):
    symbol: Symbol
    hgnc_id: HgncId
    ncbi_gene_id: Annotated[int, Field(ge=1)]
    uniprot: UniProt
    location: Band
    length_aa: Annotated[int, Field(ge=20, le=5000)]
    subunit: str = ""


class Protein(Strict):
    fold: Text
    mature_aa: Annotated[int, Field(ge=20, le=5000)] | None = None
    mass_kda: str = ""


class Discovery(Strict):
    year: Year
    text: Text


class CellLink(Strict):
    cell: Slug
    note: str = ""


class ReceptorComplex(Strict):
    """A receptor. `chains` may be empty only where no receptor has been identified; the
    note then says what is known."""

    name: Text
    kind: ComplexKind
    chains: list[Slug]
    note: str = ""

    @model_validator(mode="after")
    def _unknown_explained(self) -> ReceptorComplex:
        if not self.chains and not self.note.strip():
            raise ValueError("a receptor without chains needs a note saying what is known")
        return self


class Signalling(Strict):
    route: Route
    kinases: list[Slug] = []
    transcription_factors: list[Slug] = []
    adaptors: list[Slug] = []
    pathways: list[Slug] = []
    target_genes: list[str] = []
    note: str = ""


class DiseaseRef(Strict):
    disease: Slug
    kind: DiseaseLink
    note: str = ""


class Interleukin(Strict):
    id: Slug
    name: Text
    abbreviation: Text
    aliases: list[Text]
    family: Slug
    other_families: list[Slug] = []
    status: vocab.InterleukinStatus
    status_note: str = ""
    summary: Text
    genes: Annotated[list[Gene], Field(min_length=1)]
    protein: Protein
    discovery: Discovery
    producers: Annotated[list[CellLink], Field(min_length=1)]
    targets: Annotated[list[CellLink], Field(min_length=1)]
    receptors: Annotated[list[ReceptorComplex], Field(min_length=1)]
    signalling: Signalling
    antagonists: list[Slug] = []
    functions: Text
    diseases: list[DiseaseRef]
    therapy: str = ""
    side_effects: list[Text] = []
    references: Annotated[list[Reference], Field(min_length=3)]
    sources: Annotated[list[Text], Field(min_length=1)]
    notes: str = ""

    @model_validator(mode="after")
    def _status_explained(self) -> Interleukin:
        if self.status != "established" and not self.status_note.strip():
            raise ValueError("status_note is required when status is not 'established'")
        return self


class Family(Strict):
    id: Slug
    name: Text
    description: Text
    shared_chains: list[Slug] = []


class Chain(Strict):
    id: Slug
    symbol: Symbol
    name: Text
    common_names: list[Text]
    cd: str = ""
    hgnc_id: HgncId
    ncbi_gene_id: Annotated[int, Field(ge=1)]
    uniprot: UniProt
    location: Band
    shared: bool
    kinases: list[Slug]
    description: Text
    sources: Annotated[list[Text], Field(min_length=1)]


class Molecule(Strict):
    id: Slug
    name: Text
    symbol: str = ""
    common_names: list[Text] = []
    kind: MoleculeKind
    hgnc_id: HgncId | None = None
    ncbi_gene_id: Annotated[int, Field(ge=1)] | None = None
    uniprot: UniProt | None = None
    description: Text
    sources: list[Text] = []

    @model_validator(mode="after")
    def _gene_ids_with_symbol(self) -> Molecule:
        if self.symbol and not (self.hgnc_id and self.ncbi_gene_id and self.uniprot):
            raise ValueError("a molecule with a symbol needs hgnc_id, ncbi_gene_id and uniprot")
        return self


class CellType(Strict):
    id: Slug
    name: Text
    cl_id: ClId
    parents: list[Slug]
    synonyms: list[Text]
    description: Text


class Disease(Strict):
    id: Slug
    name: Text
    mondo_id: MondoId | None = None
    mesh_id: MeshId | None = None
    category: DiseaseCategory
    parents: list[Slug] = []
    synonyms: list[Text]
    description: Text

    @model_validator(mode="after")
    def _has_identifier(self) -> Disease:
        if not (self.mondo_id or self.mesh_id):
            raise ValueError("a disease needs a mondo_id or a mesh_id")
        return self


class DrugTarget(Strict):
    binds: Annotated[list[Slug], Field(min_length=1)]
    interleukins: Annotated[list[Slug], Field(min_length=1)]
    effect: vocab.Effect
    action: Text


Region = vocab.Region
ApprovalStatus = vocab.ApprovalStatus
# A regulator's date as precise as the source gives it: a year, a month or a day.
ApprovalDate = Annotated[
    str,
    StringConstraints(pattern=r"^(19[89][0-9]|20[0-9]{2})"
                      r"(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"),
]


class Approval(Strict):
    """One regulator's decision on one indication: the rows of a drug's approval table."""

    region: Region
    regulator: Text
    date: ApprovalDate
    indication: Slug
    population: Text = "adults"
    status: ApprovalStatus = "approved"
    brand: str = ""
    ended: ApprovalDate | None = None
    note: str = ""

    @model_validator(mode="after")
    def _ended_after(self) -> Approval:
        if self.ended is not None and self.ended < self.date:
            raise ValueError(f"ended {self.ended} is before the approval date {self.date}")
        if self.status in ("withdrawn", "discontinued") and self.ended is None:
            raise ValueError(f"a {self.status} approval needs the date it ended")
        return self


class Marketing(Strict):
    region: Region
    brands: list[Text]
    marketed: bool = True
    note: str = ""


class Biosimilar(Strict):
    name: Text
    brands: list[Text] = []
    regions: Annotated[list[Region], Field(min_length=1)]
    year: Year | None = None


class Clinical(Strict):
    """What a drug reference carries beside the indications; never doses to prescribe from."""

    route: Text
    dosing_interval: Text
    boxed_warning: str = ""
    screening: list[Text] = []
    monitoring: list[Text] = []
    live_vaccines: Text
    pregnancy_lactation: Text


class Drug(Strict):
    id: Slug
    name: Text
    brands: list[Text]
    kind: DrugKind
    targets: Annotated[list[DrugTarget], Field(min_length=1)]
    status: DrugStatus
    approval_year: Year | None = None
    approval_note: str = ""
    indications: list[Slug]
    investigated_for: list[Slug] = []
    approvals: list[Approval] = []
    # Why an approved drug has no approval rows (a national registration whose date was not
    # verified); required then, so that a missing table is a decision, not an oversight.
    approvals_unlisted: str = ""
    marketing: list[Marketing] = []
    biosimilars: list[Biosimilar] = []
    clinical: Clinical | None = None
    label: str = ""
    checked_on: ApprovalDate | None = None
    coverage: str = ""
    description: Text
    side_effects: list[Text] = []
    sources: Annotated[list[Text], Field(min_length=1)]

    @model_validator(mode="after")
    def _approval_dated(self) -> Drug:
        if self.status == "approved" and self.approval_year is None:
            raise ValueError("an approved drug needs approval_year")
        if self.approvals and self.approval_year is not None:
            first = min(int(a.date[:4]) for a in self.approvals)
            if first != self.approval_year:
                raise ValueError(f"approval_year {self.approval_year} is not the year of the "
                                 f"first approval listed ({first})")
        if self.checked_on is not None and any(a.date > self.checked_on
                                               for a in self.approvals):
            raise ValueError("an approval is dated after checked_on")
        return self


class Exclusion(Strict):
    """One entry of data/exclusions.yaml: a drug readers look for next to the interleukin drugs
    that ildesk does not cover, and why."""

    name: Text
    brands: list[Text]
    target: Text
    reason: Text
    source: Text


class Article(Strict):
    id: Slug
    title: Text
    aliases: list[Text] = []
    references: list[Reference] = []
    body: Text


class Variants(Strict):
    """data/variants.yaml: the search's reviewed table of spellings, word families,
    abbreviations and Greek letter names (checked further in `ildesk.kb.validate`)."""

    spellings: list[Annotated[list[Text], Field(min_length=2)]] = []
    words: list[Annotated[list[Text], Field(min_length=2)]] = []
    abbreviations: dict[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]+$")],
                        Annotated[list[Text], Field(min_length=1)]] = {}
    greek: dict[Annotated[str, StringConstraints(pattern=r"^[a-z]+$")],
                Annotated[str, StringConstraints(pattern=r"^[α-ω]$")]] = {}
