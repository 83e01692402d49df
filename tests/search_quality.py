"""The search-quality table: queries a reader types, and the pages that must come back.

Each case: (query, expected, k). `expected` lists page ids (a tuple inside it means "any of
these", e.g. one of the IL-36 agonists); each must appear within the top `k`. The first
expected page is the query's main answer, used for recall@1 and the reciprocal rank.
"""

from __future__ import annotations

from dataclasses import dataclass

from ildesk.search import Searcher

IL36 = ("il-36a", "il-36b", "il-36g")

# The scores of this session's run (tests/test_search_quality.py fills it), for the summary
# that tests/conftest.py prints.
RESULTS: dict[str, float] = {}

CASES: list[tuple[str, list[str | tuple[str, ...]], int]] = [
    # names in every spelling
    ("IL2", ["il-2"], 1), ("il-2", ["il-2"], 1), ("IL 2", ["il-2"], 1),
    ("Interleukin 2", ["il-2"], 1), ("interleukin-2", ["il-2"], 1),
    ("Interleukin-2", ["il-2"], 1), ("IL-2", ["il-2"], 1), ("TCGF", ["il-2"], 1),
    ("T cell growth factor", ["il-2"], 1), ("IL-1β", ["il-1b"], 1), ("IL-1b", ["il-1b"], 1),
    ("IL-1 beta", ["il-1b"], 1), ("IL1B", ["il-1b"], 1), ("IL-1α", ["il-1a"], 1),
    ("BSF-2", ["il-6"], 1), ("CSIF", ["il-10"], 1), ("CXCL8", ["il-8"], 1),
    ("IL-8", ["il-8"], 1), ("IL-17E", ["il-25"], 1), ("IL-1Ra", ["il-1ra"], 1),
    ("interleukin 33", ["il-33"], 1), ("il17a", ["il-17a"], 1), ("IL 36 gamma", ["il-36g"], 1),
    ("Metrnl", ["il-41"], 1), ("IFN-λ1", ["il-29"], 1),
    # subunits and receptor chains
    ("p40", ["il-12", "il-23"], 5), ("p35", ["il-12", "il-35"], 5),
    ("EBI3", ["il-27", "il-35"], 5), ("p19", ["il-23"], 5),
    ("CD25", ["il-2"], 1), ("gp130", ["il6st", "il-6", "il-11", "il-27"], 5),
    ("common gamma chain", ["il2rg", "il-2", "il-4", "il-7", "il-9", "il-15", "il-21"], 7), ("γc", ["il2rg"], 1),
    ("CD132", ["il2rg"], 1), ("ST2", ["il1rl1", "il-33"], 5), ("IL-4Rα", ["il4r", "il-4"], 5),
    ("IL6R", ["il6r", "il-6"], 5), ("CD123", ["il3ra", "il-3"], 5),
    # drugs lead to their interleukins
    ("aldesleukin", ["aldesleukin", "il-2"], 5), ("tocilizumab", ["tocilizumab", "il-6"], 5),
    ("dupilumab", ["dupilumab", "il-4", "il-13"], 5), ("secukinumab", ["secukinumab", "il-17a"], 5),
    ("ustekinumab", ["ustekinumab", "il-12", "il-23"], 5), ("mepolizumab", ["mepolizumab", "il-5"], 5),
    ("benralizumab", ["benralizumab", "il-5"], 5), ("basiliximab", ["basiliximab", "il-2"], 5), ("canakinumab", ["canakinumab", "il-1b"], 5),
    ("siltuximab", ["siltuximab", "il-6"], 5), ("nemolizumab", ["nemolizumab", "il-31"], 5), ("oprelvekin", ["oprelvekin", "il-11"], 5),
    ("anakinra", ["anakinra", "il-1b", "il-1a"], 5), ("spesolimab", ["spesolimab", IL36], 5),
    ("Actemra", ["tocilizumab", "il-6"], 5),
    # signalling molecules
    ("JAK3", ["jak3", "il-2"], 5), ("STAT6", ["stat6", "il-4", "il-13"], 5),
    ("STAT4", ["stat4", "il-12"], 5), ("Act1", ["traf3ip2", "il-17a"], 5),
    # typos
    ("interlukin 6", ["il-6"], 1), ("psoriasiss", ["psoriasis"], 1),
    ("tocilizumabb", ["tocilizumab"], 1),
    # diseases
    ("psoriasis", ["psoriasis", "il-17a", "il-23", IL36], 5), ("melanoma", ["melanoma", "il-2"], 5),
    ("asthma", ["asthma", "il-5", "il-13", "il-4"], 5),
    ("atopic dermatitis", ["atopic-dermatitis", "il-4", "il-13"], 5),
    ("rheumatoid arthritis", ["rheumatoid-arthritis", "il-6"], 5),
    ("gout", ["gout", "il-1b"], 5), ("Castleman disease", ["il-6"], 5),
    ("hepatitis C", ["hepatitis-c", "il-28b"], 5),
    ("generalized pustular psoriasis", ["generalized-pustular-psoriasis", IL36], 5),
    ("renal cell carcinoma", ["renal-cell-carcinoma", "il-2"], 5),
    # cells
    ("mast cells", ["mast-cell", "il-3", "il-4", "il-9", "il-33"], 10),
    ("Th17 cells", ["th17-cell", "il-17a"], 5), ("eosinophils", ["eosinophil", "il-5"], 5),
    ("regulatory T cells", ["treg", "il-10"], 5),
    # concepts
    ("anti-inflammatory", ["il-10"], 3),
]


@dataclass(frozen=True)
class Scores:
    recall_at_1: float
    recall_at_5: float
    mrr: float
    failures: list[str]


def _rank(ids: list[str], want: str | tuple[str, ...]) -> int | None:
    wanted = (want,) if isinstance(want, str) else want
    for i, page_id in enumerate(ids, 1):
        if page_id in wanted:
            return i
    return None


def evaluate(searcher: Searcher) -> Scores:
    top1 = recall5 = rr = 0.0
    failures = []
    for query, expected, k in CASES:
        ids = [h.id for h in searcher.search(query, limit=20).hits]
        ranks = [_rank(ids, e) for e in expected]
        first = ranks[0]
        top1 += first == 1
        rr += 1.0 / first if first else 0.0
        recall5 += sum(1 for r in ranks if r is not None and r <= max(5, k)) / len(ranks)
        missed = [e for e, r in zip(expected, ranks, strict=True) if r is None or r > k]
        if missed:
            failures.append(f"{query!r}: {missed} not in top {k} (got {ids[:k]})")
    n = len(CASES)
    return Scores(top1 / n, recall5 / n, rr / n, failures)
