"""A lead manages the login roles of a server project: list them, take a coder's away (the coder
can no longer connect, their coding stays), set a new password. Real server only."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, make_url, select, text

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Annotation, Coder
from annotator.errors import ProjectError


def _logins(url: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["server", "coder", url, "list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {str(row["coder"]): row for row in rows}


def _role(url: str) -> str:
    return str(make_url(url).username)


def _annotations_of(url: str, coder: str) -> int:
    store = open_project(url)
    try:
        with store.reader() as session:
            return int(session.scalar(select(func.count(Annotation.id)).join(
                Coder, Coder.id == Annotation.coder_id).where(Coder.name == coder)))
    finally:
        store.close()


def test_the_lead_lists_every_login_with_its_kind(pg_demo_team, capsys) -> None:  # noqa: ANN001
    logins = _logins(pg_demo_team["owner"], capsys)
    assert {name: (row["kind"], row["can_login"], row["role"]) for name, row in logins.items()
            if name != "Lead" or row["kind"] == "lead"} == {
        "Layla": ("coder", True, _role(pg_demo_team["Layla"])),
        "Omar": ("coder", True, _role(pg_demo_team["Omar"])),
        "Lead": ("lead", True, _role(pg_demo_team["Lead"]))}
    assert main(["server", "coder", pg_demo_team["owner"], "list"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["coder", "kind", "login", "role"]
    assert _role(pg_demo_team["Omar"]) in table


def test_a_removed_coder_cannot_connect_and_their_work_stays(pg_demo_team, capsys) -> None:  # noqa: ANN001
    owner, layla = pg_demo_team["owner"], pg_demo_team["Layla"]
    coded = _annotations_of(owner, "Layla")
    assert coded > 0
    assert main(["server", "coder", owner, "remove", "Layla"]) == 0
    assert "can no longer connect" in capsys.readouterr().out
    with pytest.raises(ProjectError, match="cannot connect|permission denied"):
        open_project(layla).close()
    assert _annotations_of(owner, "Layla") == coded
    assert "Layla" not in _logins(owner, capsys)
    assert main(["server", "coder", owner, "add", "Layla", "--role", _role(layla)]) == 0
    store = open_project(layla)  # added back: the same role connects again
    store.close()


def test_only_the_owner_removes_logins_and_never_its_own(pg_empty_url, pg_admin_url,  # noqa: ANN001
                                                         capsys, monkeypatch) -> None:
    """The owner (who ran ``server init``, mapped to its lead) may not lose its own login; a
    lead's or a coder's role has no right to take logins away, and the server says so."""
    import uuid

    from tests.pg_support import drop_project_database, role_url

    tag = uuid.uuid4().hex[:6]
    monkeypatch.setenv("ANNOTATOR_ROLE_PASSWORD", "not-checked-by-trust-auth")
    roles = {"Basel": f"basel_{tag}", "Layla": f"layla_{tag}", "Omar": f"omar_{tag}"}
    try:
        assert main(["server", "init", pg_empty_url, "--name", "Roles", "--lead", "Owner"]) == 0
        assert main(["server", "coder", pg_empty_url, "add", "Basel", "--role", roles["Basel"],
                     "--lead"]) == 0
        for name in ("Layla", "Omar"):
            assert main(["server", "coder", pg_empty_url, "add", name, "--role", roles[name]]) == 0
        logins = _logins(pg_empty_url, capsys)
        assert logins["Owner"]["kind"] == "owner" and logins["Basel"]["kind"] == "lead"
        assert main(["server", "coder", pg_empty_url, "remove", "Owner"]) == 1
        assert "owns the project" in capsys.readouterr().err
        for who in ("Basel", "Layla"):
            assert main(["server", "coder", role_url(pg_empty_url, roles[who]), "remove",
                         "Omar"]) == 1
            assert "may not manage login roles" in capsys.readouterr().err
        assert main(["server", "coder", role_url(pg_empty_url, roles["Basel"]), "add",
                     "Sara"]) == 1
        assert "may not manage login roles" in capsys.readouterr().err
        assert logins.keys() == _logins(pg_empty_url, capsys).keys()
        assert main(["server", "coder", pg_empty_url, "remove", "Nobody"]) == 1
        assert "no login role or coder" in capsys.readouterr().err
    finally:
        drop_project_database(pg_admin_url, pg_empty_url, list(roles.values()))


def test_a_new_password_is_set_for_a_project_role_only(pg_demo_team, capsys,  # noqa: ANN001
                                                        monkeypatch) -> None:
    monkeypatch.setenv("ANNOTATOR_ROLE_PASSWORD", "a-new-secret")
    assert main(["server", "coder", pg_demo_team["owner"], "password", "Omar"]) == 0
    assert "has a new password" in capsys.readouterr().out
    store = open_project(pg_demo_team["owner"])
    try:
        with store.reader() as session:
            stored = session.execute(text("SELECT rolpassword IS NOT NULL FROM pg_authid "
                                          "WHERE rolname = :r"), {"r": _role(pg_demo_team["Omar"])})
            assert stored.scalar() is True
    finally:
        store.close()
    assert main(["server", "coder", pg_demo_team["owner"], "password", "postgres"]) == 1
    assert "no login role or coder" in capsys.readouterr().err


def test_making_a_coder_lead_lets_their_login_read_everyone(pg_demo_team, capsys) -> None:  # noqa: ANN001
    from annotator.db.services.coder_roles import set_role
    from annotator.domain import Role

    owner, omar = pg_demo_team["owner"], pg_demo_team["Omar"]
    everyone = _annotations_of(owner, "Layla")
    assert _annotations_of(omar, "Layla") == 0  # blind
    store = open_project(owner)
    try:
        with store.transaction() as session:
            omar_id = session.scalar(select(Coder.id).where(Coder.name == "Omar"))
            assert set_role(session, omar_id, Role.LEAD) is Role.CODER
        assert _logins(owner, capsys)["Omar"]["kind"] == "lead"
        assert _annotations_of(omar, "Layla") == everyone
        with store.transaction() as session:
            set_role(session, omar_id, Role.CODER)
        assert _logins(owner, capsys)["Omar"]["kind"] == "coder"
        assert _annotations_of(omar, "Layla") == 0
    finally:
        store.close()


def test_a_lead_without_role_rights_cannot_change_a_login_coders_role(pg_demo_team) -> None:  # noqa: ANN001
    from annotator.db.services.coder_roles import set_role
    from annotator.domain import Role

    store = open_project(pg_demo_team["Lead"])
    try:
        with pytest.raises(ProjectError, match="may not manage login roles"):
            with store.transaction() as session:
                omar_id = session.scalar(select(Coder.id).where(Coder.name == "Omar"))
                set_role(session, omar_id, Role.LEAD)
        with store.reader() as session:
            assert session.scalar(select(Coder.role).where(Coder.name == "Omar")) == "coder"
    finally:
        store.close()
