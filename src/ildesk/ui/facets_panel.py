"""Facet filters: cell type (with produced by / acts on), disease (with the kind of link) and
family, each a tree that shows how many interleukins a value would leave."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ildesk.db.pages.types import Family, HierarchyEntry
from ildesk.search.engine import Facets
from ildesk.ui.plain import plain_tip
from ildesk.ui.viewport import item_model, viewport
from ildesk.vocab import CATEGORY_LABEL, LINK_LABEL, LINK_ORDER

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
FIND_ROLE = Qt.ItemDataRole.UserRole + 3  # name and synonyms, folded, for the filter field
SETTLE_MS = 400  # arrowing through a tree applies the value after this pause (or on Enter)
INDENT = 10  # px a level (Qt's default is 20)
LINK_KINDS = [("Any link", None), *((LINK_LABEL[k].capitalize(), k) for k in LINK_ORDER)]


class FacetTree(QWidget):
    """A filter field over a tree of facet values; selecting a value emits `selected`."""

    selected = Signal(object)  # str id or None

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText=f"Filter {name.lower()}s…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(f"Filter {name.lower()} list")
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(f"{name} filter")
        self.tree.setUniformRowHeights(True)
        # Deep hierarchies (cell › … › T-helper 17 cell) in a narrow column: a short indent,
        # and names never cut (the column is as wide as its longest name; it scrolls).
        self.tree.setIndentation(INDENT)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        self.extra = QHBoxLayout()
        layout.addLayout(self.extra)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.filter.textChanged.connect(self._filter)
        # A click applies at once; the keys wait for a pause or Enter, so that arrowing
        # through the tree does not search again on every row.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._emit)
        self.tree.itemSelectionChanged.connect(self._changed)
        self.tree.itemClicked.connect(lambda *_: self._emit())
        self.tree.itemActivated.connect(lambda *_: self._emit())
        self._items: dict[str, list[QTreeWidgetItem]] = {}
        self._shown: dict[str, int] = {}  # the count each value shows now
        self._muting = False
        self._applied: str | None = None  # the value last emitted (or set)
        self._fill: Callable[[], None] | None = None  # `fill_later`: adds the items
        self._counts: tuple[dict[str, int], bool] | None = None  # held until filled

    def fill_later(self, fill: Callable[[], None]) -> None:
        """Add the tree's items with `fill` only when they are first needed (the tree shown,
        a value selected or filtered for): a tab nobody opened costs nothing at start-up."""
        self._fill = fill

    def filled(self) -> FacetTree:
        """The tree with its items (added now if `fill_later` held them back)."""
        if self._fill is not None:
            fill, self._fill = self._fill, None
            fill()
            if self._counts is not None:
                counts, force = self._counts
                self._counts = None
                self.set_counts(counts, force)
        return self

    def showEvent(self, event: QShowEvent) -> None:
        self.filled()
        super().showEvent(event)

    def _add(self, parent: QTreeWidget | QTreeWidgetItem, item_id: str | None, name: str,
             synonyms: list[str] | None = None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [name])
        item.setData(0, ID_ROLE, item_id)
        item.setData(0, NAME_ROLE, name)
        item.setData(0, FIND_ROLE, " | ".join([name, *(synonyms or [])]).casefold())
        if synonyms:
            item.setToolTip(0, plain_tip(f"{name}\nAlso: {', '.join(synonyms)}"))
        if item_id:
            self._items.setdefault(item_id, []).append(item)
        else:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return item

    def build_hierarchy(self, rows: list[HierarchyEntry], roots: list[str]) -> None:
        by_id = {r["id"]: r for r in rows}
        # Each value appears once, under its first parent; counting still follows every
        # is-a parent (mast cell counts for myeloid cell too), so nothing is lost.
        children: dict[str, list[HierarchyEntry]] = {}
        for r in rows:
            first = next((p for p in r["parents"] if p in by_id), None)
            if first is not None:
                children.setdefault(first, []).append(r)

        def add(parent: QTreeWidget | QTreeWidgetItem, row: HierarchyEntry, depth: int) -> None:
            item = self._add(parent, row["id"], row["name"], row.get("synonyms"))
            if depth < 12:
                for child in children.get(row["id"], []):
                    add(item, child, depth + 1)

        for root in roots:
            if root in by_id:
                add(self.tree, by_id[root], 0)

    def expand_to(self, depth: int) -> None:
        def open_(item: QTreeWidgetItem | None, level: int) -> None:
            if item is None or level >= depth:
                return
            item.setExpanded(True)
            for i in range(item.childCount()):
                open_(item.child(i), level + 1)

        for i in range(self.tree.topLevelItemCount()):
            open_(self.tree.topLevelItem(i), 0)

    def set_counts(self, counts: dict[str, int], force: bool = False) -> None:
        if self._fill is not None:  # shown once filled
            self._counts = (counts, force or (self._counts is not None and self._counts[1]))
            return
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        normal = self.palette().color(QPalette.ColorRole.Text)
        changed = [(item_id, items, counts.get(item_id, 0))
                   for item_id, items in self._items.items()
                   if force or self._shown.get(item_id) != counts.get(item_id, 0)]
        if not changed:
            return  # as you type most counts stay the same: leave those items alone
        # The view hears of the new texts once, not item by item (the first fill changes
        # hundreds, and a wrapping tree would measure its rows again after each).
        model = item_model(self.tree)
        assert model is not None  # a tree widget always has its own
        was_blocked = model.blockSignals(True)
        try:
            for item_id, items, n in changed:
                self._shown[item_id] = n
                for item in items:
                    item.setText(0, f"{item.data(0, NAME_ROLE)}  ({n})")
                    item.setForeground(0, normal if n else muted)
                    if not item.toolTip(0):
                        item.setToolTip(0, plain_tip(str(item.data(0, NAME_ROLE))))
        finally:
            model.blockSignals(was_blocked)
        self.tree.doItemsLayout()
        viewport(self.tree).update()

    def select(self, item_id: str | None) -> None:
        if item_id is not None:
            self.filled()
        self._muting = True
        self._settle.stop()
        self.tree.clearSelection()
        for item in self._items.get(item_id or "", [])[:1]:
            item.setSelected(True)
            self.tree.scrollToItem(item)
        self._applied = self.current()
        self._muting = False

    def current(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, ID_ROLE) if items else None

    def pending(self) -> bool:
        """True while a value chosen with the keys waits for its pause."""
        return self._settle.isActive()

    def _changed(self) -> None:
        if not self._muting:
            self._settle.start()

    def _emit(self) -> None:
        self._settle.stop()
        if not self._muting and self.current() != self._applied:
            self._applied = self.current()
            self.selected.emit(self._applied)

    def _filter(self, text: str) -> None:
        self.filled()
        needle = text.strip().casefold()

        def visit(item: QTreeWidgetItem | None) -> bool:
            if item is None:
                return False
            own = not needle or needle in str(item.data(0, FIND_ROLE))
            kids = [visit(item.child(i)) for i in range(item.childCount())]
            show = own or any(kids)
            item.setHidden(not show)
            if needle and any(kids):
                item.setExpanded(True)
            return show

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))


class FacetsPanel(QTabWidget):
    """Emits `changed(Facets)` whenever a facet value, role or link kind changes.
    `diseases` reads the disease tree when its tab is first wanted (the cell types are on
    the first screen; the diseases are not)."""

    changed = Signal(object)

    def __init__(self, cells: list[HierarchyEntry],
                 diseases: Callable[[], list[HierarchyEntry]], families: list[Family],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Filters")
        self.setDocumentMode(True)
        self.cells = FacetTree("Cell type")
        self.cells.build_hierarchy(cells, ["cell"])
        self.cells.expand_to(3)  # cell › hematopoietic cell › leukocyte: the useful branches
        self.role_group = QButtonGroup(self)
        for i, (label, value) in enumerate((("Either", "any"), ("Produced by", "producer"),
                                            ("Acts on", "target"))):
            button = QRadioButton(label)
            button.setProperty("role_value", value)
            button.setAccessibleName(f"Cell role: {label}")
            self.role_group.addButton(button, i)
            self.cells.extra.addWidget(button)
            if value == "any":
                button.setChecked(True)
        self.diseases = FacetTree("Disease")
        self.diseases.fill_later(lambda: _fill_diseases(self.diseases, diseases()))
        self.link = QComboBox()
        self.link.setAccessibleName("Kind of disease link")
        self.link.setToolTip("Only interleukins linked to the disease in this way")
        link_caption = QLabel("Link:")
        link_caption.setBuddy(self.link)
        self.diseases.extra.addWidget(link_caption)
        for link_label, link_value in LINK_KINDS:
            self.link.addItem(link_label, link_value)
        self.diseases.extra.addWidget(self.link)
        self.families = FacetTree("Family")

        def fill_families() -> None:
            for f in families:
                self.families._add(self.families.tree, f["id"], f["name"])

        self.families.fill_later(fill_families)
        self.families.filter.hide()
        self.addTab(self.cells, "Cell type")
        self.addTab(self.diseases, "Disease")
        self.addTab(self.families, "Family")
        for tree in (self.cells, self.diseases, self.families):
            tree.selected.connect(self._emit)
        self.role_group.idClicked.connect(self._emit)
        self.link.currentIndexChanged.connect(self._emit)
        # Tab as the eye reads each tab: the choices above, the filter field, the tree
        for tree, above in ((self.cells, self.role_group.buttons()),
                            (self.diseases, [self.link])):
            for first, second in itertools.pairwise([*above, tree.filter, tree.tree]):
                QWidget.setTabOrder(first, second)

    def facets(self) -> Facets:
        button = self.role_group.checkedButton()
        return Facets(cell_type=self.cells.current(),
                      role=button.property("role_value") if button else "any",
                      disease=self.diseases.current(), disease_kind=self.link.currentData(),
                      family=self.families.current())

    def set_facets(self, facets: Facets) -> None:
        """Show `facets` (every field: values, role, kind of link), then emit `changed` once."""
        self.cells.select(facets.cell_type)
        self.diseases.select(facets.disease)
        self.families.select(facets.family)
        for button in self.role_group.buttons():
            if button.property("role_value") == facets.role:
                button.setChecked(True)
        blocked = self.link.blockSignals(True)
        self.link.setCurrentIndex(0 if facets.disease_kind is None
                                  else max(0, self.link.findData(facets.disease_kind)))
        self.link.blockSignals(blocked)
        self.changed.emit(self.facets())

    def clear(self) -> None:
        """No filter at all: values, role, kind of link, and the text in the filter fields."""
        for tree in (self.cells, self.diseases, self.families):
            tree.filter.clear()
        self.set_facets(Facets())

    def remove(self, key: str) -> None:
        """Drop one filter (a `Facets` field name: removing a value drops what qualifies it)."""
        f = self.facets()
        values = {"cell_type": {"cell_type": None, "role": "any"}, "role": {"role": "any"},
                  "disease": {"disease": None, "disease_kind": None},
                  "disease_kind": {"disease_kind": None}, "family": {"family": None}}
        self.set_facets(f._replace(**values.get(key, {})))  # type: ignore[arg-type]

    def set_counts(self, counts: dict[str, dict[str, int]], force: bool = False) -> None:
        """Show how many interleukins each value would leave (`force`: repaint all, e.g.
        after the colour scheme changed)."""
        self.cells.set_counts(counts.get("cell_type", {}), force)
        self.diseases.set_counts(counts.get("disease", {}), force)
        self.families.set_counts(counts.get("family", {}), force)

    def _emit(self, *_: object) -> None:
        self.changed.emit(self.facets())


def _fill_diseases(tree: FacetTree, diseases: list[HierarchyEntry]) -> None:
    """The disease tree: a heading per category, each disease under its first parent in it."""
    by_category: dict[str, list[HierarchyEntry]] = {}
    for d in diseases:
        by_category.setdefault(d["category"] or "other", []).append(d)
    ids = {d["id"] for d in diseases}
    for category in CATEGORY_LABEL:
        rows = by_category.get(category)
        if not rows:
            continue
        head = tree._add(tree.tree, None, CATEGORY_LABEL[category])
        in_cat = {r["id"] for r in rows}
        tops = [r for r in rows if not any(p in in_cat for p in r["parents"] if p in ids)]
        children: dict[str, list[HierarchyEntry]] = {}
        for r in rows:
            for p in r["parents"]:
                children.setdefault(p, []).append(r)

        def add(parent: QTreeWidgetItem, row: HierarchyEntry, depth: int,
                children: dict[str, list[HierarchyEntry]] = children) -> None:
            item = tree._add(parent, row["id"], row["name"], row.get("synonyms"))
            if depth < 6:
                for c in children.get(row["id"], []):
                    add(item, c, depth + 1)

        for r in tops:
            add(head, r, 0)
