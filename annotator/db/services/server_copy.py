"""Copy a whole project between a file and a server (either direction): ``annotator server copy``.

Every table of the schema is copied row by row in foreign-key order, in one transaction on the
destination, keeping every UUID; timestamps travel as UTC (SQLite stores them without a zone).
The destination must be new: a file that does not exist yet, or a database holding no project.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.orm import Session

from annotator.db.engine import open_project
from annotator.db.models import Base, Project
from annotator.errors import ProjectError
from annotator.project_location import ProjectLocation, display_location, is_server_url

CHUNK = 5_000
Progress = Callable[[str, int], None]


def _utc(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns)
    result = connection.execute(select(table).order_by(*order)).mappings()
    for row in result:
        yield {key: _utc(value) for key, value in row.items()}


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def copy_project(source: ProjectLocation, destination: ProjectLocation,
                 progress: Progress | None = None) -> dict[str, int]:
    """Copy the project at ``source`` into the new ``destination``; returns rows per table."""
    origin = open_project(source)
    try:
        target = open_project(destination, create=True)
    except Exception:
        origin.close()
        raise
    def copy_all(session: Session) -> dict[str, int]:
        if session.scalar(select(func.count()).select_from(Project)):
            raise ProjectError(f"{display_location(destination)}: already holds a project; "
                               "copy into a new file or an empty database")
        counts: dict[str, int] = {}
        writer = session.connection()
        with origin.reader() as reading:
            reader = reading.connection()
            for table in Base.metadata.sorted_tables:
                counts[table.name] = 0
                for chunk in _chunks(_rows(reader, table)):
                    writer.execute(insert(table), chunk)
                    counts[table.name] += len(chunk)
                if progress is not None:
                    progress(table.name, counts[table.name])
        return counts

    done = False
    try:
        counts = target.write(copy_all)  # one transaction; on a server, again after a deadlock
        done = True
    finally:
        origin.close()
        target.close()
        if not done and not is_server_url(destination):  # leave no empty project file behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{destination}{suffix}").unlink(missing_ok=True)
    return counts
