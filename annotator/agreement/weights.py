"""Agreement weights for weighted coefficients (Gwet 2014, ch. 3; Cohen 1968).

A weight w_kl in [0, 1] is the credit two ratings k and l earn as agreement: 1 on the diagonal,
less the further apart the categories are. Category values x_k are the categories themselves
when they are all numbers, else their ranks 1..q in sorted order; x_min and x_max are the
smallest and largest. The named schemes are those of Gwet's Handbook (2014, ch. 3), as his
irrCAC package computes them:

    identity   1 if k = l else 0
    linear     1 - |x_k - x_l| / (x_max - x_min)
    quadratic  1 - (x_k - x_l)^2 / (x_max - x_min)^2
    radical    1 - sqrt|x_k - x_l| / sqrt(x_max - x_min)
    ratio      1 - ((x_k - x_l)/(x_k + x_l))^2 / ((x_max - x_min)/(x_max + x_min))^2
    circular   1 - sin^2(pi (x_k - x_l) / U) / max, U = x_max - x_min + 1
    bipolar    1 - (x_k - x_l)^2 / ((x_k + x_l - 2 x_min)(2 x_max - x_k - x_l)) / max
    ordinal    1 - M_kl / max, M_kl = C(|rank_k - rank_l| + 1, 2)

where "/ max" rescales the disagreements so that the largest one is 1.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Hashable, Sequence

import numpy as np

SCHEMES: tuple[str, ...] = ("identity", "linear", "quadratic", "ordinal", "radical", "ratio",
                            "circular", "bipolar")
Weights = str | Sequence[Sequence[float]] | np.ndarray


def category_values(categories: Sequence[Hashable]) -> np.ndarray:
    """The numbers the categories stand for: themselves if all are numbers, else 1..q."""
    if categories and all(isinstance(c, numbers.Real) and not isinstance(c, bool)
                          for c in categories):
        return np.asarray(categories, dtype=np.float64)
    return np.arange(1.0, len(categories) + 1.0)


def weight_matrix(scheme: str, categories: Sequence[Hashable]) -> np.ndarray:
    """The q x q matrix of a named scheme for these categories (in this order)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown weights {scheme!r}; choose one of {', '.join(SCHEMES)}")
    q = len(categories)
    if scheme == "identity" or q < 2:
        return np.eye(q)
    if scheme == "ordinal":
        ranks = np.arange(q, dtype=np.float64)
        return _rescaled(_ordinal_disagreement(ranks))
    x = category_values(categories)
    if scheme == "ratio" and (x < 0).any():
        raise ValueError("ratio weights need category values of zero or more")
    low, high = float(x.min()), float(x.max())
    if high == low:
        return np.eye(q)
    return _SCHEMES[scheme](x[:, None], x[None, :], low, high)


def resolve_weights(weights: Weights, categories: Sequence[Hashable]) -> tuple[np.ndarray, str]:
    """A validated agreement-weight matrix and its label, from a scheme name or a matrix."""
    if isinstance(weights, str):
        return weight_matrix(weights, categories), weights
    matrix = np.asarray(weights, dtype=np.float64)
    q = len(categories)
    if matrix.shape != (q, q):
        raise ValueError(f"the weight matrix must be {q} x {q} (one row and column per "
                         f"category), got shape {matrix.shape}")
    if not np.isfinite(matrix).all() or (matrix < 0).any() or (matrix > 1).any():
        raise ValueError("agreement weights must lie between 0 and 1")
    if not np.allclose(np.diag(matrix), 1.0):
        raise ValueError("agreement weights must be 1 on the diagonal (full credit for "
                         "agreement); for Cohen's disagreement weights use from_disagreement")
    return matrix, "identity" if np.array_equal(matrix, np.eye(q)) else "custom"


def from_disagreement(disagreement: Sequence[Sequence[float]] | np.ndarray) -> np.ndarray:
    """Agreement weights 1 - v/max(v) from Cohen's (1968) disagreement weights v (v_kk = 0).

    Cohen's kappa_w = 1 - sum v p_o / sum v p_c is unchanged by rescaling v, and equals the
    agreement form with these weights.
    """
    v = np.asarray(disagreement, dtype=np.float64)
    if v.ndim != 2 or v.shape[0] != v.shape[1] or (v < 0).any() or v.max(initial=0.0) <= 0:
        raise ValueError("disagreement weights must be a square, non-negative matrix with at "
                         "least one positive entry")
    if not np.allclose(np.diag(v), 0.0):
        raise ValueError("disagreement weights must be 0 on the diagonal")
    return 1.0 - v / v.max()


def is_identity(matrix: np.ndarray) -> bool:
    return bool(np.array_equal(matrix, np.eye(matrix.shape[0])))


def _rescaled(disagreement: np.ndarray) -> np.ndarray:
    largest = disagreement.max()
    return 1.0 - disagreement / largest if largest > 0 else np.eye(len(disagreement))


def _ordinal_disagreement(ranks: np.ndarray) -> np.ndarray:
    spread = np.abs(ranks[:, None] - ranks[None, :]) + 1.0
    return spread * (spread - 1.0) / 2.0


def _linear(k: np.ndarray, l: np.ndarray, low: float, high: float) -> np.ndarray:  # noqa: E741
    return 1.0 - np.abs(k - l) / (high - low)


def _quadratic(k: np.ndarray, l: np.ndarray, low: float, high: float) -> np.ndarray:  # noqa: E741
    return 1.0 - (k - l) ** 2 / (high - low) ** 2


def _radical(k: np.ndarray, l: np.ndarray, low: float, high: float) -> np.ndarray:  # noqa: E741
    return 1.0 - np.sqrt(np.abs(k - l)) / math.sqrt(high - low)


def _ratio(k: np.ndarray, l: np.ndarray, low: float, high: float) -> np.ndarray:  # noqa: E741
    total = k + l
    share = np.divide(k - l, total, out=np.zeros(np.broadcast(k, l).shape), where=total > 0)
    return 1.0 - share ** 2 / ((high - low) / (high + low)) ** 2


def _circular(k: np.ndarray, l: np.ndarray, low: float, high: float) -> np.ndarray:  # noqa: E741
    return _rescaled(np.sin(math.pi * (k - l) / (high - low + 1.0)) ** 2)


def _bipolar(k: np.ndarray, l: np.ndarray, low: float, high: float) -> np.ndarray:  # noqa: E741
    spread = (k + l - 2.0 * low) * (2.0 * high - k - l)
    squared = (k - l) ** 2
    ratio = np.divide(squared, spread, out=np.zeros(np.broadcast(k, l).shape), where=spread > 0)
    return _rescaled(ratio)


_SCHEMES: dict[str, Callable[[np.ndarray, np.ndarray, float, float], np.ndarray]] = {
    "linear": _linear, "quadratic": _quadratic, "radical": _radical, "ratio": _ratio,
    "circular": _circular, "bipolar": _bipolar,
}
