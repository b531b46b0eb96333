"""Adjudication decisions as snapshots: taken, removed and put back (what undo and redo call).

Every adjudication service returns a :class:`DecisionChange`: the snapshots of the decisions
it touched before and after. :func:`revert_change` puts the *before* state back (the inverse
service call behind the GUI's Undo), :func:`reapply_change` the *after* state (Redo). A
snapshot holds the decision row and its gold annotations with their attribute values and links,
so putting it back restores the same ids and timestamps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import AdjudicationDecision, Annotation, Relation
from annotator.db.services.annotations import (
    DeletedAnnotation,
    create_annotation,
    delete_annotation,
    get_annotation,
)
from annotator.db.services.gold_answers import AnswerChange, reapply_answers, revert_answers
from annotator.db.services.relations import RelationData, relations_touching, restore_relation
from annotator.errors import ProjectError

COLUMNS = ("id", "document_id", "cluster_key", "members", "start", "end", "kind", "strategy",
           "source_annotation_id", "source_coder_id", "gold", "rationale", "lead_id",
           "decided_at")


@dataclass(frozen=True)
class DecisionSnapshot:
    """A decision row (its columns) and its gold annotations, as they were."""

    row: dict[str, Any]
    gold: tuple[DeletedAnnotation, ...]

    @property
    def decision_id(self) -> str:
        return str(self.row["id"])


@dataclass(frozen=True)
class DecisionChange:
    """What one adjudication action did: the touched decisions before and after it, and the
    gold answers to document questions it set (:mod:`gold_answers`)."""

    document_ids: tuple[str, ...]
    before: tuple[DecisionSnapshot, ...] = ()
    after: tuple[DecisionSnapshot, ...] = ()
    answers: tuple[AnswerChange, ...] = ()

    @property
    def decision_ids(self) -> list[str]:
        return [snap.decision_id for snap in self.after]

    @property
    def gold_ids(self) -> list[str]:
        return [gold.annotation.uuid for snap in self.after for gold in snap.gold]


def get_decision(session: Session, decision_id: str) -> AdjudicationDecision:
    decision = session.get(AdjudicationDecision, decision_id)
    if decision is None:
        raise ProjectError(f"no adjudication decision with id {decision_id}")
    return decision


def snapshot(session: Session, decision_id: str) -> DecisionSnapshot:
    decision = get_decision(session, decision_id)
    row = {name: getattr(decision, name) for name in COLUMNS}
    row["members"], row["gold"] = list(decision.members), [list(p) for p in decision.gold]
    gold = tuple(DeletedAnnotation(get_annotation(session, gold_id),
                                   relations_touching(session, gold_id))
                 for _source, gold_id in decision.gold if gold_id)
    return DecisionSnapshot(row, gold)


def remove_decision(session: Session, decision_id: str) -> DecisionSnapshot:
    """Delete a decision and its gold annotations (with their links); returns its snapshot."""
    taken = snapshot(session, decision_id)
    for gold in taken.gold:
        delete_annotation(session, gold.annotation.uuid)
    session.delete(get_decision(session, decision_id))
    session.flush()
    return taken


def restore_decisions(session: Session, snapshots: tuple[DecisionSnapshot, ...]) -> None:
    """Put decisions back with their gold annotations, then every link whose two ends exist."""
    relations: dict[str, RelationData] = {}
    for snap in snapshots:
        session.add(AdjudicationDecision(**snap.row))
        for gold in snap.gold:
            data = gold.annotation
            create_annotation(session, document_id=data.document_id, coder_id=data.coder_id,
                              code_id=data.code_id, start=data.start, end=data.end,
                              layer=data.layer, memo=data.memo, attributes=data.attributes,
                              uuid=data.uuid)
            relations.update((r.uuid, r) for r in gold.relations)
    session.flush()
    for snap in snapshots:
        for gold in snap.gold:
            _restore_times(session, gold)
    existing = set(session.scalars(select(Relation.id).where(Relation.id.in_(list(relations)))))
    for relation in relations.values():
        if relation.uuid not in existing and _both_ends(session, relation):
            restore_relation(session, relation)
    session.flush()


def _restore_times(session: Session, gold: DeletedAnnotation) -> None:
    annotation = session.get(Annotation, gold.annotation.uuid)
    if annotation is not None:
        annotation.created_at = gold.annotation.created_at or annotation.created_at
        annotation.updated_at = gold.annotation.updated_at or annotation.updated_at


def _both_ends(session: Session, relation: RelationData) -> bool:
    return (session.get(Annotation, relation.source_id) is not None
            and session.get(Annotation, relation.target_id) is not None)


def _swap(session: Session, remove: tuple[DecisionSnapshot, ...],
          restore: tuple[DecisionSnapshot, ...]) -> None:
    for snap in remove:
        if session.get(AdjudicationDecision, snap.decision_id) is not None:
            remove_decision(session, snap.decision_id)
    restore_decisions(session, restore)


def revert_change(session: Session, change: DecisionChange) -> None:
    """Undo: remove what the action made and put back what it replaced."""
    _swap(session, change.after, change.before)
    revert_answers(session, change.answers)


def reapply_change(session: Session, change: DecisionChange) -> None:
    """Redo: the action's result again, with the same ids."""
    _swap(session, change.before, change.after)
    reapply_answers(session, change.answers)
