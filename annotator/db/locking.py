"""Two copies of the app on one project file: writers queue up front, with a notice, for a while.

SQLite lets one writer at a time. A write transaction that starts as a reader and upgrades later
fails at its first write or at commit, after the work is done. So write transactions begin with
``BEGIN IMMEDIATE``: the lock is taken before any work. While another copy holds it, each attempt
waits SQLite's busy timeout; after the first, ``on_wait`` is told once (the CLI prints it), and
after ``patience_s`` the transaction is refused with one line. Readers (WAL) never wait for writers.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from annotator.errors import ProjectError

BUSY_TIMEOUT_MS = 2_000  # one silent wait inside SQLite before the notice
WRITE_PATIENCE_S = 120.0  # then keep trying this long (a large import holds the lock for a while)
BEGIN_OPTION = "annotator_begin"
IMMEDIATE = "IMMEDIATE"
_BUSY_CODES = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}

WaitNotice = Callable[[str], None]


def is_locked(error: BaseException) -> bool:
    """Whether a database error means another connection holds the lock (SQLITE_BUSY/LOCKED)."""
    return _primary_code(error) in _BUSY_CODES


def _primary_code(error: BaseException) -> int | None:
    code = getattr(getattr(error, "orig", error), "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


@dataclass
class WriteGate:
    """The ``begin`` hook of a project's engine: deferred BEGIN for readers, a patient
    ``BEGIN IMMEDIATE`` for connections marked ``{BEGIN_OPTION: IMMEDIATE}``."""

    path: Path
    patience_s: float = WRITE_PATIENCE_S
    on_wait: WaitNotice | None = None

    def begin(self, connection: Connection) -> None:
        if connection.get_execution_options().get(BEGIN_OPTION) == IMMEDIATE:
            self._begin_immediate(connection)
        else:
            connection.exec_driver_sql("BEGIN")

    def _begin_immediate(self, connection: Connection) -> None:
        deadline = time.monotonic() + self.patience_s
        told = False
        while True:
            try:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                return
            except OperationalError as error:
                if not is_locked(error):
                    raise
            if not told and self.on_wait is not None:
                self.on_wait(f"waiting for another copy of Framing Annotator to finish writing "
                             f"{self.path}…")
                told = True
            if time.monotonic() >= deadline:
                raise ProjectError(self.gave_up_message())

    def gave_up_message(self) -> str:
        return (f"{self.path}: another copy of Framing Annotator kept the project locked for "
                f"{self.patience_s:.0f} s; nothing was changed, try again when it has finished")


_STORAGE_PROBLEMS = {
    sqlite3.SQLITE_BUSY: "the project file is locked by another copy of Framing Annotator",
    sqlite3.SQLITE_LOCKED: "the project file is locked by another copy of Framing Annotator",
    sqlite3.SQLITE_READONLY: "the project file cannot be written (read-only)",
    sqlite3.SQLITE_FULL: "the disk is full",
}


@contextmanager
def storage_errors_as_project_errors(path: Path | None) -> Iterator[None]:
    """Turn a lock, read-only or disk-full error from SQLite into one line, not a traceback
    (whose statement parameters would show the data being written)."""
    try:
        yield
    except OperationalError as error:
        problem = _STORAGE_PROBLEMS.get(_primary_code(error) or 0)
        if problem is None:
            raise
        raise ProjectError(f"{path}: {problem}; nothing was changed") from None
