"""Editing the codebook's document questions one undoable step at a time (the codebook editor).

Each function is one service call the caller commits as one transaction and returns what its
inverse needs: ``insert_question`` → the UUID (undone by ``delete_question``), ``delete_question``
→ the removed question and its place (undone by ``restore_question``), ``replace_question`` → the
previous question (undone by ``replace_question`` again), ``move_question`` → the old place.
The whole questionnaire is checked by the codebook file rules after every change, so conditions
always name an earlier question and keys stay unique.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from annotator.codebook import QuestionSpec, validate_codebook
from annotator.codebook.questions import AnswerError, check_answer
from annotator.db.models import DocumentAnswer, Tombstone
from annotator.db.services.codebook import export_codebook
from annotator.db.services.packages import refuse_in_package
from annotator.db.services.questions import list_questions, remove_question, write_questions
from annotator.errors import InputError, ProjectError


@dataclass(frozen=True)
class RemovedQuestion:
    """What undoing a removal needs: the question and where it stood."""

    spec: QuestionSpec
    position: int


def answer_count(session: Session, question_id: str) -> int:
    """How many answers (every coder, every layer) the question holds."""
    return session.scalar(select(func.count()).select_from(DocumentAnswer)
                          .where(DocumentAnswer.question_id == question_id)) or 0


def answer_counts(session: Session) -> dict[str, int]:
    """Question UUID → number of answers, for the questions that have any."""
    rows = session.execute(select(DocumentAnswer.question_id, func.count())
                           .group_by(DocumentAnswer.question_id))
    return {question_id: count for question_id, count in rows}


def _store(session: Session, questions: list[QuestionSpec]) -> list[QuestionSpec]:
    """Check the whole questionnaire by the file rules and write it in this order."""
    refuse_in_package(session, "the codebook can be changed")
    current = export_codebook(session)
    try:
        checked = validate_codebook(replace(current, questions=questions), "codebook")
    except InputError as error:
        raise ProjectError(_one_line(error)) from None
    write_questions(session, current.uuid, checked.questions)
    return checked.questions


def _one_line(error: InputError) -> str:
    """``questions[2].key: …`` without the file name (there is no file here)."""
    text = str(error)
    return text.split(": ", 1)[1] if text.startswith("codebook") and ": " in text else text


def _index(questions: list[QuestionSpec], question_id: str) -> int:
    for index, question in enumerate(questions):
        if question.uuid == question_id:
            return index
    raise ProjectError(f"no question with id {question_id}")


def insert_question(session: Session, spec: QuestionSpec, position: int | None = None) -> str:
    """Add a question at ``position`` (default: last); returns its UUID."""
    questions = list_questions(session)
    if any(q.uuid == spec.uuid for q in questions):
        raise ProjectError(f"question {spec.key!r} already exists")
    at = len(questions) if position is None else max(0, min(position, len(questions)))
    _store(session, [*questions[:at], spec, *questions[at:]])
    return spec.uuid


def replace_question(session: Session, spec: QuestionSpec) -> QuestionSpec:
    """Store new fields for an existing question (same UUID); returns the previous question.

    Refused when answers already given would no longer fit (a removed option, another type).
    """
    questions = list_questions(session)
    index = _index(questions, spec.uuid)
    previous = questions[index]
    values = session.scalars(select(DocumentAnswer.value).where(DocumentAnswer.question_id == spec.uuid))
    misfits = 0
    for value in values:
        try:
            check_answer(spec, value)
        except AnswerError:
            misfits += 1
    if misfits:
        raise ProjectError(f"{misfits} answer(s) to {previous.key!r} would no longer fit the question")
    questions[index] = spec
    _store(session, questions)
    return previous


def move_question(session: Session, question_id: str, position: int) -> int:
    """Put a question at ``position`` in the questionnaire; returns where it was."""
    questions = list_questions(session)
    old = _index(questions, question_id)
    spec = questions.pop(old)
    questions.insert(max(0, min(position, len(questions))), spec)
    _store(session, questions)
    return old


def delete_question(session: Session, question_id: str) -> RemovedQuestion:
    """Remove an unanswered question no condition depends on; returns what restores it."""
    questions = list_questions(session)
    index = _index(questions, question_id)
    spec = remove_question(session, question_id)
    rest = [q for q in questions if q.uuid != question_id]
    if rest:
        write_questions(session, export_codebook(session).uuid, rest)  # close the gap
    return RemovedQuestion(spec, index)


def restore_question(session: Session, removed: RemovedQuestion) -> str:
    """Undo a removal: the same question (same UUID) at its old place."""
    session.execute(delete(Tombstone).where(Tombstone.id == removed.spec.uuid))
    return insert_question(session, removed.spec, removed.position)
