"""Ratings of units by any number of raters, with missing ratings, and Gwet's percent agreement.

The shared building block of AC1/AC2 and the generalised Fleiss' kappa (Gwet 2008; 2014):
each unit i has r_ik ratings in category k and r_i ratings in all. With agreement weights w,
r*_ik = sum_l w_kl r_il, and for a unit rated at least twice

    pa_i = sum_k r_ik (r*_ik - 1) / (r_i (r_i - 1)),    pa = mean of pa_i over those units.

Units no rater rated are dropped. Units rated once do not enter pa but do enter the
classification shares pi_k = (1/n) sum_i r_ik / r_i (n = units rated at least once), and the
variance, which is Gwet's (2008) linearisation conditional on the raters:

    v = (1 - f)/(n (n - 1)) sum_i (c*_i - c)^2,   c*_i = c_i - 2 (1 - c)(pe_i - pe)/(1 - pe),
    c_i = (n / n_2)(pa_i - pe [r_i >= 2]) / (1 - pe)

with n_2 the units rated at least twice, pe_i the unit's share of chance agreement (its mean
is pe) and f = 0 (an infinite population of units).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.agreement.estimate import Estimate, undefined
from annotator.agreement.units import ordered
from annotator.agreement.weights import Weights, resolve_weights

PA_SOURCE = "Gwet (2014), percent agreement for multiple raters with missing ratings"


@dataclass(frozen=True)
class RatingCounts:
    """``counts[i, k]``: raters who put unit i in category k (units rated at least once)."""

    categories: tuple[Hashable, ...]
    counts: np.ndarray
    n_raters: int

    @property
    def per_unit(self) -> np.ndarray:
        """r_i, the number of ratings of each unit."""
        return self.counts.sum(axis=1)

    @property
    def shares(self) -> np.ndarray:
        """pi_k, the mean over units of the share of a unit's ratings in category k."""
        return (self.counts / self.per_unit[:, None]).mean(axis=0)


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float | np.floating) and math.isnan(value))


def rating_counts(ratings: Sequence[Sequence[Hashable | None]],
                  categories: Iterable[Hashable] | None = None) -> RatingCounts:
    """Count raw ratings: ``ratings[rater][unit]``, None or NaN for a missing rating.

    Categories are those used (sorted when comparable) unless ``categories`` names them all,
    in their order; this order is the one ordered weights follow.
    """
    cats, codes = encode(ratings, categories)
    return counts_of_codes(cats, codes)


def encode(ratings: Sequence[Sequence[Hashable | None]],
           categories: Iterable[Hashable] | None = None) -> tuple[tuple[Hashable, ...],
                                                                   np.ndarray]:
    """The categories and each rating's index among them (raters x units), -1 if missing."""
    columns = [list(row) for row in ratings]
    lengths = {len(row) for row in columns}
    if len(lengths) > 1:
        raise ValueError(f"the raters rated different numbers of units: {sorted(lengths)}")
    n_units = lengths.pop() if lengths else 0
    flat = [value for row in columns for value in row]
    used = ordered(value for value in flat if not is_missing(value))
    cats = tuple(categories) if categories is not None else used
    index = {c: i for i, c in enumerate(cats)}
    unknown = set(used) - index.keys()
    if unknown:
        raise ValueError(f"ratings outside the given categories: {sorted(map(repr, unknown))}")
    codes = np.fromiter((-1 if is_missing(v) else index[v] for v in flat), np.int64, len(flat))
    return cats, codes.reshape(len(columns), n_units)


def counts_of_codes(categories: tuple[Hashable, ...], codes: np.ndarray) -> RatingCounts:
    """Counts of encoded ratings (:func:`encode`), units nobody rated dropped."""
    n_raters, n_units = codes.shape
    q = len(categories)
    units = np.broadcast_to(np.arange(n_units), codes.shape)
    rated = codes >= 0
    cells = np.bincount(units[rated] * q + codes[rated], minlength=n_units * q)
    counts = cells.reshape(n_units, q).astype(np.float64)
    return RatingCounts(categories, counts[counts.sum(axis=1) > 0], n_raters)


def counts_table(counts: Sequence[Sequence[float]] | np.ndarray,
                 categories: Iterable[Hashable] | None = None) -> RatingCounts:
    """Counts given directly, units x categories (irrCAC's "distribution of raters")."""
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2:
        raise ValueError(f"counts must be a units x categories table, got shape {table.shape}")
    if (table < 0).any() or not np.array_equal(table, np.round(table)):
        raise ValueError("counts must be whole numbers of zero or more")
    cats = tuple(categories) if categories is not None else tuple(range(1, table.shape[1] + 1))
    if len(cats) != table.shape[1]:
        raise ValueError(f"{len(cats)} categories named for {table.shape[1]} columns")
    rated = table[table.sum(axis=1) > 0]
    return RatingCounts(cats, rated, int(rated.sum(axis=1).max(initial=0)))


def unit_agreement(data: RatingCounts, weights: np.ndarray) -> np.ndarray:
    """pa_i of every unit; 0 for units rated once (they hold no pair)."""
    r = data.per_unit
    weighted = data.counts @ weights.T
    agreeing = (data.counts * (weighted - 1.0)).sum(axis=1)
    pairs = r * (r - 1.0)
    return np.divide(agreeing, pairs, out=np.zeros_like(agreeing), where=pairs > 0)


def chance_corrected(data: RatingCounts, weights: np.ndarray, pe: float, pe_unit: np.ndarray,
                     name: str, weight_label: str, source: str) -> Estimate:
    """(pa - pe)/(1 - pe) with Gwet's linearised variance (module docstring)."""
    n = len(data.counts)
    paired = data.per_unit >= 2
    n_paired = int(paired.sum())
    if n_paired == 0:
        return undefined(name, n, data.n_raters, weight_label, source)
    pa_unit = unit_agreement(data, weights)
    pa = float(pa_unit[paired].mean())
    if math.isnan(pe) or pe >= 1.0:
        return undefined(name, n, data.n_raters, weight_label, source, pa)
    value = (pa - pe) / (1.0 - pe)
    per_unit = (n / n_paired) * (pa_unit - pe * paired) / (1.0 - pe)
    linearised = per_unit - 2.0 * (1.0 - value) * (pe_unit - pe) / (1.0 - pe)
    se = math.sqrt(float(((linearised - value) ** 2).sum()) / (n * (n - 1))) if n > 1 \
        else math.nan
    return Estimate(name, value, se, pa, pe, n, data.n_raters, weight_label, source)


def percent_agreement_multi(ratings: Sequence[Sequence[Hashable | None]],
                            weights: Weights = "identity",
                            categories: Iterable[Hashable] | None = None) -> Estimate:
    """Gwet's percent agreement pa of raw ratings (``ratings[rater][unit]``), with its SE."""
    return percent_agreement_of(rating_counts(ratings, categories), weights)


def percent_agreement_of(data: RatingCounts, weights: Weights = "identity") -> Estimate:
    """Gwet's pa of counted ratings: pe = 0, so the coefficient is pa itself."""
    matrix, label = resolve_weights(weights, data.categories)
    return chance_corrected(data, matrix, 0.0, np.zeros(len(data.counts)), "Percent agreement",
                            label, PA_SOURCE)
