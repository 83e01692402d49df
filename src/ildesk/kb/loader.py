"""Read every file in data/ into typed models, collecting every problem instead of stopping.

`load(data_dir)` returns a `KnowledgeBase` whose `problems` list names file, field and what is
wrong; it is empty only when the whole knowledge base is consistent. (`KnowledgeBase` and
`Problem` live in `kb.model`, which the validator shares.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ildesk.kb import drug_checks, schema, variants
from ildesk.kb.model import KnowledgeBase, Problem
from ildesk.kb.validate import cross_check

try:  # the C loader is several times faster; fall back when libyaml is absent
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]

M = TypeVar("M", bound=BaseModel)
_FAILED: Any = object()  # what _parse_yaml returns after recording a syntax error

FOLDERS: dict[str, type[BaseModel]] = {
    "interleukins": schema.Interleukin,
    "chains": schema.Chain,
    "molecules": schema.Molecule,
    "cell_types": schema.CellType,
    "diseases": schema.Disease,
    "drugs": schema.Drug,
}


def _field_path(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against data/README.md)"
    if kind == "string_pattern_mismatch":
        return f"{err.get('input')!r} is not in the expected form ({err['ctx']['pattern']})"
    if kind == "literal_error":
        return f"{err.get('input')!r} is not allowed; expected {err['ctx']['expected']}"
    return f"{err.get('msg', 'invalid value')} (got {err.get('input')!r})"


def _read_text(path: Path, rel: str, problems: list[Problem], hasher: Any) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, "", f"cannot be read: {exc.strerror or exc}"))
        return None
    hasher.update(rel.encode())
    hasher.update(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(rel, "", f"is not UTF-8 text (bad byte at offset {exc.start}); "
                                         "save it as UTF-8"))
        return None


def _parse_yaml(text: str, rel: str, problems: list[Problem]) -> Any:
    try:
        return yaml.load(text, Loader=YamlLoader)  # a safe loader: plain data only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(rel, "", f"YAML syntax error at {where}{problem}"))
        return _FAILED


def _model(model: type[M], data: Any, rel: str, problems: list[Problem]) -> M | None:
    if not isinstance(data, dict):
        problems.append(Problem(rel, "", "must hold a mapping of fields (key: value)"))
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(Problem(rel, _field_path(err["loc"]), _explain(dict(err))))
        return None


def _split_front_matter(text: str) -> tuple[str, str] | None:
    if not text.startswith("---"):
        return None
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        return None
    head = parts[0][3:]
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    return head, body


def load(root: Path) -> KnowledgeBase:
    """Read and check every file below `root`."""
    kb = KnowledgeBase(root=root)
    hasher = hashlib.sha256()
    if not root.is_dir():
        kb.problems.append(Problem(str(root), "", "is not a folder of knowledge-base files"))
        return kb

    fam_path = root / "families.yaml"
    text = _read_text(fam_path, "families.yaml", kb.problems, hasher)
    if text is not None:
        data = _parse_yaml(text, "families.yaml", kb.problems)
        if not isinstance(data, list):
            if data is not _FAILED:
                kb.problems.append(Problem("families.yaml", "", "must hold a list of families"))
        else:
            for i, item in enumerate(data):
                fam = _model(schema.Family, item, f"families.yaml[{i}]", kb.problems)
                if fam is None:
                    continue
                if fam.id in kb.families:  # families are not pages: their own namespace
                    kb.problems.append(Problem(f"families.yaml[{i}]", "id",
                                               f"{fam.id!r} is already a family"))
                    continue
                kb.families[fam.id] = fam

    var_path = root / variants.FILE
    if var_path.is_file():
        text = _read_text(var_path, variants.FILE, kb.problems, hasher)
        if text is not None:
            variants.read(kb, text, _parse_yaml, _model, _FAILED)

    exc_path = root / drug_checks.FILE
    if exc_path.is_file():
        text = _read_text(exc_path, drug_checks.FILE, kb.problems, hasher)
        if text is not None:
            drug_checks.read(kb, text, _parse_yaml, _model, _FAILED)

    for folder, model in FOLDERS.items():
        for path in sorted((root / folder).glob("*.yaml")):
            rel = f"{folder}/{path.name}"
            text = _read_text(path, rel, kb.problems, hasher)
            if text is None:
                continue
            data = _parse_yaml(text, rel, kb.problems)
            if data is _FAILED:
                continue
            entry = _model(model, data, rel, kb.problems)
            if entry is None:
                continue
            entry_id: str = entry.id  # type: ignore[attr-defined]
            if entry_id != path.stem:
                kb.problems.append(Problem(rel, "id", f"{entry_id!r} does not match "
                                                      f"the file name {path.stem!r}"))
                continue
            _register(kb, folder, entry, rel)

    for path in sorted((root / "articles").glob("*.md")):
        rel = f"articles/{path.name}"
        text = _read_text(path, rel, kb.problems, hasher)
        if text is None:
            continue
        split = _split_front_matter(text)
        if split is None:
            kb.problems.append(Problem(rel, "", "must start with a front matter between '---' "
                                                "lines (id, title, aliases, references)"))
            continue
        head = _parse_yaml(split[0], rel, kb.problems)
        if head is _FAILED:
            continue
        if isinstance(head, dict):
            head = {**head, "body": split[1]}
        article = _model(schema.Article, head, rel, kb.problems)
        if article is None:
            continue
        if article.id != path.stem:
            kb.problems.append(Problem(rel, "id", f"{article.id!r} does not match the file name"))
            continue
        _register(kb, "articles", article, rel)

    kb.digest = hasher.hexdigest()[:16]
    cross_check(kb)
    variants.check(kb)
    drug_checks.check(kb)
    return kb


def _register(kb: KnowledgeBase, folder: str, entry: Any, rel: str) -> None:
    table: dict[str, Any] = getattr(kb, folder)
    if entry.id in kb.files:
        kb.problems.append(Problem(rel, "id", f"{entry.id!r} is already used by "
                                              f"{kb.files[entry.id]}"))
        return
    kb.files[entry.id] = rel
    table[entry.id] = entry
