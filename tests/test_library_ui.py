"""The personal library, as a person uses it: first each widget on its own (starring, notes
saved as you type and found again by a new window, history, preferences; each talks only to
UserStore), then inside the real window, attached the way the program attaches it (star,
note, history, restart; issue 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ildesk.ui.library import (
    BookmarksPanel,
    HistoryDialog,
    HistoryPanel,
    NotePanel,
    PreferencesDialog,
)
from ildesk.ui.library import note_panel as note_module
from ildesk.userdata import Preferences, UserDataError, UserStore

PAGES = {"il-6": ("Interleukin 6", "interleukin"), "il-2": ("Interleukin 2", "interleukin"),
         "il-17a": ("Interleukin 17A", "interleukin")}


def _names(panel: BookmarksPanel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


def test_star_a_page_and_write_a_note_then_find_both_in_a_new_window(qtbot, user_dir, store):
    bookmarks = BookmarksPanel(store, PAGES)
    notes = NotePanel(store)
    qtbot.addWidget(bookmarks)
    qtbot.addWidget(notes)
    with qtbot.waitSignal(bookmarks.bookmarks_changed):
        assert bookmarks.toggle("il-6", "Interleukin 6") is True
    assert _names(bookmarks) == ["Interleukin 6"]
    notes.set_page("il-6", "Interleukin 6")
    notes.show()
    qtbot.keyClicks(notes.editor, "Blocked by tocilizumab")
    assert notes.status.text() == "Editing…"
    qtbot.waitUntil(lambda: notes.status.text().startswith("Saved"), timeout=5000)

    # a second window over the same folder
    again = UserStore(user_dir / "user.sqlite")
    try:
        bookmarks2 = BookmarksPanel(again, PAGES)
        notes2 = NotePanel(again)
        qtbot.addWidget(bookmarks2)
        qtbot.addWidget(notes2)
        assert _names(bookmarks2) == ["Interleukin 6"]
        notes2.set_page("il-6", "Interleukin 6")
        assert notes2.editor.toPlainText() == "Blocked by tocilizumab"
        assert notes2.status.text().startswith("Saved")
        assert again.search_notes("tocilizumab")[0][0] == "il-6"
    finally:
        again.close()


def test_note_is_saved_when_the_page_changes_before_the_pause(qtbot, store, monkeypatch):
    monkeypatch.setattr(note_module, "DEBOUNCE_MS", 60_000)  # the timer would never fire
    panel = NotePanel(store)
    qtbot.addWidget(panel)
    panel.set_page("il-6", "Interleukin 6")
    qtbot.keyClicks(panel.editor, "first page")
    with qtbot.waitSignal(panel.saved) as saved:
        panel.set_page("il-2", "Interleukin 2")
    assert saved.args == ["il-6"]
    assert store.notes.get("il-6").text == "first page"
    assert panel.editor.toPlainText() == ""
    assert "Interleukin 2" in panel.title.text()


def test_note_is_saved_when_the_panel_closes(qtbot, store):
    panel = NotePanel(store)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_page("il-6", "Interleukin 6")
    qtbot.keyClicks(panel.editor, "closing now")
    panel.close()
    assert store.notes.get("il-6").text == "closing now"


def test_a_note_that_cannot_be_saved_says_so_and_keeps_the_text(qtbot, store, monkeypatch):
    panel = NotePanel(store)
    qtbot.addWidget(panel)
    panel.set_page("il-6", "Interleukin 6")

    def full(*_args, **_kw):
        raise UserDataError("Your library could not be saved: the disk is full.",
                            "Free some space and try again.")

    monkeypatch.setattr(store.notes, "save", full)
    qtbot.keyClicks(panel.editor, "precious")
    with qtbot.waitSignal(panel.error):
        assert panel.flush() is False
    assert panel.status.text().startswith("Not saved: ")
    assert "disk is full" in panel.status.text()
    assert panel.editor.toPlainText() == "precious" and not panel.is_saved()
    monkeypatch.undo()
    assert panel.flush() is True
    assert store.notes.get("il-6").text == "precious"


def test_without_a_page_the_note_editor_is_disabled(qtbot, store):
    panel = NotePanel(store)
    qtbot.addWidget(panel)
    assert not panel.editor.isEnabled()
    assert "Open a page" in panel.editor.placeholderText()


def test_bookmarks_filter_sort_tags_open_and_remove(qtbot, store):
    store.bookmarks.add("il-6", "Interleukin 6", tags="exam")
    store.bookmarks.add("il-2", "Interleukin 2")
    store.bookmarks.add("il-99", "Interleukin 99")  # gone from this data version
    panel = BookmarksPanel(store, PAGES)
    qtbot.addWidget(panel)
    assert _names(panel) == ["Interleukin 2", "Interleukin 6",
                             "Interleukin 99 (missing)"]
    qtbot.keyClicks(panel.filter, "exam")
    assert _names(panel) == ["Interleukin 6"]
    panel.filter.clear()
    panel.tag.setCurrentIndex(panel.tag.findData("exam"))
    assert _names(panel) == ["Interleukin 6"]
    panel.tag.setCurrentIndex(0)
    panel.sort.setCurrentIndex(panel.sort.findData("date"))
    assert _names(panel)[0].startswith("Interleukin 99")
    panel.set_tags("il-2", "memory, exam")
    assert store.bookmarks.get("il-2").tags == ("exam", "memory")

    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    wanted = panel.selected_id()
    with qtbot.waitSignal(panel.page_requested) as opened:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert opened.args == [wanted]
    item = panel.tree.topLevelItem(0)
    with qtbot.waitSignal(panel.page_requested) as opened:
        panel.tree.itemDoubleClicked.emit(item, 0)
    assert opened.args == [item.data(0, Qt.ItemDataRole.UserRole)]

    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    gone = panel.selected_id()
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert gone not in store.bookmarks and len(_names(panel)) == 2


def test_empty_bookmarks_panel_says_how_to_star(qtbot, store):
    panel = BookmarksPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty.isVisible() and "Ctrl+D" in panel.empty.text()


def test_history_panel_lists_newest_first_opens_and_clears(qtbot, store):
    store.history.record("il-2", "Interleukin 2")
    store.history.record("il-6", "Interleukin 6")
    dialog = HistoryDialog(store)
    qtbot.addWidget(dialog)
    tree = dialog.panel.tree
    assert [tree.topLevelItem(i).text(1) for i in range(2)] == ["Interleukin 6",
                                                               "Interleukin 2"]
    tree.setCurrentItem(tree.topLevelItem(1))
    with qtbot.waitSignal(dialog.page_requested) as opened:
        qtbot.mouseClick(dialog.panel.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == ["il-2"]
    dialog.panel.clear()
    assert tree.topLevelItemCount() == 0 and store.history.all() == []


def test_history_panel_says_when_history_is_off(qtbot, store):
    store.prefs.update(history_enabled=False)
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    assert "History is off" in panel.hint.text()


def test_preferences_dialog_saves_and_reloads(qtbot, user_dir, store):
    dialog = PreferencesDialog(store, PAGES)
    qtbot.addWidget(dialog)
    assert dialog.values() == Preferences()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.zoom.setValue(140)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("Letter"))
    dialog.margin.setValue(12.5)
    dialog.start_page.setChecked(True)
    dialog.start_choice.setCurrentIndex(dialog.start_choice.findData("il-17a"))
    dialog.history.setChecked(False)
    with qtbot.waitSignal(dialog.changed) as changed:
        assert dialog.save()
    saved = changed.args[0]
    assert (saved.theme, saved.text_zoom, saved.page_size, saved.margin_mm) == \
        ("dark", 140, "Letter", 12.5)
    assert (saved.start_page, saved.start_page_id, saved.history_enabled) == \
        ("page", "il-17a", False)
    with UserStore(user_dir / "user.sqlite") as other:
        assert other.prefs.load() == saved
        reopened = PreferencesDialog(other, PAGES)
        qtbot.addWidget(reopened)
        assert reopened.values() == saved
        assert reopened.start_choice.currentText() == "Interleukin 17A"


def test_preferences_dialog_refuses_a_start_page_without_a_page(qtbot, store):
    dialog = PreferencesDialog(store, PAGES)
    qtbot.addWidget(dialog)
    dialog.start_page.setChecked(True)
    dialog.start_choice.setCurrentIndex(-1)
    dialog.start_choice.setEditText("")
    assert dialog.save() is False
    assert "choose the page" in dialog.problem.text().lower()
    assert store.prefs.load() == Preferences()


def test_restore_defaults_button(qtbot, store):
    store.prefs.update(theme="dark", text_zoom=200)
    dialog = PreferencesDialog(store)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.values() == Preferences()


# -- inside the window ------------------------------------------------------------------


def test_star_and_note_survive_a_restart(qtbot, open_library_window):
    window, library = open_library_window()
    window.open_page("il-6")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert library.star.isChecked()
    library.notes.editor.setPlainText("Check CRP before the **next** dose")
    qtbot.waitUntil(library.notes.is_saved, timeout=3000)
    assert "Your note" in window.article.browser.toPlainText()
    window.close()
    window.bg.wait()

    again, library2 = open_library_window()
    again.open_page("il-6")
    assert library2.star.isChecked()
    assert "Check CRP" in library2.notes.editor.toPlainText()
    assert "Check CRP" in again.article.browser.toPlainText()
    again.search_field.setText("CRP before")
    qtbot.waitUntil(lambda: again.shown_text == "CRP before")
    notes = [h for h in again.model.hits() if h.kind == "note"]
    assert [h.id for h in notes] == ["il-6"]
    again.close()


def test_history_records_pages_and_reopen_last(qtbot, open_library_window):
    window, library = open_library_window()
    window.open_page("il-2")
    window.open_page("il-10")
    qtbot.waitUntil(lambda: library.writer.pending() == 0)  # history is written off-thread
    visits = [v.page_id for v in library.store.history.all(10)]
    assert visits[:2] == ["il-10", "il-2"]
    library.apply(library.store.prefs.update(start_page="last"))
    assert library.start_page() == "il-10"
    window.close()


def test_notes_are_shown_as_text_not_html(qtbot, open_library_window):
    window, library = open_library_window()
    window.open_page("il-4")
    library.notes.editor.setPlainText('<script>alert(1)</script> <img src="http://x/y.png">')
    qtbot.waitUntil(library.notes.is_saved, timeout=3000)
    window.render_page()
    html = window.article.browser.toHtml()
    assert "<script" not in html and "<img" not in html
    assert "alert(1)" in html
    window.close()
