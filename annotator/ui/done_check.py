"""Before a document is marked done: required attribute values left empty are listed.

A coder fills them in first (the dialog can jump to the first one); a lead may mark the document
done anyway.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.bidi import isolate
from annotator.db.services.completeness import MissingValue, missing_required
from annotator.domain import Role
from annotator.ui.plurals import plurals

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

LISTED = 12
translate = QCoreApplication.translate


class DoneCheckDialog(QMessageBox):
    """Lists the empty required values (objectName ``doneCheck``); ``choice`` says what to do."""

    SHOW, ANYWAY, CANCEL = "show", "anyway", "cancel"

    def __init__(self, lines: list[str], lead: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneCheck")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(translate("DoneCheck", "Required attributes are empty"))
        count = len(lines)
        self.setText(translate("DoneCheck", "Your annotations leave {values} empty:").format(
            values=plurals().required_values(count)))
        shown = lines[:LISTED]
        more = len(lines) - len(shown)
        if more:
            shown.append(plurals().more(more))
        self.setInformativeText("\n".join(shown))
        self.show_button = self.addButton(translate("DoneCheck", "Go to the first"),
                                          QMessageBox.ButtonRole.AcceptRole)
        self.anyway_button = None
        if lead:
            self.anyway_button = self.addButton(translate("DoneCheck", "Mark done anyway"),
                                                QMessageBox.ButtonRole.DestructiveRole)
        self.setEscapeButton(self.addButton(QMessageBox.StandardButton.Cancel))
        self.setDefaultButton(self.show_button)

    @property
    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is self.show_button:
            return self.SHOW
        if clicked is not None and clicked is self.anyway_button:
            return self.ANYWAY
        return self.CANCEL


def describe(window: MainWindow, missing: MissingValue) -> str:
    """``Claim/Factual «excerpt» — certainty``, the excerpt isolated so it keeps its direction."""
    code = window.workspace.codes.get(missing.code_id)
    text = window.state.text if window.state else ""
    piece = text[missing.start:missing.end].replace("\n", " ")
    piece = piece if len(piece) <= 40 else piece[:39].rstrip() + "…"
    label = code.label if code else "?"
    return f"• {label} «{isolate(piece)}» — {missing.attribute}"


def confirm_done(window: MainWindow, document_id: str) -> bool:
    """True when the document may be marked done: nothing is missing, or a lead says so."""
    with window.workspace.store.reader() as session:
        missing = missing_required(session, document_id, window.workspace.coder.uuid)
    if not missing:
        return True
    dialog = DoneCheckDialog([describe(window, m) for m in missing],
                             window.workspace.coder.role is Role.LEAD, window)
    dialog.exec()
    if dialog.choice == DoneCheckDialog.SHOW and window.document_id == document_id:
        window.select_annotation(missing[0].annotation_id)
        window.focus_attributes()
    if dialog.choice != DoneCheckDialog.ANYWAY:
        window.statusBar().showMessage(
            translate("DoneCheck", "Not marked done: required attributes are empty."), 8000)
    return dialog.choice == DoneCheckDialog.ANYWAY
