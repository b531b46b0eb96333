"""What the Disagreements sheet needs before it streams: how long a cluster can be.

A workbook fixes its columns before the first row, so the text column needs to know how many
continuation cells (Excel's 32,767-character limit) the longest cluster takes. A cluster is a run
of overlapping spans (:mod:`annotator.review`); one sweep over the spans' bounds, read as plain
tuples in document and start order, gives every run's length without building the clusters.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation
from annotator.domain import Layer

ANNOTATION = Annotation.__table__.c


def union_lengths(session: Session, document_ids: Collection[str], coder_ids: Collection[str],
                  code_ids: Collection[str], layer: Layer) -> Iterator[int]:
    """The length of each run of overlapping spans of the chosen coders and codes (every
    cluster, unanimous or not: an upper bound for the disagreements)."""
    documents, coders, codes = set(document_ids), set(coder_ids), set(code_ids)
    query = (select(ANNOTATION.document_id, ANNOTATION.coder_id, ANNOTATION.code_id,
                    ANNOTATION.start, ANNOTATION.end)
             .where(ANNOTATION.layer == Layer(layer).value)
             .order_by(ANNOTATION.document_id, ANNOTATION.start))
    current, first, reach = None, 0, -1
    for document_id, coder_id, code_id, start, end in session.connection().execute(query):
        if document_id not in documents or coder_id not in coders or code_id not in codes:
            continue
        if document_id != current or start >= reach:
            if current is not None:
                yield reach - first
            current, first, reach = document_id, start, end
        reach = max(reach, end)
    if current is not None:
        yield reach - first
