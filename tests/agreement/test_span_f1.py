"""Span precision, recall and F1, exact and overlap-based."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import Unit, span_f1, span_f1_multi


def spans(coder: str, *rows: tuple[int, int, str]) -> list[Unit]:
    return [Unit(coder, s, e, c) for s, e, c in rows]


A = spans("a", (0, 10, "claim"), (20, 30, "claim"), (40, 50, "actor"))
B = spans("b", (0, 10, "claim"), (21, 30, "claim"), (40, 50, "source"), (60, 70, "actor"))


def test_exact_matching() -> None:
    scores = span_f1(A, B, match="exact")
    claim, actor, source = (scores.per_code[k] for k in ("claim", "actor", "source"))
    assert (claim.tp, claim.fp, claim.fn) == (1, 1, 1)
    assert (actor.tp, actor.fp, actor.fn) == (0, 1, 1)
    assert (source.tp, source.fp, source.fn) == (0, 1, 0)
    assert scores.micro.precision == pytest.approx(1 / 4)
    assert scores.micro.recall == pytest.approx(1 / 3)
    assert scores.micro.f1 == pytest.approx(2 / 7)
    assert math.isnan(source.recall)  # A has no source span
    assert scores.macro.f1 == pytest.approx((0.5 + 0 + 0) / 3)
    assert scores.macro.recall == pytest.approx((0.5 + 0) / 2)  # undefined recall skipped


def test_overlap_matching_uses_jaccard_threshold() -> None:
    scores = span_f1(A, B, match="overlap", min_overlap=0.5)
    assert scores.per_code["claim"].tp == 2  # 9/10 overlap
    assert span_f1(A, B, match="overlap", min_overlap=0.95).per_code["claim"].tp == 1
    assert scores.per_code["actor"].tp == 0  # same extent, other code: no match


def test_overlap_matching_is_one_to_one_and_prefers_the_best_overlap() -> None:
    a = spans("a", (0, 10, "x"), (0, 9, "x"))
    b = spans("b", (0, 10, "x"))
    scores = span_f1(a, b, match="overlap")
    assert (scores.per_code["x"].tp, scores.per_code["x"].fn) == (1, 1)
    nested = spans("b", (0, 10, "x"), (2, 8, "x"))
    assert span_f1(spans("a", (0, 10, "x"), (1, 8, "x")), nested,
                   match="overlap").per_code["x"].tp == 2


def test_duplicate_spans_count_once_each() -> None:
    a = spans("a", (0, 5, "x"), (0, 5, "x"))
    b = spans("b", (0, 5, "x"))
    counts = span_f1(a, b).per_code["x"]
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)


def test_empty_inputs_are_nan_not_zero() -> None:
    scores = span_f1([], [])
    assert math.isnan(scores.micro.f1) and scores.per_code == {}
    only_a = span_f1(A, [])
    assert math.isnan(only_a.micro.precision) and only_a.micro.recall == 0 and only_a.micro.f1 == 0


def test_pooling_documents_sums_counts() -> None:
    pooled = span_f1_multi([(A, B), (A, A)], match="exact")
    claim = pooled.per_code["claim"]
    assert (claim.tp, claim.fp, claim.fn) == (3, 1, 1)


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(ValueError, match="match"):
        span_f1(A, B, match="fuzzy")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="min_overlap"):
        span_f1(A, B, match="overlap", min_overlap=0)


span_lists = st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20), st.sampled_from("xy")),
                      max_size=12).map(lambda rows: [Unit("c", s, s + n, k) for s, n, k in rows])


@settings(max_examples=200, deadline=None)
@given(span_lists, span_lists)
def test_properties(a: list[Unit], b: list[Unit]) -> None:
    exact = span_f1(a, b, match="exact")
    loose = span_f1(a, b, match="overlap", min_overlap=0.3)
    assert sum(c.tp for c in loose.per_code.values()) >= sum(c.tp for c in exact.per_code.values())
    swapped = span_f1(b, a, match="overlap", min_overlap=0.3)
    assert math.isnan(loose.micro.f1) or swapped.micro.f1 == pytest.approx(loose.micro.f1)
    for code, counts in exact.per_code.items():
        assert counts.tp + counts.fn == sum(1 for u in a if u.category == code)
        assert counts.tp + counts.fp == sum(1 for u in b if u.category == code)
    if a:
        assert span_f1(a, a, match="overlap").micro.f1 == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(span_lists, span_lists), max_size=7))
def test_blocks_of_documents_give_the_pooled_counts(documents: list[tuple[list[Unit], list[Unit]]]
                                                    ) -> None:
    import annotator.agreement.spans as spans_module

    whole = span_f1_multi(documents, match="overlap")
    original = spans_module.DOCUMENTS_PER_BLOCK
    try:
        spans_module.DOCUMENTS_PER_BLOCK = 2
        blocked = span_f1_multi(documents, match="overlap")
    finally:
        spans_module.DOCUMENTS_PER_BLOCK = original
    assert blocked.per_code == whole.per_code
    # and against documents scored one by one
    separate = [span_f1(a, b, match="overlap").per_code for a, b in documents]
    for code, counts in whole.per_code.items():
        assert counts.tp == sum(s[code].tp for s in separate if code in s)
