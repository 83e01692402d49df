"""Text from a file, a database or a person shown as text: never as rich text, never as a
live link. Qt guesses rich text (`Qt::mightBeRichText`) for labels, message boxes and
tooltips, and a message box opens links by itself, so a crafted bookmark name or import
field could otherwise show a working `file:` or `ildesk:` link.

    item.setToolTip(0, plain_tip(mark.name))      # shown exactly as written
    warning(parent, "Import failed", str(exc))    # a message box that is text only
"""

from __future__ import annotations

import unicodedata
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# The dialogs' classes are imported where a dialog is made: making their Python types (and
# enums) costs start-up time, and the first screen shows no dialog.

# Symbols, unassigned and private code points: a font without them draws an empty box.
_SYMBOLS = frozenset(("So", "Sk", "Sm", "Cn", "Co"))


def plain_tip(text: str, wrap: int = 0) -> str:
    """A tooltip that shows `text` as it is (escaped inside an explicit rich-text block,
    since tooltips have no plain-text switch); empty stays empty (no tooltip). `wrap`: break
    lines at that many characters (Qt would wrap a long tip into a narrow column)."""
    if not text:
        return ""
    if wrap:
        import textwrap  # only wrapped tips need it: not loaded for the first screen

        lines = [part for line in text.split("\n")
                 for part in textwrap.wrap(line, wrap, break_on_hyphens=False) or [""]]
        return ('<qt><p style="white-space:pre">' + "<br>".join(escape(ln) for ln in lines)
                + "</p></qt>")
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def plain_box(box: QMessageBox) -> QMessageBox:
    """Make every text of `box` (main and informative) plain and its links dead."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        plain_label(label)
    return box


def message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
            informative: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    plain_box(box).exec()


def warning(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    message(parent, QMessageBox.Icon.Warning, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    message(parent, QMessageBox.Icon.Critical, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    message(parent, QMessageBox.Icon.Information, title, text)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """QInputDialog.getText with its label shown as plain text."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    for child in dialog.findChildren(QLabel):
        plain_label(child)
    ok = bool(dialog.exec())
    return dialog.textValue(), ok


def drawable(text: str, font: QFont) -> str:
    """`text` with each symbol `font` cannot draw (an emoji where no emoji font is
    installed, which would show as an empty box) written as its code point and name:
    "🙂 il6" becomes "U+1F642 (slightly smiling face) il6"."""
    metrics = QFontMetrics(font)
    out = []
    for ch in text:
        if unicodedata.category(ch) in _SYMBOLS and not metrics.inFontUcs4(ord(ch)):
            name = unicodedata.name(ch, "").casefold()
            out.append(f"U+{ord(ch):04X}" + (f" ({name})" if name else ""))
        else:
            out.append(ch)
    return "".join(out)
