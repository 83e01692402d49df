"""The builder's rows for what a drug carries beyond its page: approvals (one row each, with
the year as a number), marketing per region, biosimilars, the clinical facts, and the
exclusion list (data/exclusions.yaml) with every name of an excluded drug keyed for lookups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ildesk.db import models as m
from ildesk.kb import KnowledgeBase
from ildesk.kb import schema as s

Add = Callable[..., dict[str, Any]]  # the builder's `_Writer.add`


def drug_facts(add: Add, drug: s.Drug) -> None:
    """Queue the approval, marketing, biosimilar and clinical rows of `drug`."""
    for i, a in enumerate(drug.approvals):
        add(m.Approval, drug_id=drug.id, position=i, region=a.region, regulator=a.regulator,
            date=a.date, year=int(a.date[:4]), indication_id=a.indication,
            population=a.population, status=a.status, brand=a.brand, ended=a.ended,
            note=a.note)
    for i, mk in enumerate(drug.marketing):
        add(m.Marketing, drug_id=drug.id, position=i, region=mk.region, brands=list(mk.brands),
            marketed=mk.marketed, note=mk.note)
    for i, b in enumerate(drug.biosimilars):
        add(m.Biosimilar, drug_id=drug.id, position=i, name=b.name, brands=list(b.brands),
            regions=list(b.regions), year=b.year)
    c = drug.clinical
    if c is not None:
        add(m.DrugClinical, drug_id=drug.id, route=c.route, dosing_interval=c.dosing_interval,
            boxed_warning=c.boxed_warning, screening=list(c.screening),
            monitoring=list(c.monitoring), live_vaccines=c.live_vaccines,
            pregnancy_lactation=c.pregnancy_lactation)


def exclusions(add: Add, kb: KnowledgeBase, key: Callable[[str], str]) -> None:
    """Queue the exclusion list and its names (a name the list repeats is keyed once)."""
    keyed: set[str] = set()
    for ex in kb.exclusions:
        row = add(m.Exclusion, name=ex.name, brands=list(ex.brands), target=ex.target,
                  reason=ex.reason, source=ex.source)
        for name in (ex.name, *ex.brands):
            k = key(name)
            if k and k not in keyed:
                keyed.add(k)
                add(m.ExclusionName, key=k, exclusion_id=row["id"])
