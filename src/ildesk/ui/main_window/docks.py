"""The window's docks and remembered state: adding a dock (with its View-menu toggle), the
diagram's fair share of a new window (it steps aside in a narrow one and comes back with the
room), and the geometry, splitters and dock layout kept in QSettings between runs.

    docks = Docks(window, view_menu, main_split, left_split)
    dock = docks.add("History", panel, Qt.DockWidgetArea.LeftDockWidgetArea, "history_dock")
    docks.put(docks.notes_dock, NotePanel(...))      # the docks made here, filled later
    docks.restore_geometry(); ...; docks.save()
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QWidget

from ildesk.ui.settings import settings

ARTICLE_MIN_WIDTH = 380  # the docks give way first
LEFT_SHARE, DIAGRAM_SHARE = 0.24, 0.38  # of a new window's width
MIN_DIAGRAM = 240  # narrower than this, the diagram steps aside


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

    def add(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str
            ) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self._window.addDockWidget(area, dock)
        self._menu.addAction(dock.toggleViewAction())
        return dock

    # -- sizes ----------------------------------------------------------------------------

    def size(self) -> None:
        """Give the diagram a fair share of a new window (about 38 % of its width); in a
        window too narrow for three columns it steps aside, and comes back with the room."""
        if self._sized:
            return
        if self.diagram_dock.isHidden() and not self._stepped_aside:
            return  # the person closed it
        w = self._window
        width = w.width()
        left = max(MIN_DIAGRAM, int(width * LEFT_SHARE))
        room = width - left - ARTICLE_MIN_WIDTH - 40
        diagram = min(int(width * DIAGRAM_SHARE), room)
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
        self._splits["main_split"].setSizes([left, 10_000])
        layout = w.layout()
        if layout is not None:
            layout.activate()  # the window's minimum size follows what is shown now

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
        """The window's size and splitters as last saved (or 90 % of the screen)."""
        s = settings()
        geometry = s.value("geometry")
        w = self._window
        if geometry is not None:
            w.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            area = screen.availableGeometry() if screen else None
            if area is not None:
                w.resize(min(1400, int(area.width() * 0.9)), min(900, int(area.height() * 0.9)))
        for name, splitter in self._splits.items():
            state = s.value(name)
            if state is not None:
                splitter.restoreState(state)

    def restore(self) -> None:
        """The docks as last arranged (once every dock exists)."""
        state = settings().value("window_state")
        if state is not None:
            self._sized = self._window.restoreState(state)

    def save(self) -> None:
        s = settings()
        s.setValue("geometry", self._window.saveGeometry())
        s.setValue("window_state", self._window.saveState())
        self._sized = True
        for name, splitter in self._splits.items():
            s.setValue(name, splitter.saveState())
        s.sync()
