"""Project → Coders…: add, rename, retire or reinstate coders and choose who is a lead
(objectName ``codersDialog``), each change undoable here (Ctrl+Z) and committed at once; and
Project → Lead passphrase….

Retiring keeps a coder's work and takes them off the "who is coding?" list. Only a lead, outside
a coder package, reaches this dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.db.engine import ProjectStore
from annotator.db.services.coder_roles import (
    remove_unused_coder,
    rename_coder,
    roster,
    set_retired,
    set_role,
)
from annotator.db.services.coders import add_coder, list_coders
from annotator.domain import Role
from annotator.ui.bidi import isolate, isolate_if_mirrored, plain
from annotator.ui.lead_access import set_passphrase, show_passphrase_hint
from annotator.ui.store_command import Inverse, Step, StoreCommand, execute

if TYPE_CHECKING:
    from annotator.ui.actions import WindowActions
    from annotator.ui.main_window import MainWindow
    from annotator.ui.server_logins import ServerLogins

NAME, ROLE, STATE = range(3)
translate = QCoreApplication.translate


class CodersDialog(QDialog):
    def __init__(self, store: ProjectStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codersDialog")
        self.setWindowTitle(translate("CodersDialog", "Coders"))
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.logins: ServerLogins | None = None
        self._roles: dict[str, Role] = {}
        headers = [translate("CodersDialog", "Name"), translate("CodersDialog", "Role"),
                   translate("CodersDialog", "State")]
        if store.is_server:  # each coder's database login (psycopg only here)
            from annotator.ui.server_logins import ServerLogins

            self.logins = ServerLogins(self)
            headers.append(translate("CodersDialog", "Login"))
        self.table = QTableWidget(0, len(headers), objectName="codersTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        if self.logins is not None:  # the login names are read whole
            self.table.horizontalHeader().setSectionResizeMode(
                len(headers) - 1, QHeaderView.ResizeMode.ResizeToContents)
        self.new_name = QLineEdit(objectName="newCoderName",
                                  placeholderText=translate("CodersDialog", "Name of a new coder"))
        self.new_role = QComboBox(objectName="newCoderRole")
        self.new_role.addItem(translate("CodersDialog", "coder"), Role.CODER.value)
        self.new_role.addItem(translate("CodersDialog", "lead"), Role.LEAD.value)
        self.message = QLabel(objectName="codersMessage")
        self.message.setWordWrap(True)
        self._layout()
        self.reload()
        self.resize(560, 420)

    def _layout(self) -> None:
        add = QPushButton(translate("CodersDialog", "Add"), objectName="addCoder")
        add.clicked.connect(lambda: self.add(self.new_name.text(),
                                             Role(self.new_role.currentData())))
        self.new_name.returnPressed.connect(add.click)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(self.new_role)
        row.addWidget(add)
        buttons = QHBoxLayout()
        for name, text, slot in (("renameCoder", translate("CodersDialog", "Rename…"),
                                  self._ask_rename),
                                 ("retireCoder", translate("CodersDialog", "Retire / reinstate"),
                                  self.toggle_retired),
                                 ("roleCoder", translate("CodersDialog", "Lead / coder"),
                                  self.toggle_role)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        for action, keys in (
                (self.undo_stack.createUndoAction(self, translate("CodersDialog", "Undo")),
                 QKeySequence("Ctrl+Z")),
                (self.undo_stack.createRedoAction(self, translate("CodersDialog", "Redo")),
                 QKeySequence("Ctrl+Shift+Z"))):
            action.setShortcut(keys)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)  # follows the action's text and enabled state
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "CodersDialog",
            "Retired coders keep their work; the “who is coding?” list no longer offers "
            "them.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        if self.logins is not None:
            layout.addLayout(self.logins.buttons())
        layout.addLayout(row)
        layout.addWidget(self.message)

    def reload(self) -> None:
        keep = self.current()
        with self.store.reader() as session:
            people = roster(session)
        if self.logins is not None:
            self.logins.reload()
        self.table.setRowCount(len(people.coders))
        self._roles = {coder.uuid: coder.role for coder in people.coders}
        for row, coder in enumerate(people.coders):
            retired = coder.uuid in people.retired
            role = (translate("CodersDialog", "lead") if coder.role is Role.LEAD
                    else translate("CodersDialog", "coder"))
            state = (translate("CodersDialog", "retired") if retired
                     else translate("CodersDialog", "active"))
            cells = [isolate_if_mirrored(coder.name), role, state]
            if self.logins is not None:
                cells.append(self.logins.cell_text(coder.uuid))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, coder.uuid)
                if retired:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
            if coder.uuid == keep:
                self.table.selectRow(row)

    def current(self) -> str | None:
        item = self.table.item(self.table.currentRow(), NAME) if self.table.rowCount() else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def current_name(self) -> str | None:
        item = self.table.item(self.table.currentRow(), NAME) if self.table.rowCount() else None
        return plain(item.text()) if item else None

    def is_lead(self, coder_id: str) -> bool:
        return self._roles.get(coder_id) is Role.LEAD

    def select_name(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if plain(self.table.item(row, NAME).text()) == name:
                self.table.selectRow(row)

    def run(self, text: str, apply: Step, revert: Inverse, reapply: Inverse | None = None
            ) -> bool:
        """One undoable change (``StoreCommand``); says what was done or why not."""
        refusal = execute(self.undo_stack, StoreCommand(
            self.store, text, apply, revert, reapply, changed=self.reload,
            failed=self.say))
        self.say(text if refusal is None else translate(
            "CodersDialog", "Not done: {reason}").format(reason=refusal))
        return refusal is None

    def say(self, text: str) -> None:
        self.message.setText(text)

    # ------------------------------------------------------------------ actions
    def add(self, name: str, role: Role = Role.CODER) -> bool:
        name = name.strip()
        done = self.run(translate("CodersDialog", "Add {name}").format(name=isolate(name)),
                         lambda s: add_coder(s, name, role),
                         lambda s, coder_id: remove_unused_coder(s, coder_id),
                         lambda s, coder_id: add_coder(s, name, role, uuid=coder_id))
        if done:
            self.new_name.clear()
            self.select_name(name)
        return done

    def rename(self, name: str) -> bool:
        coder_id = self.current()
        if coder_id is None:
            return False
        text = translate("CodersDialog", "Rename to {name}").format(name=isolate(name.strip()))
        return self.run(text,
                         lambda s: rename_coder(s, coder_id, name),
                         lambda s, old: rename_coder(s, coder_id, old))

    def _ask_rename(self) -> None:
        item = self.table.item(self.table.currentRow(), NAME)
        if item is None:
            return
        name, ok = QInputDialog.getText(self, translate("CodersDialog", "Rename"),
                                        translate("CodersDialog", "New name"),
                                        text=plain(item.text()))
        if ok:
            self.rename(name)

    def toggle_retired(self) -> bool:
        coder_id = self.current()
        if coder_id is None:
            return False
        with self.store.reader() as session:
            retire = coder_id not in roster(session).retired
        text = (translate("CodersDialog", "Retire") if retire
                else translate("CodersDialog", "Reinstate"))
        done = self.run(text, lambda s: set_retired(s, coder_id, retire),
                        lambda s, before: set_retired(s, coder_id, before))
        if done and retire and self.logins is not None and self.logins.by_coder.get(coder_id):
            self.say(translate("CodersDialog", "Retired. Their database login still works: "
                               "take the login away to end their access to the server."))
        return done

    def toggle_role(self) -> bool:
        coder_id = self.current()
        if coder_id is None:
            return False
        with self.store.reader() as session:
            role = next(c.role for c in list_coders(session) if c.uuid == coder_id)
        new = Role.CODER if role is Role.LEAD else Role.LEAD
        text = (translate("CodersDialog", "Make lead") if new is Role.LEAD
                else translate("CodersDialog", "Make coder"))
        return self.run(text,
                         lambda s: set_role(s, coder_id, new),
                         lambda s, before: set_role(s, coder_id, before))


def install_coder_actions(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    """Project → Coders… and Lead passphrase… (a lead outside a coder package only)."""
    ws = window.workspace
    lead = ws.coder.role is Role.LEAD and ws.package is None and not ws.store.read_only
    menu.addSeparator()
    for name, text, slot in (("coders", translate("CodersMenu", "&Coders…"),
                              lambda: open_coders_dialog(window)),
                             ("lead_passphrase",
                              translate("CodersMenu", "Lead &passphrase…"),
                              lambda: set_passphrase(window))):
        action = QAction(text, window)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        action.setEnabled(lead)
        window.addAction(action)
        menu.addAction(action)
        actions.by_name[name] = action
    show_passphrase_hint(window)


def open_coders_dialog(window: MainWindow) -> CodersDialog:
    dialog: CodersDialog | None = getattr(window, "coders_dialog", None)
    if dialog is None:
        dialog = CodersDialog(window.workspace.store, window)
        dialog.finished.connect(lambda *_: _refresh_coders(window))
        window.coders_dialog = dialog
    dialog.reload()
    dialog.show()
    dialog.raise_()
    return dialog


def _refresh_coders(window: MainWindow) -> None:
    with window.workspace.store.reader() as session:
        window.workspace.coders = list_coders(session)
