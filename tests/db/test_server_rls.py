"""Blind coding enforced by PostgreSQL: a coder's own connection sees and changes only its rows,
whatever it tries (services, raw SQL, crafted names); a lead sees all. Real server only."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import make_url, select, text
from sqlalchemy.exc import DBAPIError

from annotator.cli import main
from annotator.db import open_project
from annotator.db.engine import ProjectStore
from annotator.db.models import Annotation, Coder, Document
from annotator.db.services.annotations import create_annotation, list_annotations
from annotator.db.services.codebook import code_ids_by_path
from annotator.errors import ProjectError
from tests.conftest import CORPUS
from tests.pg_support import _admin


@dataclass
class Team:
    lead: str  # URL of each login
    layla: str
    omar: str
    roles: list[str]


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


@pytest.fixture
def team(pg_empty_url: str, pg_admin_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    """A demo-like project on the server: the owner, a lead role and two coder roles."""
    tag = uuid.uuid4().hex[:6]
    monkeypatch.setenv("ANNOTATOR_ROLE_PASSWORD", "not-checked-by-trust-auth")
    url = pg_empty_url
    assert main(["server", "init", url, "--name", "RLS", "--lead", "Owner"]) == 0
    assert main(["codebook", url, "template", "framing-core"]) == 0
    assert main(["import", url, str(CORPUS)]) == 0
    roles = [f"lead_{tag}", f"layla_{tag}", f"omar_{tag}"]
    assert main(["server", "coder", url, "add", "Lead", "--role", roles[0], "--lead"]) == 0
    assert main(["server", "coder", url, "add", "Layla", "--role", roles[1]]) == 0
    assert main(["server", "coder", url, "add", "Omar", "--role", roles[2]]) == 0
    yield Team(*(_as(url, role) for role in roles), roles=roles)
    database = make_url(url).database
    _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)",
           *(f'DROP ROLE IF EXISTS "{role}"' for role in roles),
           f'DROP ROLE IF EXISTS "{database}_coder"', f'DROP ROLE IF EXISTS "{database}_lead"')


def _annotate(store: ProjectStore, coder: str, start: int = 0) -> str:
    with store.transaction() as session:
        coder_id = session.scalar(select(Coder.id).where(Coder.name == coder))
        document_id = session.scalar(select(Document.id).order_by(Document.position))
        code_id = next(iter(code_ids_by_path(session).values()))
        return create_annotation(session, document_id=document_id, coder_id=coder_id,
                                 code_id=code_id, start=start, end=start + 5).uuid


def test_each_coder_sees_and_changes_only_its_own_rows(team: Team) -> None:
    layla, omar, lead = open_project(team.layla), open_project(team.omar), open_project(team.lead)
    try:
        mine = _annotate(layla, "Layla")
        theirs = _annotate(omar, "Omar", start=10)
        with layla.reader() as session:
            assert [a.uuid for a in list_annotations(session)] == [mine]
            assert session.get(Annotation, theirs) is None
            count = session.execute(text("SELECT count(*) FROM annotation")).scalar()
            assert count == 1
        with layla.transaction() as session:  # updates and deletes of others' rows touch nothing
            assert session.execute(text("UPDATE annotation SET memo = 'x' WHERE id = :i"),
                                   {"i": theirs}).rowcount == 0
            assert session.execute(text("DELETE FROM annotation WHERE id <> :i"),
                                   {"i": mine}).rowcount == 0
        with lead.reader() as session:
            assert {a.uuid for a in list_annotations(session)} == {mine, theirs}
            assert session.get(Annotation, theirs).memo == ""
    finally:
        for store in (layla, omar, lead):
            store.close()


def test_a_coder_cannot_write_as_another_or_touch_shared_tables(team: Team) -> None:
    layla = open_project(team.layla)
    try:
        with pytest.raises((ProjectError, DBAPIError)):  # row-level security: WITH CHECK
            _annotate(layla, "Omar")
        with pytest.raises(ProjectError, match="may not"):
            with layla.transaction() as session:
                session.execute(text("UPDATE coder SET role = 'lead'"))
        with pytest.raises(ProjectError, match="may not"):
            with layla.transaction() as session:
                session.execute(text("DELETE FROM annotator_role"))
        with pytest.raises(ProjectError, match="may not"):
            with layla.transaction() as session:
                session.execute(text("ALTER TABLE annotation DISABLE ROW LEVEL SECURITY"))
    finally:
        layla.close()


def test_crafted_names_are_quoted_not_executed(team: Team, pg_empty_url: str,
                                               pg_admin_url: str) -> None:
    crafted = f'x"; DROP TABLE annotation; --{uuid.uuid4().hex[:4]}'
    try:
        assert main(["server", "coder", pg_empty_url, "add", crafted]) == 0
        store = open_project(pg_empty_url)
        try:
            with store.reader() as session:
                assert session.execute(text("SELECT count(*) FROM annotation")).scalar() == 0
                mapped = session.execute(text("SELECT role_name FROM annotator_role")).scalars()
                assert crafted in set(mapped)
        finally:
            store.close()
    finally:
        _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {make_url(pg_empty_url).database} "
               "WITH (FORCE)", 'DROP ROLE IF EXISTS "' + crafted.replace('"', '""') + '"')


def test_a_password_in_the_url_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["info", "postgresql+psycopg://me:secret@localhost/db"])
    err = capsys.readouterr().err
    assert "password in the database URL is refused" in err
    assert "secret" not in err


def test_no_table_with_a_coder_column_shows_a_coder_anyone_else(pg_demo_team) -> None:  # noqa: ANN001
    """Table-driven: every table of the schema holding a ``coder_id`` is covered by a policy,
    so a table added later without one fails here."""
    owner, layla = open_project(pg_demo_team["owner"]), open_project(pg_demo_team["Layla"])
    try:
        with owner.reader() as session:
            tables = session.execute(text(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'coder_id' "
                "AND table_schema = current_schema()")).scalars().all()
            layla_id = session.scalar(select(Coder.id).where(Coder.name == "Layla"))
            others = {t: session.execute(text(f'SELECT count(*) FROM "{t}" WHERE coder_id <> :c'),
                                         {"c": layla_id}).scalar() for t in tables}
        assert others["annotation"] > 0 and others["relation"] > 0  # there is something to hide
        with layla.reader() as session:
            seen = {t: session.execute(text(f'SELECT count(*) FROM "{t}" WHERE coder_id <> :c'),
                                       {"c": layla_id}).scalar() for t in tables}
            values = session.execute(text(
                "SELECT count(*) FROM attribute_value v JOIN annotation a ON a.id = v.annotation_id"
                " WHERE a.coder_id <> :c"), {"c": layla_id}).scalar()
        assert seen == {t: 0 for t in tables}
        assert values == 0
    finally:
        owner.close()
        layla.close()


def test_a_temporary_table_cannot_stand_in_for_the_role_mapping(pg_demo_team) -> None:  # noqa: ANN001
    layla = open_project(pg_demo_team["Layla"])
    try:
        with layla.reader() as session:
            omar_id = session.scalar(select(Coder.id).where(Coder.name == "Omar"))
            own = session.execute(text("SELECT count(*) FROM annotation")).scalar()
            session.execute(text("CREATE TEMPORARY TABLE annotator_role "
                                 "(role_name text, coder_id varchar(36))"))
            session.execute(text("INSERT INTO annotator_role VALUES (current_user, :o)"),
                            {"o": omar_id})
            assert session.execute(text("SELECT count(*) FROM annotation")).scalar() == own
            assert session.execute(text("SELECT count(*) FROM annotation WHERE coder_id = :o"),
                                   {"o": omar_id}).scalar() == 0
    finally:
        layla.close()
