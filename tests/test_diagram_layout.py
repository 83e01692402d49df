"""The signalling diagram's geometry, for every interleukin in the built database (no Qt)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from diagram_support import labels, near, problems
from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.diagram import Diagram, layout_family, layout_interleukin


def _page(content: Content, page_id: str) -> dict[str, Any]:
    page = pages.page(content, page_id)
    assert page is not None
    return page


def _diagram(content: Content, page_id: str) -> Diagram:
    return layout_interleukin(_page(content, page_id), pages.labels(content))


def test_every_interleukin_lays_out_cleanly(content: Content) -> None:
    ids = [p["id"] for p in pages.list_pages(content, "interleukin")]
    assert len(ids) > 30
    bad = {}
    for page_id in ids:
        d = layout_interleukin(_page(content, page_id))
        assert d.nodes and d.edges and d.lanes and d.legend
        found = problems(d)
        if found:
            bad[page_id] = found[:5]
    assert not bad, bad


def test_every_family_view_lays_out_cleanly(content: Content) -> None:
    for fam in pages.families(content):
        members = [_page(content, m["id"]) for m in fam["members"]]
        d = layout_family(fam, members)
        assert not problems(d), (fam["id"], problems(d)[:5])


def test_labels_fit_their_boxes(content: Content) -> None:
    from ildesk.diagram.model import text_width

    d = _diagram(content, "il-6")
    for n in d.nodes:
        assert n.w >= text_width(n.label, 11, bold=True) + 8, n  # the font's real widths


def test_il6_names_its_receptor_kinase_stat_and_drugs(content: Content) -> None:
    d = _diagram(content, "il-6")
    names = labels(d)
    for name in ("IL-6", "IL6R", "IL6ST", "JAK1", "STAT3", "tocilizumab", "sarilumab"):
        assert name in names, name
    il6r = next(n for n in d.nodes if n.label == "IL6R")
    for drug in ("tocilizumab", "sarilumab"):
        box = next(n for n in d.nodes if n.label == drug)
        assert near(box, il6r, 60), drug
        assert any(e.source == box.id and e.target == il6r.id and e.kind == "inhibits"
                   for e in d.edges)
    assert any(n.label == "IL6ST" and n.shared for n in d.nodes)
    jak1 = next(n for n in d.nodes if n.label == "JAK1")
    gp130 = next(n for n in d.nodes if n.label == "IL6ST")
    assert abs(jak1.cx - gp130.cx) < 1 and jak1.y >= gp130.bottom  # JAK1 under its chain


def test_il1b_draws_the_myd88_cascade(content: Content) -> None:
    d = _diagram(content, "il-1b")
    names = labels(d)
    for name in ("IL-1β", "IL1R1", "IL1RAP", "MYD88", "IRAK4", "TRAF6", "NF-κB", "anakinra",
                 "canakinumab"):
        assert name in names, name
    assert any(n.kind == "decoy" and n.label == "IL1R2" for n in d.nodes)
    by_label = {n.label: n.id for n in d.nodes}
    assert any(e.source == by_label["MYD88"] and e.target == by_label["IRAK4"] for e in d.edges)
    assert d.lane("nucleus") is not None


def test_il2_shows_its_three_receptor_complexes(content: Content) -> None:
    d = _diagram(content, "il-2")
    assert len([n for n in d.nodes if n.kind == "ligand"]) == 3
    assert len(d.captions) == 3
    assert any("high-affinity" in c.text.replace("\n", " ") for c in d.captions)


def test_il8_is_drawn_as_a_gpcr(content: Content) -> None:
    d = _diagram(content, "il-8")
    gpcrs = [n for n in d.nodes if n.style == "gpcr"]
    assert {n.label for n in gpcrs} == {"CXCR1", "CXCR2"}
    assert any(n.kind == "adaptor" and "G protein" in n.label for n in d.nodes)
    assert not any(n.label.startswith("JAK") for n in d.nodes)


def test_heterodimer_shows_both_subunits(content: Content) -> None:
    d = _diagram(content, "il-23")
    subunits = [n for n in d.nodes if n.kind == "subunit"]
    assert {n.label.split("\n")[0] for n in subunits} == {"p19", "p40"}


def test_unknown_receptor_is_said_plainly(content: Content) -> None:
    d = _diagram(content, "il-40")
    assert any("not identified" in n.label for n in d.nodes)


def test_layout_is_deterministic(content: Content) -> None:
    page = _page(content, "il-6")
    assert layout_interleukin(page) == layout_interleukin(page)
    assert layout_interleukin(page).edges == layout_interleukin(_page(content, "il-6")).edges


def test_family_view_centres_the_shared_chain(content: Content) -> None:
    fam = next(f for f in pages.families(content) if "il2rg" in f["shared_chains"])
    members = [_page(content, m["id"]) for m in fam["members"]]
    d = layout_family(fam, members)
    shared = [n for n in d.nodes if n.shared]
    assert [n.label for n in shared] == ["IL2RG"]
    ligands = {n.label for n in d.nodes if n.kind == "ligand"}
    assert {"IL-2", "IL-4", "IL-7", "IL-9", "IL-15", "IL-21"} <= ligands
    assert {e.source for e in d.edges if e.target == shared[0].id} >= {
        n.id for n in d.nodes if n.kind == "ligand"}


def test_every_print_diagram_lays_out_cleanly(content: Content) -> None:
    bad = {}
    for p in pages.list_pages(content, "interleukin"):
        d = layout_interleukin(_page(content, p["id"]), compact=True)
        assert d.compact and not d.legend and d.legend_keys
        assert d.lanes[0].y == 0  # no room kept for a title
        found = problems(d)
        if found:
            bad[p["id"]] = found[:5]
    assert not bad, bad


def test_print_diagram_names_drugs_in_one_box(content: Content) -> None:
    page = _page(content, "il-6")
    d = layout_interleukin(page, compact=True)
    jak_box = next(n for n in d.nodes if "ruxolitinib" in n.label)
    assert all(name in jak_box.label for name in ("baricitinib", "tofacitinib",
                                                   "upadacitinib"))
    assert jak_box.page_id is None  # a group is not one page
    full = layout_interleukin(page)
    body = full.lanes[-1].y + full.lanes[-1].h - full.lanes[0].y
    assert d.height < body * 0.9  # the point of it: a shorter drawing


def test_print_boxes_beside_a_three_chain_receptor_stay_narrow(content: Content) -> None:
    """IL-2's five recombinant IL-2 medicines beside its high-affinity receptor: one name a
    line and no line wider than a narrow box (a squat box widened the whole drawing, which
    the page width already limits, so the fact sheet printed it smaller)."""
    d = layout_interleukin(_page(content, "il-2"), compact=True)
    box = next(n for n in d.nodes if "celmoleukin" in n.label)
    lines = box.label.split("\n")
    assert {"aldesleukin", "teceleukin", "roncoleukin", "celmoleukin"} <= set(lines)
    assert "recombinant" in lines and "interleukin-2" in lines
    assert max(len(line) for line in lines) <= 14 and " · " not in box.label
    il6 = layout_interleukin(_page(content, "il-6"), compact=True)
    squat = next(n for n in il6.nodes if "ruxolitinib" in n.label)
    assert " · " in squat.label  # beside two-chain receptors a long list stays squat


def test_family_view_spreads_lines_along_the_shared_chain(content: Content) -> None:
    fam = next(f for f in pages.families(content) if "il2rg" in f["shared_chains"])
    d = layout_family(fam, [_page(content, m["id"]) for m in fam["members"]])
    chain = next(n for n in d.nodes if n.shared)
    ends = sorted(e.points[-1][0] for e in d.edges if e.target == chain.id)
    assert len(ends) >= 6
    gaps = [b - a for a, b in pairwise(ends)]
    assert min(gaps) >= 20  # arrowheads do not touch
    assert ends[0] - chain.x < chain.w * 0.2 and chain.right - ends[-1] < chain.w * 0.2
    # the lines to the shared chain never cross one another
    runs = [e for e in d.edges if e.target == chain.id]
    for a in runs:
        for b in runs:
            if a is not b:
                assert not _crossing(a.points, b.points), (a.source, b.source)


def _crossing(p: tuple[tuple[float, float], ...], q: tuple[tuple[float, float], ...]) -> bool:
    """Does a horizontal segment of p cross a vertical segment of q (inside both)?"""
    for (x0, y0), (x1, y1) in pairwise(p):
        if y0 != y1:
            continue
        for (u0, v0), (u1, v1) in pairwise(q):
            if u0 != u1:
                continue
            if min(x0, x1) < u0 < max(x0, x1) and min(v0, v1) < y0 < max(v0, v1):
                return True
    return False
