"""The u-alpha family for unitized continua (Krippendorff, Mathet, Bouvry & Widlöcher 2016).

Every coder's units and the gaps between them partition the continuum into segments, each
carrying a value (a code, or the gap value). The observed coincidence of values c and k is
the total length over which one coder's c-segment intersects another coder's k-segment,
summed over ordered coder pairs and divided by (m - 1), so every position of the continuum
contributes m pairable values exactly as a unit does in coding alpha (2016: eq. 1; 2019:
eq. 32). Expected coincidences come from the margins, except that a unit may not be paired
with itself: a unit is an indivisible whole, so the pairs inside one unit (its length
squared) are removed, whereas a gap is divisible and only each position's pairing with
itself (its length) is removed (2016: eq. 4; 2019: eq. 33).

- ``u_alpha``: values are codes and the gap; unitizing and coding at once (2016: eq. 5).
- ``binary_u_alpha`` (|uα): every code collapsed into "unit" (2016: eq. 6).
- ``cu_alpha``: only intersections of units with units (2016: eqs. 10-11), with
  ``cu_coverage``, the share of the pairable continuum lying in such intersections.
- ``per_code[k]`` ((k)uα): the reliability of value k inside the cuα coincidence matrices
  (2016: eq. 13; 2019: eq. 38), with ``coverage[k]``, the share of the length coded k that
  lies in intersections with other coders' units.
- ``binary_per_code[k]`` ("|uα of k"): units of k against everything else (other codes
  count as gap); the reliability of identifying k's units. Not a coefficient of the paper.

The computation cuts the pooled continuum at every unit boundary into pieces (constant
values for every coder) and tallies each document's coincidences once
(:mod:`annotator.agreement.ualpha_tallies`); the pooled family is the sum over documents.
See docs/agreement.md for the interpretation choices made where the paper is silent.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from annotator.agreement.arrays import unique_inverse, unique_sorted
from annotator.agreement.ualpha_tallies import FamilyTallies, FamilyValues, evaluate
from annotator.agreement.units import Doc, Layout, Unit, layout, merge_overlaps

Metric = Callable[[Hashable, Hashable], float]
"""Squared difference δ²(c, k) between two codes (0 when c = k), for cuα and (k)uα."""


@dataclass(frozen=True)
class UAlphaResult:
    """The family of 2016 with coverages and the binary per-code measure; ``nan`` where
    undefined.

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
    coverage: dict[Hashable, float] = field(default_factory=dict)
    cu_coverage: float = math.nan
    binary_per_code: dict[Hashable, float] = field(default_factory=dict)


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
    doc: np.ndarray  # (P,) document of each piece
    sets: np.ndarray  # (V,) uint64 key of each value's code set, 0 for the gap


def u_alpha_family(units: Iterable[Unit], begin: int, length: int,
                   coders: Sequence[Hashable] | None = None,
                   metric: Metric | None = None) -> UAlphaResult:
    """uα, |uα, cuα and (k)uα of one continuum ``[begin, begin + length)``."""
    return u_alpha_family_multi([(units, begin, length)], coders=coders, metric=metric)


def u_alpha_family_multi(docs: Iterable[Doc], coders: Sequence[Hashable] | None = None,
                         metric: Metric | None = None) -> UAlphaResult:
    """The family pooled over documents laid end to end (boundaries end every segment).

    A document may name its coders as a fourth item; the others are missing there, as in
    coding alpha: each position pairs the values of the coders present, weighted
    1/(m - 1), and documents with fewer than two coders drop out. ``metric`` (nominal by
    default) gives the difference between codes for cuα and (k)uα (2016: eqs. 11, 13a).
    """
    lay, tallies = family_tallies(docs, coders, metric)
    if tallies is None:
        return empty_result(lay)
    return result_from(lay, evaluate(tallies, np.ones((1, tallies.n_documents))), 0)


def family_tallies(docs: Iterable[Doc], coders: Sequence[Hashable] | None = None,
                   metric: Metric | None = None) -> tuple[Layout, FamilyTallies | None]:
    """The layout and each document's tallies (None when nothing can pair at all)."""
    lay = layout(list(docs), coders)
    return lay, layout_tallies(lay, metric)


def layout_tallies(lay: Layout, metric: Metric | None = None) -> FamilyTallies | None:
    """Each document's tallies of a laid-out study (None when nothing can pair at all)."""
    if len(lay.coders) < 2 or lay.total_length == 0:
        return None
    pieces = _cut(lay)
    n_docs = len(lay.doc_begin)
    delta = _delta(pieces, lay.categories, metric)
    return FamilyTallies(
        **_coincidences(pieces, n_docs, delta),
        self_u=_self_pairs(pieces, n_docs, pieces.width, squared_gaps=False),
        self_cu=_self_pairs(pieces, n_docs, _unit_mass(pieces), squared_gaps=None),
        binary=_binary(lay, pieces, n_docs),
        binary_per_code=_binary_per_code(lay, pieces, n_docs),
        code_value=_code_values(pieces, len(lay.categories)),
        delta=delta,
    )


def restrict(lay: Layout, categories: Sequence[Hashable]) -> Layout:
    """The same study with only the units of ``categories`` (the others left out, not turned
    into gaps of anything): the family inside a set of codes, without laying it out again."""
    keep_codes = [c for c in lay.categories if c in set(categories)]
    index = {c: i for i, c in enumerate(lay.categories)}
    new_index = np.full(max(len(lay.categories), 1), -1)
    new_index[[index[c] for c in keep_codes]] = np.arange(len(keep_codes))
    keep = new_index[lay.category] >= 0 if lay.n_units else np.zeros(0, dtype=bool)
    return Layout(lay.coders, tuple(keep_codes), lay.coder[keep],
                  new_index[lay.category[keep]], lay.start[keep], lay.end[keep], lay.doc[keep],
                  lay.doc_begin, lay.doc_end, lay.present)


def empty_result(lay: Layout) -> UAlphaResult:
    """Every figure undefined: fewer than two coders, or an empty continuum."""
    nan = math.nan
    codes = {c: nan for c in lay.categories}
    return UAlphaResult(nan, nan, nan, dict(codes), len(lay.coders), lay.n_units,
                        lay.total_length, len(lay.doc_begin), dict(codes), nan, dict(codes))


def result_from(lay: Layout, values: FamilyValues, row: int) -> UAlphaResult:
    """One row of evaluated values as a result."""
    codes = lay.categories
    return UAlphaResult(
        u_alpha=float(values.u_alpha[row]), binary_u_alpha=float(values.binary_u_alpha[row]),
        cu_alpha=float(values.cu_alpha[row]),
        per_code={c: float(values.per_code[row, k]) for k, c in enumerate(codes)},
        n_coders=len(lay.coders), n_units=lay.n_units, length=lay.total_length,
        n_documents=len(lay.doc_begin),
        coverage={c: float(values.coverage[row, k]) for k, c in enumerate(codes)},
        cu_coverage=float(values.cu_coverage[row]),
        binary_per_code={c: float(values.binary_per_code[row, k]) for k, c in enumerate(codes)},
    )


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
                   _pair_weight(width, present), doc, distinct)


def _pair_weight(width: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Weight of one ordered coder pair on each piece: width / (m - 1) for m coders there."""
    m = present.sum(axis=1)
    return np.where(m >= 2, width / np.maximum(m - 1, 1), 0.0)


def _code_keys(n_cat: int) -> np.ndarray:
    if n_cat <= 64:
        return np.left_shift(np.uint64(1), np.arange(n_cat, dtype=np.uint64))
    return np.random.default_rng(0x5EED).integers(1, 2 ** 63, n_cat, dtype=np.uint64) * 2 + 1


def _code_values(pieces: _Pieces, n_cat: int) -> np.ndarray:
    """Value id of each code used alone (a singleton code set), -1 if it never is."""
    keys = _code_keys(n_cat)
    where = np.minimum(np.searchsorted(pieces.sets, keys), len(pieces.sets) - 1)
    return np.where(pieces.sets[where] == keys, where, -1)


def _coincidences(pieces: _Pieces, n_docs: int, delta: np.ndarray | None
                  ) -> dict[str, np.ndarray | sparse.csr_matrix]:
    """Per-document sums of the observed coincidences that the family needs.

    Tallied pair by pair of coders (weighted bincounts) over the pieces where both coded:
    the margins and mismatches of the full matrix and of its unit-unit part, so a document
    costs a few rows of V numbers however many cells the coders' code sets fill.
    """
    n_values, n_coders = pieces.n_values, pieces.value.shape[1]
    out = {"mismatch": np.zeros(n_docs), "cu_mismatch": np.zeros(n_docs)}
    parts: dict[str, list[np.ndarray]] = {"cells": [], "margins": [], "cu_margins": [],
                                          "cu_row_mismatch": []}
    for i in range(n_coders):
        for j in range(i + 1, n_coders):
            both = pieces.present[:, i] & pieces.present[:, j]
            vi, vj = pieces.value[both, i], pieces.value[both, j]
            doc, weight = pieces.doc[both], pieces.pair_weight[both]
            parts["cells"].append(np.concatenate([doc * n_values + vi, doc * n_values + vj]))
            twice = np.concatenate([weight, weight])
            parts["margins"].append(twice)
            out["mismatch"] += np.bincount(doc, 2.0 * weight * (vi != vj), minlength=n_docs)
            units = np.concatenate([(vi > 0) & (vj > 0)] * 2)
            parts["cu_margins"].append(twice * units)
            differ = (vi != vj) if delta is None else delta[vi, vj]
            mismatch = twice * units * np.concatenate([differ, differ])
            out["cu_mismatch"] += np.bincount(np.concatenate([doc, doc]), mismatch,
                                              minlength=n_docs)
            parts["cu_row_mismatch"].append(mismatch)
    cells = np.concatenate(parts.pop("cells"))  # two coders or more: one pair at least
    for key, pieces_of in parts.items():
        out[key] = per_document(cells, np.concatenate(pieces_of), n_docs, n_values)
    return out


def per_document(cells: np.ndarray, weights: np.ndarray, n_docs: int,
                 n_values: int) -> sparse.csr_matrix:
    """Σ weights per (document, value) cell (``cells`` = document × n_values + value), as a
    sparse D × V matrix: a document holds few of the values (compound code sets of dense
    spans run to tens of thousands), so a dense one would grow with D × V."""
    doc, value = np.divmod(cells.astype(np.int64), n_values)
    return sparse.csr_matrix((weights, (doc, value)), shape=(n_docs, n_values))


def _unit_mass(pieces: _Pieces) -> np.ndarray:
    """Each piece's pairable unit mass per coder pair: the part of its length that meets
    other coders' units, weighted like its row of the coincidence matrix (cuα)."""
    units = ((pieces.value != 0) & pieces.present).sum(axis=1)
    return pieces.pair_weight * np.maximum(units - 1.0, 0.0)


def _self_pairs(pieces: _Pieces, n_docs: int, mass: np.ndarray,
                squared_gaps: bool | None) -> sparse.csr_matrix:
    """Per document and value, the mass that may not pair with itself: each unit segment's
    ``mass`` squared, each gap segment's mass (``squared_gaps`` False) or nothing (None)."""
    n_values = pieces.n_values
    cells, masses = [], []
    for coder in range(pieces.value.shape[1]):
        starts = pieces.own[:, coder]
        segment = np.cumsum(starts) - 1
        summed = np.bincount(segment, mass, minlength=int(starts.sum()))
        value, pairable = pieces.value[starts, coder], pieces.present[starts, coder]
        gap = summed if squared_gaps is False else np.zeros_like(summed)
        own = np.where(value == 0, gap, summed ** 2) * pairable
        cells.append(pieces.doc[starts] * n_values + value)
        masses.append(own)
    return per_document(np.concatenate(cells), np.concatenate(masses), n_docs, n_values)


def _binary_tally(pieces: _Pieces, n_docs: int, n_marked: np.ndarray, unit_doc: np.ndarray,
                  unit_lengths: np.ndarray) -> np.ndarray:
    """(gap-gap, gap-unit, unit-unit, gap self, unit self) per document, from how many
    coders mark each piece (columns of ``n_marked``: one tally each) and the lengths of
    the pairable units of each column (``unit_doc`` rows: (document, column) index)."""
    n_cols = n_marked.shape[1]
    n_present = pieces.present.sum(axis=1)[:, None].astype(np.float64)
    n_gap = n_present - n_marked
    weight = pieces.pair_weight[:, None]
    index = (pieces.doc[:, None] * n_cols + np.arange(n_cols)).ravel()
    size = n_docs * n_cols

    def by_doc(values: np.ndarray) -> np.ndarray:
        return np.bincount(index, values.ravel(), minlength=size)

    continua = np.bincount(pieces.doc, pieces.width * n_present[:, 0], minlength=n_docs)
    unit_sum = np.bincount(unit_doc, unit_lengths, minlength=size)
    tally = np.stack([
        by_doc(weight * n_gap * (n_gap - 1.0)), by_doc(weight * n_marked * n_gap),
        by_doc(weight * n_marked * (n_marked - 1.0)),
        np.repeat(continua, n_cols) - unit_sum,
        np.bincount(unit_doc, unit_lengths * unit_lengths, minlength=size)], axis=-1)
    return tally.reshape(n_docs, n_cols, 5)


def _pairable_units(lay: Layout) -> np.ndarray:
    """Mask of the units that lie in documents unitized by at least two coders."""
    return (lay.present.sum(axis=1) >= 2)[lay.doc]


def _binary(lay: Layout, pieces: _Pieces, n_docs: int) -> np.ndarray:
    """|uα tallies: any code counts as "unit"; overlapping units of one coder form one unit."""
    keep = _pairable_units(lay)
    _, start, end, doc = merge_overlaps(lay.coder[keep], lay.start[keep], lay.end[keep],
                                        lay.doc[keep])
    n_marked = ((pieces.value != 0) & pieces.present).sum(axis=1).astype(np.float64)
    return _binary_tally(pieces, n_docs, n_marked[:, None], doc,
                         (end - start).astype(np.float64))[:, 0]


def _binary_per_code(lay: Layout, pieces: _Pieces, n_docs: int) -> np.ndarray:
    """Tallies of each code k against everything else ("|uα of k"), a few codes at a time
    (a pieces × codes array per step would grow with the spans times the codebook)."""
    n_cat = len(lay.categories)
    keep = _pairable_units(lay)
    tallies = [_binary_of_codes(lay, pieces, n_docs, keep, first, min(first + CODES_PER_STEP,
                                                                       n_cat))
               for first in range(0, n_cat, CODES_PER_STEP)]
    return np.concatenate(tallies, axis=1) if tallies else np.zeros((n_docs, 0, 5))


CODES_PER_STEP = 4


def _binary_of_codes(lay: Layout, pieces: _Pieces, n_docs: int, keep: np.ndarray,
                     low: int, high: int) -> np.ndarray:
    """:func:`_binary_per_code` of the codes ``low`` to ``high`` (excluded)."""
    n_pieces = len(pieces.width)
    chosen = (lay.category >= low) & (lay.category < high)
    first = np.searchsorted(pieces.bounds, lay.start[chosen])
    stop = np.searchsorted(pieces.bounds, lay.end[chosen])
    column = lay.category[chosen] - low
    delta = np.zeros((n_pieces + 1, high - low), dtype=np.int32)
    np.add.at(delta, (first, column), 1)
    np.subtract.at(delta, (stop, column), 1)
    marked = np.cumsum(delta, axis=0)[:n_pieces].astype(np.float64)
    marked *= pieces.present.any(axis=1)[:, None]
    units = keep & chosen
    unit_doc = lay.doc[units] * (high - low) + (lay.category[units] - low)
    return _binary_tally(pieces, n_docs, marked, unit_doc, lay.lengths[units])


def _delta(pieces: _Pieces, categories: tuple[Hashable, ...], metric: Metric | None
           ) -> np.ndarray | None:
    """δ² between values given by ``metric`` between single codes; None for nominal (1 off
    the diagonal), which needs no matrix."""
    n_values = pieces.n_values
    if metric is None:
        return None
    keys = _code_keys(len(categories))
    code_of = {int(key): code for key, code in zip(keys, categories)}
    units = [int(key) for key in pieces.sets[1:]]
    compound = [key for key in units if key not in code_of]
    if compound:
        raise ValueError("a metric between codes needs every stretch to carry one code; "
                         "some coder's units of different codes overlap")
    delta = np.zeros((n_values, n_values))
    for a, key_a in enumerate(units, start=1):
        for b, key_b in enumerate(units, start=1):
            if a != b:
                delta[a, b] = float(metric(code_of[key_a], code_of[key_b]))
    return delta
