"""Links between annotations of the open document, one row per relation: the coder's own, and in
a lead's view those of the other coders whose layers are shown (read-only, marked with the name)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt

from annotator.db.services.relations import RelationData, list_relations
from annotator.domain import RelationType
from annotator.ui.document_state import DocumentState
from annotator.ui.models import ID_ROLE, SPAN_ROLE
from annotator.ui.models.table import RowTableModel
from annotator.ui.workspace import Workspace

SOURCE, TYPE, TARGET = range(3)
HEADERS = (QT_TRANSLATE_NOOP("TableHeader", "From"), QT_TRANSLATE_NOOP("TableHeader", "Link"),
           QT_TRANSLATE_NOOP("TableHeader", "To"))
RELATION_LABELS = {RelationType.ATTRIBUTED_TO: QT_TRANSLATE_NOOP("Relation", "attributed to"),
                   RelationType.ABOUT: QT_TRANSLATE_NOOP("Relation", "about"),
                   RelationType.USES_DEVICE: QT_TRANSLATE_NOOP("Relation", "uses device")}
"""Shown through ``translate("Relation", ...)``."""
translate = QCoreApplication.translate


class RelationsModel(RowTableModel):
    """Rows are relation UUIDs; texts come from the document state's annotations."""

    HEADERS = HEADERS

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._state: DocumentState | None = None
        self._rows: list[RelationData] = []

    def set_state(self, state: DocumentState | None) -> None:
        self._state = state
        self.reload()

    def reload(self) -> None:
        """Re-read the relations of the open document (a handful: one small query)."""
        rows: list[RelationData] = []
        if self._state is not None:
            with self._workspace.store.reader() as session:
                rows = list_relations(session, self._state.document_id,
                                      coder_ids=self._state.coder_ids)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def relation(self, row: int) -> RelationData:
        return self._rows[row]

    def relations(self) -> list[RelationData]:
        return list(self._rows)

    def is_own(self, relation: RelationData) -> bool:
        return self._workspace.is_own(relation.coder_id)

    def describe(self, relation: RelationData) -> str:
        """``Claim/Factual → attributed to → Source/Cited source`` for undo texts."""
        relation_text = translate("Relation", RELATION_LABELS[relation.type])
        return (f"{self._code_label(relation.source_id)} → {relation_text} → "
                f"{self._code_label(relation.target_id)}")

    def _code_label(self, annotation_id: str) -> str:
        row = self._state.row(annotation_id) if self._state else None
        code = self._workspace.codes.get(row.code_id) if row else None
        return code.path if code else "?"

    def _end_text(self, annotation_id: str) -> str:
        excerpt = self._state.excerpt(annotation_id, 40) if self._state else ""
        return f"{self._code_label(annotation_id)}: {excerpt}"

    def row_count(self) -> int:
        return len(self._rows)

    def cell(self, row: int, column: int, role: int) -> Any:
        relation = self._rows[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == TYPE:
                text = translate("Relation", RELATION_LABELS[relation.type])
                if self.is_own(relation):
                    return text
                return translate("RelationTable", "{relation} ({coder})").format(
                    relation=text, coder=self._workspace.coder_name(relation.coder_id))
            return self._end_text(relation.source_id if column == SOURCE else relation.target_id)
        if role == ID_ROLE:
            return relation.uuid
        if role == SPAN_ROLE and self._state is not None:
            end = self._state.row(relation.source_id if column != TARGET else relation.target_id)
            return (end.start, end.end) if end else None
        return None
