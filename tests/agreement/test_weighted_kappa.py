"""Cohen's weighted kappa against Cohen (1968) and irrCAC, and its FCE (1969) standard error."""

from __future__ import annotations

import math

import numpy as np
import pytest

from annotator.agreement import cohen_kappa
from annotator.agreement.pairwise import table_from_counts
from annotator.agreement.weighted_kappa import weighted_kappa, weighted_kappa_of
from annotator.agreement.weights import from_disagreement
from published_cac import (
    COHEN_1968,
    COHEN_1968_V,
    COHEN_1968_V_ASYMMETRIC,
    CONT_3X3_ABSTRACTORS,
)


def cohen_1968_table() -> np.ndarray:
    return np.asarray(COHEN_1968) * 200  # proportions of N = 200 patients


def test_cohen_1968_weighted_kappa() -> None:
    table = table_from_counts(cohen_1968_table())
    weighted = weighted_kappa_of(table, from_disagreement(COHEN_1968_V))
    assert round(weighted.value, 3) == 0.348 and weighted.name == "Cohen's weighted kappa"
    assert weighted.weights == "custom" and weighted.n_units == 200
    asymmetric = weighted_kappa_of(table, from_disagreement(COHEN_1968_V_ASYMMETRIC))
    assert round(asymmetric.value, 3) == 0.353
    unweighted = weighted_kappa_of(table, "identity")
    assert round(unweighted.value, 3) == 0.492 and unweighted.name == "Cohen's kappa"


def test_disagreement_weights_do_not_depend_on_their_scale() -> None:
    table = table_from_counts(cohen_1968_table())
    v = np.asarray(COHEN_1968_V, dtype=float)
    assert weighted_kappa_of(table, from_disagreement(v * 7)).value == pytest.approx(
        weighted_kappa_of(table, from_disagreement(v)).value)
    p = cohen_1968_table() / 200
    expected = p.sum(axis=1)[:, None] * p.sum(axis=0)[None, :]
    cohen_form = 1 - (v * p).sum() / (v * expected).sum()  # Cohen (1968), eq. 4
    assert weighted_kappa_of(table, from_disagreement(v)).value == pytest.approx(cohen_form)


@pytest.mark.parametrize(("weights", "kappa", "se", "p_o"), [
    # irrCAC README (kappa2.table) and weighting vignette (quadratic.weights(1:3)).
    ("identity", 0.7964094, 0.05891072, 0.89),
    ("quadratic", 0.8921569, 0.03535151, 0.9725),
])
def test_cont3x3abstractors_matches_irrcac(weights: str, kappa: float, se: float,
                                           p_o: float) -> None:
    result = weighted_kappa_of(table_from_counts(CONT_3X3_ABSTRACTORS), weights)
    assert abs(result.value - kappa) < 5e-8 and abs(result.se - se) < 5e-9
    assert result.pa == pytest.approx(p_o) and result.n_units == 100 and result.n_raters == 2
    low, high = result.interval()  # irrCAC: (0.68, 0.913) and (0.822, 0.962)
    assert (round(low, 3), round(high, 3)) == \
        ((0.68, 0.913) if weights == "identity" else (0.822, 0.962))


def test_fce_variance_written_out() -> None:
    # Fleiss, Cohen & Everitt (1969): the non-null large-sample variance, term by term.
    counts = np.array([[106, 10, 4], [22, 28, 10], [2, 12, 6]], dtype=float)
    w = np.array([[1, 0, 4 / 9], [0, 1, 2 / 3], [4 / 9, 2 / 3, 1]])
    result = weighted_kappa_of(table_from_counts(counts), w)
    n = counts.sum()
    p = counts / n
    rows, cols = p.sum(axis=1), p.sum(axis=0)
    p_o = sum(w[i, j] * p[i, j] for i in range(3) for j in range(3))
    p_c = sum(w[i, j] * rows[i] * cols[j] for i in range(3) for j in range(3))
    kappa = (p_o - p_c) / (1 - p_c)
    wi = [sum(cols[j] * w[i, j] for j in range(3)) for i in range(3)]
    wj = [sum(rows[i] * w[i, j] for i in range(3)) for j in range(3)]
    total = sum(p[i, j] * (w[i, j] - (wi[i] + wj[j]) * (1 - kappa)) ** 2
                for i in range(3) for j in range(3))
    variance = (total - (kappa - p_c * (1 - kappa)) ** 2) / (n * (1 - p_c) ** 2)
    assert round(result.value, 3) == 0.507
    assert result.value == pytest.approx(kappa) and result.se == pytest.approx(math.sqrt(variance))


def test_labels_linear_and_quadratic() -> None:
    a = [1, 2, 3, 4, 5, 1, 2, 3, None, 5]
    b = [1, 2, 4, 4, 3, 2, 2, 3, 4, None]
    linear, quadratic = weighted_kappa(a, b, "linear"), weighted_kappa(a, b, "quadratic")
    assert linear.n_units == 8 and linear.weights == "linear"
    assert quadratic.value > linear.value > weighted_kappa(a, b, "identity").value
    assert weighted_kappa(a, b, "identity").value == pytest.approx(cohen_kappa(a, b))


def test_undefined_and_bad_weights() -> None:
    assert math.isnan(weighted_kappa([], []).value)
    assert math.isnan(weighted_kappa(["x", "x"], ["x", "x"], "identity").value)
    with pytest.raises(ValueError, match="must be 3 x 3"):
        weighted_kappa([1, 2, 3], [1, 2, 3], np.eye(2))
    with pytest.raises(ValueError, match="1 on the diagonal"):
        weighted_kappa([1, 2], [1, 2], [[0, 1], [1, 0]])
    with pytest.raises(ValueError, match="between 0 and 1"):
        weighted_kappa([1, 2], [1, 2], [[1, 2], [2, 1]])
    with pytest.raises(ValueError, match="0 on the diagonal"):
        from_disagreement([[1, 1], [1, 0]])
