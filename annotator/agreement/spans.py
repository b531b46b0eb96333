"""Span precision, recall and F1 of one coder (B) against another (A).

A is the reference: a span of A that B matched is a true positive, an unmatched span of A
a false negative, an unmatched span of B a false positive. Spans only ever match spans of
the same code, and every span matches at most one span (one-to-one):

- ``exact``: same start, same end, same code.
- ``overlap``: same code and intersection / union (Jaccard) of the two extents at least
  ``min_overlap``; candidate pairs are taken greedily in order of decreasing overlap (ties
  by position), the usual rule in span evaluation (e.g. SemEval partial matching).

Micro scores pool the counts of all codes; macro scores average the per-code scores over
the codes either coder used, skipping undefined ones. F1 = 2TP / (2TP + FP + FN), which is
defined whenever either coder has a span; precision is undefined (nan) when B has no span
of the code, recall when A has none.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from annotator.agreement.units import Unit, ordered

Match = Literal["exact", "overlap"]


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else math.nan

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else math.nan

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else math.nan


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class SpanScores:
    """Per-code counts and scores, and their micro and macro summaries."""

    per_code: dict[Hashable, Counts]
    micro: Scores
    macro: Scores
    match: str
    min_overlap: float


def span_f1(units_a: Iterable[Unit], units_b: Iterable[Unit], match: Match = "exact",
            min_overlap: float = 0.5) -> SpanScores:
    """Scores of B's spans against A's spans on one continuum (coders' names are ignored)."""
    return span_f1_multi([(units_a, units_b)], match=match, min_overlap=min_overlap)


def span_f1_multi(pairs: Iterable[tuple[Iterable[Unit], Iterable[Unit]]],
                  match: Match = "exact", min_overlap: float = 0.5) -> SpanScores:
    """Scores pooled over documents, each given as (A's units, B's units).

    All documents are matched in one vectorised pass: spans are keyed by (document, code),
    and matches never cross keys.
    """
    if match not in ("exact", "overlap"):
        raise ValueError(f"unknown match {match!r}; expected 'exact' or 'overlap'")
    if not 0 < min_overlap <= 1:
        raise ValueError(f"min_overlap must be in (0, 1], got {min_overlap}")
    rows_a: list[tuple[int, Hashable, int, int]] = []
    rows_b: list[tuple[int, Hashable, int, int]] = []
    for doc, (units_a, units_b) in enumerate(pairs):
        rows_a += [(doc, u.category, u.start, u.end) for u in units_a]
        rows_b += [(doc, u.category, u.start, u.end) for u in units_b]
    codes = ordered([r[1] for r in rows_a] + [r[1] for r in rows_b])
    if match == "exact":
        tp = Counter(r[1] for r in (Counter(rows_a) & Counter(rows_b)).elements())
    else:
        tp = Counter()
        for block_a, block_b in _document_blocks(rows_a, rows_b):
            tp += _overlap_matches(block_a, block_b, codes, min_overlap)
    n_a, n_b = Counter(r[1] for r in rows_a), Counter(r[1] for r in rows_b)
    per_code = {c: Counts(tp[c], n_b[c] - tp[c], n_a[c] - tp[c]) for c in codes}
    return SpanScores(per_code, _micro(per_code.values()), _macro(per_code.values()),
                      match, min_overlap)


def _micro(counts: Iterable[Counts]) -> Scores:
    total = sum(counts, Counts())
    return Scores(total.precision, total.recall, total.f1)


def _macro(counts: Iterable[Counts]) -> Scores:
    rows = [(c.precision, c.recall, c.f1) for c in counts]
    if not rows:
        return Scores(math.nan, math.nan, math.nan)
    with np.errstate(all="ignore"):
        columns = np.array(rows, dtype=np.float64).T
        means = [float(np.nanmean(col)) if not np.isnan(col).all() else math.nan for col in columns]
    return Scores(*means)


DOCUMENTS_PER_BLOCK = 256
"""Overlap matching runs on blocks of whole documents: matches never cross documents, and
sorting and searching one array of every span of a large project grew faster than the spans."""

Rows = list[tuple[int, Hashable, int, int]]


def _document_blocks(rows_a: Rows, rows_b: Rows) -> Iterable[tuple[Rows, Rows]]:
    """The rows (in document order) of each run of DOCUMENTS_PER_BLOCK documents."""
    last = max(rows_a[-1][0] if rows_a else 0, rows_b[-1][0] if rows_b else 0)
    docs_a, docs_b = [r[0] for r in rows_a], [r[0] for r in rows_b]
    for first in range(0, last + 1, DOCUMENTS_PER_BLOCK):
        stop = first + DOCUMENTS_PER_BLOCK
        yield (rows_a[bisect_left(docs_a, first):bisect_left(docs_a, stop)],
               rows_b[bisect_left(docs_b, first):bisect_left(docs_b, stop)])


def _overlap_matches(rows_a: list[tuple[int, Hashable, int, int]],
                     rows_b: list[tuple[int, Hashable, int, int]], codes: tuple[Hashable, ...],
                     min_overlap: float) -> Counter[Hashable]:
    """True positives per code: one-to-one matches, best overlap first, above the threshold."""
    if not rows_a or not rows_b:
        return Counter()
    span = max(r[3] for r in rows_a + rows_b) + 1
    a, a_code = _keyed(rows_a, codes, span)
    b, _ = _keyed(rows_b, codes, span)
    ia, ib = _overlapping_pairs(a, b)
    inter = np.minimum(a[ia, 1], b[ib, 1]) - np.maximum(a[ia, 0], b[ib, 0])
    union = np.maximum(a[ia, 1], b[ib, 1]) - np.minimum(a[ia, 0], b[ib, 0])
    ratio = np.where(union > 0, inter / np.maximum(union, 1), 1.0)
    keep = ratio >= min_overlap - 1e-12
    ia, ib, ratio = ia[keep], ib[keep], ratio[keep]
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[int] = []
    for k in np.lexsort((ib, ia, -ratio)).tolist():
        i, j = int(ia[k]), int(ib[k])
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            matched.append(i)
    return Counter(codes[c] for c in a_code[matched].tolist())


def _keyed(rows: list[tuple[int, Hashable, int, int]], codes: tuple[Hashable, ...], span: int
           ) -> tuple[np.ndarray, np.ndarray]:
    """Spans as (start, end) on an axis where every (document, code) has its own stretch,
    sorted by start, with each span's code index."""
    index = {c: i for i, c in enumerate(codes)}
    array = np.array([(r[0], index[r[1]], r[2], r[3]) for r in rows], dtype=np.int64)
    group = array[:, 0] * len(codes) + array[:, 1]
    keyed = np.stack([group * span + array[:, 2], group * span + array[:, 3]], axis=1)
    order = np.argsort(keyed[:, 0], kind="stable")
    return keyed[order], array[order, 1]


def _overlapping_pairs(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs of spans that share at least one position, or coincide if empty.

    ``a`` and ``b`` are sorted by start. The candidates for a span of A are the spans of B
    that start before it ends and no earlier than its start minus B's longest span; spans
    of one coder may nest, so ends are not sorted and candidates are filtered explicitly.
    """
    longest = int((b[:, 1] - b[:, 0]).max())
    first = np.searchsorted(b[:, 0], a[:, 0] - longest, side="left")
    stop = np.searchsorted(b[:, 0], a[:, 1], side="right")
    count = np.maximum(stop - first, 0)
    ia = np.repeat(np.arange(len(a)), count)
    ib = first[ia] + np.arange(len(ia)) - np.repeat(np.cumsum(count) - count, count)
    touching = (b[ib, 1] > a[ia, 0]) & (b[ib, 0] < a[ia, 1])
    same = (a[ia, 0] == b[ib, 0]) & (a[ia, 1] == b[ib, 1])
    keep = touching | same
    return ia[keep], ib[keep]
