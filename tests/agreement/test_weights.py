"""Weight schemes of Gwet's Handbook (2014, ch. 3) as irrCAC prints them."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.agreement.weights import (
    SCHEMES,
    category_values,
    resolve_weights,
    weight_matrix,
)

# irrCAC weighting vignette: identity/radical/linear/ordinal/quadratic/circular/bipolar.weights(1:3)
# give a tridiagonal pattern [[1, x, 0], [x, 1, x], [0, x, 1]] with these x.
VIGNETTE_1_TO_3 = {"identity": 0.0, "radical": 0.2928932, "linear": 0.5,
                   "ordinal": 0.6666667, "quadratic": 0.75, "circular": 0.0,
                   "bipolar": 0.6666667}


@pytest.mark.parametrize(("scheme", "neighbour"), sorted(VIGNETTE_1_TO_3.items()))
def test_three_categories_as_in_the_vignette(scheme: str, neighbour: float) -> None:
    expected = np.array([[1, neighbour, 0], [neighbour, 1, neighbour], [0, neighbour, 1]])
    assert np.allclose(weight_matrix(scheme, [1, 2, 3]), expected, atol=5e-8)


def test_quadratic_on_five_categories() -> None:
    # irrCAC (Python port) usage notebook: quadratic weights of categories 1..5.
    first_row = weight_matrix("quadratic", [1.0, 2.0, 3.0, 4.0, 5.0])[0]
    assert np.allclose(first_row, [1, 0.9375, 0.75, 0.4375, 0])


def test_every_scheme_is_symmetric_with_a_unit_diagonal_and_values_in_range() -> None:
    for scheme in SCHEMES:
        w = weight_matrix(scheme, [1, 2, 4, 7])
        assert np.allclose(w, w.T) and np.allclose(np.diag(w), 1)
        assert (w >= -1e-12).all() and (w <= 1 + 1e-12).all()


def test_numbers_keep_their_spacing_and_labels_use_ranks() -> None:
    assert list(category_values([0, 1, 5])) == [0, 1, 5]
    assert list(category_values(["low", "mid", "high"])) == [1, 2, 3]
    assert list(category_values([True, False])) == [1, 2]
    spaced = weight_matrix("linear", [0, 1, 5])
    assert spaced[0, 1] == pytest.approx(0.8) and spaced[1, 2] == pytest.approx(0.2)
    assert np.allclose(weight_matrix("ordinal", [0, 1, 5]), weight_matrix("ordinal", [1, 2, 3]))


def test_ratio_weights_need_non_negative_values_and_one_category_is_identity() -> None:
    with pytest.raises(ValueError, match="zero or more"):
        weight_matrix("ratio", [-1, 2])
    assert np.array_equal(weight_matrix("quadratic", ["only"]), np.eye(1))
    assert weight_matrix("ratio", [0, 2])[0, 1] == pytest.approx(0.0)


def test_custom_matrices_are_checked_and_named() -> None:
    matrix, label = resolve_weights(np.eye(2), ["a", "b"])
    assert label == "identity"
    _, label = resolve_weights([[1, 0.5], [0.5, 1]], ["a", "b"])
    assert label == "custom"
    with pytest.raises(ValueError, match="unknown weights"):
        resolve_weights("cubic", ["a"])
