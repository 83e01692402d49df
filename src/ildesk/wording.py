"""Sentences ildesk says in several places, written once: the screen, the printed sheet and
the command line use these.

    page_title(page)            # 'IL-6', 'IL6ST', 'psoriasis'
    status_text("withdrawn", 1997)   # 'withdrawn (first approved 1997)'
    status_note(page)           # '' for an established interleukin
    citation(page, "2026.1", date(2026, 12, 3))
    plural(1, "note")           # '1 note' (and '2 notes', '3 matches', '0 entries')
    content_stamp("0.1.0", "2026-12-03")   # 'ildesk 0.1 · content of 3 Dec 2026'
"""

from __future__ import annotations

from datetime import date

from ildesk.counts import heading, noun, plural
from ildesk.db.pages.types import DrugTableRow, Page
from ildesk.vocab import APPROVED, STATUS_LABEL

__all__ = ["heading", "noun", "plural"]  # re-exported: counts are words too


def page_title(page: Page) -> str:
    """What a page is called in a heading or a window title: an interleukin, chain or molecule
    by its short name (IL-6, IL6ST, JAK1), anything else by its name."""
    if page["kind"] == "interleukin":
        return page["abbreviation"] or page["name"]
    if page["kind"] in ("receptor", "molecule"):
        return page["short"] or page["name"]
    return page["name"]


def status_text(status: str, year: int | None) -> str:
    """A drug's status with its year.

    >>> status_text("approved", 2009), status_text("withdrawn", 1997)
    ('approved 2009', 'withdrawn (first approved 1997)')
    """
    label = STATUS_LABEL.get(status, status)
    if not year:
        return label
    if status in APPROVED:
        return f"{label} {year}"
    return f"{label} (first approved {year})"  # withdrawn in 2018, not in 1997


def status_note(page: Page) -> str:
    """One plain line for a disputed interleukin ("" for an established one or another kind).

    >>> status_note({"kind": "interleukin", "status": "disputed", "abbreviation": "IL-39",
    ...              "name": "Interleukin-39"})
    'IL-39 is disputed: the receptor and signalling drawn are proposed, not established.'
    """
    if page["kind"] != "interleukin" or page["status"] == "established":
        return ""
    abbr = page["abbreviation"] or page["name"] or "This interleukin"
    return (f"{abbr} is {page['status'].replace('-', ' ')}: the receptor and signalling drawn "
            "are proposed, not established.")


def citation(page: Page, data_version: str, today: date | None = None) -> str:
    """How to cite a page of ildesk."""
    title = page["name"]
    if page["kind"] == "interleukin" and page["abbreviation"]:
        title = f"{page['name']} ({page['abbreviation']})"
    when = (today or date.today()).isoformat()
    return (f"{title}. In: ildesk, offline encyclopedia of the human interleukins, data "
            f"version {data_version or '?'}. Accessed {when}.")


_ALL_JAKS = {"JAK1", "JAK2", "JAK3", "TYK2"}


def mechanism(row: DrugTableRow) -> str:
    """A drug's mechanism in a few words, from its kind, its effect and the short names of
    what it binds and of the interleukins it acts on (`mechanism_words` does the wording)."""
    return mechanism_words(row["drug_kind"], row["effect"], [b["name"] for b in row["acts_on"]],
                           [i["name"] for i in row["interleukins"]],
                           all(b["kind"] == "interleukin" for b in row["acts_on"]))


def mechanism_words(drug_kind: str, effect: str, binds: list[str],
                    interleukins: list[str], binds_interleukins: bool = False) -> str:
    """The words of `mechanism` (`binds_interleukins`: what it binds are interleukins, not
    their receptor chains):

    >>> mechanism_words("monoclonal-antibody", "blocks", ["IL-17A"], ["IL-17A"])
    'anti-IL-17A antibody'
    >>> mechanism_words("small-molecule", "blocks", ["JAK1", "JAK2"], ["IL-6"])
    'JAK1/JAK2 inhibitor'
    >>> mechanism_words("small-molecule", "blocks", ["JAK1", "JAK2", "JAK3", "TYK2"], [])
    'pan-JAK inhibitor'
    >>> mechanism_words("recombinant-cytokine", "mimics", ["IL2RA", "IL2RB"], ["IL-2"])
    'recombinant IL-2'
    >>> mechanism_words("receptor-antagonist", "blocks", ["IL1R1"], ["IL-1α", "IL-1β"])
    'IL-1α/IL-1β receptor antagonist'
    >>> mechanism_words("fusion-protein", "blocks", ["IL-1α", "IL-1β"], ["IL-1α", "IL-1β"], True)
    'IL-1α/IL-1β trap (fusion protein)'
    >>> mechanism_words("fusion-protein", "blocks", ["IL3RA"], ["IL-3"])
    'IL-3 receptor-targeted fusion protein'
    """
    bound = "/".join(binds)
    ils = "/".join(interleukins) or bound
    if drug_kind == "small-molecule":
        return "pan-JAK inhibitor" if set(binds) >= _ALL_JAKS else f"{bound} inhibitor"
    if drug_kind == "monoclonal-antibody":
        return f"anti-{bound} antibody" if effect == "blocks" else f"{bound} agonist antibody"
    if drug_kind == "recombinant-cytokine":
        return f"recombinant {ils}"
    if drug_kind == "receptor-antagonist":
        return f"{ils} receptor antagonist"
    if drug_kind == "fusion-protein":
        if effect == "mimics":
            return f"{ils} agonist fusion protein"
        if binds_interleukins:
            return f"{ils} trap (fusion protein)"
        return f"{ils} receptor-targeted fusion protein"  # carries a toxin to the receptor
    return f"{ils} {'blocker' if effect == 'blocks' else 'agonist'}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(iso: str) -> str:
    """'2026-12-03' -> '3 Dec 2026' ('2026-12' -> 'Dec 2026'; anything else as given).

    >>> short_date("2026-12-03"), short_date("2026-07"), short_date("")
    ('3 Dec 2026', 'Jul 2026', '')
    """
    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        return f"{numbers[2]} {MONTHS[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
    return iso


def content_stamp(version: str, content_date: str) -> str:
    """The short line that says which ildesk and how current its content is.

    >>> content_stamp("0.1.0", "2026-12-03"), content_stamp("1.2", "")
    ('ildesk 0.1 · content of 3 Dec 2026', 'ildesk 1.2')
    """
    short = ".".join(version.split(".")[:2])
    stamp = f"ildesk {short}"
    return f"{stamp} · content of {short_date(content_date)}" if content_date else stamp


def nothing_matched(asked: str) -> str:
    """What a search that found nothing says, the window and the command line alike: the
    words asked (their spacing collapsed), quoted.

    >>> nothing_matched("  zzqxv   qqq "), nothing_matched(" ")
    ('Nothing matched “zzqxv qqq”.', 'Nothing matched.')
    """
    words = " ".join(asked.split())
    return f"Nothing matched “{words}”." if words else "Nothing matched."
