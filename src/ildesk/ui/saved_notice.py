"""After a save, the status bar says where the file went, with buttons to open it or its
folder. Nothing opens until the person clicks (QDesktopServices, the system's own viewer).

    notice = SavedNotice(window.statusBar())
    notice.show_saved(Path("~/il-6.pdf"), "Saved the fact sheet of IL-6")
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

SHOWN_MS = 20_000


class PathLabel(QLabel):
    """"Saved … to PATH." that fits its width by cutting the path in the middle (the folder's
    start and the file name stay); `text()` and the tooltip keep it whole."""

    def __init__(self) -> None:
        super().__init__()
        self._head, self._path = "", ""

    def set_saved(self, head: str, path: str) -> None:
        self._head, self._path = head, path
        self.setText(f"{head}{path}.")
        self.setToolTip(path)

    def shown(self) -> str:
        """The text as drawn at the label's width now."""
        metrics, room = self.fontMetrics(), self.contentsRect().width()
        whole = self.text()
        if metrics.horizontalAdvance(whole) <= room:
            return whole
        path = Path(self._path)
        name = f"{os.sep}{path.name}"  # the file name is never cut, the folder may be
        for head in (self._head, "Saved to "):  # a narrow bar: the path before the words
            left = room - metrics.horizontalAdvance(f"{head}{name}.")
            if left > metrics.horizontalAdvance("/tmp…"):
                folder = metrics.elidedText(str(path.parent), Qt.TextElideMode.ElideMiddle,
                                            left)
                return f"{head}{folder}{name}."
        return metrics.elidedText(whole, Qt.TextElideMode.ElideMiddle, room)

    def minimumSizeHint(self) -> QSize:  # the buttons beside it keep their room
        return QSize(80, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown())


class SavedNotice(QWidget):
    """Attributes: `label`, `open_button`, `folder_button`, `path` (the file last saved)."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.setObjectName("saved_notice")
        self.path: Path | None = None
        self._bar = bar
        self.label = PathLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a path is text, never markup
        self.label.setAccessibleName("Saved")
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName("Open the saved file")
        self.folder_button = QPushButton("Show folder")
        self.folder_button.setAccessibleName("Open the folder of the saved file")
        for b in (self.open_button, self.folder_button):
            b.setFlat(True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 0, 4, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.open_button)
        lay.addWidget(self.folder_button)
        lay.addStretch(1)
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button.clicked.connect(
            lambda: self._open(self.path.parent if self.path else None))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        bar.addWidget(self, 1)
        bar.messageChanged.connect(self._message)
        self.hide()

    def show_saved(self, path: Path, text: str) -> None:
        """Say `text` ("Saved 3 fact sheets") and where, with Open and Show folder."""
        self.path = path
        self._bar.clearMessage()  # a message would cover the notice
        self.label.set_saved(f"{text} to ", str(path))
        self.show()
        self._timer.start(SHOWN_MS)

    def _message(self, text: str) -> None:
        if text:  # a newer message takes the bar: the notice has had its turn
            self.hide()

    @staticmethod
    def _open(path: Path | None) -> None:
        if path is not None:
            from PySide6.QtCore import QUrl  # its Python type is made when first needed

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
