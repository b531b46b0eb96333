"""Automatic adjudication: settle every cluster a strategy can decide, and nothing else.

Re-running is safe: a cluster that already has a decision (made by hand or by any strategy) is
counted as *already decided* and left alone, so manual decisions always win and a second run
adds nothing. A cluster whose spans changed after a decision on an earlier membership of them
(a *stale* decision: a coder's later merge moved, added or deleted a span there) is counted as
a *conflict* and left for the lead, the old decision untouched. Clusters the strategy cannot
decide are *left for manual review*. The whole run is one transaction and one Undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.adjudication import (
    DEFAULT_THRESHOLD,
    DecisionKind,
    Outcome,
    Strategy,
    decide,
    key_of,
    strategy_label,
)
from annotator.db.models import AdjudicationDecision, Coder
from annotator.db.services.adjudication import require_lead
from annotator.db.services.adjudication_answers import AnswerTally, settle_answers
from annotator.db.services.adjudication_gold import copy_version, settle
from annotator.db.services.adjudication_store import DecisionChange, snapshot
from annotator.db.services.review import review_input
from annotator.gc_pause import collector_paused
from annotator.review import Cluster, review_document

Progress = Callable[[int, int], bool]  # (documents done, total) -> go on?


@dataclass
class DocumentTally:
    """One document's counts after a run."""

    document: str
    title: str
    clusters: int = 0
    decided: int = 0
    already: int = 0
    left: int = 0
    conflicts: int = 0


@dataclass
class AutoReport:
    strategy: str
    tallies: list[DocumentTally] = field(default_factory=list)
    change: DecisionChange = field(default_factory=lambda: DecisionChange(()))
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (document, cluster key)
    answers: AnswerTally = field(default_factory=AnswerTally)

    def total(self, name: str) -> int:
        return sum(getattr(tally, name) for tally in self.tallies)


def adjudicate_automatically(session: Session, *, lead: str, strategy: Strategy,
                             threshold: float = DEFAULT_THRESHOLD,
                             documents: Sequence[str] | None = None, record: bool = True,
                             progress: Progress | None = None, spans: bool = True,
                             answers: bool = True) -> AutoReport:
    """Run ``strategy`` over the chosen documents (default all): their clusters (``spans``) and
    their answers (``answers``). ``record`` keeps snapshots for Undo; ``progress`` may stop the
    run by returning False (the caller then rolls back)."""
    if Strategy(strategy) is Strategy.MANUAL:
        raise ValueError("choose an automatic strategy: unanimous, majority or threshold")
    who = require_lead(session, lead)
    report = AutoReport(strategy_label(strategy, threshold))
    with collector_paused():
        loaded = review_input(session, documents=documents) if spans else []
    decided = _decided(session, [document.uuid for document in loaded])
    made: list[AdjudicationDecision] = []
    for done, document in enumerate(loaded, 1):
        tally = DocumentTally(document.uuid, document.title)
        for cluster in review_document(document):
            tally.clusters += 1
            outcome = _classify(cluster, decided.get(document.uuid, []), tally, report)
            if outcome is None:
                continue
            verdict = decide(cluster, strategy, threshold)
            if verdict is None:
                tally.left += 1
                continue
            made.append(_apply(session, who, cluster, verdict, report.strategy))
            tally.decided += 1
        report.tallies.append(tally)
        if progress is not None and not progress(done, len(loaded)):
            break
    session.flush()
    after = tuple(snapshot(session, d.id) for d in made) if record else ()
    if answers and (progress is None or progress(len(loaded), len(loaded))):
        wanted = _document_ids(session, documents) if documents is not None else None
        report.answers = settle_answers(session, who, strategy, threshold, wanted)
    changed = dict.fromkeys([*(t.document for t in report.tallies),
                             *(c.after.document_id for c in report.answers.changes)])
    report.change = DecisionChange(tuple(changed), (), after, tuple(report.answers.changes))
    return report


def _document_ids(session: Session, documents: Sequence[str]) -> list[str]:
    from annotator.db.services.lookup import find_document

    return [find_document(session, name).id for name in documents]


Known = list[tuple[str, frozenset[str]]]


def _decided(session: Session, documents: list[str]) -> dict[str, Known]:
    """Per document, its decisions as (cluster key, members)."""
    rows = session.execute(select(AdjudicationDecision.document_id,
                                  AdjudicationDecision.cluster_key,
                                  AdjudicationDecision.members)).all()
    wanted = set(documents)
    found: dict[str, Known] = {}
    for document, key, members in rows:
        if document in wanted:
            found.setdefault(document, []).append((key, frozenset(members)))
    return found


def _classify(cluster: Cluster, known: Known, tally: DocumentTally,
              report: AutoReport) -> bool | None:
    """True when the cluster is open for the strategy; None (counted) when it is not."""
    key = key_of(cluster)
    if any(decided == key for decided, _members in known):
        tally.already += 1
        return None
    members = {span.key for span in cluster.spans}
    if any(members & decided for _key, decided in known):
        tally.conflicts += 1
        report.conflicts.append((cluster.document, key))
        return None
    return True


def _apply(session: Session, who: Coder, cluster: Cluster, verdict: Outcome,
           strategy: str) -> AdjudicationDecision:
    """Record the verdict (flushed later, with the others); returns the new decision."""
    made: list[AdjudicationDecision] = []

    def fill(decision: AdjudicationDecision) -> None:
        made.append(decision)
        if verdict.kind is DecisionKind.ACCEPT:
            copy_version(session, who, cluster, source, decision)

    source = None
    if verdict.kind is DecisionKind.ACCEPT:
        source = min((s for s in cluster.spans if s.coder == verdict.coder),
                     key=lambda s: (s.start, -s.end, s.key))
    settle(session, who, cluster, verdict.kind, strategy, fill, source=source, replace=False,
           record=False)
    return made[0]
