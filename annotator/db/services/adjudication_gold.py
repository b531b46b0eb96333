"""Writing one decision: replace what the cluster had, record the decision, copy gold.

Gold annotations belong to the lead (``coder_id``) in the ``gold`` layer. A copied version keeps
the source annotations' codes, boundaries and attribute values; a coder's link between two
annotations becomes a gold link as soon as both ends have gold copies (whichever is decided
second brings it), so the order in which clusters are settled does not matter.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from annotator.adjudication import DecisionKind, key_of
from annotator.db.models import AdjudicationDecision, Annotation, AttributeValue, Coder, Relation
from annotator.db.services.adjudication_store import (
    DecisionChange,
    DecisionSnapshot,
    remove_decision,
    snapshot,
)
from annotator.db.services.annotations import create_annotation
from annotator.db.services.relations import create_relation
from annotator.domain import Layer, RelationType
from annotator.review import Cluster, ReviewSpan


def overlapping_decisions(session: Session, cluster: Cluster) -> list[AdjudicationDecision]:
    """The document's decisions on this cluster, or stale ones sharing one of its members."""
    key, members = key_of(cluster), {span.key for span in cluster.spans}
    rows = session.scalars(select(AdjudicationDecision).where(
        AdjudicationDecision.document_id == cluster.document))
    return [d for d in rows if d.cluster_key == key or members.intersection(d.members)]


def settle(session: Session, who: Coder, cluster: Cluster, kind: DecisionKind, strategy: str,
           fill: Callable[[AdjudicationDecision], None], *, source: ReviewSpan | None = None,
           rationale: str = "", replace: bool = True, record: bool = True) -> DecisionChange:
    """Replace the cluster's decisions (``replace``) by a new one that ``fill`` gives its gold.

    ``record=False`` skips the after-snapshot and leaves the decision to the next flush (a bulk
    run takes its snapshots once at the end, or none from the CLI, which has no Undo).
    """
    before: tuple[DecisionSnapshot, ...] = ()
    if replace:
        before = tuple(remove_decision(session, d.id)
                       for d in overlapping_decisions(session, cluster))
    source_coder = None
    if source is not None:
        source_coder = session.scalar(select(Annotation.coder_id)
                                      .where(Annotation.id == source.key))
    decision = AdjudicationDecision(
        document_id=cluster.document, cluster_key=key_of(cluster),
        members=sorted(span.key for span in cluster.spans), start=cluster.start,
        end=cluster.end, kind=kind.value, strategy=strategy,
        source_annotation_id=source.key if source else None, source_coder_id=source_coder,
        gold=[], rationale=rationale.strip(), lead_id=who.id)
    session.add(decision)
    fill(decision)
    if not record:  # a bulk run: the inserts go in batches at the next flush
        return DecisionChange((cluster.document,), before, ())
    session.flush()
    return DecisionChange((cluster.document,), before, (snapshot(session, decision.id),))


def copy_version(session: Session, who: Coder, cluster: Cluster, source: ReviewSpan,
                 decision: AdjudicationDecision) -> None:
    """Gold copies of every span of ``source``'s coder in the cluster, then their links."""
    keys = [span.key for span in cluster.by_coder(source.coder)]
    with session.no_autoflush:  # plain reads of the coder's rows (nothing pending touches them)
        rows = {row.id: row for row in session.execute(
            select(Annotation.id, Annotation.code_id, Annotation.start, Annotation.end)
            .where(Annotation.id.in_(keys)))}
        values: dict[str, dict[str, str]] = {}
        for annotation_id, attribute_id, value in session.execute(
                select(AttributeValue.annotation_id, AttributeValue.attribute_id,
                       AttributeValue.value).where(AttributeValue.annotation_id.in_(keys))):
            values.setdefault(annotation_id, {})[attribute_id] = value
    pairs: list[list[str | None]] = []
    for key in keys:
        row = rows[key]
        gold = create_annotation(session, document_id=cluster.document, coder_id=who.id,
                                 code_id=row.code_id, start=row.start, end=row.end,
                                 layer=Layer.GOLD, attributes=values.get(key, {}))
        pairs.append([key, gold.uuid])
    decision.gold = pairs
    session.flush()
    link_copies(session, who, cluster.document, {str(s): str(g) for s, g in pairs})


def link_copies(session: Session, who: Coder, document_id: str, new: dict[str, str]) -> None:
    """Copy the coders' links that touch ``new`` sources and now have gold at both ends."""
    links = session.execute(select(Relation.type, Relation.source_id, Relation.target_id).where(
        or_(Relation.source_id.in_(list(new)), Relation.target_id.in_(list(new))))).all()
    if not links:
        return
    copies: dict[str, str] = {}
    for pairs in session.scalars(select(AdjudicationDecision.gold)
                                 .where(AdjudicationDecision.document_id == document_id)):
        copies.update((str(s), str(g)) for s, g in pairs if s and g)
    copies.update(new)
    golds = list(copies.values())
    existing = set(session.execute(select(Relation.type, Relation.source_id, Relation.target_id)
                                   .where(Relation.source_id.in_(golds))).all())
    for relation_type, source_id, target_id in links:
        ends = copies.get(source_id), copies.get(target_id)
        if ends[0] and ends[1] and (relation_type, *ends) not in existing:
            create_relation(session, type=RelationType(relation_type), source_id=ends[0],
                            target_id=ends[1], coder_id=who.id)
            existing.add((relation_type, ends[0], ends[1]))
