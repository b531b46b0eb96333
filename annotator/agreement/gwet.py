"""Gwet's AC1 and AC2 for any number of raters and missing ratings (Gwet 2008; 2014).

With q categories, agreement weights w (identity for AC1) summing to T_w, and the
classification shares pi_k of :mod:`annotator.agreement.multirater`:

    pe = T_w / (q (q - 1)) * sum_k pi_k (1 - pi_k),     AC = (pa - pe) / (1 - pe)

and a unit's share of chance agreement pe_i = T_w / (q (q - 1)) * sum_k r_ik (1 - pi_k) / r_i,
whose mean is pe; the standard error is Gwet's variance conditional on the raters. With
identity weights T_w = q and pe reduces to AC1's sum_k pi_k (1 - pi_k) / (q - 1). Undefined
(nan) with one category, or no unit rated twice.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from annotator.agreement.estimate import Estimate, undefined
from annotator.agreement.multirater import RatingCounts, chance_corrected, rating_counts
from annotator.agreement.weights import Weights, is_identity, resolve_weights

SOURCE_AC1 = ("Gwet (2008), AC1 for multiple raters and its variance conditional on the "
              "raters; Gwet (2014) for missing ratings")
SOURCE_AC2 = ("Gwet (2014), AC2 with the weights of ch. 3; variance conditional on the raters "
              "as in Gwet (2008)")


def gwet_ac(ratings: Sequence[Sequence[Hashable | None]], weights: Weights = "identity",
            categories: Iterable[Hashable] | None = None) -> Estimate:
    """AC1 (identity weights) or AC2 of raw ratings, ``ratings[rater][unit]``, with its SE."""
    return gwet_ac_of(rating_counts(ratings, categories), weights)


def gwet_ac_of(data: RatingCounts, weights: Weights = "identity") -> Estimate:
    """AC1/AC2 of counted ratings (units x categories)."""
    matrix, label = resolve_weights(weights, data.categories)
    unweighted = is_identity(matrix)
    name = "Gwet's AC1" if unweighted else "Gwet's AC2"
    source = SOURCE_AC1 if unweighted else SOURCE_AC2
    q = len(data.categories)
    if q < 2 or len(data.counts) == 0:
        return undefined(name, len(data.counts), data.n_raters, label, source)
    scale = float(matrix.sum()) / (q * (q - 1))
    shares = data.shares
    pe = scale * float(shares @ (1.0 - shares))
    pe_unit = scale * (data.counts @ (1.0 - shares)) / data.per_unit
    return chance_corrected(data, matrix, pe, pe_unit, name, label, source)

