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
    """Per-document sums (first axis: documents) of the family's coincidences.

    ``ell[:, j]`` is the observed coincidence of cell ``cells[j]`` (``row * n_values + col``);
    ``self_u`` and ``self_cu`` the masses per value that may not pair with themselves in uα
    and cuα; ``binary`` the unit/gap tallies of |uα and ``binary_per_code`` those of each
    code against all else, both as (gap-gap, gap-unit, unit-unit, gap self, unit self);
    ``delta`` the squared difference between values used by cuα and (k)uα.
    """

    n_values: int
    cells: np.ndarray  # (C,)
    ell: np.ndarray  # (D, C)
    self_u: np.ndarray  # (D, V)
    self_cu: np.ndarray  # (D, V)
    binary: np.ndarray  # (D, 5)
    binary_per_code: np.ndarray  # (D, K, 5)
    code_value: np.ndarray  # (K,) value id of code k alone, -1 if never used alone
    delta: np.ndarray  # (V, V)

    @property
    def n_documents(self) -> int:
        return int(self.ell.shape[0])


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
    """The family for each row of ``weights`` (B x D): document d counted weights[b, d] times."""
    weights = np.asarray(weights, dtype=np.float64)
    n_values = tallies.n_values
    ell = weights @ tallies.ell
    rows, cols = np.divmod(tallies.cells, n_values)
    row_of = np.zeros((len(rows), n_values))
    row_of[np.arange(len(rows)), rows] = 1.0
    margins = ell @ row_of
    u_alpha = _nominal(ell, rows != cols, margins, weights @ tallies.self_u)
    units = (rows > 0) & (cols > 0)
    cu, cu_margins = ell[:, units], ell[:, units] @ row_of[units]
    scale = _scale(cu.sum(axis=1), (weights @ tallies.self_cu).sum(axis=1))
    cu_cell_delta = tallies.delta[rows[units], cols[units]]
    cu_alpha = _metric(cu, cu_cell_delta, cu_margins, tallies.delta, scale)
    per_value = _per_value(cu * cu_cell_delta, row_of[units], cu_margins,
                           weights @ tallies.self_cu, tallies.delta, scale)
    coverage = _ratio(cu_margins, margins)
    binary = weights @ tallies.binary
    n_codes = len(tallies.code_value)
    per_code_tally = (weights @ tallies.binary_per_code.reshape(tallies.n_documents, -1)
                      ).reshape(len(weights), n_codes, 5)
    return FamilyValues(
        u_alpha=u_alpha,
        binary_u_alpha=two_by_two(binary),
        cu_alpha=cu_alpha,
        cu_coverage=_ratio(cu.sum(axis=1), ell.sum(axis=1)),
        per_code=_pick(per_value, tallies.code_value),
        coverage=_pick(coverage, tallies.code_value),
        binary_per_code=two_by_two(per_code_tally),
    )


def _scale(total: np.ndarray, self_total: np.ndarray) -> np.ndarray:
    """Denominator of expected coincidences, ℓ.. − Σ S / ℓ.. (nan where nothing pairs)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(total > 0, total - self_total / np.where(total > 0, total, 1.0), np.nan)
    return np.where(scale > 0, scale, np.nan)


def _nominal(ell: np.ndarray, off_diagonal: np.ndarray, margins: np.ndarray,
             self_pairs: np.ndarray) -> np.ndarray:
    """1 − Σ_{c≠k} ℓ_ck / Σ_{c≠k} ε_ck with ε_ck = (ℓ_c. ℓ_k. − [c = k] S_c) / scale."""
    total = ell.sum(axis=1)
    scale = _scale(total, self_pairs.sum(axis=1))
    d_o = ell[:, off_diagonal].sum(axis=1)
    d_e = (total * total - (margins * margins).sum(axis=1)) / scale
    return _one_minus(d_o, d_e, total)


def _metric(ell: np.ndarray, cell_delta: np.ndarray, margins: np.ndarray, delta: np.ndarray,
            scale: np.ndarray) -> np.ndarray:
    """1 − Σ ℓ_ck δ_ck / Σ ε_ck δ_ck; δ_cc = 0, so the self-pairing terms drop out of ε."""
    d_o = ell @ cell_delta
    d_e = np.einsum("bi,ij,bj->b", margins, delta, margins) / scale
    return _one_minus(d_o, d_e, ell.sum(axis=1))


def _per_value(weighted: np.ndarray, row_of: np.ndarray, margins: np.ndarray,
               self_pairs: np.ndarray, delta: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """(k)uα of every value k, eq. 13a: 1 − (ε_k. / ℓ_k.) Σ_c ℓ_kc δ_kc / Σ_c ε_kc δ_kc
    (nominal δ: eq. 13b, 1 − (ε_k./ℓ_k.)(ℓ_k. − ℓ_kk)/(ε_k. − ε_kk))."""
    total = margins.sum(axis=1, keepdims=True)
    scale = scale[:, None]
    eps_row = (margins * total - self_pairs) / scale
    d_o = weighted @ row_of
    d_e = margins * (margins @ delta) / scale
    with np.errstate(invalid="ignore", divide="ignore"):
        value = 1.0 - (eps_row / margins) * d_o / d_e
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
