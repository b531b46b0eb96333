"""Disagreements: one row per review cluster that is not unanimous (:mod:`annotator.review`).

The clusters are those of ``annotator review`` (docs/review.md), computed on the export's scope:
only the chosen coders and codes take part, so a coder whose span here has a code left out by the
filter counts as missing here, as in the Reliability sheet. The layer is that of Reliability
(gold when the export is of the gold layer, coding otherwise). Documents are read a batch at a
time, so memory follows the batch, not the project.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from sqlalchemy.orm import Session

from annotator.db.services.export_rows import document_keys
from annotator.db.services.disagreement_rows import union_lengths
from annotator.db.services.review import review_input
from annotator.domain import Layer
from annotator.export.selection import Selection
from annotator.export.tables import Cell, Column, Table
from annotator.review import Cluster, ReviewDocument, ReviewSpan, review_document

BATCH = 20
"""Documents read and clustered at a time."""
LEGEND = ("one row per review cluster (overlapping spans of the chosen coders and codes) that is "
          "not unanimous; class is the first of missing, code, boundary, attribute, relation "
          "(docs/review.md), classes lists every one it carries; per coder: code paths, starts, "
          "ends and attributes of that coder's spans in the cluster (several spans separated by "
          "' | '), blank when the coder marked nothing there")


def review_layer(selection: Selection) -> Layer:
    """As the Reliability sheet: the gold layer only when the export is of gold alone."""
    return Layer.GOLD if selection.scope.layer == "gold" else Layer.CODING


def disagreements_table(selection: Selection, session: Session,
                        cell_limit: int | None = None) -> Table:
    """The Disagreements table; ``cell_limit`` sizes continuation columns of the text."""
    layer = review_layer(selection)
    coders = list(selection.coders.values())
    parts = 1
    if cell_limit:
        longest = max(union_lengths(session, selection.documents, list(selection.coders),
                                    list(selection.codes), layer), default=0)
        parts = max(1, -(-2 * longest // cell_limit))  # UTF-16 units: at most 2 per code point
    columns = [
        Column("document_id", "document UUID", 38),
        Column("external_id", "document external id", 22),
        Column("cluster", "cluster number within the document (text order, 1-based)", 8),
        Column("cluster_key", "document UUID#cluster number, unique in this export", 42),
        Column("class", "the cluster's first class: missing, code, boundary, attribute or "
               "relation", 10),
        Column("classes", "every class the cluster carries, separated by ;", 18),
        Column("start", "first code point of the union of the cluster's spans", 8),
        Column("end", "code point after the union's last (end-exclusive)", 8),
        Column("text", "the union span: the canonical text sliced [start, end)", 50,
               arabic=True, parts=parts),
    ]
    for name in coders:
        columns += [
            Column(f"{name}_code", f"{name}: code paths of their spans here (blank: none)", 28),
            Column(f"{name}_start", f"{name}: starts of their spans", 8),
            Column(f"{name}_end", f"{name}: ends of their spans", 8),
            Column(f"{name}_attributes", f"{name}: attributes, name=value separated by ;",
                   24, arabic=True),
        ]
    return Table("Disagreements", LEGEND, columns,
                 _rows(selection, session, layer, coders))


def _rows(selection: Selection, session: Session, layer: Layer,
          coders: list[str]) -> Iterator[list[Cell]]:
    external = dict(document_keys(session))
    for cluster, text in iter_disagreements(selection, session, layer):
        cells: list[Cell] = [
            cluster.document, external.get(cluster.document), cluster.number,
            f"{cluster.document}#{cluster.number}", cluster.primary.value,
            "; ".join(c.value for c in cluster.classes), cluster.start, cluster.end,
            text[cluster.start:cluster.end]]
        for name in coders:
            cells += _coder_cells(cluster.by_coder(name))
        yield cells


def _coder_cells(spans: tuple[ReviewSpan, ...]) -> list[Cell]:
    if not spans:
        return [None, None, None, None]
    if len(spans) == 1:
        span = spans[0]
        return [span.code, span.start, span.end, _attributes(span) or None]
    attributes = [_attributes(s) for s in spans]
    return [" | ".join(s.code for s in spans), " | ".join(str(s.start) for s in spans),
            " | ".join(str(s.end) for s in spans),
            " | ".join(attributes) if any(attributes) else None]


def _attributes(span: ReviewSpan) -> str:
    return "; ".join(f"{name}={value}" for name, value in span.attributes)


def iter_disagreements(selection: Selection, session: Session,
                       layer: Layer) -> Iterator[tuple[Cluster, str]]:
    """Each non-unanimous cluster of the chosen documents with its document's text, in order."""
    chosen_coders = set(selection.coders.values())
    chosen_codes = {code.path for code in selection.codes.values()}
    for offset in range(0, len(selection.documents), BATCH):
        batch = selection.documents[offset:offset + BATCH]
        for document in review_input(session, documents=batch, layer=layer):
            scoped = scoped_document(document, chosen_coders, chosen_codes)
            for cluster in review_document(scoped):
                if cluster.disagrees:
                    yield cluster, document.text


def scoped_document(document: ReviewDocument, coders: set[str],
                    codes: set[str]) -> ReviewDocument:
    """``document`` with only the chosen coders' spans of the chosen codes, and the links
    between two kept spans. A chosen coder who coded the document stays one of its coders."""
    spans = [s for s in document.spans if s.coder in coders and s.code in codes]
    kept = {s.key for s in spans}
    relations = [r for r in document.relations if r.source in kept and r.target in kept]
    return replace(document, coders=document.coders & coders, spans=spans, relations=relations)
