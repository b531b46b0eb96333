"""Adjudication in the review window: the panel, its keys and the :class:`Adjudicator` wired to
the window's selected cluster. Only built when the window is opened for a lead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut

from annotator.adjudication import Strategy
from annotator.db.services.annotations import get_annotation
from annotator.db.services.coders import CoderInfo
from annotator.review import Cluster
from annotator.ui.codes import CodeCatalog
from annotator.ui.review.adjudication_panel import MAX_LANES, AdjudicationPanel
from annotator.ui.review.adjudicator import Adjudicator
from annotator.ui.review.edit_gold import EditGoldDialog, GoldStart
from annotator.ui.review.labels import strategy_label

if TYPE_CHECKING:
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
        self._connect()

    def _connect(self) -> None:
        panel, window, stack = self.panel, self.window, self.adjudicator.undo_stack
        panel.acceptRequested.connect(self.accept_lane)
        panel.rejectRequested.connect(self.reject)
        panel.editRequested.connect(self.edit)
        panel.rationaleEntered.connect(self.set_rationale)
        panel.strategyRequested.connect(self.run)
        panel.cancelRequested.connect(self.cancel)
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

    def _say(self, text: str) -> None:
        self.window.status.setText(text)

    def offer(self, data: ReviewData) -> None:
        """A new document: one Accept button per coder lane."""
        self.coders = data.coders
        self.panel.set_coders(data.coders, data.colours)
        self.show(self.window.current_cluster())

    def show(self, cluster: Cluster | None) -> None:
        data = self.window.data
        decided = data.decision_of(cluster) if data is not None and cluster else None
        self.panel.show_decision(decided, cluster is not None)

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
