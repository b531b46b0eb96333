"""Fleiss' kappa against Fleiss (1971), and its generalisation against irrCAC (Gwet 2014)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.agreement import fleiss_kappa
from annotator.agreement.fleiss import fleiss_kappa_generalised, fleiss_kappa_of
from annotator.agreement.multirater import counts_table
from published_cac import (
    BEN_GERRY,
    DISTRIB_6RATERS,
    RAW_4RATERS,
    RAW_4RATERS_FLEISS,
    RAW_4RATERS_FLEISS_3DP,
    RAW_5OBSERVERS,
)

# Fleiss (1971: 379): 30 patients, 6 psychiatrists, 5 diagnoses; each digit is one rating.
FLEISS_1971 = ("444444 222555 233335 555555 222444 113333 333355 113334 114444 555555 144444 "
               "124444 222333 144444 224445 333335 111455 111112 224444 133555 555555 244444 "
               "224555 114444 144445 222224 111155 224444 133333 555555")


def fleiss_table() -> np.ndarray:
    rows = [np.bincount([int(d) - 1 for d in unit], minlength=5) for unit in FLEISS_1971.split()]
    return np.array(rows)


def test_fleiss_1971_example() -> None:
    table = fleiss_table()
    assert table.shape == (30, 5) and (table.sum(axis=1) == 6).all()
    assert round(fleiss_kappa(table), 3) == 0.430


def test_full_agreement_and_undefined_cases() -> None:
    assert fleiss_kappa([[3, 0], [0, 3]]) == 1.0
    assert math.isnan(fleiss_kappa([[3, 0], [3, 0]]))  # one category only
    assert math.isnan(fleiss_kappa(np.zeros((0, 3))))  # no units
    assert math.isnan(fleiss_kappa([[1, 0], [0, 1]]))  # one rater per unit


def test_unequal_rater_numbers_are_rejected() -> None:
    with pytest.raises(ValueError, match="same number of raters"):
        fleiss_kappa([[2, 1], [1, 1]])
    with pytest.raises(ValueError, match="negative"):
        fleiss_kappa([[3, -1], [1, 1]])


def test_category_order_does_not_matter() -> None:
    table = fleiss_table()
    assert fleiss_kappa(table[:, ::-1]) == pytest.approx(fleiss_kappa(table))


@pytest.mark.parametrize("weights", ["identity", "quadratic"])
def test_generalised_fleiss_matches_irrcac_on_raw_4raters(weights: str) -> None:
    pa, pe, kappa, se = RAW_4RATERS_FLEISS[weights]
    result = fleiss_kappa_generalised(RAW_4RATERS, weights)
    assert abs(result.pa - pa) < 5e-8 and abs(result.pe - pe) < 5e-8
    assert abs(result.value - kappa) < 5e-6 and abs(result.se - se) < 5e-6
    assert (result.name, result.n_units, result.n_raters) == ("Fleiss' kappa", 12, 4)
    low, high = result.interval()  # irrCAC: (0.424, 1) and (0.544, 1)
    assert round(low, 3) == (0.424 if weights == "identity" else 0.544) and high == 1.0


@pytest.mark.parametrize("weights", sorted(RAW_4RATERS_FLEISS_3DP))
def test_generalised_fleiss_every_weight_scheme(weights: str) -> None:
    result = fleiss_kappa_generalised(RAW_4RATERS, weights)
    assert [round(x, 3) for x in (result.pe, result.value, result.se)] == \
        list(RAW_4RATERS_FLEISS_3DP[weights])


def test_generalised_fleiss_other_irrcac_datasets() -> None:
    observers = fleiss_kappa_generalised(RAW_5OBSERVERS)
    assert [round(x, 3) for x in (observers.pe, observers.value, observers.se,
                                  *observers.interval())] == [0.291, 0.458, 0.120, 0.199, 0.716]
    pair = fleiss_kappa_generalised(BEN_GERRY)
    assert [round(x, 3) for x in (pair.pe, pair.value, pair.se)] == [0.222, 0.649, 0.191]
    counts = counts_table(DISTRIB_6RATERS)
    unweighted, quadratic = fleiss_kappa_of(counts), fleiss_kappa_of(counts, "quadratic")
    assert abs(unweighted.value - 0.4139265) < 5e-8 and abs(unweighted.se - 0.08119291) < 5e-9
    assert abs(unweighted.pe - 0.2340741) < 5e-8
    assert abs(quadratic.value - 0.2511909) < 5e-8 and abs(quadratic.se - 0.1457381) < 5e-8
    assert abs(quadratic.pe - 0.8056173) < 5e-8


def test_generalised_fleiss_is_fleiss_1971_with_complete_data() -> None:
    table = fleiss_table()
    assert fleiss_kappa_of(counts_table(table)).value == pytest.approx(fleiss_kappa(table))
    ratings = [[int(unit[rater]) for unit in FLEISS_1971.split()] for rater in range(6)]
    assert fleiss_kappa_generalised(ratings).value == pytest.approx(fleiss_kappa(table))


def test_generalised_fleiss_undefined_cases() -> None:
    assert math.isnan(fleiss_kappa_generalised([["x", "x"], ["x", "x"]]).value)
    assert math.isnan(fleiss_kappa_generalised([["x", None], [None, "y"]]).value)
    assert math.isnan(fleiss_kappa_of(counts_table(np.zeros((0, 3)))).value)
