"""Tabs, as Zeal, Kiwix and browsers have them: a tab bar over the article (shown once two
tabs are open), the Go menu's "Tabs" entries with their shortcuts, middle-click (or
Ctrl+click) on a link or middle-click on a result to open it in a background tab, a tab's
context menu, and the open tabs kept between runs ("Reopen tabs at start" in the View menu).

    tabs = WindowTabs(window)   # once the article, result list and menus exist
    tabs.restore()              # the tabs of the last run (when the preference says so)
    tabs.save()                 # when the window closes

What each tab shows lives in `ildesk.ui.reading_tabs` (plain Python); the page-bound parts of
the window follow `window.reader.page_changed`, which the active tab drives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QListView,
    QMenu,
    QSplitter,
    QStatusBar,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from ildesk.article import links
from ildesk.ui.article_view import ArticleView
from ildesk.ui.main_window.actions import Actions
from ildesk.ui.main_window.reader import Reader
from ildesk.ui.main_window.search_controller import SearchController
from ildesk.ui.reading_tabs import ReadingTabs, Tab, dumps, parse_saved
from ildesk.ui.result_list import Role
from ildesk.ui.settings import settings
from ildesk.ui.viewport import viewport

TITLE_CHARS = 26  # a tab's title is cut here (the whole title is its tooltip)
REOPEN_KEY, OPEN_KEY = "tabs/reopen", "tabs/open"


class Window(Protocol):
    """What the tabs use of the window, named by its shape (this module does not import the
    window that assembles it)."""

    @property
    def reader(self) -> Reader: ...
    @property
    def article(self) -> ArticleView: ...
    @property
    def results(self) -> QListView: ...
    @property
    def search(self) -> SearchController: ...
    @property
    def menus(self) -> Actions: ...
    @property
    def main_split(self) -> QSplitter: ...
    def statusBar(self) -> QStatusBar: ...


def cut(title: str) -> str:
    """A tab's text: the page's title, cut to TITLE_CHARS.

        cut("Interleukin-6") -> "Interleukin-6"
    """
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


class _Clicks(QObject):
    """Middle-click or Ctrl+click on a page link in the article, middle-click on a result,
    middle-click on a tab: each is taken from the widget (press and release) and answered."""

    def __init__(self, parent: QObject, target: Callable[[QWidget, QPoint, bool],
                                                         Callable[[], object] | None]) -> None:
        super().__init__(parent)
        self._target = target  # (widget, position, ctrl-left) -> what to do, or None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                 QEvent.Type.MouseButtonDblClick)
        if event.type() not in kinds or not isinstance(event, QMouseEvent) \
                or not isinstance(watched, QWidget):
            return super().eventFilter(watched, event)
        ctrl_left = (event.button() == Qt.MouseButton.LeftButton
                     and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))
        if event.button() != Qt.MouseButton.MiddleButton and not ctrl_left:
            return super().eventFilter(watched, event)
        action = self._target(watched, event.position().toPoint(), ctrl_left)
        if action is None:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.MouseButtonRelease:
            action()
        return True


class WindowTabs(QObject):
    """Attributes: `bar` (the QTabBar), `tabs` (the plain state), `named[object name]` for
    the actions made here, `reopen` (the checkable preference)."""

    def __init__(self, window: Window) -> None:
        super().__init__(window.main_split)
        self._window = window
        self.tabs: ReadingTabs = window.reader.tabs
        self.tabs.leaving = self._leave
        self.bar = QTabBar()
        self.bar.setObjectName("tab_bar")
        self.bar.setAccessibleName("Open tabs")
        self.bar.setAutoHide(True)  # one tab: no bar; the Go menu says tabs exist
        self.bar.setTabsClosable(True)
        self.bar.setMovable(True)
        self.bar.setExpanding(False)
        self.bar.setDocumentMode(True)
        self.bar.setUsesScrollButtons(True)
        self.bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+Tab and the menu reach it
        self.bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.bar.currentChanged.connect(self._bar_chose)
        self.bar.tabMoved.connect(self.tabs.move)
        self.bar.tabCloseRequested.connect(self.close)
        self.bar.customContextMenuRequested.connect(self._context_menu)
        self._wrap_article()
        self.named: dict[str, QAction] = {}
        self._actions()
        self._clicks = _Clicks(self, self._click_target)
        for widget in (viewport(window.article.browser), viewport(window.results), self.bar):
            widget.installEventFilter(self._clicks)
        window.reader.tabs_changed.connect(self._redraw)
        self._redraw()

    def _wrap_article(self) -> None:
        """The tab bar goes over the article, in the article's place in the splitter."""
        split, article = self._window.main_split, self._window.article
        index = split.indexOf(article)
        self.box = QWidget()
        self.box.setObjectName("article_with_tabs")
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        split.replaceWidget(index, self.box)
        layout.addWidget(self.bar)
        layout.addWidget(article, 1)

    def _actions(self) -> None:
        menus = self._window.menus
        go = menus.go_menu
        go.addSection("Tabs")
        add = menus.add
        for text, slot, keys, name in (
                ("&New tab", self.new, "Ctrl+T", "new_tab"),
                ("&Close tab", lambda: self.close(self.tabs.active), ["Ctrl+W", "Ctrl+F4"],
                 "close_tab"),
                ("Ne&xt tab", lambda: self.step(1), ["Ctrl+Tab", "Ctrl+PgDown"], "next_tab"),
                ("Pre&vious tab", lambda: self.step(-1), ["Ctrl+Shift+Tab", "Ctrl+PgUp"],
                 "previous_tab"),
                ("&Reopen closed tab", self.reopen_closed, "Ctrl+Shift+T", "reopen_closed_tab"),
                ("D&uplicate tab", lambda: self.duplicate(self.tabs.active), None,
                 "duplicate_tab"),
                ("Close oth&er tabs", lambda: self.close_others(self.tabs.active), None,
                 "close_other_tabs"),
                ("Open link or result in new &tab", self.open_result, ["Ctrl+Return", "Ctrl+Enter"],
                 "open_result_in_tab")):
            self.named[name] = add(go, text, slot, keys, name)
        view = menus.view_menu
        self.reopen = QAction("Reopen tabs at st&art", view)
        self.reopen.setObjectName("reopen_tabs")
        self.reopen.setCheckable(True)
        self.reopen.setChecked(bool(settings().value(REOPEN_KEY, True, bool)))
        self.reopen.toggled.connect(lambda on: settings().setValue(REOPEN_KEY, on))
        last = view.actions()[-1] if view.actions() else None
        if last is not None and last.isSeparator():
            view.insertAction(last, self.reopen)  # with the other appearance entries
        else:
            view.addAction(self.reopen)
        self.named["reopen_tabs"] = self.reopen

    # -- acting on tabs -------------------------------------------------------------------

    def new(self) -> None:
        """A Home tab, made active, with the search field ready for typing."""
        self.tabs.new()
        self._arrive()
        self._window.search.focus()

    def close(self, index: int) -> None:
        was_active = index == self.tabs.active
        if self.tabs.close(index) and was_active:
            self._arrive()

    def close_others(self, index: int) -> None:
        if self.tabs.close_others(index):
            self._arrive()

    def reopen_closed(self) -> None:
        if self.tabs.reopen_closed() is not None:
            self._arrive()

    def duplicate(self, index: int) -> None:
        if self.tabs.duplicate(index) is not None:
            self._arrive()

    def step(self, step: int) -> None:
        if self.tabs.step(step):
            self._arrive()

    def activate(self, index: int) -> None:
        if self.tabs.activate(index):
            self._arrive()

    def open_in_background(self, page_id: str) -> bool:
        """`page_id` in a new tab behind the active one (middle-click, Ctrl+click)."""
        index = self.tabs.open_new(page_id)
        status = self._window.statusBar()
        if index is None:
            status.showMessage(f"There is no page {page_id!r} in this database.", 10_000)
            return False
        status.showMessage(f"Opened “{self.tabs.tabs[index].shown.title}” in a new tab "
                           "(Ctrl+Tab to go there).", 5000)
        return True

    def open_result(self) -> None:
        """Ctrl+Enter: in a background tab, the article's link the keyboard is on (Tab
        moves from link to link) when the article has the focus, else the selected result."""
        browser = self._window.article.browser
        cursor = browser.textCursor()
        if browser.hasFocus() and cursor.hasSelection():
            page_id = links.page_of(cursor.charFormat().anchorHref())
        else:
            page_id = self._window.results.currentIndex().data(Role.PAGE_ID)
        if page_id:
            self.open_in_background(str(page_id))

    def open_here_or_new(self, page_id: str) -> bool:
        """A page asked for from outside (the command line): the tab already showing it, or
        the active tab when it is an untouched Home, else a new active tab, so that reopened
        tabs stay as they were."""
        open_at = [t.shown.page_id for t in self.tabs.tabs]
        if page_id in open_at:
            self.activate(open_at.index(page_id))
            return True
        shown = self.tabs.current.shown
        if len(self.tabs) == 1 and shown.is_home and not shown.can_go_back:
            return self._window.reader.open(page_id)
        if self.tabs.open_new(page_id, activate=True) is None:
            return False
        self._arrive()
        return True

    # -- the bar --------------------------------------------------------------------------

    def _leave(self, tab: Tab) -> None:
        tab.scroll = self._window.article.browser.verticalScrollBar().value()

    def _arrive(self) -> None:
        """Another tab is active (and its article already drawn): its scroll position."""
        self._window.article.browser.verticalScrollBar().setValue(self.tabs.current_tab.scroll)

    def _bar_chose(self, index: int) -> None:
        if index >= 0:
            self.activate(index)

    def _redraw(self) -> None:
        bar, tabs = self.bar, self.tabs.tabs
        blocked = bar.blockSignals(True)
        try:
            while bar.count() > len(tabs):
                bar.removeTab(bar.count() - 1)
            while bar.count() < len(tabs):
                bar.addTab("")
            for i, tab in enumerate(tabs):
                title = tab.shown.title
                bar.setTabText(i, cut(title).replace("&", "&&"))
                bar.setTabToolTip(i, title)
                bar.setTabWhatsThis(i, title)
            bar.setCurrentIndex(self.tabs.active)
        finally:
            bar.blockSignals(blocked)
        several = len(tabs) > 1
        for name in ("close_other_tabs", "next_tab", "previous_tab"):
            self.named[name].setEnabled(several)
        self.named["reopen_closed_tab"].setEnabled(bool(self.tabs.closed))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.bar.tabAt(pos)
        if index < 0:
            return
        menu = self.tab_menu(index)
        menu.exec(self.bar.mapToGlobal(pos))

    def tab_menu(self, index: int) -> QMenu:
        """The context menu of tab `index`: close, close the others, duplicate, a new tab."""
        menu = QMenu(self.bar)
        menu.addAction("&Close tab", lambda: self.close(index))
        others = menu.addAction("Close oth&er tabs", lambda: self.close_others(index))
        others.setEnabled(len(self.tabs) > 1)
        menu.addAction("D&uplicate tab", lambda: self.duplicate(index))
        menu.addSeparator()
        menu.addAction("&New tab", self.new)
        return menu

    def _click_target(self, widget: QWidget, pos: QPoint, ctrl_left: bool
                      ) -> Callable[[], object] | None:
        """What a middle-click (or Ctrl+click, in the article) at `pos` does, or None."""
        w = self._window
        if widget is self.bar:
            index = self.bar.tabAt(pos)
            return None if index < 0 or ctrl_left else (lambda: self.close(index))
        if widget is viewport(w.article.browser):
            target = links.page_of(w.article.browser.anchorAt(pos))
            return (lambda: self.open_in_background(target)) if target else None
        if widget is viewport(w.results) and not ctrl_left:  # Ctrl+click selects to compare
            page_id = w.results.indexAt(pos).data(Role.PAGE_ID)
            return (lambda: self.open_in_background(str(page_id))) if page_id else None
        return None

    # -- between runs ---------------------------------------------------------------------

    def save(self) -> None:
        s = settings()
        if self.reopen.isChecked():
            s.setValue(OPEN_KEY, dumps(self.tabs))
        else:
            s.remove(OPEN_KEY)

    def restore(self) -> None:
        """The tabs of the last run, when "Reopen tabs at start" is on. A stored value that
        is not a list of tabs is ignored; pages no longer in the database are left out."""
        if not self.reopen.isChecked():
            return
        stored = parse_saved(settings().value(OPEN_KEY))
        if stored is None:
            return
        page_ids, active = stored
        left_out = self.tabs.restore(page_ids, active)
        self._arrive()
        if left_out and left_out < len(page_ids):
            self._window.statusBar().showMessage(
                f"{left_out} tab{'s' if left_out != 1 else ''} from last time "
                f"{'are' if left_out != 1 else 'is'} no longer in this database.", 10_000)
