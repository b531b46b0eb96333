"""Undoing and redoing an import (articles or annotations) as one service call each.

Undo removes exactly the rows the import added (its :class:`ImportRecord`), puts back the rows it
changed, and leaves tombstones as the app's other deletions do (annotations and links with their
coder, codes), so that a coder package made before still merges correctly. It is refused, with
nothing changed, when something was built on the import since: an imported row was edited or
deleted, or a row that is not part of the import refers to one that is (a coder's annotation in
an imported document, a link to an imported annotation, a later annotation with an imported
code, a memo or an answer on an imported document, an adjudication that took an imported
annotation). Redo puts the very rows back (same UUIDs, texts, hashes and timestamps), not a
second import of the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from annotator.db.models import AdjudicationDecision, Base, Document, MergeConflict, Tombstone
from annotator.db.services.import_rows import (
    ImportRecord,
    Row,
    chunks,
    primary_key,
    read_rows,
    row_hash,
    table,
)
from annotator.errors import ProjectError

Step = Callable[[int, int], None]
TOMBSTONED = {"annotation": "annotation", "relation": "relation", "code": "code"}
"""Tables whose deletions leave a tombstone elsewhere in the app (delete_annotation,
delete_relation, delete_code), with the entity name they use."""
NOUNS = {"document": "document", "annotation": "annotation", "relation": "link",
         "attribute_value": "attribute value", "code": "code", "coder": "coder",
         "attribute_definition": "attribute", "document_memo": "memo",
         "document_answer": "answer", "assignment": "assignment", "codebook": "codebook",
         "adjudication_decision": "adjudication decision"}


@dataclass(frozen=True)
class RemovedImport:
    """What an undo took away (to put back on redo): the added rows and the changed rows'
    state after the import."""

    record: ImportRecord
    rows: dict[str, list[Row]]
    after: dict[str, dict[str, Row]]


def _noun(name: str, count: int) -> str:
    noun = NOUNS.get(name, name.replace("_", " "))
    return noun if count == 1 else noun + "s"


def _a(name: str) -> str:
    noun = _noun(name, 1)
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def _ordered_tables() -> list[str]:
    """Tables parents first (inserts in this order, deletes in reverse)."""
    return [t.name for t in Base.metadata.sorted_tables]


def _check_unchanged(session: Session, record: ImportRecord,
                     tick: Callable[[], None]) -> dict[str, dict[str, Row]]:
    """The import's rows as they are now; refuses if any is gone or differs from the import."""
    current: dict[str, dict[str, Row]] = {}
    for name, hashes in record.hashes.items():
        tick()
        rows = read_rows(session, name, hashes)
        current[name] = rows
        missing = len(hashes) - len(rows)
        if missing:
            raise ProjectError(f"{missing} imported {_noun(name, missing)} "
                               f"{_were(missing)} deleted since; undo the later changes first")
        changed = sum(1 for key, row in rows.items() if row_hash(row) != hashes[key])
        if changed:
            raise ProjectError(f"{changed} imported {_noun(name, changed)} {_were(changed)} "
                               "changed since the import; undo the later changes first")
    return current


def _check_nothing_built_on(session: Session, record: ImportRecord) -> None:
    """Refuses when a row outside the import refers to a row the import added."""
    connection = session.connection()
    for referring in Base.metadata.sorted_tables:
        own = set(record.created.get(referring.name, ()))
        for key in referring.foreign_keys:
            target = key.column.table.name
            ids = record.created.get(target, ())
            if not ids:
                continue
            query = select(referring.c.id, key.parent)
            for chunk in chunks(ids):
                for row_id, _target in connection.execute(query.where(key.parent.in_(chunk))):
                    if row_id not in own:
                        raise ProjectError(
                            f"{_a(referring.name)} made since the import refers to an "
                            f"imported {_noun(target, 1)}; remove it first")
    _check_loose_references(session, record)


def _check_loose_references(session: Session, record: ImportRecord) -> None:
    """References that are not foreign keys: adjudication sources and merge conflicts."""
    for column, name in ((AdjudicationDecision.source_annotation_id, "annotation"),
                         (MergeConflict.document_id, "document")):
        for chunk in chunks(record.created.get(name, ())):
            if session.scalar(select(column).where(column.in_(chunk)).limit(1)) is not None:
                raise ProjectError(f"{_a(column.class_.__tablename__)} made since the "
                                   f"import refers to an imported {_noun(name, 1)}")


def undo_import(session: Session, record: ImportRecord, step: Step | None = None) -> RemovedImport:
    """Remove what the import added and restore what it changed, or refuse (nothing changed).

    ``step`` hears (stages done, stages): one per table read, checked and emptied."""
    names = [n for n in reversed(_ordered_tables()) if record.created.get(n)]
    stages, done = len(record.hashes) + 1 + len(names), iter(range(10_000))

    def tick() -> None:
        if step is not None:
            step(next(done), stages)

    current = _check_unchanged(session, record, tick)
    tick()
    _check_nothing_built_on(session, record)
    connection = session.connection()
    rows = {name: [current[name][key] for key in record.created[name]] for name in names}
    for name in names:
        tick()
        for chunk in chunks(record.created[name]):
            connection.execute(delete(table(name)).where(primary_key(name).in_(chunk)))
    after = {name: {key: current[name][key] for key in found}
             for name, found in record.before.items()}
    _put(session, record.before)
    _leave_tombstones(session, rows)
    return RemovedImport(record, rows, after)


def _put(session: Session, states: dict[str, dict[str, Row]]) -> None:
    """Write these states over the rows that have their ids."""
    connection = session.connection()
    for name, found in states.items():
        for key, row in found.items():
            connection.execute(update(table(name)).where(primary_key(name) == key).values(row))


def _leave_tombstones(session: Session, rows: dict[str, list[Row]]) -> None:
    stones = [{"id": row["id"], "entity": entity, "coder_id": row.get("coder_id")}
              for name, entity in TOMBSTONED.items() for row in rows.get(name, ())]
    if not stones:
        return
    connection = session.connection()
    for chunk in chunks([stone["id"] for stone in stones]):
        connection.execute(delete(Tombstone).where(Tombstone.id.in_(chunk)))
    connection.execute(insert(Tombstone.__table__), stones)


def redo_import(session: Session, removed: RemovedImport, step: Step | None = None) -> ImportRecord:
    """Put back the rows an undo removed, with their UUIDs, texts and timestamps; refused
    (nothing changed) when the project took them up again meanwhile."""
    record = removed.record
    _check_redo_possible(session, removed)
    connection = session.connection()
    names = [n for n in _ordered_tables() if removed.rows.get(n)]
    for chunk in chunks([row["id"] for name in names for row in removed.rows[name]]):
        connection.execute(delete(Tombstone).where(Tombstone.id.in_(chunk)))
    for done, name in enumerate(names):
        if step is not None:
            step(done, len(names))
        rows = removed.rows[name]
        if name == "code":
            rows = _parents_first(rows)
        connection.execute(insert(table(name)), rows)
    _put(session, removed.after)
    return record


def _check_redo_possible(session: Session, removed: RemovedImport) -> None:
    for name, rows in removed.rows.items():
        present = read_rows(session, name, [row["id"] for row in rows])
        if present:
            raise ProjectError(f"{len(present)} of the import's {_noun(name, 2)} are in the "
                               "project again; nothing was redone")
    digests = [row["sha256"] for row in removed.rows.get("document", ())]
    for chunk in chunks(digests):
        if session.scalar(select(Document.id).where(Document.sha256.in_(chunk)).limit(1)):
            raise ProjectError("an article with the same text was imported since; "
                               "nothing was redone")
    for name, found in removed.record.before.items():
        now = read_rows(session, name, found)
        if any(row_hash(now.get(key, {})) != row_hash(row) for key, row in found.items()):
            raise ProjectError(f"{_a(name)} the import changed was changed again "
                               "since; nothing was redone")


def _parents_first(rows: list[Row]) -> list[Row]:
    by_id = {row["id"]: row for row in rows}

    def depth(row: Row) -> int:
        level, parent = 0, row.get("parent_id")
        while parent in by_id:
            level, parent = level + 1, by_id[parent].get("parent_id")
        return level

    return sorted(rows, key=depth)
