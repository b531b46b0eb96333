"""Adjudication by the lead: settle a review cluster into the gold layer, one decision at a time.

Each function is one user action: the caller runs it in one transaction and commits at once; it
returns a :class:`DecisionChange` whose inverse (:func:`revert_change`) is the Undo. A cluster is
named by its key (:func:`annotator.adjudication.cluster_key`). A new decision on a cluster
replaces the one it had, and any *stale* decision (made on an earlier membership of the same
spans); the replaced decisions come back on Undo. Refused with :class:`ProjectError`, nothing
written: a coder who is not a lead, an unknown cluster, a source annotation not in the cluster.
Automatic strategies are in :mod:`adjudication_auto`. docs/review.md describes the whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.adjudication import DecisionKind, Strategy, key_of
from annotator.db.models import AdjudicationDecision, Coder, Relation, utcnow
from annotator.db.services.adjudication_gold import copy_version, settle
from annotator.db.services.adjudication_store import (
    DecisionChange,
    get_decision,
    reapply_change,
    revert_change,
    snapshot,
)
from annotator.db.services.annotations import (
    create_annotation,
    get_annotation,
    set_attribute_value,
    update_annotation,
)
from annotator.db.services.packages import refuse_in_package
from annotator.db.services.relations import create_relation, delete_relation
from annotator.db.services.review import review_input
from annotator.domain import Layer, RelationType, Role
from annotator.errors import ProjectError
from annotator.review import Cluster, review_document

__all__ = ["DecisionChange", "accept", "default_lead", "document_clusters", "edit_gold", "find_cluster",
           "link_gold", "reapply_change", "reject", "require_lead", "revert_change",
           "set_rationale", "unlink_gold"]


def require_lead(session: Session, lead: str) -> Coder:
    """The coder (id or name) who adjudicates; refused unless their role is lead, and in a
    coder package (gold stays in the lead's project)."""
    refuse_in_package(session, "adjudication")
    coder = session.get(Coder, lead) or session.scalar(select(Coder).where(Coder.name == lead))
    if coder is None:
        raise ProjectError(f"no coder named {lead!r}")
    if coder.role != Role.LEAD.value:
        raise ProjectError(f"{coder.name} is a {coder.role}, not a lead: only a lead adjudicates")
    return coder


def default_lead(session: Session) -> str:
    """The project's lead when it has exactly one (else the caller must name one)."""
    leads = list(session.scalars(select(Coder.name).where(Coder.role == Role.LEAD.value)
                                 .order_by(Coder.name)))
    if len(leads) != 1:
        raise ProjectError("name the lead who adjudicates (--lead); leads in this project: "
                           + (", ".join(leads) or "none"))
    return leads[0]


def document_clusters(session: Session, document: str) -> tuple[str, list[Cluster]]:
    """The document's UUID (given its UUID or external id) and its review clusters now."""
    (loaded,) = review_input(session, documents=[document])
    return loaded.uuid, review_document(loaded)


def find_cluster(session: Session, document: str, key: str) -> Cluster:
    _uuid, clusters = document_clusters(session, document)
    for cluster in clusters:
        if key_of(cluster) == key:
            return cluster
    raise ProjectError(f"document {document} has no cluster {key} (the coders' spans there "
                       "changed since, or the key is wrong): reload the review")


def accept(session: Session, *, lead: str, document: str, cluster: str, source: str,
           rationale: str = "") -> DecisionChange:
    """Copy the version of ``source``'s coder (all their spans in the cluster, their attribute
    values and links) into gold; ``source`` (an annotation id in the cluster) is recorded."""
    who, found = require_lead(session, lead), find_cluster(session, document, cluster)
    span = next((s for s in found.spans if s.key == source), None)
    if span is None:
        raise ProjectError(f"annotation {source} is not in cluster {cluster}")
    return settle(session, who, found, DecisionKind.ACCEPT, Strategy.MANUAL.value,
                  lambda decision: copy_version(session, who, found, span, decision),
                  source=span, rationale=rationale)


def reject(session: Session, *, lead: str, document: str, cluster: str,
           rationale: str = "") -> DecisionChange:
    """Record that nothing of the cluster belongs in gold."""
    who, found = require_lead(session, lead), find_cluster(session, document, cluster)
    return settle(session, who, found, DecisionKind.REJECT, Strategy.MANUAL.value,
                  lambda decision: None, rationale=rationale)


def _current(session: Session, cluster: Cluster) -> AdjudicationDecision | None:
    return session.scalar(select(AdjudicationDecision).where(
        AdjudicationDecision.document_id == cluster.document,
        AdjudicationDecision.cluster_key == key_of(cluster)))


def edit_gold(session: Session, *, lead: str, document: str, cluster: str,
              gold_id: str | None = None, start: int | None = None, end: int | None = None,
              code_id: str | None = None, attributes: Mapping[str, str | None] | None = None,
              ) -> DecisionChange:
    """Edit the cluster's gold span (boundaries, code, attribute values by attribute id; None
    clears one). A cluster without gold (undecided or rejected) gets a new gold span, which
    needs ``code_id``; its boundaries default to the cluster's."""
    who, found = require_lead(session, lead), find_cluster(session, document, cluster)
    current = _current(session, found)
    golds = [pair[1] for pair in current.gold] if current is not None else []
    if not golds:
        if code_id is None:
            raise ProjectError(f"cluster {cluster} has no gold span yet: choose its code")

        def draw(decision: AdjudicationDecision) -> None:
            made = create_annotation(
                session, document_id=found.document, coder_id=who.id, code_id=code_id,
                start=found.start if start is None else start,
                end=found.end if end is None else end, layer=Layer.GOLD,
                attributes={k: v for k, v in (attributes or {}).items() if v})
            decision.gold = [[None, made.uuid]]

        return settle(session, who, found, DecisionKind.EDIT, Strategy.MANUAL.value, draw,
                      rationale=current.rationale if current is not None else "")
    target = gold_id or golds[0]
    if target not in golds:
        raise ProjectError(f"annotation {target} is not gold of cluster {cluster}")
    assert current is not None
    before = snapshot(session, current.id)
    update_annotation(session, target, code_id=code_id, start=start, end=end)
    for attribute_id, value in (attributes or {}).items():
        set_attribute_value(session, target, attribute_id, value)
    _mark_edited(current, who)
    return DecisionChange((found.document,), (before,), (snapshot(session, current.id),))


def _mark_edited(decision: AdjudicationDecision, who: Coder) -> None:
    decision.kind, decision.strategy = DecisionKind.EDIT.value, Strategy.MANUAL.value
    decision.lead_id, decision.decided_at = who.id, utcnow()


def set_rationale(session: Session, *, lead: str, decision_id: str,
                  text: str) -> DecisionChange:
    """Write (or replace) the reason for a decision."""
    require_lead(session, lead)
    decision = get_decision(session, decision_id)
    before = snapshot(session, decision_id)
    decision.rationale = text.strip()
    session.flush()
    return DecisionChange((decision.document_id,), (before,), (snapshot(session, decision_id),))


def _decision_of_gold(session: Session, gold_id: str) -> AdjudicationDecision:
    annotation = get_annotation(session, gold_id)
    if annotation.layer is not Layer.GOLD:
        raise ProjectError(f"annotation {gold_id} is not gold")
    decisions = session.scalars(select(AdjudicationDecision).where(
        AdjudicationDecision.document_id == annotation.document_id))
    for decision in decisions:
        if any(pair[1] == gold_id for pair in decision.gold):
            return decision
    raise ProjectError(f"gold annotation {gold_id} belongs to no decision")


def link_gold(session: Session, *, lead: str, source_id: str, target_id: str,
              type: RelationType) -> DecisionChange:  # noqa: A002 - the relation's field name
    """Link two gold annotations; the source's decision becomes an edit."""
    who = require_lead(session, lead)
    source, target = _decision_of_gold(session, source_id), _decision_of_gold(session, target_id)
    ids = list(dict.fromkeys((source.id, target.id)))
    before = tuple(snapshot(session, i) for i in ids)
    create_relation(session, type=type, source_id=source_id, target_id=target_id,
                    coder_id=who.id)
    _mark_edited(source, who)
    session.flush()
    return DecisionChange((source.document_id,), before, tuple(snapshot(session, i) for i in ids))


def unlink_gold(session: Session, *, lead: str, relation_id: str) -> DecisionChange:
    """Remove a link between gold annotations; the source's decision becomes an edit."""
    who = require_lead(session, lead)
    relation = session.get(Relation, relation_id)
    if relation is None:
        raise ProjectError(f"no link with id {relation_id}")
    source = _decision_of_gold(session, relation.source_id)
    target = _decision_of_gold(session, relation.target_id)
    ids = list(dict.fromkeys((source.id, target.id)))
    before = tuple(snapshot(session, i) for i in ids)
    delete_relation(session, relation_id)
    _mark_edited(source, who)
    session.flush()
    return DecisionChange((source.document_id,), before, tuple(snapshot(session, i) for i in ids))
