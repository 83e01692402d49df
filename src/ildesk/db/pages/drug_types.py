"""The typed rows of a drug's structured data (approvals, marketing, biosimilars, clinical
facts) and of a disease's drug table, as the page readers return them (re-exported by
`ildesk.db.pages.types`)."""

# No `from __future__ import annotations` here: with it every field's annotation is a string
# that TypedDict compiles into a ForwardRef at import (4 ms at start-up for these classes).

from typing import TypedDict

from ildesk.vocab import ApprovalStatus, DrugKind, Effect, Region


class NamedRef(TypedDict):
    id: str
    name: str


class ApprovalRow(TypedDict):
    """One regulator's decision on one indication; `date` as precise as the source gives it
    (2014, 2014-12, 2014-12-26), `year` its year; `ended` when it ended, if it did."""

    region: Region
    regulator: str
    date: str
    year: int
    indication: NamedRef
    population: str
    status: ApprovalStatus
    brand: str
    note: str
    ended: str | None


class MarketingRow(TypedDict):
    region: Region
    brands: list[str]
    marketed: bool
    note: str


class BiosimilarRow(TypedDict):
    name: str
    brands: list[str]
    regions: list[Region]
    year: int | None


class ClinicalFacts(TypedDict):
    route: str
    dosing_interval: str
    boxed_warning: str
    screening: list[str]
    monitoring: list[str]
    live_vaccines: str
    pregnancy_lactation: str


class ActsOn(TypedDict):
    """A page a drug binds (an interleukin, a receptor chain or a kinase) and its kind."""

    id: str
    name: str
    kind: str


class FirstApproved(TypedDict):
    year: int
    region: str


class DrugTableRow(TypedDict):
    """A drug as a disease's drug table (and `ildesk drugs`) shows it: what it acts on, what
    it is (`wording.mechanism` says it in a few words), its first approval for the disease (or
    at all, without one), the regions where it is approved for it, and its status for it."""

    drug: NamedRef
    drug_kind: DrugKind
    effect: Effect
    acts_on: list[ActsOn]     # what it binds, primary target first
    interleukins: list[NamedRef]
    targets: list[str]        # the interleukin or chain ids it acts on (kinase inhibitors:
    #                           the interleukins whose signalling it blocks)
    first_approved: FirstApproved | None
    regions: list[Region]
    status: str               # vocab.DISEASE_STATUS_ORDER, or the drug's status


class Exclusion(TypedDict):
    """An entry of data/exclusions.yaml: a drug ildesk does not cover, and why."""

    name: str
    brands: list[str]
    target: str
    reason: str
    source: str
