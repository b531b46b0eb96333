"""The pure adjudication rules (annotator/adjudication.py): which version wins under which strategy,
checked on hand-made clusters and, with hypothesis, on random votes of up to six coders."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.adjudication import (
    DecisionKind,
    Strategy,
    cluster_key,
    decide,
    key_of,
    strategy_label,
    versions,
)
from annotator.review import ReviewDocument, ReviewSpan, review_document

VARIANTS = [(0, 10, "Claim/Factual"), (0, 10, "Claim/Evaluative"), (2, 10, "Claim/Factual"), None]


def cluster_of(votes: list[int | None]):  # noqa: ANN201 - a review Cluster
    """One cluster where coder ``c<i>`` marks VARIANTS[votes[i]] (None or 3: nothing), plus a
    span [0, 10) of an extra coder so that the cluster always exists."""
    document = ReviewDocument("doc", "", "x" * 20)
    for i, vote in enumerate(votes):
        coder = f"c{i}"
        document.coders.add(coder)
        variant = VARIANTS[vote] if vote is not None else None
        if variant is not None:
            document.spans.append(ReviewSpan(f"{coder}-a", coder, *variant))
    document.spans.append(ReviewSpan("anchor", "zz", 0, 10, "Claim/Factual"))
    document.coders.add("zz")
    (cluster,) = review_document(document)
    return cluster


def test_unanimous_accepts_only_identical_versions() -> None:
    agreed = decide(cluster_of([0, 0]), Strategy.UNANIMOUS)
    assert agreed is not None and agreed.kind is DecisionKind.ACCEPT and agreed.coder == "c0"
    assert decide(cluster_of([0, 1]), Strategy.UNANIMOUS) is None


def test_majority_and_rejection() -> None:
    majority = decide(cluster_of([1, 1, 1, 2]), Strategy.MAJORITY)  # zz votes variant 0
    assert majority is not None and (majority.coder, majority.support, majority.voters) == (
        "c0", 3, 5)
    rejected = decide(cluster_of([3, 3, 3, 3]), Strategy.MAJORITY)  # only zz marked it
    assert rejected is not None and rejected.kind is DecisionKind.REJECT
    assert decide(cluster_of([1, 2]), Strategy.MAJORITY) is None  # 1 : 1 : 1


def test_threshold_share_and_ties() -> None:
    assert decide(cluster_of([0, 0, 1]), Strategy.THRESHOLD, 0.67) is not None  # 3 of 4 = .75
    assert decide(cluster_of([0, 1, 1]), Strategy.THRESHOLD, 0.67) is None  # 2 of 4
    assert decide(cluster_of([1, 1]), Strategy.THRESHOLD, 0.5) is not None  # 2 of 3
    assert decide(cluster_of([1, 1, 0]), Strategy.THRESHOLD, 0.5) is None  # 2 : 2, a tie
    with pytest.raises(ValueError):
        decide(cluster_of([0]), Strategy.THRESHOLD, 1.5)
    with pytest.raises(ValueError):
        decide(cluster_of([0]), Strategy.MANUAL)


def test_labels_and_keys() -> None:
    assert strategy_label(Strategy.THRESHOLD, 0.67) == "threshold:0.67"
    assert strategy_label(Strategy.MAJORITY) == "majority"
    cluster = cluster_of([0, 1])
    assert key_of(cluster) == cluster_key("doc", ["anchor", "c1-a", "c0-a"])
    assert key_of(cluster) != cluster_key("doc", ["anchor", "c0-a"])


votes_lists = st.lists(st.sampled_from([0, 1, 2, 3]), min_size=1, max_size=6)


@given(votes_lists, st.floats(min_value=0.05, max_value=1.0))
def test_winners_follow_the_vote_counts(votes: list[int], share: float) -> None:
    cluster = cluster_of(votes)
    counted = Counter(versions(cluster).values()).most_common()
    top, support = counted[0]
    tied = len(counted) > 1 and counted[1][1] == support
    voters = len(cluster.coders)
    for strategy, needed in ((Strategy.MAJORITY, None), (Strategy.THRESHOLD, share)):
        outcome = decide(cluster, strategy, share)
        passes = support / voters > 0.5 if needed is None else support / voters >= share - 1e-9
        assert (outcome is not None) == (passes and not tied)
        if outcome is not None:
            assert outcome.support == support and outcome.voters == voters
            assert (outcome.kind is DecisionKind.REJECT) == (top == ())
            if outcome.coder is not None:
                assert versions(cluster)[outcome.coder] == top
                assert outcome.coder == min(c for c, v in versions(cluster).items() if v == top)


@given(votes_lists)
def test_unanimity_implies_majority_and_full_threshold(votes: list[int]) -> None:
    cluster = cluster_of(votes)
    unanimous = decide(cluster, Strategy.UNANIMOUS)
    if unanimous is not None:
        assert decide(cluster, Strategy.MAJORITY) == unanimous
        assert decide(cluster, Strategy.THRESHOLD, 1.0) == unanimous


@given(votes_lists, st.randoms())
def test_the_order_of_coders_does_not_matter(votes: list[int], random) -> None:  # noqa: ANN001
    shuffled = list(votes)
    random.shuffle(shuffled)
    for strategy in (Strategy.MAJORITY, Strategy.THRESHOLD):
        one, other = decide(cluster_of(votes), strategy), decide(cluster_of(shuffled), strategy)
        assert (one is None) == (other is None)
        if one is not None and other is not None:
            assert (one.kind, one.support) == (other.kind, other.support)
