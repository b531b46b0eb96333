"""The u-alpha family for unitized continua (Krippendorff, Mathet, Bouvry & Widlöcher 2016).

Every coder's units and the gaps between them partition the continuum into segments, each
carrying a value (a code, or the gap value). The observed coincidence of values c and k is
the total length over which one coder's c-segment intersects another coder's k-segment,
summed over ordered coder pairs and divided by (m - 1), so every position of the continuum
contributes m pairable values exactly as a unit does in coding alpha. Expected coincidences
come from the margins, except that a unit may not be paired with itself: a unit is an
indivisible whole, so the pairs inside one unit (its length squared) are removed, whereas a
gap is divisible and only each position's pairing with itself (its length) is removed.

- ``u_alpha``: values are codes and the gap; reliability of unitizing and coding at once.
- ``binary_u_alpha`` (|uα): every code collapsed into "unit"; reliability of telling units
  from gaps, regardless of code.
- ``cu_alpha``: only intersections of units with units; reliability of the codes where the
  coders' units overlap, whatever the gaps.
- ``per_code[k]`` ((k)uα): units of k against everything else (other codes count as gap);
  reliability of identifying the units of one code.

The computation cuts the pooled continuum at every unit boundary into pieces (constant
values for every coder) and builds each coincidence matrix as one weighted matrix product.
See docs/agreement.md for the interpretation choices made where the paper is silent.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from annotator.agreement.arrays import unique_inverse, unique_sorted
from annotator.agreement.units import Doc, Layout, Unit, layout, merge_overlaps, sum_by


@dataclass(frozen=True)
class UAlphaResult:
    """The four coefficients of the 2016 family; ``nan`` where undefined.

    ``n_units`` counts the units measured (zero-length ones dropped, overlapping ones of one
    coder and code merged); ``n_coders`` the coders of the study.
    """

    u_alpha: float
    binary_u_alpha: float
    cu_alpha: float
    per_code: dict[Hashable, float]
    n_coders: int
    n_units: int
    length: int
    n_documents: int = 1


@dataclass(frozen=True)
class _Pieces:
    """The pooled continuum cut at every boundary: widths and each coder's value id."""

    bounds: np.ndarray  # (P + 1,) int, piece p is [bounds[p], bounds[p + 1])
    width: np.ndarray  # (P,) float
    value: np.ndarray  # (P, R) int, 0 = gap, ids of distinct code sets
    own: np.ndarray  # (P, R) bool, piece starts at one of that coder's boundaries
    n_values: int
    present: np.ndarray  # (P, R) bool, coder's value is pairable there (>= 2 coders)
    pair_weight: np.ndarray  # (P,) width / (m - 1), 0 where fewer than 2 coders


def u_alpha_family(units: Iterable[Unit], begin: int, length: int,
                   coders: Sequence[Hashable] | None = None) -> UAlphaResult:
    """uα, |uα, cuα and (k)uα of one continuum ``[begin, begin + length)``."""
    return u_alpha_family_multi([(units, begin, length)], coders=coders)


def u_alpha_family_multi(docs: Iterable[Doc], coders: Sequence[Hashable] | None = None
                         ) -> UAlphaResult:
    """The family pooled over documents laid end to end (boundaries end every segment).

    A document may name its coders as a fourth item; the others are missing there, as in
    coding alpha: each position pairs the values of the coders present, weighted
    1/(m - 1), and documents with fewer than two coders drop out.
    """
    lay = layout(list(docs), coders)
    n_coders, length = len(lay.coders), lay.total_length
    if n_coders < 2 or length == 0:
        nan = math.nan
        return UAlphaResult(nan, nan, nan, {c: nan for c in lay.categories}, n_coders,
                            lay.n_units, length, len(lay.doc_begin))
    pieces = _cut(lay)
    ell = _coincidences(pieces)
    return UAlphaResult(
        u_alpha=_u_alpha(pieces, ell),
        binary_u_alpha=_binary(lay, pieces),
        cu_alpha=_cu_alpha(pieces, ell),
        per_code=_per_code(lay, pieces),
        n_coders=n_coders, n_units=lay.n_units, length=length,
        n_documents=len(lay.doc_begin),
    )


def coincidence_alpha(ell: np.ndarray, self_pairs: np.ndarray) -> float:
    """Nominal alpha from an observed coincidence matrix of lengths.

    ``self_pairs[v]`` is the mass of value v that may not pair with itself (sum of squared
    unit lengths, or plain length for divisible gaps). Expected coincidences are
    ``(n_c n_k - [c = k] self_pairs[c]) / (n - sum(self_pairs) / n)``, which sum to n like
    the observed ones; alpha = 1 - (off-diagonal observed) / (off-diagonal expected).
    """
    total = float(ell.sum())
    if not total > 0:
        return math.nan
    margin = ell.sum(axis=1)
    scale = total - float(self_pairs.sum()) / total
    if not scale > 0:
        return math.nan
    expected = (np.outer(margin, margin) - np.diag(self_pairs)) / scale
    off_diagonal = ~np.eye(len(ell), dtype=bool)
    d_o = float(ell[off_diagonal].sum())  # exactly 0 when coders agree (total - trace is not)
    d_e = float(expected.sum() - np.trace(expected))
    return 1.0 - d_o / d_e if d_e > 1e-12 * total else math.nan


def _cut(lay: Layout) -> _Pieces:
    """Cut at every unit and document boundary; label each piece with each coder's code set.

    A coder's code set is accumulated as a sum of per-code keys over the pieces its units
    cover (powers of two for up to 64 codes, else random 64-bit keys whose sums identify
    sets with negligible collision risk). Overlapping units of different codes by one
    coder thus form a compound value "c+k" rather than two competing values.
    """
    length, n_coders, n_cat = lay.total_length, len(lay.coders), len(lay.categories)
    bounds = unique_sorted(np.concatenate([lay.start, lay.end, lay.doc_begin, [length]]))
    n_pieces = len(bounds) - 1
    first = np.searchsorted(bounds, lay.start)
    stop = np.searchsorted(bounds, lay.end)
    key = _code_keys(n_cat)[lay.category]
    delta = np.zeros((n_pieces + 1, n_coders), dtype=np.uint64)
    np.add.at(delta, (first, lay.coder), key)
    np.subtract.at(delta, (stop, lay.coder), key)
    sets = np.cumsum(delta, axis=0, dtype=np.uint64)[:n_pieces]
    distinct, ids = unique_inverse(sets)
    if distinct[0] != 0:  # no gap anywhere: keep id 0 reserved for the gap value
        ids, distinct = ids + 1, np.r_[np.uint64(0), distinct]
    own = np.zeros((n_pieces + 1, n_coders), dtype=bool)
    own[first, lay.coder] = True
    own[stop, lay.coder] = True
    own[np.searchsorted(bounds, lay.doc_begin), :] = True
    doc = np.searchsorted(lay.doc_begin, bounds[:-1], side="right") - 1
    present = lay.present[doc] & (lay.present[doc].sum(axis=1) >= 2)[:, None]
    width = np.diff(bounds).astype(np.float64)
    return _Pieces(bounds, width, ids, own[:n_pieces], len(distinct), present,
                   _pair_weight(width, present))


def _pair_weight(width: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Weight of one ordered coder pair on each piece: width / (m - 1) for m coders there."""
    m = present.sum(axis=1)
    return np.where(m >= 2, width / np.maximum(m - 1, 1), 0.0)


def _code_keys(n_cat: int) -> np.ndarray:
    if n_cat <= 64:
        return np.left_shift(np.uint64(1), np.arange(n_cat, dtype=np.uint64))
    return np.random.default_rng(0x5EED).integers(1, 2 ** 63, n_cat, dtype=np.uint64) * 2 + 1


def _coincidences(pieces: _Pieces) -> np.ndarray:
    """Observed coincidence matrix over all values, in units of length.

    Summed pair by pair of coders (one weighted bincount each) over the pieces where both
    coded, rather than through a pieces x values count matrix, which would be large when
    coders combine many codes.
    """
    n_values, n_coders = pieces.n_values, pieces.value.shape[1]
    ell = np.zeros(n_values * n_values)
    for i in range(n_coders):
        for j in range(i + 1, n_coders):
            both = pieces.present[:, i] & pieces.present[:, j]
            flat = pieces.value[both, i] * n_values + pieces.value[both, j]
            ell += np.bincount(flat, pieces.pair_weight[both], minlength=n_values * n_values)
    ell = ell.reshape(n_values, n_values)
    return ell + ell.T


def _segments(pieces: _Pieces, coder: int, mass: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Value, summed ``mass`` and pairability of one coder's segments (runs between its
    boundaries; a segment never crosses a document, so pairability is constant in it)."""
    starts = pieces.own[:, coder]
    seg = np.cumsum(starts) - 1
    return (pieces.value[starts, coder], sum_by(seg, mass, int(starts.sum())),
            pieces.present[starts, coder])


def _u_alpha(pieces: _Pieces, ell: np.ndarray) -> float:
    """uα: a unit segment may not pair with itself (length^2), a gap is divisible (length)."""
    self_pairs = np.zeros(pieces.n_values)
    for coder in range(pieces.value.shape[1]):
        value, length, pairable = _segments(pieces, coder, pieces.width)
        own = np.where(value == 0, length, length ** 2) * pairable
        self_pairs += sum_by(value, own, pieces.n_values)
    return coincidence_alpha(ell, self_pairs)


def _cu_alpha(pieces: _Pieces, ell: np.ndarray) -> float:
    """cuα: the coincidences of unit values with unit values only.

    A segment's pairable mass is the part of its length that meets other coders' units,
    weighted like its row of the coincidence matrix; that mass squared is its self-pairing.
    """
    units = ((pieces.value != 0) & pieces.present).sum(axis=1)
    mass = pieces.pair_weight * np.maximum(units - 1.0, 0.0)
    self_pairs = np.zeros(pieces.n_values)
    for coder in range(pieces.value.shape[1]):
        value, pairable_mass, pairable = _segments(pieces, coder, mass)
        own = np.where(value == 0, 0.0, pairable_mass ** 2) * pairable
        self_pairs += sum_by(value, own, pieces.n_values)
    return coincidence_alpha(ell[1:, 1:], self_pairs[1:])


def _binary_alpha(pieces: _Pieces, n_marked: np.ndarray, unit_lengths: np.ndarray) -> float:
    """Two-valued (unit / gap) uα from how many coders mark each piece.

    ``unit_lengths`` are the lengths of the pairable units (in documents with two or more
    coders); gaps are what remains of the pairable coders' continua.
    """
    n_gap = pieces.present.sum(axis=1) - n_marked
    weight = pieces.pair_weight
    # Elementwise products and sums, not `@`: on small machines a threaded BLAS spends
    # milliseconds starting threads for each of these long vector dot products.
    ell_unit = float((weight * n_marked * (n_marked - 1.0)).sum())
    ell_gap = float((weight * n_gap * (n_gap - 1.0)).sum())
    ell_mixed = float((weight * n_marked * n_gap).sum())
    ell = np.array([[ell_gap, ell_mixed], [ell_mixed, ell_unit]])
    continua = float((pieces.width * pieces.present.sum(axis=1)).sum())
    self_pairs = np.array([continua - float(unit_lengths.sum()),
                           float((unit_lengths * unit_lengths).sum())])
    return coincidence_alpha(ell, self_pairs)


def _pairable_units(lay: Layout) -> np.ndarray:
    """Mask of the units that lie in documents unitized by at least two coders."""
    return (lay.present.sum(axis=1) >= 2)[lay.doc]


def _binary(lay: Layout, pieces: _Pieces) -> float:
    """|uα: any code counts as "unit"; overlapping units of one coder form one unit."""
    keep = _pairable_units(lay)
    _, start, end = merge_overlaps(lay.coder[keep], lay.start[keep], lay.end[keep])
    n_marked = ((pieces.value != 0) & pieces.present).sum(axis=1).astype(np.float64)
    return _binary_alpha(pieces, n_marked, (end - start).astype(np.float64))


def _per_code(lay: Layout, pieces: _Pieces) -> dict[Hashable, float]:
    """(k)uα for each code k: k-units against everything else."""
    n_cat, n_pieces = len(lay.categories), len(pieces.width)
    first = np.searchsorted(pieces.bounds, lay.start)
    stop = np.searchsorted(pieces.bounds, lay.end)
    delta = np.zeros((n_pieces + 1, n_cat), dtype=np.int32)
    np.add.at(delta, (first, lay.category), 1)
    np.subtract.at(delta, (stop, lay.category), 1)
    marked = np.cumsum(delta, axis=0)[:n_pieces].astype(np.float64)
    marked *= pieces.present.any(axis=1)[:, None]
    lengths, keep = lay.lengths, _pairable_units(lay)
    return {
        code: _binary_alpha(pieces, marked[:, k], lengths[keep & (lay.category == k)])
        for k, code in enumerate(lay.categories)
    }
