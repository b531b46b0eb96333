"""The right-hand side of the codebook editor: one code's fields and its attributes.

A field is committed when it is left (Enter or Tab in a line, focus out of a text box, a colour
picked): the form reports what differs from the stored code, and the editor makes that one
undoable edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook import AttributeSpec, CodeSpec
from annotator.ui.bidi import isolate_if_mirrored
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.models.codebook import swatch

TEXT_FIELDS = ("definition", "include", "exclude")
translate = QCoreApplication.translate


class _Text(QPlainTextEdit):
    """A text box that says when it is left, so its edit is committed then."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.left.emit()


class CodeForm(QWidget):
    """Fields of the chosen code (objectName ``codeForm``); ``commitRequested`` after a change."""

    commitRequested = Signal()
    addAttributeRequested = Signal()
    editAttributeRequested = Signal(str)
    removeAttributeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeForm")
        self.code: CodeSpec | None = None
        self._colour = ""
        self.name_en = QLineEdit(objectName="codeNameEn")
        self.name_ar = QLineEdit(objectName="codeNameAr")
        self.name_ar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.name_ar.setFont(ui_arabic_font(self.name_ar.font()))
        self.colour = QPushButton(objectName="codeColour")
        self.colour.clicked.connect(self.pick_colour)
        self.shortcut = QLineEdit(objectName="codeKey")
        self.shortcut.setPlaceholderText(translate("CodeForm", "e.g. 1, q, F5 or Ctrl+1"))
        self.shortcut.setMaximumWidth(160)
        self.texts = {name: _Text(objectName=f"code{name.title()}") for name in TEXT_FIELDS}
        self.examples = _Text(objectName="codeExamples")
        self.examples.setPlaceholderText(translate("CodeForm", "One example per line"))
        option = self.examples.document().defaultTextOption()  # quotes from Arabic articles
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.examples.document().setDefaultTextOption(option)
        for box in (*self.texts.values(), self.examples):
            box.setFont(ui_arabic_font(box.font()))
            box.setTabChangesFocus(True)
            box.left.connect(self.commitRequested)
        for line in (self.name_en, self.name_ar, self.shortcut):
            line.editingFinished.connect(self.commitRequested)
        self.attributes = self._attribute_table()
        self._layout()
        self.show_code(None, editable=False)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("CodeForm", "English name"), self.name_en)
        form.addRow(translate("CodeForm", "Arabic name"), self.name_ar)
        row = QHBoxLayout()
        row.addWidget(self.colour)
        row.addSpacing(24)
        row.addWidget(QLabel(translate("CodeForm", "Key")))
        row.addWidget(self.shortcut)
        row.addStretch(1)
        form.addRow(translate("CodeForm", "Colour"), row)
        form.addRow(translate("CodeForm", "Definition"), self.texts["definition"])
        form.addRow(translate("CodeForm", "Include when"), self.texts["include"])
        form.addRow(translate("CodeForm", "Exclude when"), self.texts["exclude"])
        form.addRow(translate("CodeForm", "Examples"), self.examples)
        for box in (*self.texts.values(), self.examples):
            box.setMinimumHeight(48)
            box.setMaximumHeight(96)
        group = QGroupBox(translate("CodeForm", "Attributes coders fill in for this code"))
        buttons = QHBoxLayout()
        for name, text, signal in (
                ("addAttribute", translate("CodeForm", "Add attribute…"), self._add_attribute),
                ("editAttribute", translate("CodeForm", "Edit attribute…"), self._edit_attribute),
                ("removeAttribute", translate("CodeForm", "Remove attribute"),
                 self._remove_attribute)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(signal)
            buttons.addWidget(button)
            setattr(self, f"{name}_button", button)
        buttons.addStretch(1)
        inner = QVBoxLayout(group)
        inner.addWidget(self.attributes)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group, 1)

    def _attribute_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, objectName="attributeTable")
        table.setHorizontalHeaderLabels([
            translate("CodeForm", "Name"), translate("CodeForm", "Type"),
            translate("CodeForm", "Required"), translate("CodeForm", "Choices")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setFont(ui_arabic_font(table.font()))
        table.setMinimumHeight(150)
        table.doubleClicked.connect(lambda _index: self._edit_attribute())
        return table

    # ------------------------------------------------------------------ showing
    def show_code(self, code: CodeSpec | None, editable: bool,
                  type_names: dict[str, str] | None = None) -> None:
        self.code = code
        for line in (self.name_en, self.name_ar, self.shortcut):
            line.blockSignals(True)
        self.name_en.setText(code.name_en if code else "")
        self.name_ar.setText(code.name_ar if code else "")
        self.shortcut.setText(code.shortcut if code else "")
        for line in (self.name_en, self.name_ar, self.shortcut):
            line.blockSignals(False)
        for name, box in self.texts.items():
            box.setPlainText(getattr(code, name) if code else "")
        self.examples.setPlainText("\n".join(code.examples) if code else "")
        self._set_colour(code.colour if code else "")
        self._fill_attributes(code.attributes if code else [], type_names or {})
        for widget in (self.name_en, self.name_ar, self.shortcut, self.examples,
                       *self.texts.values()):
            widget.setReadOnly(not editable or code is None)
        for widget in (self.colour, self.addAttribute_button, self.editAttribute_button,
                       self.removeAttribute_button):
            widget.setEnabled(editable and code is not None)
        self.setEnabled(code is not None)

    def _set_colour(self, colour: str) -> None:
        self._colour = colour
        self.colour.setText(isolate_if_mirrored(colour) or "—")
        self.colour.setIcon(swatch(colour) if colour else swatch("#ffffff"))

    def _fill_attributes(self, attributes: list[AttributeSpec], type_names: dict[str, str]) -> None:
        self.attributes.setRowCount(len(attributes))
        for row, spec in enumerate(attributes):
            cells = (spec.name, type_names.get(spec.type.value, spec.type.value),
                     translate("CodeForm", "yes") if spec.required else "",
                     " · ".join(spec.choices))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, spec.uuid)
                self.attributes.setItem(row, column, item)
        self.attributes.resizeColumnsToContents()
        self.attributes.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    # ------------------------------------------------------------------ reading
    def changes(self) -> dict[str, Any]:
        """What the fields hold that the stored code does not."""
        if self.code is None:
            return {}
        now: dict[str, Any] = {"name_en": self.name_en.text().strip(),
                               "name_ar": self.name_ar.text().strip(),
                               "shortcut": self.shortcut.text().strip(), "colour": self._colour}
        now |= {name: box.toPlainText().strip() for name, box in self.texts.items()}
        now["examples"] = [line.strip() for line in self.examples.toPlainText().splitlines()
                           if line.strip()]
        return {name: value for name, value in now.items() if getattr(self.code, name) != value}

    def pick_colour(self, colour: str | None = None) -> None:
        """Choose a colour (``QColorDialog``, or ``colour`` given by a test) and commit it."""
        if colour is None:
            chosen = QColorDialog.getColor(QColor(self._colour or "#ffe08a"), self,
                                           translate("CodeForm", "Colour of the code"))
            if not chosen.isValid():
                return
            colour = chosen.name()
        self._set_colour(colour.lower())
        self.commitRequested.emit()

    def current_attribute(self) -> str | None:
        item = self.attributes.item(self.attributes.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _add_attribute(self) -> None:
        self.addAttributeRequested.emit()

    def _edit_attribute(self) -> None:
        if self.current_attribute():
            self.editAttributeRequested.emit(self.current_attribute())

    def _remove_attribute(self) -> None:
        if self.current_attribute():
            self.removeAttributeRequested.emit(self.current_attribute())
