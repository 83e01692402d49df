"""The content database as typed SQLAlchemy 2.x models.

Every entry is a `Page` (id, kind, name, summary), so lists, links and search treat all kinds
alike; each kind adds its own table. Links that carry data (a cell type's role, a disease
link's kind) are association objects.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any, ClassVar

from sqlalchemy import JSON, Connection, ForeignKey, Integer, String, Text
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.schema import CreateIndex, CreateTable

from ildesk.db.engine import SCHEMA_VERSION as SCHEMA_VERSION  # the one number, in engine
from ildesk.db.fts import FTS_DDL

PageId = Annotated[str, mapped_column(String(64), ForeignKey("page.id"), primary_key=True)]
PageRef = Annotated[str, mapped_column(String(64), ForeignKey("page.id"), index=True)]
Str = Annotated[str, mapped_column(Text, default="")]
Position = Annotated[int, mapped_column(Integer, default=0)]


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {list[str]: JSON}


class Meta(Base):
    """Key/value facts about the database: schema version, data version, the content date
    it was built from (`built_at`, never the clock: builds are reproducible)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str]


class Page(Base):
    """Any entry a reader can open."""

    __tablename__ = "page"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str]
    short: Mapped[str] = mapped_column(String(64), default="")  # IL-6, IL6ST, JAK1
    summary: Mapped[Str]
    sort_key: Mapped[str] = mapped_column(String(64), default="")
    aliases: Mapped[list[Alias]] = relationship(back_populates="page", order_by="Alias.position")


class Alias(Base):
    """Every name that leads to a page, with its folded key for exact lookups."""

    __tablename__ = "alias"
    page_id: Mapped[str] = mapped_column(ForeignKey("page.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    key: Mapped[str] = mapped_column(String(128), index=True)
    page: Mapped[Page] = relationship(back_populates="aliases")


class Family(Base):
    __tablename__ = "family"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str]
    description: Mapped[Str]
    shared_chains: Mapped[list[str]]
    position: Mapped[Position]


class Reference(Base):
    __tablename__ = "reference"
    pmid: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str]
    year: Mapped[int]


class PageReference(Base):
    __tablename__ = "page_reference"
    page_id: Mapped[str] = mapped_column(ForeignKey("page.id"), primary_key=True)
    pmid: Mapped[int] = mapped_column(ForeignKey("reference.pmid"), primary_key=True)
    position: Mapped[Position]
    reference: Mapped[Reference] = relationship()


class Interleukin(Base):
    __tablename__ = "interleukin"
    id: Mapped[PageId]
    abbreviation: Mapped[str]
    family_id: Mapped[str] = mapped_column(ForeignKey("family.id"), index=True)
    other_families: Mapped[list[str]]
    status: Mapped[str]
    status_note: Mapped[Str]
    fold: Mapped[Str]
    mature_aa: Mapped[int | None]
    mass_kda: Mapped[Str]
    discovery_year: Mapped[int]
    discovery_text: Mapped[Str]
    route: Mapped[str]
    signalling_note: Mapped[Str]
    target_genes: Mapped[list[str]]
    functions: Mapped[Str]
    therapy: Mapped[Str]
    side_effects: Mapped[list[str]]
    sources: Mapped[list[str]]
    notes: Mapped[Str]

    page: Mapped[Page] = relationship()
    family: Mapped[Family] = relationship()
    genes: Mapped[list[Gene]] = relationship(order_by="Gene.position")
    complexes: Mapped[list[ReceptorComplex]] = relationship(order_by="ReceptorComplex.position")
    cells: Mapped[list[CellLink]] = relationship(order_by="CellLink.position")
    diseases: Mapped[list[DiseaseLink]] = relationship(order_by="DiseaseLink.position")
    molecules: Mapped[list[SignalLink]] = relationship(order_by="SignalLink.position")


class Gene(Base):
    __tablename__ = "gene"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), index=True)
    position: Mapped[Position]
    symbol: Mapped[str] = mapped_column(index=True)
    hgnc_id: Mapped[str]
    ncbi_gene_id: Mapped[int]
    uniprot: Mapped[str]
    location: Mapped[str]
    length_aa: Mapped[int]
    subunit: Mapped[Str]


class Chain(Base):
    __tablename__ = "chain"
    id: Mapped[PageId]
    symbol: Mapped[str]
    cd: Mapped[Str]
    hgnc_id: Mapped[str]
    ncbi_gene_id: Mapped[int]
    uniprot: Mapped[str]
    location: Mapped[str]
    shared: Mapped[bool]
    kinases: Mapped[list[str]]
    description: Mapped[Str]
    sources: Mapped[list[str]]
    page: Mapped[Page] = relationship()


class ReceptorComplex(Base):
    __tablename__ = "receptor_complex"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), index=True)
    position: Mapped[Position]
    name: Mapped[str]
    kind: Mapped[str]
    note: Mapped[Str]
    chains: Mapped[list[ComplexChain]] = relationship(order_by="ComplexChain.position")


class ComplexChain(Base):
    __tablename__ = "complex_chain"
    complex_id: Mapped[int] = mapped_column(ForeignKey("receptor_complex.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    chain_id: Mapped[str] = mapped_column(ForeignKey("chain.id"), index=True)
    chain: Mapped[Chain] = relationship()


class Molecule(Base):
    __tablename__ = "molecule"
    id: Mapped[PageId]
    symbol: Mapped[Str]
    kind: Mapped[str]
    hgnc_id: Mapped[str | None]
    ncbi_gene_id: Mapped[int | None]
    uniprot: Mapped[str | None]
    description: Mapped[Str]
    sources: Mapped[list[str]]
    page: Mapped[Page] = relationship()


class SignalLink(Base):
    """An interleukin's use of a signalling molecule, in the role it plays on that route."""

    __tablename__ = "signal_link"
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True)
    molecule_id: Mapped[str] = mapped_column(ForeignKey("molecule.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(24), primary_key=True)
    position: Mapped[Position]
    molecule: Mapped[Molecule] = relationship()


class CellType(Base):
    __tablename__ = "cell_type"
    id: Mapped[PageId]
    cl_id: Mapped[str] = mapped_column(unique=True)
    parents: Mapped[list[str]]
    description: Mapped[Str]
    page: Mapped[Page] = relationship()


class CellAncestor(Base):
    """Closure of the is-a hierarchy: every (cell type, ancestor or itself) pair."""

    __tablename__ = "cell_ancestor"
    cell_type_id: Mapped[str] = mapped_column(ForeignKey("cell_type.id"), primary_key=True)
    ancestor_id: Mapped[str] = mapped_column(ForeignKey("cell_type.id"), primary_key=True,
                                             index=True)


class CellLink(Base):
    """A cell type that produces (`producer`) or responds to (`target`) an interleukin."""

    __tablename__ = "cell_link"
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True)
    cell_type_id: Mapped[str] = mapped_column(ForeignKey("cell_type.id"), primary_key=True,
                                              index=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    note: Mapped[Str]
    position: Mapped[Position]
    cell_type: Mapped[CellType] = relationship()


class Disease(Base):
    __tablename__ = "disease"
    id: Mapped[PageId]
    mondo_id: Mapped[str | None]
    mesh_id: Mapped[str | None]
    category: Mapped[str] = mapped_column(index=True)
    parents: Mapped[list[str]]
    description: Mapped[Str]
    page: Mapped[Page] = relationship()


class DiseaseAncestor(Base):
    __tablename__ = "disease_ancestor"
    disease_id: Mapped[str] = mapped_column(ForeignKey("disease.id"), primary_key=True)
    ancestor_id: Mapped[str] = mapped_column(ForeignKey("disease.id"), primary_key=True,
                                             index=True)


class DiseaseLink(Base):
    __tablename__ = "disease_link"
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True)
    disease_id: Mapped[str] = mapped_column(ForeignKey("disease.id"), primary_key=True,
                                            index=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    note: Mapped[Str]
    position: Mapped[Position]
    disease: Mapped[Disease] = relationship()


class Drug(Base):
    __tablename__ = "drug"
    id: Mapped[PageId]
    kind: Mapped[str]
    brands: Mapped[list[str]]
    status: Mapped[str]
    approval_year: Mapped[int | None]
    approval_note: Mapped[Str]
    description: Mapped[Str]
    side_effects: Mapped[list[str]]
    sources: Mapped[list[str]]
    label: Mapped[Str]
    checked_on: Mapped[str | None]
    coverage: Mapped[Str]
    approvals_unlisted: Mapped[Str]
    page: Mapped[Page] = relationship()
    approvals: Mapped[list[Approval]] = relationship(order_by="Approval.position")
    targets: Mapped[list[DrugTarget]] = relationship(order_by="DrugTarget.position")
    indications: Mapped[list[DrugIndication]] = relationship(order_by="DrugIndication.position")


class DrugTarget(Base):
    __tablename__ = "drug_target"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), index=True)
    position: Mapped[Position]
    binds: Mapped[list[str]]
    interleukins: Mapped[list[str]]
    effect: Mapped[str]
    action: Mapped[str]


class DrugInterleukin(Base):
    """Flattened drug → interleukin link (from every target), for lists and facets."""

    __tablename__ = "drug_interleukin"
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), primary_key=True)
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True,
                                                index=True)


class DrugIndication(Base):
    __tablename__ = "drug_indication"
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), primary_key=True)
    disease_id: Mapped[str] = mapped_column(ForeignKey("disease.id"), primary_key=True,
                                            index=True)
    position: Mapped[Position]
    disease: Mapped[Disease] = relationship()


class Approval(Base):
    """One regulator's decision on one indication of a drug; `year` (from `date`, which is as
    precise as the source: 2014, 2014-12 or 2014-12-26) for sorting and filtering."""

    __tablename__ = "approval"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), index=True)
    position: Mapped[Position]
    region: Mapped[str] = mapped_column(String(4), index=True)
    regulator: Mapped[str]
    date: Mapped[str] = mapped_column(String(10))
    year: Mapped[int] = mapped_column(index=True)
    indication_id: Mapped[str] = mapped_column(ForeignKey("disease.id"), index=True)
    population: Mapped[Str]
    status: Mapped[str] = mapped_column(String(16))
    brand: Mapped[Str]
    ended: Mapped[str | None]
    note: Mapped[Str]
    indication: Mapped[Disease] = relationship()


class Marketing(Base):
    """Whether, and under which brands, a drug is on the market in a region."""

    __tablename__ = "marketing"
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(4))
    brands: Mapped[list[str]]
    marketed: Mapped[bool]
    note: Mapped[Str]


class Biosimilar(Base):
    __tablename__ = "biosimilar"
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    brands: Mapped[list[str]]
    regions: Mapped[list[str]]
    year: Mapped[int | None]


class DrugClinical(Base):
    """What a drug reference carries beside the indications (one row per drug that has it)."""

    __tablename__ = "drug_clinical"
    drug_id: Mapped[str] = mapped_column(ForeignKey("drug.id"), primary_key=True)
    route: Mapped[str]
    dosing_interval: Mapped[str]
    boxed_warning: Mapped[Str]
    screening: Mapped[list[str]]
    monitoring: Mapped[list[str]]
    live_vaccines: Mapped[str]
    pregnancy_lactation: Mapped[str]


class Exclusion(Base):
    """A drug readers look for that ildesk does not cover (data/exclusions.yaml), and why."""

    __tablename__ = "exclusion"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str]
    brands: Mapped[list[str]]
    target: Mapped[str]
    reason: Mapped[str]
    source: Mapped[str]


class ExclusionName(Base):
    """Every name (INN or brand) of an excluded drug, by its folded key, for lookups."""

    __tablename__ = "exclusion_name"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    exclusion_id: Mapped[int] = mapped_column(ForeignKey("exclusion.id"), index=True)


class Antagonism(Base):
    __tablename__ = "antagonism"
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True)
    antagonist_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True)


class Article(Base):
    __tablename__ = "article"
    id: Mapped[PageId]
    body: Mapped[Str]
    page: Mapped[Page] = relationship()


def ddl() -> str:
    """The SQL that creates every table and index of the content database, the full-text
    index included, as SQLite is given it (tables in name order)."""
    dialect = sqlite.dialect()
    parts = []
    for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
        parts.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        parts += [str(CreateIndex(i).compile(dialect=dialect)).strip()
                  for i in sorted(table.indexes, key=lambda i: str(i.name))]
    parts.append(FTS_DDL)
    return ";\n".join(parts) + ";\n"


def create_schema(conn: Connection) -> None:
    """Create every table (in foreign-key order) and its indexes (by name) on `conn`.

    Not `metadata.create_all`: it creates a table's indexes in set order, which changes with
    PYTHONHASHSEED and so would change the database's bytes from one build to the next."""
    for table in Base.metadata.sorted_tables:
        conn.execute(CreateTable(table))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            conn.execute(CreateIndex(index))


def ddl_digest() -> str:
    """A short digest of `ddl()`: it changes whenever the schema does."""
    return hashlib.sha256(ddl().encode("utf-8")).hexdigest()[:16]
