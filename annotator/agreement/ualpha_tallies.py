"""The uα family as sums of per-document tallies, evaluated for any weighting of documents.

Every coincidence and self-pairing term of Krippendorff et al. (2016) is a sum over positions,
hence a sum over documents. :class:`FamilyTallies` keeps each document's share (computed once by
:mod:`annotator.agreement.ualpha`) and :func:`evaluate` turns weighted sums of them into the
coefficients: with weight 1 for every document that is the pooled family itself; with the
number of times each document was drawn it is one bootstrap replicate
(:mod:`annotator.agreement.ualpha_bootstrap`). Both go through the same arithmetic, so an
interval is always about exactly the figure it is reported with.

Values are ids: 0 the gap, 1.. the code sets a coder gave a stretch (a single code, or a
compound "c+k" where one coder's units of several codes overlap).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TINY = 1e-12
"""Expected disagreement below TINY times the pairable mass counts as none (undefined)."""


@dataclass(frozen=True)
class FamilyTallies:
    """Per-document sums (first axis: documents) of everything the family is made of.

    Full matrix (uα): ``margins`` ℓ_v. per value and ``mismatch`` Σ_{c≠k} ℓ_ck. Unit-unit
    matrix (cuα, (k)uα): ``cu_margins`` ℓ*_v., ``cu_mismatch`` Σ ℓ*_ck δ_ck and
    ``cu_row_mismatch`` Σ_c ℓ*_kc δ_kc per value k. ``self_u`` and ``self_cu``: the masses per
    value that may not pair with themselves in uα and cuα. ``binary`` the unit/gap tallies
    of |uα and ``binary_per_code`` those of each code against all else, both as (gap-gap,
    gap-unit, unit-unit, gap self, unit self). ``delta``: δ² between values for cuα and
    (k)uα, None for the nominal metric.
    Every figure is a function of these sums, so no coincidence matrix is kept.
    """

    margins: np.ndarray  # (D, V)
    mismatch: np.ndarray  # (D,)
    cu_margins: np.ndarray  # (D, V)
    cu_mismatch: np.ndarray  # (D,)
    cu_row_mismatch: np.ndarray  # (D, V)
    self_u: np.ndarray  # (D, V)
    self_cu: np.ndarray  # (D, V)
    binary: np.ndarray  # (D, 5)
    binary_per_code: np.ndarray  # (D, K, 5)
    code_value: np.ndarray  # (K,) value id of code k alone, -1 if never used alone
    delta: np.ndarray | None  # (V, V); None: nominal

    @property
    def n_documents(self) -> int:
        return int(self.margins.shape[0])


@dataclass(frozen=True)
class FamilyValues:
    """The coefficients for each row of weights (first axis), ``nan`` where undefined."""

    u_alpha: np.ndarray  # (B,)
    binary_u_alpha: np.ndarray  # (B,)
    cu_alpha: np.ndarray  # (B,)
    cu_coverage: np.ndarray  # (B,)
    per_code: np.ndarray  # (B, K)
    coverage: np.ndarray  # (B, K)
    binary_per_code: np.ndarray  # (B, K)


def evaluate(tallies: FamilyTallies, weights: np.ndarray) -> FamilyValues:
    """The family for each row of ``weights`` (B x D): document d counted weights[b, d] times.

    Each coefficient is a function of weighted sums of per-document tallies, so B
    replicates cost a few (B x D) @ (D x V) products, whatever the number of cells.
    """
    weights = np.asarray(weights, dtype=np.float64)
    summed = _weighted_sums(tallies, weights)
    margins, total = summed["margins"], summed["margins"].sum(axis=1)
    u_alpha = _nominal(total, summed["mismatch"], margins, summed["self_u"])
    cu_margins, self_cu = summed["cu_margins"], summed["self_cu"]
    cu_total = cu_margins.sum(axis=1)
    scale = _scale(cu_total, self_cu.sum(axis=1))
    cu_alpha = _metric(cu_total, summed["cu_mismatch"], cu_margins, tallies.delta, scale)
    per_value = _per_value(summed["cu_row_mismatch"], cu_margins, self_cu, tallies.delta,
                           scale)
    per_code_tally = summed["binary_per_code"].reshape(len(weights), -1, 5)
    return FamilyValues(
        u_alpha=u_alpha,
        binary_u_alpha=two_by_two(summed["binary"]),
        cu_alpha=cu_alpha,
        cu_coverage=_ratio(cu_total, total),
        per_code=_pick(per_value, tallies.code_value),
        coverage=_pick(_ratio(cu_margins, margins), tallies.code_value),
        binary_per_code=two_by_two(per_code_tally),
    )


SUMMED = ("margins", "mismatch", "cu_margins", "cu_mismatch", "cu_row_mismatch", "self_u",
          "self_cu", "binary", "binary_per_code")


def _weighted_sums(tallies: FamilyTallies, weights: np.ndarray) -> dict[str, np.ndarray]:
    """Every per-document tally summed with ``weights``, in one matrix product."""
    n_docs = tallies.n_documents
    parts = [getattr(tallies, name).reshape(n_docs, -1) for name in SUMMED]
    summed = weights @ np.concatenate(parts, axis=1)
    bounds = np.cumsum([0] + [part.shape[1] for part in parts])
    out = {name: summed[:, bounds[i]:bounds[i + 1]] for i, name in enumerate(SUMMED)}
    for name in ("mismatch", "cu_mismatch"):
        out[name] = out[name][:, 0]
    return out


def _scale(total: np.ndarray, self_total: np.ndarray) -> np.ndarray:
    """Denominator of expected coincidences, ℓ.. − Σ S / ℓ.. (nan where nothing pairs)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(total > 0, total - self_total / np.where(total > 0, total, 1.0), np.nan)
    return np.where(scale > 0, scale, np.nan)


def _nominal(total: np.ndarray, mismatch: np.ndarray, margins: np.ndarray,
             self_pairs: np.ndarray) -> np.ndarray:
    """1 − Σ_{c≠k} ℓ_ck / Σ_{c≠k} ε_ck with ε_ck = (ℓ_c. ℓ_k. − [c = k] S_c) / scale."""
    scale = _scale(total, self_pairs.sum(axis=1))
    d_e = (total * total - (margins * margins).sum(axis=1)) / scale
    return _one_minus(mismatch, d_e, total)


def _times_delta(margins: np.ndarray, delta: np.ndarray | None) -> np.ndarray:
    """Σ_c ℓ_c. δ_ck for every k (nominal: everything but k's own margin)."""
    if delta is None:
        return margins.sum(axis=1, keepdims=True) - margins
    return margins @ delta


def _metric(total: np.ndarray, mismatch: np.ndarray, margins: np.ndarray,
            delta: np.ndarray | None, scale: np.ndarray) -> np.ndarray:
    """1 − Σ ℓ_ck δ_ck / Σ ε_ck δ_ck; δ_cc = 0, so the self-pairing terms drop out of ε."""
    d_e = (_times_delta(margins, delta) * margins).sum(axis=1) / scale
    return _one_minus(mismatch, d_e, total)


def _per_value(row_mismatch: np.ndarray, margins: np.ndarray, self_pairs: np.ndarray,
               delta: np.ndarray | None, scale: np.ndarray) -> np.ndarray:
    """(k)uα of every value k, eq. 13a: 1 − (ε_k. / ℓ_k.) Σ_c ℓ_kc δ_kc / Σ_c ε_kc δ_kc
    (nominal δ: eq. 13b, 1 − (ε_k./ℓ_k.)(ℓ_k. − ℓ_kk)/(ε_k. − ε_kk))."""
    total = margins.sum(axis=1, keepdims=True)
    scale = scale[:, None]
    eps_row = (margins * total - self_pairs) / scale
    d_e = margins * _times_delta(margins, delta) / scale
    with np.errstate(invalid="ignore", divide="ignore"):
        value = 1.0 - (eps_row / margins) * row_mismatch / d_e
    defined = (margins > 0) & (d_e > TINY * total) & np.isfinite(scale)
    return np.where(defined, value, np.nan)


def two_by_two(tally: np.ndarray) -> np.ndarray:
    """Binary (unit/gap) alpha from (gap-gap, gap-unit, unit-unit, gap self, unit self) sums
    in the last axis; ``gap-unit`` is one off-diagonal cell (the matrix is symmetric)."""
    gap_gap, mixed, unit_unit, self_gap, self_unit = np.moveaxis(tally, -1, 0)
    total = gap_gap + 2 * mixed + unit_unit
    scale = _scale(total, self_gap + self_unit)
    n_gap, n_unit = gap_gap + mixed, mixed + unit_unit
    d_e = (total * total - n_gap * n_gap - n_unit * n_unit) / scale
    return _one_minus(2 * mixed, d_e, total)


def _one_minus(d_o: np.ndarray, d_e: np.ndarray, total: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        value = 1.0 - d_o / d_e
    return np.where((d_e > TINY * total) & np.isfinite(d_e), value, np.nan)


def _ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(whole > 0, part / np.where(whole > 0, whole, 1.0), np.nan)


def _pick(per_value: np.ndarray, code_value: np.ndarray) -> np.ndarray:
    """Columns of the codes' own values; nan for a code never used alone."""
    picked = per_value[:, np.maximum(code_value, 0)]
    return np.where(code_value >= 0, picked, np.nan)
