"""Document questions: answer validation, conditions, frame scores, and the codebook JSON round trip."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

import annotator.codebook as cb
from annotator.codebook.questions import (
    AnswerError,
    answer_label,
    applies,
    check_answer,
    frame_scales,
    frame_scores,
    missing_required,
    parse_answer,
)
from annotator.errors import InputError


def U(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def opt(n: int, value: object, en: str, ar: str) -> dict[str, Any]:
    return {"uuid": U(n), "value": value, "label_en": en, "label_ar": ar}


def question(n: int, key: str, kind: str, **more: Any) -> dict[str, Any]:
    return {"uuid": U(n), "key": key, "type": kind, "wording_en": f"Question {key}?",
            "wording_ar": f"سؤال {key}؟", "help_en": "", "help_ar": "", "required": more.get("required", False),
            "group": more.get("group", ""), "condition": more.get("condition"), "options": more.get("options", [])}


def codebook(questions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format_version": 1, "uuid": U(1), "name": "Q", "description": "", "version": "1", "codes": [],
            "questions": questions}


QUESTIONS = [
    question(10, "victims", "yes_no", required=True, group="Human"),
    question(11, "named", "yes_no", group="Human", condition={"question": "victims", "equals": [True]}),
    question(12, "frame", "single_choice", required=True,
             options=[opt(20, "economic", "Economic", "اقتصادي"), opt(21, "security", "Security", "أمني")]),
    question(13, "actors", "multiple_choice",
             options=[opt(22, "state", "State", "الدولة"), opt(23, "rebels", "Rebels", "المعارضة المسلحة")]),
    question(14, "tone", "scale", options=[opt(24, -1, "Negative", "سلبي"), opt(25, 0, "Neutral", "محايد"),
                                          opt(26, 1, "Positive", "إيجابي")]),
    question(15, "deaths", "number"),
    question(16, "note", "text"),
]


def spec() -> cb.CodebookSpec:
    return cb.codebook_from_json(codebook(copy.deepcopy(QUESTIONS)), "test.json")


def test_round_trip_is_exact_and_condition_key_becomes_uuid() -> None:
    loaded = spec()
    data = cb.codebook_to_json(loaded)
    assert data["questions"][1]["condition"] == {"question": U(10), "equals": [True]}
    assert cb.codebook_from_json(data, "again.json") == loaded
    assert cb.codebook_to_json(cb.codebook_from_json(data, "x")) == data
    assert [q.type.level for q in loaded.questions] == ["nominal", "nominal", "nominal", "nominal", "ordinal", "interval", ""]


def test_codebook_without_questions_keeps_its_form() -> None:
    data = codebook([])
    del data["questions"]
    assert "questions" not in cb.codebook_to_json(cb.codebook_from_json(data, "x"))


@pytest.mark.parametrize(("index", "key", "value", "message"), [
    (0, "type", "date", "questions[0].type: unknown question type 'date'"),
    (0, "key", "1bad", "questions[0].key: '1bad' must be a letter"),
    (1, "key", "VICTIMS", "questions[1].key: duplicate question key 'VICTIMS' (also at questions[0].key)"),
    (0, "wording_ar", "English only", "questions[0].wording_ar: 'English only' has no Arabic letter"),
    (0, "options", [opt(30, "a", "A", "أ"), opt(31, "b", "B", "ب")], "questions[0].options: a 'yes_no' question has no options"),
    (2, "options", [opt(30, "a", "A", "أ")], "questions[2].options: a 'single_choice' question needs at least two options"),
    (4, "options", [opt(30, 2, "A", "أ"), opt(31, 1, "B", "ب")], "questions[4].options: scale points must be listed from lowest"),
    (4, "options", [opt(30, "x", "A", "أ"), opt(31, 1, "B", "ب")], "questions[4].options[0].value: a scale point's value is a whole number"),
    (2, "options", [opt(30, "a", "A", "أ"), opt(31, "a", "B", "ب")], "questions[2].options[1].value: duplicate option value"),
    (0, "condition", {"question": "named", "equals": [True]}, "questions[0].condition.question: 'named' is not an earlier question"),
    (1, "condition", {"question": "victims", "equals": ["yes"]}, "questions[1].condition.equals: victims: expected yes or no"),
    (1, "condition", {"question": "victims", "equals": []}, "questions[1].condition.equals: expected a non-empty list"),
    (0, "required", "yes", "questions[0].required: expected true or false"),
    (2, "uuid", U(10), "questions[2].uuid: duplicate UUID"),
])  # fmt: skip
def test_bad_questions_are_named_by_json_path(index: int, key: str, value: object, message: str) -> None:
    data = codebook(copy.deepcopy(QUESTIONS))
    data["questions"][index][key] = value
    with pytest.raises(InputError, match="^" + re.escape("test.json: " + message)):
        cb.codebook_from_json(data, "test.json")


def test_answers_are_checked_and_made_canonical() -> None:
    victims, _, frame, actors, tone, deaths, note = spec().questions
    assert check_answer(victims, True) is True
    assert check_answer(actors, ["rebels", "state", "rebels"]) == ["state", "rebels"]
    assert check_answer(deaths, 12.0) == 12 and check_answer(deaths, 2.5) == 2.5
    assert type(check_answer(tone, 1.0)) is int  # the scale point's own value
    assert check_answer(note, "  a note ") == "a note"
    for q, bad in [(victims, 1), (frame, "other"), (actors, []), (tone, 2), (tone, True), (deaths, "3"),
                   (deaths, float("nan")), (note, " ")]:
        with pytest.raises(AnswerError, match=q.key):
            check_answer(q, bad)


def test_answers_typed_on_the_command_line() -> None:
    victims, _, frame, actors, tone, deaths, _ = spec().questions
    assert parse_answer(victims, "Yes") is True and parse_answer(victims, "لا") is False
    assert parse_answer(frame, "Security") == "security" and parse_answer(frame, "اقتصادي") == "economic"
    assert parse_answer(actors, "rebels, State") == ["state", "rebels"]
    assert parse_answer(tone, "-1") == -1 and parse_answer(tone, "neutral") == 0
    assert parse_answer(deaths, "7") == 7
    with pytest.raises(AnswerError, match="not one of its options"):
        parse_answer(frame, "health")
    assert answer_label(actors, ["state", "rebels"], "ar") == "الدولة; المعارضة المسلحة"
    assert answer_label(tone, -1) == "Negative" and answer_label(victims, False, "ar") == "لا"


def test_conditions_and_required_answers() -> None:
    questions = spec().questions
    victims, named, frame = questions[:3]
    assert not applies(named, {}) and not applies(named, {victims.uuid: False})
    assert applies(named, {victims.uuid: True})
    assert [q.key for q in missing_required(questions, {})] == ["victims", "frame"]
    assert [q.key for q in missing_required(questions, {victims.uuid: False, frame.uuid: "economic"})] == []


def test_frame_score_is_the_mean_of_the_items_that_apply() -> None:
    questions = spec().questions
    victims, named = questions[:2]
    assert [s.group for s in frame_scales(questions)] == ["Human"]
    assert frame_scores(questions, {}) == {"Human": None}
    assert frame_scores(questions, {victims.uuid: False}) == {"Human": 0.0}  # Q 'named' does not apply
    assert frame_scores(questions, {victims.uuid: True}) == {"Human": None}  # applies, unanswered
    assert frame_scores(questions, {victims.uuid: True, named.uuid: False}) == {"Human": 0.5}
