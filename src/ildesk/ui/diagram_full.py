"""The diagram's full view: the drawing the dock shows, in a window of its own that fills the
screen's working area, with the panel's zoom, key and export. Escape (or F11 again) returns;
a click on a box opens its page in the main window and returns too.

    full = FullView(panel)     # panel: the dock's DiagramPanel
    full.show()
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ildesk.ui.diagram_panel import DiagramPanel


class FullView(QDialog):
    """Attributes: `panel` (a DiagramPanel showing `source`'s drawing)."""

    def __init__(self, source: DiagramPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent or source.window())
        self.setObjectName("diagram_full_view")
        self.setWindowTitle((source.diagram.title if source.diagram else "Signalling diagram")
                            + " — ildesk")
        self.panel = DiagramPanel(self)
        self.panel.names = source.names
        self.panel.show_diagram(source.diagram, source.page)
        self.panel.highlight = source.highlight
        self.panel.act_family.setVisible(False)  # the dock's Family view decides what is drawn
        self.panel.act_family.setChecked(source.act_family.isChecked())  # names the export
        self.panel.act_full.setText("Close full view")
        self.panel.act_full.setToolTip("Back to the window (Escape)")
        self.panel.act_full.setShortcuts([])
        self.panel.full_view_requested.connect(self.accept)
        self.panel.page_requested.connect(self._open)
        self._source = source
        QShortcut(QKeySequence("F11"), self, self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        screen = (parent or source).screen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())

    def _open(self, page_id: str) -> None:
        self.accept()
        self._source.page_requested.emit(page_id)
