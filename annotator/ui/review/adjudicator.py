"""The lead's adjudication in the review window: each action one service call in one transaction,
pushed on the window's undo stack; automatic strategies run in a worker with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from annotator.adjudication import Strategy, key_of
from annotator.db.engine import ProjectStore, open_project
from annotator.db.services.adjudication import (
    DecisionChange,
    accept,
    edit_gold,
    link_gold,
    reject,
    set_rationale,
    unlink_gold,
)
from annotator.codebook.questions import QuestionSpec
from annotator.db.services.adjudication_answers import set_gold_answer, take_answer
from annotator.db.services.adjudication_auto import AutoReport, adjudicate_automatically
from annotator.errors import AnnotatorError
from annotator.domain import RelationType
from annotator.review import Cluster
from annotator.ui.review.commands import DecisionCommand
from annotator.ui.review.edit_gold import GoldEdit
from annotator.ui.review.labels import strategy_label
from annotator.ui.lead.bidi_text import english, isolated
from annotator.ui.workers import Report, TaskRunner, TaskState

translate = QCoreApplication.translate


class _Cancelled(Exception):
    """Raised inside the worker's transaction so that a cancelled run stores nothing."""


class Adjudicator(QObject):
    """Decisions of one lead on one project; ``changed`` fires after each (and after Undo)."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, store: ProjectStore, project_path: Path, lead: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.project_path, self.lead = store, project_path, lead
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(self, threads=1)
        self.task: TaskState | None = None

    # one decision -----------------------------------------------------------------------
    def _push(self, text: str, action: Callable[[Session], DecisionChange]) -> bool:
        command = DecisionCommand(self.store, text, lambda _change: self.changed.emit(),
                                  self.message.emit)
        try:
            command.run_first(action)
        except AnnotatorError as error:
            self.message.emit(translate("Adjudicator", "{action}: {reason}").format(
                action=text, reason=english(str(error))))
            return False
        self.undo_stack.push(command)
        self.message.emit(translate("Adjudicator", "{action}: done (Ctrl+Z undoes it)").format(
            action=text))
        return True

    def accept(self, cluster: Cluster, coder: str) -> bool:
        spans = sorted(cluster.by_coder(coder), key=lambda s: (s.start, -s.end))
        if not spans:
            self.message.emit(translate(
                "Adjudicator", "{coder} marked nothing in cluster #{number}: reject it (R) or "
                "edit the gold span (E)").format(coder=isolated(coder), number=cluster.number))
            return False
        return self._push(translate("Adjudicator", "Accept {coder}'s version of cluster #{number}")
                          .format(coder=isolated(coder), number=cluster.number),
                          lambda session: accept(session, lead=self.lead,
                                                 document=cluster.document,
                                                 cluster=key_of(cluster), source=spans[0].key))

    def reject(self, cluster: Cluster) -> bool:
        return self._push(translate("Adjudicator", "Reject cluster #{number}").format(
                              number=cluster.number),
                          lambda session: reject(session, lead=self.lead,
                                                 document=cluster.document,
                                                 cluster=key_of(cluster)))

    def edit(self, cluster: Cluster, edit: GoldEdit, gold_id: str | None) -> bool:
        return self._push(translate("Adjudicator", "Edit the gold span of cluster #{number}").format(
                              number=cluster.number),
                          lambda session: edit_gold(
                              session, lead=self.lead, document=cluster.document,
                              cluster=key_of(cluster), gold_id=gold_id, start=edit.start,
                              end=edit.end, code_id=edit.code_id, attributes=edit.attributes))

    def set_rationale(self, cluster: Cluster, decision_id: str, text: str) -> bool:
        return self._push(translate("Adjudicator", "Rationale of cluster #{number}").format(
                              number=cluster.number),
                          lambda session: set_rationale(session, lead=self.lead,
                                                        decision_id=decision_id, text=text))

    def link(self, source_id: str, target_id: str, relation: RelationType, text: str) -> bool:
        """Link two gold spans; ``text`` names the link for the undo history."""
        return self._push(translate("Adjudicator", "Link gold: {link}").format(link=text),
                          lambda session: link_gold(session, lead=self.lead, source_id=source_id,
                                                    target_id=target_id, type=relation))

    def unlink(self, relation_id: str, text: str) -> bool:
        return self._push(translate("Adjudicator", "Remove gold link: {link}").format(link=text),
                          lambda session: unlink_gold(session, lead=self.lead,
                                                      relation_id=relation_id))

    # gold answers to document questions -------------------------------------------------------
    def take_answer(self, document: str, question: QuestionSpec, coder: str) -> bool:
        return self._push(translate("Adjudicator", "Take {coder}'s answer to {question} as gold")
                          .format(coder=isolated(coder), question=isolated(question.key)),
                          lambda session: take_answer(session, lead=self.lead, document=document,
                                                      question=question.uuid, coder=coder))

    def set_answer(self, document: str, question: QuestionSpec, value: object | None) -> bool:
        """Set (``None``: clear) the gold answer to ``question``."""
        text = (translate("Adjudicator", "Clear the gold answer to {question}") if value is None
                else translate("Adjudicator", "Set the gold answer to {question}"))
        return self._push(text.format(question=isolated(question.key)),
                          lambda session: set_gold_answer(session, lead=self.lead,
                                                          document=document,
                                                          question=question.uuid, value=value))

    # automatic strategies ------------------------------------------------------------------
    def run_strategy(self, strategy: Strategy, threshold: float,
                     on_progress: Callable[[Any], None],
                     on_done: Callable[[AutoReport | None], None]) -> TaskState:
        """Run ``strategy`` over every document in a worker (its own connection, one
        transaction); the result becomes one Undo step."""
        path, lead = self.project_path, self.lead

        def work(state: TaskState, report: Report) -> AutoReport | None:
            def progress(done: int, total: int) -> bool:
                report((done, total))
                return not state.cancelled

            store = open_project(path)
            try:
                with store.transaction() as session:
                    result = adjudicate_automatically(session, lead=lead, strategy=strategy,
                                                      threshold=threshold, progress=progress)
                    if state.cancelled:
                        raise _Cancelled
                return result
            except _Cancelled:
                return None
            finally:
                store.close()

        def done(result: AutoReport | None) -> None:
            self.task = None
            if result is not None:
                self._adopt(result)
            on_done(result)

        def failed(error: str) -> None:
            self.task = None
            self.message.emit(translate("Adjudicator", "Automatic adjudication failed: {reason}")
                              .format(reason=english(error)))
            on_done(None)

        self.task = self.runner.start(work, on_done=done, on_progress=on_progress,
                                      on_failed=failed)
        return self.task

    def _adopt(self, result: AutoReport) -> None:
        counts = translate("Adjudicator", "{decided} decided, {already} already decided, {left} "
                           "left for review, {conflicts} in conflict").format(
            decided=result.total("decided"), already=result.total("already"),
            left=result.total("left"), conflicts=result.total("conflicts"))
        if result.answers.compared:
            counts += translate("Adjudicator", "; answers: {decided} decided, {already} already "
                                "had gold, {left} left for review").format(
                decided=result.answers.decided, already=result.answers.already,
                left=result.answers.left)
        title = translate("Adjudicator", "Automatic adjudication ({strategy})").format(
            strategy=strategy_label(result.strategy))
        command = DecisionCommand(self.store, title,
                                  lambda _change: self.changed.emit(), self.message.emit)
        command.adopt(result.change)
        self.undo_stack.push(command)
        self.message.emit(translate("Adjudicator", "{action}: {counts}").format(action=title,
                                                                             counts=counts))

    def close(self) -> None:
        self.runner.cancel_all()
        self.runner.wait()
