"""A synthetic knowledge base of any size, for the scale benchmark.

    kb = synthetic(load(Path("data")), total=100_000)   # the real entries plus generated ones
    build(kb, Path("/tmp/big.sqlite"))

Generated entries are valid per data/README.md (every model is validated by pydantic, and
`check(kb)` runs the cross-reference checks): mostly diseases, cell types and molecules, plus
interleukin-like entries (IL-100, IL-101, …) with receptors, drugs and references. Their prose
is made of sentences from the real knowledge base, so the index holds realistic words (and
realistic links); the generator is deterministic (a fixed seed).
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import replace
from pathlib import Path

from ildesk.kb import KnowledgeBase, load
from ildesk.kb import schema as s

SHARE = {"disease": 0.38, "cell_type": 0.30, "molecule": 0.17, "interleukin": 0.05,
         "chain": 0.04, "drug": 0.06}
QUALIFIERS = ["chronic", "acute", "juvenile", "familial", "early-onset", "refractory",
              "atypical", "late-onset", "severe", "recurrent", "paediatric", "localized"]
CELL_MARKS = ["CD4-positive", "CD8-positive", "CD27-negative", "CD161-positive", "resident",
              "circulating", "activated", "memory", "tissue-resident", "inflammatory"]
MOL_KINDS: list[s.MoleculeKind] = ["kinase", "transcription-factor", "adaptor", "pathway",
                                   "other"]


def _sentences(kb: KnowledgeBase) -> list[str]:
    texts = [e.description for t in (kb.chains, kb.molecules, kb.cell_types, kb.diseases,
                                     kb.drugs) for e in t.values()]
    texts += [il.summary for il in kb.interleukins.values()]
    texts += [il.functions for il in kb.interleukins.values()]
    out = []
    for text in texts:
        for sent in re.split(r"(?<=\.)\s+", " ".join(text.split())):
            if 30 < len(sent) < 400 and "**" not in sent:
                out.append(sent)
    return out


def _uniprot(i: int) -> str:
    letters = string.ascii_uppercase + string.digits
    a, b, c = letters[i % 36], letters[(i // 36) % 36], letters[(i // 1296) % 36]
    return f"Q{i % 10}{a}{b}{c}{(i // 46656) % 10}"


def _text(rng: random.Random, sents: list[str], n: int) -> str:
    return " ".join(rng.choice(sents) for _ in range(n))


def synthetic(base: KnowledgeBase, total: int = 100_000, seed: int = 7) -> KnowledgeBase:
    """`base` plus generated entries, `total` pages in all."""
    rng = random.Random(seed)
    kb = replace(base, interleukins=dict(base.interleukins), chains=dict(base.chains),
                 molecules=dict(base.molecules), cell_types=dict(base.cell_types),
                 diseases=dict(base.diseases), drugs=dict(base.drugs), files=dict(base.files),
                 problems=[], digest=f"synthetic-{total}")
    have = sum(len(t) for t in (kb.interleukins, kb.chains, kb.molecules, kb.cell_types,
                                kb.diseases, kb.drugs, kb.articles))
    extra = max(0, total - have)
    counts = {k: int(extra * v) for k, v in SHARE.items()}
    counts["disease"] += extra - sum(counts.values())
    sents = _sentences(base)
    real_cells, real_dis = list(base.cell_types.values()), list(base.diseases.values())
    fams = list(base.families)
    real_mols = list(base.molecules)

    def add(table: dict, entry: object, folder: str) -> None:
        table[entry.id] = entry  # type: ignore[attr-defined]
        kb.files[entry.id] = f"{folder}/{entry.id}.yaml"  # type: ignore[attr-defined]

    cells: list[str] = []
    for i in range(counts["cell_type"]):
        # subsets of real cells, and a few subsets of those: a hierarchy as shallow as CL's
        parent = rng.choice(real_cells) if i < 500 or rng.random() < 0.7 else \
            kb.cell_types[cells[rng.randrange(500)]]
        name = f"{rng.choice(CELL_MARKS)} {parent.name} subset {i + 1}"
        cell = s.CellType(id=f"syn-cell-{i + 1}", name=name, cl_id=f"CL:{5_000_000 + i}",
                          parents=[parent.id], synonyms=[f"{parent.name} S{i + 1}"],
                          description=f"A {parent.name} subset. " + _text(rng, sents, 3))
        add(kb.cell_types, cell, "cell_types")
        cells.append(cell.id)
    diseases: list[str] = []
    for i in range(counts["disease"]):
        parent = rng.choice(real_dis)
        name = f"{rng.choice(QUALIFIERS)} {parent.name} type {i + 1}"
        dis = s.Disease(id=f"syn-disease-{i + 1}", name=name, mondo_id=f"MONDO:{8_000_000 + i}",
                        category=parent.category, parents=[parent.id],
                        synonyms=[f"{parent.name} {i + 1}"],
                        description=f"A form of {parent.name}. " + _text(rng, sents, 3))
        add(kb.diseases, dis, "diseases")
        diseases.append(dis.id)
    mols: list[str] = []
    for i in range(counts["molecule"]):
        kind = rng.choice(MOL_KINDS)
        mol = s.Molecule(id=f"syn-mol-{i + 1}", name=f"signalling {kind} {i + 1}",
                         symbol=f"SGK{i + 1}", common_names=[f"SG{kind[:3].upper()}-{i + 1}"],
                         kind=kind, hgnc_id=f"HGNC:{900_000 + i}",
                         ncbi_gene_id=9_000_000 + i, uniprot=_uniprot(i),
                         description=_text(rng, sents, 3), sources=["synthetic"])
        add(kb.molecules, mol, "molecules")
        mols.append(mol.id)
    chains: list[str] = []
    for i in range(counts["chain"]):
        ch = s.Chain(id=f"syn-chain-{i + 1}", symbol=f"IL{100 + i}R", name=f"interleukin "
                     f"{100 + i} receptor", common_names=[f"IL-{100 + i}R"],
                     cd=f"CD{1000 + i}", hgnc_id=f"HGNC:{800_000 + i}",
                     ncbi_gene_id=8_000_000 + i, uniprot=_uniprot(50_000 + i), location="1q21",
                     shared=False, kinases=rng.sample(real_mols, 1),
                     description=_text(rng, sents, 3), sources=["synthetic"])
        add(kb.chains, ch, "chains")
        chains.append(ch.id)
    ils: list[str] = []
    for i in range(counts["interleukin"]):
        n = 100 + i
        links = rng.sample(cells[:2000] or [c.id for c in real_cells], 3)
        il = s.Interleukin(
            id=f"il-{n}", name=f"Interleukin-{n}", abbreviation=f"IL-{n}",
            aliases=[f"IL{n}", f"interleukin {n} like factor"], family=rng.choice(fams),
            status="established", summary=f"IL-{n} is a cytokine. " + _text(rng, sents, 2),
            genes=[s.Gene(symbol=f"IL{n}", hgnc_id=f"HGNC:{700_000 + i}",
                          ncbi_gene_id=7_000_000 + i, uniprot=_uniprot(100_000 + i),
                          location="5q31.1", length_aa=150 + i % 100)],
            protein=s.Protein(fold="four-helix bundle"),
            discovery=s.Discovery(year=1990 + i % 30, text=_text(rng, sents, 1)),
            producers=[s.CellLink(cell=links[0])],
            targets=[s.CellLink(cell=c) for c in links[1:]],
            receptors=[s.ReceptorComplex(name=f"IL-{n} receptor", kind="signalling",
                                         chains=[chains[i % len(chains)]] if chains else [],
                                         note="" if chains else "unknown")],
            signalling=s.Signalling(route="jak-stat", kinases=rng.sample(real_mols, 2),
                                    transcription_factors=rng.sample(mols[:500] or real_mols,
                                                                     1)),
            functions=_text(rng, sents, 5),
            diseases=[s.DiseaseRef(disease=d, kind=rng.choice(["driver", "biomarker",
                                                              "genetic"]))
                      for d in rng.sample(diseases[:5000] or [d.id for d in real_dis], 3)],
            references=[s.Reference(pmid=90_000_000 + 3 * i + k, title=f"IL-{n} study {k}",
                                    year=2000 + k) for k in range(3)],
            sources=["synthetic"])
        add(kb.interleukins, il, "interleukins")
        ils.append(il.id)
    for i in range(counts["drug"]):
        targets = rng.sample(ils, 1) if ils else [rng.choice(list(base.interleukins))]
        status: s.DrugStatus = "approved" if rng.random() < 0.25 else "investigational"
        drug = s.Drug(id=f"syn-drug-{i + 1}", name=f"synthemab {i + 1}", brands=[f"Synth{i + 1}"],
                      kind="monoclonal-antibody",
                      targets=[s.DrugTarget(binds=targets, interleukins=targets,
                                            effect="blocks", action=_text(rng, sents, 1))],
                      status=status, approval_year=2015 if status == "approved" else None,
                      indications=rng.sample(diseases[:5000] or [d.id for d in real_dis], 2),
                      description=_text(rng, sents, 3), sources=["synthetic"])
        add(kb.drugs, drug, "drugs")
    return kb


def check(kb: KnowledgeBase) -> list[str]:
    """The cross-reference checks `ildesk build-db` runs; returns the problems."""
    from ildesk.kb.validate import cross_check

    kb.problems = []
    cross_check(kb)
    return [str(p) for p in kb.problems]


if __name__ == "__main__":  # python -m tests.bench.synthetic [N] [OUT]
    import sys
    import time

    from ildesk.db.builder import build
    from ildesk.search import snapshot

    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/ildesk-synthetic.sqlite")
    t0 = time.perf_counter()
    big = synthetic(load(Path(__file__).resolve().parents[2] / "data"), total)
    t1 = time.perf_counter()
    result = build(big, out, snapshot.DERIVED)
    print(f"{result.pages} pages: generated in {t1 - t0:.1f} s, built in "
          f"{time.perf_counter() - t1:.1f} s → {out}")
