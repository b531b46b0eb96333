"""Answers travel in coder packages and merge back by (document, question), with conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.db import open_project
from annotator.db.services.lookup import find_coder, find_document
from annotator.db.services.questions import answers_of, set_answer
from tests.package_helpers import run


def _answers(path: Path, coder: str, document: str = "aleppo-2016-12") -> dict[str, object]:
    from annotator.db.services.questions import list_questions

    store = open_project(path)
    try:
        with store.reader() as session:
            keys = {q.uuid: q.key for q in list_questions(session)}
            mine = answers_of(session, find_document(session, document).id, find_coder(session, coder).id)
        return {keys[k]: v for k, v in mine.items()}
    finally:
        store.close()


def _set(path: Path, coder: str, key: str, value: object, document: str = "aleppo-2016-12") -> None:
    store = open_project(path)
    try:
        with store.transaction() as session:
            set_answer(session, find_document(session, document).id, find_coder(session, coder).id, key, value)
    finally:
        store.close()


@pytest.fixture
def round_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    project, package = tmp_path / "demo.fannot", tmp_path / "layla.fannot"
    assert run(capsys, "demo", project, "--with-coding")[0] == 0
    assert run(capsys, "package", "export", project, "--coder", "Layla", package)[0] == 0
    return project, package


def test_package_carries_only_the_coders_answers_and_merge_brings_changes_back(round_files, capsys) -> None:  # noqa: ANN001
    project, package = round_files
    assert _answers(package, "Layla") == {"tone": -1, "main_actor": "state"}
    store = open_project(package)
    with store.reader() as session:
        from annotator.db.services.questions import list_answers
        assert {a.coder_id for a in list_answers(session)} == {find_coder(session, "Layla").id}
    store.close()
    _set(package, "Layla", "tone", -2)           # updated
    _set(package, "Layla", "main_actor", None)   # cleared
    _set(package, "Layla", "tone", 0, document="social-post-2016-12")
    code, out, err = run(capsys, "package", "merge", project, package, "--json")
    assert code == 0, err
    (report,) = json.loads(out)
    assert report["totals"]["updated"] == 2 and report["totals"]["deleted"] == 1
    assert _answers(project, "Layla") == {"tone": -2}
    assert _answers(project, "Layla", "social-post-2016-12")["tone"] == 0
    assert _answers(project, "Omar") == {"tone": -1, "main_actor": "state"}  # untouched
    code, out, _ = run(capsys, "package", "merge", project, package, "--json")
    assert code == 0  # merging again changes nothing
    assert _answers(project, "Layla") == {"tone": -2}


def test_an_answer_changed_on_both_sides_is_a_conflict_and_the_project_keeps_its_own(round_files, capsys) -> None:  # noqa: ANN001
    project, package = round_files
    _set(package, "Layla", "tone", 1)
    _set(project, "Layla", "tone", -2)
    code, out, err = run(capsys, "package", "merge", project, package)
    assert code == 0, err
    assert _answers(project, "Layla")["tone"] == -2
    code, out, _ = run(capsys, "package", "conflicts", project, "--json")
    rows = json.loads(out)
    assert [(c["entity"], c["package_version"]["value"]) for c in rows] == [("answer", 1)]
