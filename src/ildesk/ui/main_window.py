"""The main window: it assembles the panels and wires their signals; each panel is its own
module. Search runs on the background worker; pages are read through `ildesk.db.pages`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ildesk import relate, wording
from ildesk.article import html as article_html
from ildesk.article import links
from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.db.pages.types import InterleukinPage, Named, Page
from ildesk.search import Facets, Searcher, SearchHit, SearchResult
from ildesk.ui import compare_menu, theme
from ildesk.ui.article_view import ArticleView
from ildesk.ui.background import Background
from ildesk.ui.facets_panel import FacetsPanel
from ildesk.ui.navigation import Navigation
from ildesk.ui.result_list import ResultModel, ResultView, Role
from ildesk.ui.settings import settings

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)
ARTICLE_MIN_WIDTH = 380


class SearchField(QLineEdit):
    """The search field: Up/Down move in the result list, Enter opens, Escape clears."""

    moved = Signal(int)
    accepted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.moved.emit(1 if key == Qt.Key.Key_Down else -1)
        elif key == Qt.Key.Key_PageDown:
            self.moved.emit(8)
        elif key == Qt.Key.Key_PageUp:
            self.moved.emit(-8)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accepted.emit()
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class MainWindow(QMainWindow):
    page_shown = Signal(str)
    results_shown = Signal(object)  # SearchResult

    def __init__(self, content: Content, searcher: Searcher, lazy_diagram: bool = False
                 ) -> None:
        """`lazy_diagram`: leave the diagram panel's contents to `attach_diagram()`, so that
        the window can paint before the drawing code loads (the application does this)."""
        super().__init__()
        self.content = content
        self.searcher = searcher
        self.bg = Background(self)
        self.nav = Navigation()
        self.labels = pages.labels(content)
        self.families = pages.families(content)
        self.meta = pages.meta(content)
        self.current_page: Page | None = None
        self.showing_home = False
        self.zoom = 1.0
        self.page_size = "A4"
        self.margins_mm = 15.0
        # Hooks the personal library fills in (see library_controller.py).
        self.extra_hits: Callable[[str], list[SearchHit]] = lambda _text: []
        self.zoom_changed_hook: Callable[[float], None] | None = None
        self.theme_changed_hook: Callable[[str], None] | None = None
        self.close_hooks: list[Callable[[], None]] = []
        self.last_result: SearchResult | None = None
        self.shown_text: str | None = None  # the field text the list currently answers
        self._recolour = False  # the colour scheme changed: repaint every facet count
        self._group_of: dict[str, str] = {}
        for fam in self.families:
            for member in fam["members"]:
                self._group_of.setdefault(member["id"], fam["name"])
        self.setWindowTitle("ildesk")
        self.setObjectName("MainWindow")
        self._build()
        self._actions()
        compare_menu.install(self)  # the Compare menu, multi-selection in the result list
        self._diagram_dock(lazy_diagram)
        self._restore()
        self.search_field.setFocus()
        self.show_home()
        self.run_search()

    # -- construction ---------------------------------------------------------------------

    def _build(self) -> None:
        self.search_field = SearchField()
        self.search_field.setPlaceholderText(
            "Search interleukins, receptors, cells, diseases, drugs…   (Ctrl+K)")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search")
        self.search_field.setMinimumWidth(220)
        self.search_field.textChanged.connect(lambda _t: self.run_search())
        self.search_field.moved.connect(self._move_selection)
        self.search_field.accepted.connect(self.open_selected)

        self.facets = FacetsPanel(pages.hierarchy(self.content, "cell_type"),
                                  pages.hierarchy(self.content, "disease"), self.families)
        self.facets.changed.connect(lambda _f: self.run_search())
        self.model = ResultModel(self)
        self.results = ResultView()
        self.results.setModel(self.model)
        self.results.clicked.connect(lambda idx: self.open_page(idx.data(Role.PAGE_ID)))
        self.results.activated.connect(lambda idx: self.open_page(idx.data(Role.PAGE_ID)))
        self.result_info = QLabel()
        self.result_info.setWordWrap(True)
        self.result_info.setTextFormat(Qt.TextFormat.RichText)
        self.result_info.setAccessibleName("Search status")
        self.result_info.linkActivated.connect(self._suggestion_clicked)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(6, 6, 0, 6)
        lay.setSpacing(4)
        lay.addWidget(self.search_field)
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        results_box = QWidget()
        rl = QVBoxLayout(results_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(2)
        rl.addWidget(self.result_info)
        rl.addWidget(self.results, 1)
        self.left_split.addWidget(results_box)
        self.left_split.addWidget(self.facets)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 2)
        lay.addWidget(self.left_split, 1)

        self.article = ArticleView()
        self.article.setMinimumWidth(ARTICLE_MIN_WIDTH)  # the docks give way first
        self.article.page_requested.connect(self.open_page)
        self.article.search_requested.connect(self.set_search)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.article)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 5)
        self.main_split.setSizes([380, 900])
        self.setCentralWidget(self.main_split)
        self.setDockNestingEnabled(True)

        total = sum(self.searcher.index.names[i][1] != "" for i in self.searcher.index.names)
        n_il = len(self.searcher.interleukins())
        built = self.meta.get("built_at", "")[:10]
        self.status_label = QLabel(f"{n_il} interleukins · {total} pages · data version "
                                   f"{self.meta.get('data_version', '?')} ({built})")
        self.status_label.setAccessibleName("Database information")
        self.statusBar().addPermanentWidget(self.status_label)
        for w in (self.results.viewport(), self.article.browser.viewport(), self):
            w.installEventFilter(self)

    def _diagram_dock(self, lazy: bool) -> None:
        self.diagram: Any = None  # a DiagramPanel once attached
        self._diagram_wanted: InterleukinPage | None = None  # the page waiting for it
        self.diagram_dock = self.add_dock("Signalling diagram", QWidget(),
                                          Qt.DockWidgetArea.RightDockWidgetArea,
                                          "diagram_dock")
        self._docks_sized = False
        self._diagram_stepped_aside = False
        if not lazy:
            self.attach_diagram()

    def attach_diagram(self) -> None:
        """Put the diagram panel into its dock and draw the page waiting for it."""
        if self.diagram is not None:
            return
        from ildesk.ui.diagram_panel import DiagramPanel

        self.diagram = DiagramPanel()
        self.diagram.setAccessibleName("Signalling diagram")
        self.diagram.set_names(self.labels)
        self.diagram.page_requested.connect(self.open_page)
        self.diagram.family_requested.connect(self.show_family)
        self.diagram_dock.setWidget(self.diagram)
        if self._diagram_wanted is not None:
            self.diagram.set_interleukin(self._diagram_wanted)

    def show_family(self, family_id: str) -> None:
        family = next((f for f in self.families if f["id"] == family_id), None)
        if family is None:
            return
        members = [p for p in (pages.page(self.content, m["id"]) for m in family["members"])
                   if p is not None]
        self.attach_diagram()
        self.diagram.set_family(family, members)

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None,
                name: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            act.setShortcuts([QKeySequence(k) for k in keys])
        act.triggered.connect(lambda _checked=False: slot())
        if name:
            act.setObjectName(name)
        menu.addAction(act)
        return act

    def _actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        edit = self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        go = self.go_menu = bar.addMenu("&Go")
        self.help_menu = bar.addMenu("&Help")
        self._action(self.file_menu, "&Print…", lambda: self._print("print"),
                     QKeySequence.StandardKey.Print, "print")
        self._action(self.file_menu, "Print pre&view…", lambda: self._print("preview"),
                     "Ctrl+Shift+P", "print_preview")
        self._action(self.file_menu, "&Export fact sheet as PDF…", lambda: self._print("pdf"),
                     "Ctrl+E", "export_pdf")
        self._action(self.file_menu, "Export &results as PDF…", self.export_results,
                     "Ctrl+Shift+E", "export_results")
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, "&Quit", self.close,
                                        QKeySequence.StandardKey.Quit, "quit")
        self._action(edit, "Copy &link to this page", self.copy_link, "Ctrl+Shift+C",
                     "copy_link")
        self._action(edit, "Copy &citation", self.copy_citation, "Ctrl+Alt+C", "copy_citation")
        self._action(edit, "&Find in page…", self.article.open_find,
                     QKeySequence.StandardKey.Find, "find")
        self._action(self.view_menu, "Zoom &in", lambda: self.step_zoom(1),
                     [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], "zoom_in")
        self._action(self.view_menu, "Zoom &out", lambda: self.step_zoom(-1),
                     QKeySequence.StandardKey.ZoomOut, "zoom_out")
        self._action(self.view_menu, "&Reset zoom", lambda: self.set_zoom(1.0), "Ctrl+0",
                     "zoom_reset")
        themes = self.view_menu.addMenu("&Theme")
        for name in theme.THEMES:
            self._action(themes, name.capitalize(), lambda n=name: self.set_theme(n),
                         name=f"theme_{name}")
        self.view_menu.addSeparator()
        self.back_action = self._action(go, "&Back", self.go_back,
                                        [QKeySequence.StandardKey.Back, "Alt+Left"], "back")
        self.forward_action = self._action(go, "&Forward", self.go_forward,
                                           [QKeySequence.StandardKey.Forward, "Alt+Right"],
                                           "forward")
        self._action(go, "&Home", self.show_home, "Alt+Home", "home")
        self._action(go, "&Search", self.focus_search, ["Ctrl+K", "Ctrl+L"], "focus_search")
        self._action(go, "Clear &filters", self.clear_facets, "Ctrl+Shift+X", "clear_filters")
        self._action(self.help_menu, "&About ildesk", self.about, name="about")
        toolbar = self.nav_toolbar = self.addToolBar("Navigation")
        toolbar.setObjectName("navigation_toolbar")
        toolbar.setMovable(False)
        self._arrow_icons()
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        self.title_label = QLabel()
        self.title_label.setAccessibleName("Current page")
        toolbar.addWidget(self.title_label)
        self._update_nav()

    # -- search ---------------------------------------------------------------------------

    def run_search(self) -> None:
        text = self.search_field.text()
        facets = self.facets.facets()
        searcher = self.searcher

        def op(cancelled: Any) -> tuple[str, SearchResult, dict[str, dict[str, int]]]:
            result = searcher.search(text, facets, limit=200, cancel=cancelled)
            candidates = searcher.interleukin_ids(text, cancel=cancelled)
            return text, result, searcher.facet_counts(candidates, facets)

        self.bg.run("search", op, self._show_results, self._search_failed)

    def _show_results(self, answer: tuple[str, SearchResult, dict[str, dict[str, int]]]
                      ) -> None:
        text, result, counts = answer
        self.last_result = result
        self.shown_text = text
        grouped = not self.search_field.text().strip() and not result.facets.active
        hits = result.hits
        if grouped:
            order = {f["name"]: i for i, f in enumerate(self.families)}
            hits = sorted(hits, key=lambda h: order.get(self._group_of.get(h.id, ""), 99))
        if not grouped:
            hits = hits + self.extra_hits(self.search_field.text())
        self.model.set_results(hits, self._group_of if grouped else None)
        self.facets.set_counts(counts, force=self._recolour)
        self._recolour = False
        self._describe(result, len(hits))
        # The whole list shows where the open page is; a search selects its best hit.
        if hits and not (grouped and self._select_current()):
            self.results.step(1)
        self.results_shown.emit(result)

    def _describe(self, result: SearchResult, n: int) -> None:
        parts = []
        f = result.facets
        for value, label in ((f.cell_type, {"producer": "produced by", "target": "acting on",
                                            "any": "linked to"}[f.role]),
                             (f.disease, "in"), (f.family, "family:")):
            if value:
                parts.append(f"{label} <b>{article_html.esc(self.labels.get(value, (value,))[0])}"
                             "</b>")
        active = (" — " + ", ".join(parts) + ' · <a href="clear">clear filters</a>') if parts \
            else ""
        if result.corrected_from:
            text = (f"No match for “{article_html.esc(result.corrected_from)}”; showing "
                    f"<b>{article_html.esc(result.query)}</b>")
        elif n == 0 and result.suggestions:
            sugg = ", ".join(f'<a href="suggest:{article_html.esc(s)}">{article_html.esc(s)}</a>'
                             for s in result.suggestions)
            text = f"No results. Did you mean {sugg}?"
        elif n == 0:
            text = "No results."
        elif not self.search_field.text().strip() and not f.active:
            text = f"All {n} interleukins, by family"
        else:
            text = f"{n} result{'s' if n != 1 else ''}"
        self.result_info.setText(text + active)

    def _suggestion_clicked(self, href: str) -> None:
        if href == "clear":
            self.clear_facets()
        elif href.startswith("suggest:"):
            self.search_field.setText(href[len("suggest:"):])

    def _search_failed(self, error: Exception) -> None:
        from ildesk.search.engine import Cancelled

        if not isinstance(error, Cancelled):
            self.result_info.setText(f"The search failed: {article_html.esc(error)}")

    def _select_current(self) -> bool:
        """Select the open page's row, if the list holds it."""
        if self.current_page is None:
            return False
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(Role.PAGE_ID) == self.current_page["id"]:
                self.results.setCurrentIndex(index)
                return True
        return False

    def _move_selection(self, step: int) -> None:
        self.results.step(step)

    def open_selected(self) -> None:
        idx = self.results.currentIndex()
        if not idx.isValid():
            self.results.step(1)
            idx = self.results.currentIndex()
        if idx.isValid():
            self.open_page(idx.data(Role.PAGE_ID))

    def set_search(self, text: str) -> None:
        self.search_field.setText(text)

    def clear_facets(self) -> None:
        self.facets.set_facets(Facets())

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    # -- pages ----------------------------------------------------------------------------

    def open_page(self, page_id: str | None, record: bool = True) -> bool:
        if not page_id:
            return False
        page = pages.page(self.content, page_id)
        if page is None:
            self.statusBar().showMessage(f"There is no page {page_id!r} in this database.", 5000)
            return False
        self.current_page = page
        self.showing_home = False
        self.render_page()
        self._show_diagram_for(page)
        if record:
            self.nav.visit(page_id)
        self._update_nav()
        self._select_current()
        title = page.get("abbreviation") or (page.get("short") if page["kind"] in (
            "receptor", "molecule") else None) or page["name"]
        self.setWindowTitle(f"{title} — ildesk")
        self.title_label.setText(f"  {title}")
        self.page_shown.emit(page_id)
        return True

    def _show_diagram_for(self, page: Page) -> None:
        """The diagram of the page's interleukin: the page itself, or the one a drug, chain,
        molecule, disease or cell type is most about (tocilizumab: IL-6; rheumatoid arthritis:
        IL-6; Th17 cells: IL-17A) — `relate.page_interleukin`, the rule the fact sheet uses."""
        target: Page | None
        if page["kind"] == "interleukin":
            target = page
        else:
            best = relate.page_interleukin(self.content, page)
            shown = self.diagram.page if self.diagram is not None else self._diagram_wanted
            if not best or (shown and shown["id"] == best):
                return  # nothing related, or already drawn: keep the drawing
            target = pages.page(self.content, best)
        if target is None or target["kind"] != "interleukin":
            return
        if self.diagram is None:  # not attached yet: it draws this when it is
            self._diagram_wanted = target
        else:
            self.diagram.set_interleukin(target)

    def note_html(self, page_id: str) -> str:
        """HTML for the person's note on this page (the personal library fills this in)."""
        return ""

    def show_home(self) -> None:
        """The home page: overview articles, families, searches to try (not in history)."""
        from ildesk.article import home

        articles: list[Named] = [{"id": r["id"], "name": r["name"]}
                    for r in pages.list_pages(self.content, "article")]
        self.current_page = None
        self.showing_home = True
        self.article.set_html(home.render(articles, self.families, self.meta,
                                          theme.article_palette(), self.zoom))
        self.setWindowTitle("ildesk")
        self.title_label.setText("  Home")

    def render_page(self, keep_scroll: bool = False) -> None:
        if self.current_page is None:
            if self.showing_home:
                self.show_home()
            return
        html = article_html.render(self.current_page, self.labels, theme.article_palette(),
                                   self.zoom, self.note_html(self.current_page["id"]))
        self.article.set_html(html, keep_scroll)

    def go_back(self) -> None:
        page = self.nav.back()
        if page:
            self.open_page(page, record=False)

    def go_forward(self) -> None:
        page = self.nav.forward()
        if page:
            self.open_page(page, record=False)

    def _update_nav(self) -> None:
        self.back_action.setEnabled(self.nav.can_go_back())
        self.forward_action.setEnabled(self.nav.can_go_forward())

    def copy_link(self) -> None:
        if self.current_page:
            QGuiApplication.clipboard().setText(links.internal(self.current_page["id"]))
            self.statusBar().showMessage("Link copied.", 3000)

    def citation(self) -> str:
        if not self.current_page:
            return ""
        return wording.citation(self.current_page, self.meta.get("data_version", "?"))

    def copy_citation(self) -> None:
        if self.current_page:
            QGuiApplication.clipboard().setText(self.citation())
            self.statusBar().showMessage("Citation copied.", 3000)

    # -- appearance -----------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        if self.zoom_changed_hook is not None:
            self.zoom_changed_hook(self.zoom)
        self.render_page(keep_scroll=True)

    def step_zoom(self, step: int) -> None:
        i = min(range(len(ZOOM_STEPS)), key=lambda k: abs(ZOOM_STEPS[k] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, i + step))])

    def set_theme(self, name: str) -> None:
        if self.theme_changed_hook is not None:
            self.theme_changed_hook(name)
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)
        self.restyle()

    def _arrow_icons(self) -> None:
        self.back_action.setIcon(theme.arrow_icon("left"))
        self.forward_action.setIcon(theme.arrow_icon("right"))

    def restyle(self) -> None:
        """Redraw what carries colours of its own after the scheme or text size changed."""
        self._arrow_icons()
        self.render_page(keep_scroll=True)
        self._recolour = True
        self.run_search()

    def about(self) -> None:
        from ildesk.ui.about import show_about

        show_about(self, self.meta)

    # -- events and state -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def _restore(self) -> None:
        s = settings()
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            area = screen.availableGeometry() if screen else None
            if area is not None:
                self.resize(min(1400, int(area.width() * 0.9)), min(900, int(area.height() * 0.9)))
        for name, splitter in (("main_split", self.main_split), ("left_split", self.left_split)):
            state = s.value(name)
            if state is not None:
                splitter.restoreState(state)

    def restore_docks(self) -> None:
        state = settings().value("window_state")
        if state is not None:
            self._docks_sized = self.restoreState(state)

    def _size_docks(self) -> None:
        """Give the diagram a fair share of a new window (about 38 % of its width); in a
        window too narrow for three columns it steps aside, and comes back with the room."""
        if self._docks_sized:
            return
        if self.diagram_dock.isHidden() and not self._diagram_stepped_aside:
            return  # the person closed it
        width = self.width()
        left = max(240, int(width * 0.24))
        room = width - left - ARTICLE_MIN_WIDTH - 40
        diagram = min(int(width * 0.38), room)
        if diagram < 240:
            self._diagram_stepped_aside = True
            self.diagram_dock.hide()
        else:
            if self._diagram_stepped_aside:
                self._diagram_stepped_aside = False
                self.diagram_dock.show()
            self.resizeDocks([self.diagram_dock], [diagram], Qt.Orientation.Horizontal)
        self.main_split.setSizes([left, 10_000])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._size_docks)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._docks_sized and self.isVisible():
            self._size_docks()

    def save_state(self) -> None:
        s = settings()
        s.setValue("geometry", self.saveGeometry())
        s.setValue("window_state", self.saveState())
        self._docks_sized = True
        s.setValue("main_split", self.main_split.saveState())
        s.setValue("left_split", self.left_split.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.bg.wait(2000)
        for hook in self.close_hooks:
            hook()
        super().closeEvent(event)

    # -- printing -------------------------------------------------------------------------

    def _print(self, how: str) -> None:
        from ildesk.ui import printing

        if not self.current_page:
            self.statusBar().showMessage("Open a page first.", 4000)
            return
        ids = [self.current_page["id"]]
        if how == "print":
            printing.print_pages(self, self.content, ids, self.page_size, self.margins_mm)
        elif how == "preview":
            printing.preview_pages(self, self.content, ids, self.page_size, self.margins_mm)
        else:
            name = (self.current_page.get("abbreviation") or self.current_page["id"])
            printing.export_pdf(self, self.content, ids, f"{name}.pdf", self.page_size,
                                self.margins_mm)

    def export_results(self) -> None:
        from ildesk.ui import printing

        ids = [h.id for h in self.model.hits() if h.kind in ("interleukin", "disease", "drug")]
        if not ids:
            self.statusBar().showMessage("The result list has no interleukins, diseases or "
                                         "drugs to export.", 5000)
            return
        printing.export_pdf(self, self.content, ids, "ildesk-results.pdf", self.page_size,
                            self.margins_mm)
