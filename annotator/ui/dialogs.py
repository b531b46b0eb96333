"""Small dialogs: who is coding, and choosing a link target from the keyboard."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.db.services.coders import CoderInfo
from annotator.domain import Role
from annotator.ui.bidi import isolate, isolate_if_mirrored

translate = QCoreApplication.translate

LEAD_REQUEST = "\0lead"
"""What :meth:`CoderDialog.chosen` returns after "Open as lead…" (no coder name holds a NUL)."""


class CoderDialog(QDialog):
    """Asks who is coding: pick an existing coder or type a new name (objectName ``coderDialog``)."""

    def __init__(self, project_name: str, coders: list[CoderInfo], parent: QWidget | None = None,
                 preselect: str = "", lead_button: bool = False) -> None:
        super().__init__(parent)
        self._as_lead = False
        self.setObjectName("coderDialog")
        self.setWindowTitle(translate("CoderDialog", "Who is coding?"))
        self.list = QListWidget()
        self.list.setObjectName("coderList")
        for coder in coders:
            name = isolate_if_mirrored(coder.name)  # "Samira K." keeps its full stop at the end
            label = (translate("CoderDialog", "{name} (lead)").format(name=name)
                     if coder.role is Role.LEAD else name)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, coder.name)
            self.list.addItem(item)
            if coder.name == preselect:
                self.list.setCurrentItem(item)
        self.new_name = QLineEdit(placeholderText=translate("CoderDialog",
                                                        "…or add a new coder: type a name"))
        self.new_name.setObjectName("newCoderName")
        add = QPushButton(translate("CoderDialog", "Add and use"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "CoderDialog", "Project: <b>{project}</b><br>Choose your name. You will see only your "
            "own annotations (blind coding).").format(project=isolate(escape(project_name)))))
        layout.addWidget(self.list)
        layout.addLayout(row)
        if lead_button:  # leads are behind the passphrase: not in the list
            self.lead_button = QPushButton(translate("CoderDialog", "Open as lead…"))
            self.lead_button.setObjectName("openAsLead")
            self.lead_button.setToolTip(translate("CoderDialog",
                                                  "Asks for the lead passphrase next."))
            self.lead_button.clicked.connect(self._open_as_lead)
            self.buttons.addButton(self.lead_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        add.clicked.connect(self._add)
        self.new_name.returnPressed.connect(self._add)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def _add(self) -> None:
        if self.new_name.text().strip():
            self.list.clearSelection()
            self.list.setCurrentItem(None)
            self.accept()

    def _open_as_lead(self) -> None:
        self._as_lead = True
        self.accept()

    def chosen(self) -> tuple[str, bool]:
        """The chosen name and whether it is a new coder to add (``LEAD_REQUEST`` for the lead)."""
        if self._as_lead:
            return LEAD_REQUEST, False
        typed = self.new_name.text().strip()
        if typed and self.list.currentItem() is None:
            return typed, True
        item = self.list.currentItem()
        return (item.data(Qt.ItemDataRole.UserRole), False) if item else ("", False)


class ChoiceDialog(QDialog):
    """A filterable list to pick one item by keyboard (Enter picks, Esc cancels)."""

    def __init__(self, title: str, items: list[tuple[str, str]], parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("choiceDialog")
        self.filter = QLineEdit(placeholderText=translate("ChoiceDialog", "Type to filter"))
        self.list = QListWidget()
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        for key, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept)
        self.resize(560, 360)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            first = first if first is not None or hidden else row
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item and not item.isHidden() else None
