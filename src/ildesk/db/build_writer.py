"""The builder's rows: every page, its aliases, its kind's own table and links, and its row
of the full-text index, queued by table and inserted in foreign-key order at the end."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from ildesk.db import build_drugs
from ildesk.db import models as m
from ildesk.db.build_labels import first_sentence, key, labels, sort_key
from ildesk.db.fts import FTS_DDL, FTS_INSERT, FTS_TABLE
from ildesk.kb import KnowledgeBase, prose
from ildesk.kb import schema as s
from ildesk.kb.names import fold

_HYPHENATED = re.compile(r"\b[A-Za-z]{2,}(?:-[A-Za-z]{2,})+\b")


def closure(parents: dict[str, list[str]]) -> Iterable[tuple[str, str]]:
    """Every (node, ancestor or itself) pair, in the order data/ gives: the node, then its
    ancestors as met (a dict, not a set, whose order would change with PYTHONHASHSEED)."""
    for node in parents:
        seen = {node: None}
        stack = [node]
        while stack:
            for p in parents.get(stack.pop(), []):
                if p not in seen:
                    seen[p] = None
                    stack.append(p)
        for anc in seen:
            yield node, anc


class Writer:
    """Queues the rows of every table from a knowledge base and writes them, with the
    full-text index, into a session's empty database (`write`)."""

    def __init__(self, kb: KnowledgeBase, session: Session) -> None:
        self.kb = kb
        self.s = session
        self.label = labels(kb)
        self.fts_rows: list[tuple[str, ...]] = []
        self.summaries: dict[str, str] = {}
        # Rows by table, inserted in bulk (in foreign-key order) once everything is read:
        # the ORM's unit of work would spend most of the build bookkeeping single objects.
        self.rows: dict[Table, list[dict[str, Any]]] = {}
        self.drugs_of: dict[str, list[s.Drug]] = {}  # interleukin -> drugs acting on it
        self.abbreviations: dict[str, list[str]] = {}  # name key -> abbreviations of it
        if kb.variants is not None:
            for abbr, meanings in kb.variants.abbreviations.items():
                for meaning in meanings:
                    self.abbreviations.setdefault(key(meaning), []).append(abbr)
        for drug in kb.drugs.values():
            for il_id in dict.fromkeys(i for t in drug.targets for i in t.interleukins):
                self.drugs_of.setdefault(il_id, []).append(drug)

    def add(self, model: type[m.Base], **values: Any) -> dict[str, Any]:
        """Queue one row of `model`'s table, with the column defaults the ORM would fill in
        and the next number for an autoincrement key; returns the row."""
        table = model.__table__
        assert isinstance(table, Table)
        rows = self.rows.setdefault(table, [])
        for col in table.columns:
            if col.key in values:
                continue
            if col.primary_key and col.autoincrement is True:
                values[col.key] = len(rows) + 1
            elif col.default is not None and col.default.is_scalar:
                values[col.key] = col.default.arg
            elif col.nullable:
                values[col.key] = None
        rows.append(values)
        return values

    def _insert_rows(self) -> None:
        conn = self.s.connection()
        for table in m.Base.metadata.sorted_tables:
            rows = self.rows.pop(table, None)
            if rows:
                conn.execute(table.insert(), rows)

    def plain(self, text: str) -> str:
        return " ".join(prose.plain(text, lambda i: self.label.get(i, i)).split())

    def page(self, kind: str, entry_id: str, name: str, summary: str,
             aliases: list[str]) -> None:
        short = self.label.get(entry_id, name)
        self.summaries[entry_id] = summary
        self.add(m.Page, id=entry_id, kind=kind, name=name, short=short, summary=summary,
                 sort_key=sort_key(kind, short))
        names: list[str] = []
        for alias in [name, *aliases]:
            if alias and alias not in names:
                names.append(alias)
        for i, alias in enumerate(names):
            self.add(m.Alias, page_id=entry_id, position=i, name=alias, key=key(alias))

    def fts(self, kind: str, entry_id: str, name: str, aliases: list[str], facets: list[str],
            body: list[str]) -> None:
        keys = {key(n) for n in [name, *aliases]}
        # The search's variant table feeds the index: the abbreviations a page's names have
        # (data/variants.yaml), and hyphenated words also written solid (proinflammatory).
        aliases = [*aliases, *(a for k in sorted(keys) for a in self.abbreviations.get(k, [])
                               if a not in aliases)]
        text = self.plain("\n".join(b for b in body if b))
        solid = sorted({m.group(0).replace("-", "") for m in _HYPHENATED.finditer(text)})
        self.fts_rows.append((
            entry_id, kind, fold(name), fold(" ; ".join(aliases)), " ".join(sorted(keys)),
            self.summaries.get(entry_id, ""),
            fold(" ; ".join([*facets, *solid])), text,
        ))

    def references(self, page_id: str, refs: list[s.Reference], seen: set[int]) -> None:
        for i, ref in enumerate(refs):
            if ref.pmid not in seen:
                seen.add(ref.pmid)
                self.add(m.Reference, pmid=ref.pmid, title=ref.title, year=ref.year)
            self.add(m.PageReference, page_id=page_id, pmid=ref.pmid, position=i)

    def write(self) -> int:
        kb = self.kb
        for i, fam in enumerate(kb.families.values()):
            self.add(m.Family, id=fam.id, name=fam.name, description=fam.description,
                     shared_chains=list(fam.shared_chains), position=i)
        self._chains_and_molecules()
        self._cells_and_diseases()
        seen_refs: set[int] = set()
        for il in kb.interleukins.values():
            self._interleukin(il, seen_refs)
        self._drugs()
        build_drugs.exclusions(self.add, kb, key)
        for art in kb.articles.values():
            self.page("article", art.id, art.title, first_sentence(art.body, self.label),
                      list(art.aliases))
            self.add(m.Article, id=art.id, body=art.body)
            self.references(art.id, list(art.references), seen_refs)
            self.fts("article", art.id, art.title, list(art.aliases), [], [art.body])
        self._insert_rows()
        self.s.execute(text(FTS_DDL))
        self.s.connection().exec_driver_sql(FTS_INSERT, self.fts_rows)
        self.s.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))
        return sum(len(t) for t in (kb.interleukins, kb.chains, kb.molecules, kb.cell_types,
                                    kb.diseases, kb.drugs, kb.articles))

    def _chains_and_molecules(self) -> None:
        users: dict[str, list[str]] = {}
        for il in self.kb.interleukins.values():
            for rc in il.receptors:
                for c in rc.chains:
                    users.setdefault(c, []).append(il.abbreviation)
            sig = il.signalling
            for mol_id in [*sig.kinases, *sig.transcription_factors, *sig.adaptors,
                           *sig.pathways]:
                users.setdefault(mol_id, []).append(il.abbreviation)
        for ch in self.kb.chains.values():
            aliases = [ch.symbol, *ch.common_names, *([ch.cd] if ch.cd else [])]
            self.page("receptor", ch.id, ch.name, first_sentence(ch.description, self.label),
                      aliases)
            self.add(m.Chain, id=ch.id, symbol=ch.symbol, cd=ch.cd, hgnc_id=ch.hgnc_id,
                     ncbi_gene_id=ch.ncbi_gene_id, uniprot=ch.uniprot,
                     location=ch.location, shared=ch.shared, kinases=list(ch.kinases),
                     description=ch.description, sources=list(ch.sources))
            self.fts("receptor", ch.id, ch.name, aliases, sorted(set(users.get(ch.id, []))),
                     [ch.description])
        for mol in self.kb.molecules.values():
            aliases = [*([mol.symbol] if mol.symbol else []), *mol.common_names]
            self.page("molecule", mol.id, mol.name, first_sentence(mol.description, self.label),
                      aliases)
            self.add(m.Molecule, id=mol.id, symbol=mol.symbol, kind=mol.kind,
                     hgnc_id=mol.hgnc_id, ncbi_gene_id=mol.ncbi_gene_id,
                     uniprot=mol.uniprot, description=mol.description,
                     sources=list(mol.sources))
            self.fts("molecule", mol.id, mol.name, aliases, sorted(set(users.get(mol.id, []))),
                     [mol.description])

    def _cells_and_diseases(self) -> None:
        kb = self.kb
        for cell in kb.cell_types.values():
            self.page("cell_type", cell.id, cell.name,
                      first_sentence(cell.description, self.label), list(cell.synonyms))
            self.add(m.CellType, id=cell.id, cl_id=cell.cl_id, parents=list(cell.parents),
                     description=cell.description)
            self.fts("cell_type", cell.id, cell.name, list(cell.synonyms), [],
                     [cell.description])
        for child, anc in closure({c.id: list(c.parents) for c in kb.cell_types.values()}):
            self.add(m.CellAncestor, cell_type_id=child, ancestor_id=anc)
        for dis in kb.diseases.values():
            self.page("disease", dis.id, dis.name, first_sentence(dis.description, self.label),
                      list(dis.synonyms))
            self.add(m.Disease, id=dis.id, mondo_id=dis.mondo_id, mesh_id=dis.mesh_id,
                     category=dis.category, parents=list(dis.parents),
                     description=dis.description)
            self.fts("disease", dis.id, dis.name, list(dis.synonyms), [dis.category],
                     [dis.description])
        for child, anc in closure({d.id: list(d.parents) for d in kb.diseases.values()}):
            self.add(m.DiseaseAncestor, disease_id=child, ancestor_id=anc)

    def _interleukin(self, il: s.Interleukin, seen_refs: set[int]) -> None:
        kb = self.kb
        aliases = [il.abbreviation, *il.aliases]
        self.page("interleukin", il.id, il.name, self.plain(il.summary), aliases)
        self.add(m.Interleukin, id=il.id, abbreviation=il.abbreviation, family_id=il.family,
                 other_families=list(il.other_families), status=il.status,
                 status_note=il.status_note, fold=il.protein.fold, mature_aa=il.protein.mature_aa,
                 mass_kda=il.protein.mass_kda, discovery_year=il.discovery.year,
                 discovery_text=il.discovery.text, route=il.signalling.route,
                 signalling_note=il.signalling.note, target_genes=list(il.signalling.target_genes),
                 functions=il.functions, therapy=il.therapy, side_effects=list(il.side_effects),
                 sources=list(il.sources), notes=il.notes)
        for i, g in enumerate(il.genes):
            self.add(m.Gene, interleukin_id=il.id, position=i, symbol=g.symbol,
                     hgnc_id=g.hgnc_id, ncbi_gene_id=g.ncbi_gene_id, uniprot=g.uniprot,
                     location=g.location, length_aa=g.length_aa, subunit=g.subunit)
        for i, rc in enumerate(il.receptors):
            complex_id = self.add(m.ReceptorComplex, interleukin_id=il.id, position=i,
                                  name=rc.name, kind=rc.kind, note=rc.note)["id"]
            for j, c in enumerate(rc.chains):
                self.add(m.ComplexChain, complex_id=complex_id, position=j, chain_id=c)
        pos = 0
        sig = il.signalling
        for role, ids in (("kinase", sig.kinases), ("transcription_factor",
                          sig.transcription_factors), ("adaptor", sig.adaptors),
                          ("pathway", sig.pathways)):
            for mol in dict.fromkeys(ids):
                self.add(m.SignalLink, interleukin_id=il.id, molecule_id=mol, role=role,
                         position=pos)
                pos += 1
        seen_cells: set[tuple[str, str]] = set()
        for role, links in (("producer", il.producers), ("target", il.targets)):
            for i, link in enumerate(links):
                if (link.cell, role) in seen_cells:
                    continue
                seen_cells.add((link.cell, role))
                self.add(m.CellLink, interleukin_id=il.id, cell_type_id=link.cell, role=role,
                         note=link.note, position=i)
        seen_dis: set[tuple[str, str]] = set()
        for i, d in enumerate(il.diseases):
            if (d.disease, d.kind) in seen_dis:
                continue
            seen_dis.add((d.disease, d.kind))
            self.add(m.DiseaseLink, interleukin_id=il.id, disease_id=d.disease, kind=d.kind,
                     note=d.note, position=i)
        for ant in dict.fromkeys(il.antagonists):
            self.add(m.Antagonism, interleukin_id=il.id, antagonist_id=ant)
        self.references(il.id, list(il.references), seen_refs)

        facets = [kb.families[il.family].name]
        for link in [*il.producers, *il.targets]:
            cell = kb.cell_types[link.cell]
            facets += [cell.name, *cell.synonyms]
        for d in il.diseases:
            dis = kb.diseases[d.disease]
            facets += [dis.name, *dis.synonyms]
        for drug in self.drugs_of.get(il.id, []):
            facets += [drug.name, *drug.brands]
        for rc in il.receptors:
            for c in rc.chains:
                ch = kb.chains[c]
                facets += [ch.symbol, *ch.common_names, ch.cd]
        body = [il.summary, il.functions, il.discovery.text, il.therapy, il.signalling.note,
                " ".join(g.symbol for g in il.genes), il.protein.fold, *il.side_effects]
        self.fts("interleukin", il.id, il.name, aliases, [f for f in facets if f], body)

    def _drugs(self) -> None:
        for drug in self.kb.drugs.values():
            self.page("drug", drug.id, drug.name, first_sentence(drug.description, self.label),
                      list(drug.brands))
            self.add(m.Drug, id=drug.id, kind=drug.kind, brands=list(drug.brands),
                     status=drug.status, approval_year=drug.approval_year,
                     approval_note=drug.approval_note, description=drug.description,
                     side_effects=list(drug.side_effects), sources=list(drug.sources),
                     label=drug.label, checked_on=drug.checked_on, coverage=drug.coverage,
                     approvals_unlisted=drug.approvals_unlisted)
            build_drugs.drug_facts(self.add, drug)
            ils: dict[str, None] = {}
            for i, t in enumerate(drug.targets):
                self.add(m.DrugTarget, drug_id=drug.id, position=i, binds=list(t.binds),
                         interleukins=list(t.interleukins), effect=t.effect,
                         action=t.action)
                ils.update(dict.fromkeys(t.interleukins))
            for il_id in ils:
                self.add(m.DrugInterleukin, drug_id=drug.id, interleukin_id=il_id)
            for i, d in enumerate(dict.fromkeys(drug.indications)):
                self.add(m.DrugIndication, drug_id=drug.id, disease_id=d, position=i)
            facets = [self.label[i] for i in ils]
            facets += [self.label[d] for d in drug.indications]
            for t in drug.targets:
                facets += [self.label[b] for b in t.binds]
            clinical = drug.clinical
            checks = [clinical.boxed_warning, *clinical.screening, *clinical.monitoring] \
                if clinical is not None else []
            self.fts("drug", drug.id, drug.name, list(drug.brands), facets,
                     [drug.description, *(t.action for t in drug.targets),
                      *drug.side_effects, *checks])

