"""What a brat export reads from the project: the codebook's brat names and the files in scope.

One file is one document and one coder (coding layer) or one document's gold layer; the files a
scope covers are found with one grouped query, then each file's annotations are read with the
(document, layer, coder) index, so memory follows one document, not the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Assignment, AttributeValue
from annotator.db.models import Coder, Document, Relation
from annotator.db.services.brat_codebook import Codebook
from annotator.db.services.lookup import find_coder, find_document
from annotator.domain import Layer
from annotator.brat_format import AttributeKey
from annotator.errors import AnnotatorError
from annotator.export.scope import ExportScope

LAYERS = {"coding": (Layer.CODING,), "gold": (Layer.GOLD,), "all": (Layer.CODING, Layer.GOLD)}


class FileKey(NamedTuple):
    document_id: str
    layer: str
    coder_id: str | None  # None for the gold layer: all of a document's gold annotations


class Span(NamedTuple):
    id: str
    code_path: str
    start: int
    end: int
    memo: str
    values: tuple[tuple[AttributeKey, str], ...]


@dataclass(frozen=True)
class ResolvedScope:
    layers: tuple[Layer, ...]
    document_ids: frozenset[str]
    coder_ids: frozenset[str]
    code_ids: frozenset[str]


def _code_ids(codebook: Codebook, wanted: tuple[str, ...]) -> frozenset[str]:
    chosen: set[str] = set()
    for path in wanted:
        prefix = path.strip().strip("/").casefold()
        found = {code_id for code_id, p in codebook.paths.items()
                 if p.casefold() == prefix or p.casefold().startswith(prefix + "/")}
        if not found:
            raise AnnotatorError(f"unknown code {path!r}; codes are paths such as "
                                 f"{', '.join(list(codebook.paths.values())[:6])}")
        chosen |= found
    return frozenset(chosen)


def resolve_scope(session: Session, scope: ExportScope, codebook: Codebook) -> ResolvedScope:
    if scope.layer not in LAYERS:
        raise AnnotatorError(f"unknown layer {scope.layer!r}; use coding, gold or all")
    return ResolvedScope(
        LAYERS[scope.layer],
        frozenset(find_document(session, key).id for key in scope.documents),
        frozenset(find_coder(session, name).id for name in scope.coders),
        _code_ids(codebook, scope.codes))


def _filtered(query: Select[Any], scope: ResolvedScope) -> Select[Any]:
    if scope.document_ids:
        query = query.where(Annotation.document_id.in_(scope.document_ids))
    if scope.code_ids:
        query = query.where(Annotation.code_id.in_(scope.code_ids))
    return query


def file_keys(session: Session, scope: ResolvedScope) -> list[FileKey]:
    """Every file of the export, in document order, coders by name, gold after the coders."""
    keys: set[FileKey] = set()
    for layer in scope.layers:
        query = _filtered(select(Annotation.document_id, Annotation.coder_id).distinct()
                          .where(Annotation.layer == layer.value), scope)
        if layer is Layer.CODING and scope.coder_ids:
            query = query.where(Annotation.coder_id.in_(scope.coder_ids))
        for document_id, coder_id in session.execute(query):
            keys.add(FileKey(document_id, layer.value, coder_id if layer is Layer.CODING else None))
    if Layer.CODING in scope.layers:  # an assigned document without spans is still a file
        assigned = select(Assignment.document_id, Assignment.coder_id)
        for document_id, coder_id in session.execute(assigned):
            if ((not scope.document_ids or document_id in scope.document_ids)
                    and (not scope.coder_ids or coder_id in scope.coder_ids)):
                keys.add(FileKey(document_id, Layer.CODING.value, coder_id))
    positions = dict(session.execute(select(Document.id, Document.position)).all())
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    return sorted(keys, key=lambda k: (positions[k.document_id], k.layer != "coding",
                                       coders.get(k.coder_id or "", ""), k.coder_id or ""))


def _file_query(query: Select[Any], key: FileKey, scope: ResolvedScope) -> Select[Any]:
    query = query.where(Annotation.document_id == key.document_id,
                        Annotation.layer == key.layer)
    if key.coder_id is not None:
        query = query.where(Annotation.coder_id == key.coder_id)
    return _filtered(query, scope)


def file_spans(session: Session, key: FileKey, scope: ResolvedScope,
               codebook: Codebook) -> Iterator[Span]:
    """The file's annotations in text order, each with its attribute values."""
    query = _file_query(select(Annotation.id, Annotation.code_id, Annotation.start,
                               Annotation.end, Annotation.memo), key, scope)
    rows = session.execute(query.order_by(Annotation.start, Annotation.end, Annotation.id)).all()
    values: dict[str, list[tuple[AttributeKey, str]]] = {}
    value_query = _file_query(select(AttributeValue.annotation_id, AttributeValue.attribute_id,
                                     AttributeValue.value)
                              .join(Annotation, Annotation.id == AttributeValue.annotation_id),
                              key, scope)
    for annotation_id, attribute_id, value in session.execute(value_query):
        values.setdefault(annotation_id, []).append((codebook.attributes[attribute_id], value))
    for row in rows:
        yield Span(row.id, codebook.paths[row.code_id], row.start, row.end, row.memo or "",
                   tuple(sorted(values.get(row.id, ()))))


def file_links(session: Session, key: FileKey, scope: ResolvedScope) -> list[tuple[str, str, str]]:
    """(type, from, to) of every link starting at an annotation of the file."""
    query = _file_query(select(Relation.type, Relation.source_id, Relation.target_id)
                        .join(Annotation, Annotation.id == Relation.source_id), key, scope)
    return [tuple(row) for row in session.execute(query.order_by(Relation.created_at,
                                                                  Relation.id))]
