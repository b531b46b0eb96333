"""Coding from the keyboard: apply, change and delete codes, move boundaries, step through spans.

The controller turns the view's selection (code points) and the current annotation into undo
commands; it never writes to widgets other than through the view's small API and its signals.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.domain import AssignmentStatus
from annotator.snapping import snap_to_words
from annotator.ui.codes import CodeInfo
from annotator.ui.commands import (
    CompoundCommand,
    CreateAnnotation,
    DeleteAnnotation,
    SetStatus,
    UpdateAnnotation,
)
from annotator.ui.document_state import AnnotationDiff, DocumentState
from annotator.ui.document_view import DocumentView
from annotator.ui.plurals import plurals
from annotator.ui.workspace import Workspace

START, END = "start", "end"
translate = QCoreApplication.translate


def next_word_end(text: str, position: int) -> int:
    """End of the word at or after ``position`` (skipping spaces)."""
    while position < len(text) and text[position].isspace():
        position += 1
    if position >= len(text):
        return len(text)
    return snap_to_words(text, position, position + 1)[1]


def previous_word_start(text: str, position: int) -> int:
    """Start of the word at or before ``position`` (skipping spaces)."""
    while position > 0 and text[position - 1].isspace():
        position -= 1
    if position <= 0:
        return 0
    return snap_to_words(text, position - 1, position)[0]


def moved_span(text: str, start: int, end: int, edge: str, step: int, by_word: bool
               ) -> tuple[int, int] | None:
    """The span after moving one edge by a character or a word (``step`` +1 later, -1 earlier)."""
    if edge == END:
        if by_word:
            end = next_word_end(text, end) if step > 0 else _rstrip(text, previous_word_start(text, end))
        else:
            end += step
    elif by_word:
        start = previous_word_start(text, start) if step < 0 else _lstrip(text, next_word_end(text, start))
    else:
        start += step
    return (start, end) if 0 <= start < end <= len(text) else None


def _rstrip(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isspace():
        position -= 1
    return position


def _lstrip(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


class CodingController(QObject):
    """Keyboard coding on the open document; ``current`` is the selected annotation."""

    currentChanged = Signal(object)  # annotation id or None
    message = Signal(str)

    def __init__(self, workspace: Workspace, view: DocumentView,
                 snap_enabled: Callable[[], bool], status_of: Callable[[str], AssignmentStatus | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._view = workspace, view
        self._snap_enabled, self._status_of = snap_enabled, status_of
        self._state: DocumentState | None = None
        self.current: str | None = None
        self.reveal = True  # whether views should scroll to and flash the new current one

    def set_state(self, state: DocumentState | None) -> None:
        if self._state is not None:
            self._state.changed.disconnect(self._on_changed)
        self._state = state
        self.current = None
        if state is not None:
            state.changed.connect(self._on_changed)
        self.currentChanged.emit(None)

    def select(self, annotation_id: str | None, reveal: bool = True) -> None:
        """Make an annotation current; ``reveal`` scrolls to it and flashes it."""
        if annotation_id is not None and (self._state is None or annotation_id not in self._state):
            annotation_id = None
        self.current, self.reveal = annotation_id, reveal
        self.currentChanged.emit(annotation_id)

    def _own_current(self) -> str | None:
        row = self._state.row(self.current) if self._state and self.current else None
        if row is None:
            return None
        if not self._workspace.is_own(row.coder_id):
            self.message.emit(translate(
                "Coding", "That annotation belongs to another coder and is read-only."))
            return None
        return row.uuid

    # ------------------------------------------------------------------ codes
    def apply_code(self, code: CodeInfo) -> bool:
        """Code the selected text, or, with no selection, recode the current annotation."""
        if self._state is None:
            self.message.emit(translate("Coding", "Open a document first."))
            return False
        span = self._view.selected_span()
        if span is not None:
            return self._create(code, *span)
        if self.current is not None:
            return self.change_code(code)
        self.message.emit(translate("Coding", "Select text first (Shift+arrows), then press the code's key."))
        return False

    def code_span(self, code: CodeInfo, start: int, end: int) -> bool:
        """Code an exact span (a search match), without snapping."""
        return self._state is not None and self._create(code, start, end, snap=False)

    def _create(self, code: CodeInfo, start: int, end: int, snap: bool = True) -> bool:
        assert self._state is not None
        text = self._state.text
        if snap and self._snap_enabled():
            start, end = snap_to_words(text, start, end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            self.message.emit(translate("Coding", "The selection holds only spaces; nothing to code."))
            return False
        document_id = self._state.document_id
        create = CreateAnnotation(self._workspace, document_id, code.uuid, start, end)
        command = create
        if self._status_of(document_id) is AssignmentStatus.TODO:
            command = CompoundCommand(self._workspace, create.text(), document_id)
            create = command.add(create)
            command.add(SetStatus(self._workspace, document_id, AssignmentStatus.IN_PROGRESS))
        if not self._workspace.execute(command):
            return False
        self._workspace.note_code_used(code)
        self.select(create.uuid, reveal=False)  # views are fresh after execute; it is on screen
        cursor = self._view.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        self._view.setTextCursor(cursor)
        return True

    def change_code(self, code: CodeInfo) -> bool:
        annotation_id = self._own_current()
        if annotation_id is None or self._state is None:
            return False
        row = self._state.rows[annotation_id]
        if row.code_id == code.uuid:
            return False
        old = self._workspace.codes.get(row.code_id)
        text = translate("Coding", "Change ‘{old}’ to ‘{new}’").format(
            old=old.label if old else "?", new=code.label)
        done = self._workspace.execute(UpdateAnnotation(
            self._workspace, self._state.document_id, annotation_id, text, code_id=code.uuid))
        if done:
            self._workspace.note_code_used(code)
        return done

    def delete(self, annotation_ids: list[str] | None = None) -> bool:
        """Delete the given (or the current) annotations of one's own, as one undo step."""
        if self._state is None:
            return False
        ids = annotation_ids or ([self.current] if self.current else [])
        ids = [i for i in ids if i in self._state and self._workspace.is_own(self._state.rows[i].coder_id)]
        if not ids:
            self.message.emit(translate("Coding", "Select one of your annotations to delete."))
            return False
        document_id = self._state.document_id
        labels = [self._label(i) for i in ids]
        if len(ids) == 1:
            command = DeleteAnnotation(self._workspace, document_id, ids[0], labels[0])
        else:
            count = len(ids)
            text = translate("Coding", "Delete {annotations}").format(
                annotations=plurals().annotations(count))
            command = CompoundCommand(self._workspace, text, document_id)
            for annotation_id, label in zip(ids, labels):
                command.add(DeleteAnnotation(self._workspace, document_id, annotation_id, label))
        return self._workspace.execute(command)

    def _label(self, annotation_id: str) -> str:
        assert self._state is not None
        code = self._workspace.codes.get(self._state.rows[annotation_id].code_id)
        return code.label if code else "?"

    # ------------------------------------------------------------------ boundaries
    def move_edge(self, edge: str, step: int, by_word: bool = False) -> bool:
        """Move the start or end of the current annotation one character or word."""
        annotation_id = self._own_current()
        if annotation_id is None or self._state is None:
            if self.current is None:
                self.message.emit(translate("Coding", "Select an annotation first (click it or Alt+Down)."))
            return False
        row = self._state.rows[annotation_id]
        moved = moved_span(self._state.text, row.start, row.end, edge, step, by_word)
        if moved is None:
            self.message.emit(translate(
                "Coding", "The annotation cannot get any smaller or go past the text."))
            return False
        template = (translate("Coding", "Move start of ‘{code}’") if edge == START
                    else translate("Coding", "Move end of ‘{code}’"))
        text = template.format(code=self._label(annotation_id))
        change = {"start": moved[0]} if edge == START else {"end": moved[1]}
        return self._workspace.execute(UpdateAnnotation(
            self._workspace, self._state.document_id, annotation_id, text, merge_key="move",
            **change))

    # ------------------------------------------------------------------ stepping
    def step(self, direction: int) -> str | None:
        """Select the next (+1) or previous (-1) annotation in reading order."""
        if self._state is None or not self._state.rows:
            return None
        ordered = sorted(self._state.rows.values(), key=lambda r: (r.start, r.end, r.uuid))
        keys = [(r.start, r.end, r.uuid) for r in ordered]
        current = self._state.row(self.current) if self.current else None
        if current is not None:
            position = keys.index((current.start, current.end, current.uuid)) + direction
        else:
            offset = self._view.cursor_offset()
            after = [i for i, k in enumerate(keys) if k[0] >= offset]
            position = (after[0] if after else len(keys)) if direction > 0 else (
                (after[0] if after else len(keys)) - 1)
        if not 0 <= position < len(ordered):
            self.message.emit(translate("Coding", "No more annotations in that direction."))
            return None
        self.select(ordered[position].uuid)
        return ordered[position].uuid

    def _on_changed(self, diff: AnnotationDiff) -> None:
        if self.current in diff.removed:
            self.select(None)
        elif self.current in diff.changed:
            self.reveal = False
            self.currentChanged.emit(self.current)

