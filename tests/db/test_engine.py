"""Opening project files: pragmas, schema migrations with backup, refusal of newer and damaged files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from annotator.db import head_revision, open_project
from annotator.db.engine import _alembic_config
from annotator.db.models import Base
from annotator.errors import ProjectError


def test_new_file_has_pragmas_and_current_schema(tmp_path: Path) -> None:
    store = open_project(tmp_path / "p.fannot", create=True)
    with store.reader() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert revision == head_revision()
    assert store.gate is not None and store.gate.patience_s >= 60  # writers wait, then give up
    store.close()


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    store = open_project(tmp_path / "p.fannot", create=True)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert differences == []


def _make_old_file(path: Path, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.execute(text("INSERT INTO project (id, name, created_at) "
                                "VALUES ('11111111-1111-1111-1111-111111111111', 'Old', "
                                "'2016-12-15 00:00:00')"))
    engine.dispose()


def test_older_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.fannot"
    _make_old_file(path, "0001")
    store = open_project(path)
    assert store.backup_path is not None and store.backup_path.exists()
    with sqlite3.connect(store.backup_path) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    with store.reader() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revision())
        assert session.execute(text("SELECT name, settings FROM project")).one() == ("Old", "{}")
    store.close()


def test_current_file_is_not_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "p.fannot"
    open_project(path, create=True).close()
    store = open_project(path)
    assert store.backup_path is None
    store.close()


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.fannot"
    open_project(path, create=True).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(ProjectError, match="newer version.*9999"):
        open_project(path)


@pytest.mark.parametrize("content", [b"hello, not a database", b"SQLite format 3\x00" + b"\x00" * 200])
def test_foreign_or_damaged_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.fannot"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=str(path.name)):
        open_project(path)


def test_plain_sqlite_database_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    with pytest.raises(ProjectError, match="not a Framing Annotator project"):
        open_project(path)


def test_missing_file_and_existing_target(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project"):
        open_project(tmp_path / "missing.fannot")
    path = tmp_path / "p.fannot"
    open_project(path, create=True).close()
    with pytest.raises(ProjectError, match="already exists"):
        open_project(path, create=True)


def test_two_stores_on_one_file_do_not_corrupt_it(tmp_path: Path) -> None:
    from annotator.db.services.coders import add_coder, list_coders
    from annotator.db.services.projects import create_project

    path = tmp_path / "p.fannot"
    first = open_project(path, create=True)
    second = open_project(path)
    with first.transaction() as session:
        create_project(session, "Shared")
    for index in range(20):
        store = first if index % 2 else second
        with store.transaction() as session:
            add_coder(session, f"coder {index}")
    with second.reader() as session:
        assert len(list_coders(session)) == 20
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    first.close()
    second.close()
