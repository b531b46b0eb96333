"""What one open window works on: the project store, who is coding, the codebook, undo history.

Widgets receive the workspace and read from it; data changes go through :meth:`Workspace.execute`
with an undo command, and come back to every view through :attr:`Workspace.events`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.db.engine import ProjectStore
from annotator.db.services.coders import CoderInfo, list_coders
from annotator.db.services.packages import package_summary
from annotator.db.services.projects import LEAD_MAY_VIEW_OTHERS, get_project, get_setting
from annotator.domain import Role
from annotator.errors import AnnotatorError
from annotator.project_location import ProjectLocation
from annotator.ui.codes import CodeCatalog, CodeInfo, coder_colour
from annotator.ui.events import ProjectEvents

if TYPE_CHECKING:
    from annotator.ui.commands import ServiceCommand

RECENT_CODES = 5


class Workspace(QObject):
    """The project, the coder and the shared undo stack of one main window."""

    layersChanged = Signal()  # which other coders' layers are shown (lead view)
    failed = Signal(str)  # a command could not be carried out; one line for the status bar
    recentCodesChanged = Signal()

    def __init__(self, store: ProjectStore, coder: CoderInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.coder = coder
        self.project_path: ProjectLocation | None = store.location
        self.events = ProjectEvents(self)
        self.undo_stack = QUndoStack(self)
        with store.reader() as session:
            project = get_project(session)
            self.project_name, self.project_uuid = project.name, project.id
            self.lead_may_view_others = bool(get_setting(session, LEAD_MAY_VIEW_OTHERS, False))
            self.codes = CodeCatalog.load(session)
            self.coders = list_coders(session)
            self.package = package_summary(session)  # a coder package: coder and codebook fixed
        self.shown_others: set[str] = set()
        self.recent_codes: list[str] = []

    # --------------------------------------------------------------- who sees what

    @property
    def may_view_others(self) -> bool:
        """Blind coding: only a lead, and only when the project allows it, sees other layers."""
        return self.coder.role is Role.LEAD and self.lead_may_view_others

    def other_coders(self) -> list[CoderInfo]:
        return [c for c in self.coders if c.uuid != self.coder.uuid]

    def visible_coder_ids(self) -> frozenset[str]:
        shown = self.shown_others if self.may_view_others else set()
        return frozenset({self.coder.uuid, *shown})

    def set_layer_shown(self, coder_id: str, shown: bool) -> None:
        if not self.may_view_others or coder_id == self.coder.uuid:
            return
        before = set(self.shown_others)
        (self.shown_others.add if shown else self.shown_others.discard)(coder_id)
        if before != self.shown_others:
            self.layersChanged.emit()

    def is_own(self, coder_id: str) -> bool:
        return coder_id == self.coder.uuid

    def coder_name(self, coder_id: str) -> str:
        return next((c.name for c in self.coders if c.uuid == coder_id), "?")

    def coder_colour(self, coder_id: str) -> str:
        others = [c.uuid for c in self.other_coders()]
        return coder_colour(others.index(coder_id) if coder_id in others else 0)

    # --------------------------------------------------------------- actions

    def execute(self, command: ServiceCommand) -> bool:
        """Run a command once (committed at once), put it on the undo stack, refresh the views.

        Views refresh before this returns, so the next key press works on fresh data.
        """
        try:
            command.run_first()
        except AnnotatorError as error:
            self.failed.emit(str(error))
            return False
        self.undo_stack.push(command)
        self.events.flush()
        return True

    def note_code_used(self, code: CodeInfo) -> None:
        self.recent_codes = [code.uuid, *(c for c in self.recent_codes if c != code.uuid)]
        del self.recent_codes[RECENT_CODES:]
        self.recentCodesChanged.emit()
