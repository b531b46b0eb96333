"""Removing an answered document question with its answers: what the confirmation counts, one
transaction, and the restore that puts back the question at its place with every answer as it was."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from annotator.codebook.questions import Condition
from annotator.db.models import DocumentAnswer, Tombstone, new_uuid
from annotator.db.services.question_edit import insert_question
from annotator.db.services.question_remove import (
    delete_question_with_answers,
    question_usage,
    restore_question_with_answers,
)
from annotator.db.services.questions import list_questions, set_answer
from annotator.domain import Layer
from annotator.errors import ProjectError
from test_question_edit import _yes_no


def _answers(store) -> list[tuple]:  # noqa: ANN001
    with store.reader() as session:
        return [(a.id, a.document_id, a.coder_id, a.question_id, a.layer, a.value, a.created_at,
                 a.updated_at) for a in session.scalars(select(DocumentAnswer).order_by(DocumentAnswer.id))]


@pytest.fixture
def answered(seeded):  # noqa: ANN001, ANN201 - (store, ids, tone)
    """Tone answered by Amina on two documents, Basel on one, and one gold answer."""
    store, ids = seeded
    first, second = list(ids["documents"].values())[:2]
    with store.transaction() as session:
        tone, actor = list_questions(session)
        for document, coder, layer in ((first, "coder_a", Layer.CODING), (second, "coder_a", Layer.CODING),
                                       (first, "coder_b", Layer.CODING), (second, "coder_b", Layer.GOLD)):
            set_answer(session, document, ids[coder], tone.uuid, tone.options[0].value, layer)
        set_answer(session, first, ids["coder_a"], actor.uuid, actor.options[0].value)
    return store, ids, tone


def test_usage_counts_answers_coders_and_gold(answered) -> None:  # noqa: ANN001
    store, _, tone = answered
    with store.reader() as session:
        usage = question_usage(session, "tone")
    assert (usage.key, usage.answers, usage.coders, usage.gold, usage.total) == ("tone", 3, 2, 1, 4)
    assert usage.uuid == tone.uuid and usage.dependants == ()


def test_remove_with_answers_then_restore_exactly(answered) -> None:  # noqa: ANN001
    store, _, tone = answered
    before = _answers(store)
    with store.transaction() as session:
        removed = delete_question_with_answers(session, "tone")
    assert removed.question.position == 0 and len(removed.answers) == 4
    with store.reader() as session:
        assert [q.key for q in list_questions(session)] == ["main_actor"]
        assert session.get(Tombstone, tone.uuid) is not None
    assert [row[3] for row in _answers(store)] == [list_questions_uuid(store, "main_actor")]
    with store.transaction() as session:
        assert restore_question_with_answers(session, removed) == tone.uuid
    assert _answers(store) == before  # same UUIDs, values and timestamps
    with store.reader() as session:
        assert list_questions(session)[0] == tone and session.get(Tombstone, tone.uuid) is None
    with store.transaction() as session:  # redo: the same removal again
        assert len(delete_question_with_answers(session, tone.uuid).answers) == 4


def list_questions_uuid(store, key: str) -> str:  # noqa: ANN001
    with store.reader() as session:
        return next(q.uuid for q in list_questions(session) if q.key == key)


def test_a_condition_keeps_it_and_nothing_is_written(answered) -> None:  # noqa: ANN001
    store, _, tone = answered
    dependent = replace(_yes_no(), uuid=new_uuid(),
                        condition=Condition(question=tone.uuid, equals=[tone.options[0].value]))
    with store.transaction() as session:
        insert_question(session, dependent)
    before = _answers(store)
    with store.reader() as session:
        assert question_usage(session, "tone").dependants == ("victims",)
    with pytest.raises(ProjectError, match="is the condition of victims"), store.transaction() as session:
        delete_question_with_answers(session, "tone")
    assert _answers(store) == before
    with store.reader() as session:
        assert [q.key for q in list_questions(session)] == ["tone", "main_actor", "victims"]


def test_unknown_question_is_one_line(answered) -> None:  # noqa: ANN001
    store, _, _ = answered
    with pytest.raises(ProjectError, match="unknown question 'nope'"), store.transaction() as session:
        delete_question_with_answers(session, "nope")
