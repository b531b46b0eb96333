"""Bootstrap confidence intervals for the uα family by resampling documents.

Krippendorff et al. (2016, §6) give the family intervals and the probability q of failing a
target level. Here the study's sampling units, its documents, are resampled: a replicate
draws as many documents as the study has pairable ones (coded by two or more coders), with
replacement, and recomputes every coefficient on the documents drawn, chance model
included (each document counted as often as it was drawn). Coders are fixed; documents
coded by fewer than two coders carry nothing pairable and are not drawn.

The tallies of every document are computed once (:mod:`annotator.agreement.ualpha_tallies`)
and a replicate is a weighted sum of them, so 1,000 replicates cost a few matrix products.
The interval is the percentile interval of the replicates; q(α < .667) and q(α < .800) are
the shares of replicates below those levels. A replicate in which a coefficient is undefined
(e.g. no document with code k was drawn) is left out of that coefficient's interval and
counted in ``n_undefined``. With a single pairable document there is nothing to resample:
no interval.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.agreement.ualpha import (
    Metric,
    UAlphaResult,
    empty_result,
    layout_tallies,
    result_from,
)
from annotator.agreement.ualpha_tallies import FamilyValues, evaluate
from annotator.agreement.units import Doc, Layout, layout

RELIABLE, TENTATIVE = 0.800, 0.667


@dataclass(frozen=True)
class FamilyInterval:
    """Percentile interval of one coefficient and the risks of missing the two levels."""

    low: float
    high: float
    q_below_667: float
    q_below_800: float
    n_boot: int
    n_undefined: int
    level: float


@dataclass(frozen=True)
class FamilyBootstrap:
    """The family with an interval for uα, |uα, cuα and each code's (k)uα and |uα of k.

    An interval is None where the coefficient is undefined, where there are fewer than two
    pairable documents (``reason`` says why), or with ``n_boot`` 0.
    """

    result: UAlphaResult
    u_alpha: FamilyInterval | None
    binary_u_alpha: FamilyInterval | None
    cu_alpha: FamilyInterval | None
    per_code: dict[Hashable, FamilyInterval | None]
    binary_per_code: dict[Hashable, FamilyInterval | None]
    n_boot: int
    seed: int
    n_sampling_units: int
    reason: str = ""


def u_alpha_family_bootstrap(docs: Iterable[Doc], coders: Sequence[Hashable] | None = None,
                             n_boot: int = 1000, seed: int = 0, ci: float = 0.95,
                             metric: Metric | None = None) -> FamilyBootstrap:
    """The family of ``docs`` with document-bootstrap intervals (seeded: reproducible)."""
    return bootstrap_layout(layout(list(docs), coders), n_boot, seed, ci, metric)


def bootstrap_layout(lay: Layout, n_boot: int = 1000, seed: int = 0, ci: float = 0.95,
                     metric: Metric | None = None) -> FamilyBootstrap:
    """:func:`u_alpha_family_bootstrap` of a study already laid out."""
    if n_boot < 0:
        raise ValueError(f"n_boot must be 0 (no interval) or more, got {n_boot}")
    if not 0 < ci < 1:
        raise ValueError(f"ci must lie strictly between 0 and 1, got {ci}")
    tallies = layout_tallies(lay, metric)
    codes = lay.categories
    pairable = np.flatnonzero(lay.present.sum(axis=1) >= 2)
    if tallies is None:
        return _without(empty_result(lay), n_boot, seed, len(pairable), "nothing to pair")
    pooled = result_from(lay, evaluate(tallies, np.ones((1, tallies.n_documents))), 0)
    if len(pairable) < 2 or n_boot == 0:
        reason = ("one document coded by two or more coders: no documents to resample"
                  if len(pairable) < 2 else "no bootstrap replicates asked for")
        return _without(pooled, n_boot, seed, len(pairable), reason)
    weights = resample_weights(tallies.n_documents, pairable, n_boot, seed)
    values = evaluate(tallies, weights)
    return FamilyBootstrap(
        result=pooled,
        u_alpha=_interval(pooled.u_alpha, values.u_alpha, ci),
        binary_u_alpha=_interval(pooled.binary_u_alpha, values.binary_u_alpha, ci),
        cu_alpha=_interval(pooled.cu_alpha, values.cu_alpha, ci),
        per_code=_per_code(pooled.per_code, values, "per_code", codes, ci),
        binary_per_code=_per_code(pooled.binary_per_code, values, "binary_per_code", codes, ci),
        n_boot=n_boot, seed=seed, n_sampling_units=len(pairable),
    )


def resample_weights(n_documents: int, sampling_units: np.ndarray, n_boot: int,
                     seed: int) -> np.ndarray:
    """Replicates x documents: how often each sampling unit was drawn (others 0). Each
    replicate draws len(sampling_units) of them uniformly with replacement."""
    rng = np.random.default_rng(seed)
    n = len(sampling_units)
    draws = rng.integers(0, n, size=(n_boot, n)) + (np.arange(n_boot) * n)[:, None]
    counts = np.bincount(draws.ravel(), minlength=n_boot * n).reshape(n_boot, n)
    weights = np.zeros((n_boot, n_documents))
    weights[:, sampling_units] = counts
    return weights


def _interval(value: float, samples: np.ndarray, ci: float) -> FamilyInterval | None:
    defined = samples[~np.isnan(samples)]
    if np.isnan(value) or len(defined) == 0:
        return None
    low, high = np.quantile(defined, [(1 - ci) / 2, (1 + ci) / 2])
    return FamilyInterval(float(low), float(high), float(np.mean(defined < TENTATIVE)),
                          float(np.mean(defined < RELIABLE)), len(samples),
                          len(samples) - len(defined), ci)


def _per_code(pooled: dict[Hashable, float], values: FamilyValues, field: str,
              codes: tuple[Hashable, ...], ci: float) -> dict[Hashable, FamilyInterval | None]:
    samples = getattr(values, field)
    return {code: _interval(pooled[code], samples[:, k], ci) for k, code in enumerate(codes)}


def _without(result: UAlphaResult, n_boot: int, seed: int, n_units: int,
             reason: str) -> FamilyBootstrap:
    none = dict.fromkeys(result.per_code)
    return FamilyBootstrap(result, None, None, None, dict(none), dict(none), n_boot, seed,
                           n_units, reason)
