"""An undo command made of service calls, for editors with their own undo history (codebook,
coders): each step is one service call in one transaction, committed at once.

``apply(session) -> a`` does the action and returns what undoing needs; ``revert(session, a) -> b``
undoes it and returns what redoing needs; ``reapply(session, b) -> a`` redoes it (by default
``apply`` again). Creating a code, for instance, is redone by restoring the removed code with its
own UUID rather than by creating it a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from annotator.db.engine import ProjectStore
from annotator.errors import AnnotatorError

Step = Callable[[Session], Any]
Inverse = Callable[[Session, Any], Any]
translate = QCoreApplication.translate


class StoreCommand(QUndoCommand):
    def __init__(self, store: ProjectStore, text: str, apply: Step, revert: Inverse,
                 reapply: Inverse | None = None, changed: Callable[[], None] = lambda: None,
                 failed: Callable[[str], None] = lambda _text: None) -> None:
        super().__init__(text)
        self.store, self._apply, self._revert = store, apply, revert
        self._reapply = reapply or (lambda session, _memo: apply(session))
        self._changed, self._failed = changed, failed
        self.memo: Any = None
        self._skip_next_redo = False

    def run_first(self) -> None:
        """Do the action now; raises ``AnnotatorError`` (nothing written) if it is refused."""
        with self.store.transaction() as session:
            self.memo = self._apply(session)
        self._skip_next_redo = True
        self._changed()

    def redo(self) -> None:
        if self._skip_next_redo:  # QUndoStack.push calls redo; the action already ran
            self._skip_next_redo = False
            return
        self._step(self._reapply)

    def undo(self) -> None:
        self._step(self._revert)

    def _step(self, step: Inverse) -> None:
        try:
            with self.store.transaction() as session:
                self.memo = step(session, self.memo)
        except AnnotatorError as error:
            self._failed(translate("StoreCommand", "{action} could not be undone or redone: "
                                   "{reason}").format(action=self.text(), reason=error))
            return
        self._changed()


def execute(stack: QUndoStack, command: StoreCommand) -> str | None:
    """Run a command and push it; returns the refusal (one line) instead when it is refused."""
    try:
        command.run_first()
    except AnnotatorError as error:
        return str(error)
    stack.push(command)
    return None
