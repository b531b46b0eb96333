"""The Edit gold dialog: a cluster's gold span boundaries (typed, or taken from the text
selection), its code (the codebook's codes in order) and its attribute values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.domain import AttributeType
from annotator.ui.codes import CodeCatalog, CodeInfo

translate = QCoreApplication.translate


@dataclass(frozen=True)
class GoldEdit:
    """What the lead chose: boundaries (code points), code and attribute values by id."""

    start: int
    end: int
    code_id: str
    attributes: dict[str, str | None]


@dataclass(frozen=True)
class GoldStart:
    """What the dialog opens with: the gold span (or the cluster) and its values."""

    start: int
    end: int
    code_id: str | None
    attributes: dict[str, str]
    length: int  # the document's, in code points


class EditGoldDialog(QDialog):
    def __init__(self, catalog: CodeCatalog, initial: GoldStart,
                 selection: Callable[[], tuple[int, int] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="reviewEditGoldDialog")
        self.setWindowTitle(translate("EditGoldDialog", "Edit gold span"))
        self.catalog, self.initial, self.selection = catalog, initial, selection
        self.start = QSpinBox(objectName="goldStart", maximum=initial.length)
        self.end = QSpinBox(objectName="goldEnd", maximum=initial.length)
        self.start.setValue(initial.start)
        self.end.setValue(initial.end)
        take = QPushButton(translate("EditGoldDialog", "Use the text selection"),
                           objectName="goldUseSelection")
        take.clicked.connect(self.use_selection)
        self.code = QComboBox(objectName="goldCode")
        for code in catalog:
            self.code.addItem(code.path, code.uuid)
        if initial.code_id:
            self.code.setCurrentIndex(max(self.code.findData(initial.code_id), 0))
        self.code.currentIndexChanged.connect(self._show_attributes)
        self.form = QFormLayout()
        self.form.addRow(translate("EditGoldDialog", "Start (code point)"), self.start)
        self.form.addRow(translate("EditGoldDialog", "End (after the last)"), self.end)
        self.form.addRow("", take)
        self.form.addRow(translate("EditGoldDialog", "Code"), self.code)
        self.attributes: dict[str, QComboBox | QLineEdit] = {}
        self.error = QLabel(objectName="goldError", styleSheet="color:#b71c1c")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_attributes()

    def use_selection(self) -> None:
        chosen = self.selection()
        if chosen is None:
            self.error.setText(translate("EditGoldDialog", "Select text in the document first."))
            return
        self.start.setValue(chosen[0])
        self.end.setValue(chosen[1])

    def _code(self) -> CodeInfo:
        return self.catalog[self.code.currentData()]

    def _show_attributes(self) -> None:
        while self.form.rowCount() > 4:
            self.form.removeRow(4)
        self.attributes = {}
        for spec in self._code().attributes:
            value = self.initial.attributes.get(spec.uuid, "")
            if AttributeType(spec.type) is AttributeType.CHOICE:
                widget: QComboBox | QLineEdit = QComboBox()
                widget.addItems(["", *spec.choices])
                widget.setCurrentText(value)
            else:
                widget = QLineEdit(value)
            widget.setObjectName(f"goldAttribute_{spec.name}")
            self.attributes[spec.uuid] = widget
            self.form.addRow(spec.name, widget)

    def _check_and_accept(self) -> None:
        if not self.start.value() < self.end.value():
            self.error.setText(translate(
                "EditGoldDialog", "The span is empty: the end must come after the start."))
            return
        self.accept()

    def chosen(self) -> GoldEdit:
        values: dict[str, str | None] = {}
        for uuid, widget in self.attributes.items():
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            values[uuid] = text.strip() or None
        return GoldEdit(self.start.value(), self.end.value(), self.code.currentData(), values)
