"""Undo commands of adjudication: each holds the :class:`DecisionChange` its service returned.

The action runs once before the command is pushed (``run_first``: a refused action never reaches
the undo stack); Undo calls the inverse service (:func:`revert_change`), Redo puts the result
back with the same ids (:func:`reapply_change`). Each step is one transaction, committed at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from annotator.db.engine import ProjectStore
from annotator.db.services.adjudication import DecisionChange, reapply_change, revert_change
from annotator.errors import AnnotatorError
from annotator.ui.lead.bidi_text import english

Action = Callable[[Session], DecisionChange]
Changed = Callable[[DecisionChange], None]


class DecisionCommand(QUndoCommand):
    """One adjudication decision (or one automatic run) as one entry of the undo history."""

    def __init__(self, store: ProjectStore, text: str, changed: Changed,
                 failed: Callable[[str], None]) -> None:
        super().__init__(text)
        self.store, self.changed, self.failed = store, changed, failed
        self.change: DecisionChange | None = None
        self._skip_next_redo = False

    def run_first(self, action: Action) -> DecisionChange:
        """Do the action now; raises ``AnnotatorError`` (nothing written) if it is refused."""
        with self.store.transaction() as session:
            self.change = action(session)
        return self.adopt(self.change)

    def adopt(self, change: DecisionChange) -> DecisionChange:
        """Take a change already committed (an automatic run made by a worker)."""
        self.change = change
        self._skip_next_redo = True
        self.changed(change)
        return change

    def redo(self) -> None:
        if self._skip_next_redo:  # QUndoStack.push calls redo; the action already ran
            self._skip_next_redo = False
            return
        self._replay(reapply_change)

    def undo(self) -> None:
        self._replay(revert_change)

    def _replay(self, step: Callable[[Session, DecisionChange], None]) -> None:
        assert self.change is not None
        try:
            with self.store.transaction() as session:
                step(session, self.change)
        except AnnotatorError as error:
            self.failed(QCoreApplication.translate("Adjudicator", "{action}: {reason}").format(
                action=self.text(), reason=english(str(error))))
            return
        self.changed(self.change)
