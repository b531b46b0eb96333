"""Assignments: by hand and as a stored, reproducible reliability sample; never destroying work."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.db import open_project
from annotator.db.models import Annotation, Assignment
from annotator.db.services.assignments import (
    RELIABILITY_SAMPLE,
    AssignmentRequest,
    assign_documents,
    restore_assignments,
)
from annotator.db.services.coders import add_coder
from annotator.db.services.demo import build_demo_project
from annotator.db.services.documents import add_articles, list_documents, set_status
from annotator.db.services.progress import progress_json, progress_matrix
from annotator.db.services.projects import get_setting
from annotator.domain import AssignmentStatus
from annotator.errors import ProjectError
from annotator.importers.records import ArticleRecord


pytestmark = pytest.mark.both_backends

@pytest.fixture
def many(store):  # noqa: ANN001, ANN201
    """30 short documents and three coders, nothing assigned."""
    with store.transaction() as session:
        add_articles(session, [ArticleRecord(text=f"نص رقم {i}", source=f"row {i}",
                                             external_id=f"doc-{i:02}") for i in range(30)])
        for name in ("Amina", "Basel", "Carim"):
            add_coder(session, name)
    return store


def _pairs(store) -> set[tuple[str, str]]:  # noqa: ANN001
    with store.reader() as session:
        return set(session.execute(select(Assignment.document_id, Assignment.coder_id)).all())


def _sample_request(**options: object) -> AssignmentRequest:
    return AssignmentRequest(coders=["Amina", "Basel", "Carim"], **options)  # type: ignore[arg-type]


def test_the_sample_is_stored_balanced_and_reproducible(many) -> None:  # noqa: ANN001
    with many.transaction() as session:
        outcome = assign_documents(session, _sample_request(share=0.2, seed=42))
    first = _pairs(many)
    assert len(outcome.sample) == 6 and outcome.seed == 42
    assert sorted(outcome.loads.values()) == [14, 14, 14]  # 6 shared + 24 split three ways
    with many.reader() as session:
        stored = get_setting(session, RELIABILITY_SAMPLE)
    assert stored["documents"] == list(outcome.sample)
    assert (stored["seed"], stored["share"], stored["coder_names"]) == (42, 0.2, ["Amina", "Basel",
                                                                                 "Carim"])
    assert (stored["alpha_min"], stored["p"]) == (0.667, 0.05)
    per_document: dict[str, int] = {}
    for document, _ in first:
        per_document[document] = per_document.get(document, 0) + 1
    assert sorted(per_document.values()) == [1] * 24 + [3] * 6
    with many.transaction() as session:  # the same seed again: the same pairs, nothing changes
        again = assign_documents(session, _sample_request(share=0.2, seed=42))
    assert _pairs(many) == first and (again.added, again.removed) == (0, 0)


def test_without_a_seed_a_fresh_one_is_stored(many) -> None:  # noqa: ANN001
    with many.transaction() as session:
        outcome = assign_documents(session, _sample_request(count=3))
        assert get_setting(session, RELIABILITY_SAMPLE)["seed"] == outcome.seed is not None


def test_by_hand_gives_each_chosen_document_to_each_chosen_coder(many) -> None:  # noqa: ANN001
    with many.transaction() as session:
        outcome = assign_documents(session, AssignmentRequest(
            coders=["Basel"], documents=["doc-03", "doc-07"]))
        assert get_setting(session, RELIABILITY_SAMPLE) is None
    assert (outcome.added, outcome.loads) == (2, {"Basel": 2})
    assert len(_pairs(many)) == 2


def test_assigning_again_keeps_status_and_annotations(tmp_path: Path) -> None:
    path = tmp_path / "demo.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    with store.reader() as session:
        before = session.scalar(select(func.count()).select_from(Annotation))
    with store.transaction() as session:
        outcome = assign_documents(session, AssignmentRequest(coders=["Layla", "Omar"]))
    assert (outcome.added, outcome.kept) == (0, 6)
    with store.reader() as session:
        assert session.scalar(select(func.count()).select_from(Annotation)) == before
        statuses = set(session.scalars(select(Assignment.status)))
    assert statuses == {AssignmentStatus.DONE.value}
    store.close()


def test_taking_a_coded_document_away_is_refused_with_the_count(tmp_path: Path) -> None:
    path = tmp_path / "demo.fannot"
    build_demo_project(path, with_coding=True)
    store = open_project(path)
    before = _pairs(store)
    with store.reader() as session:
        annotations = session.scalar(select(func.count()).select_from(Annotation))
    with pytest.raises(ProjectError, match=r"has \d+ annotations? on document .*--force"):
        with store.transaction() as session:
            assign_documents(session, AssignmentRequest(coders=["Layla", "Omar"], count=1, seed=3))
    assert _pairs(store) == before
    with store.reader() as session:
        assert get_setting(session, RELIABILITY_SAMPLE) is None
    with store.transaction() as session:
        forced = assign_documents(session, AssignmentRequest(coders=["Layla", "Omar"], count=1,
                                                             seed=3, force=True))
    assert forced.removed == 2
    with store.reader() as session:  # the annotations stay; only the assignments went
        assert session.scalar(select(func.count()).select_from(Annotation)) == annotations
    store.close()


def test_uncoded_assignments_may_be_replaced_without_force(many) -> None:  # noqa: ANN001
    with many.transaction() as session:
        assign_documents(session, AssignmentRequest(coders=["Amina", "Basel", "Carim"]))
    with many.transaction() as session:
        outcome = assign_documents(session, _sample_request(count=0, seed=1))
    assert outcome.removed == 60 and len(_pairs(many)) == 30


def test_undo_restores_assignments_statuses_and_the_stored_sample(many) -> None:  # noqa: ANN001
    with many.transaction() as session:
        assign_documents(session, _sample_request(count=5, seed=9))
        document = list_documents(session)[0].uuid
        coder = progress_matrix(session).coder_ids[0]
        set_status(session, document, coder, AssignmentStatus.IN_PROGRESS)
        stored = get_setting(session, RELIABILITY_SAMPLE)
    before = _pairs(many)
    with many.transaction() as session:
        outcome = assign_documents(session, _sample_request(share=0.5, seed=10))
    assert _pairs(many) != before
    with many.transaction() as session:
        restore_assignments(session, outcome.previous)
    assert _pairs(many) == before
    with many.reader() as session:
        assert get_setting(session, RELIABILITY_SAMPLE) == stored
        assert session.scalar(select(Assignment.status).where(
            Assignment.document_id == document, Assignment.coder_id == coder)) == "in_progress"


@pytest.mark.parametrize(("request_", "message"), [
    (AssignmentRequest(coders=["Nobody"]), "unknown coder"),
    (AssignmentRequest(coders=["Amina"], count=2), "at least two coders"),
    (AssignmentRequest(coders=["Amina", "Basel"], count=31), "more than the 30"),
    (AssignmentRequest(coders=["Amina", "Basel"], documents=["nope"]), "unknown document"),
    (AssignmentRequest(coders=["Amina", "Basel"], share=0.2, alpha_min=1.2), "α_min"),
])
def test_bad_requests_are_refused_with_one_line(many, request_: AssignmentRequest,  # noqa: ANN001
                                                message: str) -> None:
    with pytest.raises(ProjectError, match=message):
        with many.transaction() as session:
            assign_documents(session, request_)
    assert _pairs(many) == set()


def test_progress_marks_the_sample_and_totals_per_coder(many) -> None:  # noqa: ANN001
    with many.transaction() as session:
        outcome = assign_documents(session, _sample_request(count=3, seed=5))
    with many.reader() as session:
        matrix = progress_matrix(session)
    assert matrix.coder_names == ("Amina", "Basel", "Carim")
    assert {r.document_id for r in matrix.rows if r.in_sample} == set(outcome.sample)
    assert [t.assigned for t in matrix.totals] == [12, 12, 12]
    assert all(cell.last_change is not None for r in matrix.rows for cell in r.cells
               if cell.status is not None)
    data = progress_json(matrix)
    assert data["totals"]["Amina"]["todo"] == 12
    assert sum(d["in_sample"] for d in data["documents"]) == 3
