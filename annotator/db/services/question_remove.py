"""Removing a document question that holds answers, after the caller confirmed it.

``question_usage`` says what a removal would take with it (answers, coders, gold answers) and which
questions' conditions depend on it; ``delete_question_with_answers`` removes the question and its
answers in the caller's transaction and returns everything ``restore_question_with_answers`` needs
to put them back: the question at its place, every answer with its UUID and timestamps.
A question another question's condition names stays refused (remove or change that one first).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from annotator.db.models import DocumentAnswer
from annotator.db.services.packages import refuse_in_package
from annotator.db.services.question_edit import RemovedQuestion, delete_question, restore_question
from annotator.db.services.questions import find_question, list_questions
from annotator.domain import Layer
from annotator.errors import ProjectError


@dataclass(frozen=True)
class QuestionUsage:
    """What removing a question would take with it."""

    uuid: str
    key: str
    answers: int  # coding-layer answers
    coders: int  # coders with a coding-layer answer
    gold: int  # gold-layer answers (the lead's adjudicated values)
    dependants: tuple[str, ...]  # keys of the questions whose condition names this one

    @property
    def total(self) -> int:
        return self.answers + self.gold


@dataclass(frozen=True)
class AnswerRecord:
    """One stored answer, every column, as it was."""

    id: str
    document_id: str
    coder_id: str
    question_id: str
    layer: str
    value: Any
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RemovedWithAnswers:
    question: RemovedQuestion
    answers: tuple[AnswerRecord, ...]


def question_usage(session: Session, key_or_uuid: str) -> QuestionUsage:
    """Answers, coders and gold answers of a question, and the questions depending on it."""
    spec = find_question(session, key_or_uuid)
    rows = session.execute(
        select(DocumentAnswer.layer, func.count(), func.count(DocumentAnswer.coder_id.distinct()))
        .where(DocumentAnswer.question_id == spec.uuid).group_by(DocumentAnswer.layer)).all()
    by_layer = {layer: (count, coders) for layer, count, coders in rows}
    answers, coders = by_layer.get(Layer.CODING.value, (0, 0))
    gold = sum(count for layer, (count, _) in by_layer.items() if layer != Layer.CODING.value)
    dependants = tuple(q.key for q in list_questions(session)
                       if q.condition and q.condition.question == spec.uuid)
    return QuestionUsage(spec.uuid, spec.key, answers, coders, gold, dependants)


def delete_question_with_answers(session: Session, key_or_uuid: str) -> RemovedWithAnswers:
    """Remove a question and every answer to it (all coders, both layers); returns what restores
    them. Refused in a coder package and when another question's condition depends on it."""
    refuse_in_package(session, "the codebook can be changed")
    usage = question_usage(session, key_or_uuid)
    if usage.dependants:
        raise ProjectError(f"question {usage.key!r} is the condition of {', '.join(usage.dependants)}; "
                           "remove or change those first")
    stored = session.scalars(select(DocumentAnswer).where(DocumentAnswer.question_id == usage.uuid)
                             .order_by(DocumentAnswer.created_at, DocumentAnswer.id)).all()
    records = tuple(AnswerRecord(a.id, a.document_id, a.coder_id, a.question_id, a.layer, a.value,
                                 a.created_at, a.updated_at) for a in stored)
    session.execute(delete(DocumentAnswer).where(DocumentAnswer.question_id == usage.uuid))
    session.expire_all()
    return RemovedWithAnswers(delete_question(session, usage.uuid), records)


def restore_question_with_answers(session: Session, removed: RemovedWithAnswers) -> str:
    """Undo: the question at its old place (same UUID), then its answers as they were."""
    question_id = restore_question(session, removed.question)
    session.add_all(DocumentAnswer(id=a.id, document_id=a.document_id, coder_id=a.coder_id,
                                   question_id=a.question_id, layer=a.layer, value=a.value,
                                   created_at=a.created_at, updated_at=a.updated_at)
                    for a in removed.answers)
    session.flush()
    return question_id

