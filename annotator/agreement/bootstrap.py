"""Bootstrapped distribution of Krippendorff's alpha (Hayes & Krippendorff 2007, KALPHA).

Krippendorff's algorithm does not resample units (which would change the pool of values
that defines chance). It keeps the expected disagreement De of the data fixed and resamples
pairs of values from the observed coincidence matrix: a replicate draws M pairs with
replacement, cell (c, k), c <= k, with probability 2 o_ck / n (c != k) or o_cc / n, and

    alpha* = 1 - (sum of delta2 over the drawn pairs) / (M * De).

M is the number of pairs of values in the data, sum_u m_u (m_u - 1) / 2 (KALPHA's
(m - 1) n / 2 for complete data). Krippendorff's note caps M at 25 times the number of
non-empty cells to save computing time; a replicate here is one multinomial draw over the
cells, whose cost does not depend on M, so no cap is needed and the interval reflects the
real number of pairs. As in KALPHA, replicates below -1 are set to -1, and a replicate that
drew every pair from a single diagonal cell (no variation: alpha would be 0/0) counts as 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.agreement.alpha import (
    Coincidences,
    Level,
    alpha_from_coincidences,
    coincidences,
    disagreements,
    distance_matrix,
)


@dataclass(frozen=True)
class BootstrapResult:
    """Alpha, its percentile confidence interval and the risks of missing the thresholds.

    ``q_below_667``/``q_below_800`` are the shares of replicates with alpha below .667
    (tentative conclusions) and .800 (reliable data): the probability q that the
    reliability of the data fails to reach that level (Hayes & Krippendorff 2007).
    """

    alpha: float
    ci_low: float
    ci_high: float
    q_below_667: float
    q_below_800: float
    n_boot: int
    ci: float
    n_units: int
    n_pairable: float
    samples: np.ndarray


def bootstrap_alpha(data: Any, level: Level = "nominal", n_boot: int = 1000,
                    seed: int | np.random.Generator | None = 0, ci: float = 0.95
                    ) -> BootstrapResult:
    """Alpha with ``n_boot`` KALPHA replicates; the default seed makes reports reproducible."""
    if n_boot < 1:
        raise ValueError(f"n_boot must be at least 1, got {n_boot}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must lie strictly between 0 and 1, got {ci}")
    table = coincidences(data)
    alpha = alpha_from_coincidences(table, level)
    samples = replicates(table, level, n_boot, np.random.default_rng(seed))
    if math.isnan(alpha) or len(samples) == 0:
        nan = math.nan
        return BootstrapResult(alpha, nan, nan, nan, nan, n_boot, ci, table.n_units,
                               table.n_pairable, samples)
    low, high = np.quantile(samples, [(1 - ci) / 2, (1 + ci) / 2])
    return BootstrapResult(
        alpha=alpha, ci_low=float(low), ci_high=float(high),
        q_below_667=float(np.mean(samples < 0.667)), q_below_800=float(np.mean(samples < 0.800)),
        n_boot=n_boot, ci=ci, n_units=table.n_units, n_pairable=table.n_pairable,
        samples=samples,
    )


def replicates(table: Coincidences, level: Level, n_boot: int,
               rng: np.random.Generator) -> np.ndarray:
    """alpha* of each replicate (empty when alpha is undefined)."""
    _, d_e = disagreements(table, level)
    n_pairs = int(round(table.n_pairs))
    if not d_e > 0 or n_pairs < 1:
        return np.empty(0)
    upper = np.triu_indices(len(table.values))
    delta = distance_matrix(table.values, table.margins, level)[upper]
    cells = (2.0 * table.matrix - np.diag(np.diag(table.matrix)))[upper] / table.n_pairable
    draws = rng.multinomial(n_pairs, cells / cells.sum(), size=n_boot)
    alpha = 1.0 - (draws @ delta) / (n_pairs * d_e)
    on_diagonal = upper[0] == upper[1]
    no_variation = (draws[:, on_diagonal] == n_pairs).any(axis=1)
    return np.where(no_variation, 0.0, np.maximum(alpha, -1.0))
