"""Undo commands: thin wrappers that store ids and values and call one service per step.

Each step runs in one transaction committed at once (so killing the app loses nothing but the
action in flight), then reports what it touched to :class:`~annotator.ui.events.ProjectEvents`.
A command runs for the first time before it is pushed (``run_first``), so a refused action never
reaches the undo stack. Compound actions hold child commands and run them in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from annotator.bidi import isolate_quoted
from annotator.codebook import AttributeSpec, QuestionSpec
from annotator.db.services.annotations import (
    AnnotationData,
    DeletedAnnotation,
    create_annotation,
    delete_annotation,
    restore_annotation,
    restore_state,
    set_attribute_value,
    update_annotation,
)
from annotator.db.services.documents import set_document_memo, set_status
from annotator.db.services.questions import set_answer
from annotator.db.services.relations import (
    RelationData,
    create_relation,
    delete_relation,
    restore_relation,
)
from annotator.domain import AssignmentStatus, RelationType
from annotator.errors import AnnotatorError
from annotator.ui.workspace import Workspace

MOVE_ID, MEMO_ID, DOCUMENT_MEMO_ID = 1001, 1002, 1003
translate = QCoreApplication.translate
MARK_STATUS = {
    AssignmentStatus.TODO: (QT_TRANSLATE_NOOP("UndoCommand", "Mark to do"),
                            QT_TRANSLATE_NOOP("UndoCommand", "Mark ‘{title}’ to do")),
    AssignmentStatus.IN_PROGRESS: (QT_TRANSLATE_NOOP("UndoCommand", "Mark in progress"),
                                   QT_TRANSLATE_NOOP("UndoCommand", "Mark ‘{title}’ in progress")),
    AssignmentStatus.DONE: (QT_TRANSLATE_NOOP("UndoCommand", "Mark done"),
                            QT_TRANSLATE_NOOP("UndoCommand", "Mark ‘{title}’ done")),
}
"""Undo texts for a status change, without and with the document's title."""


class ServiceCommand(QUndoCommand):
    """Base: ``apply``/``revert`` call services inside one transaction; ``notify`` reports."""

    def __init__(self, workspace: Workspace, text: str, document_id: str) -> None:
        super().__init__(isolate_quoted(text))  # titles and labels keep their own direction
        self.workspace = workspace
        self.document_id = document_id
        self._skip_next_redo = False

    # Every subclass defines these two: the service call and its inverse, each run inside one
    # transaction by ``redo``/``undo``.
    apply: Callable[[Session], None]
    revert: Callable[[Session], None]

    def notify(self) -> None:
        """Tell the views what changed (annotation ids by default)."""
        self.workspace.events.note_annotations(self.document_id, self.annotation_ids())

    def annotation_ids(self) -> list[str]:
        return []

    # machinery --------------------------------------------------------------
    def run_first(self) -> None:
        """Do the action now; raises ``AnnotatorError`` (nothing written) if it is refused."""
        with self.workspace.store.transaction() as session:
            self.apply(session)
        self.notify()
        self._skip_next_redo = True

    def redo(self) -> None:
        if self._skip_next_redo:  # QUndoStack.push calls redo; the action already ran
            self._skip_next_redo = False
            return
        self._replay(self.apply)

    def undo(self) -> None:
        self._replay(self.revert)

    def _replay(self, step: Callable[[Session], None]) -> None:
        try:
            with self.workspace.store.transaction() as session:
                step(session)
        except AnnotatorError as error:
            self.workspace.failed.emit(f"{self.text()}: {error}")
            return
        self.notify()
        self.workspace.events.flush()  # views first, then show what changed
        ids = self.annotation_ids()
        self.workspace.events.revealRequested.emit(self.document_id, ids[0] if ids else "")


class CompoundCommand(ServiceCommand):
    """Several steps as one user action: one transaction, one entry in the undo history.

    The steps are undo commands held here, not Qt children: PySide6 (6.11) does not hand a child
    QUndoCommand over to its parent, so a Qt-parented child would be deleted twice at exit.
    """

    def __init__(self, workspace: Workspace, text: str, document_id: str) -> None:
        super().__init__(workspace, text, document_id)
        self.steps: list[ServiceCommand] = []

    def add(self, step: ServiceCommand) -> ServiceCommand:
        self.steps.append(step)
        return step

    def apply(self, session: Session) -> None:
        for step in self.steps:
            step.apply(session)

    def revert(self, session: Session) -> None:
        for step in reversed(self.steps):
            step.revert(session)

    def notify(self) -> None:
        for step in self.steps:
            step.notify()

    def annotation_ids(self) -> list[str]:
        return [i for step in self.steps for i in step.annotation_ids()]


class CreateAnnotation(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, code_id: str, start: int,
                 end: int) -> None:
        text = translate("UndoCommand", "Add ‘{code}’").format(code=workspace.codes[code_id].label)
        super().__init__(workspace, text, document_id)
        self.code_id, self.start, self.end = code_id, start, end
        self.uuid: str | None = None

    def apply(self, session: Session) -> None:
        data = create_annotation(
            session, document_id=self.document_id, coder_id=self.workspace.coder.uuid,
            code_id=self.code_id, start=self.start, end=self.end, uuid=self.uuid)
        self.uuid = data.uuid

    def revert(self, session: Session) -> None:
        assert self.uuid is not None
        delete_annotation(session, self.uuid)

    def annotation_ids(self) -> list[str]:
        return [self.uuid] if self.uuid else []


class DeleteAnnotation(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, annotation_id: str,
                 label: str) -> None:
        super().__init__(workspace, translate("UndoCommand", "Delete ‘{code}’").format(code=label),
                         document_id)
        self.annotation_id = annotation_id
        self.deleted: DeletedAnnotation | None = None

    def apply(self, session: Session) -> None:
        self.deleted = delete_annotation(session, self.annotation_id)

    def revert(self, session: Session) -> None:
        assert self.deleted is not None
        restore_annotation(session, self.deleted)

    def notify(self) -> None:
        super().notify()
        if self.deleted and self.deleted.relations:
            self.workspace.events.note_relations(self.document_id)

    def annotation_ids(self) -> list[str]:
        return [self.annotation_id]


class UpdateAnnotation(ServiceCommand):
    """Change code, boundaries or memo; consecutive moves (or memo edits) of one annotation merge."""

    def __init__(self, workspace: Workspace, document_id: str, annotation_id: str, text: str, *,
                 merge_key: str = "", **changes: object) -> None:
        super().__init__(workspace, text, document_id)
        self.annotation_id, self.changes, self.merge_key = annotation_id, changes, merge_key
        self.before: AnnotationData | None = None

    def apply(self, session: Session) -> None:
        self.before = update_annotation(session, self.annotation_id, **self.changes)  # type: ignore[arg-type]

    def revert(self, session: Session) -> None:
        assert self.before is not None
        restore_state(session, self.before)

    def annotation_ids(self) -> list[str]:
        return [self.annotation_id]

    def id(self) -> int:  # noqa: A003 - Qt's name
        if not self.merge_key:
            return -1
        return MEMO_ID if self.merge_key == "memo" else MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not (isinstance(other, UpdateAnnotation) and other.merge_key == self.merge_key
                and other.annotation_id == self.annotation_id):
            return False
        self.changes = {**self.changes, **other.changes}
        return True


class SetAttribute(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, annotation_id: str,
                 attribute: AttributeSpec, value: str | None) -> None:
        shown = (translate("UndoCommand", "Set ‘{attribute}’ to ‘{value}’").format(
            attribute=attribute.name, value=value) if value else
            translate("UndoCommand", "Clear ‘{attribute}’").format(attribute=attribute.name))
        super().__init__(workspace, shown, document_id)
        self.annotation_id, self.attribute_id, self.value = annotation_id, attribute.uuid, value
        self.previous: str | None = None

    def apply(self, session: Session) -> None:
        self.previous = set_attribute_value(session, self.annotation_id, self.attribute_id,
                                            self.value)

    def revert(self, session: Session) -> None:
        set_attribute_value(session, self.annotation_id, self.attribute_id, self.previous)

    def annotation_ids(self) -> list[str]:
        return [self.annotation_id]


class SetDocumentMemo(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, text: str) -> None:
        super().__init__(workspace, translate("UndoCommand", "Edit document memo"), document_id)
        self.memo, self.previous = text, ""

    def apply(self, session: Session) -> None:
        self.previous = set_document_memo(session, self.document_id, self.workspace.coder.uuid,
                                          self.memo)

    def revert(self, session: Session) -> None:
        set_document_memo(session, self.document_id, self.workspace.coder.uuid, self.previous)

    def notify(self) -> None:
        self.workspace.events.note_document_memo(self.document_id)

    def id(self) -> int:  # noqa: A003 - Qt's name
        return DOCUMENT_MEMO_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, SetDocumentMemo) or other.document_id != self.document_id:
            return False
        self.memo = other.memo
        return True


class SetAnswer(ServiceCommand):
    """Answer (or with ``None`` clear) one document question; undo restores the previous answer."""

    def __init__(self, workspace: Workspace, document_id: str, question: QuestionSpec,
                 value: object | None) -> None:
        shown = (translate("UndoCommand", "Clear {question}") if value is None
                 else translate("UndoCommand", "Answer {question}"))
        super().__init__(workspace, shown.format(question=question.key), document_id)
        self.question_id, self.value = question.uuid, value
        self.previous: object | None = None

    def apply(self, session: Session) -> None:
        self.previous = set_answer(session, self.document_id, self.workspace.coder.uuid,
                                   self.question_id, self.value)

    def revert(self, session: Session) -> None:
        set_answer(session, self.document_id, self.workspace.coder.uuid, self.question_id,
                   self.previous)

    def notify(self) -> None:
        self.workspace.events.note_answers(self.document_id)


class SetStatus(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, status: AssignmentStatus,
                 title: str = "") -> None:
        plain, titled = MARK_STATUS[status]
        text = (translate("UndoCommand", titled).format(title=title) if title
                else translate("UndoCommand", plain))
        super().__init__(workspace, text, document_id)
        self.status = status
        self.previous: AssignmentStatus | None = None

    def apply(self, session: Session) -> None:
        self.previous = set_status(session, self.document_id, self.workspace.coder.uuid,
                                   self.status)

    def revert(self, session: Session) -> None:
        set_status(session, self.document_id, self.workspace.coder.uuid, self.previous)

    def notify(self) -> None:
        self.workspace.events.note_documents()


class CreateRelation(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, kind: RelationType, source_id: str,
                 target_id: str, text: str) -> None:
        super().__init__(workspace, text, document_id)
        self.kind, self.source_id, self.target_id = kind, source_id, target_id
        self.data: RelationData | None = None

    def apply(self, session: Session) -> None:
        if self.data is None:
            self.data = create_relation(session, type=self.kind, source_id=self.source_id,
                                        target_id=self.target_id,
                                        coder_id=self.workspace.coder.uuid)
        else:
            restore_relation(session, self.data)

    def revert(self, session: Session) -> None:
        assert self.data is not None
        delete_relation(session, self.data.uuid)

    def notify(self) -> None:
        self.workspace.events.note_relations(self.document_id)


class DeleteRelation(ServiceCommand):
    def __init__(self, workspace: Workspace, document_id: str, relation_id: str, text: str) -> None:
        super().__init__(workspace, text, document_id)
        self.relation_id = relation_id
        self.data: RelationData | None = None

    def apply(self, session: Session) -> None:
        self.data = delete_relation(session, self.relation_id)

    def revert(self, session: Session) -> None:
        assert self.data is not None
        restore_relation(session, self.data)

    def notify(self) -> None:
        self.workspace.events.note_relations(self.document_id)
