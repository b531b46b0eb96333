"""Linking annotations: from a claim, "Link to…" then a click (or a pick from a list) on a source,
an actor or a framing device creates the typed relation that kind implies."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from annotator.db.services.annotations import AnnotationSpan
from annotator.domain import CodeKind, RelationType
from annotator.ui.bidi import isolate_if_mirrored
from annotator.ui.coding import CodingController
from annotator.ui.commands import CreateRelation
from annotator.ui.document_state import DocumentState
from annotator.ui.document_view import DocumentView
from annotator.ui.models.relations import RELATION_LABELS
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate

LINK_TYPES = {CodeKind.SOURCE: RelationType.ATTRIBUTED_TO, CodeKind.ACTOR: RelationType.ABOUT,
              CodeKind.FRAMING_DEVICE: RelationType.USES_DEVICE}


class LinkController(QObject):
    """Pick mode for a link's target; Esc (``cancel``) leaves it."""

    activeChanged = Signal(bool)
    message = Signal(str)

    def __init__(self, workspace: Workspace, coding: CodingController, view: DocumentView,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._coding, self._view = workspace, coding, view
        self._state: DocumentState | None = None
        self._source: str | None = None

    @property
    def active(self) -> bool:
        return self._source is not None

    def set_state(self, state: DocumentState | None) -> None:
        self.cancel()
        self._state = state

    def _kind(self, row: AnnotationSpan) -> CodeKind | None:
        code = self._workspace.codes.get(row.code_id)
        return code.kind if code else None

    def source_claim(self) -> AnnotationSpan | None:
        """The current annotation if it is one of the coder's own claims."""
        row = self._state.row(self._coding.current) if self._state and self._coding.current else None
        if row is None or self._kind(row) is not CodeKind.CLAIM or not self._workspace.is_own(row.coder_id):
            self.message.emit(translate("Linking", "Select one of your claims first, then choose "
                                                   "Link to… (Ctrl+L)."))
            return None
        return row

    def start(self) -> bool:
        row = self.source_claim()
        if row is None:
            return False
        self._source = row.uuid
        self._view.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.activeChanged.emit(True)
        self.message.emit(translate("Linking", "Link: click a source, actor or framing device "
                                               "(Esc cancels)."))
        return True

    def cancel(self) -> None:
        if self._source is not None:
            self._source = None
            self._view.viewport().setCursor(Qt.CursorShape.IBeamCursor)
            self.activeChanged.emit(False)

    def candidates(self, source_id: str) -> list[AnnotationSpan]:
        """Own sources, actors and devices of the document, nearest to the claim first."""
        if self._state is None or source_id not in self._state:
            return []
        source = self._state.rows[source_id]
        rows = [r for r in self._state.rows.values()
                if r.uuid != source_id and self._workspace.is_own(r.coder_id)
                and self._kind(r) in LINK_TYPES]
        return sorted(rows, key=lambda r: (abs(r.start - source.start), r.start))

    def pick_at(self, offset: int) -> None:
        """The click that ends pick mode: link to the innermost fitting span under it."""
        if self._source is None or self._state is None:
            return
        fitting = [r for r in self._state.at(offset) if r.uuid in
                   {c.uuid for c in self.candidates(self._source)}] if offset >= 0 else []
        if not fitting:
            self.message.emit(translate("Linking", "No source, actor or framing device of yours "
                                                   "there; click one, or press Esc."))
            return
        source = self._source
        self.cancel()
        self.link(source, fitting[0].uuid)

    def link(self, source_id: str, target_id: str) -> bool:
        if self._state is None:
            return False
        target = self._state.rows[target_id]
        kind = self._kind(target)
        if kind not in LINK_TYPES:
            return False
        relation = LINK_TYPES[kind]
        source_code = self._workspace.codes.get(self._state.rows[source_id].code_id)
        target_code = self._workspace.codes.get(target.code_id)
        names = {"source": source_code.label if source_code else "?",
                 "target": target_code.label if target_code else "?",
                 "relation": translate("Relation", RELATION_LABELS[relation])}
        text = translate("Linking", "Link ‘{source}’ {relation} ‘{target}’").format(**names)
        done = self._workspace.execute(CreateRelation(
            self._workspace, self._state.document_id, relation, source_id, target_id, text))
        if done:
            shown = {**names, "source": isolate_if_mirrored(names["source"]),
                     "target": isolate_if_mirrored(names["target"])}
            self.message.emit(translate("Linking", "Linked ‘{source}’ {relation} ‘{target}’")
                              .format(**shown))
        return done
