"""Adding or changing one attribute: name, type, required, description, and for a choice
attribute its values with an English and an Arabic label each (objectName ``attributeDialog``).

The dialog stays open when the service refuses the change and shows why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain import AttributeType
from annotator.ui.fonts import ui_arabic_font

VALUE, ENGLISH, ARABIC = range(3)
Submit = Callable[[dict[str, Any]], str | None]  # the fields → a refusal, or None when done
translate = QCoreApplication.translate
TYPE_NAMES = {AttributeType.CHOICE.value: QT_TRANSLATE_NOOP("AttributeType", "choice"),
              AttributeType.TEXT.value: QT_TRANSLATE_NOOP("AttributeType", "text"),
              AttributeType.NUMBER.value: QT_TRANSLATE_NOOP("AttributeType", "number"),
              AttributeType.YES_NO.value: QT_TRANSLATE_NOOP("AttributeType", "yes/no")}
"""The domain's attribute types as people read them (translated where shown)."""


def type_names() -> dict[str, str]:
    """Attribute types as people read them, in the interface language."""
    return {value: translate("AttributeType", name) for value, name in TYPE_NAMES.items()}


class AttributeDialog(QDialog):
    def __init__(self, submit: Submit, state: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeDialog")
        self.setWindowTitle(translate("AttributeDialog", "Edit attribute") if state
                            else translate("AttributeDialog", "Add attribute"))
        self._submit = submit
        self.name = QLineEdit(objectName="attributeName")
        self.type = QComboBox(objectName="attributeType")
        for value, label in type_names().items():
            self.type.addItem(label, value)
        self.required = QCheckBox(translate("AttributeDialog", "Coders must fill it in"),
                                  objectName="attributeRequired")
        self.description = QLineEdit(objectName="attributeDescription")
        self.choices = QTableWidget(0, 3, objectName="choiceTable")
        self.choices.setHorizontalHeaderLabels([
            translate("AttributeDialog", "Value (stored)"),
            translate("AttributeDialog", "English label"),
            translate("AttributeDialog", "Arabic label")])
        self.choices.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choices.setFont(ui_arabic_font(self.choices.font()))
        self.add_choice = QPushButton(translate("AttributeDialog", "Add choice"),
                                      objectName="addChoice")
        self.remove_choice = QPushButton(translate("AttributeDialog", "Remove choice"),
                                         objectName="removeChoice")
        self.add_choice.clicked.connect(lambda: self.append_choice("", "", ""))
        self.remove_choice.clicked.connect(lambda: self.choices.removeRow(self.choices.currentRow()))
        self.error = QLabel(objectName="attributeError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self._layout()
        self.type.currentIndexChanged.connect(self._type_changed)
        self._load(state or {"name": "", "type": AttributeType.CHOICE, "choices": [],
                             "required": False, "description": "", "labels": {}})
        self.resize(620, 460)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("AttributeDialog", "Name"), self.name)
        form.addRow(translate("AttributeDialog", "Type"), self.type)
        form.addRow("", self.required)
        form.addRow(translate("AttributeDialog", "Description"), self.description)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_choice)
        row.addWidget(self.remove_choice)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate(
            "AttributeDialog",
            "Choices: the value is what the data and exports keep; the labels are what people "
            "read.")))
        layout.addWidget(self.choices, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _load(self, state: dict[str, Any]) -> None:
        self.name.setText(state["name"])
        self.type.setCurrentIndex(self.type.findData(AttributeType(state["type"]).value))
        self.required.setChecked(bool(state["required"]))
        self.description.setText(state["description"])
        for value in state["choices"]:
            english, arabic = state["labels"].get(value, ("", ""))
            self.append_choice(value, english, arabic)
        self._type_changed()

    def append_choice(self, value: str, english: str, arabic: str) -> None:
        row = self.choices.rowCount()
        self.choices.insertRow(row)
        for column, text in ((VALUE, value), (ENGLISH, english), (ARABIC, arabic)):
            item = QTableWidgetItem(text)
            if column == ARABIC:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.choices.setItem(row, column, item)
        self.choices.setCurrentCell(row, VALUE)

    def _type_changed(self) -> None:
        is_choice = self.type.currentData() == AttributeType.CHOICE.value
        for widget in (self.choices, self.add_choice, self.remove_choice):
            widget.setEnabled(is_choice)

    def _cell(self, row: int, column: int) -> str:
        item = self.choices.item(row, column)
        return item.text().strip() if item else ""

    def fields(self) -> dict[str, Any]:
        """What the dialog holds, as the attribute services take it."""
        kind = AttributeType(self.type.currentData())
        rows = [r for r in range(self.choices.rowCount()) if self._cell(r, VALUE)]
        choices = [self._cell(r, VALUE) for r in rows] if kind is AttributeType.CHOICE else []
        labels = {self._cell(r, VALUE): (self._cell(r, ENGLISH), self._cell(r, ARABIC))
                  for r in rows} if kind is AttributeType.CHOICE else {}
        return {"name": self.name.text().strip(), "type": kind, "choices": choices,
                "required": self.required.isChecked(),
                "description": self.description.text().strip(), "labels": labels}

    def submit(self) -> None:
        refusal = self._submit(self.fields())
        if refusal:
            self.error.setText(refusal)
            return
        self.accept()
