"""Adjudication rules: which coder's version of a review cluster wins under which strategy.

Plain data in, plain data out (no Qt, no SQL). A cluster comes from :mod:`annotator.review`.
Every coder who coded the document casts one vote: their *version* of the cluster, the sorted
tuple of their spans there (boundaries, code, attribute values); a coder who marked nothing
there votes for the empty version, which stands for "reject". docs/review.md describes the
strategies:

- ``unanimous``: every coder gave the same version and the same links (class ``unanimous``);
- ``majority``: one version has more than half of the votes;
- ``threshold``: one version has at least the given share of the votes (default 0.67), and no
  other version ties with it.

The accepted version's source coder is the first supporting coder by name, so the outcome does
not depend on the order the coders come in.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from annotator.review import Cluster, ReviewClass

DEFAULT_THRESHOLD = 0.67

Version = tuple[tuple[int, int, str, tuple[tuple[str, str], ...]], ...]
V = TypeVar("V", bound=Hashable)


class Strategy(StrEnum):
    """How a decision was made: by the lead's hand or by an automatic rule."""

    MANUAL = "manual"
    UNANIMOUS = "unanimous"
    MAJORITY = "majority"
    THRESHOLD = "threshold"


AUTOMATIC = (Strategy.UNANIMOUS, Strategy.MAJORITY, Strategy.THRESHOLD)


class DecisionKind(StrEnum):
    """What a decision did with its cluster."""

    ACCEPT = "accept"  # one coder's version copied into gold
    EDIT = "edit"  # gold the lead edited (or drew) by hand
    REJECT = "reject"  # nothing of the cluster belongs in gold: recorded, not an absence


@dataclass(frozen=True)
class Outcome:
    """An automatic decision: accept ``coder``'s version, or reject (``coder`` is None)."""

    kind: DecisionKind
    coder: str | None
    support: int  # how many coders voted for the winning version
    voters: int


def cluster_key(document: str, members: Iterable[str]) -> str:
    """A stable name for a cluster: its document and its member annotation ids, hashed.

    It stays the same however the clusters are numbered; it changes when the members change
    (a coder added, moved or deleted a span there), which is what makes a decision stale.
    """
    text = "\n".join([document, *sorted(members)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def key_of(cluster: Cluster) -> str:
    return cluster_key(cluster.document, (span.key for span in cluster.spans))


def strategy_label(strategy: Strategy, threshold: float | None = None) -> str:
    """How the strategy is recorded: ``threshold:0.67`` names its share."""
    if strategy is Strategy.THRESHOLD:
        return f"threshold:{check_threshold(threshold if threshold is not None else DEFAULT_THRESHOLD):g}"
    return strategy.value


def check_threshold(share: float) -> float:
    if not 0 < share <= 1:
        raise ValueError(f"the threshold is a share of coders in (0, 1], not {share}")
    return share


def versions(cluster: Cluster) -> dict[str, Version]:
    """Each coder's version of the cluster (empty for a coder who marked nothing there)."""
    return {coder: tuple(sorted((s.start, s.end, s.code, s.attributes)
                                for s in cluster.by_coder(coder)))
            for coder in cluster.coders}


def decide(cluster: Cluster, strategy: Strategy,
           threshold: float = DEFAULT_THRESHOLD) -> Outcome | None:
    """The automatic outcome for ``cluster``, or None when the strategy leaves it to the lead."""
    if strategy is Strategy.MANUAL:
        raise ValueError("a manual decision is the lead's, not a rule's")
    votes = versions(cluster)
    if not votes:
        return None
    if strategy is Strategy.UNANIMOUS:
        if cluster.primary is not ReviewClass.UNANIMOUS:
            return None
        return _outcome(votes, next(iter(votes.values())))
    best = winning_vote(votes, strategy, threshold)
    return None if best is None else _outcome(votes, best)


def winning_vote(votes: Mapping[str, V], strategy: Strategy,
                 threshold: float = DEFAULT_THRESHOLD) -> V | None:
    """The vote that ``strategy`` accepts among ``votes`` (voter -> vote), or None: no votes,
    a tie for first place, or too small a share. Unanimous needs every vote alike."""
    if strategy is Strategy.MANUAL:
        raise ValueError("a manual decision is the lead's, not a rule's")
    counts = Counter(votes.values()).most_common()
    if not counts:
        return None
    best, support = counts[0]
    if strategy is Strategy.UNANIMOUS:
        return best if len(counts) == 1 else None
    if len(counts) > 1 and counts[1][1] == support:
        return None
    share = support / len(votes)
    needed = 0.5 if strategy is Strategy.MAJORITY else check_threshold(threshold)
    passes = share > needed if strategy is Strategy.MAJORITY else share >= needed - 1e-9
    return best if passes else None


def _outcome(votes: dict[str, Version], winner: Version) -> Outcome:
    supporters = sorted(coder for coder, version in votes.items() if version == winner)
    if not winner:
        return Outcome(DecisionKind.REJECT, None, len(supporters), len(votes))
    return Outcome(DecisionKind.ACCEPT, supporters[0], len(supporters), len(votes))
