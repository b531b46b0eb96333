"""Assigning documents as one undoable action (Project → Assign documents…)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from annotator.db.services.assignments import (
    AssignmentOutcome,
    AssignmentRequest,
    assign_documents,
    restore_assignments,
)
from annotator.ui.commands import ServiceCommand
from annotator.ui.workspace import Workspace


class AssignDocuments(ServiceCommand):
    """Redo draws with the seed of the first run, so undo/redo toggle between the same states."""

    def __init__(self, workspace: Workspace, request: AssignmentRequest,
                 document_id: str) -> None:
        what = (QCoreApplication.translate("AssignDialog", "Assign a reliability sample")
                if request.is_sample else
                QCoreApplication.translate("AssignDialog", "Assign documents"))
        super().__init__(workspace, what, document_id)
        self.request = request
        self.outcome: AssignmentOutcome | None = None

    def apply(self, session: Session) -> None:
        self.outcome = assign_documents(session, self.request)
        if self.outcome.seed is not None:
            self.request = replace(self.request, seed=self.outcome.seed)

    def revert(self, session: Session) -> None:
        if self.outcome is not None:
            restore_assignments(session, self.outcome.previous)

    def notify(self) -> None:
        self.workspace.events.note_documents()
