"""Doc_Matrix columns of the document questions: one per question (one 0/1 column per option of a
multiple choice) and one per frame scale, for each document and coder.

Values are numeric where SPSS and Stata need them, with value labels: yes/no as 1/0, a single
choice as its option's 1-based place, a scale as its point's value, a number as it is; a text
answer is a string. A frame score is the mean of its items (blank while an item that applies is
unanswered). An answer to a question whose condition the coder's answers do not meet is left blank,
as agreement treats it.
"""

from __future__ import annotations

import math
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
from annotator.export.selection import Selection
from annotator.export.tables import Cell, Column, Table
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


def question_reliability_table(session: Session, selection: Selection, layer: Layer, n_boot: int,
                               seed: int) -> Table | None:
    """Agreement per document question and frame score of the chosen coders and documents (None
    when they have no answer)."""
    from annotator.agreement.questions import SOURCE, question_agreement
    from annotator.db.services.questions import answer_sheet

    sheet = answer_sheet(session, layer=layer, coder_ids=list(selection.coders),
                         document_ids=list(selection.documents))
    if not sheet:
        return None
    figures = question_agreement(list_questions(session), sheet, n_boot=n_boot, seed=seed)

    def number(value: float) -> float | None:
        return None if math.isnan(value) else round(value, 6)

    rows: list[list[Cell]] = [
        [f.variable, f.label, f.level, number(f.alpha), number(f.ci_low), number(f.ci_high),
         number(f.percent_agreement), number(f.ac1), f.n_documents, f.n_coders, f.n_values]
        for f in figures]
    return Table("Question_Reliability", f"agreement per document question ({SOURCE})", QUESTION_COLUMNS, rows)


QUESTION_COLUMNS = [
    Column("variable", "question key (key=option for one option of a multiple choice; score_… for a frame score)", 24),
    Column("label", "question wording", 50), Column("level", "level of measurement of alpha", 9),
    Column("alpha", "Krippendorff's alpha; empty when undefined", 9),
    Column("ci_low", "95% bootstrap interval, low (KALPHA)", 9),
    Column("ci_high", "95% bootstrap interval, high (KALPHA)", 9),
    Column("percent_agreement", "Gwet's percent agreement on exact values", 10),
    Column("ac1", "Gwet's AC1 on exact values", 9),
    Column("n_documents", "documents answered by two or more coders", 10),
    Column("n_coders", "coders who answered", 8), Column("n_values", "answers that count", 8),
]
