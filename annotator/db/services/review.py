"""Reading what the review needs out of a project: spans with code paths, attribute values and
relations per document, and who coded each document. Clustering is :mod:`annotator.review`.

Who coded a document is decided as for agreement (:func:`agreement_data.agreement_input`): a coder
who marked it done, or who has spans in it. A coder still to do it is not counted as missing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, AttributeDefinition, AttributeValue, Coder, Relation
from annotator.db.services.agreement_data import agreement_input
from annotator.db.services.codebook import list_codes
from annotator.domain import Layer
from annotator.review import ReviewDocument, ReviewRelation, ReviewSpan

__all__ = ["review_input"]


def review_input(session: Session, *, documents: Sequence[str] | None = None,
                 layer: Layer = Layer.CODING) -> list[ReviewDocument]:
    """Every coder's spans of the chosen documents (UUIDs or external ids; default all), in
    document order. Unknown document ids raise :class:`annotator.errors.ProjectError`."""
    data = agreement_input(session, documents=documents, layer=layer)
    by_id = {d.uuid: ReviewDocument(d.uuid, d.title, d.text, set(d.coders))
             for d in data.documents}
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    paths = {row.uuid: row.path for row in list_codes(session)}
    query = select(Annotation.id, Annotation.document_id, Annotation.coder_id, Annotation.code_id,
                   Annotation.start, Annotation.end).where(Annotation.layer == Layer(layer).value)
    if documents:
        query = query.where(Annotation.document_id.in_(list(by_id)))
    rows = session.execute(query).all()
    attributes = _attribute_values(session, {row.id for row in rows})
    span_document: dict[str, str] = {}
    for key, document_id, coder_id, code_id, start, end in rows:
        document = by_id.get(document_id)
        if document is None:
            continue
        span_document[key] = document_id
        document.spans.append(ReviewSpan(key, names[coder_id], start, end, paths[code_id],
                                         attributes.get(key, ())))
    for relation_type, source, target in session.execute(
            select(Relation.type, Relation.source_id, Relation.target_id)):
        document_id = span_document.get(source)
        if document_id is not None and span_document.get(target) == document_id:
            by_id[document_id].relations.append(ReviewRelation(relation_type, source, target))
    return list(by_id.values())


def _attribute_values(session: Session, keys: set[str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """annotation id -> its (attribute name, value) pairs, sorted by name."""
    query = (select(AttributeValue.annotation_id, AttributeDefinition.name, AttributeValue.value)
             .join(AttributeDefinition, AttributeDefinition.id == AttributeValue.attribute_id))
    values: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for annotation_id, name, value in session.execute(query):
        if annotation_id in keys:
            values[annotation_id].append((name, value))
    return {key: tuple(sorted(pairs)) for key, pairs in values.items()}
