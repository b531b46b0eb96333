"""Krippendorff's alpha for coding predefined units (Krippendorff 2011, 2019).

Computed from the coincidence matrix: every unit with m_u >= 2 values contributes each
ordered pair of its values with weight 1/(m_u - 1). Then

    alpha = 1 - (n - 1) * sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck

with n_c the margins and n the number of pairable values. Units with fewer than two values
are not pairable and drop out.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from annotator.agreement.arrays import unique_inverse
from annotator.agreement.units import ordered

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")


@dataclass(frozen=True)
class Coincidences:
    """The coincidence matrix of reliability data and the values it is indexed by."""

    values: tuple[Hashable, ...]
    matrix: np.ndarray  # o_ck, symmetric, sums to n
    n_units: int  # pairable units
    n_pairs: float = 0.0  # unordered pairs of values within units, sum_u m_u (m_u - 1) / 2

    @property
    def margins(self) -> np.ndarray:
        return self.matrix.sum(axis=1)

    @property
    def n_pairable(self) -> float:
        return float(self.matrix.sum())


def krippendorff_alpha(data: Any, level: Level = "nominal") -> float:
    """Alpha of reliability data: rows are coders, columns units; None or NaN is missing.

    Nominal values may be any hashable labels; ordinal values any sortable ones (only their
    order matters); interval and ratio values must be numbers. Returns ``nan`` when alpha is
    undefined: no pairable values, or no variation (a single value used throughout).
    """
    table = coincidences(data)
    return alpha_from_coincidences(table, level)


def alpha_from_coincidences(table: Coincidences, level: Level = "nominal") -> float:
    """Alpha of an already built coincidence matrix."""
    d_o, d_e = disagreements(table, level)
    return 1.0 - d_o / d_e if d_e > 0 else math.nan


def disagreements(table: Coincidences, level: Level = "nominal") -> tuple[float, float]:
    """Observed and expected disagreement, each normalised per pairable value pair."""
    n = table.n_pairable
    if n <= 1 or len(table.values) < 2:
        return math.nan, math.nan
    delta = distance_matrix(table.values, table.margins, level)
    margins = table.margins
    d_o = float((table.matrix * delta).sum()) / n
    d_e = float(margins @ delta @ margins) / (n * (n - 1))
    return d_o, d_e


def distance_matrix(values: Sequence[Hashable], margins: np.ndarray, level: Level) -> np.ndarray:
    """Squared difference delta2_ck between every two values at the given level."""
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    if level == "nominal":
        return 1.0 - np.eye(len(values))
    if level == "ordinal":
        return _ordinal(margins)
    numbers = _numeric(values, level)
    diff = numbers[:, None] - numbers[None, :]
    if level == "interval":
        return diff ** 2
    total = numbers[:, None] + numbers[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total == 0, 0.0, (diff / total) ** 2)


def _ordinal(margins: np.ndarray) -> np.ndarray:
    """Krippendorff's ordinal metric on ranks: (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2."""
    cumulative = np.cumsum(margins)
    low = np.minimum.outer(np.arange(len(margins)), np.arange(len(margins)))
    high = np.maximum.outer(np.arange(len(margins)), np.arange(len(margins)))
    between = cumulative[high] - cumulative[low] + margins[low]
    return (between - (margins[:, None] + margins[None, :]) / 2.0) ** 2


def _numeric(values: Sequence[Hashable], level: str) -> np.ndarray:
    try:
        return np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{level} alpha needs numeric values, got {list(values)[:5]!r}") from None


def coincidences(data: Any) -> Coincidences:
    """Build the coincidence matrix of a coders x units table."""
    values, codes = _encode(data)
    n_coders, n_units = codes.shape
    n_values = len(values)
    # missing values (-1) are counted in an extra last column, which is then dropped
    slots = np.where(codes < 0, n_values, codes) + (np.arange(n_units) * (n_values + 1))[None, :]
    counts = np.bincount(slots.ravel(), minlength=n_units * (n_values + 1))
    counts = counts.reshape(n_units, n_values + 1)[:, :n_values].astype(np.float64)
    m_u = counts.sum(axis=1)
    pairable = m_u >= 2
    counts, m_u = counts[pairable], m_u[pairable]
    weighted = counts / (m_u - 1.0)[:, None]
    matrix = weighted.T @ counts - np.diag(weighted.sum(axis=0))
    n_pairs = float((m_u * (m_u - 1.0)).sum() / 2.0)
    return Coincidences(values, matrix, int(pairable.sum()), n_pairs)


def _encode(data: Any) -> tuple[tuple[Hashable, ...], np.ndarray]:
    """Distinct values (sorted when comparable) and a coders x units array of their indices
    (-1 for missing)."""
    try:
        array = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError):
        return _encode_objects(data)
    if array.ndim != 2:
        raise ValueError(f"reliability data must be 2-D (coders x units), got shape {array.shape}")
    present = ~np.isnan(array)
    complete = bool(present.all())
    observed = array.ravel() if complete else array[present]
    values, inverse = _distinct(observed)
    if complete:
        return values, inverse.reshape(array.shape)
    codes = np.full(array.shape, -1, dtype=np.intp)
    codes[present] = inverse
    return values, codes


def _distinct(observed: np.ndarray) -> tuple[tuple[Hashable, ...], np.ndarray]:
    """Sorted distinct values and each value's index. Whole numbers (the usual category
    codes) are counted with a lookup table rather than sorted."""
    with np.errstate(invalid="ignore"):  # inf and huge values: not whole, checked below
        whole = observed.astype(np.int64)
    if observed.size and np.array_equal(whole, observed):
        distinct, inverse = unique_inverse(whole)
        return tuple(int(v) for v in distinct), inverse
    distinct_floats, inverse = np.unique(observed, return_inverse=True)
    return tuple(_plain(v) for v in distinct_floats), inverse


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


def _encode_objects(data: Any) -> tuple[tuple[Hashable, ...], np.ndarray]:
    rows = [list(row) for row in data]
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("reliability data must be rectangular: "
                         "every coder needs one entry per unit")
    flat = [v for row in rows for v in row]
    present = [not _missing(v) for v in flat]
    values = ordered(v for v, p in zip(flat, present) if p)
    index = {v: i for i, v in enumerate(values)}
    codes = np.fromiter((index[v] if p else -1 for v, p in zip(flat, present)), np.int64, len(flat))
    return values, codes.reshape(len(rows), width)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float | np.floating) and math.isnan(value))
