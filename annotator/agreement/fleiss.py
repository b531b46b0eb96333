"""Fleiss' (1971) kappa, and its generalisation to missing ratings and weights (Gwet 2014).

``fleiss_kappa`` is Fleiss' design: every unit rated by the same number of raters.
``fleiss_kappa_generalised`` lets that number vary from unit to unit (a rater may skip a
unit): with the classification shares pi_k and Gwet's percent agreement pa of
:mod:`annotator.agreement.multirater` and agreement weights w,

    pe = sum_kl w_kl pi_k pi_l,    kappa = (pa - pe) / (1 - pe),

a unit's chance share pe_i = sum_k r_ik pibar_k / r_i with pibar = (w pi + w' pi)/2, and
Gwet's variance conditional on the raters. Units rated once do not enter pa (they hold no
pair of ratings) but do enter pi_k, as in Gwet's definition; with complete data it is
Fleiss' (1971) kappa.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence

import numpy as np

from annotator.agreement.estimate import Estimate, undefined
from annotator.agreement.multirater import RatingCounts, chance_corrected, rating_counts
from annotator.agreement.weights import Weights, resolve_weights

SOURCE_GENERALISED = ("Fleiss (1971), generalised to missing ratings and weights by Gwet "
                      "(2014); variance conditional on the raters (Gwet 2008)")


def fleiss_kappa(counts: Sequence[Sequence[float]] | np.ndarray) -> float:
    """Kappa from a units x categories table: ``counts[i, j]`` raters put unit i in j.

    Every unit must have the same number of raters n >= 2 (Fleiss' design; for varying
    numbers use :func:`fleiss_kappa_generalised` or Krippendorff's alpha). With P_i the share of
    agreeing rater pairs on unit i and p_j the share of all assignments to category j:
    kappa = (mean P_i - sum p_j^2) / (1 - sum p_j^2). Returns nan with no units or when all
    assignments fall in one category.
    """
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2:
        raise ValueError(f"counts must be a units x categories table, got shape {table.shape}")
    if table.shape[0] == 0:
        return math.nan
    if (table < 0).any():
        raise ValueError("counts must not be negative")
    raters = table.sum(axis=1)
    if not np.all(raters == raters[0]):
        raise ValueError("Fleiss' kappa needs the same number of raters for every unit; "
                         f"found between {raters.min():g} and {raters.max():g}")
    n = raters[0]
    if n < 2:
        return math.nan
    p_unit = ((table ** 2).sum(axis=1) - n) / (n * (n - 1))
    p_cat = table.sum(axis=0) / table.sum()
    p_e = float(p_cat @ p_cat)
    return (float(p_unit.mean()) - p_e) / (1.0 - p_e) if p_e < 1.0 else math.nan


def fleiss_kappa_generalised(ratings: Sequence[Sequence[Hashable | None]],
                             weights: Weights = "identity",
                             categories: Iterable[Hashable] | None = None) -> Estimate:
    """Fleiss' kappa of raw ratings (``ratings[rater][unit]``, None missing), with its SE."""
    return fleiss_kappa_of(rating_counts(ratings, categories), weights)


def fleiss_kappa_of(data: RatingCounts, weights: Weights = "identity") -> Estimate:
    """Generalised Fleiss' kappa of counted ratings (units x categories)."""
    matrix, label = resolve_weights(weights, data.categories)
    name = "Fleiss' kappa"
    if len(data.counts) == 0 or len(data.categories) < 2:
        return undefined(name, len(data.counts), data.n_raters, label, SOURCE_GENERALISED)
    shares = data.shares
    pe = float(shares @ matrix @ shares)
    symmetric = (matrix @ shares + matrix.T @ shares) / 2.0
    pe_unit = (data.counts @ symmetric) / data.per_unit
    return chance_corrected(data, matrix, pe, pe_unit, name, label, SOURCE_GENERALISED)
