"""What an import stored, row by row, so that it can be undone and redone exactly.

An importer notes the primary keys of the rows it added (:class:`CreatedRows`, per table) and,
for a row it changed rather than added (a REFI-QDA note appended to an existing document memo),
the row as it was before. :func:`seal` then reads those rows back inside the import's own
transaction and keeps one hash per row: undo compares them with what is there later, so that
an import whose rows were edited since is refused rather than undone over someone's work.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from annotator.db.models import Base

Row = dict[str, Any]
IDS_PER_QUERY = 500  # under every database's limit on bound parameters


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def primary_key(name: str) -> Any:
    return table(name).c.id


@dataclass
class CreatedRows:
    """Primary keys of the rows an import added, and rows it changed as they were before."""

    created: dict[str, list[str]] = field(default_factory=dict)
    before: dict[str, dict[str, Row]] = field(default_factory=dict)

    def add(self, name: str, ids: Iterable[str]) -> None:
        self.created.setdefault(name, []).extend(ids)

    def changing(self, session: Session, name: str, row_id: str) -> None:
        """Call before changing an existing row: keeps its first state (once per import)."""
        if row_id in self.created.get(name, ()) or row_id in self.before.get(name, {}):
            return
        rows = read_rows(session, name, [row_id])
        if rows:
            self.before.setdefault(name, {})[row_id] = rows[row_id]

    def count(self, name: str) -> int:
        return len(self.created.get(name, ()))


@dataclass(frozen=True)
class ImportRecord:
    """A sealed import: what it added and changed, with a hash of each row as the import left it."""

    created: dict[str, tuple[str, ...]]
    before: dict[str, dict[str, Row]]
    hashes: dict[str, dict[str, str]]  # table -> id -> row hash, for added and changed rows

    def count(self, name: str) -> int:
        return len(self.created.get(name, ()))

    @property
    def empty(self) -> bool:
        return not any(self.created.values()) and not any(self.before.values())

    def merged(self, other: ImportRecord) -> ImportRecord:
        """Two imports (one per file of a batch) as one."""
        names = set(self.created) | set(other.created)
        created = {n: self.created.get(n, ()) + other.created.get(n, ()) for n in names}
        before = {n: {**other.before.get(n, {}), **self.before.get(n, {})}
                  for n in set(self.before) | set(other.before)}
        hashes = {n: {**self.hashes.get(n, {}), **other.hashes.get(n, {})}
                  for n in set(self.hashes) | set(other.hashes)}
        return ImportRecord(created, before, hashes)


EMPTY = ImportRecord({}, {}, {})


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    ordered = list(ids)
    for start in range(0, len(ordered), IDS_PER_QUERY):
        yield ordered[start:start + IDS_PER_QUERY]


def read_rows(session: Session, name: str, ids: Iterable[str]) -> dict[str, Row]:
    """The rows of ``name`` with these ids, as plain dicts keyed by column key."""
    columns = list(table(name).columns)
    found: dict[str, Row] = {}
    connection = session.connection()
    for chunk in chunks(ids):
        for values in connection.execute(select(*columns).where(primary_key(name).in_(chunk))):
            row = {column.key: value for column, value in zip(columns, values, strict=True)}
            found[row["id"]] = row
    return found


def row_hash(row: Row) -> str:
    return hashlib.sha1(repr(sorted(row.items())).encode("utf-8")).hexdigest()


def seal(session: Session, rows: CreatedRows) -> ImportRecord:
    """Read back what the import added and changed (inside its transaction) and hash each row."""
    session.flush()
    hashes: dict[str, dict[str, str]] = {}
    for name in set(rows.created) | set(rows.before):
        ids = [*rows.created.get(name, ()), *rows.before.get(name, {})]
        hashes[name] = {key: row_hash(row) for key, row in read_rows(session, name, ids).items()}
    created = {name: tuple(ids) for name, ids in rows.created.items() if ids}
    before = {name: dict(found) for name, found in rows.before.items() if found}
    return ImportRecord(created, before, hashes)
