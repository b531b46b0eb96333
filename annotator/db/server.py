"""Projects on a PostgreSQL server: connecting, error lines, retries.

A server project is opened by URL (``postgresql+psycopg://user@host/db``). The password comes from
``PGPASSWORD`` or ``~/.pgpass`` (libpq reads both) or from ``password_prompt``; never from the URL.
Every connection carries timeouts so that nothing hangs: a statement may run 60 s, waits for a
row lock 15 s, and a transaction left idle is ended by the server after 5 minutes. Writers use
PostgreSQL's default READ COMMITTED isolation: row locks serialise writers of the same row, the
row versions (``annotator.db.models``) catch an update of a row changed meanwhile, and
serialisation failures, deadlocks and dropped connections are retried by ``write`` a bounded
number of times or reported in one line.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from annotator.errors import ProjectError
from annotator.project_location import checked_server_url

PasswordPrompt = Callable[[str], str | None]
T = TypeVar("T")

STATEMENT_TIMEOUT_MS = 60_000
LOCK_TIMEOUT_MS = 15_000
IDLE_IN_TRANSACTION_MS = 300_000
CONNECT_TIMEOUT_S = 10
RETRY_ATTEMPTS = 3
IDLE_PING_S = 30.0  # a pooled connection idle this long is pinged before use
_LAST_USED = "annotator_last_used"
_RETRYABLE = {"40001", "40P01"}  # serialization_failure, deadlock_detected
_PROBLEMS = {
    "40001": "another user changed the same rows at the same time",
    "40P01": "another user changed the same rows at the same time (deadlock)",
    "55P03": f"another user kept the rows locked for more than {LOCK_TIMEOUT_MS // 1000} s",
    "57014": f"the server took longer than {STATEMENT_TIMEOUT_MS // 1000} s",
    "42501": "the server refused: this role may not do that",
}


def sqlstate(error: BaseException) -> str | None:
    """PostgreSQL's SQLSTATE of a driver error (``None`` for other errors)."""
    return getattr(getattr(error, "orig", error), "sqlstate", None)


def _connection_lost(error: BaseException) -> bool:
    return isinstance(error, DBAPIError) and (error.connection_invalidated or
                                              (sqlstate(error) or "").startswith("08"))


def make_server_engine(url: str, password: str | None = None) -> Engine:
    """An engine on a PostgreSQL URL with the timeouts above and a liveness check per checkout."""
    options = (f"-c statement_timeout={STATEMENT_TIMEOUT_MS} -c lock_timeout={LOCK_TIMEOUT_MS} "
               "-c timezone=UTC "
               f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}")
    connect_args: dict[str, object] = {"connect_timeout": CONNECT_TIMEOUT_S, "options": options,
                                       "application_name": "framing-annotator"}
    if password is not None:
        connect_args["password"] = password
    engine = create_engine(checked_server_url(url), connect_args=connect_args)
    _ping_after_idle(engine)
    return engine


def _ping_after_idle(engine: Engine) -> None:
    """Check a pooled connection before use only when it sat idle for ``IDLE_PING_S``.

    A coder commits every few seconds: a ping per checkout (``pool_pre_ping``) would add a round
    trip to every commit. A connection idle longer (a laptop asleep, a server restarted) is
    pinged, and one that fails is replaced before any work runs on it.
    """
    @event.listens_for(engine, "checkin")
    def _stamp(_dbapi: object, record: ConnectionPoolEntry) -> None:
        record.info[_LAST_USED] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi: object, record: ConnectionPoolEntry, _proxy: object) -> None:
        last_used = record.info.get(_LAST_USED)
        if last_used is None or time.monotonic() - last_used < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi)
        except engine.dialect.loaded_dbapi.Error as error:
            raise DisconnectionError(str(error)) from error  # the pool connects afresh


def _needs_password(error: OperationalError) -> bool:
    message = str(error.orig)
    return "no password supplied" in message or "password authentication failed" in message


def connect_checked(url: str, password_prompt: PasswordPrompt | None) -> Engine:
    """An engine whose first connection worked; asks ``password_prompt`` once if the server
    wants a password that the environment and ~/.pgpass did not give."""
    engine = make_server_engine(url)
    for attempt in range(2):
        try:
            with engine.connect():
                return engine
        except OperationalError as error:
            engine.dispose()
            password = (password_prompt(url) if attempt == 0 and password_prompt is not None
                        and _needs_password(error) else None)
            if password is None:
                raise ProjectError(f"{_safe(url)}: cannot connect ({_first_line(error)})") from None
            engine = make_server_engine(url, password)
    raise AssertionError("unreachable")


def _safe(url: str) -> str:
    return make_url(checked_server_url(url)).render_as_string(hide_password=True)


def _first_line(error: BaseException) -> str:
    text_ = str(getattr(error, "orig", error)).strip()
    return text_.splitlines()[0] if text_ else type(error).__name__


@contextmanager
def server_errors_as_project_errors(url: str) -> Iterator[None]:
    """Turn a server failure into one line naming the project (no traceback, no statement)."""
    try:
        yield
    except DBAPIError as error:
        state = sqlstate(error)
        if _connection_lost(error):
            raise ProjectError(f"{_safe(url)}: lost the connection to the server "
                               f"({_first_line(error)}); nothing was changed") from None
        problem = _PROBLEMS.get(state or "")
        if problem is None:
            raise
        raise ProjectError(f"{_safe(url)}: {problem}; nothing was changed "
                           f"({_first_line(error)})") from None


def retrying(sessions: sessionmaker[Session], work: Callable[[Session], T],
             attempts: int = RETRY_ATTEMPTS) -> T:
    """Run ``work`` in a fresh transaction and commit, again (up to ``attempts`` times) after a
    serialisation failure or a deadlock, or after a connection lost before the commit was sent
    (a connection lost during the commit is reported, not retried: the commit may have landed,
    and running the work again could store it twice)."""
    for attempt in range(1, attempts + 1):
        with sessions() as session:
            try:
                result = work(session)
                session.flush()
            except DBAPIError as error:
                session.rollback()
                if attempt < attempts and (sqlstate(error) in _RETRYABLE or _connection_lost(error)):
                    continue
                raise
            try:
                session.commit()
            except DBAPIError as error:
                session.rollback()
                if attempt < attempts and sqlstate(error) in _RETRYABLE:
                    continue
                raise
            return result
    raise AssertionError("unreachable")


def current_role(session: Session) -> str:
    return str(session.execute(text("SELECT current_user")).scalar_one())
