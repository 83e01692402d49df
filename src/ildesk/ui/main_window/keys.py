"""Keys that work wherever the focus is: menu shortcuts that text fields would otherwise eat,
Backspace for Back outside text fields, F6 / Shift+F6 through the panes, and the article's
own keys (Escape to the search field, typing starts a search, Ctrl+Home / Ctrl+End).

    keys = Keys(window, window)                  # after the menus exist
    keys.add_pane("note", notes_dock, editor)    # a dock that joins the F6 cycle
    keys.table()                                 # every key, for Help > Keyboard shortcuts

A line edit takes Ctrl+E (end of line), Ctrl+K (delete to the end) and more for itself before
any shortcut sees them (under X11). `_Router` answers Qt's ShortcutOverride on the widget with
the focus: a key that an enabled action of the window carries goes to that action.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)

from ildesk.ui.viewport import viewport

if TYPE_CHECKING:
    from ildesk.ui.article_view import ArticleView
    from ildesk.ui.diagram_panel import DiagramPanel
    from ildesk.ui.main_window.actions import Actions
    from ildesk.ui.main_window.search_controller import SearchController



class Window(Protocol):
    """What the keys use of the window, named by its shape (this module does not import the
    window that assembles it; the window is also the `host` QMainWindow the keys sit on)."""

    @property
    def search_field(self) -> QLineEdit: ...
    @property
    def results(self) -> QAbstractItemView: ...
    @property
    def facets(self) -> QWidget: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def search(self) -> SearchController: ...
    @property
    def diagram_dock(self) -> QDockWidget: ...
    @property
    def diagram(self) -> DiagramPanel | None: ...
    @property
    def menus(self) -> Actions: ...
    def set_zoom(self, zoom: float) -> None: ...
    def step_zoom(self, step: int) -> None: ...


Pane = tuple[str, Callable[[], QWidget | None], Callable[[], QWidget | None]]
PORTABLE = QKeySequence.SequenceFormat.PortableText
MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
             | Qt.KeyboardModifier.MetaModifier)

# Keys that belong to no menu entry, as Help > Keyboard shortcuts lists them.
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    ("Backspace", "Back (when the focus is not in a text field)"),
    ("Mouse back / forward buttons", "Back / Forward"),
    ("Up, Down, Page Up, Page Down", "In the search field: move through the results"),
    ("Enter", "In the search field or the results: open the selected page"),
    ("Escape", "In the search field: clear it. In the article: back to the search field"),
    ("A letter or digit", "In the article: start a search with it"),
    ("Ctrl+Home, Ctrl+End", "In the article: to the top, to the bottom"),
    ("Tab, Shift+Tab", "In the article: the next, previous link. In the diagram: the next, "
                       "previous box"),
    ("Arrow keys", "In the diagram: the nearest box in that direction"),
    ("Enter", "In the diagram: open the box's page. In a filter list: apply it at once"),
    ("Enter, Shift+Enter", "In the find bar: the next, previous match"),
    ("Escape", "In the find bar: close it"),
)


_ZOOM_KEYS = {"Zoom in": "Ctrl++", "Zoom out": "Ctrl+-", "Fit": "Ctrl+0"}


def edits_text(widget: QWidget | None) -> bool:
    """True for a widget where Backspace deletes text. The kinds are asked by class name
    (QObject.inherits): the Python types of spin boxes and plain-text editors would
    otherwise be made at start-up for a check, with their enums."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if widget.inherits("QPlainTextEdit") or widget.inherits("QTextEdit"):
        return not widget.property("readOnly")
    if widget.inherits("QComboBox"):
        return bool(widget.property("editable"))
    return widget.inherits("QAbstractSpinBox")


def window_actions(window: QMainWindow) -> list[QAction]:
    """The actions of `window` that carry a shortcut for the whole window."""
    out = []
    for act in window.findChildren(QAction):
        if act.shortcuts() and act.shortcutContext() in (
                Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
            out.append(act)
    return out


# Keys from Qt::Key_Back on are a keyboard's media and launch keys ("Back", "Zoom In",
# "Exit"): the platform adds them to its standard keys, but a person reading the list of
# shortcuts takes "Back" for a key on every keyboard, so the list leaves them out.
MEDIA_KEYS_FROM = Qt.Key.Key_Back.value


def typed_keys(act: QAction) -> list[QKeySequence]:
    """The sequences of `act` a person types on an ordinary keyboard."""
    return [k for k in act.shortcuts() if not k.isEmpty()
            and _typed(k)]


def _typed(seq: QKeySequence) -> bool:
    first = seq[0]  # type: ignore[index]  # QKeySequence.__getitem__ is missing in the stubs
    return bool(first.key().value < MEDIA_KEYS_FROM or first.keyboardModifiers().value)


def key_names(act: QAction) -> list[str]:
    return [k.toString(QKeySequence.SequenceFormat.NativeText) for k in typed_keys(act)]


class _Router(QObject):
    """Lets the window's shortcuts through the text fields that would take the key."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key == Qt.Key.Key_Backspace and mods in (Qt.KeyboardModifier.NoModifier,
                                                    Qt.KeyboardModifier.ShiftModifier):
            if edits_text(watched):
                return False  # the field deletes a character
        elif not (mods & MODIFIERS) and not Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35:
            return False  # plain typing stays with the field
        pressed = QKeySequence(event.keyCombination()).toString(PORTABLE)
        for act in window_actions(self._window):
            if act.isEnabled() and any(k.toString(PORTABLE) == pressed for k in act.shortcuts()):
                event.ignore()  # not overridden: the shortcut map gives it to the action
                return True
        return False


class _ArticleKeys(QObject):
    """Escape goes to the search field, a printable key starts a search with it, and
    Ctrl+Home / Ctrl+End scroll to the top / bottom."""

    def __init__(self, host: QMainWindow, window: Window) -> None:
        super().__init__(host)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        bar = self._window.article.browser.verticalScrollBar()
        if mods == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Home,
                                                                   Qt.Key.Key_End):
            bar.setValue(bar.minimum() if key == Qt.Key.Key_Home else bar.maximum())
            return True
        if key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            self._window.search.focus()
            return True
        text = event.text()
        if (text and text.isprintable() and not text.isspace()
                and not mods & MODIFIERS):
            field = self._window.search_field
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            field.setText(text)
            return True
        return False


class Keys(QObject):
    """Attributes: `panes` (the F6 cycle, in screen order)."""

    def __init__(self, host: QMainWindow, window: Window) -> None:
        """`host` carries the actions and receives the keys; `window` answers them (the main
        window is both)."""
        super().__init__(host)
        self._host, self._window = host, window
        w = window
        # The router watches the widget with the focus only (an application-wide filter
        # would run Python for every event of the program).
        self._router = _Router(host)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focused)
        for widget in (w.search_field, w.results, w.article.browser, w.article.find_field):
            widget.installEventFilter(self._router)
        self._article = _ArticleKeys(host, window)
        w.article.browser.installEventFilter(self._article)

        def diagram() -> QWidget | None:
            page_view = getattr(w, "view", None)  # None while the window is being built
            panel = page_view.diagram if page_view is not None else None
            return panel.view if panel is not None else None

        self.panes: list[Pane] = [
            ("search", lambda: w.search_field, lambda: w.search_field),
            ("results", lambda: w.search.splitter, lambda: w.results),  # with the filters
            ("article", lambda: w.article, lambda: w.article.browser),
            ("diagram", lambda: w.diagram_dock, diagram),
        ]
        menus = w.menus
        menus.go_menu.addSeparator()
        menus.add(menus.go_menu, "Next &pane", lambda: self.cycle(1), "F6", "next_pane")
        menus.add(menus.go_menu, "Prev&ious pane", lambda: self.cycle(-1), "Shift+F6",
                  "previous_pane")
        self.screen_order()

    def diagram_attached(self) -> None:
        """The diagram panel is in its dock: its zoom keys become the View menu's (one
        registration a key), the side buttons and the box keys work over it."""
        panel = self._window.diagram
        if panel is None:
            return
        for act in (panel.act_zoom_in, panel.act_zoom_out, panel.act_fit):
            act.setShortcuts([])
            act.setToolTip(f"{act.text()} ({_ZOOM_KEYS[act.text()]})")
        menus = self._window.menus
        menus.mouse_buttons(viewport(panel.view))
        from ildesk.ui.diagram_keys import DiagramKeys

        self._diagram_keys = DiagramKeys(panel)
        self.screen_order()

    def zoom(self, step: int) -> None:
        """Zoom in (1), out (-1) or back (0): the diagram when it has the focus, else the
        article's text."""
        panel = self._window.diagram
        focus = QApplication.focusWidget()
        if panel is not None and focus is not None and panel.isAncestorOf(focus):
            {1: panel.act_zoom_in, -1: panel.act_zoom_out, 0: panel.act_fit}[step].trigger()
        elif step:
            self._window.step_zoom(step)
        else:
            self._window.set_zoom(1.0)

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._host:
            new.removeEventFilter(self._router)  # once a widget, however often it is focused
            new.installEventFilter(self._router)

    def add_pane(self, name: str, container: QWidget, target: QWidget) -> None:
        """Put `target` (inside `container`, a dock) into the F6 cycle, after the others."""
        target.installEventFilter(self._router)
        self.panes.append((name, lambda: container, lambda: target))
        self.screen_order()

    def _visible(self) -> list[tuple[str, QWidget, QWidget]]:
        out = []
        for name, box, focus in self.panes:
            container, target = box(), focus()
            if container is None or target is None:
                continue
            if container.isVisible() and target.isVisible() and target.isEnabled():
                out.append((name, container, target))
        return out

    def current(self) -> str | None:
        """The pane holding the focus, by name."""
        focus = QApplication.focusWidget()
        for name, container, _target in self._visible():
            if focus is not None and (focus is container or container.isAncestorOf(focus)):
                return name
        return None

    def cycle(self, step: int) -> None:
        """Move the focus to the next (`step` 1) or previous (-1) pane on screen."""
        panes = self._visible()
        if not panes:
            return
        names = [p[0] for p in panes]
        now = self.current()
        i = (names.index(now) + step) % len(panes) if now in names else (0 if step > 0 else -1)
        target = panes[i][2]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if target is self._window.search_field:
            self._window.search_field.selectAll()

    def screen_order(self) -> None:
        """Tab moves as the eye reads: the search field, the results, the filters, the
        article, then the docks on the right."""
        w = self._window
        chain = [w.search_field, w.results, w.facets, w.article.browser]
        for _name, _box, focus in self.panes[3:]:  # the diagram, then the docks added
            target = focus()
            if target is not None:
                chain.append(target)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def table(self) -> list[tuple[str, str, str]]:
        """Every key of the window as (where, what, keys): the menu entries with their
        shortcuts, the window's other actions, then the keys of no menu."""
        rows: list[tuple[str, str, str]] = []
        seen: set[QAction] = set()

        def walk(menu: QMenu, path: str) -> None:
            for act in menu.actions():
                if act.menu() is not None:
                    sub = act.menu()
                    assert isinstance(sub, QMenu)
                    walk(sub, f"{path} › {_clean(act.text())}")
                elif act.shortcuts() and not act.isSeparator():
                    seen.add(act)
                    rows.append((path, _clean(act.text()), ", ".join(key_names(act))))

        for top in self._host.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu, _clean(top.text()))
        for act in window_actions(self._host):
            if act not in seen:
                rows.append(("Toolbar", _clean(act.text()), ", ".join(key_names(act))))
        rows += [("Elsewhere", what, keys) for keys, what in OTHER_KEYS]
        return rows


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_keys(actions: Iterable[QAction]) -> set[str]:
    """The portable names of the keys `actions` carry (tests compare them with the table)."""
    return {k.toString(PORTABLE) for a in actions for k in a.shortcuts()}
