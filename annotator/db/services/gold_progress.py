"""How far adjudication has come per document: clusters decided out of all clusters.

A light read for the progress matrix: the coders' span ids and boundaries (no attributes, no
links) swept into clusters per document, each cluster's key compared with the keys of the
recorded decisions. A decision whose cluster changed since (stale) does not count as decided.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.adjudication import cluster_key
from annotator.db.models import AdjudicationDecision, Annotation
from annotator.domain import Layer


@dataclass(frozen=True)
class GoldProgress:
    clusters: int  # clusters of the coders' spans now
    decided: int  # of them, with a decision (accept, edit or reject)
    gold: int  # gold annotations of the document

    def text(self) -> str:
        return f"{self.decided}/{self.clusters}"

    def json(self) -> dict[str, Any]:
        return {"clusters": self.clusters, "decided": self.decided, "gold": self.gold}


def gold_progress(session: Session) -> dict[str, GoldProgress]:
    """Per document id, its clusters, the decided ones and its gold annotations."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for document, key, start, end in session.execute(
            select(Annotation.document_id, Annotation.id, Annotation.start, Annotation.end)
            .where(Annotation.layer == Layer.CODING.value)):
        spans[document].append((start, end, key))
    keys: dict[str, set[str]] = defaultdict(set)
    for document, key in session.execute(select(AdjudicationDecision.document_id,
                                                AdjudicationDecision.cluster_key)):
        keys[document].add(key)
    gold = dict(session.execute(select(Annotation.document_id, func.count())
                                .where(Annotation.layer == Layer.GOLD.value)
                                .group_by(Annotation.document_id)).all())
    result = {}
    for document in set(spans) | set(keys) | set(gold):
        clusters = _cluster_keys(document, spans.get(document, []))
        result[document] = GoldProgress(len(clusters), len(clusters & keys.get(document, set())),
                                        gold.get(document, 0))
    return result


def _cluster_keys(document: str, spans: list[tuple[int, int, str]]) -> set[str]:
    """The keys of the overlap clusters (same sweep as :func:`annotator.review.group_overlapping`)."""
    groups: list[list[str]] = []
    reach = -1
    for start, end, key in sorted(spans):
        if start >= reach:
            groups.append([])
        groups[-1].append(key)
        reach = max(reach, end)
    return {cluster_key(document, members) for members in groups}
