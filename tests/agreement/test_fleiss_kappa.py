"""Fleiss' kappa against Fleiss (1971)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.agreement import fleiss_kappa

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
