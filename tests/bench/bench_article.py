"""What the Contents list and the glossary terms cost when a page opens (issue 18, point 4),
against what showing the page costs anyway: a bare QTextBrowser's `setHtml` of the same HTML
(laid out to its end, as painting and the scroll bar need it).

Needs a QApplication (offscreen).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.bench.harness import Report, Result, median, p95, timed

SAMPLE = ("il-6", "il-2", "il-12", "jak-stat-signalling", "glossary", "rheumatoid-arthritis",
          "tocilizumab")


def run(report: Report, db: Path, repeat: int = 15) -> None:
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from ildesk.article import glossary, html
    from ildesk.db import pages
    from ildesk.db.engine import open_content
    from ildesk.ui.article_view import ArticleView

    app: Any = QApplication.instance() or QApplication([])
    with open_content(db) as content:
        labels = pages.labels(content)
        page = pages.page(content, glossary.PAGE_ID)
        body = page["body"] if page is not None and page["kind"] == "article" else ""
        terms = glossary.Glossary(glossary.parse(body, lambda i: labels.get(i, (i, ""))[0]))
        ids = [r["id"] for k in ("interleukin", "disease", "drug", "article")
               for r in pages.list_pages(content, k)]
        read = {i: pages.page(content, i) for i in ids}
    rendered = {i: html.render(p, labels) for i, p in read.items() if p is not None}
    sample = [(i, rendered[i]) for i in SAMPLE if i in rendered]
    marked = [terms.annotate(h, i) for i, h in sample]

    view, bare = ArticleView(), QTextBrowser()
    for w in (view, bare):
        w.resize(620, 700)
        w.show()
    app.processEvents()

    def show_bare() -> None:
        for h in marked:
            bare.setHtml(h)
            bare.document().size()

    def show_ours() -> None:
        for h in marked:
            view.set_html(h)
            view.browser.document().size()

    base = timed(show_bare, repeat=repeat, warmup=2)
    mark = timed(lambda: [terms.annotate(h, i) for i, h in sample], repeat=repeat, warmup=2)
    ours = timed(show_ours, repeat=repeat, warmup=2)
    every = timed(lambda: [terms.annotate(h, i) for i, h in rendered.items()], repeat=3)
    ratio = median(mark) / median(base)
    report.add(Result(f"glossary terms marked vs showing the page, {len(sample)} pages", ratio,
                      "×", goal="≤ 0.25", met=ratio <= 0.25, median=median(mark) * 1e3,
                      p95=p95(mark) * 1e3, baseline=median(base) * 1e3, ratio=ratio,
                      n=len(mark), note=f"every page: {median(every) * 1e3 / len(rendered):.2f}"
                                        f" ms a page over {len(rendered)}"))
    ratio = median(ours) / median(base)
    report.add(Result(f"article set_html (Contents, place) vs bare setHtml, {len(sample)} pages",
                      ratio, "×", goal="≤ 1.5", met=ratio <= 1.5, median=median(ours) * 1e3,
                      p95=p95(ours) * 1e3, baseline=median(base) * 1e3, ratio=ratio,
                      n=len(ours)))
    view.deleteLater()
    bare.deleteLater()
    app.processEvents()
