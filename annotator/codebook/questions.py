"""Document-level questions: per-article variables a coder answers beside the text.

A question has a type (yes/no, single choice, multiple choice, ordinal scale with labelled points,
number, short text), Arabic and English wording and help, a ``required`` flag and an optional
condition (ask it only when an earlier question's answer is one of some values). Questions of one
``group`` whose items are all yes/no or scale/number form a *frame scale*: its score for one
document and coder is the mean of its items (Semetko & Valkenburg 2000), defined only when every
item that applies has an answer.

Answer values are plain JSON: ``true``/``false`` for yes/no, the option's ``value`` (a string) for a
single choice, a sorted list of option values for a multiple choice, the point's integer value for a
scale, a number for a number, a string for a short text. :func:`check_answer` enforces that.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Answer = bool | str | int | float | list[str]
MAX_TEXT = 2000


class QuestionType(StrEnum):
    YES_NO = "yes_no"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SCALE = "scale"
    NUMBER = "number"
    TEXT = "text"

    @property
    def level(self) -> str:
        """Krippendorff's level of measurement of the answers (multiple choice: per option, nominal)."""
        return _LEVELS[self]

    @property
    def has_options(self) -> bool:
        return self in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.SCALE)


_LEVELS = {
    QuestionType.YES_NO: "nominal", QuestionType.SINGLE_CHOICE: "nominal",
    QuestionType.MULTIPLE_CHOICE: "nominal", QuestionType.SCALE: "ordinal",
    QuestionType.NUMBER: "interval", QuestionType.TEXT: "",
}  # fmt: skip


@dataclass(frozen=True)
class OptionSpec:
    """One choice or scale point; ``value`` is what answers store (an integer for scale points)."""

    uuid: str
    value: str | int
    label_en: str
    label_ar: str


@dataclass(frozen=True)
class Condition:
    """Ask the question only when the answer to ``question`` (a UUID) is one of ``equals``."""

    question: str
    equals: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class QuestionSpec:
    """One document-level question; ``key`` is its short name in exports (``sv_q1``)."""

    uuid: str
    key: str
    type: QuestionType
    wording_en: str
    wording_ar: str
    help_en: str = ""
    help_ar: str = ""
    required: bool = False
    group: str = ""
    condition: Condition | None = None
    options: list[OptionSpec] = field(default_factory=list)


@dataclass(frozen=True)
class FrameScale:
    """A group of numeric items whose mean is the group's score."""

    group: str
    items: tuple[QuestionSpec, ...]


class AnswerError(ValueError):
    """An answer that does not fit its question."""


# ---------------------------------------------------------------- answers


def check_answer(question: QuestionSpec, value: object) -> Answer:
    """The canonical form of ``value`` as an answer to ``question``; ``AnswerError`` if it does not fit."""
    kind = question.type
    if kind is QuestionType.YES_NO:
        if not isinstance(value, bool):
            raise AnswerError(f"{question.key}: expected yes or no (true/false), got {value!r}")
        return value
    if kind is QuestionType.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise AnswerError(f"{question.key}: expected a number, got {value!r}")
        return int(value) if float(value).is_integer() else float(value)
    if kind is QuestionType.TEXT:
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise AnswerError(f"{question.key}: expected a non-empty text of at most {MAX_TEXT} characters")
        return value.strip()
    allowed = [option.value for option in question.options]
    if kind is QuestionType.MULTIPLE_CHOICE:
        if not isinstance(value, list | tuple) or not value:
            raise AnswerError(f"{question.key}: expected a non-empty list of options, got {value!r}")
        chosen = [_one_option(question, v, allowed) for v in value]
        return sorted(set(chosen), key=allowed.index)  # type: ignore[arg-type]
    return _one_option(question, value, allowed)


def _one_option(question: QuestionSpec, value: object, allowed: list[str | int]) -> str | int:
    matches = [v for v in allowed if not isinstance(value, bool) and v == value
               and isinstance(v, str) == isinstance(value, str)]
    if not matches:
        shown = ", ".join(str(v) for v in allowed)
        raise AnswerError(f"{question.key}: {value!r} is not one of its options ({shown})")
    return matches[0]  # the option's own value: 2.0 for a scale point is stored as 2


def parse_answer(question: QuestionSpec, text: str) -> Answer:
    """An answer typed on the command line: ``yes``/``no``, an option value or label, ``a,b``, 3.5."""
    raw = text.strip()
    kind = question.type
    if kind is QuestionType.YES_NO:
        words = {"yes": True, "y": True, "true": True, "1": True, "نعم": True,
                 "no": False, "n": False, "false": False, "0": False, "لا": False}
        if raw.casefold() not in words:
            raise AnswerError(f"{question.key}: expected yes or no, got {text!r}")
        return words[raw.casefold()]
    if kind is QuestionType.NUMBER:
        try:
            return check_answer(question, float(raw))
        except ValueError:
            raise AnswerError(f"{question.key}: expected a number, got {text!r}") from None
    if kind is QuestionType.TEXT:
        return check_answer(question, raw)
    if kind is QuestionType.MULTIPLE_CHOICE:
        return check_answer(question, [_option_named(question, part) for part in raw.split(",")])
    return check_answer(question, _option_named(question, raw))


def _option_named(question: QuestionSpec, text: str) -> str | int:
    wanted = text.strip().casefold()
    for option in question.options:
        if wanted in (str(option.value).casefold(), option.label_en.casefold(), option.label_ar):
            return option.value
    shown = ", ".join(str(option.value) for option in question.options)
    raise AnswerError(f"{question.key}: {text.strip()!r} is not one of its options ({shown})")


def numeric_value(question: QuestionSpec, value: Answer) -> float | None:
    """The answer as a number for scales and means (yes = 1, no = 0), or ``None``."""
    if question.type is QuestionType.YES_NO and isinstance(value, bool):
        return 1.0 if value else 0.0
    if question.type in (QuestionType.SCALE, QuestionType.NUMBER) and not isinstance(value, bool):
        return float(value) if isinstance(value, int | float) else None
    return None


def answer_label(question: QuestionSpec, value: Answer, language: str = "en") -> str:
    """A readable form of an answer (option labels in the chosen language)."""
    if question.type is QuestionType.YES_NO:
        return ({True: "نعم", False: "لا"} if language == "ar" else {True: "yes", False: "no"})[bool(value)]
    labels = {o.value: (o.label_ar if language == "ar" else o.label_en) for o in question.options}
    if isinstance(value, list):
        return "; ".join(labels.get(v, str(v)) for v in value)
    return labels.get(value, str(value)) if question.type.has_options else str(value)


# ---------------------------------------------------------------- conditions and completeness


def applies(question: QuestionSpec, answers: Mapping[str, Answer]) -> bool:
    """Whether the question is asked given the answers so far (keyed by question UUID)."""
    if question.condition is None:
        return True
    given = answers.get(question.condition.question)
    if given is None:
        return False
    if isinstance(given, list):
        return any(v in question.condition.equals for v in given)
    return any(given == v and type(given) is type(v) for v in question.condition.equals)


def missing_required(questions: Sequence[QuestionSpec], answers: Mapping[str, Answer]) -> list[QuestionSpec]:
    """Required questions that apply and have no answer, in order."""
    return [q for q in questions if q.required and q.uuid not in answers and applies(q, answers)]


# ---------------------------------------------------------------- frame scales


def frame_scales(questions: Sequence[QuestionSpec]) -> list[FrameScale]:
    """Groups of two or more questions that are all yes/no, scale or number, in first-seen order."""
    groups: dict[str, list[QuestionSpec]] = {}
    for question in questions:
        if question.group:
            groups.setdefault(question.group, []).append(question)
    numeric = (QuestionType.YES_NO, QuestionType.SCALE, QuestionType.NUMBER)
    return [FrameScale(name, tuple(items)) for name, items in groups.items()
            if len(items) >= 2 and all(q.type in numeric for q in items)]


def frame_scale_name(group: str) -> str:
    """The variable name of a group's score: ``score_`` and the group's letters and digits (``score_conflict``)."""
    slug = re.sub(r"[^a-z0-9]+", "_", group.casefold()).strip("_")
    return f"score_{slug or 'group'}"[:64]


def frame_score(scale: FrameScale, answers: Mapping[str, Answer]) -> float | None:
    """Mean of the items that apply; ``None`` if any of them is unanswered (or none applies)."""
    values: list[float] = []
    for item in scale.items:
        if not applies(item, answers):
            continue
        value = answers.get(item.uuid)
        number = None if value is None else numeric_value(item, value)
        if number is None:
            return None
        values.append(number)
    return sum(values) / len(values) if values else None


def frame_scores(questions: Sequence[QuestionSpec], answers: Mapping[str, Answer]) -> dict[str, float | None]:
    """Every frame scale's score for one document and coder."""
    return {scale.group: frame_score(scale, answers) for scale in frame_scales(questions)}


def question_by_key_or_uuid(questions: Sequence[QuestionSpec], name: str) -> QuestionSpec | None:
    """The question a key (case-insensitive) or UUID names."""
    wanted = name.strip().casefold()
    return next((q for q in questions if wanted in (q.uuid, q.key.casefold())), None)
