"""What a coder has left unfilled in a document: required attribute values of their annotations.

Marking a document done checks this first (the GUI warns and lists what is missing).
"""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, AttributeDefinition, AttributeValue
from annotator.domain import Layer


class MissingValue(NamedTuple):
    """One required attribute without a value, on one annotation."""

    annotation_id: str
    code_id: str
    attribute: str
    start: int
    end: int


def missing_required(session: Session, document_id: str, coder_id: str) -> list[MissingValue]:
    """Required attributes left empty on the coder's annotations of a document, in text order."""
    value = and_(AttributeValue.annotation_id == Annotation.id,
                 AttributeValue.attribute_id == AttributeDefinition.id)
    rows = session.execute(
        select(Annotation.id, Annotation.code_id, AttributeDefinition.name, Annotation.start,
               Annotation.end, AttributeValue.value)
        .join(AttributeDefinition, and_(AttributeDefinition.code_id == Annotation.code_id,
                                        AttributeDefinition.required.is_(True)))
        .outerjoin(AttributeValue, value)
        .where(Annotation.document_id == document_id, Annotation.coder_id == coder_id,
               Annotation.layer == Layer.CODING.value)
        .order_by(Annotation.start, Annotation.end, AttributeDefinition.position)
    )
    return [MissingValue(uuid, code, name, start, end)
            for uuid, code, name, start, end, stored in rows if not (stored or "").strip()]
