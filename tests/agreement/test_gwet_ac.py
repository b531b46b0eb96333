"""Gwet's AC1/AC2 and percent agreement for many raters, against irrCAC's printed values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.agreement import gwet_ac1
from annotator.agreement.gwet import gwet_ac, gwet_ac_of
from annotator.agreement.multirater import (
    counts_table,
    percent_agreement_multi,
    percent_agreement_of,
    rating_counts,
)
from published_cac import (
    BEN_GERRY,
    CONT_3X3_ABSTRACTORS,
    DIST_4CAT,
    DISTRIB_6RATERS,
    RAW_4RATERS,
    RAW_4RATERS_AC,
    RAW_4RATERS_AC_3DP,
    RAW_4RATERS_PA_SE,
    RAW_5OBSERVERS,
)


def printed(value: float, shown: float, decimals: int) -> bool:
    """True when ``value`` prints as ``shown`` to ``decimals`` places."""
    return abs(value - shown) <= 0.5 * 10 ** -decimals + 1e-12


@pytest.mark.parametrize("weights", ["identity", "quadratic"])
def test_raw_4raters_matches_irrcac(weights: str) -> None:
    pa, pe, coefficient, se = RAW_4RATERS_AC[weights]
    result = gwet_ac(RAW_4RATERS, weights)
    assert printed(result.pa, pa, 7) and printed(result.pe, pe, 7)
    assert printed(result.value, coefficient, 5) and printed(result.se, se, 5)
    assert result.name == ("Gwet's AC1" if weights == "identity" else "Gwet's AC2")
    assert (result.n_units, result.n_raters, result.weights) == (12, 4, weights)


def test_raw_4raters_interval_is_t_based_and_capped_at_one() -> None:
    # irrCAC README: AC1 conf.int (0.461, 1); weighting vignette: AC2 quadratic (0.685, 1).
    low, high = gwet_ac(RAW_4RATERS).interval()
    assert printed(low, 0.461, 3) and high == 1.0
    low, high = gwet_ac(RAW_4RATERS, "quadratic").interval()
    assert printed(low, 0.685, 3) and high == 1.0


@pytest.mark.parametrize("weights", sorted(RAW_4RATERS_AC_3DP))
def test_raw_4raters_every_weight_scheme(weights: str) -> None:
    pa, pe, coefficient, se = RAW_4RATERS_AC_3DP[weights]
    result = gwet_ac(RAW_4RATERS, weights)
    assert [round(x, 3) for x in (result.pa, result.pe, result.value, result.se)] == \
        [pa, pe, coefficient, se]


@pytest.mark.parametrize("weights", ["identity", "quadratic"])
def test_percent_agreement_of_raw_4raters(weights: str) -> None:
    result = percent_agreement_multi(RAW_4RATERS, weights)
    assert printed(result.value, RAW_4RATERS_AC[weights][0], 7) and result.pe == 0.0
    assert printed(result.se, RAW_4RATERS_PA_SE[weights], 5)
    assert printed(result.interval()[0], 0.542 if weights == "identity" else 0.776, 3)


def test_raw_5observers_and_ben_gerry() -> None:
    observers = gwet_ac(RAW_5OBSERVERS)
    assert [round(x, 3) for x in (observers.pa, observers.pe, observers.value, observers.se,
                                  *observers.interval())] == [0.616, 0.236, 0.497, 0.122,
                                                              0.235, 0.758]
    assert observers.n_units == 15 and observers.n_raters == 5
    pair = gwet_ac(BEN_GERRY)
    assert [round(x, 3) for x in (pair.pa, pair.pe, pair.value, pair.se, *pair.interval())] \
        == [0.727, 0.194, 0.661, 0.184, 0.257, 1.0]


def test_distribution_of_raters_matches_irrcac() -> None:
    data = counts_table(DISTRIB_6RATERS)
    ac1 = gwet_ac_of(data)
    assert printed(ac1.value, 0.4448007, 7) and printed(ac1.se, 0.08418757, 8)
    assert printed(ac1.pa, 0.5511111, 7) and printed(ac1.pe, 0.1914815, 7)
    ac2 = gwet_ac_of(data, "quadratic")
    assert printed(ac2.value, 0.4837438, 7) and printed(ac2.se, 0.1058227, 7)
    assert printed(ac2.pa, 0.8544444, 7) and printed(ac2.pe, 0.7180556, 7)
    assert printed(gwet_ac_of(counts_table(DIST_4CAT)).value, 0.3518903, 7)


def test_two_raters_without_missing_ratings() -> None:
    # The multi-rater AC1/AC2 of two complete raters is Gwet's two-rater coefficient; its
    # variance is the table form (irrCAC gwet.ac1.table) times n/(n - 1): the table form
    # divides the squared deviations by n^2, the raw form by n(n - 1).
    a, b = expand(CONT_3X3_ABSTRACTORS)
    unweighted, quadratic = gwet_ac([a, b]), gwet_ac([a, b], "quadratic")
    assert printed(unweighted.value, 0.8493305, 7)
    assert unweighted.value == pytest.approx(gwet_ac1(a, b), abs=1e-12)
    assert printed(unweighted.se * math.sqrt(99 / 100), 0.04321747, 8)
    assert printed(quadratic.value, 0.9402369, 7)
    assert printed(quadratic.se * math.sqrt(99 / 100), 0.01792019, 8)
    assert printed(percent_agreement_multi([a, b], "quadratic").value, 0.9725, 4)


def test_units_nobody_rated_are_dropped_and_single_ratings_count_in_shares_only() -> None:
    with_empty = [row + [None] for row in RAW_4RATERS]
    assert gwet_ac(with_empty) == gwet_ac(RAW_4RATERS)
    data = rating_counts(RAW_4RATERS)
    assert len(data.counts) == 12 and data.per_unit[-1] == 1  # unit 12: one rating
    assert data.shares.sum() == pytest.approx(1.0)


def test_undefined_cases_are_nan() -> None:
    one_category = gwet_ac([["x", "x"], ["x", "x"]])
    assert math.isnan(one_category.value) and math.isnan(one_category.se)
    no_pairs = gwet_ac([["x", None], [None, "y"]])
    assert math.isnan(no_pairs.value) and no_pairs.n_units == 2
    assert math.isnan(percent_agreement_of(rating_counts([[None], [None]])).value)
    single_unit = gwet_ac([["x"], ["y"]], categories=["x", "y"])
    assert single_unit.value == pytest.approx(-1.0) and math.isnan(single_unit.se)
    assert all(math.isnan(bound) for bound in single_unit.interval())


def test_bad_input_is_rejected() -> None:
    with pytest.raises(ValueError, match="different numbers of units"):
        gwet_ac([[1, 2], [1]])
    with pytest.raises(ValueError, match="outside the given categories"):
        gwet_ac([[1, 2], [1, 3]], categories=[1, 2])
    with pytest.raises(ValueError, match="unknown weights"):
        gwet_ac(RAW_4RATERS, "cubic")
    with pytest.raises(ValueError, match="whole numbers"):
        counts_table([[1.5, 0]])


def test_unused_codebook_categories_change_ac1() -> None:
    # q enters AC1's chance agreement, so naming the codebook's categories matters.
    used = gwet_ac(BEN_GERRY)
    codebook = gwet_ac(BEN_GERRY, categories=list("abcdef"))
    assert codebook.pe < used.pe and codebook.value > used.value
    assert np.isclose(codebook.pa, used.pa)


def expand(table: list[list[int]]) -> tuple[list[int], list[int]]:
    a: list[int] = []
    b: list[int] = []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [i + 1] * count
            b += [j + 1] * count
    return a, b
