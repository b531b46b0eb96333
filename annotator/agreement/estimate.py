"""A chance-corrected coefficient with its standard error, counts and source."""

from __future__ import annotations

import math
from dataclasses import dataclass

from annotator.agreement.t_quantile import t_quantile


@dataclass(frozen=True)
class Estimate:
    """One coefficient as a methods section reports it.

    ``value`` is (pa - pe)/(1 - pe); ``se`` its standard error (nan where the source gives
    none or fewer than two units). ``n_units`` counts the units that enter the coefficient,
    ``n_raters`` the raters. ``weights`` names the weight scheme ("identity" when unweighted)
    and ``source`` the definition, to cite beside the figure.
    """

    name: str
    value: float
    se: float
    pa: float
    pe: float
    n_units: int
    n_raters: int
    weights: str
    source: str

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        """value -/+ t(n - 1) x se, the upper bound capped at 1 (Gwet 2014; irrCAC).

        (nan, nan) when the value or the standard error is undefined.
        """
        if math.isnan(self.value) or math.isnan(self.se) or self.n_units < 2:
            return math.nan, math.nan
        half = t_quantile(self.n_units - 1, 0.5 + level / 2.0) * self.se
        return self.value - half, min(1.0, self.value + half)


def undefined(name: str, n_units: int, n_raters: int, weights: str, source: str,
              pa: float = math.nan) -> Estimate:
    """An estimate whose value the data leave undefined (nan, never 0 or 1)."""
    return Estimate(name, math.nan, math.nan, pa, math.nan, n_units, n_raters, weights, source)
