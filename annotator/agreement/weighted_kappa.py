"""Cohen's (1968) weighted kappa for two raters, with Fleiss, Cohen & Everitt's (1969) SE.

With p_kl the share of units rated k by A and l by B, margins p_k. and p_.l, and agreement
weights w (1 on the diagonal; see :mod:`annotator.agreement.weights`):

    p_o = sum w_kl p_kl,   p_e = sum w_kl p_k. p_.l,   kappa_w = (p_o - p_e) / (1 - p_e).

Cohen's own form with disagreement weights v, 1 - sum v p_o / sum v p_c, is the same
coefficient with w = 1 - v / max v (:func:`annotator.agreement.weights.from_disagreement`).
The large-sample variance (Fleiss, Cohen & Everitt 1969, not assuming kappa = 0) is

    var = [sum_kl p_kl (w_kl - (wbar_k. + wbar_.l)(1 - kappa_w))^2
           - (kappa_w - p_e (1 - kappa_w))^2] / (n (1 - p_e)^2)

with wbar_k. = sum_l w_kl p_.l and wbar_.l = sum_k w_kl p_k.; it is the same expression as
Gwet's (2014) variance of the two-rater kappa (his irrCAC ``kappa2.table``). Units either
rater left unrated are dropped.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

from annotator.agreement.estimate import Estimate, undefined
from annotator.agreement.pairwise import Table, contingency
from annotator.agreement.weights import Weights, is_identity, resolve_weights

SOURCE = ("Cohen (1968) weighted kappa; standard error of Fleiss, Cohen & Everitt (1969)")
SOURCE_UNWEIGHTED = "Cohen (1960) kappa; standard error of Fleiss, Cohen & Everitt (1969)"


def weighted_kappa(a: Sequence[Hashable | None], b: Sequence[Hashable | None],
                   weights: Weights = "linear",
                   categories: Iterable[Hashable] | None = None) -> Estimate:
    """Weighted kappa of two raters' labels (one entry per unit; None or NaN missing).

    ``weights`` is a scheme name (linear, quadratic, ...) or a q x q agreement-weight matrix
    over ``categories`` (default: the categories used, sorted when comparable).
    """
    return weighted_kappa_of(contingency(a, b, categories), weights)


def weighted_kappa_of(table: Table, weights: Weights = "linear") -> Estimate:
    """Weighted kappa and its SE from a contingency table (rows rater A, columns rater B)."""
    matrix, label = resolve_weights(weights, table.categories)
    unweighted = is_identity(matrix)
    name = "Cohen's kappa" if unweighted else "Cohen's weighted kappa"
    source = SOURCE_UNWEIGHTED if unweighted else SOURCE
    n = table.n
    if n == 0:
        return undefined(name, 0, 2, label, source)
    p = table.counts / n
    rows, cols = p.sum(axis=1), p.sum(axis=0)
    p_o = float((matrix * p).sum())
    p_e = float(rows @ matrix @ cols)
    if p_e >= 1.0:
        return undefined(name, n, 2, label, source, p_o)
    kappa = (p_o - p_e) / (1.0 - p_e)
    se = math.sqrt(_fce_variance(p, matrix, kappa, p_e, n))
    return Estimate(name, kappa, se, p_o, p_e, n, 2, label, source)


def _fce_variance(p: np.ndarray, w: np.ndarray, kappa: float, p_e: float, n: int) -> float:
    rows, cols = p.sum(axis=1), p.sum(axis=0)
    row_mean = w @ cols  # wbar_k.
    col_mean = w.T @ rows  # wbar_.l
    spread = w - (row_mean[:, None] + col_mean[None, :]) * (1.0 - kappa)
    variance = (float((p * spread ** 2).sum()) - (kappa - p_e * (1.0 - kappa)) ** 2) \
        / (n * (1.0 - p_e) ** 2)
    return max(variance, 0.0)
