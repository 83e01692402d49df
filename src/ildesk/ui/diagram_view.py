"""The view under the diagram panel: it fits the drawing to its size, but never below the scale
at which the box labels read at `READABLE_PX` on screen (a bigger drawing scrolls instead);
wheel with Ctrl, a pinch or the zoom actions zoom, dragging pans.

    view = DiagramView(scene)
    view.label_px = 10.0   # the smallest box label of the drawing, in scene pixels
    view.fit()             # the default view again (after the reader zoomed)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from ildesk.ui.viewport import viewport

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0
READABLE_PX = 9.0  # the smallest box label on screen at the default view, in pixels
FIT_MAX = 1.6  # a small drawing in a big panel grows this much at most


class DiagramView(QGraphicsView):
    """Attributes: `auto_fit` (the drawing follows the view's size until the reader zooms),
    `label_px` (the smallest box label of the drawing in scene pixels; 0: no drawing)."""

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        viewport(self).grabGesture(Qt.GestureType.PinchGesture)
        self.auto_fit = True
        self.label_px = 0.0

    @property
    def readable_scale(self) -> float:
        """The least scale at which every box label is `READABLE_PX` on screen."""
        return READABLE_PX / self.label_px if self.label_px > 0 else 0.0

    def fit_scale(self) -> float:
        """The default view's scale: the whole drawing in the view, never below readable."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return 1.0
        port = viewport(self).rect()
        # room for a scroll bar, so that fitting does not flip one on and off
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        whole = min((port.width() + bar * self._shown(Qt.Orientation.Vertical)) / rect.width(),
                    (port.height() + bar * self._shown(Qt.Orientation.Horizontal))
                    / rect.height()) * 0.98
        return max(self.readable_scale, min(whole, max(FIT_MAX, self.readable_scale)))

    def _shown(self, which: Qt.Orientation) -> int:
        bar = self.verticalScrollBar() if which == Qt.Orientation.Vertical \
            else self.horizontalScrollBar()
        return int(bar.isVisible())

    def zoom_by(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(ZOOM_MIN / current, min(ZOOM_MAX / current, factor))
        self.auto_fit = False
        self.scale(factor, factor)

    def fit(self) -> None:
        """The default view: fitted, never below readable, from the top left corner."""
        self.auto_fit = True
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        s = self.fit_scale()
        self.resetTransform()
        self.scale(s, s)
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or \
                (event.angleDelta().x() == 0 and event.pixelDelta().isNull()
                 and not self._scrolls()):
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP ** steps)
                event.accept()
                return
        super().wheelEvent(event)

    def _scrolls(self) -> bool:
        """The drawing is bigger than the view: a plain wheel scrolls it."""
        return self.verticalScrollBar().maximum() > 0 or self.horizontalScrollBar().maximum() > 0

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                return True
        if event.type() == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:  # type: ignore[attr-defined]
            self.zoom_by(1.0 + event.value())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)
