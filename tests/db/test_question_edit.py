"""The codebook editor's question edits: each change and its inverse, checked by the file rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.codebook import QuestionSpec
from annotator.codebook.questions import Condition, OptionSpec, QuestionType
from annotator.db.models import Tombstone, new_uuid
from annotator.db.services.question_edit import (
    answer_count,
    delete_question,
    insert_question,
    move_question,
    replace_question,
    restore_question,
)
from annotator.db.services.questions import list_questions, set_answer
from annotator.errors import ProjectError


def _yes_no(key: str = "victims") -> QuestionSpec:
    return QuestionSpec(uuid=new_uuid(), key=key, type=QuestionType.YES_NO,
                        wording_en="Are victims shown?", wording_ar="هل يظهر ضحايا؟")


def _keys(store) -> list[str]:  # noqa: ANN001
    with store.reader() as session:
        return [q.key for q in list_questions(session)]


def test_insert_delete_restore_keep_place_and_uuid(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    spec = _yes_no()
    with store.transaction() as session:
        insert_question(session, spec, 1)
    assert _keys(store) == ["tone", "victims", "main_actor"]
    with store.transaction() as session:
        removed = delete_question(session, spec.uuid)
    assert _keys(store) == ["tone", "main_actor"] and removed.position == 1
    with store.transaction() as session:
        assert session.get(Tombstone, spec.uuid) is not None
        restore_question(session, removed)
    with store.reader() as session:
        assert list_questions(session)[1] == spec and session.get(Tombstone, spec.uuid) is None


def test_replace_and_move_return_their_inverse(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    with store.transaction() as session:
        tone = list_questions(session)[0]
        previous = replace_question(session, replace(tone, wording_en="Overall tone"))
        assert previous == tone
        assert move_question(session, tone.uuid, 1) == 0
    assert _keys(store) == ["main_actor", "tone"]
    with store.transaction() as session:
        replace_question(session, previous)
        move_question(session, tone.uuid, 0)
    with store.reader() as session:
        assert list_questions(session)[0] == tone


def test_invalid_questions_are_refused_with_one_line(seeded) -> None:  # noqa: ANN001
    store, _ = seeded
    with store.reader() as session:
        tone, actor = list_questions(session)
    bad_key = replace(_yes_no(), key="1bad")
    later = replace(_yes_no(), condition=Condition(question=new_uuid(), equals=[True]))
    for spec, message in ((bad_key, "must be a letter"), (replace(_yes_no(), key="TONE"), "duplicate"),
                          (later, "not an earlier question"),
                          (replace(_yes_no(), type=QuestionType.SINGLE_CHOICE), "at least two options")):
        with pytest.raises(ProjectError, match=message), store.transaction() as session:
            insert_question(session, spec)
    dependent = replace(_yes_no(), condition=Condition(question=actor.uuid, equals=[actor.options[0].value]))
    with store.transaction() as session:
        insert_question(session, dependent)
    with pytest.raises(ProjectError, match="not an earlier question"), store.transaction() as session:
        move_question(session, dependent.uuid, 0)  # before the question it depends on
    with pytest.raises(ProjectError, match="is the condition of"), store.transaction() as session:
        delete_question(session, actor.uuid)
    assert _keys(store) == ["tone", "main_actor", "victims"]


def test_answered_question_keeps_its_answers(seeded) -> None:  # noqa: ANN001
    store, ids = seeded
    doc = ids["documents"]["aleppo-2016-12"]
    with store.transaction() as session:
        tone = list_questions(session)[0]
        set_answer(session, doc, ids["coder_a"], tone.uuid, tone.options[0].value)
    with store.reader() as session:
        assert answer_count(session, tone.uuid) == 1
    with pytest.raises(ProjectError, match="1 answer"), store.transaction() as session:
        delete_question(session, tone.uuid)
    fewer = replace(tone, options=[o for o in tone.options[1:]])
    with pytest.raises(ProjectError, match="would no longer fit"), store.transaction() as session:
        replace_question(session, fewer)
    relabelled = replace(tone, options=[replace(o, label_en=o.label_en.upper()) for o in tone.options])
    with store.transaction() as session:
        replace_question(session, relabelled)  # labels may change: the answers still fit
    with store.reader() as session:
        assert list_questions(session)[0].options == relabelled.options
        assert isinstance(relabelled.options[0], OptionSpec)
