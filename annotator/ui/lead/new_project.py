"""File → New project…: name, folder, codebook template, coders and the lead, made in a worker.

The project is created by :func:`annotator.db.services.new_project.create_new_project`, which
leaves no file behind when anything fails; the dialog shows the one-line reason and stays open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook import load_template, template_names
from annotator.db.services.new_project import NewProject, check_new, create_new_project, project_file
from annotator.errors import AnnotatorError
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.lead.bidi_text import english, isolated
from annotator.ui.workers import TaskRunner

ERROR_STYLE = "color: #b00020;"
translate = QCoreApplication.translate


def default_folder() -> Path:
    """The user's documents folder (the home folder where there is none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def template_label(name: str) -> str:
    """``Framing core (framing-core)``: the template's title and its name."""
    try:
        spec = load_template(name)
    except AnnotatorError:
        return name
    return f"{spec.name} ({name})"


class NewProjectDialog(QDialog):
    """Asks for what a project needs and creates it; ``created`` holds the file afterwards."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, objectName="newProjectDialog")
        self.setWindowTitle(translate("NewProjectDialog", "New project"))
        self.created: Path | None = None
        self.runner = TaskRunner(self, threads=1)
        self._build(folder or default_folder())
        self._connect()
        self._update_target()

    # ------------------------------------------------------------------ layout
    def _build(self, folder: Path) -> None:
        self.name = QLineEdit(objectName="projectName",
                              placeholderText=translate("NewProjectDialog", "e.g. Aleppo coverage 2016"))
        self.name.setFont(ui_arabic_font(self.font()))
        self.folder = QLineEdit(str(folder), objectName="projectFolder")
        self.browse = QPushButton(translate("NewProjectDialog", "Choose…"), objectName="chooseFolder")
        self.target = QLineEdit(objectName="projectTarget", readOnly=True, frame=False)
        self.target.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.template = QComboBox(objectName="codebookTemplate")
        self.template.addItem(translate("NewProjectDialog", "No codebook (add codes later)"), None)
        for name in template_names():
            self.template.addItem(template_label(name), name)
        self.coder_name = QLineEdit(objectName="coderName",
                                    placeholderText=translate("NewProjectDialog", "Type a name, then Enter"))
        self.coder_name.setFont(ui_arabic_font(self.font()))
        self.add_coder = QPushButton(translate("NewProjectDialog", "Add"), objectName="addCoder")
        self.remove_coder = QPushButton(translate("NewProjectDialog", "Remove"), objectName="removeCoder")
        self.coders = QListWidget(objectName="coderList")
        self.coders.setFont(ui_arabic_font(self.font()))
        self.coders.setMaximumHeight(120)
        self.lead = QComboBox(objectName="leadCoder")
        self.lead.setFont(ui_arabic_font(self.font()))
        self.error = QLabel(objectName="newProjectError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        # Plain buttons, not a QDialogButtonBox: the box makes its accept button the default on
        # show, and Return in the coder box (which adds a coder) would then create the project.
        self.create = QPushButton(translate("NewProjectDialog", "Create"), objectName="createProject")
        self.cancel = QPushButton(translate("NewProjectDialog", "Cancel"), objectName="cancelNewProject")
        self._lay_out()
        for button in self.findChildren(QPushButton):  # Return in the coder box adds a coder only
            button.setAutoDefault(False)

    def _lay_out(self) -> None:
        place = QHBoxLayout()
        place.addWidget(self.folder, 1)
        place.addWidget(self.browse)
        coder_row = QHBoxLayout()
        coder_row.addWidget(self.coder_name, 1)
        coder_row.addWidget(self.add_coder)
        coder_row.addWidget(self.remove_coder)
        form = QFormLayout()
        form.addRow(translate("NewProjectDialog", "Project name:"), self.name)
        form.addRow(translate("NewProjectDialog", "Folder:"), place)
        form.addRow(translate("NewProjectDialog", "File:"), self.target)
        form.addRow(translate("NewProjectDialog", "Codebook:"), self.template)
        form.addRow(translate("NewProjectDialog", "Coders:"), coder_row)
        form.addRow("", self.coders)
        form.addRow(translate("NewProjectDialog", "Project lead:"), self.lead)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        buttons.addWidget(self.cancel)
        layout.addLayout(buttons)
        self.resize(620, self.sizeHint().height())

    def _connect(self) -> None:
        self.name.textChanged.connect(self._update_target)
        self.folder.textChanged.connect(self._update_target)
        self.browse.clicked.connect(self.choose_folder)
        self.coder_name.returnPressed.connect(self.add_typed_coder)
        self.add_coder.clicked.connect(self.add_typed_coder)
        self.remove_coder.clicked.connect(self.remove_current_coder)
        self.cancel.clicked.connect(self.reject)
        self.create.clicked.connect(self.start)

    # ------------------------------------------------------------------ fields
    def path(self) -> Path:
        return project_file(Path(self.folder.text().strip() or "."), self.name.text().strip())

    def coder_names(self) -> list[str]:
        return [self.coders.item(i).text() for i in range(self.coders.count())]

    def spec(self) -> NewProject:
        return NewProject(self.path(), self.name.text().strip(), self.template.currentData(),
                          self.coder_names(), self.lead.currentText())

    def _update_target(self) -> None:
        shown = self.path() if self.name.text().strip() else None
        self.target.setText(str(shown) if shown else "")
        self.target.setCursorPosition(0)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("NewProjectDialog", "Folder for the project"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def add_typed_coder(self) -> None:
        """Add the typed name (Enter in the name box); a name given twice is refused at once."""
        name = self.coder_name.text().strip()
        if not name:
            return
        if name in self.coder_names():
            self.show_error(translate("NewProjectDialog", "{name} is already in the list.").format(
                name=isolated(name)))
            return
        self.coders.addItem(name)
        self.lead.addItem(name)
        self.coder_name.clear()
        self.show_error("")

    def remove_current_coder(self) -> None:
        row = self.coders.currentRow()
        if row < 0:
            return
        name = self.coders.takeItem(row).text()
        self.lead.removeItem(self.lead.findText(name, Qt.MatchFlag.MatchExactly))

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def refuse(self, reason: str) -> None:
        """A reason from the service, in English, inside a translated sentence."""
        self.show_error(translate("NewProjectDialog", "Cannot create the project: {reason}").format(
            reason=english(reason)))

    # ------------------------------------------------------------------ creating
    def start(self) -> None:
        """Check what can be checked at once, then create the file in the worker."""
        if self.coder_name.text().strip():  # a name typed but not yet added counts
            self.add_typed_coder()
        spec = self.spec()
        try:
            check_new(spec)
        except AnnotatorError as error:
            self.refuse(str(error))
            return
        self.show_error("")
        self.create.setEnabled(False)
        self.runner.start(lambda _state, _report: create_new_project(spec),
                          on_done=self._created, on_failed=self._failed)

    def _created(self, path: Path) -> None:
        self.created = path
        self.accept()

    def _failed(self, message: str) -> None:
        self.create.setEnabled(True)
        self.refuse(message)

    def done(self, result: int) -> None:  # noqa: D102 - Qt's name; waits for a running worker
        self.runner.wait()
        super().done(result)
