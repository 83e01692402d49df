"""The search-quality table: queries a reader types, in named classes, and what must come back.

A case is (query, expected, k): `expected` lists page ids (a tuple inside it means "any of
these", e.g. one of the IL-36 agonists), each within the top `k`; the first is the query's main
answer, used for recall@1 and the reciprocal rank. A case may also name `absent` pages (look-
alikes that must stay out of the top 5) and `neighbours` (what the named page must bring,
each within the top 15: neighbourhood recall).

Hand-written classes are below; others are generated from the content database's own tables
(every interleukin in three spellings, every approved drug of every interleukin, every brand,
chain symbol and CD, cell type and disease name), read with plain SQL, not through the search.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from ildesk.search import Searcher
from ildesk.vocab import APPROVED

IL36 = ("il-36a", "il-36b", "il-36g")
# Per class: (recall@5, MRR, neighbourhood recall) bars. Chains answer with the interleukin
# a private chain belongs to (CD25 → IL-2, then IL2RA), so their MRR bar is lower by design.
BARS: dict[str, tuple[float, float, float | None]] = {
    "names": (0.98, 0.95, None), "neighbourhood": (1.0, 0.95, 0.95),
    "look-alikes": (1.0, 0.95, None), "questions": (0.95, 0.75, None),
    "variants": (0.95, 0.85, None), "typos": (0.9, 0.9, None), "brands": (0.98, 0.95, None),
    "chains": (0.95, 0.7, None), "cells": (0.95, 0.9, None), "diseases": (0.95, 0.9, None),
    "drugs": (0.95, 0.9, None),
}
NEIGHBOURHOOD_K = 15
CLASSES = ("names", "neighbourhood", "look-alikes", "questions", "variants", "typos",
           "brands", "chains", "cells", "diseases", "drugs")


@dataclass(frozen=True)
class Case:
    cls: str
    query: str
    expected: list[str | tuple[str, ...]]
    k: int = 5
    absent: list[str] = field(default_factory=list)
    neighbours: list[str] = field(default_factory=list)


def _c(cls: str, rows: list[tuple[str, list[str | tuple[str, ...]], int]]) -> list[Case]:
    return [Case(cls, q, e, k) for q, e, k in rows]


HAND: list[Case] = [
    *_c("names", [
        ("Interleukin-2", ["il-2"], 1), ("TCGF", ["il-2"], 1), ("T cell growth factor", ["il-2"], 1),
        ("IL-1β", ["il-1b"], 1), ("IL-1b", ["il-1b"], 1), ("IL-1 beta", ["il-1b"], 1),
        ("IL1B", ["il-1b"], 1), ("IL-1α", ["il-1a"], 1), ("BSF-2", ["il-6"], 1),
        ("CSIF", ["il-10"], 1), ("CXCL8", ["il-8"], 1), ("IL-17E", ["il-25"], 1),
        ("IL-1Ra", ["il-1ra"], 1), ("il17a", ["il-17a"], 1), ("IL 36 gamma", ["il-36g"], 1),
        ("Metrnl", ["il-41"], 1), ("IFN-λ1", ["il-29"], 1), ("il 6", ["il-6"], 1),
        ("IL-1", [("il-1a", "il-1b"), "il-1ra"], 3),
    ]),
    Case("look-alikes", "IL-1", [("il-1a", "il-1b")], 3,
         absent=["il-10", "il-11", "il-12", "il-13", "il-15", "il-16", "il-17a", "il-18"]),
    Case("look-alikes", "il1", [("il-1a", "il-1b")], 3, absent=["il-10", "il-12", "il-18"]),
    Case("look-alikes", "IL2", ["il-2"], 1, absent=["il-20", "il-21", "il-22", "il-23"]),
    Case("look-alikes", "interleukin 2", ["il-2"], 1, absent=["il-20", "il-21", "il-23"]),
    Case("look-alikes", "IL4", ["il-4"], 1, absent=["il-40", "il-41"]),
    Case("look-alikes", "IL 3", ["il-3"], 1, absent=["il-30", "il-31", "il-33"]),
    Case("look-alikes", "IL-1α", ["il-1a"], 1, absent=["il-10", "il-11"]),
    Case("look-alikes", "IL-17", [("il-17a", "il-17f")], 2, absent=["il-170"]),
    *_c("chains", [
        ("p40", ["il-12", "il-23"], 5), ("p35", ["il-12", "il-35"], 5),
        ("EBI3", ["il-27", "il-35"], 5), ("p19", ["il-23"], 5),
        ("CD25", ["il-2"], 1), ("gp130", ["il6st", "il-6", "il-11", "il-27"], 5),
        ("common gamma chain", ["il2rg", "il-2", "il-4", "il-7", "il-9", "il-15", "il-21"], 7),
        ("γc", ["il2rg"], 1), ("CD132", ["il2rg"], 1), ("ST2", ["il1rl1", "il-33"], 5),
        ("IL-4Rα", ["il4r", "il-4"], 5), ("IL6R", ["il6r", "il-6"], 5),
        ("CD123", ["il3ra", "il-3"], 5),
        ("JAK3", ["jak3", "il-2"], 5), ("STAT6", ["stat6", "il-4", "il-13"], 5),
        ("STAT4", ["stat4", "il-12"], 5), ("Act1", ["traf3ip2", "il-17a"], 5),
    ]),
    *_c("drugs", [
        ("aldesleukin", ["aldesleukin", "il-2"], 5), ("tocilizumab", ["tocilizumab", "il-6"], 5),
        ("dupilumab", ["dupilumab", "il-4", "il-13"], 5),
        ("secukinumab", ["secukinumab", "il-17a"], 5),
        ("ustekinumab", ["ustekinumab", "il-12", "il-23"], 5),
        ("mepolizumab", ["mepolizumab", "il-5"], 5), ("benralizumab", ["benralizumab", "il-5"], 5),
        ("basiliximab", ["basiliximab", "il-2"], 5), ("canakinumab", ["canakinumab", "il-1b"], 5),
        ("siltuximab", ["siltuximab", "il-6"], 5), ("nemolizumab", ["nemolizumab", "il-31"], 5),
        ("oprelvekin", ["oprelvekin", "il-11"], 5),
        ("anakinra", ["anakinra", "il-1b", "il-1a"], 5), ("spesolimab", ["spesolimab", IL36], 5),
    ]),
    *_c("typos", [
        ("interlukin 6", ["il-6"], 1), ("psoriasiss", ["psoriasis"], 1),
        ("tocilizumabb", ["tocilizumab"], 1), ("tocilizumbab", ["tocilizumab"], 1),
        ("secukinumabb", ["secukinumab"], 1), ("interleukn 2", ["il-2"], 1),
        ("dupilumb", ["dupilumab"], 1), ("astma", ["asthma"], 1), ("melanomma", ["melanoma"], 1),
        ("rheumatoid arthritus", ["rheumatoid-arthritis"], 1),
    ]),
    *_c("diseases", [
        ("psoriasis", ["psoriasis", "il-17a", "il-23", IL36], 5),
        ("melanoma", ["melanoma", "il-2"], 5), ("asthma", ["asthma", "il-5", "il-13", "il-4"], 5),
        ("atopic dermatitis", ["atopic-dermatitis", "il-4", "il-13"], 5),
        ("rheumatoid arthritis", ["rheumatoid-arthritis", "il-6"], 5),
        ("gout", ["gout", "il-1b"], 5), ("Castleman disease", ["il-6"], 5),
        ("hepatitis C", ["hepatitis-c", "il-28b"], 5),
        ("generalized pustular psoriasis", ["generalized-pustular-psoriasis", IL36], 5),
        ("renal cell carcinoma", ["renal-cell-carcinoma", "il-2"], 5),
    ]),
    *_c("cells", [
        ("mast cells", ["mast-cell", "il-3", "il-4", "il-9", "il-33"], 10),
        ("Th17 cells", ["th17-cell", "il-17a"], 5), ("eosinophils", ["eosinophil", "il-5"], 5),
        ("regulatory T cells", ["treg", "il-10"], 5),
    ]),
    *_c("questions", [
        ("Actemra side effects", ["tocilizumab"], 1),
        ("side effects of aldesleukin", ["aldesleukin"], 1),
        ("drugs for psoriasis", ["secukinumab", "ixekizumab", "ustekinumab", "guselkumab",
                                 "risankizumab"], 15),
        ("drugs for asthma", ["mepolizumab", "benralizumab", "dupilumab"], 5),
        ("drugs for rheumatoid arthritis", ["tocilizumab", "sarilumab", "anakinra"], 10),
        ("treatment for gout", ["canakinumab", "gout"], 5),
        ("IL-17 inhibitors", ["secukinumab", "ixekizumab"], 5),
        ("how does IL-6 work", ["il-6"], 1), ("how does dupilumab work", ["dupilumab"], 1),
        ("what makes IL-17A", ["il-17a", "th17-cell"], 3),
        ("which cells make IL-4", ["il-4", "th2-cell"], 3),
        ("what do Th17 cells make", ["th17-cell", "il-17a", "il-17f", "il-22", "il-21"], 7),
        ("which interleukin drives psoriasis", ["psoriasis", "il-23", "il-17a"], 5),
        ("what is gp130", ["il6st", "il-6"], 3),
        ("cartilage damage", ["il-1b"], 5), ("neutrophil chemotaxis", ["il-8"], 3),
        ("hepatitis B reactivation", ["hepatitis-b"], 1),
        ("IL-6 in rheumatoid arthritis", ["il-6", "rheumatoid-arthritis"], 5),
        ("anti-inflammatory", ["il-10"], 3), ("itch", ["il-31"], 5),
        ("what does IL-10 do", ["il-10"], 1),
    ]),
    *_c("variants", [
        ("haematopoietic", ["hematopoietic-cell"], 3), ("leukaemia", ["leukemia"], 1),
        ("anaemia", ["aplastic-anemia"], 3), ("oesophagitis", ["eosinophilic-esophagitis"], 1),
        ("coeliac disease", ["celiac-disease"], 1), ("oedema", ["il-11"], 10),
        ("haemophagocytic lymphohistiocytosis", ["hemophagocytic-lymphohistiocytosis"], 1),
        ("IL-1beta", ["il-1b"], 1), ("interleukin 1 beta", ["il-1b"], 1),
        ("chemoattractant neutrophils", ["il-8"], 3), ("chemotactic neutrophils", ["il-8"], 5),
        ("RA", ["rheumatoid-arthritis"], 1), ("IBD", ["inflammatory-bowel-disease"], 1),
        ("MS", ["multiple-sclerosis"], 1), ("SLE", ["systemic-lupus-erythematosus"], 1),
        ("AD", [("atopic-dermatitis", "alzheimer-disease")], 2),
        ("CRS", [("cytokine-release-syndrome", "chronic-rhinosinusitis")], 2),
        ("GPP", ["generalized-pustular-psoriasis"], 1), ("HS", ["hidradenitis-suppurativa"], 1),
        ("CRSwNP", ["chronic-rhinosinusitis-with-nasal-polyps"], 1), ("COPD", ["copd"], 1),
        ("IL-6 in RA", ["il-6"], 3), ("anti inflammatory", ["il-10"], 5),
    ]),
]


def generated(conn: sqlite3.Connection) -> list[Case]:
    """The classes that cover every entry of a kind, from the database's own tables."""
    out: list[Case] = []
    approved = tuple(sorted(APPROVED))
    marks = ",".join("?" * len(approved))
    ils = conn.execute("SELECT i.id, i.abbreviation FROM interleukin i "
                       "JOIN page p ON p.id = i.id ORDER BY p.sort_key").fetchall()
    abbreviations = {abbr: il for il, abbr in ils}
    for il, abbr in ils:
        m = re.fullmatch(r"IL-(\d+)(.*)", abbr)
        rest = m.group(2) if m else ""
        spellings = [abbr, abbr.replace("-", ""), f"interleukin {m.group(1)}{rest}"] if m \
            else [abbr]
        out += [Case("names", s, [il], 1) for s in spellings]
        drugs = [d for (d,) in conn.execute(
            "SELECT di.drug_id FROM drug_interleukin di JOIN drug d ON d.id = di.drug_id "
            f"WHERE di.interleukin_id = ? AND d.status IN ({marks}) ORDER BY 1",
            (il, *approved))]
        if drugs:
            out.append(Case("neighbourhood", abbr, [il], 1, neighbours=drugs))
        longer = [other for name, other in abbreviations.items()
                  if name.startswith(abbr) and name[len(abbr):len(abbr) + 1].isdigit()]
        if longer:
            out.append(Case("look-alikes", abbr, [il], 1, absent=longer))
    for did, brands in conn.execute("SELECT id, brands FROM drug ORDER BY id"):
        for brand in re.findall(r'"([^"]+)"', brands or "")[:1]:
            out.append(Case("brands", brand, [did], 1))
    for cid, symbol, cd in conn.execute("SELECT id, symbol, cd FROM chain ORDER BY id"):
        out.append(Case("chains", symbol, [cid], 2))
        if cd:
            out.append(Case("chains", cd, [cid], 2))
    for cid, name in conn.execute("SELECT p.id, p.name FROM page p WHERE p.kind = 'cell_type' "
                                  "AND p.id IN (SELECT cell_type_id FROM cell_link) "
                                  "ORDER BY p.id"):
        out.append(Case("cells", name, [cid], 1))
    for did, name in conn.execute("SELECT id, name FROM page WHERE kind = 'disease' "
                                  "ORDER BY id"):
        out.append(Case("diseases", name, [did], 1))
    return out


def cases(searcher: Searcher) -> list[Case]:
    return [*HAND, *generated(searcher.conn)]


# The scores of this session's run (tests/test_search_quality.py fills it), for the summary
# that tests/conftest.py prints.
RESULTS: dict[str, ClassScores] = {}


@dataclass
class ClassScores:
    queries: int = 0
    recall_at_1: float = 0.0
    recall_at_5: float = 0.0
    mrr: float = 0.0
    neighbourhood: float | None = None  # recall of `neighbours` within the top 15
    dead_ends: int = 0  # queries that ended in no results at all
    failures: list[str] = field(default_factory=list)


def _rank(ids: list[str], want: str | tuple[str, ...]) -> int | None:
    wanted = (want,) if isinstance(want, str) else want
    for i, page_id in enumerate(ids, 1):
        if page_id in wanted:
            return i
    return None


def evaluate(searcher: Searcher, table: list[Case] | None = None) -> dict[str, ClassScores]:
    """Scores per class (and "all"), with a line for every case below its bar."""
    table = cases(searcher) if table is None else table
    sums: dict[str, ClassScores] = {}
    hood: dict[str, list[float]] = {}
    for case in table:
        s = sums.setdefault(case.cls, ClassScores())
        ids = [h.id for h in searcher.search(case.query, limit=max(20, NEIGHBOURHOOD_K)).hits]
        s.queries += 1
        s.dead_ends += not ids
        ranks = [_rank(ids, e) for e in case.expected]
        first = ranks[0]
        s.recall_at_1 += first == 1
        s.mrr += 1.0 / first if first else 0.0
        found = sum(1 for r in ranks if r is not None and r <= max(5, case.k))
        intruders = [a for a in case.absent if a in ids[:5]]
        s.recall_at_5 += (found / len(ranks)) * (0.0 if intruders else 1.0)
        missed = [e for e, r in zip(case.expected, ranks, strict=True) if r is None or r > case.k]
        if case.neighbours:
            top = ids[:NEIGHBOURHOOD_K]
            got = [n for n in case.neighbours if n in top]
            hood.setdefault(case.cls, []).append(len(got) / len(case.neighbours))
            missed += [n for n in case.neighbours if n not in top]
        if missed or intruders:
            s.failures.append(f"[{case.cls}] {case.query!r}: missing {missed}, look-alikes "
                              f"{intruders} (got {ids[:max(case.k, 5)]})")
    total = ClassScores()
    for cls, s in sums.items():
        n = s.queries
        total.queries += n
        total.recall_at_1 += s.recall_at_1
        total.recall_at_5 += s.recall_at_5
        total.mrr += s.mrr
        total.dead_ends += s.dead_ends
        total.failures += s.failures
        s.recall_at_1, s.recall_at_5, s.mrr = s.recall_at_1 / n, s.recall_at_5 / n, s.mrr / n
        if cls in hood:
            s.neighbourhood = sum(hood[cls]) / len(hood[cls])
    n = total.queries or 1
    total.recall_at_1, total.recall_at_5, total.mrr = (total.recall_at_1 / n,
                                                       total.recall_at_5 / n, total.mrr / n)
    every = [x for v in hood.values() for x in v]
    total.neighbourhood = sum(every) / len(every) if every else None
    return {**{c: sums[c] for c in CLASSES if c in sums}, "all": total}
