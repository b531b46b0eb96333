"""Gold answers to document questions set by a lead (annotator/db/services/adjudication_answers.py):
set, take a coder's, clear, undo/redo, refusals with nothing written, and the automatic run
(re-runnable, never replacing the lead's gold). On a file and on a PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from annotator.adjudication import Strategy
from annotator.codebook import load_template
from annotator.db.models import DocumentAnswer, PackageInfo, Project
from annotator.db.services.adjudication import reapply_change, revert_change
from annotator.db.services.adjudication_answers import (
    clear_gold_answer,
    document_answer_rows,
    set_gold_answer,
    take_answer,
)
from annotator.db.services.adjudication_auto import adjudicate_automatically
from annotator.db.services.codebook import apply_codebook
from annotator.db.services.coders import add_coder
from annotator.db.services.demo import DEMO_CODERS, add_sample_coding
from annotator.db.services.documents import add_articles, list_documents
from annotator.domain import Layer
from annotator.errors import ProjectError
from annotator.importers import iter_article_files, read_articles
from annotator.resources import resource_path

pytestmark = pytest.mark.both_backends
ALEPPO, OPPOSITION, SOCIAL = "aleppo-2016-12", "opposition-view-2016-12", "social-post-2016-12"


@pytest.fixture
def demo(store):  # noqa: ANN001, ANN201 - the coded demo: Layla, Omar (coders), Lead
    with store.transaction() as session:
        apply_codebook(session, load_template("framing-core"))
        ids = {name: add_coder(session, name, role) for name, role in DEMO_CODERS}
        for file in iter_article_files([resource_path("demo")]):
            add_articles(session, read_articles(file))
        add_sample_coding(session, ids)
        documents = {d.external_id: d.uuid for d in list_documents(session)}
    return store, ids, documents


def gold(store, document: str | None = None) -> dict[tuple[str, str], object]:  # noqa: ANN001
    with store.reader() as session:
        rows = session.scalars(select(DocumentAnswer).where(DocumentAnswer.layer == "gold"))
        return {(r.document_id, r.question_id): (r.coder_id, r.value) for r in rows
                if document is None or r.document_id == document}


def question_id(store, key: str) -> str:  # noqa: ANN001
    from annotator.db.services.questions import find_question

    with store.reader() as session:
        return find_question(session, key).uuid


def test_take_set_clear_and_undo_redo(demo) -> None:  # noqa: ANN001
    store, ids, docs = demo
    tone, doc = question_id(store, "tone"), docs[OPPOSITION]
    with store.transaction() as session:
        taken = take_answer(session, lead="Lead", document=OPPOSITION, question="tone", coder="Layla")
    assert gold(store) == {(doc, tone): (ids["Lead"], -2)}
    with store.reader() as session:
        row = next(r for r in document_answer_rows(session, doc) if r.question.key == "tone")
    assert (row.answers, row.agree, row.gold, row.gold_by) == ({"Layla": -2, "Omar": -1}, False, -2, "Lead")
    assert row.gold_at is not None
    with store.transaction() as session:
        changed = set_gold_answer(session, lead="Lead", document=doc, question=tone, value=0)
    assert gold(store) == {(doc, tone): (ids["Lead"], 0)}
    with store.transaction() as session:
        cleared = clear_gold_answer(session, lead="Lead", document=doc, question="tone")
    assert gold(store) == {}
    for change, expected in ((cleared, 0), (changed, -2), (taken, None)):
        with store.transaction() as session:
            revert_change(session, change)
        assert gold(store) == ({} if expected is None else {(doc, tone): (ids["Lead"], expected)})
    with store.transaction() as session:
        reapply_change(session, taken)
        reapply_change(session, changed)
    assert gold(store) == {(doc, tone): (ids["Lead"], 0)}


def test_undo_restores_the_same_row_who_and_when(demo) -> None:  # noqa: ANN001
    store, ids, docs = demo
    with store.transaction() as session:
        first = set_gold_answer(session, lead="Lead", document=SOCIAL, question="main_actor", value="civilian")
    with store.reader() as session:
        before = session.scalars(select(DocumentAnswer).where(DocumentAnswer.layer == "gold")).one()
        before = (before.id, before.coder_id, before.value, before.updated_at)
    with store.transaction() as session:
        second = set_gold_answer(session, lead="Lead", document=SOCIAL, question="main_actor",
                                 value="international")
    with store.transaction() as session:
        revert_change(session, second)
    with store.reader() as session:
        again = session.scalars(select(DocumentAnswer).where(DocumentAnswer.layer == "gold")).one()
        assert (again.id, again.coder_id, again.value, again.updated_at) == before
    assert first.answers[0].after.rows[0].uuid == before[0]


def test_a_gold_answer_from_the_cli_under_another_coder_is_replaced(demo) -> None:  # noqa: ANN001
    from annotator.db.services.questions import set_answer

    store, ids, docs = demo
    tone = question_id(store, "tone")
    with store.transaction() as session:
        set_answer(session, docs[SOCIAL], ids["Omar"], tone, -1, Layer.GOLD)
        change = set_gold_answer(session, lead="Lead", document=SOCIAL, question="tone", value=-2)
    assert gold(store) == {(docs[SOCIAL], tone): (ids["Lead"], -2)}
    with store.transaction() as session:
        revert_change(session, change)
    assert gold(store) == {(docs[SOCIAL], tone): (ids["Omar"], -1)}


@pytest.mark.parametrize(("action", "message"), [
    (lambda s: set_gold_answer(s, lead="Layla", document=SOCIAL, question="tone", value=-1),
     "not a lead"),
    (lambda s: set_gold_answer(s, lead="Lead", document=SOCIAL, question="tone", value=9),
     "not one of its options"),
    (lambda s: set_gold_answer(s, lead="Lead", document=SOCIAL, question="nope", value=1),
     "unknown question"),
    (lambda s: set_gold_answer(s, lead="Lead", document="nowhere", question="tone", value=-1),
     "nowhere"),
    (lambda s: clear_gold_answer(s, lead="Lead", document=SOCIAL, question="tone"),
     "no gold answer to clear"),
    (lambda s: take_answer(s, lead="Lead", document=SOCIAL, question="tone", coder="Lead"),
     "gave no answer"),
])
def test_refusals_write_nothing(demo, action, message) -> None:  # noqa: ANN001
    store, _ids, _docs = demo
    with pytest.raises(ProjectError, match=message):
        with store.transaction() as session:
            action(session)
    assert gold(store) == {}


def test_refused_in_a_coder_package(demo) -> None:  # noqa: ANN001
    store, ids, docs = demo
    with store.transaction() as session:  # what export_package writes into a coder's copy
        session.add(PackageInfo(project_id=session.scalar(select(Project.id)),
                                coder_id=ids["Layla"], coder_name="Layla"))
    with pytest.raises(ProjectError, match="package"):
        with store.transaction() as session:
            set_gold_answer(session, lead="Lead", document=SOCIAL, question="tone", value=-1)
    assert gold(store) == {}


def test_automatic_run_settles_answers_and_a_second_run_adds_nothing(demo) -> None:  # noqa: ANN001
    store, ids, docs = demo
    tone, actor = question_id(store, "tone"), question_id(store, "main_actor")
    with store.transaction() as session:  # the lead's own gold is never replaced
        set_gold_answer(session, lead="Lead", document=ALEPPO, question="tone", value=0)
    with store.transaction() as session:
        report = adjudicate_automatically(session, lead="Lead", strategy=Strategy.UNANIMOUS)
    # Aleppo: both agree on tone (gold already) and main_actor; opposition: on main_actor;
    # social post: on tone
    assert (report.answers.decided, report.answers.already, report.answers.left) == (3, 1, 2)
    assert gold(store) == {(docs[ALEPPO], tone): (ids["Lead"], 0),
                           (docs[ALEPPO], actor): (ids["Lead"], "state"),
                           (docs[OPPOSITION], actor): (ids["Lead"], "non_state_armed"),
                           (docs[SOCIAL], tone): (ids["Lead"], -2)}
    with store.transaction() as session:
        again = adjudicate_automatically(session, lead="Lead", strategy=Strategy.MAJORITY)
    assert (again.answers.decided, again.answers.already, again.answers.left) == (0, 4, 2)
    assert again.change.answers == ()
    with store.transaction() as session:  # the run is one undo step, answers included
        revert_change(session, report.change)
    assert gold(store) == {(docs[ALEPPO], tone): (ids["Lead"], 0)}


def test_automatic_run_can_leave_answers_or_spans_alone(demo) -> None:  # noqa: ANN001
    store, _ids, _docs = demo
    with store.transaction() as session:
        spans_only = adjudicate_automatically(session, lead="Lead", strategy=Strategy.UNANIMOUS,
                                              answers=False)
    assert spans_only.answers.decided == 0 and gold(store) == {}
    with store.transaction() as session:
        answers_only = adjudicate_automatically(session, lead="Lead", strategy=Strategy.UNANIMOUS,
                                                spans=False, documents=[ALEPPO])
        decisions = session.scalar(select(func.count()).select_from(DocumentAnswer)
                                   .where(DocumentAnswer.layer == "gold"))
    assert answers_only.tallies == [] and answers_only.answers.decided == 2 == decisions
