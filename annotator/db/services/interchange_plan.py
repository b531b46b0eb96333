"""Checking a whole annotation JSONL file against the project before anything is written.

``plan_import`` resolves every line in one pass and decides, per line, "new" or "already present".
An id that is already in the project (or earlier in the file) with other content is a conflict: the
file is refused by line, naming the id and what differs, and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, AttributeValue, Relation, new_uuid
from annotator.db.services.interchange_resolve import ResolvedAnnotation, Resolver
from annotator.db.services.interchange_sql import id_table
from annotator.domain import RelationType
from annotator.errors import InputError
from annotator.importers.annotations_jsonl import AnnotationLine, RelationLine

RELATION_TYPES = {t.value: t for t in RelationType}


class PlannedRelation(NamedTuple):
    line: int
    uuid: str
    type: str
    source_id: str
    target_id: str
    coder_id: str


Item = TypeVar("Item", ResolvedAnnotation, PlannedRelation)


@dataclass
class ImportPlan:
    annotations: list[ResolvedAnnotation] = field(default_factory=list)
    relations: list[PlannedRelation] = field(default_factory=list)
    skipped_annotations: int = 0
    skipped_relations: int = 0


class _Endpoint(NamedTuple):
    document_id: str
    layer: str
    coder_id: str


def _annotation_content(item: ResolvedAnnotation) -> dict[str, Any]:
    return {"document": item.document_id, "coder": item.coder_id, "code": item.code_id,
            "start": item.start, "end": item.end, "layer": item.layer, "memo": item.memo,
            "attributes": item.attributes}


def _relation_content(item: PlannedRelation) -> dict[str, Any]:
    return {"relation": item.type, "from": item.source_id, "to": item.target_id,
            "coder": item.coder_id}


def _differences(ours: dict[str, Any], theirs: dict[str, Any]) -> str:
    return ", ".join(key for key in ours if ours[key] != theirs[key])


def _stored_annotations(session: Session, ids: list[str]) -> dict[str, ResolvedAnnotation]:
    """Annotations already in the project among ``ids``, with their attribute values."""
    if not ids:
        return {}
    connection = session.connection()
    values: dict[str, dict[str, str]] = {}
    with id_table(connection, ids) as keys:
        for annotation_id, attribute_id, value in connection.execute(
                select(AttributeValue.annotation_id, AttributeValue.attribute_id,
                       AttributeValue.value)
                .join(keys, keys.c.id == AttributeValue.annotation_id)):
            values.setdefault(annotation_id, {})[attribute_id] = value
        rows = connection.execute(
            select(Annotation.id, Annotation.document_id, Annotation.coder_id, Annotation.code_id,
                   Annotation.start, Annotation.end, Annotation.layer, Annotation.memo)
            .join(keys, keys.c.id == Annotation.id)).all()
    return {row[0]: ResolvedAnnotation(0, *row, values.get(row[0], {})) for row in rows}


def _conflict(resolver: Resolver, noun: str, item: Item, earlier: Item,
              content: Callable[[Item], dict[str, Any]]) -> InputError:
    differs = _differences(content(item), content(earlier))
    where = f"also on line {earlier.line}" if earlier.line else "already exists in the project"
    return resolver.fail(item.line, f"{noun} id {item.uuid} {where} with a different {differs}; "
                         "nothing was imported (give the line a new id to add it)")


def _new_or_present(resolver: Resolver, items: list[Item], stored: dict[str, Item], noun: str,
                    content: Callable[[Item], dict[str, Any]]
                    ) -> tuple[list[Item], int, dict[str, Item]]:
    """Split ``items`` into new ones and the number already present (in the project or earlier
    in the file, with equal content); also returns every item by id. Other content: refused."""
    new: list[Item] = []
    by_id: dict[str, Item] = {}
    present = 0
    for item in items:
        if not item.uuid:
            new.append(item._replace(uuid=new_uuid()))
            continue
        earlier = by_id.get(item.uuid) or stored.get(item.uuid)
        if earlier is None:
            by_id[item.uuid] = item
            new.append(item)
        elif item[2:] != earlier[2:]:  # the content, past line and id
            raise _conflict(resolver, noun, item, earlier, content)
        else:
            present += 1
            by_id.setdefault(item.uuid, earlier)
    return new, present, by_id


def _plan_annotations(session: Session, resolver: Resolver, lines: Iterable[AnnotationLine],
                      plan: ImportPlan) -> dict[str, ResolvedAnnotation]:
    """Fill ``plan.annotations``; returns every annotation of the file that has an id."""
    resolved = [resolver.annotation(item) for item in lines]
    stored = _stored_annotations(session, [a.uuid for a in resolved if a.uuid])
    plan.annotations, plan.skipped_annotations, by_id = _new_or_present(
        resolver, resolved, stored, "annotation", _annotation_content)
    return by_id


def _stored_endpoints(session: Session, ids: list[str]) -> dict[str, _Endpoint]:
    if not ids:
        return {}
    connection = session.connection()
    with id_table(connection, ids) as keys:
        rows = connection.execute(
            select(Annotation.id, Annotation.document_id, Annotation.layer, Annotation.coder_id)
            .join(keys, keys.c.id == Annotation.id)).all()
    return {row[0]: _Endpoint(*row[1:]) for row in rows}


def _endpoints(session: Session, in_file: dict[str, ResolvedAnnotation],
               lines: list[RelationLine]) -> dict[str, _Endpoint]:
    known = {key: _Endpoint(a.document_id, a.layer, a.coder_id) for key, a in in_file.items()}
    wanted = {end for item in lines for end in (item.source, item.target) if end not in known}
    return known | _stored_endpoints(session, sorted(wanted))


def _relation(resolver: Resolver, item: RelationLine,
              endpoints: dict[str, _Endpoint]) -> PlannedRelation:
    if item.type not in RELATION_TYPES:
        known = ", ".join(RELATION_TYPES)
        raise resolver.fail(item.line, f"unknown relation {item.type!r}; use one of {known}")
    for key, end in (("from", item.source), ("to", item.target)):
        if end not in endpoints:
            raise resolver.fail(item.line, f"{key!r} {end} is not the id of an annotation in "
                                "this file or the project")
    source, target = endpoints[item.source], endpoints[item.target]
    if item.source == item.target:
        raise resolver.fail(item.line, "an annotation cannot be linked to itself")
    if (source.document_id, source.layer) != (target.document_id, target.layer):
        raise resolver.fail(item.line, "linked annotations must be in the same document and layer")
    coder_id = resolver.coder(item.coder, item.line) if item.coder else source.coder_id
    return PlannedRelation(item.line, item.uuid or "", item.type, item.source, item.target,
                           coder_id)


def _stored_relations(session: Session, ids: list[str]) -> dict[str, PlannedRelation]:
    if not ids:
        return {}
    connection = session.connection()
    with id_table(connection, ids) as keys:
        rows = connection.execute(
            select(Relation.id, Relation.type, Relation.source_id, Relation.target_id,
                   Relation.coder_id).join(keys, keys.c.id == Relation.id)).all()
    return {row[0]: PlannedRelation(0, *row) for row in rows}


def _plan_relations(session: Session, resolver: Resolver, lines: list[RelationLine],
                    in_file: dict[str, ResolvedAnnotation], plan: ImportPlan) -> None:
    endpoints = _endpoints(session, in_file, lines)
    planned = [_relation(resolver, item, endpoints) for item in lines]
    stored = _stored_relations(session, [r.uuid for r in planned if r.uuid])
    plan.relations, plan.skipped_relations, _ = _new_or_present(
        resolver, planned, stored, "link", _relation_content)


def plan_import(session: Session, path: Path, annotations: list[AnnotationLine],
                relations: list[RelationLine]) -> ImportPlan:
    """Check every line of the file; raises InputError (naming the line) before any write."""
    resolver = Resolver(session, path)
    plan = ImportPlan()
    in_file = _plan_annotations(session, resolver, annotations, plan)
    _plan_relations(session, resolver, relations, in_file, plan)
    return plan

