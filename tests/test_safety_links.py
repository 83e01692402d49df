"""Issue 19, point 1: what a link brings is data, never an option. `ildesk://…` links (the
desktop entry runs `ildesk %u`) can neither set `--screenshot`, `--quit-after-paint` nor
`--db`, abbreviations of options are not accepted, and `--screenshot` never replaces a file
that is not a PNG picture."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from ildesk import cli
from ildesk.launch import translate_url_args


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What `ildesk …` would open the window with (the window itself is not started)."""
    import ildesk.ui.app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ildesk.ui.app, "run", lambda **kw: calls.append(kw) or 0)
    return calls


@pytest.mark.parametrize(("link", "name"), [
    ("ildesk://open/--screenshot=%2Ftmp%2Fbashrc", "--screenshot=/tmp/bashrc"),
    ("ildesk:--scr=%2Ftmp%2Fbashrc", "--scr=/tmp/bashrc"),
    ("ildesk://--quit-after-paint", "--quit-after-paint"),
    ("ildesk://open/%2D%2Ddb=%2Fetc%2Fpasswd", "--db=/etc/passwd"),
    ("ildesk://page/-h", "-h"),
    ("ildesk:--version", "--version"),
])
def test_a_link_never_sets_an_option(opened, tmp_path, link, name):
    assert cli.main([link]) == 0
    (call,) = opened
    assert call["page"] == name
    assert call["screenshot"] is None and call["quit_after_paint"] is False
    assert call["db"] is None


def test_a_search_link_starting_with_a_dash_is_searched_for(opened):
    assert cli.main(["ildesk://search?q=--screenshot=%2Ftmp%2Fx"]) == 0
    assert opened[0]["search"] == "--screenshot=/tmp/x" and opened[0]["screenshot"] is None


def test_ordinary_links_still_open_their_page(opened):
    cli.main(["ildesk://IL-6"])
    cli.main(["ildesk://open/interleukin%202"])
    assert [c["page"] for c in opened] == ["IL-6", "interleukin 2"]


def test_link_data_follows_a_double_dash():
    assert translate_url_args(["ildesk:--scr=x"]) == ["open", "--", "--scr=x"]
    assert translate_url_args(["ildesk://search/-x"]) == ["open", "--search=-x"]


@pytest.mark.parametrize("argv", [["open", "--scr=/tmp/x.png"], ["open", "--quit"],
                                  ["--d", "/tmp/x.sqlite", "list"]])
def test_abbreviated_options_are_refused(opened, argv, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2 and opened == []


def test_screenshot_never_replaces_a_file_that_is_not_a_png(qtbot, tmp_path):
    from ildesk.ui.screenshot import ScreenshotError, save_window

    label = QLabel("ildesk")
    qtbot.addWidget(label)
    label.show()
    rc = tmp_path / ".bashrc"
    rc.write_text("export PATH=$HOME/bin:$PATH\n")
    with pytest.raises(ScreenshotError, match="not a PNG"):
        save_window(label, rc)
    assert rc.read_text() == "export PATH=$HOME/bin:$PATH\n"
    picture = tmp_path / "old.png"
    save_window(label, picture)
    save_window(label, picture)  # an earlier screenshot may be replaced
    assert picture.read_bytes().startswith(b"\x89PNG")
