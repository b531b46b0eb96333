"""What the review window shows of one document, read in one go (plain Python, no widgets), and
the document's agreement report, computed in a worker (it tokenises, which takes a while)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.adjudication import key_of
from annotator.agreement.report import ProjectReport, project_report
from annotator.db.engine import ProjectStore, open_project
from annotator.db.services.agreement_data import agreement_input
from annotator.db.services.adjudication_rows import DecisionInfo, document_decisions
from annotator.db.services.annotations import AnnotationSpan, list_annotation_spans
from annotator.db.services.codebook import list_codes
from annotator.db.services.coders import list_coders
from annotator.db.services.review import review_input
from annotator.domain import Layer
from annotator.gc_pause import collector_paused
from annotator.review import Cluster, ReviewDocument, review_document
from annotator.spans import Span, SpanIndex
from annotator.text import Utf16Map
from annotator.ui.codes import CODER_COLOURS
from annotator.ui.document_state import LoadedDocument
from annotator.ui.workers import TaskState


@dataclass(frozen=True)
class ReviewData:
    """One document's text and spans for the view, its clusters, and each coder's name and colour
    (coders who coded the document, sorted by name)."""

    loaded: LoadedDocument
    title: str
    clusters: list[Cluster]
    coders: tuple[str, ...]
    names: dict[str, str]  # coder id -> name
    colours: dict[str, str]  # coder name -> colour
    decisions: dict[str, DecisionInfo] = field(default_factory=dict)  # cluster key -> decision
    gold_ids: frozenset[str] = frozenset()  # the gold annotations among ``loaded.rows``

    def colour_of(self, coder_id: str) -> str:
        return self.colours.get(self.names.get(coder_id, ""), "#777777")

    def decision_of(self, cluster: Cluster) -> DecisionInfo | None:
        return self.decisions.get(key_of(cluster))


def load_review(store: ProjectStore, document_id: str) -> ReviewData:
    """Read one document (UUID) with every coder's spans and classify its clusters (one read
    serves both the clusters and the text view)."""
    with collector_paused(), store.reader() as session:
        coders = list_coders(session)
        code_ids = {row.path: row.uuid for row in list_codes(session)}
        [document] = review_input(session, documents=[document_id])
        clusters = review_document(document)
        names = {coder.uuid: coder.name for coder in coders}
        gold = list_annotation_spans(session, document.uuid, layer=Layer.GOLD)
        loaded = _loaded(document, names, code_ids, gold)
        decisions = document_decisions(session, document.uuid)
    involved = tuple(sorted(document.coders | {s.coder for s in document.spans}))
    colours = {name: CODER_COLOURS[k % len(CODER_COLOURS)] for k, name in enumerate(involved)}
    return ReviewData(loaded, document.title, clusters, involved, names, colours, decisions,
                      frozenset(row.uuid for row in gold))


def _loaded(document: ReviewDocument, names: dict[str, str], code_ids: dict[str, str],
            gold: list[AnnotationSpan]) -> LoadedDocument:
    """The view's rows and span index from the review's spans and the gold spans (the review
    view shows no memo)."""
    coder_ids = {name: uuid for uuid, name in names.items()}
    coded = (AnnotationSpan(s.key, coder_ids[s.coder], code_ids[s.code], s.start, s.end, "")
             for s in document.spans)
    rows = sorted([*coded, *gold], key=lambda row: (row.start, row.end, row.uuid))
    index = SpanIndex.for_text(document.text, (Span(r.uuid, r.start, r.end) for r in rows))
    return LoadedDocument(document.uuid, document.text, Utf16Map(document.text),
                          {row.uuid: row for row in rows}, index, frozenset(names))


def document_report(project_path: Path, document_id: str, state: TaskState,
                    report: Callable[[Any], None]) -> ProjectReport | None:
    """The agreement report restricted to one document (no bootstrap: one document cannot be
    resampled); opens its own store, as a worker must."""
    store = open_project(project_path)
    try:
        with store.reader() as session:
            data = agreement_input(session, documents=[document_id])
    finally:
        store.close()
    if state.cancelled:
        return None
    return project_report(data, n_boot=0)
