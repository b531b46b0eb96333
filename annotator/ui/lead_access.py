"""The lead passphrase in the app: asked when a project opens as lead, set in Project → Lead
passphrase…, and a status-bar hint while a lead works in a project without one.

What it protects is stated in the README: casual peeking at a shared file, not someone who reads
the SQLite file directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.db.services.coder_roles import lead_passphrase_set, set_lead_passphrase
from annotator.domain import Role
from annotator.errors import AnnotatorError
from annotator.passphrase import MIN_LENGTH
from annotator.ui.plurals import plurals

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

translate = QCoreApplication.translate


def _secret(name: str) -> QLineEdit:
    field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
    field.setObjectName(name)
    return field


class PassphraseDialog(QDialog):
    """Which lead (if there are several) and the passphrase (objectName ``leadPassphraseDialog``)."""

    def __init__(self, lead_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leadPassphraseDialog")
        self.setWindowTitle(translate("LeadAccess", "Open as lead"))
        self.lead = QComboBox()
        self.lead.setObjectName("leadName")
        self.lead.addItems(lead_names)
        self.passphrase = _secret("leadPassphrase")
        form = QFormLayout()
        if len(lead_names) > 1:
            form.addRow(translate("LeadAccess", "Lead"), self.lead)
        form.addRow(translate("LeadAccess", "Lead passphrase"), self.passphrase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "LeadAccess", "This project's lead role is protected by a passphrase.")))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def answer(self) -> tuple[str, str]:
        return self.lead.currentText(), self.passphrase.text()


def ask_lead_passphrase(lead_names: list[str]) -> tuple[str, str] | None:
    """The default ``ask_passphrase`` of :func:`annotator.ui.app.open_main_window`."""
    dialog = PassphraseDialog(lead_names)
    return dialog.answer() if dialog.exec() else None


class SetPassphraseDialog(QDialog):
    """Set or change the lead passphrase: typed twice (objectName ``setPassphraseDialog``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPassphraseDialog")
        self.setWindowTitle(translate("LeadAccess", "Lead passphrase"))
        self.new, self.again = _secret("newPassphrase"), _secret("repeatPassphrase")
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet("color: #b00020;")
        note = QLabel(translate(
            "LeadAccess",
            "Whoever opens this project as lead must give this passphrase; coders never see the "
            "lead in the list. It keeps out casual peeking at a shared file, not someone who "
            "reads the SQLite file directly. At least {characters}.").format(
                characters=plurals().characters(MIN_LENGTH)))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("LeadAccess", "New passphrase"), self.new)
        form.addRow(translate("LeadAccess", "The same again"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

    def _check(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(translate("LeadAccess", "The two passphrases differ."))
            return
        if len(self.new.text()) < MIN_LENGTH:
            self.error.setText(translate("LeadAccess", "At least {characters}.").format(
                characters=plurals().characters(MIN_LENGTH)))
            return
        self.accept()


def set_passphrase(window: MainWindow, dialog: SetPassphraseDialog | None = None) -> bool:
    """Project → Lead passphrase…: one transaction, not on the undo stack (a security setting)."""
    dialog = dialog or SetPassphraseDialog(window)
    if dialog.result() != QDialog.DialogCode.Accepted and not dialog.exec():
        return False
    try:
        with window.workspace.store.transaction() as session:
            set_lead_passphrase(session, dialog.new.text())
    except AnnotatorError as error:
        window.statusBar().showMessage(translate(
            "LeadAccess", "The lead passphrase was not set: {reason}").format(reason=error), 10_000)
        return False
    show_passphrase_hint(window)
    window.statusBar().showMessage(
        translate("LeadAccess", "Lead passphrase set."), 8000)
    return True


def show_passphrase_hint(window: MainWindow) -> None:
    """A permanent status-bar note while a lead works in a project that has no passphrase."""
    label: QLabel | None = getattr(window, "passphrase_hint", None)
    with window.workspace.store.reader() as session:
        missing = not lead_passphrase_set(session)
    wanted = (missing and window.workspace.coder.role is Role.LEAD
              and window.workspace.package is None)
    if label is None and wanted:
        text = translate("LeadAccess", "No lead passphrase: anyone can open this project as "
                                       "lead (Project → Lead passphrase…)")
        label = QLabel(f"  {text}  ")
        label.setObjectName("passphraseHint")
        label.setStyleSheet("background: #fde7e9; color: #7a1020;")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        window.statusBar().addPermanentWidget(label)
        window.passphrase_hint = label
    if label is not None:
        label.setVisible(wanted)
