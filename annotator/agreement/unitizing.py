"""Krippendorff's alpha_u for unitizing a continuum (Krippendorff 2004, as in DKPro Statistics).

Each coder's units of category c, with the gaps between them, partition the continuum.
Observed disagreement sums, over all pairs of coders, the squared boundary differences of
overlapping units plus the squared length of every unit that falls wholly inside the other
coder's gap. Expected disagreement places every unit at every possible position: against
every other unit of c and inside every gap of c long enough to hold it.

Everything is vectorised: units are sorted once and each coder pair is matched by binary
search, so a document costs O(n log n) in its number of units, and several documents are
pooled in one pass (see :func:`unitized_alpha_multi`).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from annotator.agreement.units import Doc, Layout, Unit, layout, sum_by


@dataclass(frozen=True)
class UnitizingResult:
    """alpha_u overall and per category, with the disagreements it is made of.

    ``overall = 1 - sum(observed) / sum(expected)`` over categories (DKPro's definition,
    which reproduces Krippendorff's worked example). Undefined values are ``nan``.
    ``n_units`` counts the units measured: zero-length ones dropped, overlapping ones of one
    coder and category merged.
    """

    overall: float
    per_category: dict[Hashable, float]
    observed: dict[Hashable, float]
    expected: dict[Hashable, float]
    n_coders: int
    n_units: int
    length: int
    n_documents: int = 1
    categories: tuple[Hashable, ...] = field(default=())


def unitized_alpha(units: Iterable[Unit], begin: int, length: int,
                   coders: Sequence[Hashable] | None = None) -> UnitizingResult:
    """alpha_u of one continuum ``[begin, begin + length)``.

    ``coders`` names every coder who unitized the continuum (a coder with no units is all
    gap); by default the coders that appear in ``units``.
    """
    return unitized_alpha_multi([(units, begin, length)], coders=coders)


def unitized_alpha_multi(docs: Iterable[Doc], coders: Sequence[Hashable] | None = None
                         ) -> UnitizingResult:
    """alpha_u pooled over several documents, each ``(units, begin, length)``.

    The documents are treated as one continuum made of their concatenation, with each
    document boundary closing the gaps that reach it; every coder must have unitized every
    document. Observed disagreement is summed over
    documents, and expected disagreement pairs every unit with every unit and every gap of
    the whole project, exactly as Krippendorff pools the values of all units in coding
    alpha. Averaging per-document alphas instead would give short or empty documents the
    weight of long ones and is undefined wherever a document has no units.
    """
    lay = layout(list(docs), coders)
    if not lay.present.all():
        raise ValueError("alpha_u (2004) is defined for coders who all unitized every document; "
                         "with missing coders use u_alpha_family_multi, or pool documents "
                         "that share one coder set")
    n_docs = len(lay.doc_begin)
    observed, expected = _disagreements(lay)
    total_do, total_de = float(observed.sum()), float(expected.sum())
    cats = lay.categories
    return UnitizingResult(
        overall=_alpha(total_do, total_de) if cats else math.nan,
        per_category={c: _alpha(observed[i], expected[i]) for i, c in enumerate(cats)},
        observed={c: float(observed[i]) for i, c in enumerate(cats)},
        expected={c: float(expected[i]) for i, c in enumerate(cats)},
        n_coders=len(lay.coders), n_units=lay.n_units, length=lay.total_length,
        n_documents=n_docs, categories=cats,
    )


def _alpha(d_o: float, d_e: float) -> float:
    """1 - Do/De, or nan where expected disagreement is zero or undefined."""
    if not d_e > 0 or math.isnan(d_o):
        return math.nan
    return float(1.0 - d_o / d_e)


def _disagreements(lay: Layout) -> tuple[np.ndarray, np.ndarray]:
    """Per-category observed and expected disagreement (nan where undefined)."""
    n_cat, n_coders, length = len(lay.categories), len(lay.coders), lay.total_length
    if n_coders < 2 or length == 0 or n_cat == 0:
        nan = np.full(n_cat, math.nan)
        return nan, nan.copy()
    observed = 2.0 * _observed_sums(lay) / (n_coders * (n_coders - 1) * float(length) ** 2)
    return observed, _expected(lay)


def _observed_sums(lay: Layout) -> np.ndarray:
    """Sum over coder pairs of the distances between intersecting segments, per category."""
    n_cat = len(lay.categories)
    span = lay.total_length + 1
    total = np.zeros(n_cat)
    by_coder = [_coder_units(lay, i, span) for i in range(len(lay.coders))]
    for i, a in enumerate(by_coder):
        for b in by_coder[i + 1:]:
            total += _pair_sums(a, b, n_cat)
    return total


def _coder_units(lay: Layout, coder: int, span: int) -> dict[str, np.ndarray]:
    """One coder's units sorted by (category, start), keyed on a category-offset axis."""
    sel = np.flatnonzero(lay.coder == coder)
    cat, start, end = lay.category[sel], lay.start[sel], lay.end[sel]
    order = np.lexsort((start, cat))
    cat, start, end = cat[order], start[order], end[order]
    return {"cat": cat, "start": start, "end": end,
            "skey": cat * span + start, "ekey": cat * span + end}


def _pair_sums(a: dict[str, np.ndarray], b: dict[str, np.ndarray], n_cat: int) -> np.ndarray:
    """Distances between two coders' partitions, per category.

    Two intersecting units of c differ by (begin difference)^2 + (end difference)^2; a unit
    lying wholly inside the other coder's gap differs by its length squared; a unit that
    only partly overlaps a gap adds nothing beyond its overlap with the other coder's units.
    """
    lo = np.searchsorted(b["ekey"], a["skey"], side="right")
    hi = np.searchsorted(b["skey"], a["ekey"], side="left")
    count = np.maximum(hi - lo, 0)
    ia = np.repeat(np.arange(len(count)), count)
    ib = lo[ia] + np.arange(len(ia)) - np.repeat(np.cumsum(count) - count, count)
    d_begin = (a["start"][ia] - b["start"][ib]).astype(np.float64)
    d_end = (a["end"][ia] - b["end"][ib]).astype(np.float64)
    total = sum_by(a["cat"][ia], d_begin ** 2 + d_end ** 2, n_cat)
    total += _lonely(a, count == 0, n_cat)
    total += _lonely(b, np.bincount(ib, minlength=len(b["start"])) == 0, n_cat)
    return total


def _lonely(units: dict[str, np.ndarray], mask: np.ndarray, n_cat: int) -> np.ndarray:
    """Squared lengths of the units that no unit of the other coder touches, per category."""
    length = (units["end"][mask] - units["start"][mask]).astype(np.float64)
    return sum_by(units["cat"][mask], length ** 2, n_cat)


def _expected(lay: Layout) -> np.ndarray:
    """Expected disagreement per category (Krippendorff 2004, eq. for uDe as in DKPro).

    De_c = (2/L) * sum_u [ (N_c - 1)(2l^3 - 3l^2 + l)/3 + l^2 * sum_{gaps g >= l}(g - l + 1) ]
           / ( R L (R L - 1) - sum_u l(l - 1) )
    over the units u of category c (length l, N_c of them across coders) and the gaps of c of
    all coders.
    """
    n_cat, n_coders, length = len(lay.categories), len(lay.coders), float(lay.total_length)
    lengths, cat = lay.lengths, lay.category
    n_c = np.bincount(cat, minlength=n_cat).astype(np.float64)
    within = (n_c[cat] - 1.0) * (2 * lengths ** 3 - 3 * lengths ** 2 + lengths) / 3.0
    in_gaps = lengths ** 2 * _gap_positions(lay, lengths, cat)
    numerator = 2.0 / length * sum_by(cat, within + in_gaps, n_cat)
    denominator = (n_coders * length * (n_coders * length - 1)
                   - sum_by(cat, lengths * (lengths - 1), n_cat))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, numerator / denominator, math.nan)


def _gap_positions(lay: Layout, lengths: np.ndarray, cat: np.ndarray) -> np.ndarray:
    """For each unit, the number of positions it could take inside the gaps of its category."""
    gap_cat, gap_len = _gaps(lay)
    span = float(max(lay.total_length, 1) + 1)
    order = np.lexsort((gap_len, gap_cat))
    keys = gap_cat[order] * span + gap_len[order]
    cumulative = np.r_[0.0, np.cumsum(gap_len[order])]
    first = np.searchsorted(keys, cat * span + lengths, side="left")
    stop = np.searchsorted(keys, (cat + 1) * span, side="left")
    n_fit = stop - first
    return cumulative[stop] - cumulative[first] - (lengths - 1.0) * n_fit


def _gaps(lay: Layout) -> tuple[np.ndarray, np.ndarray]:
    """Category and length of every gap: each (document, coder, category) partition's
    stretches not covered by that coder's units of the category."""
    n_cat, n_docs = len(lay.categories), len(lay.doc_begin)
    group = (lay.coder * n_cat + lay.category) * n_docs + lay.doc
    order = np.lexsort((lay.start, group))
    group, start, end, doc = group[order], lay.start[order], lay.end[order], lay.doc[order]
    first = np.r_[True, group[1:] != group[:-1]]
    last = np.r_[group[1:] != group[:-1], True]
    before = start - np.where(first, lay.doc_begin[doc], np.r_[0, end[:-1]])
    after = lay.doc_end[doc[last]] - end[last]
    cat = group // n_docs % n_cat
    empty_cat, empty_len = _empty_partitions(lay, group[first])
    gap_cat = np.concatenate([cat, cat[last], empty_cat])
    gap_len = np.concatenate([before, after, empty_len]).astype(np.float64)
    keep = gap_len > 0
    return gap_cat[keep], gap_len[keep]


def _empty_partitions(lay: Layout, used_groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A coder with no unit of a category in a document has one gap: the whole document."""
    n_cat, n_docs = len(lay.categories), len(lay.doc_begin)
    empty = np.ones(len(lay.coders) * n_cat * n_docs, dtype=bool)
    empty[used_groups] = False
    groups = np.flatnonzero(empty)
    doc = groups % n_docs
    return groups // n_docs % n_cat, (lay.doc_end - lay.doc_begin)[doc]
