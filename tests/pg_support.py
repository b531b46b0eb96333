"""A real PostgreSQL server for the server tests: a fresh database per test, cloned from a
template database migrated once per session.

The server's URL comes from ``ANNOTATOR_TEST_PG_URL`` (a superuser; ``.ci/run`` starts a throw-away
cluster with ``.ci/postgres.sh`` and sets it). Without it the server tests are skipped, except
under ``CI=true`` where they fail: CI must not pass by silently skipping them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL_ENV = "ANNOTATOR_TEST_PG_URL"
NO_SERVER = (f"no PostgreSQL server for the server tests: set {PG_URL_ENV} "
             "(`.ci/run` starts a throw-away one with .ci/postgres.sh)")


def _admin_dsn(url: str, database: str | None = None) -> str:
    from sqlalchemy import make_url

    parsed = make_url(url)
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def _admin(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(_admin_dsn(url), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)  # type: ignore[arg-type]


def database_url(url: str, database: str) -> str:
    from sqlalchemy import make_url

    return make_url(url).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    """The superuser URL of the test server (skip, or under CI fail, without one)."""
    url = os.environ.get(PG_URL_ENV, "")
    if not url:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(NO_SERVER + "; CI=true, so this is a failure, not a skip")
        pytest.skip(NO_SERVER)
    return url


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> Iterator[str]:
    """A database holding the current schema, cloned for each test (much faster than migrating)."""
    from annotator.db import open_project

    name = f"annotator_template_{os.getpid()}"
    _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}")
    open_project(database_url(pg_admin_url, name), create=True).close()
    yield name
    _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    """A fresh database with the current schema and no project row; the superuser's URL."""
    name = f"annotator_test_{uuid.uuid4().hex[:12]}"
    _admin(pg_admin_url, f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    yield database_url(pg_admin_url, name)
    _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_empty_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty database (no schema)."""
    name = f"annotator_empty_{uuid.uuid4().hex[:12]}"
    _admin(pg_admin_url, f"CREATE DATABASE {name}")
    yield database_url(pg_admin_url, name)
    _admin(pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def role_url(url: str, role: str) -> str:
    from sqlalchemy import make_url

    return make_url(url).set(username=role).render_as_string(hide_password=False)


def drop_project_database(admin_url: str, url: str, roles: list[str]) -> None:
    """Drop a test database, its login roles and its two group roles (roles are cluster-wide)."""
    from sqlalchemy import make_url

    database = make_url(url).database
    quoted = ['"' + role.replace('"', '""') + '"' for role in roles]
    _admin(admin_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)",
           *(f"DROP ROLE IF EXISTS {role}" for role in quoted),
           f'DROP ROLE IF EXISTS "{database}_coder"', f'DROP ROLE IF EXISTS "{database}_lead"')


@pytest.fixture(scope="session")
def coded_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project with both coders' coding, built once (tests copy it, never change it)."""
    from annotator.db.services.demo import build_demo_project

    demo = tmp_path_factory.mktemp("demo") / "demo.fannot"
    build_demo_project(demo, with_coding=True)
    return demo


@pytest.fixture
def pg_demo_team(pg_empty_url: str, pg_admin_url: str, coded_demo_file: Path,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The demo project with both coders' coding on the server, a login role for Layla, Omar
    and Lead each; maps "Layla", "Omar", "Lead" and "owner" to their URLs."""
    from annotator.cli import main

    tag = uuid.uuid4().hex[:6]
    monkeypatch.setenv("ANNOTATOR_ROLE_PASSWORD", "not-checked-by-trust-auth")
    assert main(["server", "copy", str(coded_demo_file), pg_empty_url]) == 0
    roles = {"Layla": f"layla_{tag}", "Omar": f"omar_{tag}", "Lead": f"lead_{tag}"}
    for name, role in roles.items():
        lead = ["--lead"] if name == "Lead" else []
        assert main(["server", "coder", pg_empty_url, "add", name, "--role", role, *lead]) == 0
    yield {"owner": pg_empty_url, **{name: role_url(pg_empty_url, role)
                                     for name, role in roles.items()}}
    drop_project_database(pg_admin_url, pg_empty_url, list(roles.values()))


HOLD_CONNECTION = """
import sys
from annotator.db import open_project
store = open_project(sys.argv[1])
with store.reader() as session:
    session.connection()
    print("connected", flush=True)
    sys.stdin.readline()
store.close()
"""


class HeldConnection:
    """The app's connection to ``url`` held by another process until ``release()``: a coder
    who has the project open elsewhere."""

    def __init__(self, url: str) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen([sys.executable, "-c", HOLD_CONNECTION, url],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "connected"

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.communicate("\n", timeout=20)
        assert self.process.returncode == 0
