"""The base of the content database's models, the column types they share, and the tables
every kind shares or links to: meta, pages and their names, references, and the two is-a
hierarchies (cell types, diseases) that interleukins and drugs both point into.
Import them from `ildesk.db.models`, the one statement of the schema."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
