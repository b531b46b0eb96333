"""The progress matrix of a round: documents × coders with status, annotation count and last
change, totals per coder, and which documents are in the reliability sample.

Three grouped queries whatever the size of the project (assignments, annotation counts with
their latest change, documents), so the lead's view stays quick on thousands of documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Assignment, Coder, Document
from annotator.db.services.assignments import RELIABILITY_SAMPLE
from annotator.db.services.documents import DOCUMENT_ORDER
from annotator.db.services.gold_progress import GoldProgress, gold_progress
from annotator.db.services.projects import get_setting
from annotator.domain import AssignmentStatus, Layer, Role


@dataclass(frozen=True)
class ProgressCell:
    status: AssignmentStatus | None  # None: not assigned
    annotations: int  # the coder's own annotations (coding layer) on the document
    last_change: datetime | None  # latest of the assignment's and the annotations' updates


@dataclass(frozen=True)
class ProgressRow:
    document_id: str
    external_id: str | None
    title: str
    in_sample: bool
    cells: tuple[ProgressCell, ...]  # one per coder, in ProgressMatrix.coders order


@dataclass(frozen=True)
class CoderTotals:
    assigned: int
    todo: int
    in_progress: int
    done: int
    annotations: int


@dataclass(frozen=True)
class ProgressMatrix:
    coder_ids: tuple[str, ...]
    coder_names: tuple[str, ...]
    rows: tuple[ProgressRow, ...]
    totals: tuple[CoderTotals, ...]
    sample: dict[str, Any] | None  # Project.settings["reliability_sample"]
    gold: dict[str, GoldProgress] = field(default_factory=dict)  # document id -> adjudication

    def gold_of(self, document_id: str) -> GoldProgress:
        return self.gold.get(document_id, GoldProgress(0, 0, 0))


def progress_matrix(session: Session) -> ProgressMatrix:
    """Every document × every coder who codes (role coder, or anyone assigned or annotating)."""
    assignments = {(d, c): (s, u) for d, c, s, u in session.execute(
        select(Assignment.document_id, Assignment.coder_id, Assignment.status,
               Assignment.updated_at)).all()}
    counts = {(d, c): (n, u) for d, c, n, u in session.execute(
        select(Annotation.document_id, Annotation.coder_id, func.count(),
               func.max(Annotation.updated_at))
        .where(Annotation.layer == Layer.CODING.value)
        .group_by(Annotation.document_id, Annotation.coder_id)).all()}
    coders = _coders(session, {c for _, c in assignments} | {c for _, c in counts})
    sample = get_setting(session, RELIABILITY_SAMPLE)
    in_sample = set((sample or {}).get("documents", []))
    documents = session.execute(select(Document.id, Document.external_id, Document.title)
                                .order_by(*DOCUMENT_ORDER)).all()
    rows = tuple(
        ProgressRow(d, external, title, d in in_sample,
                    tuple(_cell(assignments.get((d, c)), counts.get((d, c))) for c, _ in coders))
        for d, external, title in documents)
    totals = tuple(_totals([row.cells[i] for row in rows]) for i in range(len(coders)))
    return ProgressMatrix(tuple(c for c, _ in coders), tuple(n for _, n in coders), rows, totals,
                          sample, gold_progress(session))


def _coders(session: Session, active: set[str]) -> list[tuple[str, str]]:
    rows = session.execute(select(Coder.id, Coder.name)
                           .where(or_(Coder.role == Role.CODER.value, Coder.id.in_(active)))
                           .order_by(Coder.name)).all()
    return [(coder_id, name) for coder_id, name in rows]


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; every stored time is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _cell(assignment: tuple[str, datetime] | None, count: tuple[int, datetime] | None
          ) -> ProgressCell:
    status = AssignmentStatus(assignment[0]) if assignment else None
    moments = [m for m in (_aware(assignment[1]) if assignment else None,
                           _aware(count[1]) if count else None) if m is not None]
    return ProgressCell(status, count[0] if count else 0, max(moments) if moments else None)


def _totals(cells: list[ProgressCell]) -> CoderTotals:
    def having(status: AssignmentStatus) -> int:
        return sum(1 for cell in cells if cell.status is status)

    return CoderTotals(
        assigned=sum(1 for cell in cells if cell.status is not None),
        todo=having(AssignmentStatus.TODO), in_progress=having(AssignmentStatus.IN_PROGRESS),
        done=having(AssignmentStatus.DONE), annotations=sum(cell.annotations for cell in cells))


def progress_json(matrix: ProgressMatrix) -> dict[str, Any]:
    """The matrix as plain JSON values (``annotator progress --json``)."""
    def cell(c: ProgressCell) -> dict[str, Any]:
        return {"status": c.status.value if c.status else None, "annotations": c.annotations,
                "last_change": c.last_change.isoformat(timespec="seconds")
                if c.last_change else None}

    return {
        "coders": [{"uuid": i, "name": n} for i, n in zip(matrix.coder_ids, matrix.coder_names)],
        "reliability_sample": matrix.sample,
        "documents": [{"uuid": r.document_id, "external_id": r.external_id, "title": r.title,
                       "in_sample": r.in_sample,
                       "cells": {n: cell(c) for n, c in zip(matrix.coder_names, r.cells)},
                       "gold": matrix.gold_of(r.document_id).json()}
                      for r in matrix.rows],
        "totals": {n: vars(t) for n, t in zip(matrix.coder_names, matrix.totals)},
    }
