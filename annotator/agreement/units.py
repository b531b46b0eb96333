"""Units on a continuum and their array layout, shared by the unitizing measures.

Several documents are laid end to end on one global axis so that every unitizing
computation is a handful of numpy operations over the whole project instead of a Python
loop per document. Document boundaries stay hard boundaries: no gap or unit crosses them.
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

Doc = (tuple[Iterable["Unit"], int, int]
       | tuple[Iterable["Unit"], int, int, Collection[Hashable] | None])
"""One continuum: (units, begin, length[, coders]), offsets half-open in
``[begin, begin + length)``. The optional fourth item names the coders who unitized this
document (by default every coder of the study); the others are missing, not empty."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One coder's span ``[start, end)`` (code-point offsets) tagged with a category."""

    coder: Hashable
    start: int
    end: int
    category: Hashable

    def __post_init__(self) -> None:
        start, end = operator.index(self.start), operator.index(self.end)
        if end < start:
            raise ValueError(f"unit ends before it starts: {self!r}")
        if start < 0:
            raise ValueError(f"offsets are 0-based code-point indices, got {self!r}")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @property
    def length(self) -> int:
        return self.end - self.start


_SET = (Unit.coder.__set__, Unit.start.__set__, Unit.end.__set__,  # type: ignore[attr-defined]
        Unit.category.__set__)  # type: ignore[attr-defined]


def checked_unit(coder: Hashable, start: int, end: int, category: Hashable) -> Unit:
    """A unit from offsets already checked to be ints with ``0 <= start <= end`` (as
    ``build_study`` checks every span): half the cost of ``Unit(...)``, which matters for
    the million units of a large project report."""
    unit = object.__new__(Unit)
    set_coder, set_start, set_end, set_category = _SET
    set_coder(unit, coder)
    set_start(unit, start)
    set_end(unit, end)
    set_category(unit, category)
    return unit


@dataclass(frozen=True)
class Layout:
    """Units of all documents on one global axis, as parallel integer arrays.

    ``coder`` and ``category`` index into ``coders`` and ``categories``. Units of one coder and
    one category never overlap here (overlapping ones were merged) and have positive length.
    ``doc_begin``/``doc_end`` give each document's extent on the global axis and
    ``present[d, i]`` whether coder i unitized document d.
    """

    coders: tuple[Hashable, ...]
    categories: tuple[Hashable, ...]
    coder: np.ndarray
    category: np.ndarray
    start: np.ndarray
    end: np.ndarray
    doc: np.ndarray
    doc_begin: np.ndarray
    doc_end: np.ndarray
    present: np.ndarray

    @property
    def total_length(self) -> int:
        return int(self.doc_end[-1]) if len(self.doc_end) else 0

    @property
    def n_units(self) -> int:
        return len(self.start)

    @property
    def lengths(self) -> np.ndarray:
        return (self.end - self.start).astype(np.float64)


def ordered(keys: Iterable[Hashable]) -> tuple[Hashable, ...]:
    """Distinct keys, sorted when they are comparable, else in first-seen order."""
    unique = list(dict.fromkeys(keys))
    try:
        return tuple(sorted(unique))  # type: ignore[type-var]
    except TypeError:
        return tuple(unique)


def layout(docs: Iterable[Doc], coders: Sequence[Hashable] | None = None) -> Layout:
    """Validate units, place documents end to end and merge same-category overlaps.

    ``coders`` fixes the coder set (a coder who marked nothing is still a coder who saw the
    text); by default it is every coder that appears in the units or the documents' lists.
    """
    rows: list[tuple[Hashable, int, int, Hashable, int]] = []
    begins: list[int] = []
    declared: list[Collection[Hashable] | None] = []
    offset = 0
    for d, (units, begin, length, *who) in enumerate(docs):
        begin, length = operator.index(begin), operator.index(length)
        if length < 0:
            raise ValueError(f"document {d}: negative continuum length {length}")
        shift = offset - begin
        for u in units:
            if u.start < begin or u.end > begin + length:
                raise ValueError(f"document {d}: {u!r} lies outside [{begin}, {begin + length})")
            if u.end > u.start:
                rows.append((u.coder, u.start + shift, u.end + shift, u.category, d))
        begins.append(offset)
        declared.append(who[0] if who else None)
        offset += length
    if coders is None:
        listed = [c for who in declared if who is not None for c in who]
        coders = ordered([r[0] for r in rows] + listed)
    present = _presence(declared, tuple(coders), rows)
    categories = ordered(r[3] for r in rows)
    doc_begin = np.asarray(begins, dtype=np.int64)
    doc_end = np.append(doc_begin[1:], offset).astype(np.int64) if begins else doc_begin
    return _build(rows, tuple(coders), categories, doc_begin, doc_end, present)


def _presence(declared: list[Collection[Hashable] | None], coders: tuple[Hashable, ...],
              rows: list[tuple[Hashable, int, int, Hashable, int]]) -> np.ndarray:
    """Documents x coders: who unitized which document; units by absent coders are errors."""
    index = {c: i for i, c in enumerate(coders)}
    present = np.ones((len(declared), len(coders)), dtype=bool)
    for d, who in enumerate(declared):
        if who is None:
            continue
        unknown = set(who) - index.keys()
        if unknown:
            raise ValueError(f"document {d}: coders not in the coder list: "
                             f"{sorted(map(repr, unknown))}")
        present[d] = False
        present[d, [index[c] for c in who]] = True
    for coder, *_, d in rows:
        if coder in index and not present[d, index[coder]]:
            raise ValueError(f"document {d}: units by {coder!r}, who is not among its coders")
    return present


def _build(rows: list[tuple[Hashable, int, int, Hashable, int]], coders: tuple[Hashable, ...],
           categories: tuple[Hashable, ...], doc_begin: np.ndarray, doc_end: np.ndarray,
           present: np.ndarray) -> Layout:
    coder_index = {c: i for i, c in enumerate(coders)}
    cat_index = {c: i for i, c in enumerate(categories)}
    unknown = {r[0] for r in rows} - coder_index.keys()
    if unknown:
        raise ValueError(f"units by coders not in the coder list: {sorted(map(repr, unknown))}")
    coder = np.fromiter((coder_index[r[0]] for r in rows), np.int64, len(rows))
    start = np.fromiter((r[1] for r in rows), np.int64, len(rows))
    end = np.fromiter((r[2] for r in rows), np.int64, len(rows))
    category = np.fromiter((cat_index[r[3]] for r in rows), np.int64, len(rows))
    doc = np.fromiter((r[4] for r in rows), np.int64, len(rows))
    group = coder * max(len(categories), 1) + category
    group, start, end, doc = merge_overlaps(group, start, end, doc)
    n_cat = max(len(categories), 1)
    return Layout(coders, categories, group // n_cat, group % n_cat, start, end, doc,
                  doc_begin, doc_end, present)


def merge_overlaps(group: np.ndarray, start: np.ndarray, end: np.ndarray,
                   *extra: np.ndarray) -> tuple[np.ndarray, ...]:
    """Union the intervals of each group that overlap (touching intervals stay apart).

    Returns ``group, start, end, *extra`` sorted by (group, start); ``extra`` arrays take the
    value of each merged run's first interval. Unitizing measures need one value per
    position per coder and category, so nested or overlapping spans of the same code by the
    same coder count as one unit covering their union.
    """
    order = np.lexsort((start, group))
    group, start, end = group[order], start[order], end[order]
    extra = tuple(x[order] for x in extra)
    if len(start) == 0:
        return (group, start, end, *extra)
    span = int(end.max()) + 1
    reach = np.maximum.accumulate(group * span + end) - group * span
    new_group = np.r_[True, group[1:] != group[:-1]]
    first = new_group | np.r_[True, start[1:] >= reach[:-1]]
    idx = np.flatnonzero(first)
    last = np.r_[idx[1:] - 1, len(start) - 1]
    return (group[idx], start[idx], reach[last], *(x[idx] for x in extra))


def sum_by(index: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    """Float sums of ``weights`` grouped by ``index`` (0..size-1), also for empty input."""
    return np.bincount(index, weights, minlength=size).astype(np.float64, copy=False)
