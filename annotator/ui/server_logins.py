"""The Coders dialog on a server project: each coder's database login, given or taken away here.

A login is a PostgreSQL role mapped to the coder (``annotator.db.server_roles``); the database's
row-level security decides what it reads. Giving and taking away are undoable like the dialog's
other changes (undo of giving takes the login away again; the role itself stays on the server
and keeps its password, so redo gives it back as it was). Only a connection that may manage roles
(the project's owner) can change logins; for others the buttons stay disabled and say why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from annotator.db.rls import ROLE_NAME_LIMIT, add_login_role
from annotator.db.server_roles import (
    LoginRole,
    find_login,
    login_roles,
    remove_login,
    require_role_manager,
)
from annotator.errors import ProjectError
from annotator.ui.bidi import isolate, isolate_if_mirrored

if TYPE_CHECKING:
    from annotator.ui.coders_dialog import CodersDialog

translate = QCoreApplication.translate
NO_LOGIN = "—"


class ServerLogins:
    """The Login column and its two buttons, for a CodersDialog on a server project."""

    def __init__(self, dialog: CodersDialog) -> None:
        self.dialog = dialog
        self.refusal = self._may_manage()
        self.give = QPushButton(translate("ServerLogins", "Give a login…"), objectName="giveLogin")
        self.take = QPushButton(translate("ServerLogins", "Take the login away"),
                                objectName="takeLogin")
        self.give.clicked.connect(lambda: self.ask_and_give())
        self.take.clicked.connect(lambda: self.confirm_and_take())
        for button in (self.give, self.take):
            button.setEnabled(self.refusal is None)
            button.setToolTip(self.refusal or "")
        self.by_coder: dict[str, list[LoginRole]] = {}

    def _may_manage(self) -> str | None:
        try:
            with self.dialog.store.reader() as session:
                require_role_manager(session.connection())
        except ProjectError as refusal:
            return str(refusal)
        return None

    def buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ServerLogins", "Database login:")))
        row.addWidget(self.give)
        row.addWidget(self.take)
        row.addStretch(1)
        return row

    def reload(self) -> None:
        with self.dialog.store.reader() as session:
            logins = login_roles(session.connection())
        self.by_coder = {}
        for login in logins:
            self.by_coder.setdefault(login.coder_id, []).append(login)

    def cell_text(self, coder_id: str) -> str:
        logins = self.by_coder.get(coder_id, [])
        shown = [login.role if login.can_login else translate(
            "ServerLogins", "{role} (cannot log in)").format(role=login.role) for login in logins]
        return isolate_if_mirrored(", ".join(shown)) if shown else NO_LOGIN

    # ------------------------------------------------------------------ give
    def ask_and_give(self) -> bool:
        coder_id, name = self.dialog.current(), self.dialog.current_name()
        if coder_id is None or name is None:
            return False
        asked = LoginDialog(name, self.dialog)
        if asked.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.give_login(coder_id, asked.role(), asked.password())

    def give_login(self, coder_id: str, role: str, password: str | None) -> bool:
        lead = self.dialog.is_lead(coder_id)

        def give(session: Session, with_password: str | None = password) -> str:
            if not role or len(role.encode()) > ROLE_NAME_LIMIT:
                raise ProjectError(f"a login name has 1 to {ROLE_NAME_LIMIT} bytes")
            add_login_role(session.connection(), role, with_password, coder_id, lead=lead)
            return role

        def take_back(session: Session, given: str) -> str:
            remove_login(session.connection(), find_login(session.connection(), given))
            return given

        text = translate("ServerLogins", "Give login {role}").format(role=isolate(role))
        return self.dialog.run(text, give, take_back, lambda s, _given: give(s, None))

    # ------------------------------------------------------------------ take away
    def confirm_and_take(self) -> bool:
        coder_id = self.dialog.current()
        logins = self.by_coder.get(coder_id or "", [])
        if not logins:
            self.dialog.say(translate("ServerLogins", "This coder has no login."))
            return False
        login = logins[0]
        asked = QMessageBox.question(self.dialog, translate("ServerLogins", "Take the login away"),
                                     translate("ServerLogins", "{name} will no longer be able to "
                                               "connect as {role}. Their coding stays in the "
                                               "project.").format(name=isolate(login.coder_name),
                                                                  role=isolate(login.role)))
        if asked != QMessageBox.StandardButton.Yes:
            return False
        return self.take_login(login)

    def take_login(self, login: LoginRole) -> bool:
        def take(session: Session) -> LoginRole:
            remove_login(session.connection(), find_login(session.connection(), login.role))
            return login

        def give_back(session: Session, taken: LoginRole) -> LoginRole:
            add_login_role(session.connection(), taken.role, None, taken.coder_id,
                           lead=taken.kind == "lead")
            return taken

        text = translate("ServerLogins", "Take login {role} away").format(role=isolate(login.role))
        return self.dialog.run(text, take, give_back, lambda s, _taken: take(s))


class LoginDialog(QDialog):
    """Login name and the password twice; OK only when they are usable."""

    def __init__(self, coder_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="loginDialog")
        self.setWindowTitle(translate("ServerLogins", "Login for {name}").format(
            name=isolate(coder_name)))
        self.name = QLineEdit(coder_name.strip().lower().replace(" ", "_"), objectName="loginRole")
        self.first = QLineEdit(objectName="loginPassword", echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(objectName="loginPasswordAgain",
                                echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel(objectName="loginProblem", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("ServerLogins", "Login name"), self.name)
        form.addRow(translate("ServerLogins", "Password"), self.first)
        form.addRow(translate("ServerLogins", "Password again"), self.second)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        for field in (self.name, self.first, self.second):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = ""
        if not self.name.text().strip():
            problem = translate("ServerLogins", "Give the login a name.")
        elif len(self.name.text().strip().encode()) > ROLE_NAME_LIMIT:
            problem = translate("ServerLogins", "The login name is too long.")
        elif self.first.text() != self.second.text():
            problem = translate("ServerLogins", "The two passwords differ.")
        elif not self.first.text():
            problem = translate("ServerLogins", "Without a password the login works only where "
                                "the server trusts connections without one.")
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and self.first.text() == self.second.text()
                      and len(self.name.text().strip().encode()) <= ROLE_NAME_LIMIT)

    def role(self) -> str:
        return self.name.text().strip()

    def password(self) -> str | None:
        return self.first.text() or None
