"""Answers as JSON Lines: ``{"document", "coder", "question", "value", "layer"}`` per line.

Import checks every line before writing any (a bad line names its line and nothing is stored);
export writes document UUID, external id, coder name, question key and UUID, and the value.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.codebook.questions import AnswerError, QuestionSpec, QuestionType, check_answer, parse_answer
from annotator.db.models import Coder, Document
from annotator.db.services.lookup import find_coder, find_document
from annotator.db.services.questions import find_question, list_answers, list_questions, set_answer
from annotator.domain import Layer
from annotator.errors import InputError, ProjectError

ANSWER_KEYS = ("document", "coder", "question", "value", "layer")


def answer_lines(session: Session, layer: Layer | None = Layer.CODING) -> Iterator[dict[str, Any]]:
    """Every stored answer as one export object."""
    questions = {q.uuid: q for q in list_questions(session)}
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    external = dict(session.execute(select(Document.id, Document.external_id)).all())
    for row in list_answers(session, layer=layer):
        yield {"document": row.document_id, "external_id": external.get(row.document_id),
               "coder": coders[row.coder_id], "question": questions[row.question_id].key,
               "question_uuid": row.question_id, "value": row.value, "layer": row.layer.value}


def import_answer_lines(session: Session, path: Path) -> int:
    """Store every answer of a JSONL file (one transaction, the caller's); returns the count."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the file: {error}") from None
    planned: list[tuple[str, str, str, Any, Layer]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            planned.append(_planned(session, path, number, line))
    if not planned:
        raise InputError(path, "the file contains no answers")
    for document_id, coder_id, question_id, value, layer in planned:
        set_answer(session, document_id, coder_id, question_id, value, layer)
    return len(planned)


def _planned(session: Session, path: Path, number: int, line: str) -> tuple[str, str, str, Any, Layer]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(path, f"invalid JSON: {error.msg} (column {error.colno})", line=number) from None
    if not isinstance(obj, dict):
        raise InputError(path, "expected a JSON object {…}", line=number)
    extra = sorted(set(obj) - {*ANSWER_KEYS, "external_id", "question_uuid"})
    if extra:
        raise InputError(path, f"unknown key(s) {', '.join(extra)} (expected: {', '.join(ANSWER_KEYS)})", line=number)
    try:
        for key in ("document", "coder", "question"):
            if not isinstance(obj.get(key), str):
                raise ProjectError(f"{key!r} must be a string naming the {key}")
        document = find_document(session, obj["document"])
        coder = find_coder(session, obj["coder"])
        question = find_question(session, obj.get("question_uuid") or obj["question"])
        layer = Layer(obj.get("layer", Layer.CODING.value))
        return document.id, coder.id, question.uuid, _value(question, obj.get("value")), layer
    except (ProjectError, AnswerError, ValueError) as error:
        raise InputError(path, str(error), line=number) from None


def _value(question: QuestionSpec, value: object) -> Any:
    """The value as stored: JSON values as they are; a string is also read as typed (``"yes"``)."""
    if value is None:
        raise AnswerError(f"{question.key}: 'value' is missing (null)")
    try:
        return check_answer(question, value)
    except AnswerError:
        if isinstance(value, str) and question.type is not QuestionType.TEXT:
            return parse_answer(question, value)
        raise
