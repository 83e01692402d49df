"""Checks that need the whole knowledge base: every reference resolves, every alias is
claimed once, every cell type and disease hierarchy is acyclic and rooted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ildesk.kb import prose
from ildesk.kb.model import KnowledgeBase, Problem
from ildesk.kb.names import key

ROOT_CELL = "cell"


def _missing(kb: KnowledgeBase, file: str, field: str, ids: Iterable[str],
             table: Mapping[str, object], what: str) -> None:
    for i, ref in enumerate(ids):
        if ref not in table:
            kb.problems.append(Problem(file, f"{field}[{i}]" if field else field,
                                       f"{ref!r} is not a known {what}"))


def _missing_one(kb: KnowledgeBase, file: str, field: str, ref: str,
                 table: Mapping[str, object], what: str) -> None:
    if ref not in table:
        kb.problems.append(Problem(file, field, f"{ref!r} is not a known {what}"))


def _check_links(kb: KnowledgeBase, file: str, field: str, text: str) -> None:
    for ref in prose.links(text):
        if ref not in kb.files:
            kb.problems.append(Problem(file, field, f"links to [[{ref}]], which is not an entry"))


def _hierarchy(kb: KnowledgeBase, what: str, parents: Mapping[str, list[str]],
               root: str | None) -> None:
    """Parents must exist, there must be no cycle, and with `root` every entry reaches it."""
    for node, ps in parents.items():
        _missing(kb, kb.files[node], "parents", ps, parents, what)
    colour: dict[str, int] = {}  # 1: on the current path, 2: finished

    def visit(node: str, path: list[str]) -> None:
        colour[node] = 1
        for parent in parents[node]:
            if parent not in parents:
                continue
            if colour.get(parent) == 1:
                cycle = " → ".join([*path[path.index(parent):], parent])
                kb.problems.append(Problem(kb.files[node], "parents", f"is-a cycle: {cycle}"))
            elif parent not in colour:
                visit(parent, [*path, parent])
        colour[node] = 2

    for node in parents:
        if node not in colour:
            visit(node, [node])
    if root is None or not parents:
        return
    if root not in parents:
        kb.problems.append(Problem(f"{what}s", "", f"the root {what} {root!r} is missing"))
        return
    reached = {root}
    grew = True
    while grew:
        grew = False
        for node, ps in parents.items():
            if node not in reached and any(p in reached for p in ps):
                reached.add(node)
                grew = True
    for node in parents:
        if node not in reached:
            kb.problems.append(Problem(kb.files[node], "parents",
                                       f"does not reach {root!r} through its is-a parents"))


def _claims(kb: KnowledgeBase) -> Iterable[tuple[str, str, str]]:
    """(id, field, name) for every name a reader could type to reach an entry."""
    for il in kb.interleukins.values():
        yield il.id, "name", il.name
        yield il.id, "abbreviation", il.abbreviation
        for i, a in enumerate(il.aliases):
            yield il.id, f"aliases[{i}]", a
    for ch in kb.chains.values():
        yield ch.id, "symbol", ch.symbol
        for i, a in enumerate(ch.common_names):
            yield ch.id, f"common_names[{i}]", a
        if ch.cd:
            yield ch.id, "cd", ch.cd
    for mol in kb.molecules.values():
        yield mol.id, "name", mol.name
        if mol.symbol:
            yield mol.id, "symbol", mol.symbol
    for cell in kb.cell_types.values():
        yield cell.id, "name", cell.name
    for dis in kb.diseases.values():
        yield dis.id, "name", dis.name
    for drug in kb.drugs.values():
        yield drug.id, "name", drug.name


def _unique_names(kb: KnowledgeBase) -> None:
    owner: dict[str, str] = {}
    for entry_id, field, name in _claims(kb):
        k = key(name)
        if not k:
            kb.problems.append(Problem(kb.files[entry_id], field, f"{name!r} has no letters "
                                                                  "or digits"))
            continue
        other = owner.setdefault(k, entry_id)
        if other != entry_id:
            kb.problems.append(Problem(kb.files[entry_id], field,
                                       f"{name!r} is already a name of {other!r} "
                                       f"({kb.files[other]}); a name belongs to one entry"))


def _references(kb: KnowledgeBase) -> None:
    seen: dict[int, tuple[str, int, str]] = {}
    sources: list[tuple[str, list]] = [(kb.files[i.id], list(i.references))
                                       for i in kb.interleukins.values()]
    sources += [(kb.files[a.id], list(a.references)) for a in kb.articles.values()]
    for file, refs in sources:
        for i, ref in enumerate(refs):
            first = seen.setdefault(ref.pmid, (ref.title, ref.year, file))
            if (key(first[0]), first[1]) != (key(ref.title), ref.year):
                kb.problems.append(Problem(file, f"references[{i}]",
                                           f"PMID {ref.pmid} is cited in {first[2]} as "
                                           f"{first[0]!r} ({first[1]}); the same PMID must "
                                           "carry the same title and year"))


def cross_check(kb: KnowledgeBase) -> None:
    """Append every cross-reference problem in `kb` to `kb.problems`."""
    for fam in kb.families.values():
        _missing(kb, "families.yaml", f"{fam.id}.shared_chains", fam.shared_chains,
                 kb.chains, "chain")
    for il in kb.interleukins.values():
        f = kb.files[il.id]
        _missing_one(kb, f, "family", il.family, kb.families, "family")
        _missing(kb, f, "other_families", il.other_families, kb.families, "family")
        for role in ("producers", "targets"):
            for i, link in enumerate(getattr(il, role)):
                _missing_one(kb, f, f"{role}[{i}].cell", link.cell, kb.cell_types, "cell type")
        for i, rc in enumerate(il.receptors):
            _missing(kb, f, f"receptors[{i}].chains", rc.chains, kb.chains, "chain")
        for part in ("kinases", "transcription_factors", "adaptors", "pathways"):
            _missing(kb, f, f"signalling.{part}", getattr(il.signalling, part),
                     kb.molecules, "molecule")
        _missing(kb, f, "antagonists", il.antagonists, kb.interleukins, "interleukin")
        for i, d in enumerate(il.diseases):
            _missing_one(kb, f, f"diseases[{i}].disease", d.disease, kb.diseases, "disease")
        for field in ("summary", "functions", "therapy", "notes", "status_note"):
            _check_links(kb, f, field, getattr(il, field))
        _check_links(kb, f, "discovery.text", il.discovery.text)
        _check_links(kb, f, "signalling.note", il.signalling.note)
    for ch in kb.chains.values():
        _missing(kb, kb.files[ch.id], "kinases", ch.kinases, kb.molecules, "molecule")
        _check_links(kb, kb.files[ch.id], "description", ch.description)
    bindable = {**kb.interleukins, **kb.chains, **kb.molecules}
    for drug in kb.drugs.values():
        f = kb.files[drug.id]
        for i, t in enumerate(drug.targets):
            _missing(kb, f, f"targets[{i}].binds", t.binds, bindable,
                     "interleukin, chain or molecule")
            _missing(kb, f, f"targets[{i}].interleukins", t.interleukins, kb.interleukins,
                     "interleukin")
        _missing(kb, f, "indications", drug.indications, kb.diseases, "disease")
        _missing(kb, f, "investigated_for", drug.investigated_for, kb.diseases, "disease")
        for i, a in enumerate(drug.approvals):
            _missing_one(kb, f, f"approvals[{i}].indication", a.indication, kb.diseases,
                         "disease")
        if drug.approvals:
            # A refused application is history, not an indication.
            approved = {a.indication for a in drug.approvals if a.status != "refused"}
            listed = set(drug.indications)
            for gone in sorted(listed - approved):
                kb.problems.append(Problem(f, "indications", f"{gone!r} has no approval in "
                                                             "'approvals'"))
            for extra in sorted(approved - listed):
                kb.problems.append(Problem(f, "approvals", f"{extra!r} is approved but missing "
                                                           "from 'indications'"))
        _check_links(kb, f, "description", drug.description)
    for table in (kb.molecules, kb.cell_types, kb.diseases):
        for entry_id, entry in table.items():
            _check_links(kb, kb.files[entry_id], "description", entry.description)
    for art in kb.articles.values():
        _check_links(kb, kb.files[art.id], "body", art.body)

    _hierarchy(kb, "cell type", {c.id: list(c.parents) for c in kb.cell_types.values()},
               ROOT_CELL)
    _hierarchy(kb, "disease", {d.id: list(d.parents) for d in kb.diseases.values()}, None)
    for attr, table in (("cl_id", kb.cell_types), ("mondo_id", kb.diseases)):
        seen: dict[str, str] = {}
        for entry_id, entry in table.items():
            value = getattr(entry, attr)
            if value and seen.setdefault(value, entry_id) != entry_id:
                kb.problems.append(Problem(kb.files[entry_id], attr, f"{value} is also used by "
                                                                    f"{seen[value]!r}"))
    _unique_names(kb)
    _references(kb)
