"""Adjudication decisions as flat rows for exports: one per decision and gold annotation."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import (
    AdjudicationDecision,
    Annotation,
    Coder,
    Document,
    DocumentAnswer,
    DocumentQuestion,
)
from annotator.domain import Layer


@dataclass(frozen=True)
class DecisionRow:
    decision_id: str
    document_id: str
    external_id: str | None
    cluster_key: str
    cluster_start: int
    cluster_end: int
    kind: str
    strategy: str
    source_annotation_id: str | None
    source_coder: str | None
    gold_id: str | None  # None for a rejection
    code_id: str | None
    start: int  # the gold span's (a rejection: the cluster's)
    end: int
    text: str
    rationale: str
    lead: str
    decided_at: datetime


def iter_decisions(session: Session, documents: Collection[str]) -> Iterator[DecisionRow]:
    """Decisions of ``documents`` in document order, then text order; a decision with several
    gold annotations gives one row for each."""
    order = {document: index for index, document in enumerate(documents)}
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    decisions = [d for d in session.scalars(select(AdjudicationDecision))
                 if d.document_id in order]
    decisions.sort(key=lambda d: (order[d.document_id], d.start, d.end, d.cluster_key))
    gold_ids = [pair[1] for d in decisions for pair in d.gold if pair[1]]
    gold = {row.id: row for row in session.execute(
        select(Annotation.id, Annotation.code_id, Annotation.start, Annotation.end)
        .where(Annotation.id.in_(gold_ids)))}
    texts: dict[str, tuple[str | None, str]] = {}
    for decision in decisions:
        if decision.document_id not in texts:
            texts[decision.document_id] = tuple(session.execute(  # type: ignore[assignment]
                select(Document.external_id, Document.text)
                .where(Document.id == decision.document_id)).one())
        external, text = texts[decision.document_id]
        golds = [gold[pair[1]] for pair in decision.gold if pair[1] in gold] or [None]
        for span in golds:
            start, end = (span.start, span.end) if span else (decision.start, decision.end)
            yield DecisionRow(
                decision.id, decision.document_id, external, decision.cluster_key,
                decision.start, decision.end, decision.kind, decision.strategy,
                decision.source_annotation_id, names.get(decision.source_coder_id or ""),
                span.id if span else None, span.code_id if span else None, start, end,
                text[start:end], decision.rationale, names.get(decision.lead_id, ""),
                decision.decided_at)


@dataclass(frozen=True)
class GoldAnswerExport:
    """A gold answer to a document question as the exports show it."""

    answer_id: str
    document_id: str
    external_id: str | None
    question: str  # the question's key
    value: object
    agreeing: tuple[str, ...]  # coders whose own answer is the gold answer, by name
    lead: str
    decided_at: datetime


def iter_gold_answers(session: Session, documents: Collection[str]) -> Iterator[GoldAnswerExport]:
    """Gold answers of ``documents`` in document order, then questionnaire order."""
    order = {document: index for index, document in enumerate(documents)}
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    rows = [row for row in session.execute(
        select(DocumentAnswer, DocumentQuestion.key, DocumentQuestion.position,
               Document.external_id)
        .join(DocumentQuestion).join(Document, Document.id == DocumentAnswer.document_id)
        .where(DocumentAnswer.layer == Layer.GOLD.value)).all() if row[0].document_id in order]
    rows.sort(key=lambda row: (order[row[0].document_id], row[2], row[0].updated_at))
    coding: dict[tuple[str, str], list[tuple[str, object]]] = {}
    for document_id, question_id, coder_id, value in session.execute(
            select(DocumentAnswer.document_id, DocumentAnswer.question_id,
                   DocumentAnswer.coder_id, DocumentAnswer.value)
            .where(DocumentAnswer.layer == Layer.CODING.value)):
        coding.setdefault((document_id, question_id), []).append((coder_id, value))
    for answer, key, _position, external in rows:
        given = coding.get((answer.document_id, answer.question_id), [])
        agreeing = tuple(sorted(names.get(c, c) for c, v in given if v == answer.value
                                and type(v) is type(answer.value)))
        yield GoldAnswerExport(answer.id, answer.document_id, external, key, answer.value,
                               agreeing, names.get(answer.coder_id, ""), answer.updated_at)


@dataclass(frozen=True)
class DecisionInfo:
    """One decision of a document as the review window shows it."""

    decision_id: str
    cluster_key: str
    kind: str
    strategy: str
    source_coder: str | None
    rationale: str
    gold_ids: tuple[str, ...]

    def summary(self) -> str:
        """A few words: ``accepted Omar (majority)``, ``edited``, ``rejected``."""
        how = "" if self.strategy == "manual" else f" ({self.strategy})"
        if self.kind == "accept":
            return f"accepted {self.source_coder or '?'}{how}"
        return ("edited" if self.kind == "edit" else "rejected") + how


def document_decisions(session: Session, document_id: str) -> dict[str, DecisionInfo]:
    """The document's decisions by cluster key (stale ones included, under their old key)."""
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    rows = session.scalars(select(AdjudicationDecision)
                           .where(AdjudicationDecision.document_id == document_id))
    return {d.cluster_key: DecisionInfo(d.id, d.cluster_key, d.kind, d.strategy,
                                        names.get(d.source_coder_id or ""), d.rationale,
                                        tuple(str(p[1]) for p in d.gold if p[1]))
            for d in rows}
