"""The open document's annotations in memory: rows by id and a per-block span index.

Loading (:func:`load_document`) is plain Python with its own session, so it may run in a worker for
big documents. :class:`DocumentState` then lives on the UI thread, re-reads only the annotations a
commit reported, and tells views what changed (rows and blocks) so they redraw just that.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from annotator.db.engine import ProjectStore
from annotator.db.services.annotations import AnnotationSpan, list_annotation_spans
from annotator.db.services.documents import document_text
from annotator.gc_pause import collector_paused
from annotator.spans import Span, SpanIndex
from annotator.text import Utf16Map

EXCERPT_CHARS = 90


@dataclass(frozen=True)
class LoadedDocument:
    """Everything a view needs to show one document, read in one go."""

    document_id: str
    text: str
    utf16: Utf16Map
    rows: dict[str, AnnotationSpan]  # by id, in position order (start, end, id)
    index: SpanIndex
    coder_ids: frozenset[str]
    generation: int = 0


def load_document(store: ProjectStore, document_id: str, coder_ids: Collection[str],
                  generation: int = 0) -> LoadedDocument:
    """Read a document's text and the annotations of ``coder_ids`` (opens its own session)."""
    with collector_paused(), store.reader() as session:
        text = document_text(session, document_id)
        rows = list_annotation_spans(session, document_id, coder_ids=coder_ids)
        columns = list(zip(*rows)) if rows else [()] * len(AnnotationSpan._fields)
        keys, starts, ends = columns[0], columns[3], columns[4]  # uuid, start, end
        index = SpanIndex.from_columns(text, keys, starts, ends)
        by_id = dict(zip(keys, rows))
    return LoadedDocument(document_id, text, Utf16Map(text), by_id, index, frozenset(coder_ids),
                          generation)



@dataclass
class AnnotationDiff:
    """What one refresh changed: annotation ids by kind and the blocks whose look changed."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    blocks: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


class DocumentState(QObject):
    """Rows and span index of the open document, kept in step with committed changes."""

    changed = Signal(object)  # AnnotationDiff: rows and blocks that look different
    touched = Signal(list)  # every annotation id a commit reported (attribute values too)

    def __init__(self, store: ProjectStore, loaded: LoadedDocument,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.document_id = loaded.document_id
        self.text = loaded.text
        self.utf16 = loaded.utf16
        self.index = loaded.index
        self.coder_ids = loaded.coder_ids
        self.rows: dict[str, AnnotationSpan] = loaded.rows
        self.in_position_order = True  # until a refresh adds or moves a row

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self.rows

    def row(self, annotation_id: str) -> AnnotationSpan | None:
        return self.rows.get(annotation_id)

    def excerpt(self, annotation_id: str, limit: int = EXCERPT_CHARS) -> str:
        row = self.rows.get(annotation_id)
        if row is None:
            return ""
        piece = self.text[row.start:row.end].replace("\n", " ¶ ")
        return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"

    def at(self, offset: int) -> list[AnnotationSpan]:
        """Annotations covering the character at ``offset``, innermost first."""
        if not 0 <= offset < len(self.text):
            return []
        return [self.rows[span.key] for span in self.index.at(offset)]

    def refresh(self, annotation_ids: list[str]) -> AnnotationDiff:
        """Re-read these annotations (one query) and apply the difference; emits ``changed``."""
        with self._store.reader() as session:
            fresh = {row.uuid: row for row in list_annotation_spans(
                session, self.document_id, coder_ids=self.coder_ids, ids=annotation_ids)}
        diff = AnnotationDiff()
        for annotation_id in annotation_ids:
            self._apply(annotation_id, fresh.get(annotation_id), diff)
        if diff:
            self.changed.emit(diff)
        self.touched.emit(list(annotation_ids))
        return diff

    def _apply(self, annotation_id: str, row: AnnotationSpan | None, diff: AnnotationDiff) -> None:
        old = self.rows.get(annotation_id)
        if row is None:
            if old is not None:
                del self.rows[annotation_id]
                diff.blocks.update(self.index.remove(annotation_id))
                diff.removed.append(annotation_id)
            return
        self.rows[annotation_id] = row
        self.in_position_order = False
        if old is None:
            diff.added.append(annotation_id)
        elif old != row:
            diff.changed.append(annotation_id)
        else:
            return
        if old is None or (old.start, old.end, old.code_id) != (row.start, row.end, row.code_id):
            diff.blocks.update(self.index.add(Span(row.uuid, row.start, row.end), new=old is None))
