"""One coalesced "data changed" channel: commands report what they touched, views refresh from it.

Commands call the ``note_*`` methods right after their transaction commits; the signals fire once
per event-loop turn with everything gathered since, so an action that touches many rows causes one
refresh, and no widget is poked directly by another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class ProjectEvents(QObject):
    """Signals about committed changes; payloads are ids, never objects."""

    annotationsChanged = Signal(str, list)  # document id, annotation ids (added, changed or gone)
    relationsChanged = Signal(str)  # document id
    documentsChanged = Signal()  # statuses of documents
    countsChanged = Signal()  # annotation counts per document (lists may refresh a bit later)
    documentMemoChanged = Signal(str)  # document id
    answersChanged = Signal(str)  # document id: the coder's answers to its document questions
    revealRequested = Signal(str, str)  # document id, annotation id ("" for none): undo/redo

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotations: dict[str, set[str]] = {}
        self._relations: set[str] = set()
        self._memos: set[str] = set()
        self._answers: set[str] = set()
        self._documents = False
        self._counts = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def note_annotations(self, document_id: str, annotation_ids: list[str]) -> None:
        self._annotations.setdefault(document_id, set()).update(annotation_ids)
        self._counts = True
        self._timer.start()

    def note_relations(self, document_id: str) -> None:
        self._relations.add(document_id)
        self._timer.start()

    def note_documents(self) -> None:
        self._documents = True
        self._timer.start()

    def note_document_memo(self, document_id: str) -> None:
        self._memos.add(document_id)
        self._timer.start()

    def note_answers(self, document_id: str) -> None:
        self._answers.add(document_id)
        self._timer.start()

    def flush(self) -> None:
        """Emit everything gathered so far (also called directly when a view needs it at once)."""
        self._timer.stop()
        annotations, self._annotations = self._annotations, {}
        relations, self._relations = self._relations, set()
        memos, self._memos = self._memos, set()
        answers, self._answers = self._answers, set()
        documents, self._documents = self._documents, False
        counts, self._counts = self._counts, False
        for document_id, ids in annotations.items():
            self.annotationsChanged.emit(document_id, sorted(ids))
        for document_id in sorted(relations):
            self.relationsChanged.emit(document_id)
        for document_id in sorted(memos):
            self.documentMemoChanged.emit(document_id)
        for document_id in sorted(answers):
            self.answersChanged.emit(document_id)
        if documents:
            self.documentsChanged.emit()
        elif counts:
            self.countsChanged.emit()
