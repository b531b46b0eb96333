"""Document questions in the project: codebook round trip, answers set/clear/undo data, JSONL, CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import annotator.codebook as cb
from annotator.cli import main
from annotator.db.services.answers_io import answer_lines, import_answer_lines
from annotator.db.services.codebook import add_question, apply_codebook, export_codebook
from annotator.db.services.questions import (
    answers_of,
    clear_answer,
    list_answers,
    list_questions,
    remove_question,
    set_answer,
)
from annotator.domain import Layer
from annotator.errors import InputError, ProjectError
from tests.test_questions import QUESTIONS, codebook


def _spec() -> cb.CodebookSpec:
    data = codebook(json.loads(json.dumps(QUESTIONS)))
    return cb.codebook_from_json(data, "q.json")


@pytest.fixture
def project(seeded):  # noqa: ANN001, ANN201
    store, ids = seeded
    with store.transaction() as session:
        for shipped in ("tone", "main_actor"):  # framing-core's own questions, replaced by the test's
            remove_question(session, shipped)
        for question in _spec().questions:
            add_question(session, question)
    return store, ids


def test_questions_travel_with_the_codebook(project) -> None:  # noqa: ANN001
    store, _ = project
    with store.reader() as session:
        exported = export_codebook(session)
        assert exported.questions == _spec().questions
    data = cb.codebook_to_json(exported)
    assert cb.codebook_from_json(data, "x").questions == _spec().questions
    with store.transaction() as session:  # re-applying updates by UUID, keeps the order
        changed = replace(exported, questions=[replace(exported.questions[0], wording_en="Victims shown?")])
        apply_codebook(session, changed)
        questions = list_questions(session)
    assert [q.key for q in questions][:2] == ["victims", "named"] and questions[0].wording_en == "Victims shown?"


def test_set_change_clear_return_what_undo_needs(project) -> None:  # noqa: ANN001
    store, ids = project
    doc, amina, basel = ids["documents"]["aleppo-2016-12"], ids["coder_a"], ids["coder_b"]
    with store.transaction() as session:
        assert set_answer(session, doc, amina, "victims", True) is None
        assert set_answer(session, doc, amina, "actors", ["rebels", "state"]) is None
        assert set_answer(session, doc, basel, "victims", False) is None
    with store.transaction() as session:
        assert set_answer(session, doc, amina, "victims", False) is True
    with store.transaction() as session:
        assert clear_answer(session, doc, amina, "victims") is False
        assert clear_answer(session, doc, amina, "victims") is None
    with store.reader() as session:
        mine = answers_of(session, doc, amina)
        assert list(mine.values()) == [["state", "rebels"]]  # blind: only Amina's
        assert len(list_answers(session)) == 2 and list_answers(session, layer=Layer.GOLD) == []


@pytest.mark.parametrize(("question", "value", "message"), [
    ("victims", "yes", "victims: expected yes or no"),
    ("frame", "health", "not one of its options"),
    ("nothing", True, "unknown question 'nothing'; questions: victims, named"),
])  # fmt: skip
def test_bad_answers_are_refused_and_nothing_is_stored(project, question, value, message) -> None:  # noqa: ANN001
    store, ids = project
    with pytest.raises(ProjectError, match=message), store.transaction() as session:
        set_answer(session, ids["documents"]["aleppo-2016-12"], ids["coder_a"], question, value)
    with store.reader() as session:
        assert list_answers(session) == []


def test_answered_question_cannot_be_removed(project) -> None:  # noqa: ANN001
    store, ids = project
    with store.transaction() as session:
        set_answer(session, ids["documents"]["aleppo-2016-12"], ids["coder_a"], "deaths", 3)
    with pytest.raises(ProjectError, match="has 1 answer"), store.transaction() as session:
        remove_question(session, "deaths")
    with pytest.raises(ProjectError, match="is the condition of named"), store.transaction() as session:
        remove_question(session, "victims")
    with store.transaction() as session:
        remove_question(session, "note")
        assert "note" not in [q.key for q in list_questions(session)]


def test_jsonl_round_trip_and_a_bad_line_imports_nothing(project, tmp_path: Path) -> None:  # noqa: ANN001
    store, ids = project
    with store.transaction() as session:
        set_answer(session, ids["documents"]["aleppo-2016-12"], ids["coder_a"], "tone", -1)
        set_answer(session, ids["documents"]["aleppo-2016-12"], ids["coder_b"], "frame", "security")
        lines = list(answer_lines(session))
    assert sorted((line["coder"], line["question"], line["value"]) for line in lines) == [
        ("Amina", "tone", -1), ("Basel", "frame", "security")]
    good = tmp_path / "answers.jsonl"
    good.write_text('{"document": "aleppo-2016-12", "coder": "Amina", "question": "victims", "value": "yes"}\n'
                    '{"document": "aleppo-2016-12", "coder": "Basel", "question": "deaths", "value": 4}\n', encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": "aleppo-2016-12", "coder": "Amina", "question": "deaths", "value": 5}\n'
                   '{"document": "aleppo-2016-12", "coder": "Amina", "question": "tone", "value": 7}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl.*line 2.*tone: 7 is not one of its options"):
        with store.transaction() as session:
            import_answer_lines(session, bad)
    with store.transaction() as session:
        assert import_answer_lines(session, good) == 2
    with store.reader() as session:
        assert len(list_answers(session)) == 4  # the bad file's first line was not stored


def test_cli_questions_and_answers(project, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    store, _ = project
    path = store.path
    store.close()
    assert main(["questions", str(path), "list"]) == 0
    out = capsys.readouterr().out
    assert "victims" in out and "frame score 'Human' = mean of victims, named" in out
    extra = tmp_path / "q.json"
    extra.write_text(json.dumps({"uuid": "00000000-0000-4000-8000-000000000099", "key": "victims_named",
                                 "type": "yes_no", "wording_en": "Are victims named?", "wording_ar": "هل ذُكرت أسماء الضحايا؟",
                                 "condition": {"question": "victims", "equals": [True]}}), encoding="utf-8")
    assert main(["questions", str(path), "add", str(extra)]) == 0
    assert main(["answers", str(path), "set", "--document", "aleppo-2016-12", "--coder", "Amina", "victims", "yes"]) == 0
    assert main(["answers", str(path), "set", "--document", "aleppo-2016-12", "--coder", "Amina", "frame", "Security"]) == 0
    assert main(["answers", str(path), "set", "--document", "aleppo-2016-12", "--coder", "Amina", "tone", "9"]) == 1
    assert "tone: '9' is not one of its options" in capsys.readouterr().err
    assert main(["answers", str(path), "export", "-"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["question"], r["value"]) for r in rows] == [("victims", True), ("frame", "security")]
    assert main(["questions", str(path), "remove", "victims_named"]) == 0
