"""Who is connected to a server project now (``annotator.db.presence``, ``server who``): a coder
connected from another process shows as connected, and no longer once gone; a lead's role sees
it, a coder's role does not. Real server only."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from annotator.cli import main
from annotator.db import open_project
from annotator.db.presence import APPLICATION_NAME, coder_presence
from annotator.errors import ProjectError
from tests.pg_support import HeldConnection

def _who(url: str) -> dict[str, object]:
    store = open_project(url)
    try:
        with store.reader() as session:
            return {p.name: p for p in coder_presence(session)}
    finally:
        store.close()


def _wait_for(url: str, name: str, connected: bool) -> object:
    deadline = time.monotonic() + 10
    while True:
        presence = _who(url)[name]
        if presence.connected is connected or time.monotonic() > deadline:  # type: ignore[attr-defined]
            return presence
        time.sleep(0.1)


@pytest.fixture
def layla_connected(pg_demo_team):  # noqa: ANN001, ANN201
    """Layla's role holds a connection of the app in another process until the test ends."""
    held = HeldConnection(pg_demo_team["Layla"])
    yield held
    held.release()


def test_a_connected_coder_shows_then_not_once_gone(pg_demo_team, layla_connected) -> None:  # noqa: ANN001
    before = datetime.now(UTC)
    for who in ("Lead", "owner"):  # the lead's role (not the owner, not a superuser) sees it too
        layla = _who(pg_demo_team[who])["Layla"]
        assert layla.connected and layla.sessions == 1  # type: ignore[attr-defined]
        assert abs(layla.since - before) < timedelta(seconds=30)  # type: ignore[attr-defined]
        assert layla.last_change is not None  # the demo's coding  # type: ignore[attr-defined]
    omar = _who(pg_demo_team["Lead"])["Omar"]
    assert not omar.connected and omar.sessions == 0 and omar.since is None  # type: ignore[attr-defined]
    layla_connected.release()
    gone = _wait_for(pg_demo_team["Lead"], "Layla", connected=False)
    assert not gone.connected and gone.since is None  # type: ignore[attr-defined]


def test_the_lead_sees_itself_and_counts_sessions(pg_demo_team, layla_connected) -> None:  # noqa: ANN001
    store = open_project(pg_demo_team["Layla"])  # a second session of Layla's
    try:
        with store.reader() as session:
            session.connection()
            seen = _who(pg_demo_team["Lead"])
    finally:
        store.close()
    assert seen["Layla"].sessions == 2  # type: ignore[attr-defined]
    assert seen["Lead"].connected  # the lead's own connection asking


def test_a_coder_may_not_ask_and_sees_only_what_postgresql_shows_everyone(
        pg_demo_team, layla_connected) -> None:  # noqa: ANN001
    with pytest.raises(ProjectError, match="only a lead's role"):
        _who(pg_demo_team["Omar"])
    store = open_project(pg_demo_team["Omar"])
    try:
        with store.reader() as session:
            rows = session.execute(text(
                "SELECT usename, application_name, backend_start, client_addr, state, query "
                "FROM pg_stat_activity WHERE datname = current_database() "
                "AND usename <> current_user")).all()
            mapping = session.execute(text("SELECT role_name FROM annotator_role")).all()
    finally:
        store.close()
    layla_role = pg_demo_team["Layla"].split("://")[1].split("@")[0]
    # what PostgreSQL shows every role: the session exists, its role and application name ...
    assert (layla_role, APPLICATION_NAME) in {(row[0], row[1]) for row in rows}
    # ... but not when it started, from where, what it does; nor whose coder a role is
    assert all(row[2] is None and row[3] is None and row[4] is None for row in rows)
    assert {row[4] for row in rows} == {None}
    assert [row[0] for row in mapping] == [pg_demo_team["Omar"].split("://")[1].split("@")[0]]


def test_server_who_prints_the_same(pg_demo_team, layla_connected, capsys) -> None:  # noqa: ANN001
    capsys.readouterr()
    assert main(["server", "who", pg_demo_team["Lead"], "--json"]) == 0
    rows = {row["name"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows["Layla"]["connected"] is True and rows["Layla"]["sessions"] == 1
    assert rows["Omar"]["connected"] is False and rows["Omar"]["since"] is None
    assert datetime.fromisoformat(rows["Layla"]["since"]).tzinfo is not None
    assert main(["server", "who", pg_demo_team["Lead"]]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["coder", "online", "sessions", "since", "last", "change"]
    layla = next(line for line in lines if line.startswith("Layla"))
    assert " yes " in layla and layla.endswith(("ago", "just now"))
    assert main(["server", "who", pg_demo_team["Omar"]]) == 1
    assert "only a lead's role" in capsys.readouterr().err


def test_a_project_file_has_no_presence(store) -> None:  # noqa: ANN001
    with pytest.raises(ProjectError, match="only for a project on a server"):
        with store.reader() as session:
            coder_presence(session)


@pytest.fixture
def team_of_a_plain_owner(pg_admin_url, coded_demo_file, monkeypatch):  # noqa: ANN001, ANN201
    """The demo project made by a lead role that is not a superuser (docs/server.md's set-up),
    with a login for Layla and one for Lead; maps "owner", "Layla", "Lead" to URLs."""
    import uuid

    from tests.pg_support import _admin, database_url, drop_project_database, role_url

    tag = uuid.uuid4().hex[:6]
    owner, database = f"amina_{tag}", f"annotator_plain_{tag}"
    _admin(pg_admin_url, f"CREATE ROLE {owner} LOGIN CREATEROLE",
           f"CREATE DATABASE {database} OWNER {owner}")
    url = role_url(database_url(pg_admin_url, database), owner)
    _admin(database_url(pg_admin_url, database), f"ALTER SCHEMA public OWNER TO {owner}")
    monkeypatch.setenv("ANNOTATOR_ROLE_PASSWORD", "not-checked-by-trust-auth")
    assert main(["server", "copy", str(coded_demo_file), url]) == 0
    roles = {"Layla": f"layla_{tag}", "Lead": f"lead_{tag}"}
    for name, role in roles.items():
        assert main(["server", "coder", url, "add", name, "--role", role,
                     *(["--lead"] if name == "Lead" else [])]) == 0
    yield {"owner": url, **{name: role_url(url, role) for name, role in roles.items()}}
    drop_project_database(pg_admin_url, url, [*roles.values(), owner])


def test_without_a_superuser_owner_the_lead_sees_who_but_not_since_when(
        team_of_a_plain_owner, pg_admin_url) -> None:  # noqa: ANN001
    """The function runs with the owner's privileges, which do not show other roles' session
    starts; ``GRANT pg_read_all_stats`` to the owner (an administrator's choice) does."""
    from tests.pg_support import _admin

    team = team_of_a_plain_owner
    held = HeldConnection(team["Layla"])
    try:
        layla = _who(team["Lead"])["Layla"]
        assert layla.connected and layla.sessions == 1 and layla.since is None  # type: ignore[attr-defined]
        owner = team["owner"].split("://")[1].split("@")[0]
        _admin(pg_admin_url, f"GRANT pg_read_all_stats TO {owner}")
        assert _who(team["Lead"])["Layla"].since is not None  # type: ignore[attr-defined]
    finally:
        held.release()


def test_a_project_set_up_before_says_so_until_its_policies_are_renewed(pg_demo_team) -> None:  # noqa: ANN001
    from annotator.db.rls import install_policies

    owner = open_project(pg_demo_team["owner"])
    try:
        with owner.transaction() as session:
            session.execute(text("DROP FUNCTION annotator_presence()"))
        with pytest.raises(ProjectError, match="set up by an older version"):
            _who(pg_demo_team["Lead"])
        with owner.transaction() as session:
            install_policies(session.connection())
    finally:
        owner.close()
    assert _who(pg_demo_team["Lead"])["Lead"].connected  # type: ignore[attr-defined]
