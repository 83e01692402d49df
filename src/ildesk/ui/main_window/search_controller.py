"""The search side of the window: the field, the result list with its status line, and the
facets under it. Every search runs on the background helper's QUERY lane; a newer keystroke
makes the older search stale, so only the answer to the text in the field is ever shown.

    search = SearchController(bg, searcher, facets, labels, families, extra_hits)
    search.page_requested.connect(reader.open)     # a row was clicked or Enter pressed
    search.results_shown.connect(...)              # SearchResult, once the list shows it
    search.follow(shown)                           # select the open page's row
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ildesk.article.html import esc
from ildesk.db.pages.drug_types import Exclusion
from ildesk.search import Facets, Searcher, SearchHit, SearchResult
from ildesk.ui.background import QUERY, Background, Job
from ildesk.ui.facets_panel import FacetsPanel
from ildesk.ui.filter_bar import FilterBar, chips_for
from ildesk.ui.plain import drawable, plain_tip
from ildesk.ui.reading import Shown
from ildesk.ui.result_list import ResultDelegate, ResultModel, ResultView, Role
from ildesk.ui.viewport import viewport
from ildesk.wording import nothing_matched, plural

# the text, its result, the facet counts, and the page the text names that the filter left out
Answer = tuple[str, SearchResult, dict[str, dict[str, int]], SearchHit | None]
PLACEHOLDER = "Search names, cells, diseases…"
PLACEHOLDER_FILTERED = "Search within the filters…"
MIN_ROWS = 3.5  # results the list always has room for
ROLE_WORDS = {"producer": "produced by", "target": "acting on", "any": "linked to"}


class Results(Protocol):
    """What shows the results the keys of the search field act on: the list, or the table
    (`ildesk.ui.results_table`)."""

    def step(self, step: int) -> None: ...
    def currentIndex(self) -> QModelIndex: ...


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


class SearchController(QObject):
    """Attributes: `field`, `model`, `view` (the result list), `info` (its status line),
    `facets`, `panel` (the widget holding them all), `splitter` (list above facets);
    `views` (the list, and the table when it is installed), `head` (a row under the status line),
    `current` (the view on screen: the search field's keys move and open in it);
    `last_result` and `shown_text` say what the list answers now."""

    page_requested = Signal(str)
    results_shown = Signal(object)  # SearchResult

    def __init__(self, bg: Background, searcher: Searcher, facets: FacetsPanel,
                 labels: Mapping[str, tuple[str, str]], families: Sequence[Mapping[str, Any]],
                 extra_hits: Callable[[str], list[SearchHit]], parent: QObject | None = None,
                 not_covered: Callable[[str], Exclusion | None] = lambda _q: None) -> None:
        super().__init__(parent)
        self._bg, self._searcher, self._labels = bg, searcher, labels
        self._extra_hits = extra_hits
        self._not_covered = not_covered  # a drug ildesk deliberately leaves out, and why
        self._families = [f["name"] for f in families]
        self._family_names = {str(f["id"]): str(f["name"]) for f in families}
        self._group_of: dict[str, str] = {}
        for fam in families:
            for member in fam["members"]:
                self._group_of.setdefault(member["id"], fam["name"])
        self._page_id: str | None = None  # the page on screen, as the last `follow` said
        self.last_result: SearchResult | None = None
        self.shown_text: str | None = None  # the field text the list currently answers
        self.recolour = False  # the colour scheme changed: repaint every facet count
        self.facets = facets
        self._build()

    def _build(self) -> None:
        self.field = SearchField()
        self.field.setPlaceholderText(PLACEHOLDER)
        self.field.setToolTip("Search interleukins, receptor chains, cells, diseases and "
                              "drugs by any name (Ctrl+K)")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Search")
        self.field.setMinimumWidth(220)
        self.field.textChanged.connect(lambda _t: self.run())
        self.field.moved.connect(self._move)
        self.field.accepted.connect(self.open_selected)
        self.facets.changed.connect(lambda _f: self.run())
        self.view = ResultView()
        self.model = ResultModel(self.view)
        self.view.setModel(self.model)
        self.view.clicked.connect(self._row_opened)
        self.view.activated.connect(self._row_opened)
        self.current: Results = self.view
        self.views = QStackedWidget()
        self.views.addWidget(self.view)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setAccessibleName("Search status")
        self.info.linkActivated.connect(self._link)
        self.panel = QWidget()
        lay = QVBoxLayout(self.panel)
        lay.setContentsMargins(6, 6, 0, 6)
        lay.setSpacing(4)
        lay.addWidget(self.field)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        results_box = QWidget()
        rl = QVBoxLayout(results_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(2)
        self.filters = FilterBar()
        self.filters.removed.connect(self.facets.remove)
        self.filters.cleared.connect(self.clear_facets)
        self.filters.offered.connect(self.page_requested)
        self.facets.changed.connect(self._filters_changed)
        rl.addWidget(self.filters)
        rl.addWidget(self.info)
        self.head = QHBoxLayout()  # empty unless a part adds to it (the List | Table switch)
        self.head.setContentsMargins(0, 0, 0, 0)
        rl.addLayout(self.head)
        rl.addWidget(self.views, 1)
        # Room for a group's heading and three results and a half, whatever the chips, the
        # offer and the notice above take: on a short screen the filters below give way.
        line = self.view.fontMetrics().height()
        self.views.setMinimumHeight(int(ResultDelegate.row_height(line, header=True)
                                        + MIN_ROWS * ResultDelegate.row_height(line)))
        self.splitter.addWidget(results_box)
        self.splitter.addWidget(self.facets)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        lay.addWidget(self.splitter, 1)

    # -- searching ------------------------------------------------------------------------

    def run(self) -> None:
        text = self.field.text()
        facets = self.facets.facets()
        searcher = self._searcher

        def op(job: Job) -> Answer:
            result = searcher.search(text, facets, limit=200, cancel=job)
            # the filters count what the list holds: nothing for "🙂" (no word, no filter),
            # where the field's text alone would count every interleukin
            empty = not result.hits and text.strip() and not facets.active
            candidates = [] if empty else searcher.interleukin_ids(text, cancel=job)
            offered = None
            if facets.active and text.strip():  # the page the text names, filter or not
                named = searcher.search(text, limit=1, cancel=job)
                top = named.hits[0] if named.hits and named.corrected_from is None else None
                if top is not None and top.exact and \
                        top.id not in {h.id for h in result.hits}:
                    offered = top
            return text, result, searcher.facet_counts(candidates, facets), offered

        self._bg.run("search", op, self._show, self._failed, lane=QUERY)

    def _show(self, answer: Answer) -> None:
        text, result, counts, offered = answer
        self.filters.offer(offered.id if offered else None, offered.name if offered else "")
        self.last_result = result
        self.shown_text = text
        grouped = not self.field.text().strip() and not result.facets.active
        hits = result.hits
        if grouped:
            order = {name: i for i, name in enumerate(self._families)}
            hits = sorted(hits, key=lambda h: order.get(self._group_of.get(h.id, ""), 99))
        else:
            hits = hits + self._extra_hits(self.field.text())
        self.model.set_results(hits, self._group_of if grouped else None)
        self.facets.set_counts(counts, force=self.recolour)
        self.recolour = False
        # a drug ildesk leaves out (tezepelumab, Tezspire …) is said so, its reason as the tip
        excluded = self._not_covered(text.strip()) if text.strip() else None
        self.info.setText(self.describe(result, len(hits), excluded))
        self.info.setToolTip(plain_tip(f"{excluded['reason']}\nSource: {excluded['source']}")
                             if excluded is not None else "")
        # The whole list shows where the open page is; a search selects its best hit.
        if hits and not (grouped and self.select(self._page_id)):
            self.view.step(1)
        self.results_shown.emit(result)

    def describe(self, result: SearchResult, n: int, excluded: Exclusion | None = None) -> str:
        """The status line over the list: how many, what was corrected, the filters, or that
        the drug the query names (`excluded`) is one ildesk does not cover."""
        parts = []
        f = result.facets
        for value, label in ((f.cell_type, ROLE_WORDS[f.role]), (f.disease, "in"),
                             (f.family, "family:")):
            if value:
                parts.append(f"{label} <b>{esc(self._labels.get(value, (value,))[0])}</b>")
        active = (" — " + ", ".join(parts) + ' · <a href="clear">clear filters</a>') if parts \
            else ""
        if excluded is not None:  # said whatever else matches the words
            pages_ = (f" · {plural(n, 'page')} mention it" if n else "")
            return (f"<b>{esc(excluded['name'])}</b> is not covered by ildesk: it acts on "
                    f"{esc(excluded['target'])}, not on an interleukin{pages_}") + active
        if result.corrected_from:
            text = (f"No match for “{esc(result.corrected_from)}”; showing "
                    f"<b>{esc(result.query)}</b>")
        elif n == 0 and result.suggestions:
            sugg = ", ".join(f'<a href="suggest:{esc(s)}">{esc(s)}</a>'
                             for s in result.suggestions)
            text = f"No results. Did you mean {sugg}?"
        elif n == 0:  # the query as the field shows it, drawn: an emoji is named, not a box
            text = esc(nothing_matched(drawable(self.field.text(), self.info.font())))
        elif result.notice:
            text = f"{esc(result.notice)} · {plural(n, 'result')}"
        elif not self.field.text().strip() and not f.active:
            text = f"All {n} interleukins, by family"
        else:
            text = plural(n, "result")
        return text + active

    def _failed(self, error: Exception) -> None:
        from ildesk.search.engine import Cancelled

        if not isinstance(error, Cancelled):
            self.info.setText(f"The search failed: {esc(error)}")

    def _link(self, href: str) -> None:
        if href == "clear":
            self.clear_facets()
        elif href.startswith("suggest:"):
            self.field.setText(href[len("suggest:"):])

    # -- the list and the page ------------------------------------------------------------

    def follow(self, shown: Shown) -> None:
        """The page on screen changed: select its row, if the list holds it."""
        self._page_id = shown.page_id
        self.select(shown.page_id)

    def select(self, page_id: str | None) -> bool:
        """Select the row of `page_id`, if the list holds it."""
        if page_id is None:
            return False
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(Role.PAGE_ID) == page_id:
                seen = viewport(self.view).rect().contains(self.view.visualRect(index))
                self.view.setCurrentIndex(index)
                if not seen:  # brought into view: in the middle, with its group's heading
                    self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False

    def _move(self, step: int) -> None:
        self.current.step(step)

    def _row_opened(self, index: QModelIndex) -> None:
        page_id = index.data(Role.PAGE_ID)
        if page_id:
            self.page_requested.emit(page_id)

    def open_selected(self) -> None:
        idx = self.current.currentIndex()
        if not idx.isValid():
            self.current.step(1)
            idx = self.current.currentIndex()
        if idx.isValid():
            self._row_opened(idx)

    def set_text(self, text: str) -> None:
        self.field.setText(text)

    def clear_facets(self) -> None:
        """Every filter off: values, role, kind of link, the text in the filter fields."""
        self.facets.clear()

    def summary(self) -> tuple[str, list[str]]:
        """What the list answers: the search text and its filters as the chips say them."""
        facets = self.last_result.facets if self.last_result else self.facets.facets()
        return (self.shown_text or "", [c.text for c in chips_for(facets, self._names())])

    def _names(self) -> dict[str, str]:
        names = {k: v[0] for k, v in self._labels.items()}
        names.update(self._family_names)
        return names

    def _filters_changed(self, facets: Facets) -> None:
        self.filters.set_chips(chips_for(facets, self._names()))
        self.field.setPlaceholderText(PLACEHOLDER_FILTERED if facets.active else PLACEHOLDER)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()
