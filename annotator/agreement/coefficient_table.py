"""Every coefficient of one set of reliability data, as rows for a table or JSON.

Used by ``annotator alpha --measures/--all``: the reliability data (``values[coder][unit]``,
None missing) of a KALPHA-layout file, and for each requested measure one row with its
value, standard error, 95% interval, pa and pe, the units and raters it rests on and the
source to cite. Cohen's kappas are two-rater coefficients: one row per pair of coders. Every
coefficient uses the categories of the whole file (so a pair's weights span the same scale).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from itertools import combinations
from typing import Any

import numpy as np

from annotator.agreement.estimate import Estimate
from annotator.agreement.fleiss import fleiss_kappa_of
from annotator.agreement.gwet import gwet_ac_of
from annotator.agreement.multirater import (
    RatingCounts,
    counts_of_codes,
    encode,
    percent_agreement_of,
)
from annotator.agreement.pairwise import Table
from annotator.agreement.weighted_kappa import weighted_kappa_of

MULTI_RATER = ("pa", "ac1", "ac2", "fleiss")
PAIRWISE = ("cohen", "cohen-weighted")
MEASURES = ("alpha", *MULTI_RATER, *PAIRWISE)
LEVEL_WEIGHTS = {"nominal": "identity", "ordinal": "ordinal", "interval": "quadratic",
                 "ratio": "ratio"}
ALPHA_SOURCE = ("Krippendorff (2011), alpha with missing values; interval: bootstrap of "
                "Hayes & Krippendorff (2007)")
Values = Sequence[Sequence[Hashable | None]]


def default_weights(level: str) -> str:
    """The weights that match a level of measurement (Gwet 2014, ch. 3)."""
    return LEVEL_WEIGHTS[level]


def coefficient_rows(values: Values, coders: Sequence[str], measures: Sequence[str],
                     weights: str, alpha: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One row per measure (per coder pair for Cohen's kappas), in the order asked.

    ``alpha`` is the summary of ``annotator alpha`` (needed when "alpha" is asked).
    """
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measure {unknown[0]!r}; choose from {', '.join(MEASURES)}")
    measures = _without_repeats(measures, weights)
    categories, codes = encode(values)
    counted = counts_of_codes(categories, codes)
    tables = {pair: _pair_table(codes, *pair, categories)
              for pair in combinations(range(len(coders)), 2)} \
        if any(m in PAIRWISE for m in measures) else {}
    rows: list[dict[str, Any]] = []
    for measure in measures:
        if measure == "alpha":
            rows.append(alpha_row(alpha or {}, len(coders)))
        elif measure in MULTI_RATER:
            rows.append(estimate_row(measure, _multi_rater(measure, counted, weights),
                                     list(coders)))
        else:
            scheme = "identity" if measure == "cohen" else weights
            rows += [estimate_row(measure, weighted_kappa_of(table, scheme),
                                  [coders[i], coders[j]]) for (i, j), table in tables.items()]
    return rows


def _without_repeats(measures: Sequence[str], weights: str) -> list[str]:
    """Drop AC2 and weighted kappa where identity weights make them AC1 and kappa again."""
    same = {"ac2": "ac1", "cohen-weighted": "cohen"} if weights == "identity" else {}
    return [m for m in dict.fromkeys(measures) if same.get(m) not in measures]


def _multi_rater(measure: str, data: RatingCounts, weights: str) -> Estimate:
    if measure == "pa":
        return percent_agreement_of(data)
    if measure == "fleiss":
        return fleiss_kappa_of(data)
    return gwet_ac_of(data, weights if measure == "ac2" else "identity")


def _pair_table(codes: np.ndarray, i: int, j: int, categories: tuple[Hashable, ...]) -> Table:
    """Two coders' contingency table over the file's categories (incomplete pairs dropped)."""
    a, b = codes[i], codes[j]
    both = (a >= 0) & (b >= 0)
    q = len(categories)
    counts = np.bincount(a[both] * q + b[both], minlength=q * q).reshape(q, q)
    return Table(categories, counts.astype(np.float64))


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
        se = _shown(row["se"], row["measure"])
        lines.append(f"  {name:<34} {row['weights'] or '':<10} {_shown(row['value']):>7} "
                     f"{se:>6}  {_interval(row):<16} {row['n_units'] or 0:>5} "
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
