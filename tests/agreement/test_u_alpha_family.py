"""The 2016 u-alpha family: a literal position-by-position tally, invariants and calibration."""

from __future__ import annotations

import math

import numpy as np
import pytest
from agreement_reference import family, family_multi
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import Unit, u_alpha_family, u_alpha_family_multi


@st.composite
def partitions(draw: st.DrawFn, min_coders: int = 2, max_coders: int = 4, length: int = 30
               ) -> tuple[list[Unit], int, int, list[int]]:
    """Each coder cuts the continuum into non-overlapping units of codes x/y/z and gaps."""
    coders = list(range(draw(st.integers(min_coders, max_coders))))
    begin = draw(st.integers(0, 3))
    units = []
    for coder in coders:
        cuts = sorted(draw(st.sets(st.integers(0, length), max_size=10)))
        for s, e in zip(cuts, cuts[1:]):
            code = draw(st.sampled_from([None, "x", "y", "z"]))
            if code is not None:
                units.append(Unit(coder, begin + s, begin + e, code))
    return units, begin, length, coders


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-9, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(partitions())
def test_matches_a_literal_tally(data: tuple[list[Unit], int, int, list[int]]) -> None:
    units, begin, length, coders = data
    ours = u_alpha_family(units, begin, length, coders=coders)
    reference = family(units, begin, length, coders)
    assert same(ours.u_alpha, reference["u"])
    assert same(ours.binary_u_alpha, reference["binary"])
    assert same(ours.cu_alpha, reference["cu"])
    for key in ("per_code", "coverage", "binary_per_code"):
        for code, value in reference[key].items():  # type: ignore[attr-defined]
            assert same(getattr(ours, key)[code], value)
    assert same(ours.cu_coverage, reference["cu_coverage"])


@settings(max_examples=100, deadline=None)
@given(partitions(min_coders=1, max_coders=1), st.integers(2, 4))
def test_identical_coders_agree_perfectly(data: tuple[list[Unit], int, int, list[int]],
                                          n_coders: int) -> None:
    units, begin, length, _ = data
    copies = [Unit(c, u.start, u.end, u.category) for c in range(n_coders) for u in units]
    result = u_alpha_family(copies, begin, length, coders=list(range(n_coders)))
    if units and sum(u.length for u in units) < length:
        assert result.u_alpha == 1.0 and result.binary_u_alpha == 1.0
        assert all(v == 1.0 for v in result.binary_per_code.values())
    if len({u.category for u in units}) > 1:
        assert result.cu_alpha == 1.0
        assert all(v == 1.0 for v in result.per_code.values())
        assert result.cu_coverage == pytest.approx(sum(u.length for u in units) / length)
    else:  # one value among units: nothing to tell it from, never 1 by convention
        assert all(math.isnan(v) for v in result.per_code.values())


@settings(max_examples=100, deadline=None)
@given(partitions(), st.randoms(use_true_random=False))
def test_invariant_under_renaming_and_reordering(data: tuple[list[Unit], int, int, list[int]],
                                                 rnd: object) -> None:
    units, begin, length, coders = data
    before = u_alpha_family(units, begin, length, coders=coders)
    names = {c: f"coder{(c * 3) % 7}" for c in coders}
    renamed = [Unit(names[u.coder], u.start, u.end, u.category) for u in units]
    rnd.shuffle(renamed)  # type: ignore[attr-defined]
    after = u_alpha_family(renamed, begin, length, coders=[names[c] for c in reversed(coders)])
    for field in ("u_alpha", "binary_u_alpha", "cu_alpha", "cu_coverage"):
        assert same(getattr(after, field), getattr(before, field))
    for field in ("per_code", "coverage", "binary_per_code"):
        for code, value in getattr(before, field).items():
            assert same(getattr(after, field)[code], value)


@settings(max_examples=100, deadline=None)
@given(partitions())
def test_values_are_at_most_one(data: tuple[list[Unit], int, int, list[int]]) -> None:
    result = u_alpha_family(*data[:3], coders=data[3])
    for value in (result.u_alpha, result.binary_u_alpha, result.cu_alpha,
                  *result.per_code.values(), *result.binary_per_code.values()):
        assert math.isnan(value) or value <= 1.0 + 1e-12


def test_one_code_makes_binary_per_code_equal_binary() -> None:
    units = [Unit(0, 2, 10, "a"), Unit(0, 14, 20, "a"), Unit(1, 3, 11, "a"), Unit(1, 25, 28, "a")]
    result = u_alpha_family(units, 0, 30)
    assert result.binary_per_code["a"] == pytest.approx(result.binary_u_alpha)
    assert math.isnan(result.per_code["a"])  # (k)uα: no other value to tell k from
    assert result.u_alpha == pytest.approx(result.binary_u_alpha)
    assert math.isnan(result.cu_alpha)  # a single code: no variation among units


def test_codes_swapped_where_units_agree() -> None:
    units = [Unit(0, 0, 10, "a"), Unit(0, 20, 30, "b"), Unit(1, 0, 10, "a"), Unit(1, 20, 30, "a")]
    result = u_alpha_family(units, 0, 40)
    assert result.binary_u_alpha == 1.0  # both mark exactly the same stretches
    assert result.cu_alpha < 0.5 and result.u_alpha < 1.0
    assert result.binary_per_code["a"] < 1.0 and result.binary_per_code["b"] < 1.0
    assert result.per_code["a"] < 1.0 and result.per_code["b"] < 1.0
    assert result.coverage["a"] == 1.0 and result.coverage["b"] == 1.0


def test_independent_coders_score_near_zero() -> None:
    rng = np.random.default_rng(7)
    values = []
    for _ in range(150):
        units = []
        for coder in range(3):
            cuts = np.sort(rng.choice(1000, 24, replace=False))
            units += [Unit(coder, int(s), int(e), "abc"[int(rng.integers(3))])
                      for s, e in zip(cuts[::2], cuts[1::2])]
        r = u_alpha_family(units, 0, 1000)
        values.append([r.u_alpha, r.binary_u_alpha, r.cu_alpha, *r.per_code.values(),
                       *r.binary_per_code.values()])
    assert np.abs(np.nanmean(values, axis=0)).max() < 0.05


def test_nested_spans_of_different_codes_form_a_compound_value() -> None:
    nested = [Unit(c, 0, 20, "claim") for c in (0, 1)] + [Unit(c, 5, 10, "actor") for c in (0, 1)]
    result = u_alpha_family(nested, 0, 30)
    assert result.u_alpha == 1.0 and result.cu_alpha == 1.0 and result.binary_u_alpha == 1.0


def test_undefined_results_are_nan() -> None:
    empty = u_alpha_family([], 0, 10, coders=["a", "b"])
    assert math.isnan(empty.u_alpha) and math.isnan(empty.binary_u_alpha)
    one = u_alpha_family([Unit("a", 0, 5, "x")], 0, 10)
    assert math.isnan(one.u_alpha) and math.isnan(one.per_code["x"])
    everything = [Unit(c, 0, 10, "x") for c in "ab"]
    assert math.isnan(u_alpha_family(everything, 0, 10).binary_u_alpha)  # no gap anywhere


def test_pooling_documents() -> None:
    a = [Unit(0, 0, 4, "x"), Unit(1, 1, 4, "x")]
    b = [Unit(0, 2, 6, "y"), Unit(1, 2, 7, "y")]
    pooled = u_alpha_family_multi([(a, 0, 10), (b, 0, 10)])
    glued = u_alpha_family(a + [Unit(u.coder, u.start + 10, u.end + 10, u.category) for u in b],
                           0, 20)
    assert pooled.n_documents == 2 and pooled.length == 20
    # No unit touches the shared boundary, so cutting there changes nothing.
    assert pooled.u_alpha == pytest.approx(glued.u_alpha)
    for field in ("per_code", "coverage", "binary_per_code"):
        assert getattr(pooled, field) == pytest.approx(getattr(glued, field))


@settings(max_examples=100, deadline=None)
@given(st.lists(partitions(min_coders=1, max_coders=4, length=15), min_size=1, max_size=3))
def test_documents_with_their_own_coders_match_a_literal_tally(
        docs: list[tuple[list[Unit], int, int, list[int]]]) -> None:
    pooled = u_alpha_family_multi(docs, coders=[0, 1, 2, 3])
    reference = family_multi(docs)
    assert same(pooled.u_alpha, reference["u"])
    assert same(pooled.binary_u_alpha, reference["binary"])
    assert same(pooled.cu_alpha, reference["cu"])
    for key in ("per_code", "coverage", "binary_per_code"):
        for code, value in reference[key].items():  # type: ignore[attr-defined]
            assert same(getattr(pooled, key)[code], value)
    assert same(pooled.cu_coverage, reference["cu_coverage"])


def test_missing_coders_are_not_empty_coders() -> None:
    units = [Unit("a", 0, 5, "x"), Unit("b", 0, 5, "x"), Unit("a", 10, 15, "y"),
             Unit("b", 11, 15, "y")]
    pair = u_alpha_family(units, 0, 20)
    declared = u_alpha_family_multi([(units, 0, 20, ["a", "b"])], coders=["a", "b", "c"])
    silent_c = u_alpha_family(units, 0, 20, coders=["a", "b", "c"])
    assert declared.u_alpha == pytest.approx(pair.u_alpha)
    assert silent_c.u_alpha < pair.u_alpha  # c saw the text and marked nothing
    lone = [Unit("c", 0, 20, "x")]
    with_lone_doc = u_alpha_family_multi([(units, 0, 20, ["a", "b"]), (lone, 0, 20, ["c"])])
    assert with_lone_doc.u_alpha == pytest.approx(pair.u_alpha)  # one coder: nothing pairable
    with pytest.raises(ValueError, match="not among its coders"):
        u_alpha_family_multi([(units, 0, 20, ["a"])])
