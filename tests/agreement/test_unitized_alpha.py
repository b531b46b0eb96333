"""alpha_u (Krippendorff 2004) against published values, DKPro's tests and a literal sweep."""

from __future__ import annotations

import math

import pytest
from agreement_reference import alpha_u_category
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import Unit, unitized_alpha, unitized_alpha_multi


def krippendorff_2004() -> list[Unit]:
    """Krippendorff (2004: 254): continuum begins at 150, length 300; (begin, length, cat)."""
    coder1 = [(225, 70, "c"), (370, 30, "c"), (180, 60, "k"), (300, 50, "k")]
    coder2 = [(220, 80, "c"), (355, 20, "c"), (400, 20, "c"), (180, 60, "k"), (300, 50, "k")]
    return ([Unit(1, b, b + n, c) for b, n, c in coder1]
            + [Unit(2, b, b + n, c) for b, n, c in coder2])


def test_krippendorff_2004_worked_example() -> None:
    result = unitized_alpha(krippendorff_2004(), 150, 300)
    assert result.observed["c"] == pytest.approx(0.0144, abs=1e-4)
    assert result.expected["c"] == pytest.approx(0.0532, abs=1e-4)
    assert result.per_category["c"] == pytest.approx(0.7286, abs=1e-4)
    assert result.observed["k"] == 0.0
    assert result.expected["k"] == pytest.approx(0.0490, abs=1e-4)
    assert result.per_category["k"] == 1.0
    assert result.overall == pytest.approx(0.859, abs=1e-3)
    assert (result.n_coders, result.n_units, result.length) == (2, 9, 300)


def krippendorff_1995(stretch: float) -> tuple[list[Unit], int, int]:
    """Krippendorff (1995: 57), four two-coder examples A-D on 24 positions (as in DKPro)."""
    spec = {
        "A": [(2, 8, 0), (14, 6, 0), (4, 4, 1), (15, 2, 1)],
        "B": [(0, 18, 0), (0, 2, 1), (2, 1, 1), (3, 1, 1), (4, 1, 1), (5, 1, 1), (6, 3, 1),
              (9, 1, 1)],
        "C": [(2, 6, 0), (10, 2, 0), (14, 4, 0), (20, 2, 0), (0, 2, 1), (4, 4, 1), (10, 4, 1),
              (16, 2, 1), (20, 2, 1)],
        "D": [(0, 2, 0), (2, 8, 0), (10, 4, 0), (14, 6, 0), (20, 4, 0), (0, 4, 1), (4, 4, 1),
              (8, 7, 1), (15, 2, 1), (17, 7, 1)],
    }
    s = lambda x: int(x * stretch)  # noqa: E731
    units = [Unit(coder, s(b), s(b) + s(n), cat) for cat, rows in spec.items()
             for b, n, coder in rows]
    return units, 0, s(24)


def test_krippendorff_1995_observed_disagreement() -> None:
    result = unitized_alpha(*krippendorff_1995(1))
    for cat, d_o in {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}.items():
        assert result.observed[cat] == pytest.approx(d_o, abs=1e-5)


def test_krippendorff_1995_expected_disagreement_on_a_fine_continuum() -> None:
    # The 1995 values are for a continuous scale; a fine digitisation approaches them.
    result = unitized_alpha(*krippendorff_1995(1_200_000 / 24))
    published = {"A": (0.06990, 0.553), "B": (1.17731, -0.926), "C": (0.08642, 0.679),
                 "D": (0.41445, 0.066)}
    for cat, (d_e, alpha) in published.items():
        assert result.expected[cat] == pytest.approx(d_e, abs=5e-3)
        assert result.per_category[cat] == pytest.approx(alpha, abs=2e-2)


def test_dkpro_unitizing_example() -> None:
    # r0: -11111111-, r1: --1-1-1--- (DKPro Statistics UnitizingAgreementTest).
    units = [Unit(0, 1, 9, "A"), Unit(1, 2, 3, "A"), Unit(1, 4, 5, "A"), Unit(1, 6, 7, "A")]
    result = unitized_alpha(units, 0, 10)
    assert result.observed["A"] == pytest.approx(0.9100, abs=1e-4)
    assert result.expected["A"] == pytest.approx(0.5351, abs=1e-4)
    assert result.overall == pytest.approx(-0.7003, abs=1e-4)


def test_one_unit_by_one_of_three_coders_is_chance_level() -> None:
    result = unitized_alpha([Unit(0, 0, 1, "X")], 0, 20, coders=[0, 1, 2])
    assert result.overall == pytest.approx(0.0, abs=1e-12)


def test_undefined_results_are_nan() -> None:
    assert math.isnan(unitized_alpha([], 0, 20, coders=[0, 1, 2]).overall)
    one_coder = unitized_alpha([Unit("a", 0, 5, "X")], 0, 20)
    assert math.isnan(one_coder.overall) and math.isnan(one_coder.per_category["X"])
    assert math.isnan(unitized_alpha([Unit("a", 0, 5, "X")], 0, 0 + 5, coders=["a"]).overall)


def test_zero_length_units_carry_no_weight() -> None:
    units = [Unit(0, 0, 0, "A"), Unit(0, 2, 7, "A"), Unit(1, 2, 7, "A"), Unit(1, 9, 9, "B")]
    result = unitized_alpha(units, 0, 15)
    assert result.overall == 1.0 and result.n_units == 2 and "B" not in result.per_category


def test_category_used_by_one_coder_only() -> None:
    units = krippendorff_2004() + [Unit(2, 160, 170, "z")]
    result = unitized_alpha(units, 150, 300)
    assert result.per_category["z"] < 0.0
    assert result.per_category["c"] == pytest.approx(0.7286, abs=1e-4)


def test_units_outside_the_continuum_are_rejected() -> None:
    with pytest.raises(ValueError, match="outside"):
        unitized_alpha([Unit(0, 5, 30, "A")], 0, 20)
    with pytest.raises(ValueError, match="ends before"):
        Unit(0, 5, 3, "A")


def test_overlapping_units_of_one_code_count_as_their_union() -> None:
    split = [Unit(0, 2, 6, "A"), Unit(0, 4, 9, "A"), Unit(1, 2, 9, "A")]
    assert unitized_alpha(split, 0, 20).overall == 1.0


def test_pooling_documents_is_not_averaging_but_is_consistent() -> None:
    units = krippendorff_2004()
    shifted = [Unit(u.coder, u.start + 1000, u.end + 1000, u.category) for u in units]
    single = unitized_alpha(units, 150, 300)
    pooled = unitized_alpha_multi([(units, 150, 300), (shifted, 1150, 300)])
    # The same data twice: observed disagreement halves exactly (sums double, L^2
    # quadruples) and expected disagreement about halves, so alpha barely moves.
    assert pooled.n_documents == 2 and pooled.length == 600 and pooled.n_units == 18
    assert pooled.per_category["k"] == 1.0
    assert pooled.overall == pytest.approx(single.overall, abs=0.02)
    one = unitized_alpha_multi([(units, 150, 300)])
    assert one.overall == single.overall


def test_pooled_documents_equal_one_continuum_with_a_hard_boundary() -> None:
    a = [Unit(0, 0, 4, "A"), Unit(1, 1, 4, "A")]
    b = [Unit(0, 2, 6, "A"), Unit(1, 2, 7, "A")]
    pooled = unitized_alpha_multi([(a, 0, 10), (b, 0, 10)])
    glued = unitized_alpha(a + [Unit(u.coder, u.start + 10, u.end + 10, "A") for u in b], 0, 20)
    # Same observed disagreement; gaps differ only where the glued continuum lets the gap
    # after a's units run into b's document, which the pooled version forbids.
    assert pooled.observed["A"] == pytest.approx(glued.observed["A"])
    assert pooled.expected["A"] < glued.expected["A"]


@st.composite
def unitizations(draw: st.DrawFn, min_coders: int = 2, max_coders: int = 4, length: int = 40
                 ) -> tuple[list[Unit], int, int, list[int]]:
    """Random units; one coder's units of one category never overlap (the measure's domain)."""
    coders = list(range(draw(st.integers(min_coders, max_coders))))
    begin = draw(st.integers(0, 5))
    units = []
    for coder in coders:
        for cat in draw(st.sets(st.sampled_from("xyz"), max_size=3)):
            cuts = sorted(draw(st.sets(st.integers(0, length), max_size=8)))
            pairs = list(zip(cuts[::2], cuts[1::2]))
            units += [Unit(coder, begin + s, begin + e, cat) for s, e in pairs]
    return units, begin, length, coders


@settings(max_examples=200, deadline=None)
@given(unitizations())
def test_matches_a_literal_segment_sweep(data: tuple[list[Unit], int, int, list[int]]) -> None:
    units, begin, length, coders = data
    result = unitized_alpha(units, begin, length, coders=coders)
    for cat in result.categories:
        d_o, d_e = alpha_u_category(units, begin, length, coders, cat)
        assert result.observed[cat] == pytest.approx(d_o, rel=1e-9, abs=1e-12)
        assert result.expected[cat] == pytest.approx(d_e, rel=1e-9, abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(unitizations(), st.randoms(use_true_random=False))
def test_invariant_under_renaming_and_reordering(data: tuple[list[Unit], int, int, list[int]],
                                                 rnd: object) -> None:
    units, begin, length, coders = data
    before = unitized_alpha(units, begin, length, coders=coders)
    renamed = [Unit(f"coder{(u.coder * 7) % 5}", u.start, u.end, u.category) for u in units]
    rnd.shuffle(renamed)  # type: ignore[attr-defined]
    after = unitized_alpha(renamed, begin, length, coders=[f"coder{(c * 7) % 5}" for c in coders])
    both_nan = math.isnan(before.overall) and math.isnan(after.overall)
    assert both_nan or after.overall == pytest.approx(before.overall)


@settings(max_examples=100, deadline=None)
@given(unitizations(min_coders=1, max_coders=1), st.integers(2, 4))
def test_identical_coders_agree_perfectly(data: tuple[list[Unit], int, int, list[int]],
                                          n_coders: int) -> None:
    units, begin, length, _ = data
    copies = [Unit(c, u.start, u.end, u.category) for c in range(n_coders) for u in units]
    result = unitized_alpha(copies, begin, length, coders=list(range(n_coders)))
    if units:
        assert result.overall == 1.0
        assert all(a == 1.0 for a in result.per_category.values())
    else:
        assert math.isnan(result.overall)


def test_missing_coders_are_refused() -> None:
    units = krippendorff_2004()
    with pytest.raises(ValueError, match="every document"):
        unitized_alpha_multi([(units, 150, 300, [1, 2]), ([], 0, 10, [1])])
    same_set = unitized_alpha_multi([(units, 150, 300, [1, 2])])
    assert same_set.overall == unitized_alpha(units, 150, 300).overall
