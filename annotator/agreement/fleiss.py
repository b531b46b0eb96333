"""Fleiss' (1971) kappa for many raters who each put every unit in one category."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def fleiss_kappa(counts: Sequence[Sequence[float]] | np.ndarray) -> float:
    """Kappa from a units x categories table: ``counts[i, j]`` raters put unit i in j.

    Every unit must have the same number of raters n >= 2 (Fleiss' design; for varying
    numbers use Krippendorff's alpha, which handles missing values). With P_i the share of
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
