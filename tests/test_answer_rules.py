"""The automatic rules for gold answers (annotator/answer_review.py ``settle_answer``) and the
shared vote counting of annotator/adjudication.py ``winning_vote``."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.adjudication import Strategy, winning_vote
from annotator.answer_review import answer_key, settle_answer


def test_unanimous_needs_every_answer_alike() -> None:
    assert settle_answer({"a": "economic", "b": "economic"}, Strategy.UNANIMOUS).value == "economic"
    assert settle_answer({"a": "economic", "b": "security"}, Strategy.UNANIMOUS) is None


def test_one_answer_is_left_to_the_lead() -> None:
    assert settle_answer({"a": True}, Strategy.UNANIMOUS) is None
    assert settle_answer({}, Strategy.MAJORITY) is None


def test_majority_needs_more_than_half_and_a_tie_stays_open() -> None:
    outcome = settle_answer({"a": 1, "b": 1, "c": 0}, Strategy.MAJORITY)
    assert outcome is not None and (outcome.value, outcome.supporters, outcome.voters) == (1, ("a", "b"), 3)
    assert settle_answer({"a": 1, "b": 0}, Strategy.MAJORITY) is None
    assert settle_answer({"a": 1, "b": 1, "c": 0, "d": 0}, Strategy.MAJORITY) is None
    assert settle_answer({"a": 1, "b": 2, "c": 3}, Strategy.MAJORITY) is None


def test_threshold_counts_the_share_of_coders_who_answered() -> None:
    answers = {"a": "x", "b": "x", "c": "y"}
    assert settle_answer(answers, Strategy.THRESHOLD, 0.67) is None  # 2/3 < .67
    assert settle_answer(answers, Strategy.THRESHOLD, 0.66).value == "x"
    assert settle_answer({"a": "x", "b": "y"}, Strategy.THRESHOLD, 0.5) is None  # tie
    with pytest.raises(ValueError):
        settle_answer(answers, Strategy.THRESHOLD, 1.5)


def test_lists_of_options_compare_as_values() -> None:
    outcome = settle_answer({"a": ["state", "rebels"], "b": ["state", "rebels"]}, Strategy.UNANIMOUS)
    assert outcome is not None and outcome.value == ["state", "rebels"]
    assert settle_answer({"a": ["state"], "b": ["state", "rebels"]}, Strategy.UNANIMOUS) is None
    # yes and 1 are different answers (json keeps true apart from 1)
    assert answer_key(True) != answer_key(1)


def test_manual_is_not_a_rule() -> None:
    with pytest.raises(ValueError):
        winning_vote({"a": 1}, Strategy.MANUAL)


answers = st.dictionaries(st.sampled_from("abcdefg"), st.sampled_from([True, False, 1, 2, "x"]),
                          max_size=7)
rules = st.sampled_from([Strategy.UNANIMOUS, Strategy.MAJORITY, Strategy.THRESHOLD])
shares = st.floats(min_value=0.01, max_value=1.0)


@given(answers, rules, shares)
def test_an_outcome_is_the_most_given_answer_and_named_by_its_supporters(
        given_answers: dict[str, object], rule: Strategy, share: float) -> None:
    outcome = settle_answer(given_answers, rule, share)  # type: ignore[arg-type]
    if outcome is None:
        return
    counts = Counter(answer_key(v) for v in given_answers.values())  # type: ignore[arg-type]
    top = counts.most_common()
    assert answer_key(outcome.value) == top[0][0]
    assert len(top) == 1 or top[1][1] < top[0][1]  # never a tie
    assert set(outcome.supporters) == {c for c, v in given_answers.items()
                                       if answer_key(v) == answer_key(outcome.value)}  # type: ignore[arg-type]
    assert outcome.voters == len(given_answers) >= 2


@given(answers, shares)
def test_stricter_rules_settle_less(given_answers: dict[str, object], share: float) -> None:
    """Unanimous ⊂ majority; a unanimous answer passes any threshold."""
    unanimous = settle_answer(given_answers, Strategy.UNANIMOUS)  # type: ignore[arg-type]
    if unanimous is not None:
        assert settle_answer(given_answers, Strategy.MAJORITY) == unanimous  # type: ignore[arg-type]
        assert settle_answer(given_answers, Strategy.THRESHOLD, share) == unanimous  # type: ignore[arg-type]


@given(answers, rules, shares)
def test_the_outcome_does_not_depend_on_the_coders_order(
        given_answers: dict[str, object], rule: Strategy, share: float) -> None:
    backwards = dict(reversed(list(given_answers.items())))
    assert settle_answer(given_answers, rule, share) == settle_answer(backwards, rule, share)  # type: ignore[arg-type]
