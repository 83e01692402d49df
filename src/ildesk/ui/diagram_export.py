"""The diagram panel's exports: the drawing on screen as SVG or PNG (light palette, with its
title and legend, as `ildesk diagram` writes it), to a file the person picks.

    panel.export_svg()                    # asks where
    panel.export_png(path, scale=2.0)     # no questions
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QWidget

from ildesk.db.pages.types import InterleukinPage
from ildesk.diagram.model import Diagram
from ildesk.render import export
from ildesk.render import palette as palettes
from ildesk.ui import plain
from ildesk.ui.save_dialog import ask_save_path


class DiagramExports(QWidget):
    """What `DiagramPanel` exports with: its `diagram`, `page` and `act_family`."""

    diagram: Diagram | None
    page: InterleukinPage | None
    act_family: QAction
    saved: SignalInstance  # the panel's signal: the file an export wrote

    # -- export ----------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        stem = self.page["id"] if self.page and self.diagram else "diagram"
        if self.act_family.isChecked():
            stem = f"{stem}-family"
        return ask_save_path(self, title, Path.home() / f"{stem}{suffix}", pattern, suffix)

    def export_svg(self, path: Path | None = None) -> bool:
        if self.diagram is None:
            return False
        path = path or self._ask_path("Export diagram as SVG", ".svg", "SVG images (*.svg)")
        if path is None:
            return False
        return self._export(lambda: export.to_svg(self.diagram, path, palettes.LIGHT), path)

    def export_png(self, path: Path | None = None, scale: float | None = None) -> bool:
        if self.diagram is None:
            return False
        if scale is None:
            choice, ok = QInputDialog.getItem(self, "Export PNG", "Resolution:",
                                              ["1× (screen)", "2× (sharp)", "3×", "4× (print)"],
                                              1, False)
            if not ok:
                return False
            scale = float(choice[0])
        path = path or self._ask_path("Export diagram as PNG", ".png", "PNG images (*.png)")
        if path is None:
            return False
        s = scale
        return self._export(lambda: export.to_png(self.diagram, path, s, palettes.LIGHT), path)

    def _export(self, write: Any, path: Path) -> bool:
        try:
            write()
        except export.DiagramExportError as exc:
            plain.warning(self, "Export failed", str(exc))
            return False
        self.saved.emit(path)  # the status bar says where, with Open
        return True
