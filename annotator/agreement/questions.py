"""Agreement on document questions: one reliability variable per question (and per frame scale).

Each document is a unit and each coder an observer. The level of measurement follows the
question type: nominal for yes/no and single choice, ordinal for a labelled scale (its point
values), interval for numbers and for frame scores (the mean of a frame's items). A multiple-choice
question is split into one binary variable per option ("chose it" or not, for every coder who
answered the question) with nominal alpha each: alpha on the sets themselves would need a set
distance such as MASI, whose chance model is less well understood, while per-option figures say
which option coders disagree on. A coder's answer to a question whose condition their own answers
do not meet counts as missing, as does no answer. Text answers get no coefficient.

For every variable: Krippendorff's alpha with the KALPHA bootstrap interval (Hayes & Krippendorff
2007), Gwet's percent agreement and AC1 on the exact values (identity weights), the number of
documents with values from two or more coders and the number of coders who gave a value.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from annotator.agreement.alpha import Level
from annotator.agreement.bootstrap import bootstrap_alpha
from annotator.agreement.gwet import gwet_ac
from annotator.agreement.multirater import percent_agreement_multi
from annotator.codebook.questions import (
    Answer,
    QuestionSpec,
    QuestionType,
    applies,
    frame_scale_name,
    frame_scales,
    frame_score,
)

AnswerSheet = Mapping[tuple[str, str], Mapping[str, Answer]]
"""(document UUID, coder UUID) → {question UUID: answer}."""

SOURCE = ("Krippendorff (2011) alpha per question at its level of measurement; KALPHA bootstrap "
          "(Hayes & Krippendorff 2007); Gwet (2008) AC1 and percent agreement on exact values")


@dataclass(frozen=True)
class QuestionAgreement:
    """The figures of one variable: a question, one option of a multiple choice, or a frame scale."""

    variable: str  # key, key=option or score_<group>
    label: str
    level: str
    alpha: float
    ci_low: float
    ci_high: float
    percent_agreement: float
    ac1: float
    n_documents: int
    n_coders: int
    n_values: int


def question_agreement(questions: Sequence[QuestionSpec], answers: AnswerSheet, *, n_boot: int = 1000,
                       seed: int = 0) -> list[QuestionAgreement]:
    """Figures for every question that can have a coefficient, then every frame scale."""
    documents = sorted({document for document, _ in answers})
    coders = sorted({coder for _, coder in answers})
    rows: list[QuestionAgreement] = []
    for question in questions:
        if question.type is QuestionType.TEXT:
            continue
        values = _values(question, answers, documents, coders)
        if question.type is QuestionType.MULTIPLE_CHOICE:
            for option in question.options:
                chosen = [[None if v is None else option.value in v for v in row] for row in values]
                rows.append(figures(f"{question.key}={option.value}", f"{question.wording_en} [{option.label_en}]",
                                    "nominal", chosen, n_boot, seed))
        else:
            rows.append(figures(question.key, question.wording_en, question.type.level, values, n_boot, seed))
    for scale in frame_scales(questions):
        scores = [[frame_score(scale, answers.get((d, c), {})) for d in documents] for c in coders]
        rows.append(figures(frame_scale_name(scale.group), f"Frame score: {scale.group}", "interval", scores,
                            n_boot, seed))
    return rows


def _values(question: QuestionSpec, answers: AnswerSheet, documents: list[str],
            coders: list[str]) -> list[list[Answer | None]]:
    table: list[list[Answer | None]] = []
    for coder in coders:
        row: list[Answer | None] = []
        for document in documents:
            given = answers.get((document, coder), {})
            row.append(given.get(question.uuid) if applies(question, given) else None)
        table.append(row)
    return table


def figures(variable: str, label: str, level: str, values: Sequence[Sequence[object]], n_boot: int,
            seed: int) -> QuestionAgreement:
    """Alpha with its interval, percent agreement and AC1 of reliability data ``values[coder][unit]``."""
    ratings: list[list[Hashable | None]] = [[_hashable(v) for v in row] for row in values]
    n_coders = sum(any(v is not None for v in row) for row in ratings)
    n_values = sum(v is not None for row in ratings for v in row)
    if not ratings or n_values == 0:
        nan = math.nan
        return QuestionAgreement(variable, label, level, nan, nan, nan, nan, nan, 0, n_coders, n_values)
    result = bootstrap_alpha(ratings, _level(level), n_boot=max(n_boot, 1), seed=seed)
    low, high = (result.ci_low, result.ci_high) if n_boot else (math.nan, math.nan)
    pa = percent_agreement_multi(ratings)
    ac1 = gwet_ac(ratings)
    return QuestionAgreement(variable, label, level, result.alpha, low, high, pa.value, ac1.value,
                             result.n_units, n_coders, n_values)


def _level(level: str) -> Level:
    if level not in ("nominal", "ordinal", "interval", "ratio"):
        raise ValueError(f"no alpha at level {level!r}")
    return level  # type: ignore[return-value]


def _hashable(value: object) -> Hashable | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def question_json(rows: Sequence[QuestionAgreement]) -> dict[str, object]:
    """The figures as JSON (nan as null), with the definition to cite."""
    def plain(value: object) -> object:
        return None if isinstance(value, float) and math.isnan(value) else value

    return {"source": SOURCE,
            "variables": [{key: plain(value) for key, value in row.__dict__.items()} for row in rows]}


def question_table(rows: Sequence[QuestionAgreement]) -> str:
    """A plain-text table: variable, level, alpha [95% CI], percent agreement, AC1, n documents, n coders."""
    def num(value: float) -> str:
        return "   -  " if math.isnan(value) else f"{value:6.3f}"

    lines = ["Document questions (alpha at each question's level; frame scores interval)",
             f"{'variable':<28} {'level':<8} {'alpha':>6} {'95% CI':>17} {'%agr':>6} {'AC1':>6} {'docs':>5} {'coders':>6}"]
    for row in rows:
        interval = "        -        " if math.isnan(row.ci_low) else f"[{row.ci_low:6.3f}, {row.ci_high:6.3f}]"
        lines.append(f"{row.variable[:28]:<28} {row.level:<8} {num(row.alpha)} {interval:>17} "
                     f"{num(row.percent_agreement)} {num(row.ac1)} {row.n_documents:>5} {row.n_coders:>6}")
    lines.append(f"Definitions: {SOURCE}. Multiple choice: one binary (nominal) variable per option.")
    return "\n".join(lines)
