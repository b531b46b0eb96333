"""Reading what the review needs out of a project: spans with code paths, attribute values and
relations per document, and who coded each document. Clustering is :mod:`annotator.review`.

Who coded a document is decided as for agreement (:mod:`agreement_data`): a coder who marked it
done (:func:`marked_done`), or who has spans in it. A coder still to do it is not missing there.
Reads go through SQLAlchemy Core (plain tuples): 57,000 spans load in a fraction of a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from annotator.db.models import (
    Annotation,
    AttributeDefinition,
    AttributeValue,
    Coder,
    Document,
    Relation,
)
from annotator.db.services.agreement_data import marked_done
from annotator.db.services.codebook import list_codes
from annotator.domain import Layer
from annotator.errors import ProjectError
from annotator.gc_pause import collector_paused
from annotator.review import ReviewDocument, ReviewRelation, ReviewSpan

__all__ = ["review_input"]

ANNOTATION, DOCUMENT = Annotation.__table__.c, Document.__table__.c
VALUE, ATTRIBUTE, RELATION = (AttributeValue.__table__.c, AttributeDefinition.__table__.c,
                              Relation.__table__.c)


def review_input(session: Session, *, documents: Sequence[str] | None = None,
                 layer: Layer = Layer.CODING) -> list[ReviewDocument]:
    """Every coder's spans of the chosen documents (UUIDs or external ids; default all), in
    document order. Unknown document ids raise :class:`annotator.errors.ProjectError`."""
    with collector_paused():
        return _review_input(session, documents, layer)



def _review_input(session: Session, documents: Sequence[str] | None,
                  layer: Layer) -> list[ReviewDocument]:
    by_id = _documents(session, documents)
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    paths = {row.uuid: row.path for row in list_codes(session)}
    connection = session.connection()
    query = select(ANNOTATION.id, ANNOTATION.document_id, ANNOTATION.coder_id, ANNOTATION.code_id,
                   ANNOTATION.start, ANNOTATION.end).where(ANNOTATION.layer == Layer(layer).value)
    if documents:
        query = query.where(ANNOTATION.document_id.in_(list(by_id)))
    rows = connection.execute(query).all()
    attributes = _attribute_values(session, documents and list(by_id), layer)
    for key, document_id, coder_id, code_id, start, end in rows:
        document = by_id[document_id]
        document.coders.add(names[coder_id])
        document.spans.append(ReviewSpan(key, names[coder_id], start, end, paths[code_id],
                                         attributes.get(key, ())))
    for document_id, coder_id in marked_done(session, layer):
        if document_id in by_id:
            by_id[document_id].coders.add(names[coder_id])
    _add_relations(session, by_id, {row[0]: row[1] for row in rows}, bool(documents))
    return list(by_id.values())


def _documents(session: Session, wanted: Sequence[str] | None) -> dict[str, ReviewDocument]:
    query = select(DOCUMENT.id, DOCUMENT.external_id, DOCUMENT.title, DOCUMENT.text)
    if wanted:
        keys = list(wanted)
        query = query.where(or_(DOCUMENT.id.in_(keys), DOCUMENT.external_id.in_(keys)))
    rows = session.connection().execute(query.order_by(DOCUMENT.position)).all()
    unknown = set(wanted or ()) - {r.id for r in rows} - {r.external_id for r in rows}
    if unknown:
        raise ProjectError(f"unknown documents: {', '.join(sorted(unknown))}")
    return {r.id: ReviewDocument(r.id, r.title, r.text) for r in rows}


def _attribute_values(session: Session, document_ids: list[str] | None, layer: Layer
                      ) -> dict[str, tuple[tuple[str, str], ...]]:
    """annotation id -> its (attribute name, value) pairs, sorted by name."""
    query = (select(VALUE.annotation_id, ATTRIBUTE.name, VALUE.value)
             .join(AttributeDefinition.__table__, ATTRIBUTE.id == VALUE.attribute_id)
             .join(Annotation.__table__, ANNOTATION.id == VALUE.annotation_id)
             .where(ANNOTATION.layer == Layer(layer).value))
    if document_ids:
        query = query.where(ANNOTATION.document_id.in_(document_ids))
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for annotation_id, name, value in session.connection().execute(query):
        values[annotation_id].append((name, value))
    return {key: tuple(sorted(pairs)) for key, pairs in values.items()}


def _add_relations(session: Session, by_id: dict[str, ReviewDocument],
                   document_of: dict[str, str], chosen: bool) -> None:
    """Relations between two of the loaded annotations of one document."""
    query = select(RELATION.type, RELATION.source_id, RELATION.target_id)
    if chosen:
        query = (query.join(Annotation.__table__, ANNOTATION.id == RELATION.source_id)
                 .where(ANNOTATION.document_id.in_(list(by_id))))
    for relation_type, source, target in session.connection().execute(query):
        document_id = document_of.get(source)
        if document_id is not None and document_of.get(target) == document_id:
            by_id[document_id].relations.append(ReviewRelation(relation_type, source, target))
