"""Adjudication of the answers to document questions: the lead sets a document's gold answer.

Each function is one user action (one transaction, committed at once by the caller) returning a
:class:`DecisionChange` whose ``answers`` carry the gold answer before and after, so the review
window's Undo and Redo (:func:`revert_change`, :func:`reapply_change`) treat it like a span
decision. The gold row is the lead's (``coder_id``) with ``updated_at`` = when it was set; any
other gold row of the same document and question is replaced. Refused with ``ProjectError``,
nothing written: a coder who is not a lead, a coder package, an unknown document, question or
coder, a value that does not fit the question, a coder who gave no answer, nothing to clear.
:func:`settle_answers` is the automatic part of ``adjudicate_automatically``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.adjudication import DEFAULT_THRESHOLD, Strategy
from annotator.answer_review import answer_key, settle_answer
from annotator.codebook.questions import Answer, AnswerError, QuestionSpec, applies, check_answer
from annotator.db.models import Coder, DocumentAnswer, utcnow
from annotator.db.services.adjudication import require_lead
from annotator.db.services.adjudication_store import DecisionChange
from annotator.db.services.gold_answers import (
    AnswerChange,
    GoldAnswerRow,
    GoldAnswerState,
    gold_state,
    put_gold_state,
)
from annotator.db.services.lookup import find_coder, find_document
from annotator.db.services.questions import answer_sheet, find_question, list_questions
from annotator.domain import Layer
from annotator.errors import ProjectError


def set_gold_answer(session: Session, *, lead: str, document: str, question: str,
                    value: object | None) -> DecisionChange:
    """Make ``value`` the document's gold answer to ``question`` (key or UUID); None clears it."""
    who = require_lead(session, lead)
    doc, spec = find_document(session, document).id, find_question(session, question)
    try:
        canonical = None if value is None else check_answer(spec, value)
    except AnswerError as error:
        raise ProjectError(str(error)) from None
    before = gold_state(session, doc, spec.uuid)
    if canonical is None and not before.rows:
        raise ProjectError(f"question {spec.key!r} has no gold answer to clear in this document")
    change = _write(session, who, before, canonical)
    return DecisionChange((doc,), answers=(change,))


def take_answer(session: Session, *, lead: str, document: str, question: str,
                coder: str) -> DecisionChange:
    """Make ``coder``'s answer (name or id) the gold answer."""
    require_lead(session, lead)
    doc, spec = find_document(session, document).id, find_question(session, question)
    source = find_coder(session, coder)
    value = session.scalar(select(DocumentAnswer.value).where(
        DocumentAnswer.document_id == doc, DocumentAnswer.coder_id == source.id,
        DocumentAnswer.question_id == spec.uuid, DocumentAnswer.layer == Layer.CODING.value))
    if value is None:
        raise ProjectError(f"{source.name} gave no answer to {spec.key!r} in this document")
    return set_gold_answer(session, lead=lead, document=doc, question=spec.uuid, value=value)


def clear_gold_answer(session: Session, *, lead: str, document: str,
                      question: str) -> DecisionChange:
    return set_gold_answer(session, lead=lead, document=document, question=question, value=None)


def _write(session: Session, who: Coder, before: GoldAnswerState,
           value: Answer | None) -> AnswerChange:
    now = utcnow()
    rows = () if value is None else (GoldAnswerRow(
        before.rows[-1].uuid if before.rows else str(uuid.uuid4()), who.id, value,
        before.rows[-1].created_at if before.rows else now, now),)
    after = GoldAnswerState(before.document_id, before.question_id, rows)
    put_gold_state(session, after)
    return AnswerChange(before, gold_state(session, before.document_id, before.question_id))


# ---------------------------------------------------------------- what the review window shows


@dataclass(frozen=True)
class AnswerReviewRow:
    """One question of one document: each coder's answer (by coder name), and the gold."""

    question: QuestionSpec
    answers: dict[str, Answer]
    gold: Answer | None = None
    gold_by: str = ""
    gold_at: datetime | None = None

    @property
    def agree(self) -> bool | None:
        """None when fewer than two coders answered."""
        if len(self.answers) < 2:
            return None
        return len({answer_key(v) for v in self.answers.values()}) == 1


def document_answer_rows(session: Session, document_id: str) -> list[AnswerReviewRow]:
    """Every question that applies to a coder's answers (or has gold), in questionnaire order."""
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    sheet = answer_sheet(session, document_ids=[document_id])
    given = {names.get(coder, coder): answers for (_doc, coder), answers in sheet.items()}
    golds = session.execute(select(DocumentAnswer).where(
        DocumentAnswer.document_id == document_id, DocumentAnswer.layer == Layer.GOLD.value)
        .order_by(DocumentAnswer.updated_at)).scalars()
    gold = {row.question_id: row for row in golds}  # the latest when there are several
    rows: list[AnswerReviewRow] = []
    for question in list_questions(session):
        answers = {name: values[question.uuid] for name, values in sorted(given.items())
                   if question.uuid in values and applies(question, values)}
        set_row = gold.get(question.uuid)
        if not answers and set_row is None and not any(applies(question, v) for v in given.values()):
            continue
        rows.append(AnswerReviewRow(question, answers, set_row.value if set_row else None,
                                    names.get(set_row.coder_id, "") if set_row else "",
                                    set_row.updated_at if set_row else None))
    return rows


# ---------------------------------------------------------------- automatic


@dataclass
class AnswerTally:
    """An automatic run's answers: settled now, gold already there, left for the lead."""

    compared: int = 0
    decided: int = 0
    already: int = 0
    left: int = 0
    changes: list[AnswerChange] = field(default_factory=list)


def settle_answers(session: Session, who: Coder, strategy: Strategy,
                   threshold: float = DEFAULT_THRESHOLD,
                   documents: Sequence[str] | None = None) -> AnswerTally:
    """Set the gold answer wherever ``strategy`` settles the coders' answers and no gold answer
    exists (a gold answer the lead set is never replaced, so a second run adds nothing). Text
    questions are left to the lead, as ``answers review`` leaves them."""
    from annotator.answer_review import compare_answers

    tally = AnswerTally()
    wanted = set(documents) if documents is not None else None
    coding = {key: values for key, values in answer_sheet(session).items()
              if wanted is None or key[0] in wanted}
    has_gold = set(session.execute(select(DocumentAnswer.document_id, DocumentAnswer.question_id)
                                   .where(DocumentAnswer.layer == Layer.GOLD.value)).all())
    for row in compare_answers(list_questions(session), coding):
        tally.compared += 1
        if (row.document_id, row.question.uuid) in has_gold:
            tally.already += 1
            continue
        outcome = settle_answer(row.answers, strategy, threshold)
        if outcome is None:
            tally.left += 1
            continue
        before = GoldAnswerState(row.document_id, row.question.uuid)
        tally.changes.append(_write(session, who, before, outcome.value))
        tally.decided += 1
    return tally
