"""The personal library: bookmarks, notes, note search, history, preferences, note HTML."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest

from ildesk.userdata import Preferences, UserStore, clean_tags, note_to_html
from ildesk.userdata.notes import MARK_END, MARK_START


def test_default_location_follows_ildesk_user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ILDESK_USER_DIR", str(tmp_path / "profile"))
    with UserStore() as s:
        assert s.path == tmp_path / "profile" / "user.sqlite"
        s.bookmarks.add("il-2", "Interleukin 2")
    assert (tmp_path / "profile" / "user.sqlite").is_file()


def test_database_is_wal_and_synchronous_full(store):
    with store._db.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_star_list_sort_filter_and_remove(store):
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    assert store.bookmarks.add("il-6", "Interleukin 6", tags="exam, Storm", created=t0)
    assert store.bookmarks.add("il-2", "Interleukin 2", folder="T cells",
                               created=t0 + timedelta(days=1))
    assert store.bookmarks.add("il-17a", "Interleukin 17A", tags=["exam"],
                               created=t0 + timedelta(days=2))
    assert not store.bookmarks.add("il-6", "again")  # already starred: unchanged
    assert [b.page_id for b in store.bookmarks.all()] == ["il-17a", "il-2", "il-6"]
    assert [b.page_id for b in store.bookmarks.all(sort="date")] == ["il-17a", "il-2", "il-6"]
    assert [b.page_id for b in store.bookmarks.all(text="storm")] == ["il-6"]
    assert [b.page_id for b in store.bookmarks.all(text="T CELL")] == ["il-2"]
    assert [b.page_id for b in store.bookmarks.all(tag="Exam")] == ["il-17a", "il-6"]
    assert store.bookmarks.tags() == ["exam", "Storm"]
    assert store.bookmarks.folders() == ["T cells"]
    store.bookmarks.set_tags("il-2", "memory,  t cells ")
    assert store.bookmarks.get("il-2").tags == ("memory", "t cells")
    assert "il-6" in store.bookmarks
    assert store.bookmarks.remove("il-6")
    assert "il-6" not in store.bookmarks
    assert store.bookmarks.toggle("il-6", "Interleukin 6") is True
    assert store.bookmarks.toggle("il-6", "Interleukin 6") is False


def test_clean_tags():
    assert clean_tags("immunology, exam ,, Exam") == ("exam", "immunology")


def test_bookmark_survives_a_new_data_version_and_is_shown_missing(store):
    data_v1 = {"il-6": ("Interleukin 6", "interleukin"),
               "il-retired": ("Interleukin 99", "interleukin")}
    store.bookmarks.add("il-6", data_v1["il-6"][0])
    store.bookmarks.add("il-retired", data_v1["il-retired"][0])
    assert not any(b.missing for b in store.bookmarks.all(pages=data_v1))
    data_v2 = {"il-6": ("Interleukin-6", "interleukin")}  # the page was dropped
    marks = {b.page_id: b for b in store.bookmarks.all(pages=data_v2)}
    assert set(marks) == {"il-6", "il-retired"}
    assert marks["il-retired"].missing and marks["il-retired"].name == "Interleukin 99"
    assert not marks["il-6"].missing


def test_notes_save_update_delete(store):
    note = store.notes.save("il-6", "first", "Interleukin 6")
    assert store.notes.get("il-6").text == "first"
    again = store.notes.save("il-6", "first", "Interleukin 6")
    assert again.updated == note.updated  # unchanged text keeps its time
    store.notes.save("il-6", "second")
    assert store.notes.get("il-6").text == "second"
    assert store.notes.get("il-6").name == "Interleukin 6"
    assert store.notes.save("il-6", "   \n") is None  # blank deletes
    assert store.notes.get("il-6") is None


def test_search_notes_finds_words_and_prefixes(store):
    store.notes.save("il-6", "Tocilizumab blocks the IL-6 receptor (gp80).", "Interleukin 6")
    store.notes.save("il-2", "Aldesleukin; capillary leak syndrome.", "Interleukin 2")
    hits = store.search_notes("tocili")
    assert [h[0] for h in hits] == ["il-6"]
    assert MARK_START + "Tocilizumab" + MARK_END in hits[0][1]
    assert [h[0] for h in store.search_notes("capillary LEAK")] == ["il-2"]
    assert store.search_notes("tocilizumab capillary") == []
    assert [h.page_id for h in store.notes.search("Interleukin 2")] == ["il-2"]  # by name


@pytest.mark.parametrize("query", ['"', "'", 'AND OR NOT', 'NEAR(a b)', "*", "^x", "a:b",
                                   "col:", "\x00", "((", "🙂", "", "   ", '" OR 1=1 --',
                                   "x" * 5000, "il-6\"*"])
def test_search_notes_is_safe_with_any_text(store, query):
    store.notes.save("il-6", "AND OR NOT near x il-6 🙂", "Interleukin 6")
    hits = store.search_notes(query)
    assert isinstance(hits, list)


def test_history_newest_first_clear_and_off(store):
    t0 = datetime(2024, 1, 1, tzinfo=UTC)
    store.history.record("il-2", "Interleukin 2", t0)
    store.history.record("il-6", "Interleukin 6", t0 + timedelta(minutes=1))
    store.history.record("il-6", "Interleukin 6", t0 + timedelta(minutes=2))  # same page again
    visits = store.history.all()
    assert [v.page_id for v in visits] == ["il-6", "il-2"]
    assert visits[0].opened_at == t0 + timedelta(minutes=2)
    assert store.prefs.last_page() == ("il-6", "Interleukin 6")
    assert store.history.clear() == 2
    assert store.history.all() == [] and store.prefs.last_page() is None
    store.prefs.update(history_enabled=False)
    assert store.history.record("il-10", "Interleukin 10") is False
    assert store.history.all() == []
    assert store.prefs.last_page() is None  # history off: not even the last page


def test_reopen_last_page_is_remembered_even_with_history_off(store):
    store.prefs.update(history_enabled=False, start_page="last")
    assert store.prefs.load().reopen_last
    store.history.record("il-10", "Interleukin 10")
    assert store.history.all() == []
    assert store.prefs.last_page() == ("il-10", "Interleukin 10")


def test_preferences_defaults_save_and_reload(tmp_path):
    path = tmp_path / "user.sqlite"
    with UserStore(path) as s:
        assert s.prefs.load() == Preferences()
        s.prefs.save(Preferences(theme="dark", text_zoom=130, page_size="Letter",
                                 margin_mm=12.5, start_page="page", start_page_id="il-6",
                                 history_enabled=False))
    with UserStore(path) as s:
        p = s.prefs.load()
    assert (p.theme, p.text_zoom, p.page_size, p.margin_mm) == ("dark", 130, "Letter", 12.5)
    assert (p.start_page, p.start_page_id, p.history_enabled) == ("page", "il-6", False)


def test_bad_stored_preferences_fall_back_to_defaults(store):
    store.prefs.set_value("pref.theme", "purple")
    store.prefs.set_value("pref.text_zoom", 9000)
    store.prefs.set_value("pref.start_page", "page")  # with no page chosen
    with store._db.write() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO preference VALUES ('pref.margin_mm', 'not json')")
    assert store.prefs.load() == Preferences()


def test_saving_invalid_preferences_says_what_is_wrong(store):
    with pytest.raises(ValueError, match="text zoom"):
        store.prefs.save(Preferences(text_zoom=5))
    assert store.prefs.load() == Preferences()


def test_two_stores_on_one_file_see_each_others_writes(tmp_path):
    a, b = UserStore(tmp_path / "user.sqlite"), UserStore(tmp_path / "user.sqlite")
    a.bookmarks.add("il-6", "Interleukin 6")
    b.notes.save("il-6", "from window b")
    assert b.bookmarks.get("il-6") is not None
    assert a.notes.get("il-6").text == "from window b"
    a.close()
    b.close()


def test_in_memory_store_works():
    s = UserStore.in_memory()
    s.bookmarks.add("il-6", "Interleukin 6")
    s.notes.save("il-6", "hello")
    assert s.search_notes("hello")[0][0] == "il-6"


# -- notes as HTML ------------------------------------------------------------------------


def test_note_to_html_keeps_the_markdown_light_subset():
    out = note_to_html("**IL-6** is *pleiotropic*.\n\n- made by macrophages\n- acts on B cells")
    assert "<p><strong>IL-6</strong> is <em>pleiotropic</em>.</p>" in out
    assert "<ul><li>made by macrophages</li><li>acts on B cells</li></ul>" in out


ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "li"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@pytest.mark.parametrize("evil", [
    "<script>alert(1)</script>",
    '<img src="http://example.org/x.png">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="file:///etc/passwd">x</a>',
    "file:///etc/passwd and javascript:alert(1)",
    "**<script>**",
    '*" onmouseover="alert(1)*',
    "![img](http://example.org/x.png)",
    "- <b onclick=x>y</b>\n\n**a<br>**",
])
def test_note_to_html_neutralises_active_content(evil):
    out = note_to_html(evil)
    parser = _Tags()
    parser.feed(out)
    assert {t for t, _ in parser.tags} <= ALLOWED_TAGS  # no script, img, a …
    assert all(not attrs for _, attrs in parser.tags)  # no href, src, on…= anywhere
    assert html.unescape(re.sub(r"<[^>]+>", "", out)).replace("\n", "").strip()  # text kept


def test_note_to_html_of_plain_text_is_escaped_text():
    assert note_to_html("a < b & c > d") == "<p>a &lt; b &amp; c &gt; d</p>"
