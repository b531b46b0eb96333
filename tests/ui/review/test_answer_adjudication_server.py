"""The Document questions tab on a team server (PostgreSQL, one login role each): the lead's
window reloads when a coder changes an answer, and the lead's gold answer goes through the
lead's own role with Undo. Skipped without a test server (tests/pg_support.py)."""

from __future__ import annotations

from sqlalchemy import select

from annotator.db import open_project
from annotator.db.models import DocumentAnswer
from annotator.db.services.coders import list_coders
from annotator.db.services.lookup import find_coder, find_document
from annotator.db.services.questions import set_answer
from annotator.ui.review import open_review_window

DOCUMENT = "social-post-2016-12"


def _answer_as(url: str, coder: str, question: str, value: object) -> None:
    store = open_project(url)
    try:
        with store.transaction() as session:
            set_answer(session, find_document(session, DOCUMENT).id,
                       find_coder(session, coder).id, question, value)
    finally:
        store.close()


def _gold(url: str) -> list[object]:
    store = open_project(url)
    try:
        with store.reader() as session:
            return list(session.scalars(select(DocumentAnswer.value)
                                        .where(DocumentAnswer.layer == "gold")))
    finally:
        store.close()


def test_the_tab_reloads_live_and_the_lead_sets_gold(qtbot, pg_demo_team) -> None:  # noqa: ANN001
    from annotator.db.services.questions import find_question

    url = pg_demo_team["Lead"]
    store = open_project(url)
    try:
        with store.reader() as session:
            lead = next(c for c in list_coders(session) if c.name == "Lead")
            document_id = find_document(session, DOCUMENT).id
            tone = find_question(session, "tone").uuid
    finally:
        store.close()
    window = open_review_window(url, lead=lead, document_id=document_id)
    qtbot.addWidget(window)
    try:
        panel = window.answers
        assert window.live.active
        row = next(r for r in panel.rows if r.question.key == "tone")
        assert row.agree is True and row.answers["Layla"] == -2
        with qtbot.waitSignal(window.live.changed, timeout=5000):
            _answer_as(pg_demo_team["Layla"], "Layla", tone, 0)
        qtbot.waitUntil(lambda: next(r for r in panel.rows
                                     if r.question.key == "tone").agree is False, timeout=5000)
        assert panel.select_question("tone") and panel.take(0)  # Layla's new answer
        assert _gold(pg_demo_team["owner"]) == [0]
        window.adjudication.adjudicator.undo_stack.undo()
        assert _gold(pg_demo_team["owner"]) == []
    finally:
        window.close()
