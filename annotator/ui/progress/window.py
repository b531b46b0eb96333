"""The lead's progress matrix window: documents × coders, refreshed when statuses or counts change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.db.services.progress import ProgressMatrix, progress_matrix
from annotator.ui.live import LiveUpdates
from annotator.ui.progress.model import SAMPLE_MARK, ProgressModel
from annotator.ui.progress.presence import PresenceStrip
from annotator.ui.plurals import plurals
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate


class ProgressWindow(QWidget):
    """A top-level window over the main window's workspace (same store, same undo history)."""

    def __init__(self, workspace: Workspace, current_document: Callable[[], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="progressWindow")
        self.setWindowTitle(translate("ProgressWindow", "Progress — {project}").format(
            project=workspace.project_name))
        self.workspace, self.current_document = workspace, current_document
        self.model = ProgressModel(self)
        self.table = QTableView(objectName="progressTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.summary = QLabel(objectName="progressSummary", wordWrap=True)
        assign = QPushButton(translate("ProgressWindow", "Assign documents…"),
                             objectName="progressAssign")
        assign.clicked.connect(self.open_assign_dialog)
        refresh = QPushButton(translate("ProgressWindow", "Refresh"), objectName="progressRefresh")
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(assign)
        buttons.addWidget(refresh)
        self.live = LiveUpdates(workspace.store, self)  # a server: coders' commits refresh it
        self.live.changed.connect(lambda _tables: self.refresh())
        self.presence: PresenceStrip | None = None  # a server: who is connected now
        layout = QVBoxLayout(self)
        layout.addWidget(self.live.notice)
        if workspace.store.is_server:
            self.presence = PresenceStrip(workspace.store, self)
            self.presence.updated.connect(self.model.set_presence)
            layout.addWidget(self.presence)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        workspace.events.documentsChanged.connect(self.refresh)
        workspace.events.countsChanged.connect(self.refresh)
        self.refresh()
        self.resize(900, 520)

    def refresh(self) -> None:
        with self.workspace.store.reader() as session:
            matrix = progress_matrix(session)
        self.model.set_matrix(matrix)
        if self.presence is not None:
            self.presence.refresh()
        self.summary.setText(summary_text(matrix))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.live.close()
        if self.presence is not None:
            self.presence.close_down()
        super().closeEvent(event)

    def open_assign_dialog(self) -> bool:
        from annotator.ui.progress.assign_dialog import AssignDialog

        self.assign_dialog = AssignDialog(self.workspace, self.current_document() or "", self)
        return bool(self.assign_dialog.exec())


def summary_text(matrix: ProgressMatrix) -> str:
    documents = plurals().documents(len(matrix.rows))
    sample = matrix.sample
    if not sample:
        return translate("ProgressWindow", "{documents}; no reliability sample drawn.").format(
            documents=documents)
    return translate("ProgressWindow", "{documents}; {mark} reliability sample of {sample} "
                     "(seed {seed}) coded by {coders}; α_min {alpha_min}, p {p}.").format(
        documents=documents, mark=SAMPLE_MARK,
        sample=plurals().documents(len(sample.get("documents", []))), seed=sample.get("seed"),
        coders=", ".join(sample.get("coder_names", [])), alpha_min=sample.get("alpha_min"),
        p=sample.get("p"))
