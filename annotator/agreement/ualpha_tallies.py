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
from functools import cached_property

import numpy as np
from scipy import sparse

Tally = np.ndarray | sparse.csr_matrix
"""A documents x values tally: sparse as :mod:`annotator.agreement.ualpha` builds them."""

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

    margins: Tally  # (D, V), sparse
    mismatch: np.ndarray  # (D,)
    cu_margins: Tally  # (D, V), sparse
    cu_mismatch: np.ndarray  # (D,)
    cu_row_mismatch: Tally  # (D, V), sparse
    self_u: Tally  # (D, V), sparse
    self_cu: Tally  # (D, V), sparse
    binary: np.ndarray  # (D, 5)
    binary_per_code: np.ndarray  # (D, K, 5)
    code_value: np.ndarray  # (K,) value id of code k alone, -1 if never used alone
    delta: np.ndarray | None  # (V, V); None: nominal

    @property
    def n_documents(self) -> int:
        return int(self.margins.shape[0])

    @cached_property
    def reduced(self) -> _Reduced:
        return _reduced(self)


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

    Each coefficient is a function of weighted sums of per-document tallies. Most are linear
    in the weights; the expected disagreements need Σ_v (Σ_d w_d ℓ_dv)², which is the
    quadratic form w G w of the documents' Gram matrix G = L Lᵀ (D x D). So B replicates cost
    a (B x D) product with a few columns per code and two D x D forms, whatever the number
    of values V (dense spans make tens of thousands of compound values, and a B x V matrix
    per tally would take gigabytes).
    """
    weights = np.asarray(weights, dtype=np.float64)
    reduced = tallies.reduced
    linear = weights @ reduced.linear
    column = dict(zip(LINEAR, np.split(linear, reduced.bounds[1:-1], axis=1), strict=True))
    total, mismatch = column["total"][:, 0], column["mismatch"][:, 0]
    u_scale = _scale(total, column["self_u"][:, 0])
    u_alpha = _one_minus(mismatch, (total * total - _quadratic(weights, reduced.gram)) / u_scale,
                         total)
    cu_total = column["cu_total"][:, 0]
    scale = _scale(cu_total, column["self_cu"][:, 0])
    cu_expected = _quadratic(weights, reduced.cu_gram)
    if tallies.delta is None:  # Σ_k (ℓ.. − ℓ_k.) ℓ_k.
        cu_expected = cu_total * cu_total - cu_expected
    cu_alpha = _one_minus(column["cu_mismatch"][:, 0], cu_expected / scale, cu_total)
    picked = column["cu_margins"]
    times_delta = (cu_total[:, None] - picked if tallies.delta is None
                   else column["times_delta"])
    per_value = _per_value(column["cu_row_mismatch"], picked, column["self_cu_k"],
                           times_delta, cu_total, scale)
    per_code_tally = column["binary_per_code"].reshape(len(weights), -1, 5)
    return FamilyValues(
        u_alpha=u_alpha,
        binary_u_alpha=two_by_two(column["binary"]),
        cu_alpha=cu_alpha,
        cu_coverage=_ratio(cu_total, total),
        per_code=_unused_nan(per_value, tallies.code_value),
        coverage=_unused_nan(_ratio(picked, column["margins"]), tallies.code_value),
        binary_per_code=two_by_two(per_code_tally),
    )


LINEAR = ("total", "mismatch", "self_u", "cu_total", "cu_mismatch", "self_cu", "binary",
          "binary_per_code", "margins", "cu_margins", "cu_row_mismatch", "self_cu_k",
          "times_delta")
"""Per-document columns summed linearly with the weights: totals over values, and the
values of the codes alone (``code_value``) where a per-code figure needs them."""


@dataclass(frozen=True)
class _Reduced:
    linear: np.ndarray  # (D, F): the columns of LINEAR side by side
    bounds: np.ndarray  # where each of LINEAR starts in ``linear`` (and the end)
    gram: np.ndarray  # (D, D): L Lᵀ of the full matrix's margins
    cu_gram: np.ndarray  # (D, D): L* Lᵀ* (nominal) or L* δ L*ᵀ


def _reduced(tallies: FamilyTallies) -> _Reduced:
    """The tallies reduced to what :func:`evaluate` sums (FamilyTallies.reduced keeps it:
    the pooled figure and its bootstrap evaluate the same tallies)."""
    n_docs = tallies.n_documents
    index = np.maximum(tallies.code_value, 0)
    margins, cu_margins = _csr(tallies.margins), _csr(tallies.cu_margins)
    cu_weighted = cu_margins if tallies.delta is None else cu_margins @ tallies.delta
    parts = {
        "total": margins.sum(axis=1), "mismatch": tallies.mismatch,
        "self_u": _csr(tallies.self_u).sum(axis=1), "cu_total": cu_margins.sum(axis=1),
        "cu_mismatch": tallies.cu_mismatch, "self_cu": _csr(tallies.self_cu).sum(axis=1),
        "binary": tallies.binary, "binary_per_code": tallies.binary_per_code,
        "margins": _dense(margins[:, index]), "cu_margins": _dense(cu_margins[:, index]),
        "cu_row_mismatch": _dense(_csr(tallies.cu_row_mismatch)[:, index]),
        "self_cu_k": _dense(_csr(tallies.self_cu)[:, index]),
        "times_delta": (np.zeros((n_docs, 0)) if tallies.delta is None
                        else _dense(cu_weighted[:, index])),
    }
    columns = [np.asarray(parts[name], dtype=np.float64).reshape(n_docs, -1) for name in LINEAR]
    return _Reduced(np.concatenate(columns, axis=1),
                    np.cumsum([0] + [c.shape[1] for c in columns]),
                    _gram(margins, margins), _gram(cu_weighted, cu_margins))


def _gram(left: Tally, right: Tally) -> np.ndarray:
    """left @ rightᵀ (D x D). A document holds a few of the V values, so the rows are sparse:
    multiplying them as such costs their non-zeros, not D² V."""
    return _dense(_csr(left) @ _csr(right).T)


def _csr(tally: Tally) -> sparse.csr_matrix:
    return tally if sparse.issparse(tally) else sparse.csr_matrix(tally)


def _dense(matrix: Tally) -> np.ndarray:
    return np.asarray(matrix.todense() if sparse.issparse(matrix) else matrix, dtype=np.float64)


def _quadratic(weights: np.ndarray, gram: np.ndarray) -> np.ndarray:
    """w G wᵀ for each row w of ``weights``."""
    return np.einsum("bd,bd->b", weights @ gram, weights)


def _scale(total: np.ndarray, self_total: np.ndarray) -> np.ndarray:
    """Denominator of expected coincidences, ℓ.. − Σ S / ℓ.. (nan where nothing pairs)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(total > 0, total - self_total / np.where(total > 0, total, 1.0), np.nan)
    return np.where(scale > 0, scale, np.nan)


def _per_value(row_mismatch: np.ndarray, margins: np.ndarray, self_pairs: np.ndarray,
               times_delta: np.ndarray, total: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """(k)uα of the given values k, eq. 13a: 1 − (ε_k. / ℓ_k.) Σ_c ℓ_kc δ_kc / Σ_c ε_kc δ_kc
    (nominal δ: eq. 13b, 1 − (ε_k./ℓ_k.)(ℓ_k. − ℓ_kk)/(ε_k. − ε_kk)). ``times_delta``:
    Σ_c ℓ_c. δ_ck of each of them."""
    total, scale = total[:, None], scale[:, None]
    eps_row = (margins * total - self_pairs) / scale
    d_e = margins * times_delta / scale
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


def _unused_nan(picked: np.ndarray, code_value: np.ndarray) -> np.ndarray:
    """The codes' columns, nan for a code never used alone."""
    return np.where(code_value >= 0, picked, np.nan)
