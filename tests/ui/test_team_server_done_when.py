"""Issue 13's "done when" in one run, on a real PostgreSQL server: three coders (each in a process
of their own, logged in as their own role) and a lead in the app code the demo project at the same
time; each coder sees only their own work, even by raw SQL; the lead's progress window follows
live; the server project copies back to a file intact. Saves tests/artifacts/team-server.png."""

from __future__ import annotations

import multiprocessing
import uuid
from pathlib import Path

from sqlalchemy import make_url, select, text

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Annotation, Coder, Document
from annotator.db.services.annotations import create_annotation, list_annotations
from annotator.db.services.codebook import code_ids_by_path
from tests.pg_support import _admin, role_url

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
PER_CODER = 40


def _code_as(url: str, coder: str, count: int) -> tuple[list[str], list[str], int]:
    """A coder's process: ``count`` spans, each its own commit; then what this login can see
    through the services and by counting rows in SQL."""
    store = open_project(url)
    try:
        with store.reader() as session:
            coder_id = session.scalar(select(Coder.id).where(Coder.name == coder))
            documents = session.execute(select(Document.id, Document.length)).all()
            codes = list(code_ids_by_path(session).values())
        made = []
        for i in range(count):
            document_id, length = documents[i % len(documents)]
            start = (i * 11) % (length - 6)
            made.append(store.write(lambda session, d=document_id, s=start, c=codes[i % len(codes)]:  # noqa: ANN001
                                    create_annotation(session, document_id=d, coder_id=coder_id,
                                                      code_id=c, start=s, end=s + 5).uuid))
        with store.reader() as session:
            visible = [a.uuid for a in list_annotations(session)]
            counted = int(session.execute(text("SELECT count(*) FROM annotation")).scalar_one())
        return made, visible, counted
    finally:
        store.close()


def _totals(progress) -> dict[str, int]:  # noqa: ANN001
    matrix = progress.model.matrix
    return {name: total.annotations for name, total in zip(matrix.coder_names, matrix.totals)}


def _annotation_ids(location: str | Path) -> dict[str, tuple[str, int, int, str]]:
    store = open_project(location)
    try:
        with store.reader() as session:
            rows = session.execute(select(Annotation.id, Annotation.coder_id, Annotation.start,
                                          Annotation.end, Annotation.code_id)).all()
        return {row[0]: tuple(row[1:]) for row in rows}
    finally:
        store.close()


def _code_as_lead_in_the_window(window, code_named) -> None:  # noqa: ANN001
    for word in ("الجيش", "حلب"):
        start = window.state.text.index(word)
        window.view.select_span(start, start + len(word))
        assert window.apply_code(code_named(window, "Actor/State"))


def test_three_coders_and_a_lead_code_at_once_on_a_server(qtbot, open_window, code_named,  # noqa: ANN001
                                                          pg_demo_team, pg_admin_url: str,
                                                          tmp_path: Path) -> None:
    owner, sara_role = pg_demo_team["owner"], f"sara_{uuid.uuid4().hex[:6]}"
    assert main(["server", "coder", owner, "add", "Sara", "--role", sara_role]) == 0
    try:
        _code_together(qtbot, open_window, code_named, pg_demo_team, sara_role, tmp_path)
    finally:
        _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {make_url(owner).database} WITH (FORCE)",
               f'DROP ROLE IF EXISTS "{sara_role}"')


def _code_together(qtbot, open_window, code_named, pg_demo_team, sara_role: str,  # noqa: ANN001
                   tmp_path: Path) -> None:
    from annotator.ui.progress import open_progress_window

    owner = pg_demo_team["owner"]
    team = {"Layla": pg_demo_team["Layla"], "Omar": pg_demo_team["Omar"],
            "Sara": role_url(owner, sara_role)}
    window = open_window(None, path=pg_demo_team["Lead"])
    progress = open_progress_window(window)
    assert progress.live.active
    before = _totals(progress)
    with multiprocessing.get_context("spawn").Pool(len(team)) as pool:
        coding = pool.starmap_async(_code_as, [(url, name, PER_CODER) for name, url in team.items()])
        _code_as_lead_in_the_window(window, code_named)  # while the coders commit
        qtbot.waitUntil(coding.ready, timeout=120_000)
        results = dict(zip(team, coding.get()))
    after = {name: before.get(name, 0) + PER_CODER for name in team}
    qtbot.waitUntil(lambda: all(_totals(progress)[n] == after[n] for n in team), timeout=10_000)
    assert _totals(progress)["Lead"] == before.get("Lead", 0) + 2

    on_server = _annotation_ids(owner)
    coder_ids = {name: _coder_id(owner, name) for name in team}
    for name, (made, visible, counted) in results.items():
        own = {i for i, row in on_server.items() if row[0] == coder_ids[name]}
        assert set(made) <= own and len(made) == PER_CODER
        assert set(visible) == own and counted == len(own)  # nobody else's row, whatever the way
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert progress.grab().save(str(ARTIFACTS / "team-server.png"))
    progress.close()
    window.close()  # before the database goes

    back = tmp_path / "back.fannot"
    assert main(["server", "copy", owner, str(back)]) == 0
    assert _annotation_ids(back) == on_server


def _coder_id(location: str, name: str) -> str:
    store = open_project(location)
    try:
        with store.reader() as session:
            return str(session.scalar(select(Coder.id).where(Coder.name == name)))
    finally:
        store.close()
