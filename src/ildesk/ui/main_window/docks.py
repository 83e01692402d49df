"""The window's docks and remembered state: adding a dock (with its View-menu toggle), the
diagram's share of a new window (what the article's reading column does not need goes to the
diagram; in a narrow window it steps aside, a "Diagram hidden — show it" button in the status
bar says so and brings it back), and the geometry, splitters and dock layout kept in QSettings.

    docks = Docks(window, view_menu, main_split, left_split)
    dock = docks.add("History", panel, Qt.DockWidgetArea.LeftDockWidgetArea, "history_dock")
    docks.put(docks.notes_dock, NotePanel(...))      # the docks made here, filled later
    docks.restore_geometry(); ...; docks.save()
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QToolButton, QWidget

from ildesk.ui.article_view import ArticleView
from ildesk.ui.settings import settings

ARTICLE_MIN_WIDTH = 380  # the docks give way first
LEFT_SHARE, DIAGRAM_SHARE = 0.2, 0.45  # of a new window's width
LEFT_MIN, LEFT_MAX = 240, 330
MIN_DIAGRAM = 400  # narrower than this the diagram cannot be read beside the article
DIAGRAM_MAX = 1500  # wider than this the rest goes to the article (its column stays capped)
NOTE_HEIGHT = 130  # the note dock under the diagram starts this tall; the diagram takes the rest
NOTE_TABBED_BELOW = 860  # in a window lower than this the note is a tab beside the diagram
WINDOW_MAX = (1800, 1100)  # a new window: 90 % of the screen, up to this


class Docks(QObject):
    """Attributes: `diagram_dock`, `notes_dock` and `bookmarks_dock`, each holding a
    placeholder until its panel attaches: every dock exists, sized, before the first paint,
    so that nothing moves when the panels arrive (`put` fills one)."""

    def __init__(self, window: QMainWindow, view_menu: QMenu, main_split: QSplitter,
                 left_split: QSplitter) -> None:
        super().__init__(window)
        self._window, self._menu = window, view_menu
        self._splits = {"main_split": main_split, "left_split": left_split}
        self._sized = False  # a saved layout was restored, or the person arranged the docks
        self._stepped_aside = False
        self._new_screen = False  # the saved geometry came from a screen of another width
        window.setDockNestingEnabled(True)
        self.diagram_dock = self.add("Signalling diagram", QWidget(),
                                     Qt.DockWidgetArea.RightDockWidgetArea, "diagram_dock")
        self.bookmarks_dock = self.add("Bookmarks", QWidget(),
                                       Qt.DockWidgetArea.LeftDockWidgetArea, "bookmarks_dock")
        self.bookmarks_dock.hide()
        self.notes_dock = self.add("Your note", QWidget(),
                                   Qt.DockWidgetArea.RightDockWidgetArea, "notes_dock")
        window.splitDockWidget(self.diagram_dock, self.notes_dock, Qt.Orientation.Vertical)
        window.resizeDocks([self.diagram_dock, self.notes_dock], [520, 150],
                           Qt.Orientation.Vertical)
        self.diagram_toggle = QToolButton(window)
        self.diagram_toggle.setObjectName("diagram_toggle")
        self.diagram_toggle.setText("Diagram hidden \u2014 show it")
        self.diagram_toggle.setAccessibleName("The diagram is hidden: show it")
        self.diagram_toggle.setToolTip("The signalling diagram is hidden (the window is narrow, "
                                       "or it was closed). Click to bring it back.")
        self.diagram_toggle.clicked.connect(self.bring_back_diagram)
        self.diagram_toggle.hide()
        window.statusBar().addPermanentWidget(self.diagram_toggle)
        self.diagram_dock.visibilityChanged.connect(lambda _on: self._follow_diagram())

    def add(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str
            ) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self._window.addDockWidget(area, dock)
        self._menu.addAction(dock.toggleViewAction())
        if name == "notes_dock":  # the library attaches after the window showed
            QTimer.singleShot(0, self._note_placed)
        return dock

    def _note_placed(self) -> None:
        if not self._sized and self.diagram_dock.isVisible():
            self._note_below()

    # -- sizes ----------------------------------------------------------------------------

    def _reading_width(self) -> int:
        """The article's capped reading column (`ArticleView.reading_width`), or 600. The
        article is the main splitter's second pane, or inside it (under a tab bar)."""
        pane = self._splits["main_split"].widget(1)
        article = pane if isinstance(pane, ArticleView) else \
            pane.findChild(ArticleView) if pane is not None else None
        return article.reading_width() if article is not None else 600

    def widths(self, width: int) -> tuple[int, int]:
        """(left column, diagram) for a new window `width` wide: the article gets its reading
        column and the diagram the rest (at least 45 % of the window, as far as the article's
        minimum allows); a diagram below `MIN_DIAGRAM` means it steps aside."""
        left = max(LEFT_MIN, min(LEFT_MAX, int(width * LEFT_SHARE)))
        room = width - left - ARTICLE_MIN_WIDTH - 40
        rest = width - left - self._reading_width() - 40
        diagram = min(max(rest, int(width * DIAGRAM_SHARE)), room, DIAGRAM_MAX)
        return left, diagram

    def size(self) -> None:
        """Give a new window's width to the article's reading column and the rest to the
        diagram; in a window too narrow for both it steps aside, and comes back with room."""
        if self._sized:
            return
        if self.diagram_dock.isHidden() and not self._stepped_aside:
            return  # the person closed it
        w = self._window
        left, diagram = self.widths(w.width())
        if diagram < MIN_DIAGRAM:
            self._stepped_aside = True
            self.diagram_dock.hide()  # the note under it steps aside with it
            self.notes_dock.hide()
        else:
            if self._stepped_aside:
                self._stepped_aside = False
                self.diagram_dock.show()
                self.notes_dock.show()
            w.resizeDocks([self.diagram_dock], [diagram], Qt.Orientation.Horizontal)
            self._note_below()
        self._left(left)
        QTimer.singleShot(0, lambda: self._left(left))  # again once the docks took their room
        self._follow_diagram()
        layout = w.layout()
        if layout is not None:
            layout.activate()  # the window's minimum size follows what is shown now

    def _left(self, left: int) -> None:
        split = self._splits["main_split"]
        split.setSizes([left, max(ARTICLE_MIN_WIDTH, split.width() - left)])

    def _note_below(self) -> None:
        """The note dock under the diagram starts low, or in a low window is a tab beside it,
        so that the diagram gets the height."""
        note = self._window.findChild(QDockWidget, "notes_dock")
        w = self._window
        if note is None or note.isHidden() or note.isFloating() or \
                w.dockWidgetArea(note) != w.dockWidgetArea(self.diagram_dock):
            return
        if w.height() < NOTE_TABBED_BELOW:
            if note not in w.tabifiedDockWidgets(self.diagram_dock):
                w.tabifyDockWidget(self.diagram_dock, note)
                self.diagram_dock.raise_()
            return
        total = self.diagram_dock.height() + note.height()
        w.resizeDocks([self.diagram_dock, note], [max(200, total - NOTE_HEIGHT), NOTE_HEIGHT],
                      Qt.Orientation.Vertical)

    def _follow_diagram(self) -> None:
        """The status bar's "Diagram hidden" button is there exactly while it is hidden."""
        self.diagram_toggle.setVisible(self.diagram_dock.isHidden())

    def bring_back_diagram(self) -> None:
        """Show the diagram again (the person asked): the article gives way to its minimum."""
        w = self._window
        self._stepped_aside = False
        self._sized = True  # the person arranged the docks now; no stepping aside again
        self.diagram_dock.show()
        self.diagram_dock.raise_()
        _left, diagram = self.widths(w.width())
        w.resizeDocks([self.diagram_dock], [max(diagram, MIN_DIAGRAM)],
                      Qt.Orientation.Horizontal)
        self._follow_diagram()

    def put(self, dock: QDockWidget, widget: QWidget) -> None:
        """Fill `dock` (made here with a placeholder) with its panel; its size stays."""
        old = dock.widget()
        dock.setWidget(widget)
        if old is not None and old is not widget:
            old.deleteLater()

    def shown(self) -> None:
        """The window is being shown: size the docks now, before its first paint, and again
        once it has its final size (a window manager may still change it)."""
        self.size()
        QTimer.singleShot(0, self.size)

    def resized(self) -> None:
        if not self._sized and self._window.isVisible():
            self.size()

    # -- state between runs ---------------------------------------------------------------

    def restore_geometry(self) -> None:
        """The window's size and splitters as last saved (or 90 % of the screen). Qt refuses
        a geometry saved on a screen much narrower or wider (1366 px, now 1920 px: it
        guards against a change of scaling); the window then takes this screen's share
        instead of Qt's bare default size, and its columns are shared out as in a new
        window (the docks shown stay the ones left)."""
        s = settings()
        geometry = s.value("geometry")
        w = self._window
        self._new_screen = geometry is not None and not w.restoreGeometry(geometry)
        if geometry is None or self._new_screen:
            screen = QGuiApplication.primaryScreen()
            area = screen.availableGeometry() if screen else None
            if area is not None:
                w.resize(min(WINDOW_MAX[0], int(area.width() * 0.9)),
                         min(WINDOW_MAX[1], int(area.height() * 0.9)))
        for name, splitter in self._splits.items():
            state = s.value(name)
            if state is not None and not (self._new_screen and name == "main_split"):
                splitter.restoreState(state)

    def restore(self) -> None:
        """The docks as last arranged (once every dock exists); from another screen, sized
        afresh."""
        state = settings().value("window_state")
        if state is not None:
            restored = self._window.restoreState(state)
            self._sized = restored and not self._new_screen
            if restored and self._new_screen and self._window.isVisible():
                self.size()  # the library attaches after the first paint: sized again

    def save(self) -> None:
        s = settings()
        s.setValue("geometry", self._window.saveGeometry())
        s.setValue("window_state", self._window.saveState())
        self._sized = True
        for name, splitter in self._splits.items():
            s.setValue(name, splitter.saveState())
        s.sync()
