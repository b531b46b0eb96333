"""Gold answers to document questions as snapshots: taken and put back (what undo and redo call).

A document's gold answer to a question is a ``document_answer`` row in the ``gold`` layer whose
``coder_id`` is the lead who set it and whose ``updated_at`` is when. There is at most one per
document and question once set from the review window (older files whose gold came from the CLI
under several coders keep every row until the lead sets or clears it). A :class:`GoldAnswerState`
holds those rows as they were, so putting it back restores the same ids, lead and timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.db.models import DocumentAnswer
from annotator.domain import Layer


@dataclass(frozen=True)
class GoldAnswerRow:
    uuid: str
    coder_id: str  # the lead who set it
    value: Any
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class GoldAnswerState:
    """The gold answer rows of one document and question (none: no gold answer)."""

    document_id: str
    question_id: str
    rows: tuple[GoldAnswerRow, ...] = ()


@dataclass(frozen=True)
class AnswerChange:
    """What one action did to one gold answer."""

    before: GoldAnswerState
    after: GoldAnswerState


def _gold_rows(document_id: str, question_id: str) -> Any:
    return (DocumentAnswer.document_id == document_id, DocumentAnswer.question_id == question_id,
            DocumentAnswer.layer == Layer.GOLD.value)


def gold_state(session: Session, document_id: str, question_id: str) -> GoldAnswerState:
    rows = session.scalars(select(DocumentAnswer).where(*_gold_rows(document_id, question_id))
                           .order_by(DocumentAnswer.updated_at, DocumentAnswer.id))
    return GoldAnswerState(document_id, question_id, tuple(
        GoldAnswerRow(row.id, row.coder_id, row.value, row.created_at, row.updated_at)
        for row in rows))


def put_gold_state(session: Session, state: GoldAnswerState) -> None:
    """Make the document's gold answer to the question exactly ``state``."""
    session.flush()
    session.execute(delete(DocumentAnswer).where(*_gold_rows(state.document_id, state.question_id))
                    .execution_options(synchronize_session="fetch"))
    for row in state.rows:
        session.add(DocumentAnswer(id=row.uuid, document_id=state.document_id,
                                   coder_id=row.coder_id, question_id=state.question_id,
                                   layer=Layer.GOLD.value, value=row.value,
                                   created_at=row.created_at, updated_at=row.updated_at))
    session.flush()


def revert_answers(session: Session, changes: tuple[AnswerChange, ...]) -> None:
    for change in reversed(changes):
        put_gold_state(session, change.before)


def reapply_answers(session: Session, changes: tuple[AnswerChange, ...]) -> None:
    for change in changes:
        put_gold_state(session, change.after)
