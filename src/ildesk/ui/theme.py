"""Light and dark appearance: the Fusion style with a palette for each scheme.

"system" follows the desktop's colour scheme where Qt can read it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from ildesk.article.look import DARK, LIGHT, Palette

THEMES = ("system", "light", "dark")


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        colours = {
            QPalette.ColorRole.Window: "#1f242b", QPalette.ColorRole.WindowText: "#e6e9ee",
            QPalette.ColorRole.Base: "#171b20", QPalette.ColorRole.AlternateBase: "#232931",
            QPalette.ColorRole.Text: "#e6e9ee", QPalette.ColorRole.Button: "#2a3038",
            QPalette.ColorRole.ButtonText: "#e6e9ee", QPalette.ColorRole.Highlight: "#2f6ea5",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#2a3038",
            QPalette.ColorRole.ToolTipText: "#e6e9ee", QPalette.ColorRole.Link: "#7ab8ff",
            QPalette.ColorRole.PlaceholderText: "#8d97a3", QPalette.ColorRole.Mid: "#3a434e",
            QPalette.ColorRole.BrightText: "#ffffff", QPalette.ColorRole.Light: "#3a434e",
            QPalette.ColorRole.Dark: "#12161a", QPalette.ColorRole.Shadow: "#0b0d10",
        }
    else:
        colours = {
            QPalette.ColorRole.Window: "#f3f5f8", QPalette.ColorRole.WindowText: "#1d232b",
            QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f2f5f8",
            QPalette.ColorRole.Text: "#1d232b", QPalette.ColorRole.Button: "#e9edf2",
            QPalette.ColorRole.ButtonText: "#1d232b", QPalette.ColorRole.Highlight: "#cfe3f7",
            QPalette.ColorRole.HighlightedText: "#0c2a45",
            QPalette.ColorRole.ToolTipBase: "#ffffff",
            QPalette.ColorRole.ToolTipText: "#1d232b", QPalette.ColorRole.Link: "#0b5cad",
            QPalette.ColorRole.PlaceholderText: "#6b7682", QPalette.ColorRole.Mid: "#c7ced6",
            QPalette.ColorRole.BrightText: "#000000", QPalette.ColorRole.Light: "#ffffff",
            QPalette.ColorRole.Dark: "#a9b3be", QPalette.ColorRole.Shadow: "#6b7682",
        }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QColor("#6b7682" if dark else "#9aa4af")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return bool(scheme and scheme() == Qt.ColorScheme.Dark)


# Fusion draws radio and check indicators in colours a dark palette leaves nearly invisible.
_DARK_INDICATORS = """
QRadioButton::indicator, QCheckBox::indicator {
    width: 12px; height: 12px; border: 1px solid #8d97a3; background: #171b20; }
QRadioButton::indicator { border-radius: 7px; }
QRadioButton::indicator:checked, QCheckBox::indicator:checked {
    background: #7ab8ff; border: 3px solid #171b20; outline: 1px solid #8d97a3; }
"""


STYLE = "Fusion"  # the widget style under every theme (the palettes are made for it)


def apply(app: QApplication, theme: str, style: bool = True) -> bool:
    """Apply `theme` (system, light or dark); returns True when the result is dark.
    `style=False`: the application was started with `-style Fusion` already (which spares
    the start-up the ~4 ms of making QStyle's enums that `setStyle` from Python costs)."""
    dark = system_is_dark() if theme == "system" else theme == "dark"
    if style:
        app.setStyle(STYLE)
    app.setPalette(_palette(dark))
    app.setStyleSheet(_DARK_INDICATORS if dark else "")
    app.setProperty("ildesk_dark", dark)
    return dark


def arrow_icon(direction: str, size: int = 20) -> QIcon:
    """A left or right arrow in the current text colour (Fusion's own stays black)."""
    app = QApplication.instance()
    colour = (app.palette().color(QPalette.ColorRole.ButtonText)  # type: ignore[attr-defined]
              if app else QColor("#1d232b"))
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        s, m = size, size / 2
        if direction == "left":
            painter.drawPolyline([QPointF(m + 1, s * 0.28), QPointF(s * 0.3, m),
                                  QPointF(m + 1, s * 0.72)])
            painter.drawLine(QPointF(s * 0.3, m), QPointF(s * 0.76, m))
        else:
            painter.drawPolyline([QPointF(m - 1, s * 0.28), QPointF(s * 0.7, m),
                                  QPointF(m - 1, s * 0.72)])
            painter.drawLine(QPointF(s * 0.24, m), QPointF(s * 0.7, m))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("ildesk_dark"))


def article_palette() -> Palette:
    return DARK if is_dark() else LIGHT
