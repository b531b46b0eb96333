"""One coder's items as plain versions with content digests: what packages and merges compare.

An item is an annotation (with its attribute values), a link, a document memo, a document
status or an answer to a document question. Annotations and links are keyed by their UUID; memos
and statuses by ``memo:<document>:<coder>`` and ``status:<document>:<coder>`` (one of each per
coder and document); answers by ``answer:<document>:<question>`` (items are always one coder's). The digest covers content only, not timestamps, so that a merge sees real changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, String, select, type_coerce

from annotator.db.models import (
    Annotation,
    Assignment,
    AttributeValue,
    DocumentAnswer,
    DocumentMemo,
    Relation,
    Tombstone,
)
from annotator.domain import Layer

ANNOTATION, RELATION, MEMO, STATUS, ANSWER = "annotation", "relation", "memo", "status", "answer"
DELETED = "deleted"  # the digest a deletion travels with
ADDED, UPDATED, DELETED_ACTION, UNCHANGED, CONFLICT = (
    "added", "updated", "deleted", "unchanged", "conflicting")
ACTIONS = (ADDED, UPDATED, DELETED_ACTION, UNCHANGED, CONFLICT)


@dataclass(frozen=True)
class Item:
    """One item's current version (JSON-able) and the digest of its content."""

    entity: str
    key: str
    document_id: str
    version: dict[str, Any]
    digest: str


@dataclass(frozen=True)
class Decision:
    """What a merge does with one item; ``theirs`` is the package's version (None: deleted)."""

    action: str
    entity: str
    key: str
    document_id: str
    theirs: Item | None
    reason: str = ""


def digest_of(content: tuple[Any, ...]) -> str:
    """SHA-256 of a tuple of strings, numbers and sorted pairs (its repr is deterministic)."""
    return hashlib.sha256(repr(content).encode("utf-8")).hexdigest()


def stamp(value: datetime | str | None) -> str | None:
    """A timestamp as text; SQLite's stored text is passed through without parsing it twice."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def _raw(column: Any) -> Any:
    return type_coerce(column, String)


def memo_key(document_id: str, coder_id: str) -> str:
    return f"{MEMO}:{document_id}:{coder_id}"


def status_key(document_id: str, coder_id: str) -> str:
    return f"{STATUS}:{document_id}:{coder_id}"


def answer_key(document_id: str, question_id: str) -> str:
    return f"{ANSWER}:{document_id}:{question_id}"


def coder_items(connection: Connection, coder_id: str,
                document_ids: Collection[str] | None = None) -> dict[str, Item]:
    """Every coding-layer item of one coder (in these documents, or all), by key."""
    items: dict[str, Item] = {}
    for reader in (_annotations, _relations, _memos, _statuses, _answers):
        items.update((item.key, item) for item in reader(connection, coder_id, document_ids))
    return items


def _in_documents(query: Any, column: Any, document_ids: Collection[str] | None) -> Any:
    return query if document_ids is None else query.where(column.in_(list(document_ids)))


def _annotations(connection: Connection, coder_id: str,
                 document_ids: Collection[str] | None) -> list[Item]:
    own = (Annotation.coder_id == coder_id, Annotation.layer == Layer.CODING.value)
    values: dict[str, dict[str, str]] = {}
    value_query = (select(AttributeValue.annotation_id, AttributeValue.attribute_id,
                          AttributeValue.value)
                   .join(Annotation, Annotation.id == AttributeValue.annotation_id).where(*own))
    for annotation_id, attribute_id, value in connection.execute(
            _in_documents(value_query, Annotation.document_id, document_ids)):
        values.setdefault(annotation_id, {})[attribute_id] = value
    query = select(Annotation.id, Annotation.document_id, Annotation.code_id, Annotation.start,
                   Annotation.end, Annotation.memo, _raw(Annotation.created_at),
                   _raw(Annotation.updated_at)).where(*own)
    items = []
    rows = connection.execute(_in_documents(query, Annotation.document_id, document_ids)).all()
    for key, document_id, code_id, start, end, memo, created, updated in rows:
        attributes = values.get(key, {})
        content = (document_id, code_id, start, end, memo, sorted(attributes.items()))
        version = {"document_id": document_id, "code_id": code_id, "start": start, "end": end,
                   "memo": memo, "attributes": attributes, "coder_id": coder_id,
                   "created_at": stamp(created), "updated_at": stamp(updated)}
        items.append(Item(ANNOTATION, key, document_id, version, digest_of(content)))
    return items


def _relations(connection: Connection, coder_id: str,
               document_ids: Collection[str] | None) -> list[Item]:
    query = (select(Relation.id, Relation.type, Relation.source_id, Relation.target_id,
                    _raw(Relation.created_at), Annotation.document_id)
             .join(Annotation, Annotation.id == Relation.source_id)
             .where(Relation.coder_id == coder_id, Annotation.layer == Layer.CODING.value))
    items = []
    rows = connection.execute(_in_documents(query, Annotation.document_id, document_ids)).all()
    for key, kind, source_id, target_id, created, document_id in rows:
        version = {"type": kind, "source_id": source_id, "target_id": target_id,
                   "coder_id": coder_id, "created_at": stamp(created)}
        items.append(Item(RELATION, key, document_id, version,
                          digest_of((kind, source_id, target_id))))
    return items


def _memos(connection: Connection, coder_id: str,
           document_ids: Collection[str] | None) -> list[Item]:
    query = select(DocumentMemo.document_id, DocumentMemo.text, DocumentMemo.updated_at).where(
        DocumentMemo.coder_id == coder_id)
    return [Item(MEMO, memo_key(row.document_id, coder_id), row.document_id,
                 {"text": row.text, "updated_at": stamp(row.updated_at)}, digest_of((row.text,)))
            for row in connection.execute(
                _in_documents(query, DocumentMemo.document_id, document_ids))]


def _statuses(connection: Connection, coder_id: str,
              document_ids: Collection[str] | None) -> list[Item]:
    query = select(Assignment.document_id, Assignment.status, Assignment.updated_at).where(
        Assignment.coder_id == coder_id)
    return [Item(STATUS, status_key(row.document_id, coder_id), row.document_id,
                 {"status": row.status, "updated_at": stamp(row.updated_at)},
                 digest_of((row.status,)))
            for row in connection.execute(
                _in_documents(query, Assignment.document_id, document_ids))]


def _answers(connection: Connection, coder_id: str,
             document_ids: Collection[str] | None) -> list[Item]:
    query = select(DocumentAnswer.document_id, DocumentAnswer.question_id, DocumentAnswer.value,
                   _raw(DocumentAnswer.created_at), _raw(DocumentAnswer.updated_at)).where(
        DocumentAnswer.coder_id == coder_id, DocumentAnswer.layer == Layer.CODING.value)
    items = []
    for document_id, question_id, value, created, updated in connection.execute(
            _in_documents(query, DocumentAnswer.document_id, document_ids)):
        version = {"question_id": question_id, "value": value, "created_at": stamp(created),
                   "updated_at": stamp(updated)}
        content = (question_id, json.dumps(value, sort_keys=True))
        items.append(Item(ANSWER, answer_key(document_id, question_id), document_id, version,
                          digest_of(content)))
    return items


def tombstoned(connection: Connection, ids: Collection[str] | None = None) -> set[str]:
    """UUIDs of deleted annotations and links (all, or those among ``ids``)."""
    query = select(Tombstone.id).where(Tombstone.entity.in_([ANNOTATION, RELATION]))
    if ids is None:
        return set(connection.scalars(query))
    found: set[str] = set()
    ordered = list(ids)
    for start in range(0, len(ordered), 500):
        found.update(connection.scalars(query.where(Tombstone.id.in_(ordered[start:start + 500]))))
    return found
