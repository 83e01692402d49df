"""Issue 19, point 7: every user- or file-supplied string is shown as text. A crafted
bookmark name, tag, folder, page id or import field shows up literally in tooltips, the Tags
dialog and the "Import failed" box; no label there is rich text or opens a link."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from ildesk.search.engine import SearchHit
from ildesk.ui.library.bookmarks_panel import BookmarksPanel
from ildesk.ui.result_list import ResultModel
from ildesk.userdata import UserStore

EVIL = '<a href="ildesk:--screenshot=/tmp/x">click</a><img src="file:///etc/passwd">'


def shown(text: str) -> str:
    """What Qt shows for a tooltip or an auto-format label holding `text`."""
    if not QtGuiNs.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _labels_of_next_dialog(qtbot) -> list[QLabel]:
    """Start a watcher that grabs the next modal dialog's labels and closes it."""
    found: list[QLabel] = []

    def grab() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, grab)
            return
        found.extend(dialog.findChildren(QLabel))
        found.append(dialog)  # type: ignore[arg-type]
        assert isinstance(dialog, QDialog)
        dialog.reject()

    QTimer.singleShot(0, grab)
    return found


def _assert_plain(labels: list, needle: str) -> None:
    dialog = labels.pop()
    texts = [lb for lb in labels if needle in lb.text()]
    assert texts, [lb.text() for lb in labels]
    for label in texts:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        assert not label.openExternalLinks()
    assert dialog is not None


@pytest.fixture
def store(tmp_path):
    s = UserStore(tmp_path / "user.sqlite")
    s.bookmarks.add(EVIL, EVIL, folder=EVIL, tags=[EVIL])
    yield s
    s.close()


def test_bookmark_tooltips_show_the_text_as_written(qtbot, store):
    panel = BookmarksPanel(store)
    qtbot.addWidget(panel)
    tip = panel.tree.topLevelItem(0).toolTip(0)
    assert EVIL in shown(tip)


def test_the_tags_dialog_shows_the_bookmark_name_as_text(qtbot, store):
    panel = BookmarksPanel(store)
    qtbot.addWidget(panel)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    labels = _labels_of_next_dialog(qtbot)
    panel._ask_tags()
    _assert_plain(labels, "click")


def test_note_hit_tooltips_show_the_text_as_written(qtbot):
    model = ResultModel()
    model.set_results([SearchHit(EVIL, "note", EVIL, 0.0, "snippet", short=EVIL)])
    tip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert EVIL in shown(tip)


def test_import_failed_box_is_plain_text_without_links(qtbot, tmp_path, monkeypatch,
                                                      content, searcher):
    from ildesk.ui.library.controller import LibraryController
    from ildesk.ui.main_window import MainWindow

    bad = tmp_path / "library.json"
    bad.write_text(json.dumps({"format": "ildesk-library", "version": 1,
                               "bookmarks": [{"page_id": "il-6", "created": EVIL}]}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))
    window = MainWindow(content, searcher)
    qtbot.addWidget(window)
    library = LibraryController(window, UserStore(tmp_path / "lib" / "user.sqlite"))
    labels = _labels_of_next_dialog(qtbot)
    library.import_library()
    qtbot.waitUntil(lambda: bool(labels), timeout=10_000)  # the import runs in the background
    _assert_plain(labels, "ildesk:--screenshot")
    library.close()
