"""Issue 18, point 4 (the domain half): the sections an article lists in its Contents, the
anchors its headings carry, in-page links, and glossary terms matched in article text."""

from __future__ import annotations

import re

import pytest

from ildesk.article import glossary, html, links, outline
from ildesk.db import pages

TERMS = glossary.parse("\n".join([
    "- **Cytokine** — a small secreted protein.",
    "- **JAK (Janus kinase)** — one of four tyrosine kinases ([[jak1|JAK1]], [[jak2]]).",
    "- **JAK inhibitor** — an oral small molecule that blocks JAKs.",
    "- **STAT** — signal transducer and activator of transcription.",
    "- **NF-κB** — a family of transcription factors.",
    "- **Common γ chain (γc, CD132)** — the chain shared by six receptors.",
    "- **Innate lymphoid cells (ILCs)** — lymphocytes without antigen receptors.",
    "- **Redundancy** — several cytokines producing similar effects.",
    "- **Trans-signalling** — signalling through soluble IL-6Rα.",
    "- **Th1, Th2, Th17 cells** — helper T-cell subsets.",
]), {"jak2": "JAK2"}.get)
GLOSSARY = glossary.Glossary(TERMS)


def found(text: str) -> list[tuple[str, str]]:
    return [(t.name, words) for t, words in GLOSSARY.find(text)]


def test_entries_are_read_with_their_definitions_in_plain_words():
    jak = TERMS[1]
    assert (jak.name, jak.forms, jak.anchor) == ("JAK (Janus kinase)", ("JAK", "Janus kinase"),
                                                 "g-jak")
    assert jak.definition == "one of four tyrosine kinases (JAK1, JAK2)."
    assert jak.tip == "JAK (Janus kinase) — one of four tyrosine kinases (JAK1, JAK2)."
    assert jak.href == "ildesk:glossary#g-jak"


@pytest.mark.parametrize(("text", "expected"), [
    # plurals of a singular term, and the singular of a plural one
    ("Cytokines act", [("Cytokine", "Cytokines")]),
    ("an ILC and ILCs", [("Innate lymphoid cells (ILCs)", "ILC"),
                         ("Innate lymphoid cells (ILCs)", "ILCs")]),
    ("an innate lymphoid cell", [("Innate lymphoid cells (ILCs)", "innate lymphoid cell")]),
    ("redundancies", [("Redundancy", "redundancies")]),
    # words in any case, abbreviations only as written
    ("CYTOKINE", [("Cytokine", "CYTOKINE")]),
    ("a jak and a stat, then JAKs and STATs",
     [("JAK (Janus kinase)", "JAKs"), ("STAT", "STATs")]),
    ("a Janus kinase", [("JAK (Janus kinase)", "Janus kinase")]),
    # the longest form first
    ("JAK inhibitors block JAK1", [("JAK inhibitor", "JAK inhibitors")]),
    # hyphens: part of a term, interchangeable with a space, and joining words into one
    ("trans-signalling and trans signalling", [("Trans-signalling", "trans-signalling"),
                                               ("Trans-signalling", "trans signalling")]),
    ("cytokine-driven, pro-cytokine, interleukin-2", []),
    ("JAK-STAT signalling", []),
    ("JAK–STAT signalling", [("JAK (Janus kinase)", "JAK"), ("STAT", "STAT")]),
    # Greek letters are letters: no match inside IL-2Rγc, a match after a slash
    ("NF-κB and nf-κb", [("NF-κB", "NF-κB")]),
    ("IL-2Rβ/γc, not IL-2Rγc", [("Common γ chain (γc, CD132)", "γc")]),
    ("the common γ chain (CD132)", [("Common γ chain (γc, CD132)", "common γ chain"),
                                    ("Common γ chain (γc, CD132)", "CD132")]),
    # whole words only
    ("STAT3, STAT5A and ISTAT", []),
    ("Th17 cells and Th2 cell", [("Th1, Th2, Th17 cells", "Th17 cells"),
                                 ("Th1, Th2, Th17 cells", "Th2 cell")]),
])
def test_terms_are_found_by_the_rules(text, expected):
    assert found(text) == expected


def test_forms_of_entry_headings():
    assert glossary.forms("Lymphokine, monokine") == ("Lymphokine", "monokine")
    assert glossary.forms("Class I (type I) cytokine receptor") == (
        "Class I cytokine receptor", "type I cytokine receptor")
    assert glossary.forms("-tinib") == ()


def page_html(body: str, title: str = "Page") -> str:
    return f'<p class="kind">Cytokine</p><h1>{title}</h1>{body}'


def marked(html_text: str) -> list[str]:
    return re.findall(r'<a class="term" href="[^"]*" style="[^"]*" title="[^"]*">([^<]*)</a>',
                      html_text)


def test_only_the_first_occurrence_in_each_section_is_marked_and_never_in_links_or_headings():
    text = page_html(
        '<p class="aka">Interferon beta-2 · cytokine</p>'
        '<p>A cytokine, another cytokine, a <a href="ildesk:il-6">cytokine link</a>.</p>'
        '<h2><a name="more"></a>Cytokines</h2><p>One more cytokine; a STAT.</p>'
        '<p><code>STAT</code> <b>cytokine</b></p>'
        '<h2><a name="references"></a>References</h2><p>A paradigm for cytokines.</p>')
    out = GLOSSARY.annotate(text, "il-6")
    assert marked(out) == ["cytokine", "cytokine", "STAT"]
    assert '<p class="kind">Cytokine</p>' in out  # the label above the title stays a label
    assert '<p class="aka">Interferon beta-2 · cytokine</p>' in out  # other names stay names
    tip = re.search(r'title="([^"]*)"', out.split('class="term"')[1])
    assert tip and tip.group(1) == "Cytokine — a small secreted protein."


def test_text_is_left_exactly_as_it_was_around_a_marked_term():
    text = page_html("<p>Still&#x27;s cytokines &amp; more &lt;b&gt;</p>")
    out = GLOSSARY.annotate(text, "il-6")
    assert re.sub(r"<a class=\"term\"[^>]*>([^<]*)</a>", r"\1", out) == text


def test_the_glossary_page_anchors_its_entries_and_never_marks_the_term_an_entry_defines():
    text = page_html("<ul><li><b>Cytokine</b> — a cytokine; a JAK.</li>"
                     "<li><b>JAK (Janus kinase)</b> — a JAK that a cytokine uses.</li></ul>",
                     "Glossary")
    out = GLOSSARY.annotate(text, glossary.PAGE_ID)
    assert '<li><b>Cytokine</b><a name="g-cytokine"></a> — a cytokine; a <a class="term"' in out
    assert marked(out) == ["JAK", "cytokine"]


def test_outline_and_anchors_of_the_il6_page_and_an_overview_article(content):
    labels = pages.labels(content)
    il6 = html.render(pages.page(content, "il-6"), labels)
    assert [(s.level, s.title) for s in outline.sections(il6)] == [
        (1, "IL-6"), (2, "Function"), (2, "Producing and target cells"),
        (2, "Receptor and signalling"), (2, "Diseases"), (2, "Drugs"), (2, "History"),
        (2, "References")]
    jak = html.render(pages.page(content, "jak-stat-signalling"), labels)
    found_sections = outline.sections(jak)
    assert [s.title for s in found_sections[1:]] == [
        "The steps", "The players", "Which families use which JAKs and STATs",
        "Switching the signal off", "JAK inhibitors", "Interleukins that do not use JAKs",
        "References"]
    assert found_sections[1].anchor == "the-steps"
    assert '<h2><a name="the-steps"></a>The steps</h2>' in jak


def test_every_article_has_one_anchor_per_section(content):
    labels = pages.labels(content)
    for kind in ("interleukin", "disease", "drug", "article"):
        for row in pages.list_pages(content, kind):
            page = pages.page(content, row["id"])
            assert page is not None
            anchors = [s.anchor for s in outline.sections(html.render(page, labels))[1:]]
            assert all(anchors) and len(set(anchors)) == len(anchors), row["id"]


def test_the_real_glossary_has_its_terms_each_with_its_own_anchor(content):
    page = pages.page(content, glossary.PAGE_ID)
    assert page is not None and page["kind"] == "article"
    terms = glossary.parse(page["body"])
    assert len(terms) >= 60
    assert len({t.anchor for t in terms}) == len(terms)
    jak = next(t for t in terms if t.forms[:1] == ("JAK",))
    assert jak.definition.startswith("one of four tyrosine kinases (JAK1, JAK2, JAK3, TYK2)")


@pytest.mark.parametrize(("url", "page", "place"), [
    ("ildesk:il-6", "il-6", ""),
    ("ildesk:glossary#g-jak", "glossary", "g-jak"),
    ("#drugs", None, "drugs"),
    ("ildesk:#drugs", None, "drugs"),
    ("https://example.org/#x", None, "x"),
])
def test_a_link_names_its_page_and_its_place_apart(url, page, place):
    assert links.page_of(url) == page
    assert links.fragment_of(url) == place


def test_internal_links_with_a_place_go_there_and_back():
    url = links.internal("glossary", "g-jak")
    assert url == "ildesk:glossary#g-jak"
    assert (links.page_of(url), links.fragment_of(url)) == ("glossary", "g-jak")
    assert glossary.is_term_link(url) and not glossary.is_term_link("ildesk:glossary")
