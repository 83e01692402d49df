"""Preferences: appearance, fact-sheet paper, what to show on start, history on/off.
Saved to the user's library when OK is pressed; `changed(Preferences)` follows the save."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ildesk.ui.library.common import WriteNow, Writer, error_text
from ildesk.userdata import Preferences, UserStore
from ildesk.userdata.prefs import MARGIN_RANGE, ZOOM_RANGE, StartPage

THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}
PAGE_LABELS = {"A4": "A4 (210 × 297 mm)", "Letter": "US Letter (8.5 × 11 in)"}


class PreferencesDialog(QDialog):
    changed = Signal(object)  # the saved Preferences

    def __init__(self, store: UserStore,
                 pages: Mapping[str, tuple[str, str]] | None = None,
                 parent: QWidget | None = None, writer: Writer | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(400)
        self._store = store
        self._writer: Writer = writer or WriteNow()
        self._saved = False
        self.theme = QComboBox()
        for key, label in THEME_LABELS.items():
            self.theme.addItem(label, key)
        self.zoom = QSpinBox()
        self.zoom.setRange(*ZOOM_RANGE)
        self.zoom.setSingleStep(10)
        self.zoom.setSuffix(" %")
        self.page_size = QComboBox()
        for key, label in PAGE_LABELS.items():
            self.page_size.addItem(label, key)
        self.margin = QDoubleSpinBox()
        self.margin.setRange(*MARGIN_RANGE)
        self.margin.setDecimals(1)
        self.margin.setSingleStep(1.0)
        self.margin.setSuffix(" mm")
        self.start_search = QRadioButton("The search")
        self.start_last = QRadioButton("The last page I read")
        self.start_page = QRadioButton("This page:")
        self._start_group = QButtonGroup(self)
        for button in (self.start_search, self.start_last, self.start_page):
            self._start_group.addButton(button)
        self.start_choice = QComboBox()
        self.start_choice.setEditable(True)
        self.start_choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.start_choice.lineEdit()
        if line is not None:
            line.setPlaceholderText("a page name or id, e.g. il-6")
        for page_id, (name, _kind) in sorted((pages or {}).items(),
                                             key=lambda kv: kv[1][0].casefold()):
            self.start_choice.addItem(name, page_id)
        self.start_choice.setCurrentIndex(-1)
        self.history = QCheckBox("Remember the pages I open")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.hide()

        look = QGroupBox("Appearance")
        form = QFormLayout(look)
        form.addRow("Theme:", self.theme)
        form.addRow("Text size:", self.zoom)
        paper = QGroupBox("Fact sheets")
        form = QFormLayout(paper)
        form.addRow("Paper:", self.page_size)
        form.addRow("Margins:", self.margin)
        start = QGroupBox("On start, show")
        box = QVBoxLayout(start)
        box.addWidget(self.start_search)
        box.addWidget(self.start_last)
        box.addWidget(self.start_page)
        box.addWidget(self.start_choice)
        privacy = QGroupBox("History")
        QVBoxLayout(privacy).addWidget(self.history)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons = buttons
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_values(Preferences()))
        layout = QVBoxLayout(self)
        for group in (look, paper, start, privacy):
            layout.addWidget(group)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.start_page.toggled.connect(self.start_choice.setEnabled)
        self.show_values(store.prefs.load())

    def show_values(self, prefs: Preferences) -> None:
        self.theme.setCurrentIndex(self.theme.findData(prefs.theme))
        self.zoom.setValue(prefs.text_zoom)
        self.page_size.setCurrentIndex(self.page_size.findData(prefs.page_size))
        self.margin.setValue(prefs.margin_mm)
        {"search": self.start_search, "last": self.start_last,
         "page": self.start_page}[prefs.start_page].setChecked(True)
        self.start_choice.setEnabled(prefs.start_page == "page")
        index = self.start_choice.findData(prefs.start_page_id)
        if index >= 0:
            self.start_choice.setCurrentIndex(index)
        else:
            self.start_choice.setCurrentIndex(-1)
            self.start_choice.setEditText(prefs.start_page_id)
        self.history.setChecked(prefs.history_enabled)

    def values(self) -> Preferences:
        """The preferences as the dialog shows them now."""
        start: StartPage = ("page" if self.start_page.isChecked() else
                            "last" if self.start_last.isChecked() else "search")
        text = self.start_choice.currentText().strip()
        index = self.start_choice.findText(text, Qt.MatchFlag.MatchFixedString)
        page_id = self.start_choice.itemData(index) if index >= 0 else text
        return Preferences(theme=self.theme.currentData(), text_zoom=self.zoom.value(),
                           page_size=self.page_size.currentData(),
                           margin_mm=round(self.margin.value(), 1), start_page=start,
                           start_page_id=page_id if start == "page" else "",
                           history_enabled=self.history.isChecked())

    def save(self) -> bool:
        """Save and close; on a problem, say it in the dialog and stay open. Returns False
        when the problem is known at once (a write that waits reports later)."""
        prefs = self.values()
        self._saved = True
        self.buttons.setEnabled(False)

        def done(_none: None) -> None:
            self.buttons.setEnabled(True)
            self.problem.hide()
            self.changed.emit(prefs)
            self.accept()

        def failed(exc: Exception) -> None:
            self._saved = False
            self.buttons.setEnabled(True)
            self._complain(str(exc).capitalize() + "." if isinstance(exc, ValueError)
                           else error_text(exc))

        self._writer.write(lambda: self._store.prefs.save(prefs), done, failed)
        return self._saved

    def _complain(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
