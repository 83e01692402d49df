"""The result list: a small Qt model over plain `SearchHit` values, and how a row looks.

Rows are hits or group headers (a family name when the whole list of interleukins is shown;
a neighbourhood group such as "Drugs" after a named page).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ildesk.search.engine import MARK_END, MARK_START, SearchHit
from ildesk.search.graph import GROUP_ORDER
from ildesk.ui.plain import plain_tip
from ildesk.ui.viewport import viewport
from ildesk.vocab import KIND_LABEL
from ildesk.wording import heading

Index = QModelIndex | QPersistentModelIndex
FOCUS_WIDTH = 2  # the frame round the current row while the list has the focus
# the neighbourhood's group titles ("Drugs"), said in the singular over one hit
NEIGHBOUR_GROUPS = frozenset(t for titles in GROUP_ORDER.values() for t in titles)


class Role(IntEnum):
    PAGE_ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    SNIPPET = Qt.ItemDataRole.UserRole + 3
    HEADER = Qt.ItemDataRole.UserRole + 4
    SHORT = Qt.ItemDataRole.UserRole + 5


class Row(NamedTuple):
    hit: SearchHit | None = None
    header: str = ""


class ResultModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_results(self, hits: list[SearchHit], groups: dict[str, str] | None = None) -> None:
        """Show `hits`; with `groups` (page id -> group title), add a header per group.
        Without, a named page's neighbourhood gets a header per group the search gave its
        hits ("Drugs", "Receptor chains" …); the named page itself needs none."""
        rows: list[Row] = []
        last: str | None = None
        head = -1  # the row of the last header, to put it in the singular over one hit
        under = 0
        for hit in hits:
            title = groups.get(hit.id, "") if groups is not None else hit.group
            if title != last and (groups is not None or title):
                self._singular(rows, head, under)
                head, under = len(rows), 0
                rows.append(Row(header=title))
            last = title
            under += 1
            rows.append(Row(hit=hit))
        self._singular(rows, head, under)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    @staticmethod
    def _singular(rows: list[Row], head: int, under: int) -> None:
        if head >= 0 and rows[head].header in NEIGHBOUR_GROUPS:
            rows[head] = Row(header=heading(rows[head].header, under))

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def hits(self) -> list[SearchHit]:
        return [r.hit for r in self._rows if r.hit is not None]

    def hit_groups(self) -> list[str]:
        """The header each hit is listed under ("" for none), in the order of `hits()`."""
        groups, title = [], ""
        for r in self._rows:
            if r.hit is None:
                title = r.header
            else:
                groups.append(title)
        return groups

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self._rows[index.row()].hit is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if row.hit is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.header
            return True if role == Role.HEADER else None
        hit = row.hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.name}, {KIND_LABEL.get(hit.kind, hit.kind)}"
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole name, whatever the row shows
            kind = KIND_LABEL.get(hit.kind, hit.kind)
            return plain_tip("\n".join(x for x in (f"{hit.name} ({kind})", hit.summary) if x))
        values: dict[int, Any] = {Role.PAGE_ID: hit.id, Role.KIND: hit.kind,
                                  Role.SNIPPET: hit.snippet, Role.HEADER: False,
                                  Role.SHORT: hit.short or hit.name}
        return values.get(role)


def _fill(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """`painter.fillRect(rect, colour)`, drawn as a rectangle with no outline: resolving
    fillRect's overloads makes PySide6 build QGradient's Python types (3 ms, once), which
    nothing on the first screen needs."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(rect)
    painter.restore()


class _Fonts(NamedTuple):
    """The fonts a row is drawn in, made from the list's font, with their metrics."""

    base: QFont
    base_fm: QFontMetrics
    title: QFont  # a hit's name: demi-bold
    title_fm: QFontMetrics
    small: QFont  # the kind and the snippet
    small_fm: QFontMetrics
    small_bold: QFont  # the snippet's matches
    small_bold_fm: QFontMetrics
    header: QFont  # a group's heading

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        base = QFont(font)
        title = QFont(font)
        title.setWeight(QFont.Weight.DemiBold)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        small_bold = QFont(small)
        small_bold.setBold(True)
        header = QFont(font)
        header.setBold(True)
        header.setPointSizeF(font.pointSizeF() * 0.9)
        return cls(base, QFontMetrics(base), title, QFontMetrics(title), small,
                   QFontMetrics(small), small_bold, QFontMetrics(small_bold), header)


class ResultDelegate(QStyledItemDelegate):
    """Two lines a hit: the name with its kind on the right, then the snippet; a hit whose
    full name differs from its short one (IL17RA, interleukin 17 receptor A) gets a line
    for the full name between them, so that neither is cut in a narrow list. The kind steps
    aside when the name needs its room (it is in the tooltip too).

    A row is read from its `ResultModel` at once (not role by role through `index.data`),
    and the fonts are made once for each font the list has: the list is drawn again at
    every keystroke."""

    PAD = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, bool, int], QSize] = {}
        self._fonts: dict[str, _Fonts] = {}

    @classmethod
    def row_height(cls, line: int, header: bool = False, lines: int = 2) -> int:
        """A row's height for text `line` pixels high: a group's heading, or a hit of
        `lines` lines."""
        return line + 12 if header else line * lines + cls.PAD * 2 + 3 * (lines - 1)

    def _fonts_for(self, font: QFont) -> tuple[str, _Fonts]:
        key = font.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = _Fonts.of(font)
        return key, fonts

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = _row(index)
        header = row.hit is None
        lines = 2 + (row.hit is not None and _has_full_line(row.hit))
        key, fonts = self._fonts_for(option.font)
        size = self._sizes.get((key, header, lines))
        if size is None:  # every row of a shape is as tall as the next: measure once per font
            size = QSize(200, self.row_height(fonts.base_fm.height(), header, lines))
            self._sizes[(key, header, lines)] = size
        return size

    @staticmethod
    def _snippet(painter: QPainter, snippet: str, fonts: _Fonts, x: int, y: int,
                 right: int, colour: QColor, match_colour: QColor) -> None:
        """Draw the snippet on one line, its matches in bold, cut with an ellipsis at `right`
        (plain text runs: far cheaper than a rich-text document a row, as you type)."""
        for text, match in _runs(snippet):
            f, metrics = ((fonts.small_bold, fonts.small_bold_fm) if match
                          else (fonts.small, fonts.small_fm))
            room = right - x
            if room <= 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(f)
            painter.setPen(match_colour if match else colour)
            painter.drawText(x, y, shown)
            if shown != text:
                break
            x += metrics.horizontalAdvance(text)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        pal = option.palette
        r = option.rect
        row = _row(index)
        _key, fonts = self._fonts_for(option.font)
        painter.save()
        hit = row.hit
        if hit is None:
            painter.setFont(fonts.header)
            painter.setPen(pal.color(QPalette.ColorRole.Link))
            painter.drawText(r.adjusted(self.PAD, 4, -self.PAD, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             row.header)  # not upper(): "Γ-CHAIN" misreads γ
            painter.restore()
            return
        selected, focused = _row_state(option, index)
        if selected:
            _fill(painter, r, pal.color(QPalette.ColorRole.Highlight))
        if focused:  # the keyboard's row, any style
            pen = QPen(pal.color(QPalette.ColorRole.Link), FOCUS_WIDTH)
            painter.setPen(pen)
            painter.drawRect(r.adjusted(1, 1, -FOCUS_WIDTH, -FOCUS_WIDTH))
        text_colour = pal.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        fm, bold_fm = fonts.base_fm, fonts.title_fm
        kind = KIND_LABEL.get(hit.kind, "")
        kind_w = fonts.small_fm.horizontalAdvance(kind) + self.PAD
        top = r.adjusted(self.PAD, self.PAD, -self.PAD, 0)
        painter.setFont(fonts.title)
        painter.setPen(text_colour)
        short = hit.short or hit.name
        with_kind = bold_fm.horizontalAdvance(short) <= top.width() - kind_w
        room = top.width() - (kind_w if with_kind else 0)
        shown = bold_fm.elidedText(short, Qt.TextElideMode.ElideMiddle, room)
        painter.drawText(top.x(), top.y() + fm.ascent(), shown)
        full_line = _has_full_line(hit)
        used = bold_fm.horizontalAdvance(shown) + self.PAD
        if hit.name != short and not full_line and \
                fm.horizontalAdvance(hit.name) <= room - used:  # whole, or not at all
            painter.setFont(fonts.base)
            painter.setPen(muted)
            painter.drawText(top.x() + used, top.y() + fm.ascent(), hit.name)
        if with_kind:
            painter.setFont(fonts.small)
            painter.setPen(muted)
            painter.drawText(r.right() - kind_w, top.y() + fm.ascent(), kind)
        y = top.y() + fm.height() + 2
        if full_line:
            painter.setFont(fonts.base)
            painter.setPen(text_colour if selected else muted)
            full = fm.elidedText(hit.name, Qt.TextElideMode.ElideMiddle, top.width())
            painter.drawText(top.x(), y + fm.ascent(), full)
            y += fm.height() + 2
        self._snippet(painter, hit.snippet or "", fonts, top.x(),
                      y + fonts.small_fm.ascent(), top.right(),
                      text_colour if selected else muted,
                      pal.color(QPalette.ColorRole.Link) if not selected else text_colour)
        painter.restore()


def _row(index: Index) -> Row:
    """The row `index` stands for, from the ResultModel it belongs to."""
    model = index.model()
    if isinstance(model, ResultModel) and 0 <= index.row() < model.rowCount():
        return model.row_at(index.row())
    return Row(header=str(index.data() or ""))


def _row_state(option: QStyleOptionViewItem, index: Index) -> tuple[bool, bool]:
    """(selected, the keyboard's current row while the list has the focus), asked of the
    list itself: reading them from `option.state` would make Python's copy of QStyle and
    its enums (~6 ms) before the first paint, and no other part of that paint needs it."""
    view = option.widget
    if not isinstance(view, QAbstractItemView):
        return False, False
    selection = view.selectionModel()
    selected = selection is not None and selection.isSelected(index)
    focused = (view.hasFocus() or viewport(view).hasFocus()) and view.currentIndex() == index
    return selected, focused


def _has_full_line(hit: SearchHit) -> bool:
    """The row shows its full name on a line of its own: it says more than the short name
    (IL17RA, interleukin 17 receptor A), not merely spells it out (IL-6, Interleukin-6)."""
    short, full = hit.short, hit.name
    if not short or short == full:
        return False
    return _folded(full.casefold().replace("interleukin", "il")) != _folded(short)


def _folded(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _runs(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) runs, white space folded."""
    text = " ".join(snippet.split())
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(text.replace(MARK_END, MARK_START).split(MARK_START)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def release_selecting(view: QAbstractItemView, event: QMouseEvent,
                      release: Callable[[QMouseEvent], None]) -> None:
    """A result view's mouse release (`release`, the Qt class's own): with Ctrl or Shift held
    it only extends the selection, emitting no `clicked`, so that nothing opens (the list's
    and the table's rule)."""
    if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.ShiftModifier):
        release(event)
        return
    blocked = view.blockSignals(True)  # the selection model still hears the click
    try:
        release(event)
    finally:
        view.blockSignals(blocked)


class ResultView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName("Search results")
        # several can be selected (Ctrl/Shift + click, Shift + arrows) to compare them
        self.setSelectionMode(QListView.SelectionMode.ExtendedSelection)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click with Ctrl or Shift extends the selection and opens nothing."""
        release_selecting(self, event, super().mouseReleaseEvent)

    def step(self, step: int) -> None:
        """Move the selection by `step` rows, skipping headers (keys from the search field)."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        n = model.rowCount()
        while True:
            row += step
            if row < 0 or row >= n:
                return
            if model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsSelectable:
                self.setCurrentIndex(model.index(row, 0))
                return
