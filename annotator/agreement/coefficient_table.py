"""Every coefficient of one set of reliability data, as rows for a table or JSON.

Used by ``annotator alpha --measures/--all``: the reliability data (``values[coder][unit]``,
None missing) of a KALPHA-layout file, and for each requested measure one row with its
value, standard error, 95% interval, pa and pe, the units and raters it rests on and the
source to cite. Cohen's kappas are two-rater coefficients: one row per pair of coders. Every
coefficient uses the categories of the whole file (so a pair's weights span the same scale).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from itertools import combinations
from typing import Any

from annotator.agreement.estimate import Estimate
from annotator.agreement.fleiss import fleiss_kappa_generalised
from annotator.agreement.gwet import gwet_ac
from annotator.agreement.multirater import is_missing, percent_agreement_multi
from annotator.agreement.units import ordered
from annotator.agreement.weighted_kappa import weighted_kappa

MULTI_RATER = ("pa", "ac1", "ac2", "fleiss")
PAIRWISE = ("cohen", "cohen-weighted")
MEASURES = ("alpha", *MULTI_RATER, *PAIRWISE)
LEVEL_WEIGHTS = {"nominal": "identity", "ordinal": "ordinal", "interval": "quadratic",
                 "ratio": "ratio"}
ALPHA_SOURCE = ("Krippendorff (2011), alpha with missing values; interval: bootstrap of "
                "Hayes & Krippendorff (2007)")
Values = Sequence[Sequence[Hashable | None]]
Categories = Sequence[Hashable]


def default_weights(level: str) -> str:
    """The weights that match a level of measurement (Gwet 2014, ch. 3)."""
    return LEVEL_WEIGHTS[level]


def coefficient_rows(values: Values, coders: Sequence[str], measures: Sequence[str],
                     weights: str, alpha: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One row per measure (per coder pair for Cohen's kappas), in the order asked.

    ``alpha`` is the summary of ``annotator alpha`` (needed when "alpha" is asked).
    """
    categories = ordered(v for row in values for v in row if not is_missing(v))
    rows: list[dict[str, Any]] = []
    for measure in measures:
        if measure == "alpha":
            rows.append(alpha_row(alpha or {}, len(coders)))
        elif measure in MULTI_RATER:
            estimate = _multi_rater(measure, weights)(values, categories)
            rows.append(estimate_row(measure, estimate, list(coders)))
        elif measure in PAIRWISE:
            scheme = "identity" if measure == "cohen" else weights
            for i, j in combinations(range(len(coders)), 2):
                pair = weighted_kappa(values[i], values[j], scheme, categories)
                rows.append(estimate_row(measure, pair, [coders[i], coders[j]]))
        else:
            raise ValueError(f"unknown measure {measure!r}; choose from {', '.join(MEASURES)}")
    return rows


def _multi_rater(measure: str, weights: str) -> Callable[[Values, Categories], Estimate]:
    function = {"pa": percent_agreement_multi, "ac1": gwet_ac, "ac2": gwet_ac,
                "fleiss": fleiss_kappa_generalised}[measure]
    scheme = weights if measure == "ac2" else "identity"
    return lambda values, categories: function(values, scheme, categories)


def estimate_row(measure: str, estimate: Estimate, coders: list[str]) -> dict[str, Any]:
    low, high = estimate.interval()
    return {"measure": measure, "name": estimate.name, "weights": estimate.weights,
            "value": _number(estimate.value), "se": _number(estimate.se),
            "ci_low": _number(low), "ci_high": _number(high), "ci_method": "t",
            "pa": _number(estimate.pa), "pe": _number(estimate.pe),
            "n_units": estimate.n_units, "n_raters": estimate.n_raters, "coders": coders,
            "source": estimate.source}


def alpha_row(summary: dict[str, Any], n_coders: int) -> dict[str, Any]:
    boot = summary.get("bootstrap") or {}
    return {"measure": "alpha", "name": "Krippendorff's alpha", "weights": summary.get("level"),
            "value": summary.get("alpha"), "se": None, "ci_low": boot.get("ci_low"),
            "ci_high": boot.get("ci_high"), "ci_method": "bootstrap" if boot else None,
            "pa": None, "pe": None, "n_units": summary.get("n_pairable_units"),
            "n_raters": n_coders, "coders": summary.get("coders"), "source": ALPHA_SOURCE}


def coefficient_lines(rows: list[dict[str, Any]]) -> list[str]:
    """The rows as an aligned plain-text table, then the source of each coefficient."""
    header = (f"  {'coefficient':<34} {'weights':<10} {'value':>7} {'SE':>6}  "
              f"{'95% CI':<16} {'units':>5} {'raters':>6}")
    lines = [header]
    for row in rows:
        name = row["name"] + (f" ({row['coders'][0]}–{row['coders'][1]})"
                              if row["measure"] in PAIRWISE else "")
        lines.append(f"  {name:<34} {row['weights'] or '':<10} {_shown(row['value']):>7} "
                     f"{_shown(row['se'], row['measure']):>6}  {_interval(row):<16} {row['n_units'] or 0:>5} "
                     f"{row['n_raters']:>6}")
    sources = dict.fromkeys(f"  {row['name']}: {row['source']}" for row in rows)
    notes = ["  95% CI: value ± t(n − 1) × SE, upper bound capped at 1 (Gwet 2014); "
             "alpha's (*) is the bootstrap interval (--bootstrap N)."]
    return lines + ["", "Sources:", *sources, *notes]


def _interval(row: dict[str, Any]) -> str:
    if row["ci_low"] is None:
        return "–"
    mark = "*" if row["ci_method"] == "bootstrap" else ""
    return f"[{row['ci_low']:.3f}, {row['ci_high']:.3f}]{mark}"


def _shown(value: float | None, measure: str = "") -> str:
    if value is None:
        return "–" if measure == "alpha" else "undef"  # alpha: no standard error given
    return f"{value:.3f}"


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)
