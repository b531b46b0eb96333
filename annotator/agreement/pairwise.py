"""Chance-corrected agreement of two coders on the same units.

All five measures share one form, (p_o - p_e) / (1 - p_e), and differ only in the chance
agreement p_e they assume. Units where either coder has no value (None or NaN) are dropped
before anything is computed; the categories are those used by either coder on the
remaining units unless ``categories`` names them.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.agreement.units import ordered


@dataclass(frozen=True)
class Table:
    """Two coders' joint distribution: ``counts[i, j]`` units coded i by A and j by B."""

    categories: tuple[Hashable, ...]
    counts: np.ndarray

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    @property
    def observed(self) -> float:
        """p_o, the share of units on which the two coders agree."""
        return float(np.trace(self.counts)) / self.n if self.n else math.nan

    @property
    def margins(self) -> tuple[np.ndarray, np.ndarray]:
        """Each coder's share of units per category."""
        return self.counts.sum(axis=1) / self.n, self.counts.sum(axis=0) / self.n


def contingency(a: Sequence[Hashable | None], b: Sequence[Hashable | None],
                categories: Iterable[Hashable] | None = None) -> Table:
    """Cross-tabulate two equal-length label sequences, dropping incomplete pairs."""
    if len(a) != len(b):
        raise ValueError(f"the two coders rated different numbers of units: {len(a)} and {len(b)}")
    pairs = [(x, y) for x, y in zip(a, b) if not (_missing(x) or _missing(y))]
    used = ordered([x for x, _ in pairs] + [y for _, y in pairs])
    cats = tuple(categories) if categories is not None else used
    index = {c: i for i, c in enumerate(cats)}
    unknown = set(used) - index.keys()
    if unknown:
        raise ValueError(f"labels outside the given categories: {sorted(map(repr, unknown))}")
    counts = np.zeros((len(cats), len(cats)))
    if pairs:
        rows = np.fromiter((index[x] for x, _ in pairs), np.int64, len(pairs))
        cols = np.fromiter((index[y] for _, y in pairs), np.int64, len(pairs))
        np.add.at(counts, (rows, cols), 1)
    return Table(cats, counts)


def table_from_counts(counts: Sequence[Sequence[float]]) -> Table:
    """A table given directly as a square matrix of counts (categories 0..q-1)."""
    array = np.asarray(counts, dtype=np.float64)
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise ValueError(f"a contingency table must be square, got shape {array.shape}")
    return Table(tuple(range(array.shape[0])), array)


def percent_agreement(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> float:
    """Share of units with the same label; nan with no complete pair."""
    return contingency(a, b).observed


def cohen_kappa(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> float:
    """Cohen's (1960) kappa: chance from each coder's own distribution."""
    return kappa_from_table(contingency(a, b), "cohen")


def scott_pi(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> float:
    """Scott's (1955) pi: chance from the coders' pooled distribution."""
    return kappa_from_table(contingency(a, b), "scott")


def brennan_prediger(a: Sequence[Hashable | None], b: Sequence[Hashable | None],
                     categories: Iterable[Hashable] | None = None) -> float:
    """Brennan & Prediger's (1981) kappa_n (Bennett's S): chance 1/q for q categories.

    q is the number of ``categories`` if given (the codebook's), else of categories used.
    """
    return kappa_from_table(contingency(a, b, categories), "brennan_prediger")


def gwet_ac1(a: Sequence[Hashable | None], b: Sequence[Hashable | None],
             categories: Iterable[Hashable] | None = None) -> float:
    """Gwet's (2008) AC1: chance sum_k pi_k (1 - pi_k) / (q - 1) from pooled shares pi_k."""
    return kappa_from_table(contingency(a, b, categories), "gwet")


def chance_agreement(table: Table, model: str) -> float:
    """p_e of the named chance model."""
    p_a, p_b = table.margins
    q = len(table.categories)
    if model == "cohen":
        return float(p_a @ p_b)
    pooled = (p_a + p_b) / 2.0
    if model == "scott":
        return float(pooled @ pooled)
    if model == "brennan_prediger":
        return 1.0 / q if q else math.nan
    if model == "gwet":
        return float(pooled @ (1.0 - pooled)) / (q - 1) if q > 1 else math.nan
    raise ValueError(f"unknown chance model {model!r}")


def kappa_from_table(table: Table, model: str) -> float:
    """(p_o - p_e) / (1 - p_e); nan with no units or when p_e is 1 or undefined."""
    if table.n == 0:
        return math.nan
    p_e = chance_agreement(table, model)
    if math.isnan(p_e) or p_e >= 1.0:
        return math.nan
    return (table.observed - p_e) / (1.0 - p_e)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float | np.floating) and math.isnan(value))
