"""Krippendorff's alpha for coding: published values, the reference package, invariants."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import krippendorff_alpha
from annotator.agreement.alpha import coincidences
from published_data import K2011, N


# Hayes & Krippendorff (2007: 84): 5 observers x 40 units, ordinal alpha .7598 (as in DKPro).
HK2007_UNITS = """1 1 2 . 2|1 1 0 1 .|2 3 3 3 .|. 0 0 . 0|0 0 0 . 0|0 0 0 . 0|1 0 2 . 1|1 . 2 0 .
2 2 2 . 2|2 1 1 1 .|. 1 0 0 .|0 0 0 0 .|1 2 2 2 .|3 3 2 2 3|1 1 1 . 1|1 1 1 . 1|2 1 2 . 2
1 2 3 3 .|1 1 0 1 .|0 0 0 . 0|0 0 1 1 .|0 0 . 0 0|2 3 3 3 .|0 0 0 0 .|1 2 . 2 2|0 1 1 1 .
0 0 0 1 0|1 2 1 2 .|1 1 2 2 .|1 1 2 . 2|1 1 0 . 0|2 1 2 1 .|2 2 . 2 2|3 2 2 2 .|2 2 2 . 2
2 2 3 . 2|2 2 2 . 2|2 2 . 1 2|2 2 2 2 .|1 1 1 . 1"""


def hk2007() -> list[list[int | None]]:
    units = [[None if v == "." else int(v) for v in unit.split()]
             for unit in HK2007_UNITS.replace("\n", "|").split("|")]
    return [list(row) for row in zip(*units)]


@pytest.mark.parametrize(("level", "published"), [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_krippendorff_2011_worked_example(level: str, published: float) -> None:
    assert round(krippendorff_alpha(K2011, level), 3) == published


def test_hayes_krippendorff_2007_ordinal_example() -> None:
    data = hk2007()
    assert len(data) == 5 and len(data[0]) == 40
    assert krippendorff_alpha(data, "ordinal") == pytest.approx(0.7598, abs=1e-4)


def test_labels_may_be_any_hashable_and_nan_is_missing() -> None:
    as_text = [[None if v is None else f"v{v}" for v in row] for row in K2011]
    assert krippendorff_alpha(as_text) == pytest.approx(krippendorff_alpha(K2011))
    as_float = np.array([[np.nan if v is None else v for v in row] for row in K2011])
    assert krippendorff_alpha(as_float, "interval") == pytest.approx(0.849, abs=5e-4)


def test_coincidence_matrix_of_worked_example() -> None:
    table = coincidences(K2011)
    assert table.n_pairable == 40 and table.n_units == 11
    assert table.margins == pytest.approx([9, 13, 10, 5, 3])


def test_undefined_cases_are_nan() -> None:
    assert math.isnan(krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))  # no variation
    assert math.isnan(krippendorff_alpha([[1, 2, 3]]))  # one coder: nothing pairable
    assert math.isnan(krippendorff_alpha([[1, N], [N, 2]]))  # no unit with two values
    assert math.isnan(krippendorff_alpha([[], []]))  # no units


def test_full_agreement_with_variation_is_one() -> None:
    assert krippendorff_alpha([[1, 2, 3, 1], [1, 2, 3, 1], [1, 2, N, 1]]) == 1.0


def test_value_used_by_one_coder_only() -> None:
    data = [["a", "a", "b", "b"], ["a", "a", "b", "c"]]
    assert krippendorff_alpha(data) == pytest.approx(
        krippendorff.alpha(np.array([[0, 0, 1, 1], [0, 0, 1, 2]], float),
                           level_of_measurement="nominal"))


def test_bad_input_is_rejected() -> None:
    with pytest.raises(ValueError, match="rectangular"):
        krippendorff_alpha([["a", "b"], ["a"]])
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha([["a", "b"], ["a", "b"]], "interval")
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(K2011, "circular")  # type: ignore[arg-type]


reliability_data = st.integers(2, 5).flatmap(lambda coders: st.integers(1, 25).flatmap(
    lambda units: st.lists(st.lists(st.one_of(st.none(), st.integers(1, 6)), min_size=units,
                                    max_size=units), min_size=coders, max_size=coders)))


def as_array(data: list[list[int | None]]) -> np.ndarray:
    return np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")
@settings(max_examples=300, deadline=None)
@given(reliability_data, st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_agrees_with_the_krippendorff_package(data: list[list[int | None]], level: str) -> None:
    ours = krippendorff_alpha(data, level)  # type: ignore[arg-type]
    try:
        theirs = krippendorff.alpha(as_array(data), level_of_measurement=level)
    except ValueError:  # the package refuses data with a single value or nothing pairable
        assert math.isnan(ours)
        return
    if math.isnan(theirs):
        assert math.isnan(ours)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(reliability_data, st.randoms(use_true_random=False))
def test_permuting_coders_and_units_leaves_alpha_unchanged(data: list[list[int | None]],
                                                           rnd: object) -> None:
    array = as_array(data)
    rows = list(range(array.shape[0]))
    cols = list(range(array.shape[1]))
    rnd.shuffle(rows)  # type: ignore[attr-defined]
    rnd.shuffle(cols)  # type: ignore[attr-defined]
    before = krippendorff_alpha(array, "interval")
    after = krippendorff_alpha(array[rows][:, cols], "interval")
    assert (math.isnan(before) and math.isnan(after)) or after == pytest.approx(before, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=2, max_size=30), st.integers(2, 5))
def test_identical_coders_give_one(values: list[int], n_coders: int) -> None:
    alpha = krippendorff_alpha([values] * n_coders)
    assert math.isnan(alpha) if len(set(values)) == 1 else alpha == 1.0


@settings(max_examples=200, deadline=None)
@given(reliability_data, st.sampled_from(["nominal", "ordinal", "interval", "ratio"]))
def test_alpha_is_at_most_one(data: list[list[int | None]], level: str) -> None:
    alpha = krippendorff_alpha(data, level)  # type: ignore[arg-type]
    assert math.isnan(alpha) or alpha <= 1.0 + 1e-12
