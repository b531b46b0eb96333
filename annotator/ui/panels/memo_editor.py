"""Memos: one for the selected annotation, one for the open document (the coder's own).

A memo is committed a moment after typing pauses and when the field loses focus, so quitting or a
crash loses at most the last second of typing. Each commit is undoable; consecutive commits of one
memo merge into one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.db.services.documents import get_document_memo
from annotator.ui.commands import SetDocumentMemo, UpdateAnnotation
from annotator.ui.document_state import DocumentState
from annotator.ui.lead.bidi_text import isolated
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate

IDLE_COMMIT_MS = 800


class MemoField(QPlainTextEdit):
    """A plain-text memo that reports its text once typing pauses or focus leaves."""

    committed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self._dirty = False
        self._idle = QTimer(self, singleShot=True, interval=IDLE_COMMIT_MS)
        self._idle.timeout.connect(self.flush)
        self.textChanged.connect(self._on_edit)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def load(self, text: str, editable: bool) -> None:
        """Show stored text without reporting it as an edit."""
        self._idle.stop()
        self.blockSignals(True)
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.blockSignals(False)
        self._dirty = False
        self.setReadOnly(not editable)
        self.setEnabled(editable)

    def flush(self) -> None:
        self._idle.stop()
        if self._dirty:
            self._dirty = False
            self.committed.emit(self.toPlainText())

    def _on_edit(self) -> None:
        self._dirty = True
        self._idle.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self.flush()
        super().focusOutEvent(event)


class MemoEditor(QWidget):
    """Annotation memo above, document memo below (objectName ``memoEditor``)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoEditor")
        self._workspace = workspace
        self._state: DocumentState | None = None
        self._annotation_id: str | None = None
        self.annotation_memo = MemoField(translate("MemoEditor", "Memo on the selected annotation"))
        self.annotation_memo.setObjectName("annotationMemo")
        self.document_memo = MemoField(
            translate("MemoEditor", "Memo on this document (only you see it)"))
        self.document_memo.setObjectName("documentMemo")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for label, field in ((translate("MemoEditor", "Annotation memo"), self.annotation_memo),
                             (translate("MemoEditor", "Document memo"), self.document_memo)):
            caption = QLabel(f"<b>{label}</b>", textFormat=Qt.TextFormat.RichText)
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field, 1)
        self.annotation_memo.committed.connect(self._commit_annotation_memo)
        self.document_memo.committed.connect(self._commit_document_memo)
        workspace.events.documentMemoChanged.connect(self._on_document_memo_changed)
        self.set_document(None)

    def flush(self) -> None:
        """Commit whatever is typed but not yet stored (before switching or closing)."""
        self.annotation_memo.flush()
        self.document_memo.flush()

    def set_document(self, state: DocumentState | None) -> None:
        self.flush()
        if self._state is not None:
            self._state.touched.disconnect(self._on_touched)
        self._state = state
        if state is not None:
            state.touched.connect(self._on_touched)
        self.show_annotation(None)
        self._load_document_memo()

    def show_annotation(self, annotation_id: str | None) -> None:
        self.annotation_memo.flush()
        self._annotation_id = annotation_id
        row = self._state.row(annotation_id) if self._state and annotation_id else None
        own = row is not None and self._workspace.is_own(row.coder_id)
        self.annotation_memo.load(row.memo if row else "", own)

    def _load_document_memo(self) -> None:
        if self._state is None:
            self.document_memo.load("", False)
            return
        with self._workspace.store.reader() as session:
            text = get_document_memo(session, self._state.document_id, self._workspace.coder.uuid)
        self.document_memo.load(text, True)

    def _commit_annotation_memo(self, text: str) -> None:
        row = self._state.row(self._annotation_id) if self._state and self._annotation_id else None
        if row is None or row.memo == text or self._state is None:
            return
        code = self._workspace.codes.get(row.code_id)
        label = translate("MemoEditor", "Edit memo of ‘{code}’").format(
            code=isolated(code.label if code else "?"))
        self._workspace.execute(UpdateAnnotation(self._workspace, self._state.document_id, row.uuid,
                                                 label, merge_key="memo", memo=text))

    def _commit_document_memo(self, text: str) -> None:
        if self._state is not None:
            self._workspace.execute(SetDocumentMemo(self._workspace, self._state.document_id, text))

    def _on_touched(self, annotation_ids: list[str]) -> None:
        if self._annotation_id in annotation_ids and not self.annotation_memo.dirty:
            self.show_annotation(self._annotation_id)

    def _on_document_memo_changed(self, document_id: str) -> None:
        if self._state is not None and document_id == self._state.document_id \
                and not self.document_memo.dirty:
            self._load_document_memo()
