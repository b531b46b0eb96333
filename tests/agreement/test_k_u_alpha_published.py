"""(k)uα as published (Krippendorff, Mathet, Bouvry & Widlöcher 2016, eq. 13; Krippendorff
2019, eq. 38), its coverage, and the invariances of the whole family."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_u_alpha_family import partitions, same

from annotator.agreement import Unit, u_alpha_family, u_alpha_family_multi

# The paper's example: continuum [0, 20), three coders, values 1 and 2.
PAPER = [Unit("alex", 2, 5, 1), Unit("alex", 9, 11, 1), Unit("alex", 12, 20, 2),
         Unit("paul", 2, 5, 1), Unit("paul", 7, 15, 2),
         Unit("susan", 2, 5, 1), Unit("susan", 10, 15, 2)]

FIELDS = ("u_alpha", "binary_u_alpha", "cu_alpha", "cu_coverage")
PER_CODE = ("per_code", "coverage", "binary_per_code")


def paper_by_hand() -> dict[str, Fraction]:
    """Eq. 13b worked by hand from the cuα matrices of the example (m = 3, weight 1/2).

    Unit-unit intersections, summed over ordered coder pairs / 2: ℓ*_11 = 9 (three coders on
    [2, 5)), ℓ*_22 = 11, ℓ*_12 = 1.5; full rows ℓ_1. = 11, ℓ_2. = 21. Self-pairing masses
    (each unit's pairable mass squared): S_1 = 3 * 3² + 1.5² = 29.25, S_2 = 3² + 5² + 4.5² =
    54.25.
    """
    l11, l22, l12 = Fraction(9), Fraction(11), Fraction(3, 2)
    row1, row2 = l11 + l12, l22 + l12
    total = row1 + row2
    s1, s2 = Fraction(117, 4), Fraction(217, 4)
    scale = total - (s1 + s2) / total
    values = {}
    for name, row, diag, s in (("1", row1, l11, s1), ("2", row2, l22, s2)):
        eps_row = (row * total - s) / scale
        eps_off = row * (total - row) / scale  # ε_k. − ε_kk
        values[name] = 1 - (eps_row / row) * (row - diag) / eps_off
    values["coverage1"], values["coverage2"] = row1 / 11, row2 / 21
    values["cu_coverage"] = total / 60
    return values


def test_the_papers_example() -> None:
    result = u_alpha_family(PAPER, 0, 20)
    hand = paper_by_hand()
    assert result.per_code[1] == pytest.approx(float(hand["1"]), abs=1e-15)
    assert result.per_code[2] == pytest.approx(float(hand["2"]), abs=1e-15)
    assert (round(result.per_code[1], 3), round(result.per_code[2], 3)) == (0.769, 0.787)
    assert hand["1"] == Fraction(942, 1225) and hand["2"] == Fraction(3442, 4375)
    assert result.coverage == pytest.approx({1: 21 / 22, 2: 25 / 42}, abs=1e-15)
    assert (round(result.coverage[1], 3), round(result.coverage[2], 3)) == (0.955, 0.595)
    assert result.cu_coverage == pytest.approx(float(hand["cu_coverage"]), abs=1e-15)
    # The measure this app used to call (k)uα, kept as "|uα of k": a different question.
    assert (round(result.binary_per_code[1], 3), round(result.binary_per_code[2], 3)) == (
        0.782, 0.306)


def test_two_values_make_any_metric_nominal() -> None:
    """Eq. 13a with a metric: with two values δ is one number, which cancels."""
    nominal = u_alpha_family(PAPER, 0, 20)
    interval = u_alpha_family(PAPER, 0, 20, metric=lambda c, k: 4.0 * (c - k) ** 2)
    assert interval.per_code == pytest.approx(nominal.per_code)
    assert interval.cu_alpha == pytest.approx(nominal.cu_alpha)


def test_a_metric_weighs_near_misses_less() -> None:
    """Eq. 13a on three ordered values: confusing 1 with 2 costs less than 1 with 3."""
    near = [Unit("a", 0, 10, 1), Unit("b", 0, 10, 2), Unit("a", 20, 30, 2),
            Unit("b", 20, 30, 2), Unit("a", 40, 50, 3), Unit("b", 40, 50, 3)]
    far = [Unit("a", 0, 10, 1), Unit("b", 0, 10, 3), *near[2:]]
    squared = lambda c, k: float((c - k) ** 2)  # noqa: E731
    assert u_alpha_family(near, 0, 60, metric=squared).per_code[1] > \
        u_alpha_family(far, 0, 60, metric=squared).per_code[1]
    with pytest.raises(ValueError, match="overlap"):
        u_alpha_family([Unit("a", 0, 10, 1), Unit("a", 5, 8, 2), Unit("b", 0, 10, 1)], 0, 20,
                       metric=squared)


def test_no_intersection_is_undefined_not_zero_or_one() -> None:
    units = [Unit("a", 0, 5, "x"), Unit("b", 10, 15, "x"), Unit("a", 20, 25, "y"),
             Unit("b", 20, 25, "z")]
    result = u_alpha_family(units, 0, 30)
    assert math.isnan(result.per_code["x"]) and result.coverage["x"] == 0.0
    assert result.coverage["y"] == 1.0  # y meets only z: as bad as chance, not undefined
    assert result.per_code["y"] == pytest.approx(0.0, abs=1e-15)
    never = u_alpha_family([Unit("a", 0, 5, "x")], 0, 10, coders=["a", "b"])
    assert math.isnan(never.per_code["x"]) and never.coverage["x"] == 0.0


@settings(max_examples=60, deadline=None)
@given(partitions(), st.integers(1, 30))
def test_splitting_a_document_where_no_unit_crosses_changes_nothing(
        data: tuple[list[Unit], int, int, list[int]], cut: int) -> None:
    units, begin, length, coders = data
    at = begin + min(cut, length)
    if any(u.start < at < u.end for u in units):
        return
    whole = u_alpha_family(units, begin, length, coders=coders)
    split = u_alpha_family_multi(
        [([u for u in units if u.end <= at], begin, at - begin),
         ([u for u in units if u.start >= at], at, begin + length - at)], coders=coders)
    for field in FIELDS:
        assert same(getattr(split, field), getattr(whole, field)), field
    for field in PER_CODE:
        for code, value in getattr(whole, field).items():
            assert same(getattr(split, field)[code], value), (field, code)


@settings(max_examples=60, deadline=None)
@given(partitions(max_coders=3))
def test_a_coder_who_marked_nothing_leaves_the_coding_figures_alone(
        data: tuple[list[Unit], int, int, list[int]]) -> None:
    """cuα and (k)uα only look where units meet units: a silent coder adds no unit, and the
    1/(m − 1) weight it changes scales observed and expected coincidences alike."""
    units, begin, length, coders = data
    without = u_alpha_family(units, begin, length, coders=coders)
    silent = u_alpha_family(units, begin, length, coders=[*coders, "silent"])
    assert same(silent.cu_alpha, without.cu_alpha)
    for code, value in without.per_code.items():
        assert same(silent.per_code[code], value)
