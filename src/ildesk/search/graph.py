"""The relation graph a named page's neighbourhood comes from, read once into memory.

When a query names a page, what a reader wants next follows it, grouped and ranked by how
closely it is linked (issue 15):

- an interleukin: its approved drugs, partner interleukins (a shared subunit, a private shared
  receptor chain, an antagonist), its receptor chains, approved drugs that act on many
  interleukins at once (JAK inhibitors), its other drugs, the diseases it drives or is a
  target in (strongest link first), its family;
- a drug: its target (interleukins, then the chains it binds), its indications, its class
  (drugs acting on the same interleukins, approved first);
- a disease: its interleukins, the drugs approved for it (or a subtype), the others tried;
- a receptor chain or signalling molecule: the interleukins that use it, the drugs that bind it;
- a cell type: the interleukins it makes and answers.

`neighbourhood` returns the groups as {title: [page ids]}; the engine orders them.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ildesk.kb.names import key
from ildesk.vocab import APPROVED, LINK_WEIGHT

# The groups of each kind of named page, closest first; the engine may move one forward for
# a question ("drugs for …").
GROUP_ORDER: dict[str, tuple[str, ...]] = {
    "interleukin": ("Drugs", "Receptor chains", "Related interleukins", "Broad-acting drugs",
                    "Other drugs", "Diseases", "Family"),
    "drug": ("Target", "Indications", "Same class"),
    "disease": ("Interleukins", "Drugs", "Other drugs", "Related diseases"),
    "receptor": ("Interleukins", "Drugs"),
    "molecule": ("Interleukins", "Drugs"),
    "cell_type": ("Interleukins it makes", "Interleukins"),
}
CAP = {"Related interleukins": 6, "Diseases": 12, "Family": 10, "Same class": 8,
       "Interleukins": 15, "Related diseases": 6, "Made by": 8, "Other drugs": 8}
SHARED_GENE = 3.0  # IL-12 and IL-23 share p40
ANTAGONIST = 2.5  # IL-1Ra and IL-1β
PRIVATE_CHAIN = 2.0  # IL-4 and IL-13 share IL-4Rα; a chain of three or fewer users
PARTNER_MIN = 1.0
CLASS_SCAN = 40  # drugs looked at per interleukin for a drug's class (a large index has many)
BROAD = 3  # a drug acting on more interleukins (a JAK inhibitor) follows the receptor chains
DRUG_BOOST = 0.5  # a disease an approved drug treats through this interleukin comes first


@dataclass
class Graph:
    approved: set[str] = field(default_factory=set)
    drugs_of: dict[str, list[str]] = field(default_factory=dict)  # il -> drugs, closest first
    chains_of: dict[str, list[str]] = field(default_factory=dict)  # il -> chains, signalling 1st
    partners: dict[str, list[str]] = field(default_factory=dict)  # il -> partner interleukins
    diseases_of: dict[str, list[str]] = field(default_factory=dict)  # il -> diseases, strongest
    families: dict[str, list[str]] = field(default_factory=dict)  # il -> its families
    members: dict[str, list[str]] = field(default_factory=dict)  # family -> members, in order
    makers: dict[str, list[str]] = field(default_factory=dict)  # il -> cells that make it
    products: dict[str, list[str]] = field(default_factory=dict)  # cell -> ils it makes
    targets_of: dict[str, list[str]] = field(default_factory=dict)  # drug -> ils, then binds
    indications: dict[str, list[str]] = field(default_factory=dict)  # drug -> diseases
    same_class: dict[str, list[str]] = field(default_factory=dict)  # drug -> related drugs
    drugs_for: dict[str, list[str]] = field(default_factory=dict)  # disease -> drugs
    related_diseases: dict[str, list[str]] = field(default_factory=dict)
    binders: dict[str, list[str]] = field(default_factory=dict)  # chain/molecule -> drugs
    side_effects: dict[str, list[str]] = field(default_factory=dict)  # drug or il -> list
    breadth: dict[str, int] = field(default_factory=dict)  # drug -> interleukins it acts on
    subunits: dict[str, list[str]] = field(default_factory=dict)  # p40 key -> il-12, il-23


def _add(table: dict[str, list[str]], k: str, v: str) -> None:
    vals = table.setdefault(k, [])
    if v not in vals and v != k:
        vals.append(v)


def load(c: sqlite3.Connection) -> Graph:
    """The graph, from the content database's link tables."""
    g = Graph()
    order = dict(c.execute("SELECT id, sort_key FROM page").fetchall())
    first: dict[str, tuple[int, int]] = {}  # approved anywhere before regionally, then earlier
    for did, status, year, effects in c.execute(
            "SELECT id, status, approval_year, side_effects FROM drug"):
        if status in APPROVED:
            g.approved.add(did)
        first[did] = (status != "approved", year or 9999)
        g.side_effects[did] = list(json.loads(effects or "[]"))
    drug_ils: dict[str, list[str]] = {}
    for did, binds, ils in c.execute(
            "SELECT drug_id, binds, interleukins FROM drug_target ORDER BY drug_id, position"):
        for il in json.loads(ils or "[]"):
            _add(drug_ils, did, il)
            _add(g.targets_of, did, il)
        for b in json.loads(binds or "[]"):
            _add(g.targets_of, did, b)
            _add(g.binders, b, did)

    def drug_rank(d: str, il: str | None = None) -> tuple[Any, ...]:
        direct = il is not None and il in g.targets_of.get(d, [])[len(drug_ils.get(d, [])):]
        return (d not in g.approved, len(drug_ils.get(d, [])), not direct, first[d],
                order.get(d, d))

    for did, ils in drug_ils.items():
        g.breadth[did] = len(ils)
        for il in ils:
            _add(g.drugs_of, il, did)
    for il, drugs in g.drugs_of.items():
        drugs.sort(key=functools.partial(_flip, drug_rank, il))
    for did, ils in drug_ils.items():
        mine = set(ils)
        overlap = {o: len(mine & set(drug_ils[o]))
                   for il in ils[:CLASS_SCAN] for o in g.drugs_of[il][:CLASS_SCAN] if o != did}
        g.same_class[did] = sorted(overlap, key=lambda o: (o not in g.approved, -overlap[o],
                                                           *drug_rank(o)[1:]))[:CAP["Same class"]]
    for did, dis in c.execute("SELECT drug_id, disease_id FROM drug_indication "
                              "ORDER BY drug_id, position"):
        _add(g.indications, did, dis)
    for anc, did, _direct in c.execute(
            "SELECT a.ancestor_id, x.drug_id, a.ancestor_id = x.disease_id "
            "FROM drug_indication x JOIN disease_ancestor a ON a.disease_id = x.disease_id "
            "ORDER BY 3 DESC"):
        _add(g.drugs_for, anc, did)
    for drugs in g.drugs_for.values():
        drugs.sort(key=lambda d: (d not in g.approved, order.get(d, d)))
    for did, parents in c.execute("SELECT id, parents FROM disease"):
        for p in json.loads(parents or "[]"):
            _add(g.related_diseases, did, p)
            _add(g.related_diseases, p, did)
    _interleukins(c, g, drug_ils, order)
    return g


def _interleukins(c: sqlite3.Connection, g: Graph, drug_ils: dict[str, list[str]],
                  order: dict[str, str]) -> None:
    users: dict[str, set[str]] = {}
    for il, chain in c.execute(
            "SELECT rc.interleukin_id, cc.chain_id FROM receptor_complex rc "
            "JOIN complex_chain cc ON cc.complex_id = rc.id "
            "ORDER BY rc.interleukin_id, rc.kind != 'signalling', rc.position, cc.position"):
        _add(g.chains_of, il, chain)
        users.setdefault(chain, set()).add(il)
    genes: dict[str, set[str]] = {}
    for il, symbol, subunit in c.execute("SELECT interleukin_id, symbol, subunit FROM gene"):
        genes.setdefault(symbol, set()).add(il)
        for name in (symbol, subunit):
            if name:
                _add(g.subunits, key(name), il)
    strength: dict[str, dict[str, float]] = {}

    def tie(a: str, b: str, w: float) -> None:
        if a != b:
            strength.setdefault(a, {})[b] = strength.get(a, {}).get(b, 0.0) + w
            strength.setdefault(b, {})[a] = strength.get(b, {}).get(a, 0.0) + w

    for sharing in genes.values():
        _pairs(sharing, SHARED_GENE, tie)
    for sharing in users.values():
        if len(sharing) <= 3:
            _pairs(sharing, PRIVATE_CHAIN / (len(sharing) - 1 or 1), tie)
    for il, ant in c.execute("SELECT interleukin_id, antagonist_id FROM antagonism"):
        tie(il, ant, ANTAGONIST)
    for il, others in strength.items():
        strong = [o for o, w in others.items() if w >= PARTNER_MIN]
        g.partners[il] = sorted(strong, key=lambda o: (-others[o], order.get(o, o)))
    treated: dict[tuple[str, str], int] = {}
    for il_drugs in drug_ils.items():
        did, ils = il_drugs
        if did in g.approved:
            for dis in g.indications.get(did, []):
                for il in ils:
                    treated[(il, dis)] = treated.get((il, dis), 0) + 1
    weight: dict[str, dict[str, tuple[float, int]]] = {}
    for il, dis, kind, pos in c.execute(
            "SELECT interleukin_id, disease_id, kind, position FROM disease_link"):
        w = LINK_WEIGHT.get(kind, 1.0) + DRUG_BOOST * min(treated.get((il, dis), 0), 3)
        old = weight.setdefault(il, {}).get(dis, (0.0, pos))
        weight[il][dis] = (max(old[0], w), min(old[1], pos))
    for il, per in weight.items():
        g.diseases_of[il] = sorted(per, key=lambda d: (-per[d][0], per[d][1]))
    members: dict[str, list[str]] = {}
    fams: dict[str, list[str]] = {}
    for il, fam, other, effects in c.execute(
            "SELECT id, family_id, other_families, side_effects FROM interleukin"):
        fams[il] = [fam, *json.loads(other or "[]")]
        for f in fams[il]:
            members.setdefault(f, []).append(il)
        g.side_effects[il] = list(json.loads(effects or "[]"))
    for f, ms in members.items():
        ms.sort(key=lambda i: order.get(i, i))
        g.members[f] = ms
    g.families = fams
    for il, cell in c.execute("SELECT interleukin_id, cell_type_id FROM cell_link "
                              "WHERE role = 'producer' ORDER BY interleukin_id, position"):
        _add(g.makers, il, cell)
        _add(g.products, cell, il)


def _family(g: Graph, il: str) -> list[str]:
    out: list[str] = []
    for f in g.families.get(il, []):
        for m in g.members.get(f, []):
            if m != il and m not in out:
                out.append(m)
            if len(out) > CAP["Family"]:
                return out
    return out


def _flip(rank: Callable[[str, str], tuple[Any, ...]], il: str, drug: str) -> tuple[Any, ...]:
    return rank(drug, il)


def _pairs(ils: Iterable[str], w: float, tie: object) -> None:
    items = sorted(ils)
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            tie(a, b, w)  # type: ignore[operator]


def neighbourhood(g: Graph, pid: str, kind: str, linked: list[str]) -> dict[str, list[str]]:
    """The groups that follow the page `pid` (of `kind`); `linked` is the engine's ranked
    list of the interleukins the page is about (for diseases, chains, cells, molecules)."""
    out: dict[str, list[str]]
    if kind == "interleukin":
        drugs = g.drugs_of.get(pid, [])
        broad = {d for d in drugs if g.breadth.get(d, 0) > BROAD}
        out = {"Drugs": [d for d in drugs if d in g.approved and d not in broad],
               "Broad-acting drugs": [d for d in drugs if d in g.approved and d in broad],
               "Other drugs": [d for d in drugs if d not in g.approved],
               "Related interleukins": g.partners.get(pid, []),
               "Receptor chains": g.chains_of.get(pid, []),
               "Diseases": g.diseases_of.get(pid, []),
               "Family": _family(g, pid),
               "Made by": g.makers.get(pid, [])}
    elif kind == "drug":
        out = {"Target": g.targets_of.get(pid, []), "Indications": g.indications.get(pid, []),
               "Same class": g.same_class.get(pid, [])}
    elif kind == "disease":
        drugs = g.drugs_for.get(pid, [])
        out = {"Interleukins": linked, "Drugs": [d for d in drugs if d in g.approved],
               "Other drugs": [d for d in drugs if d not in g.approved],
               "Related diseases": g.related_diseases.get(pid, [])}
    elif kind == "cell_type":  # what the cell makes first, then what acts on it
        makes = set(g.products.get(pid, []))
        out = {"Interleukins it makes": [i for i in linked if i in makes]
               + [i for i in g.products.get(pid, []) if i not in linked],
               "Interleukins": [i for i in linked if i not in makes],
               "Drugs": g.binders.get(pid, [])}
    else:
        out = {"Interleukins": linked, "Drugs": g.binders.get(pid, [])}
    return {title: ids[:CAP.get(title, 20)] for title, ids in out.items() if ids}
