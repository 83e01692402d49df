"""The window's menus, shortcuts and navigation toolbar (after Picard's mainwindow/actions.py).

    actions = Actions(window)                       # File, Edit, View, Go, Help; the toolbar
    actions.add(actions.go_menu, "Histor&y…", show_history, "Ctrl+H", "history")
    actions.follow(shown)                           # page-bound actions follow the page

Every action calls a public method of the window; which page it acts on is the window's
reading state, never something an action remembers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QWidget

from ildesk.ui import theme
from ildesk.ui.reading import Shown

if TYPE_CHECKING:
    from ildesk.ui.article_view import ArticleView
    from ildesk.ui.main_window.page_view import PageView
    from ildesk.ui.main_window.reader import Reader
    from ildesk.ui.main_window.search_controller import SearchController
    from ildesk.ui.printing import Printing
    from ildesk.ui.result_list import ResultModel


class Zoomer(Protocol):
    """The window's keys as the View menu uses them (`keys.Keys`): zoom what has the focus."""

    def zoom(self, step: int) -> None: ...


class Window(Protocol):
    """What the menus call on the window they belong to, named by its shape so that this
    module does not import the window that assembles it."""

    @property
    def reader(self) -> Reader: ...
    @property
    def view(self) -> PageView: ...
    @property
    def search(self) -> SearchController: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def model(self) -> ResultModel: ...
    @property
    def printing(self) -> Printing: ...
    @property
    def keys(self) -> Zoomer: ...
    def close(self) -> bool: ...
    def go_back(self) -> None: ...
    def go_forward(self) -> None: ...
    def show_home(self) -> None: ...
    def set_zoom(self, zoom: float) -> None: ...
    def step_zoom(self, step: int) -> None: ...
    def set_theme(self, name: str) -> None: ...
    def about(self) -> None: ...
    def show_shortcuts(self) -> None: ...

Key = QKeySequence.StandardKey | str
SHEET_ACTIONS = ("print", "print_preview", "export_pdf")  # need a page with a fact sheet
PAGE_ACTIONS = ("copy_link", "copy_citation")  # need a page (not Home)


def unique_keys(keys: Sequence[Key]) -> list[QKeySequence]:
    """The sequences of `keys`, a standard key expanded to the platform's bindings, each once
    ("Alt+Left" next to QKeySequence.Back is Alt+Left twice on Linux)."""
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for key in keys:
        seqs = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) \
            else [QKeySequence(key)]
        for seq in seqs:
            name = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if name and name not in seen:
                seen.add(name)
                out.append(seq)
    return out


class _SideButtons(QObject):
    def __init__(self, host: QObject, window: Window) -> None:
        super().__init__(host)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self._window.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self._window.go_forward()
                return True
        return super().eventFilter(watched, event)


class Actions:
    """Attributes: the menus (`file_menu`, `edit_menu`, `view_menu`, `go_menu`, `help_menu`),
    `back`, `forward`, `quit`, `toolbar` (navigation) and `title` (the page's name on it);
    `named[object name]` for every action made here."""

    def __init__(self, host: QMainWindow, window: Window) -> None:
        """`host` carries the menus, toolbar and actions; `window` answers them (the main
        window is both)."""
        self._host = host
        self._window = w = window
        self.named: dict[str, QAction] = {}
        self._buttons = _SideButtons(host, window)
        bar = host.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.go_menu = bar.addMenu("&Go")
        self.help_menu = bar.addMenu("&Help")
        f, e, v, g = self.file_menu, self.edit_menu, self.view_menu, self.go_menu
        def sheet(how: str) -> Callable[[], object]:
            return lambda: w.printing.page(how, w.reader.shown)

        self.add(f, "&Print…", sheet("print"), QKeySequence.StandardKey.Print, "print")
        self.add(f, "Print pre&view…", sheet("preview"), "Ctrl+Shift+P", "print_preview")
        self.add(f, "&Export fact sheet as PDF…", sheet("pdf"), "Ctrl+E", "export_pdf")
        self.add(f, "Export &results as PDF…",
                 lambda: w.printing.results(w.model.hits(), *w.search.summary()),
                 "Ctrl+Shift+E", "export_results")
        f.addSeparator()
        self.quit = self.add(f, "&Quit", w.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"],
                             "quit")
        self.add(e, "Copy &link to this page", lambda: w.view.copy_link(), "Ctrl+Shift+C",
                 "copy_link")
        self.add(e, "Copy &citation", lambda: w.view.copy_citation(), "Ctrl+Alt+C", "copy_citation")
        self.add(e, "&Find in page…", w.article.open_find, QKeySequence.StandardKey.Find,
                 "find")
        # the zoom keys zoom what has the focus: the diagram, or else the article's text
        self.add(v, "Zoom &in", lambda: w.keys.zoom(1),
                 [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], "zoom_in")
        self.add(v, "Zoom &out", lambda: w.keys.zoom(-1), QKeySequence.StandardKey.ZoomOut,
                 "zoom_out")
        self.add(v, "&Reset zoom", lambda: w.keys.zoom(0), "Ctrl+0", "zoom_reset")
        themes = v.addMenu("&Theme")
        self.themes = QActionGroup(host)
        self.themes.setExclusive(True)
        for name in theme.THEMES:
            act = self.add(themes, name.capitalize(), functools.partial(w.set_theme, name),
                           name=f"theme_{name}")
            act.setCheckable(True)
            self.themes.addAction(act)
        v.addSeparator()
        # Each key once (Qt ignores a key two entries claim, "Ambiguous shortcut overload"):
        # the platform's Back key, Alt+Left where that is not it already, and Backspace
        # (outside text fields, see keys.py).
        self.back = self.add(g, "&Back", w.go_back,
                             [QKeySequence.StandardKey.Back, "Alt+Left", "Backspace"], "back")
        self.forward = self.add(g, "&Forward", w.go_forward,
                                [QKeySequence.StandardKey.Forward, "Alt+Right"], "forward")
        self.add(g, "&Home", w.show_home, "Alt+Home", "home")
        self.add(g, "&Search", w.search.focus, ["Ctrl+K", "Ctrl+L"], "focus_search")
        self.add(g, "C&ontents of the page", lambda: w.article.open_contents(), "Ctrl+Shift+O",
                 "contents")
        self.add(g, "C&lear filters", w.search.clear_facets, "Ctrl+Shift+X", "clear_filters")
        self.add(self.help_menu, "&Keyboard shortcuts", w.show_shortcuts, ["F1", "Ctrl+/"],
                 "shortcuts")
        self.help_menu.addSeparator()
        self.add(self.help_menu, "&About ildesk", w.about, name="about")
        self.toolbar = host.addToolBar("Navigation")
        self.toolbar.setObjectName("navigation_toolbar")
        self.toolbar.setMovable(False)
        self.arrow_icons()
        self.toolbar.addAction(self.back)
        self.toolbar.addAction(self.forward)
        self.title = QLabel()
        self.title.setAccessibleName("Current page")
        self.toolbar.addWidget(self.title)

    def add(self, menu: QMenu, text: str, slot: Callable[[], object],
            shortcut: Key | Sequence[Key] | None = None, name: str = "") -> QAction:
        """A menu entry calling `slot`, with its shortcut(s) and object name."""
        act = QAction(text, self._host)
        if shortcut is not None:
            keys = [shortcut] if isinstance(shortcut, (str, QKeySequence.StandardKey)) \
                else list(shortcut)
            act.setShortcuts(unique_keys(keys))
        act.triggered.connect(lambda _checked=False: slot())
        if name:
            act.setObjectName(name)
            self.named[name] = act
        menu.addAction(act)
        return act

    def check_theme(self, name: str) -> None:
        """Tick the theme in use in View > Theme."""
        act = self.named.get(f"theme_{name}")
        if act is not None:
            act.setChecked(True)

    def follow(self, shown: Shown) -> None:
        """Enable what applies to the page on screen: printing a page that has a fact sheet,
        copying a link to a page (not Home), Back and Forward as the history allows."""
        for name in SHEET_ACTIONS:
            self.named[name].setEnabled(shown.has_sheet)
        for name in PAGE_ACTIONS:
            self.named[name].setEnabled(shown.page_id is not None)
        self.back.setEnabled(shown.can_go_back)
        self.forward.setEnabled(shown.can_go_forward)
        self.title.setText(f"  {shown.title}")

    def mouse_buttons(self, *widgets: QWidget) -> None:
        """The mouse's side buttons go back and forward over `widgets`."""
        for widget in widgets:
            widget.installEventFilter(self._buttons)

    def arrow_icons(self) -> None:
        self.back.setIcon(theme.arrow_icon("left"))
        self.forward.setIcon(theme.arrow_icon("right"))
