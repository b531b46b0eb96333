"""Document-level presence alpha: did the coders agree on which documents use a code?

The unit is a document. A coder's value for code c in document d is 1 if they marked at least
one span of c there and 0 if they coded d without using c; a coder who did not code d is
missing (coding alpha handles that). Over all codes the units are the (document, code) pairs.
Nominal alpha with Krippendorff's bootstrap (Hayes & Krippendorff 2007) for the interval and
the risks q(alpha < .667), q(alpha < .800).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from annotator.agreement.alpha import alpha_from_coincidences, coincidences
from annotator.agreement.bootstrap import BootstrapResult, bootstrap_alpha
from annotator.agreement.study import SpanArrays, Study


@dataclass(frozen=True)
class PresenceAlpha:
    """Bootstrapped alpha per category and over all (document, code) pairs."""

    per_category: list[BootstrapResult]
    overall: BootstrapResult | None
    n_documents: int
    n_coders: int


def presence_table(study: Study, spans: SpanArrays) -> np.ndarray:
    """categories x coders x documents: 1 used, 0 coded but not used, nan not coded."""
    n_cat, n_coders, n_docs = len(spans.categories), len(study.coders), len(study.documents)
    used = np.zeros((n_cat, n_coders, n_docs))
    used[spans.category, spans.coder, spans.doc] = 1.0
    return np.where(study.present.T[None, :, :], used, np.nan)


def presence_alpha(study: Study, spans: SpanArrays, n_boot: int, seed: int,
                   overall: bool = True) -> PresenceAlpha:
    """Alpha per category and (with ``overall``) over document x code units, each with
    ``n_boot`` replicates seeded from ``seed`` (the same seed for every figure, so each one
    is reproducible on its own)."""
    table = presence_table(study, spans)[:, :, study.pairable]
    per_category = [_alpha(table[c], n_boot, seed) for c in range(len(spans.categories))]
    total = None
    if overall:
        pooled = table.transpose(1, 2, 0)  # coders x documents x categories
        total = _alpha(pooled.reshape(len(study.coders), pooled.shape[1] * pooled.shape[2]),
                       n_boot, seed)
    return PresenceAlpha(per_category, total, int(study.pairable.sum()),
                         study.coders_in(study.pairable))


def _alpha(data: np.ndarray, n_boot: int, seed: int) -> BootstrapResult:
    """Bootstrapped alpha, or with ``n_boot == 0`` alpha alone (interval nan)."""
    if n_boot > 0:
        return bootstrap_alpha(data, "nominal", n_boot, seed)
    table = coincidences(data)
    nan = float("nan")
    return BootstrapResult(alpha_from_coincidences(table), nan, nan, nan, nan, 0, 0.95,
                           table.n_units, table.n_pairable, np.empty(0))
