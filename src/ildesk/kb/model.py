"""What the loader returns: `KnowledgeBase` (everything in data/, by kind and id) and `Problem`
(one thing wrong, by file and field). The loader and the validator both use them.

The schema types are named for the type checker only, so importing this module needs neither
pydantic nor PyYAML (the packaged program carries neither).

    >>> print(Problem("drugs/x.yaml", "targets[0]", "unknown id 'il-99'"))
    drugs/x.yaml: targets[0]: unknown id 'il-99'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ildesk.kb import schema


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the knowledge base."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


@dataclass
class KnowledgeBase:
    """Everything in data/, by kind and id, plus the problems found while reading it."""

    root: Path
    interleukins: dict[str, schema.Interleukin] = field(default_factory=dict)
    families: dict[str, schema.Family] = field(default_factory=dict)
    chains: dict[str, schema.Chain] = field(default_factory=dict)
    molecules: dict[str, schema.Molecule] = field(default_factory=dict)
    cell_types: dict[str, schema.CellType] = field(default_factory=dict)
    diseases: dict[str, schema.Disease] = field(default_factory=dict)
    drugs: dict[str, schema.Drug] = field(default_factory=dict)
    articles: dict[str, schema.Article] = field(default_factory=dict)
    exclusions: list[schema.Exclusion] = field(default_factory=list)  # data/exclusions.yaml
    variants: schema.Variants | None = None  # data/variants.yaml, for the search
    files: dict[str, str] = field(default_factory=dict)  # id -> file it came from
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""
