"""The main window: it assembles the parts and wires their signals, nothing more.

    actions.py            menus, shortcuts, the navigation toolbar
    keys.py               keys from every focus, F6 through the panes, the article's keys
    search_controller.py  the search field, result list, status line and facets
    docks.py              docks, their sizes, and the state kept between runs
    reader.py             `page_changed(Shown)`: what is on screen (`ildesk.ui.reading`)
    tabs.py               the tab bar, its menu entries, opening links in new tabs
    providers.py          what others add to the content (the library's notes)

Every page-bound part (article, diagram, actions, the result list's selection, and the
library's note and star) follows `reader.page_changed`; none keeps its own idea of the page.
Slow work runs on `bg` (`ildesk.ui.background`); pages are read through `ildesk.db.pages`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QSplitter

from ildesk import __version__
from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.search import Searcher, SearchHit, SearchResult
from ildesk.ui import compare_menu, results_mode, theme
from ildesk.ui.article_view import ArticleView
from ildesk.ui.background import Background
from ildesk.ui.facets_panel import FacetsPanel
from ildesk.ui.main_window.actions import Actions
from ildesk.ui.main_window.docks import ARTICLE_MIN_WIDTH, Docks
from ildesk.ui.main_window.keys import Keys
from ildesk.ui.main_window.page_view import PageView
from ildesk.ui.main_window.providers import ContentProvider
from ildesk.ui.main_window.reader import Reader, interleukin_rule
from ildesk.ui.main_window.search_controller import SearchController, SearchField
from ildesk.ui.main_window.tabs import WindowTabs
from ildesk.ui.reading import Page, ReadingState, Shown
from ildesk.ui.saved_notice import SavedNotice
from ildesk.ui.settings import settings
from ildesk.ui.viewport import viewport
from ildesk.wording import content_stamp, plural

if TYPE_CHECKING:
    from ildesk.ui.diagram_panel import DiagramPanel
    from ildesk.ui.printing import Printing

__all__ = ["ContentProvider", "MainWindow", "SearchField", "interleukin_rule"]

class MainWindow(QMainWindow):
    """Attributes: `reader` (what is shown), `tabs` (tabs.py), `search`, `menus` (actions.py),
    `docks`, `article`, `diagram` (None until attached), `printing`, `bg`; `zoom`,
    `page_size`, `margins_mm`."""

    page_shown = Signal(str)  # a page (not Home) is on screen: its id
    results_shown = Signal(object)  # SearchResult
    zoom_changed = Signal(float)
    theme_changed = Signal(str)  # the person chose a theme
    closing = Signal()  # before the window closes: save what must be saved

    def __init__(self, content: Content, searcher: Searcher, lazy_diagram: bool = False,
                 hold_article: bool = False) -> None:
        """`lazy_diagram`: leave the diagram panel's contents and the articles' glossary marks
        to `attach_diagram()`, so that the window can paint before the drawing code loads and
        the glossary is read (the application does this).
        `hold_article`: render the article only at `release_article()` (the application
        opens its start page first, so Home is not rendered for nothing)."""
        super().__init__()
        self.content, self.searcher = content, searcher
        self.bg = Background(self, report=self.report)
        self.labels = pages.labels(content)
        self.families = pages.families(content)
        self.meta = pages.meta(content)
        self.page_size, self.margins_mm = "A4", 15.0
        self._providers: list[ContentProvider] = []
        self.reader = Reader(ReadingState(lambda pid: pages.page(content, pid),
                                          interleukin_rule(content)), self)
        self.setWindowTitle("ildesk")
        self.setObjectName("MainWindow")
        self._build()
        self.view = PageView(self, content, self.reader, self.article, self.diagram_dock,
                             self._providers, self.open_page,
                             (self.labels, self.families, self.meta))
        self.view.zoom_changed.connect(self.zoom_changed)
        if hold_article:
            self.view.hold()
        if lazy_diagram:
            self.view.defer_terms()
        self._printing: Printing | None = None
        self.reader.page_changed.connect(self._follow)
        self.docks.restore_geometry()
        self.docks.restore()  # every dock exists: the saved layout holds from the first frame
        self.search_field.setFocus()
        self.show_home()
        self.tabs.restore()  # tabs (issue 18): the last run's, when the preference says so
        self.run_search()
        if not lazy_diagram:
            self.attach_diagram()

    def _build(self) -> None:
        facets = FacetsPanel(pages.hierarchy(self.content, "cell_type"),
                             lambda: pages.hierarchy(self.content, "disease"), self.families)
        self.search = SearchController(self.bg, self.searcher, facets, self.labels,
                                       self.families, self._extra_hits, self,
                                       lambda q: pages.exclusion(self.content, q))
        self.search.page_requested.connect(self.open_page)
        self.search.results_shown.connect(self.results_shown)
        self.search_field, self.model, self.results = (self.search.field, self.search.model,
                                                       self.search.view)
        self.result_info, self.facets = self.search.info, facets
        self.article = ArticleView()
        self.article.setMinimumWidth(ARTICLE_MIN_WIDTH)  # the docks give way first
        self.article.page_requested.connect(self.open_page)
        self.article.search_requested.connect(self.set_search)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.search.panel)
        self.main_split.addWidget(self.article)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 5)
        self.main_split.setSizes([380, 900])
        self.left_split = self.search.splitter
        self.setCentralWidget(self.main_split)
        self.menus: Actions = Actions(self, self)
        self.menus.check_theme(str(settings().value("theme", "system")))
        self.back_action, self.forward_action = self.menus.back, self.menus.forward
        self.nav_toolbar, self.title_label = self.menus.toolbar, self.menus.title
        compare_menu.install(self)  # the Compare menu, multi-selection in the result list
        self.tabs = WindowTabs(self)  # tabs (issue 18): the bar over the article, Go menu
        self.results_mode = results_mode.install(self)  # List | Table, CSV export
        self.docks: Docks = Docks(self, self.menus.view_menu, self.main_split,
                                  self.left_split)
        self.diagram_dock: QDockWidget = self.docks.diagram_dock
        counts = self.content.info.counts
        self.status_label = QLabel(
            f"{plural(counts.get('interleukin', 0), 'interleukin')} · "
            f"{plural(sum(counts.values()), 'page')} · "
            f"{content_stamp(__version__, self.meta.get('content_date', ''))}")
        self.status_label.setToolTip(f"ildesk {__version__}, data version "
                                     f"{self.meta.get('data_version', '?')}, database built "
                                     f"{self.meta.get('built_at', '?')[:10]}")
        self.status_label.setAccessibleName("Database information")
        self.statusBar().addPermanentWidget(self.status_label)
        self.saved_notice = SavedNotice(self.statusBar())
        self.menus.mouse_buttons(viewport(self.results), viewport(self.article.browser), self)
        self.keys: Keys = Keys(self, self)

    def add_provider(self, provider: ContentProvider) -> None:
        """Let `provider` add to the article and the result list (the personal library)."""
        self._providers.append(provider)

    def _extra_hits(self, text: str) -> list[SearchHit]:
        return [h for p in self._providers for h in p.extra_hits(text)]

    # -- what is shown --------------------------------------------------------------------

    @property
    def current_page(self) -> Page | None:
        return self.reader.page

    @property
    def showing_home(self) -> bool:
        return self.reader.shown.is_home

    @property
    def shown_text(self) -> str | None:
        return self.search.shown_text

    @property
    def last_result(self) -> SearchResult | None:
        return self.search.last_result

    def open_page(self, page_id: str | None, record: bool = True) -> bool:
        if not page_id:
            return False
        if not self.reader.open(page_id, record):
            self.report(f"There is no page {page_id!r} in this database.")
            return False
        return True

    def release_article(self) -> None:
        """Render the article `hold_article` held back: the page on screen now."""
        self.view.release()

    def show_home(self) -> None:
        """The home page: overview articles, families, searches to try."""
        self.reader.home()

    def go_back(self) -> None:
        self.reader.back()

    def go_forward(self) -> None:
        self.reader.forward()

    def attach_diagram(self) -> None:
        if self.view.diagram is None:
            panel = self.view.attach_diagram()
            panel.saved.connect(lambda path: self.show_saved(path, "Saved the diagram"))
            self.keys.diagram_attached()
        self.view.attach_terms()

    @property
    def diagram(self) -> DiagramPanel | None:
        return self.view.diagram

    def render_page(self, keep_scroll: bool = False) -> None:
        self.view.render(keep_scroll)

    def _follow(self, shown: Shown) -> None:
        self.menus.follow(shown)
        self.search.follow(shown)
        if shown.page_id is not None:
            self.page_shown.emit(shown.page_id)

    # -- search ---------------------------------------------------------------------------

    def run_search(self) -> None:
        self.search.run()

    def set_search(self, text: str) -> None:
        self.search.set_text(text)

    @property
    def printing(self) -> Printing:
        """Print, preview and export, loaded on first use (starting needs no drawing code)."""
        if self._printing is None:
            from ildesk.ui.printing import Printing

            self._printing = Printing(self.bg, self.content.path, self.labels,
                                      lambda: (self.page_size, self.margins_mm), self,
                                      self.report)
            self._printing.saved.connect(self.show_saved)
        return self._printing

    # -- appearance -----------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self.view.zoom

    @zoom.setter
    def zoom(self, zoom: float) -> None:
        self.view.zoom = zoom

    def set_zoom(self, zoom: float) -> None:
        self.view.set_zoom(zoom)

    def step_zoom(self, step: int) -> None:
        self.view.step_zoom(step)

    def set_theme(self, name: str) -> None:
        """The person chose a theme: apply it, remember it, say so (`theme_changed`)."""
        self.apply_theme(name)
        self.theme_changed.emit(name)

    def theme_name(self) -> str:
        """The theme the window is drawn with now (system, light or dark)."""
        return str(settings().value("theme", "system"))

    def apply_theme(self, name: str, restyle: bool = True) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)
        settings().setValue("theme", name)  # read at the next start, before the library
        self.menus.check_theme(name)
        if restyle:
            self.restyle()

    def restyle(self) -> None:
        """Redraw what carries colours of its own after the scheme or text size changed."""
        self.menus.arrow_icons()
        self.render_page(keep_scroll=True)
        self.search.recolour = True
        self.run_search()

    def about(self) -> None:
        from ildesk.ui.about import show_about

        show_about(self, self.meta)

    def show_shortcuts(self) -> None:
        """Help > Keyboard shortcuts, made from the keys registered now."""
        from ildesk.ui.shortcuts_help import show_shortcuts

        self.shortcuts_dialog = show_shortcuts(self, self.keys.table())

    def show_saved(self, path: Path, text: str) -> None:
        """`text` ("Saved 2 fact sheets") and where, with Open and Show folder buttons."""
        self.saved_notice.show_saved(path, text)

    def report(self, text: str) -> None:
        """A line in the status bar (errors from background work land here)."""
        self.statusBar().showMessage(text, 10_000)

    # -- events and state -----------------------------------------------------------------

    def restore_docks(self) -> None:
        self.docks.restore()

    def save_state(self) -> None:
        self.tabs.save()  # tabs (issue 18)
        self.docks.save()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.docks.shown()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.docks.resized()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.bg.cancel_all()  # searches stop mid-statement; writes still land
        self.closing.emit()
        self.bg.wait(2000)
        super().closeEvent(event)
