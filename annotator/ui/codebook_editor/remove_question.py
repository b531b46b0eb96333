"""Removing a document question that holds answers: say how many answers by how many coders (and
gold answers) go with it, and ask (objectName ``removeQuestionDialog``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.db.services.question_remove import QuestionUsage
from annotator.ui.bidi import isolate
from annotator.ui.plurals import plurals

translate = QCoreApplication.translate


class RemoveQuestionDialog(QMessageBox):
    """Cancel is the default and Esc; ``remove_button`` removes the question and its answers."""

    def __init__(self, usage: QuestionUsage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removeQuestionDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("RemoveQuestion", "Remove an answered question"))
        self.setText(translate("RemoveQuestion", "Remove ‘{question}’ and its answers?").format(
            question=isolate(usage.key)))
        self.setInformativeText("\n".join(_lines(usage)))
        self.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 380px; }")
        self.remove_button = self.addButton(
            translate("RemoveQuestion", "Remove question and answers"),
            QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setEscapeButton(cancel)
        self.setDefaultButton(cancel)

    @property
    def confirmed(self) -> bool:
        return self.clickedButton() is self.remove_button


def _lines(usage: QuestionUsage) -> list[str]:
    lines = []
    if usage.answers:
        lines.append(translate("RemoveQuestion", "{answers} by {coders} will be removed with it.")
                     .format(answers=plurals().answers(usage.answers),
                             coders=plurals().coders(usage.coders)))
    if usage.gold:
        lines.append(translate("RemoveQuestion", "{answers} in the gold layer (adjudicated) too.")
                     .format(answers=plurals().answers(usage.gold)))
    lines.append(translate("RemoveQuestion",
                           "Undo (Ctrl+Z) puts the question back with all its answers."))
    return lines


def confirm_removal(parent: QWidget, usage: QuestionUsage) -> bool:
    dialog = RemoveQuestionDialog(usage, parent)
    dialog.exec()
    return dialog.confirmed
