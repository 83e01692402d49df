"""The knowledge base is complete and consistent enough to be an encyclopedia (issue 3)."""

from __future__ import annotations

import re

from ildesk.kb.names import key
from ildesk.kb.prose import paragraphs

EXPECTED = {
    "il-1a", "il-1b", "il-1ra", "il-2", "il-3", "il-4", "il-5", "il-6", "il-7", "il-8", "il-9",
    "il-10", "il-11", "il-12", "il-13", "il-14", "il-15", "il-16", "il-17a", "il-17b", "il-17c",
    "il-17d", "il-25", "il-17f", "il-18", "il-19", "il-20", "il-21", "il-22", "il-23", "il-24",
    "il-26", "il-27", "il-28a", "il-28b", "il-29", "il-30", "il-31", "il-32", "il-33", "il-34",
    "il-35", "il-36a", "il-36b", "il-36g", "il-36ra", "il-37", "il-38", "il-39", "il-40",
    "il-41",
}
HETERODIMERS = {"il-12": 2, "il-23": 2, "il-27": 2, "il-35": 2, "il-39": 2}
REQUIRED_DRUGS = {
    "aldesleukin", "anakinra", "canakinumab", "rilonacept", "tocilizumab", "sarilumab",
    "siltuximab", "basiliximab", "mepolizumab", "reslizumab", "benralizumab", "dupilumab",
    "tralokinumab", "lebrikizumab", "secukinumab", "ixekizumab", "brodalumab", "bimekizumab",
    "ustekinumab", "guselkumab", "risankizumab", "tildrakizumab", "mirikizumab", "nemolizumab",
    "spesolimab", "oprelvekin",
}


def test_every_named_interleukin_has_an_entry(kb):
    assert set(kb.interleukins) >= EXPECTED
    assert len(kb.interleukins) >= 50


def test_disputed_names_say_so(kb):
    for il in ("il-14", "il-39", "il-30"):
        entry = kb.interleukins[il]
        assert entry.status in ("disputed", "withdrawn") and len(entry.status_note) > 40


def test_entries_are_complete(kb):
    for il in kb.interleukins.values():
        assert len(il.references) >= 3, il.id
        assert len(paragraphs(il.functions)) >= 2 or len(il.functions) > 600, il.id
        assert il.producers and il.targets and il.receptors and il.sources, il.id
        assert len(il.discovery.text) > 60, il.id


def test_heterodimers_name_each_subunit_gene(kb):
    for il, n in HETERODIMERS.items():
        genes = kb.interleukins[il].genes
        assert len(genes) >= n and all(g.subunit for g in genes), il


def test_same_gene_same_identifiers_everywhere(kb):
    seen: dict[str, tuple] = {}
    for il in kb.interleukins.values():
        for g in il.genes:
            ids = (g.hgnc_id, g.ncbi_gene_id, g.uniprot, g.location, g.length_aa)
            assert seen.setdefault(g.symbol, ids) == ids, (il.id, g.symbol)


def test_shared_tables_are_rich_enough(kb):
    linked_cells = {c.cell for il in kb.interleukins.values() for c in [*il.producers, *il.targets]}
    linked_diseases = {d.disease for il in kb.interleukins.values() for d in il.diseases}
    linked_drugs = {d.id for d in kb.drugs.values() if any(t.interleukins for t in d.targets)}
    assert len(linked_cells) >= 60
    assert len(linked_diseases) >= 60
    assert len(linked_drugs) >= 40
    assert set(kb.drugs) >= REQUIRED_DRUGS


def test_shared_receptor_chains_are_marked(kb):
    for chain in ("il2rg", "il6st", "il12rb1", "il10rb", "il17ra", "il1rap", "csf2rb", "il4r"):
        assert kb.chains[chain].shared, chain


def test_t_cell_contains_its_subsets_and_leukocyte_contains_all_blood_cells(kb):
    def ancestors(cell: str) -> set[str]:
        out, stack = set(), [cell]
        while stack:
            for p in kb.cell_types[stack.pop()].parents:
                if p not in out:
                    out.add(p)
                    stack.append(p)
        return out

    for subset in ("cd4-t-cell", "th1-cell", "th2-cell", "th17-cell", "treg"):
        assert "t-cell" in ancestors(subset), subset
    for cell in ("neutrophil", "mast-cell", "nk-cell", "b-cell", "monocyte", "eosinophil"):
        assert "leukocyte" in ancestors(cell), cell
    assert all("cell" in ancestors(c) for c in kb.cell_types if c != "cell")


def test_disease_categories_cover_the_main_groups(kb):
    categories = {d.category for d in kb.diseases.values()}
    assert {"autoimmune", "allergic", "cancer", "autoinflammatory", "infectious"} <= categories


def test_every_alias_belongs_to_one_entry(kb):
    owners: dict[str, str] = {}
    for il in kb.interleukins.values():
        for name in [il.name, il.abbreviation, *il.aliases]:
            assert owners.setdefault(key(name), il.id) == il.id, name


def test_overview_articles_exist(kb):
    for article in ("what-are-interleukins", "naming-and-counting", "interleukin-families",
                    "jak-stat-signalling", "interleukins-in-cancer-therapy",
                    "side-effects-of-interleukin-therapy", "interleukins-in-autoimmune-disease",
                    "glossary"):
        assert len(kb.articles[article].body.split()) > 400, article


def test_drugs_that_bind_a_receptor_say_so(kb):
    assert "il6r" in kb.drugs["tocilizumab"].targets[0].binds
    assert "il4r" in kb.drugs["dupilumab"].targets[0].binds
    assert "il5ra" in kb.drugs["benralizumab"].targets[0].binds
    assert "il17ra" in kb.drugs["brodalumab"].targets[0].binds
    assert "il-5" in kb.drugs["mepolizumab"].targets[0].binds


def test_prose_has_no_raw_html(kb):
    for il in kb.interleukins.values():
        assert not re.search(r"<[a-zA-Z/]", il.functions + il.therapy + il.summary), il.id
