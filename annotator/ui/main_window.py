"""The coding workspace: the text in the middle, lists and editors in docks around it.

The window wires views to controllers and to the workspace's data-changed signals; the logic of
coding, linking, searching and loading lives in those controllers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from annotator.db.services.annotations import AnnotationSpan
from annotator.db.services.documents import list_documents
from annotator.domain import AssignmentStatus
from annotator.ui import settings as keys
from annotator.ui.bidi import isolate
from annotator.ui.actions import install_actions
from annotator.ui.keyboard_layout import LatinShortcutFallback
from annotator.ui.codes import CodeInfo, code_label
from annotator.ui.coding import CodingController
from annotator.ui.commands import DeleteRelation, SetStatus
from annotator.ui.context_menu import show_text_menu
from annotator.ui.dialogs import ChoiceDialog
from annotator.ui.done_check import confirm_done
from annotator.ui.document_state import DocumentState, LoadedDocument, load_document
from annotator.ui.heap import freeze_long_lived
from annotator.ui.highlighter import Style
from annotator.ui.linking import LinkController
from annotator.ui.models import ID_ROLE
from annotator.ui.models.annotations import CODER
from annotator.ui.relation_arcs import relation_links
from annotator.ui.search import SearchController, warm_up_text_tools
from annotator.ui.settings import AppSettings
from annotator.ui.shortcuts_sheet import ShortcutsDialog
from annotator.ui.tooltips import describe_annotation, describe_spans
from annotator.ui.window_parts import WindowParts
from annotator.ui.window_search import SearchMixin
from annotator.ui.workers import TaskRunner
from annotator.ui.workspace import Workspace

ASYNC_CHARS = 60_000  # longer documents load in a worker so the UI never stalls
WARM_UP_CHECK_MS = 400
translate = QCoreApplication.translate
COUNTS_DELAY_MS = 250  # annotation counts in the list follow a moment after coding, off the key path


class MainWindow(QMainWindow, WindowParts, SearchMixin):
    """One project, one coder (objectNames of the parts as DESIGN.md's issue lists them)."""

    documentOpened = Signal(str)

    def __init__(self, workspace: Workspace, settings: AppSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace, self.settings = workspace, settings
        self.state: DocumentState | None = None
        self._generation = 0
        self._then: Callable[[], None] | None = None
        self.runner = TaskRunner(self)
        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self.refresh_documents)
        self.warmed_up = False
        self._warm_timer = QTimer(self, interval=WARM_UP_CHECK_MS)
        self._warm_timer.timeout.connect(self._warm_up_when_idle)
        self.search = SearchController(workspace.store, self.runner, lambda: self.document_id, self)
        self.build_parts(workspace, settings.font_size())
        self.coding = CodingController(workspace, self.view, self.settings_snap, self._status_of, self)
        self.linking = LinkController(workspace, self.coding, self.view, self)
        self.menu_actions = install_actions(self)
        self.latin_shortcuts = LatinShortcutFallback(self)  # code keys on an Arabic layout
        self._connect()
        self.refresh_documents()
        self.restore_layout()

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        events, ws = self.workspace.events, self.workspace
        events.annotationsChanged.connect(self._on_annotations_changed)
        events.relationsChanged.connect(self._on_relations_changed)
        events.documentsChanged.connect(self.refresh_documents)
        events.countsChanged.connect(self._counts_timer.start)
        events.revealRequested.connect(self._on_reveal_requested)
        ws.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        ws.layersChanged.connect(self._reload_layers)
        self.documents.documentChosen.connect(self.open_document)
        self.coding.currentChanged.connect(self._on_current)
        for source in (self.coding.message, self.linking.message):
            source.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.spanClicked.connect(self._on_span_clicked)
        self.view.contextMenuAt.connect(lambda offset, pos: show_text_menu(self, offset, pos))
        self.view.zoomRequested.connect(self.zoom)
        self.view.tooltip_for = lambda offset: describe_spans(self.workspace, self.state, offset)
        self.view.gutter.describe = lambda annotation: describe_annotation(self.workspace, annotation)
        self.view.gutter.spanClicked.connect(lambda annotation: self.select_annotation(annotation))
        self.annotation_table.selectionModel().currentRowChanged.connect(self._on_table_row)
        self.codebook_view.activated.connect(self._on_code_activated)
        self.relations_panel.removeRequested.connect(self.remove_relation)
        self.relations_model.modelReset.connect(self._update_arcs)
        self.relations_panel.spanChosen.connect(lambda s, e: self.view.select_span(s, e))
        self.connect_search()

    # ------------------------------------------------------------------ documents
    @property
    def document_id(self) -> str | None:
        return self.state.document_id if self.state else None

    def refresh_documents(self) -> None:
        with self.workspace.store.reader() as session:
            documents = list_documents(session, self.workspace.coder.uuid)
        self.documents.set_documents(documents)
        self.update_progress(documents)
        if self.document_id:
            self.documents.select(self.document_id)
            self.update_header(self.documents.model.summary(self.document_id))

    def _status_of(self, document_id: str) -> AssignmentStatus | None:
        summary = self.documents.model.summary(document_id)
        return summary.status if summary else None

    def open_document(self, document_id: str, then: Callable[[], None] | None = None,
                      force: bool = False) -> None:
        """Show a document; long ones load in a worker. ``then`` runs once it is on screen."""
        summary = self.documents.model.summary(document_id)
        if summary is None:
            return
        if document_id == self.document_id and not force:
            if then is not None:
                then()
            return
        self.memo_editor.flush()
        self.linking.cancel()
        self._generation += 1
        self._then = then
        generation, coder_ids = self._generation, self.workspace.visible_coder_ids()
        store = self.workspace.store
        if summary.characters < ASYNC_CHARS:
            self._show_loaded(load_document(store, document_id, coder_ids, generation))
            return
        self.header.show_loading(summary.title)
        self.runner.start(lambda _state, _report: load_document(store, document_id, coder_ids,
                                                                generation),
                          on_done=self._show_loaded,
                          on_failed=lambda text: self.statusBar().showMessage(text, 10_000))

    def _show_loaded(self, loaded: LoadedDocument | None) -> None:
        if loaded is None or loaded.generation != self._generation:
            return  # a newer request won
        old, self.state = self.state, DocumentState(self.workspace.store, loaded, self)
        self.view.show_document(self.state, self.style_of)
        self.annotation_model.set_state(self.state)
        self.coding.set_state(self.state)
        self.linking.set_state(self.state)
        self.memo_editor.set_document(self.state)
        self.questions_panel.set_document(loaded.document_id)
        self.relations_model.set_state(self.state)
        self.attribute_editor.show_annotation(None, self.state)
        self.annotation_table.setColumnHidden(CODER, not self.workspace.shown_others)
        self.view.set_hits(self.search.spans_in(loaded.document_id))
        self.documents.select(loaded.document_id)
        self.update_header(self.documents.model.summary(loaded.document_id))
        if self.workspace.project_path is not None:
            self.settings.set_last_document(self.workspace.project_path, loaded.document_id)
        if old is not None:
            old.deleteLater()
        freeze_long_lived()
        self.documentOpened.emit(loaded.document_id)
        then, self._then = self._then, None
        if then is not None:
            then()

    def _reload_layers(self) -> None:
        if self.document_id:
            current = self.coding.current
            self.open_document(self.document_id, force=True,
                               then=lambda: self.select_annotation(current, reveal=False))

    def set_status(self, status: AssignmentStatus) -> bool:
        summary = self.documents.model.summary(self.document_id or "")
        if summary is None or summary.status is status:
            return False
        if status is AssignmentStatus.DONE and not (confirm_done(self, summary.uuid)
                                                    and self.questions_panel.confirm_done()):
            return False
        return self.workspace.execute(SetStatus(self.workspace, summary.uuid, status,
                                                summary.title[:40]))

    def step_unfinished(self, direction: int) -> str | None:
        """Open the next (+1) or previous (-1) document not yet done, in list order, wrapping."""
        order = self.documents.visible_order()
        if not order:
            return None
        start = order.index(self.document_id) if self.document_id in order else -direction
        for step in range(1, len(order) + 1):
            candidate = order[(start + direction * step) % len(order)]
            if self._status_of(candidate) is not AssignmentStatus.DONE and candidate != self.document_id:
                self.open_document(candidate)
                return candidate
        self.statusBar().showMessage(
            translate("MainWindow", "Every document in the list is done."), 8000)
        return None

    def done_and_next(self) -> None:
        self.set_status(AssignmentStatus.DONE)
        self.workspace.events.flush()
        if self.document_id and self._status_of(self.document_id) is AssignmentStatus.DONE:
            self.step_unfinished(1)

    # ------------------------------------------------------------------ annotations
    def style_of(self, row: AnnotationSpan) -> Style:
        """Own spans in their code's colour; other coders' (lead view) in their coder's."""
        if self.workspace.is_own(row.coder_id):
            code = self.workspace.codes.get(row.code_id)
            return (code.colour if code else "#cccccc", False)
        return (self.workspace.coder_colour(row.coder_id), True)

    def apply_code(self, code: CodeInfo) -> bool:
        return self.coding.apply_code(code)

    def select_annotation(self, annotation_id: str | None, reveal: bool = True) -> None:
        self.coding.select(annotation_id, reveal)

    def delete_annotations(self) -> bool:
        """Del: the rows selected in the table (one undo step), else the current annotation."""
        table = self.annotation_table
        chosen = table.selected_ids() if table.hasFocus() else []
        return self.coding.delete(chosen if len(chosen) > 1 else None)

    def step_annotation(self, direction: int) -> None:
        self.coding.step(direction)

    def clear_selection(self) -> None:
        if self.linking.active:
            self.linking.cancel()
            self.statusBar().showMessage(translate("MainWindow", "Linking cancelled."), 4000)
            return
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.select_annotation(None)

    def _on_current(self, annotation_id: str | None) -> None:
        row = self.state.row(annotation_id) if self.state and annotation_id else None
        self.annotation_table.select_annotation(annotation_id)
        self.attribute_editor.show_annotation(annotation_id, self.state)
        self.memo_editor.show_annotation(annotation_id)
        colour = self.style_of(row)[0] if row else ""
        self.view.arcs.current = annotation_id
        self.view.set_current((row.start, row.end, colour) if row else None)
        if row is not None and self.coding.reveal:
            self.view.reveal_span(row.start, row.end, colour)

    def _on_table_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(ID_ROLE) != self.coding.current:
            self.select_annotation(current.data(ID_ROLE))

    def _on_span_clicked(self, offset: int) -> None:
        if self.linking.active:
            self.linking.pick_at(offset)
            return
        spans = self.state.at(offset) if self.state and offset >= 0 else []
        spans.sort(key=lambda r: not self.workspace.is_own(r.coder_id))
        ids = [r.uuid for r in spans]
        if self.coding.current in ids:  # clicking again selects the span around it
            chosen = ids[(ids.index(self.coding.current) + 1) % len(ids)]
        else:
            chosen = ids[0] if ids else None
        self.select_annotation(chosen, reveal=False)

    def _on_annotations_changed(self, document_id: str, annotation_ids: list[str]) -> None:
        if self.state is not None and document_id == self.state.document_id:
            self.state.refresh(annotation_ids)

    def _on_reveal_requested(self, document_id: str, annotation_id: str) -> None:
        target = annotation_id or None
        self.open_document(document_id, then=lambda: self.select_annotation(
            target if self.state and target in self.state else None))

    def _on_code_activated(self, index: QModelIndex) -> None:
        code = self.workspace.codes.get(index.data(ID_ROLE) or "")
        if code is not None and self.apply_code(code):
            self.view.setFocus()

    def link_from_list(self) -> None:
        source = self.linking.source_claim()
        if source is None or self.state is None:
            return
        items = [(row.uuid, f"{isolate(code_label(self.workspace.codes[row.code_id]))}: "
                  f"{isolate(self.state.excerpt(row.uuid, 60))}")
                 for row in self.linking.candidates(source.uuid)]
        if not items:
            self.statusBar().showMessage(translate(
                "MainWindow", "No sources, actors or devices of yours to link to."), 8000)
            return
        dialog = ChoiceDialog(translate("MainWindow", "Link the claim to…"), items, self)
        if dialog.exec() and dialog.chosen():
            self.linking.link(source.uuid, dialog.chosen() or "")

    def remove_relation(self, relation_id: str) -> None:
        row = next((r for r in range(self.relations_model.rowCount())
                    if self.relations_model.relation(r).uuid == relation_id), -1)
        if row < 0 or self.document_id is None:
            return
        if not self.relations_model.is_own(self.relations_model.relation(row)):
            self.statusBar().showMessage(translate(
                "MainWindow", "That link belongs to another coder and is read-only."), 8000)
            return
        text = translate("MainWindow", "Remove link {link}").format(
            link=self.relations_model.describe(self.relations_model.relation(row)))
        self.workspace.execute(DeleteRelation(self.workspace, self.document_id, relation_id, text))

    def _on_relations_changed(self, document_id: str) -> None:
        if document_id == self.document_id:
            self.relations_model.reload()

    def _update_arcs(self) -> None:
        """The links the text can draw: those whose two ends are in the open document's view."""
        self.view.arcs.set_links(relation_links(self.state, self.relations_model.relations(),
                                                self.style_of, self.workspace.is_own))
        self.view.viewport().update()

    # ------------------------------------------------------------------ misc
    def focus_attributes(self) -> None:
        self.attributes_dock.show()
        self.attributes_dock.raise_()
        self.attribute_editor.focus_first()

    def focus_memo(self, document: bool = False) -> None:
        """Ctrl+M / Ctrl+Shift+M: bring the Memos tab to the front and type into it."""
        self.memo_dock.show()
        self.memo_dock.raise_()
        field = self.memo_editor.document_memo if document else self.memo_editor.annotation_memo
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def settings_snap(self) -> bool:
        return self.settings.get(keys.SNAP_TO_WORDS)

    def snap_changed(self, checked: bool) -> None:
        self.settings.set(keys.SNAP_TO_WORDS, checked)

    def zoom(self, step: int) -> None:
        size = keys.FONT_SIZE.default if step == 0 else self.view.point_size + step
        size = max(keys.MIN_FONT_SIZE, min(keys.MAX_FONT_SIZE, size))
        self.view.set_point_size(size)
        self.settings.set(keys.FONT_SIZE, size)
        self.statusBar().showMessage(
            translate("MainWindow", "Text size {size} pt").format(size=size), 2000)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menuBar(), self).exec()

    def choose_project(self) -> None:
        from annotator.ui.app import switch_project

        switch_project(self)

    def docks(self) -> list[QDockWidget]:
        return self.findChildren(QDockWidget)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.default_layout_pending:
            self.default_layout_pending = False
            self.apply_default_layout()
        if not self.warmed_up:
            self._warm_timer.start()

    def _warm_up_when_idle(self) -> None:
        """Load camel-tools in a worker once nothing else runs: a CPU-bound Python worker next
        to a document being opened and laid out (many calls from Qt into Python) slows both."""
        if self.runner.busy or not self.view.layout_complete:
            return
        self._warm_timer.stop()
        self.runner.start(lambda _state, _report: warm_up_text_tools(),
                          on_done=self._on_warmed_up, on_failed=lambda _text: None)

    def _on_warmed_up(self, _result: object) -> None:
        self.warmed_up = True
        freeze_long_lived()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.memo_editor.flush()
        self.save_layout()
        self.runner.cancel_all()
        self.runner.wait()
        super().closeEvent(event)
