"""Annotations and links as JSONL objects, streamed (DESIGN.md §6).

Rows come from the database in batches and one document's text is held at a time, so exporting
200,000 annotations takes time and memory in proportion to the output, not to the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, AttributeDefinition, AttributeValue, Coder, Document
from annotator.db.models import Relation
from annotator.db.services.codebook import list_codes
from annotator.domain import Layer

BATCH = 2_000


class _Names:
    """Display names of coders, codes, attributes and documents, read once per export."""

    def __init__(self, session: Session) -> None:
        self.coders = dict(session.execute(select(Coder.id, Coder.name)).all())
        self.codes = {row.uuid: row.path for row in list_codes(session)}
        self.attributes = dict(session.execute(
            select(AttributeDefinition.id, AttributeDefinition.name)).all())
        self.external_ids = dict(session.execute(
            select(Document.id, Document.external_id)).all())


def _annotation_rows(session: Session, layer: Layer | None) -> Iterator[Row[Any]]:
    query = (
        select(Annotation.id, Annotation.document_id, Annotation.coder_id, Annotation.code_id,
               Annotation.start, Annotation.end, Annotation.memo, Annotation.layer,
               AttributeValue.attribute_id, AttributeValue.value)
        .outerjoin(AttributeValue, AttributeValue.annotation_id == Annotation.id)
        .order_by(Annotation.document_id, Annotation.start, Annotation.end, Annotation.id)
        .execution_options(yield_per=BATCH)
    )
    if layer is not None:
        query = query.where(Annotation.layer == Layer(layer).value)
    yield from session.execute(query)


def _annotation_objects(session: Session, names: _Names, layer: Layer | None) -> Iterator[dict]:
    document_id, text = "", ""
    for _, group in groupby(_annotation_rows(session, layer), key=lambda row: row.id):
        rows = list(group)
        first = rows[0]
        if first.document_id != document_id:
            document_id = first.document_id
            text = session.scalar(select(Document.text).where(Document.id == document_id)) or ""
        yield {
            "id": first.id, "document": document_id,
            "external_id": names.external_ids.get(document_id),
            "coder": names.coders[first.coder_id], "code": names.codes[first.code_id],
            "start": first.start, "end": first.end, "text": text[first.start:first.end],
            "attributes": {names.attributes[r.attribute_id]: r.value
                           for r in rows if r.attribute_id is not None},
            "memo": first.memo, "layer": first.layer,
        }


def _relation_objects(session: Session, names: _Names, layer: Layer | None) -> Iterator[dict]:
    query = (
        select(Relation.id, Relation.type, Relation.source_id, Relation.target_id,
               Relation.coder_id)
        .order_by(Relation.created_at, Relation.id)
        .execution_options(yield_per=BATCH)
    )
    if layer is not None:  # only links whose annotations are exported too
        query = query.join(Annotation, Annotation.id == Relation.source_id).where(
            Annotation.layer == Layer(layer).value)
    for row in session.execute(query):
        yield {"relation": row.type, "from": row.source_id, "to": row.target_id,
               "coder": names.coders[row.coder_id], "id": row.id}


def iter_annotation_objects(session: Session, layer: Layer | None = None) -> Iterator[dict]:
    """Every annotation (then every link) as a JSONL object, in document order."""
    names = _Names(session)
    yield from _annotation_objects(session, names, layer)
    yield from _relation_objects(session, names, layer)
