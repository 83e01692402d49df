"""The content database as typed SQLAlchemy 2.x models (with model_pages.py and
drug_models.py).

Every entry is a `Page` (id, kind, name, summary), so lists, links and search treat all kinds
alike; each kind adds its own table. Links that carry data (a cell type's role, a disease
link's kind) are association objects.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, ForeignKey, String
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.schema import CreateIndex, CreateTable

from ildesk.db.drug_models import (
    Approval,
    Biosimilar,
    Drug,
    DrugClinical,
    DrugIndication,
    DrugInterleukin,
    DrugTarget,
    Exclusion,
    ExclusionName,
    Marketing,
)
from ildesk.db.engine import SCHEMA_VERSION as SCHEMA_VERSION  # the one number, in engine
from ildesk.db.fts import FTS_DDL
from ildesk.db.model_pages import (
    Alias,
    Base,
    CellAncestor,
    CellType,
    Disease,
    DiseaseAncestor,
    Meta,
    Page,
    PageId,
    PageReference,
    Position,
    Reference,
    Str,
)

# The schema is stated across three modules (the shared tables in model_pages.py, the drug
# tables in drug_models.py, the interleukin's own here); every table is imported from here.
__all__ = [
    "SCHEMA_VERSION",
    "Alias",
    "Antagonism",
    "Approval",
    "Article",
    "Base",
    "Biosimilar",
    "CellAncestor",
    "CellLink",
    "CellType",
    "Chain",
    "ComplexChain",
    "Disease",
    "DiseaseAncestor",
    "DiseaseLink",
    "Drug",
    "DrugClinical",
    "DrugIndication",
    "DrugInterleukin",
    "DrugTarget",
    "Exclusion",
    "ExclusionName",
    "Family",
    "Gene",
    "Interleukin",
    "Marketing",
    "Meta",
    "Molecule",
    "Page",
    "PageReference",
    "ReceptorComplex",
    "Reference",
    "SignalLink",
    "create_schema",
    "ddl",
    "ddl_digest",
]


class Family(Base):
    __tablename__ = "family"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str]
    description: Mapped[Str]
    shared_chains: Mapped[list[str]]
    position: Mapped[Position]


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


class DiseaseLink(Base):
    __tablename__ = "disease_link"
    interleukin_id: Mapped[str] = mapped_column(ForeignKey("interleukin.id"), primary_key=True)
    disease_id: Mapped[str] = mapped_column(ForeignKey("disease.id"), primary_key=True,
                                            index=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    note: Mapped[Str]
    position: Mapped[Position]
    disease: Mapped[Disease] = relationship()


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
