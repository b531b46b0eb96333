"""An import on the main window's undo stack: Edit → Undo Import 3 articles.

The import itself ran in its dialog's worker; this command is pushed afterwards with what it
stored (:class:`~annotator.db.services.import_rows.ImportRecord`). Undo and redo are one service
call each (:func:`~annotator.db.services.import_undo.undo_import`, ``redo_import``), run in a
worker with a progress dialog and Cancel (20,000 annotations take seconds), in one transaction.
A refused or cancelled step changes nothing: the reason goes to the status bar, as for other
refused undos, and the stack is put back where the data is (the command stays undoable).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QProgressDialog

from annotator.db.engine import open_project
from annotator.db.services.import_rows import ImportRecord
from annotator.db.services.import_undo import RemovedImport, redo_import, undo_import
from annotator.errors import AnnotatorError
from annotator.ui.lead.bidi_text import english
from annotator.ui.plurals import plurals
from annotator.ui.workers import TaskRunner

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

translate = QCoreApplication.translate


class _Stopped(Exception):
    """Cancel pressed: the transaction rolls back."""


def articles_text(record: ImportRecord) -> str:
    count = record.count("document")
    return translate("ImportCommand", "Import {articles}").format(articles=plurals().articles(count))


def annotations_text(record: ImportRecord) -> str:
    count = record.count("annotation")
    if not count:  # a REFI-QDA project with documents or codes and no coding
        return articles_text(record)
    return translate("ImportCommand", "Import {annotations}").format(
        annotations=plurals().annotations(count))


def run_step(project: Any, payload: ImportRecord | RemovedImport, stop: threading.Event,
             report: Any) -> tuple[str, object]:
    """The worker: its own store, one transaction; ("done", result), ("refused", reason) or
    ("cancelled", None)."""
    def step(done: int, total: int) -> None:
        report((done, total))
        if stop.is_set():
            raise _Stopped

    store = open_project(project)
    try:
        with store.transaction() as session:
            if isinstance(payload, RemovedImport):
                return "done", redo_import(session, payload, step)
            return "done", undo_import(session, payload, step)
    except _Stopped:
        return "cancelled", None
    except AnnotatorError as error:
        return "refused", str(error)
    finally:
        store.close()


class ImportCommand(QUndoCommand):
    """Undo removes the import's rows, redo puts the same rows back (see the module's notes)."""

    def __init__(self, window: MainWindow, text: str, record: ImportRecord) -> None:
        super().__init__(text)
        self.window, self.record = window, record
        self.removed: RemovedImport | None = None
        self.runner = TaskRunner(window, threads=1)
        self.busy = False
        self._skip = True  # QUndoStack.push calls redo; the import already ran
        self._stop = threading.Event()
        self.progress: QProgressDialog | None = None

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        assert self.removed is not None
        self._start(self.removed, undoing=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._start(self.record, undoing=True)

    def _start(self, payload: ImportRecord | RemovedImport, undoing: bool) -> None:
        self.busy, self._stop = True, threading.Event()
        label = (translate("ImportCommand", "Undoing: {action}…") if undoing else
                 translate("ImportCommand", "Redoing: {action}…")).format(action=self.text())
        self.progress = QProgressDialog(label, translate("ImportCommand", "Cancel"), 0, 0,
                                        self.window, objectName="importUndoProgress")
        self.progress.setWindowTitle(self.text())
        self.progress.setMinimumWidth(360)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)  # modal at once: no other undo while this runs
        self.progress.canceled.connect(self._stop.set)
        self.progress.show()
        project, stop = self.window.workspace.project_path, self._stop
        self.runner.start(lambda _state, report: run_step(project, payload, stop, report),
                          on_done=lambda value: self._finished(value, undoing),
                          on_progress=self._show_progress,
                          on_failed=lambda text: self._finished(("refused", text), undoing))

    def _show_progress(self, value: tuple[int, int]) -> None:
        done, total = value
        if self.progress is not None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

    def _finished(self, value: tuple[str, object], undoing: bool) -> None:
        outcome, result = value
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.busy = False
        if outcome == "done":
            if undoing:
                self.removed = result  # type: ignore[assignment]
            else:
                self.record = result  # type: ignore[assignment]
            reload_after_import(self.window)
            return
        if outcome == "cancelled":
            message = translate("ImportCommand", "{action}: cancelled, nothing was changed.")
        elif undoing:
            message = translate("ImportCommand", "{action} could not be undone: {reason}")
        else:
            message = translate("ImportCommand", "{action} could not be redone: {reason}")
        self.window.workspace.failed.emit(message.format(action=self.text(),
                                                         reason=english(str(result))))
        self._skip = True  # the stack goes back to where the data is, without running again
        stack = self.window.workspace.undo_stack
        QTimer.singleShot(0, stack.redo if undoing else stack.undo)


def reload_after_import(window: MainWindow) -> None:
    """What an import changes: the documents, the codebook, the coders and the open text."""
    from annotator.db.services.coders import list_coders
    from annotator.ui.codebook_editor import reload_codebook

    with window.workspace.store.reader() as session:
        window.workspace.coders = list_coders(session)
    window.refresh_documents()
    reload_codebook(window)
    current = window.document_id
    if current and window.documents.model.summary(current) is None:
        remaining = window.documents.model.documents()
        if remaining:
            window.open_document(remaining[0].uuid)


def push_import(window: MainWindow, text: str, record: ImportRecord) -> ImportCommand | None:
    """Put a finished import on the window's undo stack (nothing when it stored nothing)."""
    if record.empty:
        return None
    command = ImportCommand(window, text, record)
    window.workspace.undo_stack.push(command)
    return command
