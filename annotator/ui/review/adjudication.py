"""Adjudication in the review window: the panel, its keys and the :class:`Adjudicator` wired to
the window's selected cluster. Only built when the window is opened for a lead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut

from annotator.adjudication import Strategy
from annotator.db.services.annotations import get_annotation
from annotator.db.services.coders import CoderInfo
from annotator.db.services.relations import list_relations
from annotator.review import Cluster
from annotator.ui.codes import CodeCatalog
from annotator.ui.review.adjudication_panel import MAX_LANES, AdjudicationPanel
from annotator.ui.review.adjudicator import Adjudicator
from annotator.ui.review.edit_gold import EditGoldDialog, GoldStart
from annotator.ui.review.gold_links import LinkChoice, gold_links, span_label
from annotator.ui.review.labels import strategy_label

if TYPE_CHECKING:
    from annotator.codebook.questions import QuestionSpec
    from annotator.ui.review.answers_panel import AnswersPanel
    from annotator.ui.review.data import ReviewData
    from annotator.ui.review.window import ReviewWindow

UNDO_KEYS, REDO_KEYS = ("Ctrl+Z",), ("Ctrl+Shift+Z", "Ctrl+Y")  # i18n: not shown
translate = QCoreApplication.translate


class Adjudication:
    """What the review window does for a lead: decisions on the selected cluster, with Undo."""

    def __init__(self, window: ReviewWindow, lead: CoderInfo) -> None:
        self.window, self.lead = window, lead
        self.adjudicator = Adjudicator(window.store, window.project_path, lead.uuid, window)
        self.adjudicator.changed.connect(window.reload)
        self.adjudicator.message.connect(self._say)
        self.panel = AdjudicationPanel(window)
        self.coders: tuple[str, ...] = ()
        self.dialog: EditGoldDialog | None = None
        self.catalog = CodeCatalog([])
        self.link_span: str | None = None  # the gold span whose links the panel shows
        self.answers: AnswersPanel | None = None
        self._connect()

    def _connect(self) -> None:
        panel, window, stack = self.panel, self.window, self.adjudicator.undo_stack
        panel.acceptRequested.connect(self.accept_lane)
        panel.rejectRequested.connect(self.reject)
        panel.editRequested.connect(self.edit)
        panel.rationaleEntered.connect(self.set_rationale)
        panel.strategyRequested.connect(self.run)
        panel.cancelRequested.connect(self.cancel)
        panel.gold_links.spanChosen.connect(self._choose_link_span)
        panel.gold_links.linkRequested.connect(self.link)
        panel.gold_links.unlinkRequested.connect(self.unlink)
        panel.undo.clicked.connect(stack.undo)
        panel.redo.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(panel.undo.setEnabled)
        stack.canRedoChanged.connect(panel.redo.setEnabled)
        panel.undo.setEnabled(False)
        panel.redo.setEnabled(False)
        for lane in range(MAX_LANES):
            QShortcut(QKeySequence(str(lane + 1)), window, lambda n=lane: self.accept_lane(n))
        QShortcut(QKeySequence("R"), window, self.reject)
        QShortcut(QKeySequence("E"), window, self.edit)
        for keys, slot in ((UNDO_KEYS, stack.undo), (REDO_KEYS, stack.redo)):
            for key in keys:
                QShortcut(QKeySequence(key), window, slot)

    def attach_answers(self, answers: AnswersPanel) -> None:
        """The Document questions tab: its asks become undoable gold answers."""
        self.answers = answers
        answers.takeRequested.connect(self.take_answer)
        answers.setRequested.connect(self.set_answer)
        answers.clearRequested.connect(lambda question: self.set_answer(question, None))

    def take_answer(self, question: QuestionSpec, coder: str) -> bool:
        document = self.answers.document_id if self.answers else None
        return document is not None and self.adjudicator.take_answer(document, question, coder)

    def set_answer(self, question: QuestionSpec, value: object | None) -> bool:
        document = self.answers.document_id if self.answers else None
        return document is not None and self.adjudicator.set_answer(document, question, value)

    def _say(self, text: str) -> None:
        self.window.status.setText(text)

    def offer(self, data: ReviewData) -> None:
        """A new document: one Accept button per coder lane."""
        self.coders = data.coders
        self.panel.set_coders(data.coders, data.colours)
        with self.window.store.reader() as session:
            self.catalog = CodeCatalog.load(session)
        self.show(self.window.current_cluster())

    def show(self, cluster: Cluster | None) -> None:
        data = self.window.data
        decided = data.decision_of(cluster) if data is not None and cluster else None
        self.panel.show_decision(decided, cluster is not None)
        self._show_links(decided.gold_ids if decided else ())

    def _show_links(self, gold_ids: tuple[str, ...]) -> None:
        """The links of one of the cluster's gold spans (the one chosen before, or the first)."""
        data = self.window.data
        if data is None or not gold_ids:
            self.link_span = None
            self.panel.gold_links.show_links([], None)
            return
        if self.link_span not in gold_ids:
            self.link_span = gold_ids[0]
        gold = {uuid: data.loaded.rows[uuid] for uuid in data.gold_ids}
        with self.window.store.reader() as session:
            relations = [r for r in list_relations(session, data.loaded.document_id)
                         if r.source_id in gold]
        text = data.loaded.text
        spans = [(uuid, span_label(gold[uuid], self.catalog, text)) for uuid in gold_ids]
        self.panel.gold_links.show_links(
            spans, gold_links(self.link_span, gold, relations, self.catalog, text))

    def _choose_link_span(self, span_id: str) -> None:
        self.link_span = span_id
        self.show(self.window.current_cluster())

    # actions ----------------------------------------------------------------------------
    def _cluster(self) -> Cluster | None:
        cluster = self.window.current_cluster()
        if cluster is None:
            self._say(translate("Adjudication",
                                "Select a cluster first (N moves to the next disagreement)."))
        return cluster

    def accept_lane(self, lane: int) -> bool:
        cluster = self._cluster()
        if cluster is None or lane >= len(self.coders):
            return False
        return self.adjudicator.accept(cluster, self.coders[lane])

    def reject(self) -> bool:
        cluster = self._cluster()
        return cluster is not None and self.adjudicator.reject(cluster)

    def set_rationale(self, text: str) -> bool:
        cluster, data = self._cluster(), self.window.data
        decided = data.decision_of(cluster) if data is not None and cluster else None
        if cluster is None or decided is None:
            return False
        return self.adjudicator.set_rationale(cluster, decided.decision_id, text)

    def edit(self) -> bool:
        """Open the Edit gold dialog on the cluster's gold span (or the cluster's extent)."""
        cluster, data = self._cluster(), self.window.data
        if cluster is None or data is None:
            return False
        decided = data.decision_of(cluster)
        gold_id = decided.gold_ids[0] if decided and decided.gold_ids else None
        with self.window.store.reader() as session:
            catalog = CodeCatalog.load(session)
            gold = get_annotation(session, gold_id) if gold_id else None
        first = cluster.spans[0]
        initial = GoldStart(gold.start if gold else cluster.start,
                            gold.end if gold else cluster.end,
                            gold.code_id if gold else next(
                                (c.uuid for c in catalog if c.path == first.code), None),
                            dict(gold.attributes) if gold else {}, len(data.loaded.text))
        self.dialog = EditGoldDialog(catalog, initial, self.window.view.selected_span,
                                     self.window)
        if not self.dialog.exec():
            return False
        return self.adjudicator.edit(cluster, self.dialog.chosen(), gold_id)

    def link(self, choice: LinkChoice) -> bool:
        """Link the shown gold span as ``choice`` says (one undoable step)."""
        return self.adjudicator.link(choice.source_id, choice.target_id, choice.type,
                                     choice.label)

    def unlink(self, relation_id: str, text: str) -> bool:
        return self.adjudicator.unlink(relation_id, text)

    def run(self, strategy: Strategy) -> None:
        """Run an automatic strategy over the whole project in a worker."""
        if self.adjudicator.task is not None:
            return
        self.panel.show_running(True)
        self._say(translate("Adjudication", "Automatic adjudication ({strategy}) running…").format(
            strategy=strategy_label(strategy)))
        self.adjudicator.run_strategy(
            strategy, self.panel.threshold.value(),
            on_progress=lambda step: self.panel.show_progress(*step),
            on_done=lambda _result: self.panel.show_running(False))

    def cancel(self) -> None:
        if self.adjudicator.task is not None:
            self.adjudicator.task.cancel()
            self.panel.show_running(False)
            self._say(translate("Adjudication",
                                "Automatic adjudication cancelled: nothing was stored."))
            self.adjudicator.task = None

    def close(self) -> None:
        self.adjudicator.close()
