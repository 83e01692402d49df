"""Geometry checks shared by the diagram tests."""

from __future__ import annotations

from ildesk.diagram.model import Diagram, Node


def overlap(a: Node, b: Node) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def crosses(p: tuple[float, float], q: tuple[float, float], n: Node, eps: float = 0.5) -> bool:
    """Does the axis-parallel segment p-q run through the inside of box n?"""
    x0, x1 = sorted((p[0], q[0]))
    y0, y1 = sorted((p[1], q[1]))
    return x0 < n.right - eps and x1 > n.x + eps and y0 < n.bottom - eps and y1 > n.y + eps


def touches(point: tuple[float, float], n: Node, tol: float = 1.0) -> bool:
    x, y = point
    return n.x - tol <= x <= n.right + tol and n.y - tol <= y <= n.bottom + tol


def problems(d: Diagram) -> list[str]:
    """Everything wrong with the geometry of `d`, in words (empty when it is clean)."""
    out: list[str] = []
    ids = [n.id for n in d.nodes]
    if len(set(ids)) != len(ids):
        out.append("duplicate node ids")
    for i, a in enumerate(d.nodes):
        if a.x < 0 or a.y < 0 or a.right > d.width or a.bottom > d.height:
            out.append(f"{a.id} lies outside the diagram")
        out += [f"{a.id} overlaps {b.id}" for b in d.nodes[i + 1:] if overlap(a, b)]
    by_id = {n.id: n for n in d.nodes}
    for e in d.edges:
        if e.source not in by_id or e.target not in by_id:
            out.append(f"edge {e.source} -> {e.target} joins a node that is not drawn")
            continue
        if not touches(e.points[0], by_id[e.source]) or not touches(e.points[-1],
                                                                   by_id[e.target]):
            out.append(f"edge {e.source} -> {e.target} does not reach its ends")
        for p, q in zip(e.points, e.points[1:], strict=False):
            if p[0] != q[0] and p[1] != q[1]:
                out.append(f"edge {e.source} -> {e.target} is not orthogonal")
            out += [f"edge {e.source} -> {e.target} runs through {n.id}" for n in d.nodes
                    if n.id not in (e.source, e.target) and crosses(p, q, n)]
    return out


def labels(d: Diagram) -> set[str]:
    return {line for n in d.nodes for line in n.label.replace("\n", " \n").split("\n")} | {
        n.label.replace("\n", " ") for n in d.nodes}


def near(a: Node, b: Node, distance: float) -> bool:
    dx = max(0.0, max(a.x, b.x) - min(a.right, b.right))
    dy = max(0.0, max(a.y, b.y) - min(a.bottom, b.bottom))
    return (dx * dx + dy * dy) ** 0.5 <= distance
