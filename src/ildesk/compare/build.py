"""Build a `Comparison` from the typed interleukin pages (`ildesk.db.pages`).

What counts as shared: the same thing by its identity, never by its wording —
- receptor chains by chain id (IL-4 and IL-13 share `il4r` and `il13ra1`);
- the subunit genes of a heterodimer (IL-12 = p35 + p40, IL-23 = p19 + p40) count as
  "chains" too, under the key "gene:<HGNC symbol>": IL-12 and IL-23 share IL12B (p40) as they
  share IL-12Rβ1. A single-gene interleukin's own gene is not a subunit and is not listed
  there (its gene row holds it);
- receptor complexes by kind and set of chains (the type II IL-4 receptor of IL-4 and IL-13);
- kinases, STATs/adaptors, cell types (per role), diseases and drugs by page id (dupilumab
  through IL-4Rα for IL-4/IL-13, ustekinumab through p40 for IL-12/IL-23); genes by symbol;
  side effects by their text.
An entry every column has is shared by "all"; one only a single column has is its "own";
with three or four columns, one some (not all) have is shared by "some".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ildesk.compare.model import SHARE_ORDER, Comparison, Entry, Field, Item, Line, Share
from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.db.pages.types import ChainDetail, InterleukinPage
from ildesk.errors import ActionableError
from ildesk.vocab import APPROVED, LINK_LABEL, STATUS_ORDER, rank
from ildesk.wording import status_text

MIN_ITEMS, MAX_ITEMS = 2, 4


class CompareError(ActionableError):
    """The interleukins asked for cannot be compared; `message` says why, `advice` what to do."""


@dataclass(frozen=True)
class _Raw:
    """An entry of one column before sharing is known."""

    key: str
    label: str
    detail: str = ""
    page: str | None = None
    order: tuple[int, ...] = ()  # sorts before the share rank (drugs: approved first)
    symbol: str = ""
    approved: bool = False


def chain_name(symbol: str, common_names: Sequence[str], cd: str = "") -> str:
    """How a reader names a chain: its first common name that is one word and not its CD
    (IL-4Rα, γc, IL-12Rβ1, gp130), else its HGNC symbol.

    >>> chain_name("IL2RG", ["common gamma chain", "γc", "CD132"], "CD132")
    'γc'
    >>> chain_name("IL1RAP", [])
    'IL1RAP'
    """
    for n in common_names:
        if n and " " not in n and n != cd and n != symbol:
            return n
    return symbol


def compare(content: Content, ids: Sequence[str]) -> Comparison:
    """The comparison of the interleukins `ids` (page ids, 2 to 4 of them, each once)."""
    ids = list(dict.fromkeys(ids))
    if not MIN_ITEMS <= len(ids) <= MAX_ITEMS:
        raise CompareError(
            f"compare takes {MIN_ITEMS} to {MAX_ITEMS} different interleukins; "
            f"{len(ids)} {'was' if len(ids) == 1 else 'were'} given.",
            "Name two, three or four, for example: IL-4 IL-13.")
    loaded: list[InterleukinPage] = []
    for i in ids:
        p = pages.page(content, i)
        if p is None:
            raise CompareError(f"there is no page {i!r}.",
                               "Find the interleukin's name with `ildesk search`.")
        if p["kind"] != "interleukin":
            raise CompareError(f"{p['name']} is not an interleukin: only interleukins can "
                               "be compared.", "Name interleukins, for example: IL-12 IL-23.")
        loaded.append(p)
    chains = _chain_names(content, loaded)
    labels = pages.labels(content)
    return build(loaded, chains, labels, pages.meta(content).get("data_version", ""))


def _chain_names(content: Content, items: Sequence[InterleukinPage]) -> dict[str, str]:
    """Chain id -> display name, for every chain the items use or their drugs bind."""
    ids = {c["id"] for p in items for r in p["receptors"] for c in r["chain_details"]}
    ids |= {b for p in items for d in p["drugs"] for b in d["binds"]}
    out: dict[str, str] = {}
    for cid in sorted(ids):
        page = pages.page(content, cid)
        if page is not None and page["kind"] == "receptor":
            out[cid] = chain_name(page["symbol"], page["common_names"], page["cd"])
    return out


def build(items: Sequence[InterleukinPage], chains: dict[str, str],
          labels: dict[str, tuple[str, str]], data_version: str = "") -> Comparison:
    """The comparison of loaded pages; `chains` names chains, `labels` every other page."""
    def name_of(pid: str) -> str:
        return chains.get(pid) or labels.get(pid, (pid, ""))[0]

    columns: list[tuple[str, str, Callable[[InterleukinPage], list[_Raw]], bool]] = [
        ("family", "Family", _family, False),
        ("genes", "Genes", _genes, True),
        ("receptors", "Receptor complexes", lambda p: _complexes(p, chains), False),
        ("chains", "Receptor chains and subunits", lambda p: _chains(p, chains), True),
        ("kinases", "Kinases", lambda p: _molecules(p, "kinases"), False),
        ("transcription_factors", "STATs and adaptors", _stats, False),
        ("producing_cells", "Producing cells", lambda p: _cells(p, "producer"), False),
        ("target_cells", "Target cells", lambda p: _cells(p, "target"), False),
        ("diseases", "Diseases", _diseases, False),
        ("drugs", "Drugs (approved first)", lambda p: _drugs(p, name_of), False),
        ("side_effects", "Side effects of therapy", _side_effects, False),
    ]
    fields = tuple(_field(key, title, [read(p) for p in items], aligned)
                   for key, title, read, aligned in columns)
    its = tuple(Item(p["id"], p["name"], p["abbreviation"] or p["short"], p["family"],
                     p["status"]) for p in items)
    return Comparison(its, fields, data_version, tuple(items))


def _field(key: str, title: str, raw: list[list[_Raw]], aligned: bool) -> Field:
    n = len(raw)
    holders: dict[str, list[int]] = {}
    for col, entries in enumerate(raw):
        for r in entries:
            if col not in holders.setdefault(r.key, []):
                holders[r.key].append(col)

    def share(k: str) -> Share:
        h = len(holders[k])
        return "all" if h == n else "own" if h == 1 else "some"

    cells: list[tuple[Entry, ...]] = []
    for entries in raw:
        seen: dict[str, tuple[tuple[int, ...], Entry]] = {}
        for i, r in enumerate(entries):
            if r.key in seen:
                continue
            s = share(r.key)
            seen[r.key] = ((*r.order, SHARE_ORDER.index(s), i),
                           Entry(r.key, r.label, r.detail, r.page, s, tuple(holders[r.key]),
                                 r.symbol, r.approved))
        cells.append(tuple(e for _, e in sorted(seen.values(), key=lambda t: t[0])))
    lines: tuple[Line, ...] = ()
    if aligned:
        order = sorted(holders, key=lambda k: (SHARE_ORDER.index(share(k)), holders[k][0],
                                              _first_index(raw, k)))
        by_col = [{e.key: e for e in cell} for cell in cells]
        joint = tuple(Line(k, share(k), tuple(c.get(k) for c in by_col)) for k in order
                      if share(k) != "own")
        # each column's own entries side by side under the shared ones (γc beside IL-13Rα2)
        owns = [[e for e in cell if e.share == "own"] for cell in cells]
        packed = tuple(Line("", "own", tuple(o[i] if i < len(o) else None for o in owns))
                       for i in range(max((len(o) for o in owns), default=0)))
        lines = joint + packed
    return Field(key, title, tuple(cells), aligned, lines)


def _first_index(raw: list[list[_Raw]], key: str) -> int:
    for entries in raw:
        for i, r in enumerate(entries):
            if r.key == key:
                return i
    return 0


# -- the fields, one column at a time -------------------------------------------------------


def _family(p: InterleukinPage) -> list[_Raw]:
    out = [_Raw(f"family:{p['family_id']}", p["family"])] if p["family_id"] else []
    return out + [_Raw(f"family:{f['id']}", f["name"]) for f in p["other_families"]]


def _genes(p: InterleukinPage) -> list[_Raw]:
    out = []
    for g in p["genes"]:
        sub = g["subunit"].strip()
        if sub.casefold() == g["symbol"].casefold():
            sub = ""
        length = f"{g['length_aa']} aa" if g["length_aa"] else ""
        detail = " · ".join(x for x in (sub, g["location"], length) if x)
        out.append(_Raw(f"gene:{g['symbol']}", g["symbol"], detail, symbol=g["symbol"]))
    return out


def _complexes(p: InterleukinPage, chains: dict[str, str]) -> list[_Raw]:
    out = []
    for rc in p["receptors"]:
        ids = rc["chain_ids"] or [c["id"] for c in rc["chain_details"]]
        named = [chains.get(c, c) for c in ids] or rc["chains"]
        # the chains, unless the complex's name already says them ("IL-12Rβ1 + IL-12Rβ2")
        names = "" if all(n in rc["name"] for n in named) else " + ".join(named)
        kind = "" if rc["kind"] == "signalling" else rc["kind"].replace("-", " ")
        if kind.split(" ")[0] in rc["name"].casefold():  # "IL-13Rα2 decoy": said already
            kind = ""
        detail = " · ".join(x for x in (names, kind) if x)
        out.append(_Raw(f"complex:{rc['kind']}:{'+'.join(sorted(ids))}", rc["name"], detail))
    return out


def _chains(p: InterleukinPage, chains: dict[str, str]) -> list[_Raw]:
    out: list[_Raw] = []
    roles: dict[str, set[str]] = {}
    details: dict[str, ChainDetail] = {}
    for rc in p["receptors"]:
        for c in rc["chain_details"]:
            roles.setdefault(c["id"], set()).add(rc["kind"])
            details.setdefault(c["id"], c)
    for cid, c in details.items():
        kind = roles[cid]
        role = "" if "signalling" in kind else "/".join(sorted(k.replace("-", " ")
                                                                for k in kind))
        jaks = ", ".join(k.upper() for k in c["kinases"])
        detail = " · ".join(x for x in (c["symbol"], c["cd"], jaks, role) if x)
        out.append(_Raw(cid, chains.get(cid, c["symbol"]), detail, cid, symbol=c["symbol"]))
    if len(p["genes"]) > 1:  # a heterodimer: its subunits are shared like chains
        for g in p["genes"]:
            sub = g["subunit"].strip() or g["symbol"]
            out.append(_Raw(f"gene:{g['symbol']}", sub, f"{g['symbol']} · subunit",
                            symbol=g["symbol"]))
    return out


def _molecules(p: InterleukinPage, which: str) -> list[_Raw]:
    sig = p["signalling"]
    names: list[str] = sig[which]  # type: ignore[literal-required]
    ids: list[str] = sig[f"{which}_ids"]  # type: ignore[literal-required]
    return [_Raw(i, n, "", i) for n, i in zip(names, ids, strict=False)]


def _stats(p: InterleukinPage) -> list[_Raw]:
    adaptors = [_Raw(r.key, r.label, "adaptor", r.page)
                for r in _molecules(p, "adaptors")]
    return _molecules(p, "transcription_factors") + adaptors


def _cells(p: InterleukinPage, role: str) -> list[_Raw]:
    return [_Raw(c["id"], c["name"], "", c["id"]) for c in p["cell_types"] if c["role"] == role]


def _diseases(p: InterleukinPage) -> list[_Raw]:
    return [_Raw(d["id"], d["name"], LINK_LABEL.get(d["kind"], d["kind"]), d["id"])
            for d in p["diseases"]]


def _drugs(p: InterleukinPage, name_of: Callable[[str], str]) -> list[_Raw]:
    out = []
    for d in p["drugs"]:
        verb = "mimics" if d["effect"] == "mimics" else "blocks"
        target = ", ".join(name_of(b) for b in d["binds"])
        detail = status_text(d["status"], d["approval_year"])
        if target:
            detail += f" · {verb} {target}"
        order = (0 if d["status"] in APPROVED else 1, rank(STATUS_ORDER, d["status"]))
        out.append(_Raw(d["id"], d["name"], detail, d["id"], order,
                        approved=d["status"] in APPROVED))
    return out


def _side_effects(p: InterleukinPage) -> list[_Raw]:
    return [_Raw(f"effect:{s.casefold()}", s) for s in p["side_effects"]]
