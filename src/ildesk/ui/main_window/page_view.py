"""The page-bound parts of the window: the article (its glossary terms marked, with what
providers add under it), the diagram of the interleukin the page stands for (or its
placeholder), the window title, and copying a link or citation. Each follows
`reader.page_changed`; none remembers the page.

    view = PageView(window, reader, article, diagram_dock)
    view.attach_diagram()        # after the first paint (the drawing code loads then)
    view.attach_terms()          # likewise the glossary marks, if `defer_terms` held them
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ildesk.article import drug_tables
from ildesk.article import html as article_html
from ildesk.db import pages
from ildesk.db.engine import Content
from ildesk.db.pages.types import Family, Named
from ildesk.ui import theme
from ildesk.ui.article_view import ArticleView
from ildesk.ui.main_window.providers import ContentProvider
from ildesk.ui.main_window.reader import Reader
from ildesk.ui.reading import Shown
from ildesk.wording import citation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from ildesk.article.glossary import Glossary
    from ildesk.ui.diagram_panel import DiagramPanel

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)


class PageView(QObject):
    """Attributes: `diagram` (a DiagramPanel once attached, else None), `zoom` (the text
    size of the article; `zoom_changed` follows a change the person made)."""

    zoom_changed = Signal(float)

    def __init__(self, window: QMainWindow, content: Content, reader: Reader,
                 article: ArticleView, diagram_dock: QDockWidget,
                 providers: Iterable[ContentProvider], open_page: Callable[[str], Any],
                 tables: tuple[dict[str, tuple[str, str]], list[Family], dict[str, str]]
                 ) -> None:
        """`tables`: the content's labels, families and meta (`ildesk.db.pages`)."""
        super().__init__(window)
        self._window, self._content, self._reader = window, content, reader
        self._article, self._dock, self._providers = article, diagram_dock, providers
        self._open_page = open_page
        self.zoom = 1.0  # the article's text size
        self.drug_sort = drug_tables.DrugSort()  # how disease drug tables are sorted
        article.sort_requested.connect(self.sort_drugs)
        self.labels, self.families, self.meta = tables
        self._articles: list[Named] | None = None
        self._glossary: Glossary | None = None
        self._terms_later = False  # `defer_terms`: articles unmarked until `attach_terms`
        self.diagram: DiagramPanel | None = None
        self.full: QDialog | None = None  # the diagram's full view, while open
        self._held: bool | None = None  # render later (`hold`): None, or the keep_scroll
        self._holding = False
        reader.page_changed.connect(self.follow)

    def hold(self) -> None:
        """Render nothing until `release`: the window, while it is built and sent to the
        page it opens on, renders that page once instead of Home and then the page."""
        self._holding = True

    def release(self) -> None:
        """Render what `hold` held back (the page on screen now), if anything was."""
        held, self._holding, self._held = self._held, False, None
        if held is not None:
            self.render(held)

    def follow(self, shown: Shown) -> None:
        self._window.setWindowTitle("ildesk" if shown.is_home else f"{shown.title} — ildesk")
        self.render()
        self._follow_diagram(shown)

    def render(self, keep_scroll: bool = False) -> None:
        """The article of the page on screen (Home: the home page)."""
        if self._holding:
            self._held = bool(self._held) or keep_scroll
            return
        self._article.browser.zoom = self.zoom  # its reading column follows the text size
        shown = self._reader.shown
        if shown.page is None:
            from ildesk.article import home

            if self._articles is None:
                self._articles = [{"id": r["id"], "name": r["name"]}
                                  for r in pages.list_pages(self._content, "article")]
            html = home.render(self._articles, self.families, self.meta,
                               theme.article_palette(), self.zoom)
        else:
            note = "".join(p.note_html(shown.page["id"]) for p in self._providers)
            palette = theme.article_palette()
            html = article_html.render(shown.page, self.labels, palette, self.zoom, note,
                                       self.drug_sort)
            if not self._terms_later:
                html = self.glossary_terms.annotate(html, shown.page["id"], palette)
        self._article.set_html(html, keep_scroll)

    def sort_drugs(self, column: str) -> None:
        """Sort the drug table by `column` (again: reversed), keeping the reader's place."""
        self.drug_sort = drug_tables.next_sort(self.drug_sort, column)
        self.render(keep_scroll=True)

    def defer_terms(self) -> None:
        """Show articles without their glossary marks until `attach_terms`: reading the
        glossary and making its matcher takes ~15 ms, which the first paint need not wait for
        (the marks change no line: the same text, underlined)."""
        self._terms_later = True

    def attach_terms(self) -> None:
        """Mark the glossary's terms from now on, in the article on screen too."""
        if self._terms_later:
            self._terms_later = False
            if self._reader.shown.page is not None:
                self.render(keep_scroll=True)

    @property
    def glossary_terms(self) -> Glossary:
        """The glossary's terms, marked in every article (read when the first page opens)."""
        if self._glossary is None:
            from ildesk.article import glossary  # after the first paint (`defer_terms`)

            page = pages.page(self._content, glossary.PAGE_ID)
            body = page["body"] if page is not None and page["kind"] == "article" else ""
            self._glossary = glossary.Glossary(
                glossary.parse(body, lambda i: self.labels.get(i, (i, ""))[0]))
        return self._glossary

    def set_zoom(self, zoom: float) -> None:
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self.zoom_changed.emit(self.zoom)
        self.render(keep_scroll=True)

    def step_zoom(self, step: int) -> None:
        i = min(range(len(ZOOM_STEPS)), key=lambda k: abs(ZOOM_STEPS[k] - self.zoom))
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, i + step))])

    # -- the diagram ----------------------------------------------------------------------

    def attach_diagram(self) -> DiagramPanel:
        """Put the diagram panel into its dock and draw what the page on screen stands for."""
        if self.diagram is not None:
            return self.diagram
        from ildesk.ui.diagram_panel import DiagramPanel

        self.diagram = DiagramPanel()
        self.diagram.setAccessibleName("Signalling diagram")
        self.diagram.set_names(self.labels)
        self.diagram.families = self.families
        self.diagram.page_requested.connect(self._open_page)
        self.diagram.family_requested.connect(self.show_family)
        self.diagram.full_view_requested.connect(self.full_view)
        self.diagram.act_full.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # F11
        menus = getattr(self._window, "menus", None)
        if menus is not None:  # View → Full view (F11), beside the docks' toggles
            self.diagram.act_full.setText("Diagram full view")
            self.diagram.act_full.setIconText("Full view")
            menus.view_menu.addAction(self.diagram.act_full)
        self._dock.setWidget(self.diagram)
        self._follow_diagram(self._reader.shown)
        return self.diagram

    def _follow_diagram(self, shown: Shown) -> None:
        """The diagram of the interleukin the page stands for, or the placeholder."""
        if self.diagram is None:
            return  # not attached yet: it draws reader.shown when it is
        wanted = shown.interleukin
        # on a drug's page its boxes stand out, as on its fact sheet
        highlight = shown.page_id if shown.page and shown.page["kind"] == "drug" else None
        drawn = self.diagram.page["id"] if self.diagram.page else None
        if wanted == drawn and self.diagram.diagram is not None and \
                highlight == self.diagram.highlight:
            return  # already drawn: keep the drawing (and the reader's zoom)
        target = (shown.page if shown.page is not None and shown.page_id == wanted else
                  pages.page(self._content, wanted) if wanted else None)
        self.diagram.set_interleukin(target if target is not None
                                     and target["kind"] == "interleukin" else None, highlight)

    def full_view(self) -> None:
        """The diagram big, in a window of its own (F11; Escape returns)."""
        if self.diagram is None or self.diagram.diagram is None:
            return
        from ildesk.ui.diagram_full import FullView

        self.full = FullView(self.diagram, self._window)
        self.full.open()

    def show_family(self, family_id: str) -> None:
        family = next((f for f in self.families if f["id"] == family_id), None)
        if family is None:
            return
        members = [p for p in (pages.page(self._content, m["id"]) for m in family["members"])
                   if p is not None and p["kind"] == "interleukin"]
        self.attach_diagram().set_family(family, members)

    # -- copying --------------------------------------------------------------------------

    def copy_link(self) -> None:
        """The page's outside address (UniProt, HGNC, PubMed, …) and its `ildesk:` link."""
        page = self._reader.page
        if page is not None:
            from ildesk.ui.external import link_text

            text = link_text(page)
            QGuiApplication.clipboard().setText(text)
            self._window.statusBar().showMessage(
                "Link copied: " + " and ".join(text.splitlines()), 5000)

    def citation(self) -> str:
        page = self._reader.page
        return citation(page, self.meta.get("data_version", "?")) if page else ""

    def copy_citation(self) -> None:
        if self._reader.page:
            QGuiApplication.clipboard().setText(self.citation())
            self._window.statusBar().showMessage("Citation copied.", 3000)
