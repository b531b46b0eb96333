"""Where the lead's dialogs are opened from: the File menu and the start screen.

``annotator gui`` without a project (and none remembered) shows :class:`StartScreen`: New
project… or Open project…. A new project opens at once with its lead as the coder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from annotator.domain import Role
from annotator.errors import AnnotatorError
from annotator.ui.lead.annotation_import import AnnotationImportDialog
from annotator.ui.lead.import_command import (
    annotations_text,
    articles_text,
    push_import,
    reload_after_import,
)
from annotator.ui.lead.import_dialog import ImportDialog
from annotator.ui.lead.new_project import NewProjectDialog

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import AppSettings

translate = QCoreApplication.translate


def may_import(window: MainWindow) -> bool:
    """Only a lead imports articles, into a project file that can be written."""
    workspace = window.workspace
    return (workspace.coder.role is Role.LEAD and workspace.project_path is not None
            and not workspace.store.read_only)


def open_import_for(window: MainWindow) -> ImportDialog | None:
    """File → Import articles…: the preview dialog; after an import the document list refreshes
    and Edit → Undo can take the import back."""
    if not may_import(window):
        return None
    assert window.workspace.project_path is not None
    dialog = ImportDialog(window.workspace.project_path, window)
    dialog.imported.connect(lambda report: (
        push_import(window, articles_text(report.record), report.record),
        window.refresh_documents()))
    dialog.setModal(True)
    dialog.show()
    window.import_dialog = dialog
    return dialog


def open_annotation_import_for(window: MainWindow) -> AnnotationImportDialog | None:
    """File → Import annotations…: after an import the documents, codebook and open text reload
    and Edit → Undo can take the import back."""
    from annotator.db.services.coders import list_coders

    if not may_import(window):
        return None
    assert window.workspace.project_path is not None
    with window.workspace.store.reader() as session:
        coders = [coder.name for coder in list_coders(session)]
    dialog = AnnotationImportDialog(window.workspace.project_path, coders, window)
    dialog.imported.connect(lambda result: (
        push_import(window, annotations_text(result.record), result.record),
        reload_after_import(window)))
    dialog.setModal(True)
    dialog.show()
    window.annotation_import_dialog = dialog
    return dialog


def create_and_open(parent: QWidget | None, settings: AppSettings | None = None) -> bool:
    """Ask for a new project, create it and open its window as its lead; True if one opened."""
    from annotator.ui.app import open_main_window

    dialog = NewProjectDialog(parent)
    if not dialog.exec() or dialog.created is None:
        return False
    lead = dialog.spec().lead
    try:
        open_main_window(dialog.created, coder=lead, settings=settings)
    except AnnotatorError as error:
        QMessageBox.critical(parent, translate("LeadEntry", "Cannot open the project"), str(error))
        return False
    return True


def new_project_from(window: MainWindow) -> None:
    """File → New project…: the new project opens in a new window and this one closes."""
    if create_and_open(window, window.settings):
        window.close()


class StartScreen(QDialog):
    """Shown when the app starts with no project: New project… or Open project…."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="startScreen")
        self.setWindowTitle(translate("LeadEntry", "Framing Annotator"))
        self.choice: str | None = None
        self.new = QPushButton(translate("LeadEntry", "New project…"), objectName="startNew")
        self.open = QPushButton(translate("LeadEntry", "Open project…"), objectName="startOpen")
        quit_button = QPushButton(translate("LeadEntry", "Quit"), objectName="startQuit")
        layout = QVBoxLayout(self)
        prompt = translate("LeadEntry", "No project is open. Create one, or open a project file.")
        layout.addWidget(QLabel(prompt, wordWrap=True))
        for button, choice in ((self.new, "new"), (self.open, "open")):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            layout.addWidget(button)
        quit_button.clicked.connect(self.reject)
        layout.addWidget(quit_button)
        self.new.setDefault(True)
        self.resize(380, self.sizeHint().height())

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def start_without_project(settings: AppSettings,
                          choose_file: Callable[[QWidget | None, str], Path | None]) -> Path | bool | None:
    """The start screen: a project path to open, True if a new project was opened, None to quit."""
    while True:
        screen = StartScreen()
        if not screen.exec():
            return None
        if screen.choice == "new":
            if create_and_open(None, settings):
                return True
            continue
        path = choose_file(None, "")
        if path is not None:
            return path
