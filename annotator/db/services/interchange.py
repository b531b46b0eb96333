"""Annotation JSONL in and out of a project (DESIGN.md §6).

Import resolves every line first and only then writes, inside the caller's transaction: a file with
one bad line imports nothing, and the error names the file, the line and what exists instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, AttributeDefinition, Coder, Document
from annotator.db.services.annotations import create_annotation, list_annotations, normalise_value
from annotator.db.services.codebook import code_ids_by_path, list_codes
from annotator.db.services.lookup import find_coder, find_document
from annotator.db.services.relations import create_relation, list_relations
from annotator.domain import Layer, RelationType
from annotator.errors import AnnotatorError, InputError
from annotator.importers.annotations_jsonl import (
    AnnotationLine,
    RelationLine,
    read_annotation_lines,
)


@dataclass(frozen=True)
class InterchangeOutcome:
    annotations: int
    relations: int
    skipped: int


class _Resolver:
    """Caches look-ups of documents, coders, codes and attributes for one import."""

    def __init__(self, session: Session, path: Path) -> None:
        self.session, self.path = session, path
        self.codes = code_ids_by_path(session)
        self.documents: dict[str, Document] = {}
        self.coders: dict[str, Coder] = {}
        self.attribute_defs: dict[str, dict[str, AttributeDefinition]] = {}

    def fail(self, line: int, message: str) -> InputError:
        return InputError(self.path, message, line=line)

    def document(self, key: str, line: int) -> Document:
        if key not in self.documents:
            try:
                self.documents[key] = find_document(self.session, key)
            except AnnotatorError as error:
                raise self.fail(line, str(error)) from None
        return self.documents[key]

    def coder(self, key: str, line: int) -> Coder:
        if key not in self.coders:
            try:
                self.coders[key] = find_coder(self.session, key)
            except AnnotatorError as error:
                raise self.fail(line, str(error)) from None
        return self.coders[key]

    def code(self, path: str, line: int) -> str:
        code_id = self.codes.get(path.strip().strip("/").casefold())
        if code_id is None:
            known = ", ".join(row.path for row in list_codes(self.session)[:15])
            raise self.fail(line, f"unknown code {path!r}; codes are paths such as: {known}")
        return code_id

    def attributes(self, code_id: str, values: dict[str, str], line: int) -> dict[str, str]:
        if code_id not in self.attribute_defs:  # one query per code, not per line
            self.attribute_defs[code_id] = {a.name.casefold(): a for a in self.session.scalars(
                select(AttributeDefinition).where(AttributeDefinition.code_id == code_id))}
        defined = self.attribute_defs[code_id]
        resolved: dict[str, str] = {}
        for name, value in values.items():
            attribute = defined.get(name.casefold())
            if attribute is None:
                known = ", ".join(a.name for a in defined.values()) or "none"
                raise self.fail(line, f"unknown attribute {name!r} for this code; it has: {known}")
            try:
                resolved[attribute.id] = normalise_value(attribute, value)
            except AnnotatorError as error:
                raise self.fail(line, str(error)) from None
        return resolved


def _resolve_annotation(resolver: _Resolver, item: AnnotationLine) -> dict[str, Any]:
    key = item.document
    if item.external_id and _unknown_document(resolver.session, key):
        key = item.external_id
    document = resolver.document(key, item.line)
    if item.end > document.length:
        raise resolver.fail(item.line, f"span [{item.start}, {item.end}) ends after the "
                            f"document's {document.length} characters")
    if item.text is not None and document.text[item.start:item.end] != item.text:
        found = document.text[item.start:item.end]
        raise resolver.fail(item.line, f"'text' {item.text!r} differs from the document's "
                            f"characters {item.start}–{item.end}: {found!r}")
    if item.layer not in {layer.value for layer in Layer}:
        raise resolver.fail(item.line, f"unknown layer {item.layer!r}; use coding or gold")
    code_id = resolver.code(item.code, item.line)
    return dict(document_id=document.id, coder_id=resolver.coder(item.coder, item.line).id,
                code_id=code_id, start=item.start, end=item.end, layer=Layer(item.layer),
                memo=item.memo, attributes=resolver.attributes(code_id, item.attributes, item.line),
                uuid=item.uuid)


def _unknown_document(session: Session, document_id: str) -> bool:
    return session.get(Document, document_id) is None


def import_annotations(session: Session, path: Path) -> InterchangeOutcome:
    """Import one JSONL file; raises InputError (and writes nothing) on the first bad line."""
    annotation_lines, relation_lines = read_annotation_lines(path)
    resolver = _Resolver(session, path)
    planned = [(item, _resolve_annotation(resolver, item)) for item in annotation_lines]
    written = skipped = 0
    for item, values in planned:
        existing = session.get(Annotation, values["uuid"]) if values["uuid"] else None
        if existing is not None:
            if (existing.document_id, existing.start, existing.end, existing.code_id) != (
                    values["document_id"], values["start"], values["end"], values["code_id"]):
                raise resolver.fail(item.line, f"annotation id {values['uuid']} already exists "
                                    "in the project with other values")
            skipped += 1
            continue
        create_annotation(session, **values)
        written += 1
    relations = sum(_import_relation(session, resolver, item) for item in relation_lines)
    return InterchangeOutcome(written, relations, skipped)


def _import_relation(session: Session, resolver: _Resolver, item: RelationLine) -> int:
    try:
        kind = RelationType(item.type)
    except ValueError:
        known = ", ".join(t.value for t in RelationType)
        raise resolver.fail(item.line, f"unknown relation {item.type!r}; use one of {known}") from None
    source = session.get(Annotation, item.source)
    if source is None or session.get(Annotation, item.target) is None:
        raise resolver.fail(item.line, "'from' and 'to' must be ids of annotations in this file "
                            "or the project")
    coder_id = resolver.coder(item.coder, item.line).id if item.coder else source.coder_id
    try:
        create_relation(session, type=kind, source_id=item.source, target_id=item.target,
                        coder_id=coder_id, uuid=item.uuid)
    except AnnotatorError as error:
        raise resolver.fail(item.line, str(error)) from None
    return 1


def iter_annotation_objects(session: Session, layer: Layer | None = None) -> Iterator[dict]:
    """Every annotation (then every relation) as a JSONL object, in document order."""
    documents = {d.id: d for d in session.scalars(select(Document))}
    coders = {c.id: c.name for c in session.scalars(select(Coder))}
    codes = {row.uuid: row.path for row in list_codes(session)}
    attribute_names = dict(session.execute(
        select(AttributeDefinition.id, AttributeDefinition.name)).all())
    for data in list_annotations(session, layer=layer):
        document = documents[data.document_id]
        yield {
            "id": data.uuid, "document": document.id, "external_id": document.external_id,
            "coder": coders[data.coder_id], "code": codes[data.code_id], "start": data.start,
            "end": data.end, "text": document.text[data.start:data.end],
            "attributes": {attribute_names[k]: v for k, v in data.attributes.items()},
            "memo": data.memo, "layer": data.layer.value,
        }
    for relation in list_relations(session):
        yield {"relation": relation.type.value, "from": relation.source_id,
               "to": relation.target_id, "coder": coders[relation.coder_id], "id": relation.uuid}
