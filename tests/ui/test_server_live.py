"""Live views on a server: the lead's progress matrix, review and agreement windows refresh when
a coder commits elsewhere (LISTEN/NOTIFY, no polling). Saves tests/artifacts/server-live-progress.png."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from annotator.db import open_project
from annotator.db.models import Coder, Document
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import code_ids_by_path

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _commit_as_layla(url: str) -> None:
    store = open_project(url)
    try:
        with store.transaction() as session:
            document_id = session.scalar(select(Document.id).order_by(Document.position))
            coder_id = session.scalar(select(Coder.id).where(Coder.name == "Layla"))
            code_id = next(iter(code_ids_by_path(session).values()))
            create_annotation(session, document_id=document_id, coder_id=coder_id,
                              code_id=code_id, start=1, end=4)
    finally:
        store.close()


def _layla_total(progress) -> int:  # noqa: ANN001
    matrix = progress.model.matrix
    return matrix.totals[matrix.coder_names.index("Layla")].annotations


def test_the_lead_views_refresh_when_a_coder_commits(qtbot, open_window, pg_demo_team) -> None:  # noqa: ANN001
    from annotator.ui.actions import open_agreement_for, open_review_for
    from annotator.ui.progress import open_progress_window

    window = open_window(None, path=pg_demo_team["Lead"])
    assert window.workspace.coder.name == "Lead"
    progress = open_progress_window(window)
    review = open_review_for(window)
    agreement = open_agreement_for(window)
    qtbot.waitUntil(lambda: not agreement.busy, timeout=20_000)
    assert progress.live.active and review.live.active and agreement.live.active
    before = _layla_total(progress)
    shown, report = review.data, agreement.report
    assert shown is not None and report is not None
    with qtbot.waitSignals([progress.live.changed, review.live.changed, agreement.live.changed],
                           timeout=5000):
        _commit_as_layla(pg_demo_team["Layla"])
    qtbot.waitUntil(lambda: _layla_total(progress) == before + 1, timeout=5000)
    qtbot.waitUntil(lambda: review.data is not shown, timeout=5000)  # reloaded
    qtbot.waitUntil(lambda: agreement.report is not report and not agreement.busy,
                    timeout=20_000)  # recomputed
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert progress.grab().save(str(ARTIFACTS / "server-live-progress.png"))
    for view in (review, agreement, progress):
        view.close()


def test_a_file_project_has_no_listener(qtbot, open_window) -> None:  # noqa: ANN001
    from annotator.ui.progress import open_progress_window

    window = open_window("Lead")
    progress = open_progress_window(window)
    assert not progress.live.active
    progress.close()


def test_a_lost_listener_says_so_and_comes_back(qtbot, open_window, pg_demo_team,  # noqa: ANN001
                                                monkeypatch) -> None:
    """The server ends the listening connection (a restart, a network gone): the view says live
    updates are paused, listens again on its own and refreshes, then follows commits again."""
    from annotator.ui import live
    from annotator.ui.progress import open_progress_window

    monkeypatch.setattr(live, "RETRY_SECONDS", (1,))
    window = open_window(None, path=pg_demo_team["Lead"])
    progress = open_progress_window(window)
    progress.show()
    listening = progress.live.listener._connection.info.backend_pid
    admin = open_project(pg_demo_team["owner"])
    try:
        with admin.transaction() as session:
            session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": listening})
    finally:
        admin.close()
    qtbot.waitUntil(lambda: progress.live.notice.isVisible(), timeout=5000)
    assert progress.live.lost and "paused" in progress.live.notice.text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert progress.grab().save(str(ARTIFACTS / "server-live-lost.png"))
    with qtbot.waitSignal(progress.live.changed, timeout=10_000) as caught:
        pass  # listening again: a refresh, since commits meanwhile were not announced
    assert caught.args == [live.EVERYTHING]
    assert progress.live.active and not progress.live.notice.isVisible()
    before = _layla_total(progress)
    with qtbot.waitSignal(progress.live.changed, timeout=5000):
        _commit_as_layla(pg_demo_team["Layla"])
    qtbot.waitUntil(lambda: _layla_total(progress) == before + 1, timeout=5000)
    progress.close()
