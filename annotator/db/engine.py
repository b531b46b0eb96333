"""Opening a project file: connection pragmas, integrity check, schema migrations, backups.

``open_project`` is the only way into a project file. It refuses files written by a newer version,
backs up an older file before upgrading it, opens a file it cannot write read-only (see
``annotator.db.access``), and hands out sessions with ``ProjectStore.transaction`` (one user action
= one transaction, committed on exit, taking the write lock first: see ``annotator.db.locking``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from annotator.db.access import (
    FileAccess,
    check_existing_project,
    check_new_project,
    sqlite_uri,
)
from annotator.db.locking import (
    BEGIN_OPTION,
    BUSY_TIMEOUT_MS,
    IMMEDIATE,
    WaitNotice,
    WriteGate,
    storage_errors_as_project_errors,
)
from annotator.errors import ChangedMeanwhile, ProjectError
from annotator.project_location import ProjectLocation, checked_server_url, is_server_url

log = logging.getLogger(__name__)
T = TypeVar("T")
UPGRADE_LOCK = 0x46414E4E  # "FANN": the advisory lock held while a server schema is upgraded

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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


def _set_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Engine for a SQLAlchemy URL; SQLite connections get foreign keys, WAL and a busy timeout."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _project_file_engine(path: Path, access: FileAccess, gate: WriteGate) -> Engine:
    """Engine on a project file opened through its URI (read-write, read-only or immutable).

    The driver's own transaction handling is switched off (``isolation_level=None``) so that the
    gate issues every BEGIN: IMMEDIATE for writers, deferred for readers.
    """
    connect = partial(sqlite3.connect, access.uri, uri=True, check_same_thread=False,
                      isolation_level=None)
    engine = create_engine(URL.create("sqlite", database=str(path)), creator=connect)
    pragmas = _set_read_only_pragmas if access.read_only else _set_sqlite_pragmas
    event.listen(engine, "connect", pragmas)
    event.listen(engine, "begin", gate.begin)
    return engine


@dataclass
class ProjectStore:
    """An open project: the engine plus a session factory.

    ``read_only_reason`` is set when the file or its folder cannot be written: reading works,
    ``transaction()`` refuses with one line. ``gate`` holds how long a writer waits for another
    copy of the app and whom it tells (``gate.on_wait``).
    """

    path: Path | None
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None
    read_only_reason: str | None = None
    gate: WriteGate | None = None
    url: str | None = None  # a server project (never holds a password)

    def __post_init__(self) -> None:
        writer = self.engine.execution_options(**{BEGIN_OPTION: IMMEDIATE})
        self._writer_sessions = sessionmaker(writer, expire_on_commit=False)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def location(self) -> ProjectLocation:
        """What ``open_project`` takes to open this project again: the file or the URL."""
        if self.url is not None:
            return self.url
        assert self.path is not None
        return self.path

    @property
    def is_server(self) -> bool:
        return self.url is not None

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Database failures as one line: the server's or the file's, and a lost update."""
        translate: AbstractContextManager[None]
        if self.url is not None:
            from annotator.db.server import server_errors_as_project_errors

            translate = server_errors_as_project_errors(self.url)
        else:
            translate = storage_errors_as_project_errors(self.path)
        try:
            with translate:
                yield
        except StaleDataError:
            raise ChangedMeanwhile(f"{self.location}: someone else changed this item meanwhile; "
                                   "nothing was changed, reload and try again") from None

    def write(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one transaction; on a server, run again after a transient
        failure (serialisation, deadlock, connection lost before the commit), a few times."""
        if self.url is None:
            with self.transaction() as session:
                return work(session)
        from annotator.db.server import retrying

        with self._errors():
            return retrying(self._writer_sessions, work)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        if self.read_only:
            raise ProjectError(f"{self.path}: opened read-only ({self.read_only_reason}); "
                               "nothing can be changed")
        with self._errors(), self._writer_sessions.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for read-only work (nothing is committed)."""
        with self._errors(), self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as connection:
        return tuple(MigrationContext.configure(connection).get_current_heads())


def _check_integrity(engine: Engine, path: Path) -> None:
    with engine.connect() as connection:
        result = connection.execute(text("PRAGMA integrity_check")).scalar()
    if result != "ok":
        raise ProjectError(f"{path}: the project file is damaged ({result}); restore a backup")


def _backup(path: Path, revision: str) -> Path:
    """Copy the file with SQLite's online backup (consistent even with a WAL file beside it)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.rev{revision}-{stamp}.bak")
    source = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
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
    with engine.execution_options(**{BEGIN_OPTION: IMMEDIATE}).begin() as connection:
        if connection.dialect.name == "postgresql":  # two clients upgrading: one waits
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_project(path: ProjectLocation, *, create: bool = False,
                 on_wait: WaitNotice | None = None) -> ProjectStore:
    """Open (or with ``create=True`` make) a project file, migrating it to the current schema.

    A file or folder the app cannot write opens read-only (``store.read_only_reason`` says why);
    ``on_wait`` is told when a write has to wait for another copy of the app. A server URL
    (``postgresql+psycopg://user@host/db``) opens a server project instead (``open_url``).
    """
    if is_server_url(path):
        return open_url(str(path), create=create)
    path = Path(path)
    access = check_new_project(path) if create else check_existing_project(path)
    gate = WriteGate(path, on_wait=on_wait)
    engine = _project_file_engine(path, access, gate)
    try:
        with storage_errors_as_project_errors(path):
            backup = _prepare_schema(engine, path, access)
    except DBAPIError as error:
        engine.dispose()
        raise ProjectError(f"{path}: the project file is damaged ({error.orig})") from None
    except Exception:
        engine.dispose()
        raise
    return ProjectStore(path, engine, sessionmaker(engine, expire_on_commit=False), backup,
                        access.read_only_reason, gate)


PASSWORD_PROMPT: list[Callable[[str], str | None]] = []  # the CLI or the GUI installs one


def open_url(url: str, *, create: bool = False) -> ProjectStore:
    """Open a project on a database server (PostgreSQL), upgrading its schema if needed.

    ``create=True`` makes the schema in an empty database; without it a database that holds no
    project is refused with one line (a wrong database name must not grow tables).
    """
    from annotator.db.server import connect_checked, server_errors_as_project_errors

    url = checked_server_url(url)
    engine = connect_checked(url, PASSWORD_PROMPT[-1] if PASSWORD_PROMPT else None)
    try:
        with server_errors_as_project_errors(url):
            revision = _single_revision(_current_revisions(engine), url)
            if revision is None and not create:
                raise ProjectError(f"{url}: no Framing Annotator project in this database "
                                   "(annotator server init creates one)")
            if revision != head_revision():
                _upgrade(engine)
                if revision is not None:
                    _renew_server_security(engine)
    except Exception:
        engine.dispose()
        raise
    return ProjectStore(None, engine, sessionmaker(engine, expire_on_commit=False), url=url)


def _renew_server_security(engine: Engine) -> None:
    """After an upgrade, give the new tables their grants, policies and notify triggers."""
    from annotator.db.rls import MAPPING_TABLE, existing_tables, install_policies

    with engine.begin() as connection:
        if MAPPING_TABLE in existing_tables(connection):
            install_policies(connection)


def _single_revision(revisions: tuple[str, ...], where: object) -> str | None:
    """The one schema revision of a project; refuses a newer or an unrecognisable version table."""
    unknown = [revision for revision in revisions if revision not in known_revisions()]
    if len(revisions) == 1 and unknown:
        raise ProjectError(
            f"{where}: written by a newer version of Framing Annotator (schema {unknown[0]}; "
            f"this version knows up to {head_revision()}); please update the app"
        )
    if len(revisions) > 1:
        listed = ", ".join(sorted(revisions))
        raise ProjectError(f"{where}: not a project of a known version (its schema version "
                           f"table lists {len(revisions)} versions: {listed})")
    return revisions[0] if revisions else None


def _prepare_schema(engine: Engine, path: Path, access: FileAccess) -> Path | None:
    if not access.exists:
        _upgrade(engine)
        return None
    _check_integrity(engine, path)
    revision = _single_revision(_current_revisions(engine), path)
    if revision is None:
        raise ProjectError(f"{path}: an SQLite file, but not a Framing Annotator project")
    if revision == head_revision():
        return None
    if access.read_only:
        raise ProjectError(
            f"{path}: written by an older version (schema {revision}) and opened read-only "
            f"({access.read_only_reason}); copy it to a folder you can write to and open the "
            "copy to upgrade it")
    backup = _backup(path, revision)
    log.info("backed up %s to %s before upgrading schema %s", path, backup, revision)
    _upgrade(engine)
    return backup
