"""Writing a merge's decisions: bulk statements inside the caller's transaction.

Annotations are written before links (a link needs both ends) and links are deleted before
annotations; every deletion leaves a tombstone, and each conflict stores the package's version
in ``merge_conflict`` once (a second merge of the same file finds it already recorded).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from annotator.db.models import (
    Annotation,
    Assignment,
    AttributeValue,
    DocumentAnswer,
    DocumentMemo,
    MergeConflict,
    Relation,
    Tombstone,
    new_uuid,
    utcnow,
)
from annotator.db.services.merge_checks import PackageContent
from annotator.db.services.package_state import (
    ADDED,
    ANNOTATION,
    ANSWER,
    CONFLICT,
    DELETED,
    DELETED_ACTION,
    MEMO,
    RELATION,
    STATUS,
    UPDATED,
    Decision,
)
from annotator.domain import Layer

CHUNK = 500


def _when(value: str | None) -> datetime:
    return datetime.fromisoformat(value) if value else utcnow()


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def apply_decisions(session: Session, package: PackageContent,
                    decisions: list[Decision]) -> set[str]:
    """Write every decision; returns the keys of conflicts recorded by an earlier merge."""
    connection = session.connection()
    coder_id = package.summary.coder_id

    def chosen(entity: str, *actions: str) -> list[Decision]:
        return [d for d in decisions if d.entity == entity and d.action in actions]

    _write_annotations(connection, coder_id, chosen(ANNOTATION, ADDED),
                       chosen(ANNOTATION, UPDATED))
    _delete(connection, Relation, RELATION, coder_id,
            [d.key for d in chosen(RELATION, UPDATED, DELETED_ACTION)])
    _write_relations(connection, coder_id, chosen(RELATION, ADDED, UPDATED))
    _delete_annotations(connection, coder_id, [d.key for d in chosen(ANNOTATION, DELETED_ACTION)])
    _write_memos(connection, coder_id, chosen(MEMO, ADDED, UPDATED))
    _write_statuses(connection, coder_id, chosen(STATUS, ADDED, UPDATED))
    _write_answers(connection, coder_id, chosen(ANSWER, ADDED, UPDATED), chosen(ANSWER, DELETED_ACTION))
    return _record_conflicts(connection, package, [d for d in decisions if d.action == CONFLICT])


def _annotation_row(coder_id: str, key: str, version: dict[str, Any]) -> dict[str, Any]:
    return {"id": key, "b_id": key, "document_id": version["document_id"], "coder_id": coder_id,
            "code_id": version["code_id"], "start": version["start"], "end": version["end"],
            "layer": Layer.CODING.value, "memo": version["memo"],
            "created_at": _when(version["created_at"]), "updated_at": _when(version["updated_at"])}


def _write_annotations(connection: Connection, coder_id: str, added: list[Decision],
                       updated: list[Decision]) -> None:
    new_rows = [_annotation_row(coder_id, d.key, d.theirs.version) for d in added if d.theirs]
    if new_rows:
        connection.execute(insert(Annotation.__table__),
                           [{k: v for k, v in row.items() if k != "b_id"} for row in new_rows])
    changed = [_annotation_row(coder_id, d.key, d.theirs.version) for d in updated if d.theirs]
    if changed:
        table = Annotation.__table__
        statement = update(table).where(table.c.id == bindparam("b_id")).values(
            code_id=bindparam("code_id"), start=bindparam("start"), end=bindparam("end"),
            memo=bindparam("memo"), updated_at=bindparam("updated_at"),
            row_version=table.c.row_version + 1)
        connection.execute(statement, [{k: row[k] for k in (
            "b_id", "code_id", "start", "end", "memo", "updated_at")} for row in changed])
        for ids in _chunks([row["id"] for row in changed]):
            connection.execute(delete(AttributeValue).where(AttributeValue.annotation_id.in_(ids)))
    values = [{"id": new_uuid(), "annotation_id": d.key, "attribute_id": attribute_id,
               "value": value}
              for d in added + updated if d.theirs
              for attribute_id, value in d.theirs.version["attributes"].items()]
    if values:
        connection.execute(insert(AttributeValue.__table__), values)


def _write_relations(connection: Connection, coder_id: str, chosen: list[Decision]) -> None:
    rows = [{"id": d.key, "type": d.theirs.version["type"],
             "source_id": d.theirs.version["source_id"],
             "target_id": d.theirs.version["target_id"], "coder_id": coder_id,
             "created_at": _when(d.theirs.version["created_at"])} for d in chosen if d.theirs]
    if rows:
        connection.execute(delete(Tombstone).where(Tombstone.id.in_([r["id"] for r in rows])))
        connection.execute(insert(Relation.__table__), rows)


def _delete(connection: Connection, model: Any, entity: str, coder_id: str,
            ids: list[str]) -> None:
    """Delete rows by id, leaving a tombstone for each (updated links are rewritten after)."""
    for chunk in _chunks(ids):
        connection.execute(delete(Tombstone).where(Tombstone.id.in_(chunk)))
        connection.execute(insert(Tombstone.__table__), [
            {"id": i, "entity": entity, "coder_id": coder_id, "deleted_at": utcnow()}
            for i in chunk])
        connection.execute(delete(model).where(model.id.in_(chunk)))


def _delete_annotations(connection: Connection, coder_id: str, ids: list[str]) -> None:
    for chunk in _chunks(ids):
        touching = list(connection.scalars(select(Relation.id).where(
            or_(Relation.source_id.in_(chunk), Relation.target_id.in_(chunk)))))
        _delete(connection, Relation, RELATION, coder_id, touching)
    _delete(connection, Annotation, ANNOTATION, coder_id, ids)


def _write_memos(connection: Connection, coder_id: str, chosen: list[Decision]) -> None:
    _upsert_per_document(connection, DocumentMemo, "text", coder_id, chosen)


def _write_statuses(connection: Connection, coder_id: str, chosen: list[Decision]) -> None:
    _upsert_per_document(connection, Assignment, "status", coder_id, chosen)


def _upsert_per_document(connection: Connection, model: Any, field: str, coder_id: str,
                         chosen: list[Decision]) -> None:
    """Memos and statuses have one row per document and coder: update it, or add it."""
    for d in chosen:
        assert d.theirs is not None
        version = d.theirs.version
        values = {field: version[field], "updated_at": _when(version["updated_at"])}
        done = connection.execute(update(model).where(
            model.document_id == d.document_id, model.coder_id == coder_id).values(**values))
        if not done.rowcount:
            connection.execute(insert(model.__table__), [{
                "id": new_uuid(), "document_id": d.document_id, "coder_id": coder_id, **values}])


def _write_answers(connection: Connection, coder_id: str, chosen: list[Decision],
                   deleted: list[Decision]) -> None:
    """One answer per document, coder and question (coding layer): update, add or delete it."""
    table = DocumentAnswer.__table__
    for d in deleted + chosen:
        question_id = d.key.rsplit(":", 1)[1]
        mine = ((table.c.document_id == d.document_id) & (table.c.coder_id == coder_id)
                & (table.c.question_id == question_id) & (table.c.layer == Layer.CODING.value))
        if d.theirs is None:
            connection.execute(delete(table).where(mine))
            continue
        version = d.theirs.version
        values = {"value": version["value"], "updated_at": _when(version["updated_at"])}
        if not connection.execute(update(table).where(mine).values(**values)).rowcount:
            connection.execute(insert(table), [{
                "id": new_uuid(), "document_id": d.document_id, "coder_id": coder_id,
                "question_id": question_id, "layer": Layer.CODING.value,
                "created_at": _when(version["created_at"]), **values}])


def _record_conflicts(connection: Connection, package: PackageContent,
                      conflicts: list[Decision]) -> set[str]:
    """Store each conflict's package version once; returns the keys stored by an earlier merge."""
    package_id = package.summary.package_id
    known = set(connection.execute(select(MergeConflict.item_id, MergeConflict.package_digest)
                                   .where(MergeConflict.package_id == package_id)).all())
    before, rows = set(), []
    for d in conflicts:
        digest = d.theirs.digest if d.theirs else DELETED
        if (d.key, digest) in known:
            before.add(d.key)
            continue
        rows.append({"id": new_uuid(), "package_id": package_id,
                     "coder_id": package.summary.coder_id, "document_id": d.document_id,
                     "entity": d.entity, "item_id": d.key, "reason": d.reason,
                     "package_digest": digest,
                     "package_version": d.theirs.version if d.theirs else None,
                     "created_at": utcnow()})
    if rows:
        connection.execute(insert(MergeConflict.__table__), rows)
    return before
