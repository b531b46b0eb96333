"""Two-coder coefficients against published worked examples and irrCAC reference values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import (
    brennan_prediger,
    cohen_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from annotator.agreement.pairwise import contingency, kappa_from_table, table_from_counts


def expand(table: list[list[int]]) -> tuple[list[int], list[int]]:
    """Label sequences of coders A (rows) and B (columns) from a contingency table."""
    a: list[int] = []
    b: list[int] = []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [i + 1] * count
            b += [j + 1] * count
    return a, b


def test_cohen_kappa_of_two_by_two_table() -> None:
    assert cohen_kappa(*expand([[20, 5], [10, 15]])) == pytest.approx(0.4)
    assert kappa_from_table(table_from_counts([[20, 5], [10, 15]]), "cohen") == pytest.approx(0.4)


def test_cohen_1960_second_example() -> None:
    # Cohen (1960: 45): p_o = .70, p_e = .41, kappa = .492.
    a, b = expand([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
    assert percent_agreement(a, b) == pytest.approx(0.70)
    assert cohen_kappa(a, b) == pytest.approx(0.492, abs=5e-4)


@pytest.mark.parametrize(("table", "p_o", "pi", "kappa", "s"), [
    # Artstein & Poesio (2008: 558 and 568; the second to four places as in DKPro Statistics);
    # S is Bennett's S, i.e. Brennan & Prediger's kappa_n.
    ([[20, 10], [20, 50]], 0.7, 0.341, 0.348, 0.4),
    ([[46, 0, 0], [6, 32, 6], [0, 0, 10]], 0.88, 0.7995, 0.8013, 0.82),
])
def test_artstein_poesio_2008(table: list[list[int]], p_o: float, pi: float, kappa: float,
                              s: float) -> None:
    a, b = expand(table)
    assert percent_agreement(a, b) == pytest.approx(p_o)
    assert scott_pi(a, b) == pytest.approx(pi, abs=5e-4)
    assert cohen_kappa(a, b) == pytest.approx(kappa, abs=5e-4)
    assert brennan_prediger(a, b) == pytest.approx(s, abs=5e-4)


def test_brennan_prediger_1981_examples() -> None:
    # Brennan & Prediger (1981: 689, 691), proportions x 100: kappa .27/.29, kappa_n .40.
    first = expand([[50, 0, 0], [10, 10, 10], [20, 0, 0]])
    second = expand([[50, 0, 10], [0, 10, 10], [10, 10, 0]])
    assert cohen_kappa(*first) == pytest.approx(0.27, abs=0.005)
    assert cohen_kappa(*second) == pytest.approx(0.29, abs=0.005)
    assert brennan_prediger(*first) == pytest.approx(0.40)
    assert brennan_prediger(*second) == pytest.approx(0.40)


def test_brennan_prediger_uses_the_codebook_size_when_given() -> None:
    a, b = ["x", "x", "y", "y"], ["x", "y", "y", "y"]
    assert brennan_prediger(a, b) == pytest.approx((0.75 - 0.5) / 0.5)
    assert brennan_prediger(a, b, categories=["x", "y", "z", "w"]) == pytest.approx(
        (0.75 - 0.25) / 0.75)


@pytest.mark.parametrize(("table", "ac1"), [
    # Gwet (2008) two-category illustration: p_o .9, p_e .255, AC1 .8658.
    ([[8, 1], [0, 1]], 0.8658),
    # irrCAC 1.4 (gwet.ac1.raw), fixtures of DKPro Statistics: skewed 2x2, Cohen 1960 p.37, 4x4.
    ([[80, 7], [8, 5]], 0.808),
    ([[25, 12, 3], [13, 2, 15], [12, 16, 2]], -0.04797),
    ([[20, 5, 1, 0], [4, 15, 6, 1], [0, 5, 18, 4], [0, 1, 3, 12]], 0.58046),
])
def test_gwet_ac1(table: list[list[int]], ac1: float) -> None:
    assert gwet_ac1(*expand(table)) == pytest.approx(ac1, abs=5e-5 if ac1 != 0.808 else 5e-4)


def test_scott_pi_suffers_where_ac1_does_not() -> None:
    a, b = expand([[8, 1], [0, 1]])
    assert scott_pi(a, b) == pytest.approx(0.6078, abs=5e-5)


def test_missing_pairs_are_dropped() -> None:
    a = ["x", "y", None, "x", float("nan")]
    b = ["x", "y", "y", None, "x"]
    assert percent_agreement(a, b) == 1.0
    assert contingency(a, b).n == 2


def test_undefined_values_are_nan() -> None:
    assert math.isnan(cohen_kappa([], []))
    assert math.isnan(percent_agreement([None], ["x"]))
    assert math.isnan(cohen_kappa(["x", "x"], ["x", "x"]))  # chance agreement is 1
    assert math.isnan(scott_pi(["x", "x"], ["x", "x"]))
    assert math.isnan(gwet_ac1(["x", "x"], ["x", "x"]))  # one category: q - 1 = 0
    assert brennan_prediger(["x", "x"], ["x", "x"], categories=["x", "y"]) == 1.0


def test_category_used_by_one_coder_only() -> None:
    a, b = ["x", "x", "y", "y"], ["x", "x", "y", "z"]
    assert cohen_kappa(a, b) == pytest.approx((0.75 - 0.375) / 0.625)


def test_unequal_lengths_are_rejected() -> None:
    with pytest.raises(ValueError, match="different numbers"):
        cohen_kappa([1, 2], [1])


labels = st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=1,
                  max_size=40)


@settings(max_examples=200, deadline=None)
@given(labels)
def test_scott_pi_is_alpha_up_to_small_sample_correction(pairs: list[tuple[str, str]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    pi, alpha = scott_pi(a, b), krippendorff_alpha([a, b])
    n = 2 * len(pairs)
    if math.isnan(pi) or math.isnan(alpha):
        assert math.isnan(pi) == math.isnan(alpha)
    else:  # Krippendorff (2004): alpha = 1 - (1 - pi)(n - 1)/n
        assert alpha == pytest.approx(1 - (1 - pi) * (n - 1) / n, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(labels)
def test_coefficients_are_symmetric_and_at_most_one(pairs: list[tuple[str, str]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    for measure in (cohen_kappa, scott_pi, brennan_prediger, gwet_ac1, percent_agreement):
        forward, backward = measure(a, b), measure(b, a)
        assert (math.isnan(forward) and math.isnan(backward)) or forward == pytest.approx(backward)
        assert math.isnan(forward) or forward <= 1.0 + 1e-12
    assert percent_agreement(a, a) == 1.0
    assert np.isnan(cohen_kappa(a, a)) or cohen_kappa(a, a) == pytest.approx(1.0)
