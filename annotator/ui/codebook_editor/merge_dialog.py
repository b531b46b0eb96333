"""Deleting a code that holds annotations: say how many, and offer to merge them into another code
of the same kind (objectName ``mergeCodeDialog``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.bidi import isolate
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.plurals import plurals

translate = QCoreApplication.translate


class MergeDialog(QDialog):
    def __init__(self, path: str, count: int, targets: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeCodeDialog")
        self.setWindowTitle(translate("MergeDialog", "Delete a code in use"))
        text = QLabel(translate("MergeDialog", 
            "‘{code}’ and its sub-codes hold {annotations} of all coders and layers. It cannot "
            "be deleted on its own: its annotations can be merged into another code of the same "
            "kind, then it is deleted. Undo puts everything back.").format(
                code=isolate(path), annotations=plurals().annotations(count)))
        text.setWordWrap(True)
        self.target = QComboBox(objectName="mergeTarget")
        self.target.setFont(ui_arabic_font(self.target.font()))
        for code_id, label in targets:
            self.target.addItem(label, code_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge = buttons.addButton(translate("MergeDialog", "Merge into this code and delete"),
                                       QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge.setEnabled(bool(targets))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.target)
        if not targets:
            layout.addWidget(QLabel(translate("MergeDialog",
                                              "No other code of this kind to merge into.")))
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def chosen(self) -> str | None:
        return self.target.currentData()


def ask_merge_target(parent: QWidget, path: str, count: int,
                     targets: list[tuple[str, str]]) -> str | None:
    dialog = MergeDialog(path, count, targets, parent)
    return dialog.chosen() if dialog.exec() else None
