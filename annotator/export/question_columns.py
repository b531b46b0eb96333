"""Doc_Matrix columns of the document questions: one per question (one 0/1 column per option of a
multiple choice) and one per frame scale, for each document and coder.

Values are numeric where SPSS and Stata need them, with value labels: yes/no as 1/0, a single
choice as its option's 1-based place, a scale as its point's value, a number as it is; a text
answer is a string. A frame score is the mean of its items (blank while an item that applies is
unanswered). An answer to a question whose condition the coder's answers do not meet is left blank,
as agreement treats it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from annotator.codebook.questions import (
    Answer,
    QuestionSpec,
    QuestionType,
    applies,
    frame_scale_name,
    frame_scales,
    frame_score,
)
from annotator.db.services.questions import list_answers, list_questions
from annotator.domain import Layer
from annotator.export.tables import Cell
from annotator.export.variables import VariableNames

Answers = Mapping[str, Answer]
YES_NO_LABELS = {0: "no / لا", 1: "yes / نعم"}
CHOSEN_LABELS = {0: "not chosen / لم يُختر", 1: "chosen / اختير"}


@dataclass(frozen=True)
class QuestionColumn:
    name: str
    label: str
    value_labels: dict[int, str] | None
    text: bool
    cell: Callable[[Answers], Cell]


def question_columns(session: Session, names: VariableNames) -> list[QuestionColumn]:
    """The columns of every question and frame scale, named after the question keys."""
    questions = list_questions(session)
    columns: list[QuestionColumn] = []
    for question in questions:
        columns += _columns(question, names)
    for scale in frame_scales(questions):
        label = f"frame score: {scale.group} (mean of {', '.join(q.key for q in scale.items)})"
        columns.append(QuestionColumn(names.claim(frame_scale_name(scale.group), ""), label, None, False,
                                      lambda answers, s=scale: frame_score(s, answers)))
    return columns


def _columns(question: QuestionSpec, names: VariableNames) -> list[QuestionColumn]:
    label = f"{question.wording_en} — {question.wording_ar}"
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        return [QuestionColumn(names.claim(f"{question.key}_{option.value}", ""),
                               f"{label} [{option.label_en} / {option.label_ar}]", CHOSEN_LABELS, False,
                               lambda a, q=question, v=option.value: _chosen(q, a, v))
                for option in question.options]
    labels: dict[int, str] | None = None
    if kind is QuestionType.YES_NO:
        labels = YES_NO_LABELS
    elif kind is QuestionType.SINGLE_CHOICE:
        labels = {i: f"{o.label_en} / {o.label_ar}" for i, o in enumerate(question.options, start=1)}
    elif kind is QuestionType.SCALE:
        labels = {int(o.value): f"{o.label_en} / {o.label_ar}" for o in question.options}
    return [QuestionColumn(names.claim(question.key, ""), label, labels, kind is QuestionType.TEXT,
                           lambda a, q=question: _value(q, a))]


def _given(question: QuestionSpec, answers: Answers) -> Answer | None:
    return answers.get(question.uuid) if applies(question, answers) else None


def _value(question: QuestionSpec, answers: Answers) -> Cell:
    value = _given(question, answers)
    if value is None:
        return None
    if question.type is QuestionType.YES_NO:
        return int(bool(value))
    if question.type is QuestionType.SINGLE_CHOICE:
        places = {o.value: i for i, o in enumerate(question.options, start=1)}
        return places.get(value)  # type: ignore[arg-type]
    return value  # type: ignore[return-value]


def _chosen(question: QuestionSpec, answers: Answers, option: object) -> Cell:
    value = _given(question, answers)
    return None if value is None else int(isinstance(value, list) and option in value)


def answer_rows(session: Session, layers: tuple[str, ...]) -> dict[tuple[str, str, str], dict[str, Answer]]:
    """(document, coder, layer) → {question UUID: answer} for the exported layers."""
    sheet: dict[tuple[str, str, str], dict[str, Answer]] = {}
    for layer in layers:
        for row in list_answers(session, layer=Layer(layer)):
            sheet.setdefault((row.document_id, row.coder_id, layer), {})[row.question_id] = row.value
    return sheet
