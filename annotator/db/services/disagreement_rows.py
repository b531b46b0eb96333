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
    cluster, unanimous or not: an upper bound for the disagreements). One document at a time
    through the (document, layer, coder) index, sorted here: no sort of the whole table."""
    coders, codes = set(coder_ids), set(code_ids)
    query = select(ANNOTATION.coder_id, ANNOTATION.code_id, ANNOTATION.start, ANNOTATION.end)
    connection = session.connection()
    for document_id in document_ids:
        rows = connection.execute(query.where(ANNOTATION.document_id == document_id,
                                              ANNOTATION.layer == Layer(layer).value))
        bounds = sorted((start, end) for coder_id, code_id, start, end in rows
                        if coder_id in coders and code_id in codes)
        yield from _runs(bounds)


def _runs(bounds: list[tuple[int, int]]) -> Iterator[int]:
    """Lengths of the runs of overlapping ``(start, end)`` pairs, sorted by start."""
    if not bounds:
        return
    first, reach = bounds[0]
    for start, end in bounds[1:]:
        if start >= reach:
            yield reach - first
            first, reach = start, end
        reach = max(reach, end)
    yield reach - first
