"""Opening a project file: connection pragmas, integrity check, schema migrations, backups.

``open_project`` is the only way into a project file. It refuses files written by a newer version,
backs up an older file before upgrading it, and hands out sessions with ``ProjectStore.transaction``
(one user action = one transaction, committed on exit).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from annotator.errors import ProjectError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Engine for a SQLAlchemy URL; SQLite connections get foreign keys, WAL and a busy timeout."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


@dataclass
class ProjectStore:
    """An open project: the engine plus a session factory."""

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for read-only work (nothing is committed)."""
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _check_integrity(engine: Engine, path: Path) -> None:
    with engine.connect() as connection:
        result = connection.execute(text("PRAGMA integrity_check")).scalar()
    if result != "ok":
        raise ProjectError(f"{path}: the project file is damaged ({result}); restore a backup")


def _backup(path: Path, revision: str) -> Path:
    """Copy the file with SQLite's online backup (consistent even with a WAL file beside it)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.rev{revision}-{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        with destination:
            source.backup(destination)
        destination.close()
    finally:
        source.close()
    return target


def _upgrade(engine: Engine) -> None:
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def open_project(path: str | Path, *, create: bool = False) -> ProjectStore:
    """Open (or with ``create=True`` make) a project file, migrating it to the current schema."""
    path = Path(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise ProjectError(f"{path}: no such project file")
    if exists and create:
        raise ProjectError(f"{path}: a file already exists there")
    if exists and not _is_sqlite_file(path):
        raise ProjectError(f"{path}: not a Framing Annotator project file")
    engine = make_engine(f"sqlite:///{path}")
    try:
        backup = _prepare_schema(engine, path, exists)
    except DBAPIError as error:
        engine.dispose()
        raise ProjectError(f"{path}: the project file is damaged ({error.orig})") from None
    except Exception:
        engine.dispose()
        raise
    return ProjectStore(path, engine, sessionmaker(engine, expire_on_commit=False), backup)


def open_url(url: str) -> ProjectStore:
    """Open a project in a database server (e.g. PostgreSQL), upgrading its schema if needed."""
    engine = make_engine(url)
    revision = _current_revision(engine)
    _refuse_unknown(revision, url)
    if revision != head_revision():
        _upgrade(engine)
    return ProjectStore(None, engine, sessionmaker(engine, expire_on_commit=False))


def _refuse_unknown(revision: str | None, where: object) -> None:
    if revision is not None and revision not in known_revisions():
        raise ProjectError(
            f"{where}: written by a newer version of Framing Annotator (schema {revision}; "
            f"this version knows up to {head_revision()}); please update the app"
        )


def _prepare_schema(engine: Engine, path: Path, existed: bool) -> Path | None:
    if not existed:
        _upgrade(engine)
        return None
    _check_integrity(engine, path)
    revision = _current_revision(engine)
    if revision is None:
        raise ProjectError(f"{path}: an SQLite file, but not a Framing Annotator project")
    _refuse_unknown(revision, path)
    if revision == head_revision():
        return None
    backup = _backup(path, revision)
    log.info("backed up %s to %s before upgrading schema %s", path, backup, revision)
    _upgrade(engine)
    return backup
