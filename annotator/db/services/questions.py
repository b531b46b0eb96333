"""Document questions in the project (part of the codebook) and the coders' answers to them.

Every change is one service call the caller commits as one transaction. ``set_answer`` returns
the previous value (``None`` when there was none), which is exactly what undo passes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.codebook.question_codec import question_to_json
from annotator.codebook.questions import (
    Answer,
    AnswerError,
    Condition,
    OptionSpec,
    QuestionSpec,
    QuestionType,
    check_answer,
    question_by_key_or_uuid,
)
from annotator.db.models import Coder, Document, DocumentAnswer, DocumentQuestion, Tombstone, utcnow
from annotator.db.services.packages import refuse_in_package
from annotator.domain import Layer
from annotator.errors import ProjectError


@dataclass(frozen=True)
class AnswerRow:
    """One stored answer."""

    uuid: str
    document_id: str
    coder_id: str
    question_id: str
    layer: Layer
    value: Answer


# ---------------------------------------------------------------- questions


def write_questions(session: Session, codebook_id: str, questions: list[QuestionSpec]) -> int:
    """Insert or update questions by UUID, in the given order (after the codebook's other questions)."""
    for position, spec in enumerate(questions):
        _write_question(session, codebook_id, spec, position)
    session.flush()
    return len(questions)


def _write_question(session: Session, codebook_id: str, spec: QuestionSpec, position: int) -> None:
    data = question_to_json(spec)
    row = session.get(DocumentQuestion, spec.uuid) or DocumentQuestion(id=spec.uuid)
    row.codebook_id, row.position, row.key, row.type = codebook_id, position, spec.key, data["type"]
    row.wording_en, row.wording_ar = spec.wording_en, spec.wording_ar
    row.help_en, row.help_ar, row.required = spec.help_en, spec.help_ar, spec.required
    row.condition, row.options, row.group = data["condition"], data["options"], spec.group
    session.add(row)


def list_questions(session: Session) -> list[QuestionSpec]:
    """The project's questions in questionnaire order."""
    rows = session.scalars(select(DocumentQuestion).order_by(DocumentQuestion.position))
    return [_spec(row) for row in rows]


def _spec(row: DocumentQuestion) -> QuestionSpec:
    condition = None
    if row.condition:
        condition = Condition(question=row.condition["question"], equals=list(row.condition["equals"]))
    return QuestionSpec(
        uuid=row.id, key=row.key, type=QuestionType(row.type), wording_en=row.wording_en,
        wording_ar=row.wording_ar, help_en=row.help_en, help_ar=row.help_ar, required=row.required,
        group=row.group, condition=condition,
        options=[OptionSpec(o["uuid"], o["value"], o["label_en"], o["label_ar"]) for o in row.options or []],
    )  # fmt: skip


def find_question(session: Session, key_or_uuid: str) -> QuestionSpec:
    """The question a key or UUID names; the error lists the keys there are."""
    questions = list_questions(session)
    found = question_by_key_or_uuid(questions, key_or_uuid)
    if found is None:
        keys = ", ".join(q.key for q in questions) or "none"
        raise ProjectError(f"unknown question {key_or_uuid!r}; questions: {keys}")
    return found


def remove_question(session: Session, key_or_uuid: str) -> QuestionSpec:
    """Delete an unanswered question that no other question's condition depends on."""
    refuse_in_package(session, "the codebook can be changed")
    spec = find_question(session, key_or_uuid)
    used = session.scalar(select(func.count()).select_from(DocumentAnswer)
                          .where(DocumentAnswer.question_id == spec.uuid)) or 0
    if used:
        raise ProjectError(f"question {spec.key!r} has {used} answer(s); it cannot be removed")
    dependants = [q.key for q in list_questions(session) if q.condition and q.condition.question == spec.uuid]
    if dependants:
        raise ProjectError(f"question {spec.key!r} is the condition of {', '.join(dependants)}")
    session.delete(session.get(DocumentQuestion, spec.uuid))
    session.add(Tombstone(id=spec.uuid, entity="question"))
    session.flush()
    return spec


# ---------------------------------------------------------------- answers


def set_answer(session: Session, document_id: str, coder_id: str, question_id: str,
               value: object | None, layer: Layer = Layer.CODING) -> Answer | None:
    """Store (or with ``None`` clear) one answer; returns the previous value for undo."""
    question = find_question(session, question_id)
    if session.get(Document, document_id) is None:
        raise ProjectError(f"no document with id {document_id}")
    if session.get(Coder, coder_id) is None:
        raise ProjectError(f"no coder with id {coder_id}")
    try:
        canonical = None if value is None else check_answer(question, value)
    except AnswerError as error:
        raise ProjectError(str(error)) from None
    row = session.scalar(select(DocumentAnswer).where(
        DocumentAnswer.document_id == document_id, DocumentAnswer.coder_id == coder_id,
        DocumentAnswer.question_id == question.uuid, DocumentAnswer.layer == Layer(layer).value))
    previous: Answer | None = None if row is None else row.value
    if canonical is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(DocumentAnswer(document_id=document_id, coder_id=coder_id, question_id=question.uuid,
                                   layer=Layer(layer).value, value=canonical))
    else:
        row.value, row.updated_at = canonical, utcnow()
    session.flush()
    return previous


def clear_answer(session: Session, document_id: str, coder_id: str, question_id: str,
                 layer: Layer = Layer.CODING) -> Answer | None:
    """Remove one answer; returns the value it had (``None``: there was none)."""
    return set_answer(session, document_id, coder_id, question_id, None, layer)


def list_answers(session: Session, *, coder_id: str | None = None, document_id: str | None = None,
                 layer: Layer | None = Layer.CODING) -> list[AnswerRow]:
    """Stored answers, filtered, in document, coder and questionnaire order."""
    query = (select(DocumentAnswer).join(DocumentQuestion)
             .order_by(DocumentAnswer.document_id, DocumentAnswer.coder_id, DocumentQuestion.position))
    if coder_id is not None:
        query = query.where(DocumentAnswer.coder_id == coder_id)
    if document_id is not None:
        query = query.where(DocumentAnswer.document_id == document_id)
    if layer is not None:
        query = query.where(DocumentAnswer.layer == Layer(layer).value)
    return [AnswerRow(row.id, row.document_id, row.coder_id, row.question_id, Layer(row.layer), row.value)
            for row in session.scalars(query)]


def answers_of(session: Session, document_id: str, coder_id: str,
               layer: Layer = Layer.CODING) -> dict[str, Any]:
    """One coder's answers to one document, keyed by question UUID."""
    return {row.question_id: row.value
            for row in list_answers(session, coder_id=coder_id, document_id=document_id, layer=layer)}


def answer_sheet(session: Session, *, layer: Layer = Layer.CODING, coder_ids: list[str] | None = None,
                 document_ids: list[str] | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """(document, coder) → {question UUID: value}, for agreement and exports."""
    sheet: dict[tuple[str, str], dict[str, Any]] = {}
    for row in list_answers(session, layer=layer):
        if (coder_ids is None or row.coder_id in coder_ids) and (document_ids is None or row.document_id in document_ids):
            sheet.setdefault((row.document_id, row.coder_id), {})[row.question_id] = row.value
    return sheet


def agreement_answers(session: Session, *, coders: list[str] | None = None, documents: list[str] | None = None,
                      layer: Layer = Layer.CODING) -> tuple[list[QuestionSpec], dict[tuple[str, str], dict[str, Any]]]:
    """The questions and the answer sheet of the chosen coders (names) and documents (UUIDs or external ids)."""
    from annotator.db.services.lookup import find_coder, find_document

    coder_ids = [find_coder(session, name).id for name in coders] if coders else None
    document_ids = [find_document(session, name).id for name in documents] if documents else None
    return list_questions(session), answer_sheet(session, layer=layer, coder_ids=coder_ids,
                                                 document_ids=document_ids)


def gold_answer_sheet(session: Session, coding: dict[tuple[str, str], dict[str, Any]],
                      name: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The gold answers of the documents in ``coding``, under the coder key ``name`` (for
    ``agreement --against-gold``: gold as one more coder)."""
    documents = {document for document, _ in coding}
    gold: dict[tuple[str, str], dict[str, Any]] = {}
    for (document, _lead), answers in answer_sheet(session, layer=Layer.GOLD).items():
        if document in documents:
            gold.setdefault((document, name), {}).update(answers)
    return gold
