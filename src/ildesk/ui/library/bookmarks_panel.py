"""The bookmarks list: filter, sort, tag filter, edit tags, remove; opening emits a page id.
Changes go through a `Writer` (see `common.py`); until one has landed, the panel answers with
what was asked for (a star just pressed shows as starred)."""

from __future__ import annotations

from collections.abc import Callable, Container

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ildesk.ui.library.common import WriteNow, Writer, error_text, hint_label, local_time
from ildesk.ui.plain import ask_text, plain_tip
from ildesk.ui.viewport import viewport
from ildesk.userdata import Bookmark, UserStore

ID_ROLE = Qt.ItemDataRole.UserRole
ALL_TAGS = "All tags"
WIDE_ENOUGH = 340  # px of list: below it only the page names show


class _Tree(QTreeWidget):
    activated_id = Signal(str)
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.activated_id.emit(item.data(0, ID_ROLE))
            return
        if event.key() == Qt.Key.Key_Delete and item is not None:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class BookmarksPanel(QWidget):
    """`page_requested(page_id)` on double-click or Enter; `bookmarks_changed()` after an
    edit made here or through `toggle()`; `error(text)` when the library cannot be saved."""

    page_requested = Signal(str)
    bookmarks_changed = Signal()
    error = Signal(str)

    def __init__(self, store: UserStore, pages: Container[str] | None = None,
                 parent: QWidget | None = None, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._pages = pages
        self._writer: Writer = writer or WriteNow()
        self._wanted: dict[str, tuple[bool, int]] = {}  # page -> (starred?, request number)
        self._requests = 0
        self.filter = QLineEdit(placeholderText="Filter bookmarks")
        self.filter.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.sort.addItem("Name", "name")
        self.sort.addItem("Date added", "date")
        self.tag = QComboBox()
        self.tree = _Tree()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Page", "Tags", "Added"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(1, 110)
        self.empty = hint_label("No bookmarks yet. Press Ctrl+D on a page to star it.")
        self.tags_button = QPushButton("Tags…")
        self.remove_button = QPushButton("Remove")

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        top.addWidget(self.tag)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.tags_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        self.filter.textChanged.connect(self.refresh)
        self.sort.currentIndexChanged.connect(self.refresh)
        self.tag.currentIndexChanged.connect(self.refresh)
        self.tree.itemDoubleClicked.connect(
            lambda item, _col: self.page_requested.emit(item.data(0, ID_ROLE)))
        self.tree.activated_id.connect(self.page_requested)
        self.tree.delete_pressed.connect(self.remove_selected)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.tags_button.clicked.connect(self._ask_tags)
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh()

    # -- what the window calls ------------------------------------------------------------

    def set_pages(self, pages: Container[str] | None) -> None:
        """The content's page ids (e.g. `pages.labels(content)`): others show as missing."""
        self._pages = pages
        self.refresh()

    def toggle(self, page_id: str, name: str) -> bool:
        """Star or unstar a page (Ctrl+D); True when it is (or is about to be) starred."""
        want = not self.is_starred(page_id)
        self._requests += 1
        number = self._requests
        self._wanted[page_id] = (want, number)

        def write() -> bool:
            if want:
                self._store.bookmarks.add(page_id, name)
            else:
                self._store.bookmarks.remove(page_id)
            return want

        def settle() -> None:
            if self._wanted.get(page_id, (want, -1))[1] == number:
                del self._wanted[page_id]

        def done(_starred: bool) -> None:
            settle()
            self._changed()

        def failed(exc: Exception) -> None:
            settle()
            self.error.emit(error_text(exc))
            self.bookmarks_changed.emit()  # the star shows what is stored

        self._writer.write(write, done, failed)
        return self.is_starred(page_id)

    def is_starred(self, page_id: str) -> bool:
        wanted = self._wanted.get(page_id)
        return wanted[0] if wanted is not None else page_id in self._store.bookmarks

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """In a narrow dock the page names keep the room: Tags and Added step aside (each
        row's tooltip still says them), and come back when the dock is wide enough."""
        wide = viewport(self.tree).width() >= WIDE_ENOUGH
        for col in (1, 2):
            self.tree.setColumnHidden(col, not wide)

    def refresh(self) -> None:
        current = self.selected_id()
        self._refresh_tags()
        tag = self.tag.currentData()
        marks = self._store.bookmarks.all(sort=self.sort.currentData() or "name",
                                          text=self.filter.text(), tag=tag, pages=self._pages)
        self.tree.clear()
        for mark in marks:
            item = self._item(mark)
            self.tree.addTopLevelItem(item)
            if mark.page_id == current:
                self.tree.setCurrentItem(item)
        total = len(self._store.bookmarks.all())
        self.empty.setVisible(not marks)
        self.empty.setText("No bookmarks yet. Press Ctrl+D on a page to star it." if not total
                           else "No bookmark matches the filter.")
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def remove_selected(self) -> None:
        page_id = self.selected_id()
        if page_id is None:
            return
        self._write(lambda: self._store.bookmarks.remove(page_id))

    def set_tags(self, page_id: str, tags: str) -> None:
        """Replace a bookmark's tags with a comma-separated list."""
        self._write(lambda: self._store.bookmarks.set_tags(page_id, tags))

    def _write(self, op: Callable[[], object]) -> None:
        self._writer.write(op, lambda _result: self._changed(),
                           lambda exc: self.error.emit(error_text(exc)))

    def _changed(self) -> None:
        self.refresh()
        self.bookmarks_changed.emit()

    # -- inside ---------------------------------------------------------------------------

    def _item(self, mark: Bookmark) -> QTreeWidgetItem:
        name = mark.name + (" (missing)" if mark.missing else "")
        item = QTreeWidgetItem([name, ", ".join(mark.tags), local_time(mark.created)])
        item.setData(0, ID_ROLE, mark.page_id)
        tip = f"{mark.name}\nid: {mark.page_id}\nadded: {local_time(mark.created)}"
        if mark.tags:
            tip += f"\ntags: {', '.join(mark.tags)}"
        if mark.folder:
            tip += f"\nfolder: {mark.folder}"
        if mark.missing:
            tip += "\nThis page is not in the encyclopedia's current data; the bookmark is kept."
            for col in range(3):
                item.setForeground(col, self.palette().placeholderText())
        item.setToolTip(0, plain_tip(tip))
        return item

    def _refresh_tags(self) -> None:
        chosen = self.tag.currentData()
        tags = self._store.bookmarks.tags()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(ALL_TAGS, None)
        for t in tags:
            self.tag.addItem(t, t)
        index = self.tag.findData(chosen) if chosen else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.setVisible(bool(tags))
        self.tag.blockSignals(False)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.tags_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def _ask_tags(self) -> None:
        page_id = self.selected_id()
        mark = self._store.bookmarks.get(page_id) if page_id else None
        if mark is None:
            return
        text, ok = ask_text(self, "Tags", f"Tags for {mark.name} (comma-separated):",
                            ", ".join(mark.tags))
        if ok:
            self.set_tags(mark.page_id, text)
