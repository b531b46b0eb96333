"""Agreement per document question, checked against Krippendorff (2011)'s published example."""

from __future__ import annotations

import math

import pytest

from annotator.agreement.questions import question_agreement
from annotator.codebook.questions import OptionSpec, QuestionSpec, QuestionType
from tests.agreement.published_data import K2011


def U(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _sheet(question: QuestionSpec, table: list[list[object]]) -> dict[tuple[str, str], dict[str, object]]:
    """Krippendorff's coders x units table entered as answers: unit = document, row = coder."""
    sheet: dict[tuple[str, str], dict[str, object]] = {}
    for c, row in enumerate(table):
        for d, value in enumerate(row):
            answers = sheet.setdefault((f"doc{d:02d}", f"coder{c}"), {})
            if value is not None:
                answers[question.uuid] = value
    return sheet


def _question(kind: QuestionType, key: str = "q") -> QuestionSpec:
    options = []
    if kind is QuestionType.SCALE:
        options = [OptionSpec(U(100 + v), v, f"point {v}", "نقطة") for v in range(1, 6)]
    if kind is QuestionType.SINGLE_CHOICE:
        options = [OptionSpec(U(100 + v), f"c{v}", f"choice {v}", "خيار") for v in range(1, 6)]
    return QuestionSpec(U(1), key, kind, "Question?", "سؤال؟", options=options)


@pytest.mark.parametrize(("kind", "expected"), [
    (QuestionType.SINGLE_CHOICE, 0.743), (QuestionType.SCALE, 0.815), (QuestionType.NUMBER, 0.849)])
def test_krippendorff_2011_through_the_question_path(kind: QuestionType, expected: float) -> None:
    question = _question(kind)
    table = [[None if v is None else (f"c{v}" if kind is QuestionType.SINGLE_CHOICE else v) for v in row]
             for row in K2011]
    (row,) = question_agreement([question], _sheet(question, table), n_boot=2000, seed=1)
    assert row.level == {QuestionType.SINGLE_CHOICE: "nominal", QuestionType.SCALE: "ordinal"}.get(kind, "interval")
    assert round(row.alpha, 3) == expected
    assert row.n_documents == 11 and row.n_coders == 4 and row.n_values == 41  # unit 12 has one value: not pairable
    assert row.ci_low < row.alpha < row.ci_high <= 1.0


def test_yes_no_percent_agreement_ac1_and_frame_score() -> None:
    items = [QuestionSpec(U(n), f"q{n}", QuestionType.YES_NO, "Q?", "س؟", group="Conflict") for n in (1, 2)]
    a, b = items
    sheet = {
        ("d1", "x"): {a.uuid: True, b.uuid: True}, ("d1", "y"): {a.uuid: True, b.uuid: False},
        ("d2", "x"): {a.uuid: False, b.uuid: False}, ("d2", "y"): {a.uuid: False, b.uuid: False},
        ("d3", "x"): {a.uuid: True, b.uuid: True}, ("d3", "y"): {a.uuid: True, b.uuid: True},
        ("d4", "x"): {a.uuid: False, b.uuid: True}, ("d4", "y"): {a.uuid: True},
    }
    rows = {r.variable: r for r in question_agreement(items, sheet, n_boot=200)}
    assert rows["q1"].percent_agreement == pytest.approx(0.75) and rows["q1"].n_documents == 4
    # q1 by hand: values (T,T),(F,F),(T,T),(F,T): o_TT=4, o_FF=2, o_TF=o_FT=1; n_T=5, n_F=3, n=8
    assert rows["q1"].alpha == pytest.approx(1 - 7 * 2 / (2 * 5 * 3))
    assert rows["q2"].n_documents == 3 and rows["q2"].n_coders == 2
    score = rows["score_conflict"]
    assert score.level == "interval" and score.n_documents == 3  # d4: y left q2 unanswered, no score
    # scores x: 1, 0, 1; y: .5, 0, 1 -> interval alpha of [[1,0,1],[.5,0,1]]
    from annotator.agreement.alpha import krippendorff_alpha
    assert score.alpha == pytest.approx(krippendorff_alpha([[1, 0, 1], [0.5, 0, 1]], "interval"))
    assert not math.isnan(rows["q1"].ac1)


def test_multiple_choice_is_one_binary_variable_per_option() -> None:
    options = [OptionSpec(U(10 + i), v, v, "خيار") for i, v in enumerate(["state", "rebels", "civilians"])]
    question = QuestionSpec(U(1), "actors", QuestionType.MULTIPLE_CHOICE, "Actors?", "الفاعلون؟", options=options)
    sheet = {("d1", "x"): {question.uuid: ["state"]}, ("d1", "y"): {question.uuid: ["state", "rebels"]},
             ("d2", "x"): {question.uuid: ["rebels"]}, ("d2", "y"): {question.uuid: ["rebels"]},
             ("d3", "x"): {question.uuid: ["civilians"]}, ("d3", "y"): {question.uuid: ["state"]}}
    rows = {r.variable: r for r in question_agreement([question], sheet, n_boot=100)}
    assert list(rows) == ["actors=state", "actors=rebels", "actors=civilians"]
    assert rows["actors=rebels"].percent_agreement == pytest.approx(2 / 3)
    assert all(r.level == "nominal" and r.n_documents == 3 for r in rows.values())


def test_conditional_question_counts_inapplicable_answers_as_missing() -> None:
    from annotator.codebook.questions import Condition

    gate = QuestionSpec(U(1), "victims", QuestionType.YES_NO, "Victims?", "ضحايا؟")
    named = QuestionSpec(U(2), "named", QuestionType.YES_NO, "Named?", "أسماء؟", condition=Condition(U(1), [True]))
    sheet = {("d1", "x"): {gate.uuid: True, named.uuid: True}, ("d1", "y"): {gate.uuid: False, named.uuid: True},
             ("d2", "x"): {gate.uuid: True, named.uuid: False}, ("d2", "y"): {gate.uuid: True, named.uuid: False}}
    rows = {r.variable: r for r in question_agreement([gate, named], sheet, n_boot=0)}
    assert rows["named"].n_values == 3 and rows["named"].n_documents == 1
    assert math.isnan(rows["named"].ci_low)
