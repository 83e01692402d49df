"""Read whole pages out of the content database as plain, JSON-ready dictionaries.

`page(content, "il-6")` gives everything the article, the fact sheet and `ildesk show` need;
`resolve(content, "il6")` turns any name or alias into a page id.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ildesk.db import models as m
from ildesk.db.engine import Content
from ildesk.kb.names import key

Json = dict[str, Any]

KINDS = ("interleukin", "receptor", "molecule", "cell_type", "disease", "drug", "article")
KIND_LABEL = {
    "interleukin": "Interleukin", "receptor": "Receptor chain", "molecule": "Signalling molecule",
    "cell_type": "Cell type", "disease": "Disease", "drug": "Drug", "article": "Article",
}
DISEASE_LINK_LABEL = {
    "driver": "drives disease", "therapeutic-target": "therapeutic target",
    "treated-with": "used as therapy", "genetic": "genetic association",
    "biomarker": "biomarker",
}
ROLE_LABEL = {"producer": "produces it", "target": "responds to it"}


def resolve(content: Content, name: str) -> str | None:
    """The id of the page `name` names: an id, a name or an alias, in any spelling."""
    k = key(name)
    if not k:
        return None
    with content.session() as s:
        if s.get(m.Page, name.strip()) is not None:
            return name.strip()
        row = s.execute(select(m.Alias.page_id, m.Page.kind).join(m.Page)
                        .where(m.Alias.key == k)
                        .order_by(m.Alias.position)).first()
        return row[0] if row else None


def list_pages(content: Content, kind: str | None = None) -> list[Json]:
    with content.session() as s:
        q = select(m.Page.id, m.Page.name, m.Page.kind, m.Page.summary)
        if kind:
            q = q.where(m.Page.kind == kind)
        q = q.order_by(m.Page.kind, m.Page.sort_key)
        return [{"id": r[0], "name": r[1], "kind": r[2], "summary": r[3]} for r in s.execute(q)]


def _names(s: Session, ids: list[str]) -> dict[str, tuple[str, str]]:
    if not ids:
        return {}
    rows = s.execute(select(m.Page.id, m.Page.short, m.Page.kind).where(m.Page.id.in_(ids)))
    return {r[0]: (r[1], r[2]) for r in rows}


def _refs(s: Session, page_id: str) -> list[Json]:
    rows = s.execute(select(m.Reference).join(m.PageReference)
                     .where(m.PageReference.page_id == page_id)
                     .order_by(m.PageReference.position)).scalars()
    return [{"pmid": r.pmid, "title": r.title, "year": r.year} for r in rows]


def _drug_brief(d: m.Drug, interleukin: str | None = None) -> Json:
    actions = [t.action for t in d.targets if interleukin is None or interleukin in t.interleukins]
    binds = [b for t in d.targets for b in t.binds
             if interleukin is None or interleukin in t.interleukins]
    effects = {t.effect for t in d.targets}
    return {"id": d.id, "name": d.page.name, "kind": d.kind, "status": d.status,
            "approval_year": d.approval_year, "brands": list(d.brands),
            "action": " ".join(dict.fromkeys(actions)), "binds": list(dict.fromkeys(binds)),
            "effect": "mimics" if effects == {"mimics"} else "blocks"}


def _interleukin(s: Session, p: m.Page) -> Json:
    il = s.execute(select(m.Interleukin).where(m.Interleukin.id == p.id).options(
        selectinload(m.Interleukin.genes),
        selectinload(m.Interleukin.complexes).selectinload(m.ReceptorComplex.chains)
        .selectinload(m.ComplexChain.chain).selectinload(m.Chain.page),
        selectinload(m.Interleukin.cells).selectinload(m.CellLink.cell_type)
        .selectinload(m.CellType.page),
        selectinload(m.Interleukin.diseases).selectinload(m.DiseaseLink.disease)
        .selectinload(m.Disease.page),
        selectinload(m.Interleukin.molecules).selectinload(m.SignalLink.molecule)
        .selectinload(m.Molecule.page),
    )).scalar_one()
    family = s.get(m.Family, il.family_id)
    others = [s.get(m.Family, f) for f in il.other_families]
    signalling: Json = {"route": il.route, "note": il.signalling_note,
                        "target_genes": list(il.target_genes)}
    for role, field in (("kinase", "kinases"), ("transcription_factor", "transcription_factors"),
                        ("adaptor", "adaptors"), ("pathway", "pathways")):
        mols = [x.molecule for x in il.molecules if x.role == role]
        signalling[field] = [mo.symbol or mo.page.name for mo in mols]
        signalling[field + "_ids"] = [mo.id for mo in mols]
    drugs = s.execute(select(m.Drug).join(m.DrugInterleukin)
                      .where(m.DrugInterleukin.interleukin_id == p.id)
                      .options(selectinload(m.Drug.targets), selectinload(m.Drug.page))
                      .order_by(m.Drug.id)).scalars().all()
    antagonists = s.execute(select(m.Antagonism.antagonist_id)
                            .where(m.Antagonism.interleukin_id == p.id)).scalars().all()
    antagonist_of = s.execute(select(m.Antagonism.interleukin_id)
                              .where(m.Antagonism.antagonist_id == p.id)).scalars().all()
    names = _names(s, [*antagonists, *antagonist_of])
    return {
        "abbreviation": il.abbreviation,
        "aliases": [a.name for a in p.aliases[2:]],
        "family": family.name if family else il.family_id,
        "family_id": il.family_id,
        "other_families": [{"id": f.id, "name": f.name} for f in others if f],
        "status": il.status, "status_note": il.status_note,
        "genes": [{"symbol": g.symbol, "hgnc_id": g.hgnc_id, "ncbi_gene_id": g.ncbi_gene_id,
                   "uniprot": g.uniprot, "location": g.location, "length_aa": g.length_aa,
                   "subunit": g.subunit} for g in il.genes],
        "protein": {"fold": il.fold, "mature_aa": il.mature_aa, "mass_kda": il.mass_kda},
        "discovery": {"year": il.discovery_year, "text": il.discovery_text},
        "receptors": [{"name": rc.name, "kind": rc.kind, "note": rc.note,
                       "chains": [cc.chain.symbol for cc in rc.chains],
                       "chain_ids": [cc.chain.id for cc in rc.chains],
                       "chain_details": [{"id": cc.chain.id, "symbol": cc.chain.symbol,
                                          "name": cc.chain.page.name, "cd": cc.chain.cd,
                                          "shared": cc.chain.shared,
                                          "kinases": list(cc.chain.kinases)}
                                         for cc in rc.chains]}
                      for rc in il.complexes],
        "signalling": signalling,
        "cell_types": [{"id": c.cell_type.id, "name": c.cell_type.page.name,
                        "cl_id": c.cell_type.cl_id, "role": c.role, "note": c.note}
                       for c in il.cells],
        "diseases": [{"id": d.disease.id, "name": d.disease.page.name, "kind": d.kind,
                      "note": d.note, "mondo_id": d.disease.mondo_id,
                      "mesh_id": d.disease.mesh_id, "category": d.disease.category}
                     for d in il.diseases],
        "drugs": [_drug_brief(d, p.id) for d in drugs],
        "antagonists": [{"id": a, "name": names[a][0]} for a in antagonists if a in names],
        "antagonist_of": [{"id": a, "name": names[a][0]} for a in antagonist_of if a in names],
        "functions": il.functions, "therapy": il.therapy,
        "side_effects": list(il.side_effects), "sources": list(il.sources), "notes": il.notes,
    }


def _users_of(s: Session, ids: list[str]) -> list[Json]:
    rows = s.execute(select(m.Page.id, m.Page.short).where(m.Page.id.in_(ids))
                     .order_by(m.Page.sort_key))
    return [{"id": r[0], "name": r[1]} for r in rows]


def _receptor(s: Session, p: m.Page) -> Json:
    ch = s.get(m.Chain, p.id)
    assert ch is not None
    rows = s.execute(select(m.ReceptorComplex.interleukin_id, m.ReceptorComplex.name,
                            m.ReceptorComplex.kind).join(m.ComplexChain)
                     .where(m.ComplexChain.chain_id == p.id)).all()
    il_ids = list(dict.fromkeys(r[0] for r in rows))
    drugs = [d for d in s.execute(select(m.Drug).options(selectinload(m.Drug.targets))).scalars()
             if any(p.id in t.binds for t in d.targets)]
    kin = _names(s, list(ch.kinases))
    return {"symbol": ch.symbol, "cd": ch.cd, "hgnc_id": ch.hgnc_id,
            "ncbi_gene_id": ch.ncbi_gene_id, "uniprot": ch.uniprot, "location": ch.location,
            "shared": ch.shared, "description": ch.description, "sources": list(ch.sources),
            "common_names": [a.name for a in p.aliases[2:]],
            "kinases": [{"id": k, "name": kin[k][0]} for k in ch.kinases if k in kin],
            "interleukins": _users_of(s, il_ids),
            "complexes": [{"interleukin": r[0], "name": r[1], "kind": r[2]} for r in rows],
            "drugs": [_drug_brief(d) for d in drugs]}


def _molecule(s: Session, p: m.Page) -> Json:
    mo = s.get(m.Molecule, p.id)
    assert mo is not None
    rows = s.execute(select(m.SignalLink.interleukin_id, m.SignalLink.role)
                     .where(m.SignalLink.molecule_id == p.id)).all()
    chains = [c for c in s.execute(select(m.Chain)).scalars() if p.id in c.kinases]
    drugs = [d for d in s.execute(select(m.Drug).options(selectinload(m.Drug.targets))).scalars()
             if any(p.id in t.binds for t in d.targets)]
    return {"symbol": mo.symbol, "molecule_kind": mo.kind, "hgnc_id": mo.hgnc_id,
            "ncbi_gene_id": mo.ncbi_gene_id, "uniprot": mo.uniprot,
            "description": mo.description, "sources": list(mo.sources),
            "common_names": [a.name for a in p.aliases[1:]],
            "interleukins": _users_of(s, list(dict.fromkeys(r[0] for r in rows))),
            "chains": [{"id": c.id, "name": c.symbol} for c in chains],
            "drugs": [_drug_brief(d) for d in drugs]}


def _cell_type(s: Session, p: m.Page) -> Json:
    ct = s.get(m.CellType, p.id)
    assert ct is not None
    children = s.execute(select(m.Page.id, m.Page.name).join(m.CellType, m.CellType.id == m.Page.id)
                         ).all()
    kids = [{"id": c[0], "name": c[1]} for c in children
            if p.id in (s.get(m.CellType, c[0]).parents)]  # type: ignore[union-attr]
    out: Json = {"cl_id": ct.cl_id, "description": ct.description,
                 "parents": [{"id": k, "name": v[0]} for k, v in _names(s, ct.parents).items()],
                 "children": kids}
    sub = select(m.CellAncestor.cell_type_id).where(m.CellAncestor.ancestor_id == p.id)
    for role, field in (("producer", "produces"), ("target", "responds_to")):
        rows = s.execute(select(m.CellLink.interleukin_id, m.CellLink.cell_type_id)
                         .where(m.CellLink.role == role, m.CellLink.cell_type_id.in_(sub))).all()
        direct = {r[0] for r in rows if r[1] == p.id}
        out[field] = [{**x, "direct": x["id"] in direct}
                      for x in _users_of(s, list(dict.fromkeys(r[0] for r in rows)))]
    return out


def _disease(s: Session, p: m.Page) -> Json:
    d = s.get(m.Disease, p.id)
    assert d is not None
    sub = select(m.DiseaseAncestor.disease_id).where(m.DiseaseAncestor.ancestor_id == p.id)
    links = s.execute(select(m.DiseaseLink.interleukin_id, m.DiseaseLink.kind,
                             m.DiseaseLink.note, m.DiseaseLink.disease_id)
                      .where(m.DiseaseLink.disease_id.in_(sub))).all()
    names = _names(s, [*[r[0] for r in links], *[r[3] for r in links]])
    drugs = s.execute(select(m.Drug).join(m.DrugIndication)
                      .where(m.DrugIndication.disease_id.in_(sub))
                      .options(selectinload(m.Drug.targets), selectinload(m.Drug.page))
                      .order_by(m.Drug.id)).scalars().unique().all()
    kids = [r for r in s.execute(select(m.Disease.id, m.Disease.parents)).all() if p.id in r[1]]
    return {"mondo_id": d.mondo_id, "mesh_id": d.mesh_id, "category": d.category,
            "description": d.description,
            "synonyms": [a.name for a in p.aliases[1:]],
            "parents": [{"id": k, "name": v[0]} for k, v in _names(s, d.parents).items()],
            "children": [{"id": k, "name": v[0]}
                         for k, v in _names(s, [r[0] for r in kids]).items()],
            "interleukins": _group_links(p.id, links, names),
            "drugs": [_drug_brief(x) for x in drugs]}


LINK_ORDER = ("therapeutic-target", "driver", "treated-with", "genetic", "biomarker")


def _group_links(disease_id: str, links: Any, names: dict[str, tuple[str, str]]) -> list[Json]:
    """One row per interleukin: its direct links to this disease first, then the subtypes it
    is linked through; strongest kind of link first."""
    rows: dict[str, Json] = {}
    for il, kind, note, via in links:
        row = rows.setdefault(il, {"id": il, "name": names[il][0], "kinds": [], "notes": [],
                                   "via": [], "kind": kind, "note": "", "sort": _sort_key(il, names)})
        if via == disease_id:
            if kind not in row["kinds"]:
                row["kinds"].append(kind)
            if note and note not in row["notes"]:
                row["notes"].append(note)
        elif via not in row["via"]:
            row["via"].append(via)
            if kind not in row["kinds"] and not any(k in row["kinds"] for k in LINK_ORDER):
                row.setdefault("via_kinds", []).append(kind)
    out = []
    for row in rows.values():
        kinds = row["kinds"] or row.get("via_kinds", [])
        kinds.sort(key=LINK_ORDER.index)
        row["kinds"] = kinds
        row["kind"] = kinds[0] if kinds else "biomarker"
        row["note"] = " ".join(row["notes"])
        row["via"] = [{"id": v, "name": names.get(v, (v, ""))[0]} for v in row["via"]]
        out.append(row)
    out.sort(key=lambda r: (LINK_ORDER.index(r["kind"]), r["sort"]))
    for row in out:
        row.pop("sort", None)
        row.pop("notes", None)
        row.pop("via_kinds", None)
    return out


def _sort_key(page_id: str, names: dict[str, tuple[str, str]]) -> str:
    import re

    match = re.match(r"IL-(\d+)(.*)", names.get(page_id, ("", ""))[0])
    return f"{int(match.group(1)):04d}{match.group(2)}" if match else page_id


def _drug(s: Session, p: m.Page) -> Json:
    d = s.execute(select(m.Drug).where(m.Drug.id == p.id).options(
        selectinload(m.Drug.targets),
        selectinload(m.Drug.indications).selectinload(m.DrugIndication.disease)
        .selectinload(m.Disease.page))).scalar_one()
    ids = [i for t in d.targets for i in [*t.binds, *t.interleukins]]
    names = _names(s, ids)
    return {"drug_kind": d.kind, "brands": list(d.brands), "status": d.status,
            "approval_year": d.approval_year, "approval_note": d.approval_note,
            "description": d.description, "side_effects": list(d.side_effects),
            "sources": list(d.sources),
            "targets": [{"binds": [{"id": b, "name": names.get(b, (b, ""))[0],
                                    "kind": names.get(b, ("", "?"))[1]} for b in t.binds],
                         "interleukins": [{"id": i, "name": names.get(i, (i, ""))[0]}
                                          for i in t.interleukins],
                         "effect": t.effect, "action": t.action} for t in d.targets],
            "indications": [{"id": x.disease.id, "name": x.disease.page.name}
                            for x in d.indications]}


def _article(s: Session, p: m.Page) -> Json:
    a = s.get(m.Article, p.id)
    assert a is not None
    return {"body": a.body, "aliases": [x.name for x in p.aliases[1:]]}


_DETAIL = {"interleukin": _interleukin, "receptor": _receptor, "molecule": _molecule,
           "cell_type": _cell_type, "disease": _disease, "drug": _drug, "article": _article}


def page(content: Content, page_id: str) -> Json | None:
    """Everything about one page, or None if there is no such page."""
    with content.session() as s:
        p = s.execute(select(m.Page).where(m.Page.id == page_id)
                      .options(selectinload(m.Page.aliases))).scalar_one_or_none()
        if p is None:
            return None
        out: Json = {"id": p.id, "kind": p.kind, "name": p.name, "short": p.short,
                     "summary": p.summary}
        out.update(_DETAIL[p.kind](s, p))
        out["references"] = _refs(s, p.id)
        return out


def labels(content: Content) -> dict[str, tuple[str, str]]:
    """id -> (short name, kind) for every page, to render [[links]] and lists."""
    with content.session() as s:
        return {r[0]: (r[1], r[2]) for r in s.execute(select(m.Page.id, m.Page.short,
                                                                 m.Page.kind))}


def families(content: Content) -> list[Json]:
    with content.session() as s:
        fams = s.execute(select(m.Family).order_by(m.Family.position)).scalars().all()
        members = s.execute(select(m.Interleukin.id, m.Interleukin.family_id,
                                   m.Interleukin.other_families, m.Page.short, m.Page.sort_key)
                            .join(m.Page, m.Page.id == m.Interleukin.id)
                            .order_by(m.Page.sort_key)).all()
        return [{"id": f.id, "name": f.name, "description": f.description,
                 "shared_chains": list(f.shared_chains),
                 "members": [{"id": r[0], "name": r[3]} for r in members
                             if r[1] == f.id or f.id in r[2]]} for f in fams]


def meta(content: Content) -> dict[str, str]:
    with content.session() as s:
        return {r.key: r.value for r in s.execute(select(m.Meta)).scalars()}


def hierarchy(content: Content, kind: str) -> list[Json]:
    """Cell types or diseases with their is-a parents (and a disease's category), by name."""
    with content.session() as s:
        if kind == "cell_type":
            cells = s.execute(select(m.CellType.id, m.Page.name, m.CellType.parents)
                              .join(m.Page, m.Page.id == m.CellType.id)
                              .order_by(m.Page.sort_key)).all()
            return [{"id": r[0], "name": r[1], "parents": list(r[2]), "category": None}
                    for r in cells]
        diseases = s.execute(select(m.Disease.id, m.Page.name, m.Disease.parents,
                                    m.Disease.category)
                             .join(m.Page, m.Page.id == m.Disease.id)
                             .order_by(m.Page.sort_key)).all()
        return [{"id": r[0], "name": r[1], "parents": list(r[2]), "category": r[3]}
                for r in diseases]
