"""Typed links between two annotations (a claim *attributed to* a source, and so on)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Relation, Tombstone
from annotator.domain import RelationType
from annotator.errors import ProjectError


@dataclass(frozen=True)
class RelationData:
    uuid: str
    type: RelationType
    source_id: str
    target_id: str
    coder_id: str
    created_at: datetime | None = None


def _data(relation: Relation) -> RelationData:
    return RelationData(relation.id, RelationType(relation.type), relation.source_id,
                        relation.target_id, relation.coder_id, relation.created_at)


def create_relation(session: Session, *, type: RelationType, source_id: str, target_id: str,
                    coder_id: str, uuid: str | None = None) -> RelationData:
    """Link two annotations of one document and one layer."""
    source, target = session.get(Annotation, source_id), session.get(Annotation, target_id)
    if source is None or target is None:
        raise ProjectError("both ends of a link must be existing annotations")
    if source_id == target_id:
        raise ProjectError("an annotation cannot be linked to itself")
    if source.document_id != target.document_id or source.layer != target.layer:
        raise ProjectError("linked annotations must be in the same document and layer")
    relation = Relation(type=RelationType(type).value, source_id=source_id, target_id=target_id,
                        coder_id=coder_id)
    if uuid:
        relation.id = uuid
        session.execute(delete(Tombstone).where(Tombstone.id == uuid))
    session.add(relation)
    session.flush()
    return _data(relation)


def restore_relation(session: Session, data: RelationData) -> None:
    create_relation(session, type=data.type, source_id=data.source_id, target_id=data.target_id,
                    coder_id=data.coder_id, uuid=data.uuid)


def delete_relation(session: Session, relation_id: str) -> RelationData:
    relation = session.get(Relation, relation_id)
    if relation is None:
        raise ProjectError(f"no link with id {relation_id}")
    data = _data(relation)
    session.add(Tombstone(id=relation_id, entity="relation", coder_id=relation.coder_id))
    session.delete(relation)
    session.flush()
    return data


def relations_touching(session: Session, annotation_id: str) -> list[RelationData]:
    query = select(Relation).where(
        or_(Relation.source_id == annotation_id, Relation.target_id == annotation_id))
    return [_data(r) for r in session.scalars(query)]


def list_relations(session: Session, document_id: str | None = None,
                   coder_id: str | None = None,
                   coder_ids: Collection[str] | None = None) -> list[RelationData]:
    """Relations (of a document, of one coder or of several), oldest first."""
    query = select(Relation).join(Annotation, Annotation.id == Relation.source_id)
    if document_id is not None:
        query = query.where(Annotation.document_id == document_id)
    if coder_id is not None:
        query = query.where(Relation.coder_id == coder_id)
    if coder_ids is not None:
        query = query.where(Relation.coder_id.in_(list(coder_ids)))
    return [_data(r) for r in session.scalars(query.order_by(Relation.created_at))]
