"""The viewport of a scroll area (text browser, list, tree, graphics view), and the model a
convenience view made for itself, fetched cheaply.

`area.viewport()` hands Python a widget that C++ made, of the plain class QWidget; the first
time PySide6 meets one, it looks through every QWidget subclass for a better match, making
each class's Python type and enums on the way: about 15 ms, a twentieth of the time to the
first paint. Finding the same widget as a child by its object name goes through its meta
object instead, which names the class at once; the Python object it makes is the one
`viewport()` returns from then on.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QWidget

QT_VIEWPORT_NAME = "qt_scrollarea_viewport"  # the object name Qt gives every viewport


def viewport(area: QAbstractScrollArea) -> QWidget:
    """`area.viewport()`, without the search over widget classes (see the module's text)."""
    area.findChild(QWidget, QT_VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return area.viewport()


def item_model(view: QAbstractItemView) -> QAbstractItemModel | None:
    """`view.model()` for a view that made its own model as its child (QTreeWidget,
    QListWidget, QTableWidget), found as that child: `model()` would hand Python a model of a
    private class, which PySide6 matches against every item-model class it knows, making
    their types (a file-system model, proxy models …) on the way."""
    view.findChild(QAbstractItemModel, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return view.model()
