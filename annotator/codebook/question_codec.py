"""Document questions in codebook JSON: strict reading (errors name the JSON path) and exact writing.

A question's condition names an *earlier* question (by UUID or key on input, by UUID on output),
so a questionnaire can always be shown top to bottom.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from annotator.codebook.jsonpath import (
    Invalid,
    as_str,
    at,
    brief,
    json_object,
    label_field,
    list_items,
    required,
    text_field,
)
from annotator.codebook.questions import (
    AnswerError,
    Condition,
    OptionSpec,
    QuestionSpec,
    QuestionType,
    check_answer,
    question_by_key_or_uuid,
)

QUESTION_KEYS = (
    "uuid", "key", "type", "wording_en", "wording_ar", "help_en", "help_ar", "required", "group",
    "condition", "options",
)  # fmt: skip
OPTION_KEYS = ("uuid", "value", "label_en", "label_ar")
CONDITION_KEYS = ("question", "equals")
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,31}")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08C9]")

UuidCheck = Callable[[dict[str, Any], str], str]


def question_to_json(question: QuestionSpec) -> dict[str, Any]:
    """The canonical JSON object of one question."""
    condition = None
    if question.condition is not None:
        condition = {"question": question.condition.question, "equals": list(question.condition.equals)}
    return {
        "uuid": question.uuid, "key": question.key, "type": QuestionType(question.type).value,
        "wording_en": question.wording_en, "wording_ar": question.wording_ar,
        "help_en": question.help_en, "help_ar": question.help_ar, "required": question.required,
        "group": question.group, "condition": condition,
        "options": [{"uuid": o.uuid, "value": o.value, "label_en": o.label_en, "label_ar": o.label_ar}
                    for o in question.options],
    }  # fmt: skip


def questions_from_json(obj: dict[str, Any], uuid_of: UuidCheck) -> list[QuestionSpec]:
    """The ``questions`` list of a codebook object; ``uuid_of`` checks and registers each UUID."""
    questions: list[QuestionSpec] = []
    keys: dict[str, str] = {}
    for where, value in list_items(obj, "questions", ""):
        question = _question(value, where, questions, uuid_of)
        folded = question.key.casefold()
        if folded in keys:
            raise Invalid(at(where, "key"), f"duplicate question key {brief(question.key)} (also at {keys[folded]})")
        keys[folded] = at(where, "key")
        questions.append(question)
    return questions


def _question(value: object, where: str, earlier: list[QuestionSpec], uuid_of: UuidCheck) -> QuestionSpec:
    obj = json_object(value, where, QUESTION_KEYS, what="a question")
    uuid = uuid_of(obj, where)
    key = as_str(required(obj, "key", where), at(where, "key"))
    if not _KEY.fullmatch(key):
        raise Invalid(at(where, "key"), f"{brief(key)} must be a letter then up to 31 letters, digits or _")
    kind = _type(obj, where)
    is_required = obj.get("required", False)
    if not isinstance(is_required, bool):
        raise Invalid(at(where, "required"), f"expected true or false, got {brief(is_required)}")
    question = QuestionSpec(
        uuid=uuid, key=key, type=kind, wording_en=label_field(obj, "wording_en", where),
        wording_ar=_arabic(obj, "wording_ar", where), help_en=text_field(obj, "help_en", where),
        help_ar=text_field(obj, "help_ar", where), required=is_required,
        group=text_field(obj, "group", where).strip(), options=_options(obj, where, kind, uuid_of),
    )  # fmt: skip
    condition = _condition(obj.get("condition"), at(where, "condition"), earlier)
    return replace(question, condition=condition)


def _type(obj: dict[str, Any], where: str) -> QuestionType:
    raw = as_str(required(obj, "type", where), at(where, "type"))
    try:
        return QuestionType(raw)
    except ValueError:
        expected = ", ".join(t.value for t in QuestionType)
        raise Invalid(at(where, "type"), f"unknown question type {brief(raw)} (expected one of: {expected})") from None


def _arabic(obj: dict[str, Any], key: str, where: str) -> str:
    text = label_field(obj, key, where)
    if not _ARABIC_LETTER.search(text):
        raise Invalid(at(where, key), f"{brief(text)} has no Arabic letter")
    return text


def _options(obj: dict[str, Any], where: str, kind: QuestionType, uuid_of: UuidCheck) -> list[OptionSpec]:
    items = list_items(obj, "options", where)
    if not kind.has_options:
        if items:
            raise Invalid(at(where, "options"), f"a {kind.value!r} question has no options")
        return []
    if len(items) < 2:
        raise Invalid(at(where, "options"), f"a {kind.value!r} question needs at least two options")
    options: list[OptionSpec] = []
    seen: dict[object, str] = {}
    for item_where, item in items:
        option_obj = json_object(item, item_where, OPTION_KEYS, what="an option")
        value = _option_value(option_obj, item_where, kind)
        if value in seen:
            raise Invalid(at(item_where, "value"), f"duplicate option value {brief(value)} (also at {seen[value]})")
        seen[value] = at(item_where, "value")
        options.append(OptionSpec(uuid=uuid_of(option_obj, item_where), value=value,
                                  label_en=label_field(option_obj, "label_en", item_where),
                                  label_ar=_arabic(option_obj, "label_ar", item_where)))
    if kind is QuestionType.SCALE and [o.value for o in options] != sorted(o.value for o in options):  # type: ignore[type-var]
        raise Invalid(at(where, "options"), "scale points must be listed from lowest to highest value")
    return options


def _option_value(obj: dict[str, Any], where: str, kind: QuestionType) -> str | int:
    raw = required(obj, "value", where)
    if kind is QuestionType.SCALE:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise Invalid(at(where, "value"), f"a scale point's value is a whole number, got {brief(raw)}")
        return raw
    value = as_str(raw, at(where, "value"))
    if not _KEY.fullmatch(value):
        raise Invalid(at(where, "value"), f"{brief(value)} must be a letter then letters, digits or _")
    return value


def _condition(raw: object, where: str, earlier: list[QuestionSpec]) -> Condition | None:
    if raw is None:
        return None
    obj = json_object(raw, where, CONDITION_KEYS, what="a condition")
    name = as_str(required(obj, "question", where), at(where, "question"))
    target = question_by_key_or_uuid(earlier, name)
    if target is None:
        raise Invalid(at(where, "question"), f"{brief(name)} is not an earlier question of the codebook")
    if target.type is QuestionType.TEXT:
        raise Invalid(at(where, "question"), "a condition cannot depend on a text answer")
    equals = required(obj, "equals", where)
    if not isinstance(equals, list) or not equals:
        raise Invalid(at(where, "equals"), "expected a non-empty list of answers")
    single = target
    if target.type is QuestionType.MULTIPLE_CHOICE:
        single = replace(target, type=QuestionType.SINGLE_CHOICE)
    try:
        values = [check_answer(single, value) for value in equals]
    except AnswerError as error:
        raise Invalid(at(where, "equals"), str(error)) from None
    return Condition(question=target.uuid, equals=values)
