"""The drug rules that need more than one file: data/exclusions.yaml (reading it into
`kb.exclusions`; an excluded name is never also a drug of ildesk), and the approval rows
(every approved drug has some, unless `approvals_unlisted` says why; no date in the future).

The exclusion list is optional: a knowledge base without the file excludes nothing.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ildesk import vocab
from ildesk.kb import schema
from ildesk.kb.names import key

if TYPE_CHECKING:
    from ildesk.kb.model import KnowledgeBase

FILE = "exclusions.yaml"


def read(kb: KnowledgeBase, text: str, parse: Any, model: Any, failed: object) -> None:
    """Parse `text` (the file's content) into `kb.exclusions`, recording problems."""
    from ildesk.kb.model import Problem

    data = parse(text, FILE, kb.problems)
    if data is failed:
        return
    if data is None:
        data = []
    if not isinstance(data, list):
        kb.problems.append(Problem(FILE, "", "must hold a list of excluded drugs "
                                             "(name, brands, target, reason, source)"))
        return
    for i, item in enumerate(data):
        entry = model(schema.Exclusion, item, f"{FILE}[{i}]", kb.problems)
        if entry is not None:
            kb.exclusions.append(entry)


def check(kb: KnowledgeBase, today: date | None = None) -> None:
    """Append the problems of the exclusion list and of the approval rows to `kb.problems`."""
    from ildesk.kb.model import Problem

    covered: dict[str, str] = {}  # name key -> the drug of ildesk it names
    for drug in kb.drugs.values():
        for name in (drug.id, drug.name, *drug.brands):
            covered.setdefault(key(name), drug.id)
    seen: dict[str, int] = {}
    for i, ex in enumerate(kb.exclusions):
        for field, name in (("name", ex.name), *((f"brands[{j}]", b)
                                                  for j, b in enumerate(ex.brands))):
            k = key(name)
            if k in covered:
                kb.problems.append(Problem(
                    f"{FILE}[{i}]", field,
                    f"{name!r} is excluded but is also a drug of ildesk "
                    f"({kb.files.get(covered[k], covered[k])}); keep one of the two"))
            elif k in seen and seen[k] != i:
                kb.problems.append(Problem(f"{FILE}[{i}]", field,
                                           f"{name!r} is already excluded in {FILE}[{seen[k]}]"))
            seen.setdefault(k, i)

    limit = (today or date.today()).isoformat()
    for drug in kb.drugs.values():
        f = kb.files.get(drug.id, drug.id)
        for i, a in enumerate(drug.approvals):
            if a.date > limit:
                kb.problems.append(Problem(f, f"approvals[{i}].date",
                                           f"{a.date} is in the future (today is {limit})"))
        if drug.status in vocab.APPROVED and not drug.approvals and \
                not drug.approvals_unlisted.strip():
            kb.problems.append(Problem(
                f, "approvals", f"the drug is {drug.status} but lists no approval; add the "
                                "rows, or say why there are none in 'approvals_unlisted'"))
        if drug.approvals and drug.approvals_unlisted.strip():
            kb.problems.append(Problem(f, "approvals_unlisted",
                                       "is given although approval rows are listed; drop it"))
