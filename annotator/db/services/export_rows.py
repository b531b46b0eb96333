"""Plain rows for the export tables (Excel, CSV, SPSS/Stata), read in lean, streamed queries.

Functions take ids the caller has already resolved (``annotator.export.selection``) and return
plain records, so the table layer never sees ORM objects. Annotations are read one document at a
time: memory follows the largest document, not the project.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Assignment, AttributeDefinition, AttributeValue
from annotator.db.models import Code, Coder, Document, Relation


@dataclass(frozen=True)
class DocumentRecord:
    uuid: str
    external_id: str | None
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    text: str
    statuses: dict[str, str]
    """coder name -> assignment status"""


@dataclass(frozen=True)
class SegmentRecord:
    """One annotation with its exact text, attribute values (by name) and linked annotations."""

    uuid: str
    document: str
    coder: str
    layer: str
    code_id: str
    start: int
    end: int
    text: str
    memo: str
    attributes: dict[str, str] = field(default_factory=dict)
    linked: tuple[str, ...] = ()
    created: str | None = None
    """UTC, ISO 8601 to the second"""
    modified: str | None = None


@dataclass(frozen=True)
class RelationRecord:
    uuid: str
    type: str
    coder: str
    source: str
    target: str
    created: datetime


@dataclass(frozen=True)
class AttributeRecord:
    code_id: str
    name: str
    type: str
    choices: tuple[str, ...]


def coder_names(session: Session) -> dict[str, str]:
    """coder id -> name, by name."""
    return dict(session.execute(select(Coder.id, Coder.name).order_by(Coder.name)).all())


def document_keys(session: Session) -> list[tuple[str, str | None]]:
    """(uuid, external id) of every document, in project order."""
    query = select(Document.id, Document.external_id).order_by(Document.position, Document.id)
    return [(row.id, row.external_id) for row in session.execute(query)]


def code_rules(session: Session) -> dict[str, tuple[str, str]]:
    """code id -> (include, exclude) texts."""
    query = select(Code.id, Code.include, Code.exclude)
    return {row.id: (row.include, row.exclude) for row in session.execute(query)}


def attribute_definitions(session: Session) -> list[AttributeRecord]:
    query = select(AttributeDefinition).order_by(AttributeDefinition.code_id,
                                                 AttributeDefinition.position)
    return [AttributeRecord(a.code_id, a.name, a.type, tuple(a.choices))
            for a in session.scalars(query)]


def iter_documents(session: Session, document_ids: list[str]) -> Iterator[DocumentRecord]:
    """The chosen documents in the given order, one text in memory at a time."""
    names = coder_names(session)
    statuses: dict[str, dict[str, str]] = {}
    for document_id, coder_id, status in session.execute(
            select(Assignment.document_id, Assignment.coder_id, Assignment.status)):
        statuses.setdefault(document_id, {})[names[coder_id]] = status
    for document_id in document_ids:
        row = session.get_one(Document, document_id)
        yield DocumentRecord(row.id, row.external_id, row.title, row.outlet, row.date, row.url,
                             row.text, dict(sorted(statuses.get(document_id, {}).items())))
        session.expunge(row)


def iter_segments(session: Session, document_ids: list[str], coders: dict[str, str],
                  code_ids: Collection[str], layers: tuple[str, ...]) -> Iterator[SegmentRecord]:
    """The chosen annotations, document by document, ordered by start, end and id. Plain
    rows from the connection: the ORM's result machinery costs more than the query here."""
    connection = session.connection()
    for document_id in document_ids:
        text = session.scalar(select(Document.text).where(Document.id == document_id)) or ""
        rows = connection.execute(_segment_query(document_id, layers)).all()
        rows = [r for r in rows if r.coder_id in coders and r.code_id in code_ids]
        if not rows:
            continue
        links = _links(session, document_id)
        for _, group in groupby(rows, key=lambda row: row.id):
            members = list(group)
            first = members[0]
            yield SegmentRecord(
                first.id, document_id, coders[first.coder_id], first.layer, first.code_id,
                first.start, first.end, text[first.start:first.end], first.memo,
                {r.name: r.value for r in members if r.name is not None},
                tuple(links.get(first.id, ())), _iso(first.created), _iso(first.modified))


def _iso(stored: str | None) -> str | None:
    """``2026-12-01 23:09:11.123456`` as stored (UTC) -> ``2026-12-01T23:09:11``; reading the
    text, not a datetime, saves SQLAlchemy's parsing of 200,000 timestamps."""
    return None if stored is None else stored[:19].replace(" ", "T")


def _segment_query(document_id: str, layers: tuple[str, ...]):  # noqa: ANN202 - a Select
    return (
        select(Annotation.id, Annotation.coder_id, Annotation.code_id, Annotation.layer,
               Annotation.start, Annotation.end, Annotation.memo,
               type_coerce(Annotation.created_at, String).label("created"),
               type_coerce(Annotation.updated_at, String).label("modified"),
               AttributeDefinition.name, AttributeValue.value)
        .outerjoin(AttributeValue, AttributeValue.annotation_id == Annotation.id)
        .outerjoin(AttributeDefinition, AttributeDefinition.id == AttributeValue.attribute_id)
        .where(Annotation.document_id == document_id, Annotation.layer.in_(layers))
        .order_by(Annotation.start, Annotation.end, Annotation.id, AttributeDefinition.position)
    )


def _links(session: Session, document_id: str) -> dict[str, list[str]]:
    """annotation id -> ids of the annotations it is linked to (either direction)."""
    in_document = select(Annotation.id).where(Annotation.document_id == document_id)
    query = select(Relation.source_id, Relation.target_id).where(
        Relation.source_id.in_(in_document) | Relation.target_id.in_(in_document))
    links: dict[str, list[str]] = {}
    for source, target in session.execute(query.order_by(Relation.created_at, Relation.id)):
        links.setdefault(source, []).append(target)
        links.setdefault(target, []).append(source)
    return links


def iter_relations(session: Session, layers: tuple[str, ...]) -> Iterator[RelationRecord]:
    """Every link whose source annotation is in one of ``layers``, oldest first."""
    names = coder_names(session)
    query = (select(Relation.id, Relation.type, Relation.coder_id, Relation.source_id,
                    Relation.target_id, Relation.created_at)
             .join(Annotation, Annotation.id == Relation.source_id)
             .where(Annotation.layer.in_(layers))
             .order_by(Relation.created_at, Relation.id).execution_options(yield_per=2_000))
    for row in session.execute(query):
        yield RelationRecord(row.id, row.type, names[row.coder_id], row.source_id,
                             row.target_id, row.created_at)


def annotation_places(session: Session, ids: Collection[str]) -> dict[str, tuple[str, str, str]]:
    """annotation id -> (document id, coder id, code id), for the ends of links."""
    places: dict[str, tuple[str, str, str]] = {}
    chunk = list(ids)
    for offset in range(0, len(chunk), 500):
        query = select(Annotation.id, Annotation.document_id, Annotation.coder_id,
                       Annotation.code_id).where(Annotation.id.in_(chunk[offset:offset + 500]))
        places.update({row.id: (row.document_id, row.coder_id, row.code_id)
                       for row in session.execute(query)})
    return places


def code_counts(session: Session, layers: tuple[str, ...]
                ) -> dict[tuple[str, str, str], Counter[str]]:
    """(document id, coder id, layer) -> annotations per code id."""
    query = (select(Annotation.document_id, Annotation.coder_id, Annotation.layer,
                    Annotation.code_id, func.count())
             .where(Annotation.layer.in_(layers))
             .group_by(Annotation.document_id, Annotation.coder_id, Annotation.layer,
                       Annotation.code_id))
    counts: dict[tuple[str, str, str], Counter[str]] = {}
    for document_id, coder_id, layer, code_id, count in session.execute(query):
        counts.setdefault((document_id, coder_id, layer), Counter())[code_id] = count
    return counts


def assignment_pairs(session: Session) -> set[tuple[str, str]]:
    """(document id, coder id) of every assignment."""
    return {(row.document_id, row.coder_id)
            for row in session.execute(select(Assignment.document_id, Assignment.coder_id))}


def longest_texts(session: Session, document_ids: Collection[str],
                  layers: tuple[str, ...], floor: int) -> tuple[list[str], list[str]]:
    """Segment texts and memos longer than ``floor`` code points (rarely any), so a writer
    with a cell limit can size its continuation columns before it streams."""
    span = Annotation.end - Annotation.start
    texts = session.execute(
        select(Document.id, func.substr(Document.text, Annotation.start + 1, span))
        .join(Annotation, Annotation.document_id == Document.id)
        .where(span > floor, Annotation.layer.in_(layers))).all()
    memos = session.execute(
        select(Annotation.document_id, Annotation.memo)
        .where(func.length(Annotation.memo) > floor, Annotation.layer.in_(layers))).all()
    chosen = set(document_ids)
    return ([text for doc, text in texts if doc in chosen],
            [memo for doc, memo in memos if doc in chosen])


def count_annotations(session: Session, document_ids: list[str], coder_ids: list[str],
                      code_ids: list[str], layers: tuple[str, ...]) -> int:
    """How many annotations the chosen documents, coders, codes and layers hold."""
    query = (select(Annotation.document_id, Annotation.coder_id, Annotation.code_id, func.count())
             .where(Annotation.layer.in_(layers))
             .group_by(Annotation.document_id, Annotation.coder_id, Annotation.code_id))
    documents, coders, codes = set(document_ids), set(coder_ids), set(code_ids)
    return sum(count for document, coder, code, count in session.execute(query)
               if document in documents and coder in coders and code in codes)
