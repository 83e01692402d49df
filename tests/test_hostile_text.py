"""Text in the knowledge base is shown as text: markup, scripts, images and file or javascript
addresses written into the prose are escaped in the article and load nothing in the window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QUrl

from ildesk.article import html as article_html
from ildesk.db import pages
from ildesk.db.builder import build
from ildesk.db.engine import open_content
from ildesk.kb import load

EVIL = ('<script>alert(1)</script> <img src="http://example.com/x.png"> '
        "[link](javascript:alert(1)) file:///etc/passwd "
        '<a href="file:///etc/passwd">passwd</a> <iframe src="https://example.com"></iframe> '
        '<style>body{background:url(http://example.com/y.png)}</style> &amp; &#60;b&#62;')


def _inject(path: Path, **fields: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, value in fields.items():
        if name == "aliases":
            data["aliases"].append(value)
        else:
            data[name] = f"{data.get(name) or ''} {value}".strip()
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import DATA

    data = tmp_path_factory.mktemp("evil") / "data"
    shutil.copytree(DATA, data)
    _inject(data / "interleukins/il-6.yaml", summary=EVIL, functions=EVIL, therapy=EVIL,
            notes=EVIL, aliases="<script>alert(2)</script>")
    _inject(data / "cell_types/th17-cell.yaml", description=EVIL)
    _inject(data / "drugs/tocilizumab.yaml", description=EVIL)
    il6 = yaml.safe_load((data / "interleukins/il-6.yaml").read_text("utf-8"))
    il6["side_effects"] = [*il6.get("side_effects", []), "<img src=x onerror=alert(3)>"]
    il6["references"][0]["title"] += ' <img src="http://example.com/z.png">'
    (data / "interleukins/il-6.yaml").write_text(yaml.safe_dump(il6, allow_unicode=True),
                                                 encoding="utf-8")
    kb = load(data)
    assert not kb.problems, [str(p) for p in kb.problems[:5]]
    out = data.parent / "evil.sqlite"
    build(kb, out)
    return out


def _assert_inert(html: str) -> None:
    lower = html.lower()
    for tag in ("<script", "<img", "<iframe", "<a href=\"file:"):
        assert tag not in lower, tag
    assert lower.count("<style") == 1  # only the article's own style sheet
    for href in re.findall(r'href\s*=\s*"([^"]*)"', lower):
        assert href.startswith(("ildesk:", "https://", "http://", "#")), href
    assert "javascript:" not in " ".join(re.findall(r'href\s*=\s*"([^"]*)"', lower))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text


@pytest.mark.parametrize("page_id", ["il-6", "th17-cell", "tocilizumab"])
def test_prose_markup_is_escaped(evil_db, page_id):
    with open_content(evil_db) as content:
        labels = pages.labels(content)
        html = article_html.render(pages.page(content, page_id), labels)
    _assert_inert(html)


def test_article_view_loads_nothing(qtbot, evil_db, monkeypatch):
    from ildesk.ui.article_view import ArticleView, SafeBrowser

    requested: list[str] = []
    real = SafeBrowser.loadResource

    def record(self, type_, name):
        requested.append(name.toString() if isinstance(name, QUrl) else str(name))
        return real(self, type_, name)

    monkeypatch.setattr(SafeBrowser, "loadResource", record)
    view = ArticleView()
    qtbot.addWidget(view)
    with open_content(evil_db) as content:
        labels = pages.labels(content)
        for page_id in ("il-6", "th17-cell", "tocilizumab"):
            view.set_html(article_html.render(pages.page(content, page_id), labels))
            text = view.browser.toPlainText()
            assert "<script>alert(1)</script>" in text  # the reader sees the characters
    view.show()
    qtbot.wait(50)
    assert [r for r in requested if r.startswith(("http", "file", "//"))] == []


def test_show_prints_the_text_as_written(capsys, evil_db):
    from ildesk.cli import main

    assert main(["show", "IL-6", "--db", str(evil_db)]) == 0
    out = capsys.readouterr().out
    assert "<script>alert(1)</script>" in out and "&lt;" not in out
