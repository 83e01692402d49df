"""The drug tables of the content database: a drug, its targets, indications, approvals,
marketing, biosimilars and clinical facts, and the exclusion list.
Import them from `ildesk.db.models`, the one statement of the schema."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ildesk.db.model_pages import Base, Disease, Page, PageId, Position, Str


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
