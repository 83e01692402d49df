"""No network access is ever attempted: building, listing, showing every kind of page,
searching, facets, diagrams, fact sheets and the window all run with a guard that fails on any
connection or name lookup. Outside links open only when clicked, and only http(s) ones."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ildesk import cli as cli_module
from ildesk.article import html as article_html
from ildesk.db import pages
from ildesk.db.engine import open_content
from ildesk.search import Facets, Searcher
from tests.conftest import DATA
from tests.hostile_support import cli

NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                  "socket.gethostbyaddr", "socket.bind", "socket.sendto", "urllib.Request",
                  "http.client.connect", "ftplib.connect", "smtplib.connect", "webbrowser.open"}
GUARD = {"on": False}
ATTEMPTS: list[tuple[str, str]] = []


def _guard(event: str, args: tuple[Any, ...]) -> None:
    if GUARD["on"] and event in NETWORK_EVENTS:
        ATTEMPTS.append((event, repr(args)[:200]))
        raise RuntimeError(f"network access attempted while offline: {event} {args!r}")


sys.addaudithook(_guard)  # audit hooks cannot be removed: the flag turns it on and off


@pytest.fixture
def offline() -> Iterator[list[tuple[str, str]]]:
    ATTEMPTS.clear()
    GUARD["on"] = True
    try:
        yield ATTEMPTS
    finally:
        GUARD["on"] = False


def test_the_guard_catches_a_connection(offline):
    import socket

    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.getaddrinfo("example.org", 443)
    assert offline and offline[0][0] == "socket.getaddrinfo"
    offline.clear()


def _commands() -> set[str]:
    parser = cli_module._parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return set(sub.choices)


EXTERNAL = re.compile(r'href="([^"]*)"')


def test_every_flow_runs_offline(qtbot, capsys, tmp_path, offline, monkeypatch):
    db = tmp_path / "ildesk.sqlite"
    run = cli(capsys, "build-db", "--data", str(DATA), "-o", str(db))
    assert run.code == 0, run.err
    monkeypatch.setenv("ILDESK_DB", str(db))

    listed = cli(capsys, "list", "--json")
    assert listed.code == 0
    rows = json.loads(listed.out)
    first_of_kind: dict[str, str] = {}
    for row in rows:
        first_of_kind.setdefault(row["kind"], row["id"])
    assert {"interleukin", "receptor", "molecule", "cell_type", "disease", "drug"} <= set(
        first_of_kind)
    for page_id in first_of_kind.values():
        for extra in ([], ["--json"]):
            shown = cli(capsys, "show", page_id, *extra)
            assert shown.code == 0, shown.err
    for args in (["search", "il6"], ["search", "psoriasis", "--json"],
                 ["search", "il", "--cell-type", "th17", "--role", "producer"],
                 ["search", "interleukn"], ["facets"], ["facets", "--json"]):
        assert cli(capsys, *args).code == 0, args

    commands = _commands()
    if "diagram" in commands:
        out = tmp_path / "il6.svg"
        assert cli(capsys, "diagram", "IL-6", "-o", str(out)).code == 0
        assert out.stat().st_size > 0
    if "factsheet" in commands:
        out = tmp_path / "il6.pdf"
        assert cli(capsys, "factsheet", "IL-6", "-o", str(out)).code == 0
        assert out.read_bytes()[:5] == b"%PDF-"

    # the window: search, open a page, follow an internal link, click outside links
    from ildesk.ui.main_window import MainWindow

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toString()) or True))
    with open_content(db) as content:
        searcher = Searcher(db)
        window = MainWindow(content, searcher)
        qtbot.addWidget(window)
        window.show()
        try:
            with qtbot.waitSignal(window.results_shown, timeout=10_000):
                qtbot.keyClicks(window.search_field, "il6")
            window.bg.wait()
            assert window.open_page("il-6")
            with qtbot.waitSignal(window.page_shown, timeout=5_000) as shown:
                window.article.page_requested.emit("il-2")
            assert shown.args == ["il-2"] and window.current_page["id"] == "il-2"
            for bad in ("file:///etc/passwd", "javascript:alert(1)", "data:text/html,x",
                        "ftp://example.org/x", "//example.org/x", "ildesk:"):
                window.article.browser.anchorClicked.emit(QUrl(bad))
            assert opened == []
            window.article.browser.anchorClicked.emit(
                QUrl("https://pubmed.ncbi.nlm.nih.gov/1/"))
            assert opened == ["https://pubmed.ncbi.nlm.nih.gov/1/"]
        finally:
            window.bg.wait()
            window.close()
            searcher.close()
    assert offline == []


def test_article_links_are_internal_or_web(content, searcher):
    labels = pages.labels(content)
    kinds_seen: set[str] = set()
    for page_id, (_name, kind) in labels.items():
        if kind in kinds_seen and not page_id.startswith("il-"):
            continue
        kinds_seen.add(kind)
        html = article_html.render(pages.page(content, page_id), labels)
        for href in EXTERNAL.findall(html):
            assert href.startswith(("ildesk:", "https://", "http://", "#")), (page_id, href)
    assert {"interleukin", "receptor", "molecule", "cell_type", "disease", "drug"} <= kinds_seen
    assert searcher.search("il6", Facets()).hits
