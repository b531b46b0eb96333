"""The Questions panel: the codebook's document questions for the open document, beside the text.

Only the coder's own answers are read or written (blind, like annotations). Every answer is one
undoable command committed at once; the panel refreshes from ``answersChanged`` (so undo, redo and
other views agree). A question whose condition the coder's answers do not meet is hidden; required
questions still unanswered are marked and counted in the status line above the questions. Tab and
Shift+Tab move from question to question.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from annotator.codebook.questions import (
    Answer,
    QuestionSpec,
    applies,
    frame_scale_name,
    frame_scales,
    frame_score,
    missing_required,
)
from annotator.db.services.questions import answers_of, list_questions
from annotator.ui.commands import SetAnswer
from annotator.ui.panels.question_card import QuestionCard
from annotator.ui.plurals import plurals
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate
LISTED = 8  # unanswered questions named in the Mark done question


class QuestionsPanel(QWidget):
    """objectName ``questionsPanel``; the status line is ``questionsStatus``."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionsPanel")
        self._workspace = workspace
        self.document_id: str | None = None
        self.answers: dict[str, Answer] = {}
        with workspace.store.reader() as session:
            self.questions: list[QuestionSpec] = list_questions(session)
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("questionsStatus")
        self.cards: dict[str, QuestionCard] = {}
        self._scores: dict[str, QLabel] = {}
        self._scroll = scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._build_cards())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        workspace.events.answersChanged.connect(self._on_answers_changed)
        self.set_document(None)

    def reload_questions(self) -> None:
        """The codebook's questions changed (the codebook editor): read them and rebuild the cards."""
        with self._workspace.store.reader() as session:
            self.questions = list_questions(session)
        self.cards, self._scores = {}, {}
        self._scroll.setWidget(self._build_cards())  # the scroll area deletes the old cards
        self._reload()

    def _build_cards(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setSpacing(6)
        scales = {scale.group: scale for scale in frame_scales(self.questions)}
        group = None
        for number, question in enumerate(self.questions, start=1):
            if question.group and question.group != group:
                group = question.group
                header = QLabel(f"<b>{group}</b>", textFormat=Qt.TextFormat.RichText)
                layout.addWidget(header)
                if group in scales:
                    score = QLabel()
                    score.setObjectName(frame_scale_name(group))
                    score.setStyleSheet("color: #5f6368;")
                    self._scores[group] = score
                    layout.addWidget(score)
            card = QuestionCard(question, number)
            card.answered.connect(self._answer)
            self.cards[question.uuid] = card
            layout.addWidget(card)
        if not self.questions:
            layout.addWidget(QLabel(translate("QuestionsPanel",
                                              "The codebook has no document questions.")))
        layout.addStretch(1)
        return body

    # ------------------------------------------------------------------ state
    def set_document(self, document_id: str | None) -> None:
        """Show the coder's answers for this document (``None``: no document open)."""
        self.document_id = document_id
        self._reload()

    def _on_answers_changed(self, document_id: str) -> None:
        if document_id == self.document_id:
            self._reload()

    def _reload(self) -> None:
        self.answers = {}
        if self.document_id is not None:
            with self._workspace.store.reader() as session:
                self.answers = answers_of(session, self.document_id, self._workspace.coder.uuid)
        editable = self.document_id is not None and not self._workspace.store.read_only
        missing = {q.uuid for q in self.missing_required()}
        for question in self.questions:
            card = self.cards[question.uuid]
            card.show_value(self.answers.get(question.uuid))
            card.setVisible(applies(question, self.answers))
            card.setEnabled(editable)
            card.set_missing(question.uuid in missing)
        for scale in frame_scales(self.questions):
            value = frame_score(scale, self.answers)
            shown = "–" if value is None else f"{value:.2f}"
            count = len(scale.items)
            self._scores[scale.group].setText(translate(
                "QuestionsPanel", "Frame score (mean of {items}): {score}").format(
                items=plurals().items(count), score=shown))
        self._show_status(len(missing))

    def _show_status(self, missing: int) -> None:
        if self.document_id is None or not self.questions:
            self.status.setText("")
        elif missing:
            self.status.setText("<span style='color:#c5221f'>{}</span>".format(translate(
                "QuestionsPanel", "Required questions without an answer: {count}").format(
                count=missing)))
        else:
            self.status.setText("<span style='color:#188038'>{}</span>".format(
                translate("QuestionsPanel", "All required questions answered")))

    def missing_required(self) -> list[QuestionSpec]:
        """Required questions that apply to the open document and have no answer of this coder."""
        return missing_required(self.questions, self.answers) if self.document_id else []

    def focus_first(self) -> None:
        """Put the keyboard on the first visible question."""
        card = next((c for c in self.cards.values() if c.isVisible()), None)
        if card is not None:
            card.setFocus(Qt.FocusReason.TabFocusReason)

    # ------------------------------------------------------------------ actions
    def _answer(self, question_id: str, value: object | None) -> None:
        if self.document_id is None:
            return
        question = next(q for q in self.questions if q.uuid == question_id)
        self._workspace.execute(SetAnswer(self._workspace, self.document_id, question, value))

    def confirm_done(self) -> bool:
        """True when no required answer is missing, or the coder chooses to mark done anyway."""
        missing = self.missing_required()
        if not missing:
            return True
        arabic = QGuiApplication.isRightToLeft()
        names = "\n".join(f"• {q.wording_ar if arabic and q.wording_ar else q.wording_en}"
                          for q in missing[:LISTED])
        if len(missing) > LISTED:
            names += "\n" + translate("QuestionsPanel", "… and {count} more").format(
                count=len(missing) - LISTED)
        count = len(missing)
        reply = QMessageBox.question(
            self, translate("QuestionsPanel", "Required questions unanswered"),
            translate("QuestionsPanel", "{questions} of this document are required and have no "
                      "answer:\n{names}\n\nMark the document done anyway?").format(
                questions=plurals().questions(count), names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return reply == QMessageBox.StandardButton.Yes
