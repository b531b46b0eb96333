"""Krippendorff's alpha with the character as the unit (nominal, missing coders allowed).

Each character of a document is a unit and each coder who coded the document gives it a value:
for one code, 1 if the coder's spans of that code cover it and 0 if not (binary alpha, the
per-code "alpha-binary" of QDA tools); over all codes, the set of codes covering it (``{}`` for
none, ``{c, k}`` where spans of c and k nest). A coder who did not code the document is missing
there. Unlike the uα family, characters are independent units: a span is not an indivisible
whole, so this alpha does not correct for the chance agreement that long spans bring.

Computed on pieces (runs of characters on which every coder's value is constant), weighted by
their length, so the cost grows with the number of spans, not of characters.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from annotator.agreement.alpha import Coincidences, alpha_from_coincidences
from annotator.agreement.arrays import unique_inverse, unique_sorted
from annotator.agreement.study import SpanArrays, Study


@dataclass(frozen=True)
class CharAlpha:
    """Alpha per category (``per_category[i]`` for ``categories[i]``) and over all codes."""

    per_category: np.ndarray
    overall: float
    n_characters: int
    n_documents: int
    n_coders: int


BLOCK_CHARACTERS = 262_144
"""Documents are taken in runs of about this many characters, so that the arrays of a run
stay in the processor cache and the time grows with the number of documents, not faster."""


@dataclass(frozen=True)
class _Block:
    """A run of pairable documents (positions relative to its first) and its spans."""

    begin: np.ndarray
    end: np.ndarray
    present: np.ndarray
    m: np.ndarray
    coder: np.ndarray
    category: np.ndarray
    start: np.ndarray
    stop: np.ndarray


def char_alpha(study: Study, spans: SpanArrays, overall: bool = True) -> CharAlpha:
    """Binary alpha per category and (with ``overall``) nominal alpha over code sets,
    over the documents coded by at least two coders."""
    pairable = study.pairable
    m_doc = study.present.sum(axis=1).astype(np.float64)
    mass = float((study.lengths * m_doc)[pairable].sum())
    n_cat, n_chars = len(spans.categories), int(study.lengths[pairable].sum())
    binary = np.zeros((3, n_cat))
    compound = _SetCoincidences(len(spans.categories))
    for block in _blocks(study, spans, m_doc):
        binary += _binary_sums(block, n_cat)
        if overall:
            compound.add(block)
    per_category = _binary_alpha(binary, mass, n_chars)
    total = compound.alpha(n_chars) if overall and pairable.any() else float("nan")
    return CharAlpha(per_category, total, n_chars, int(pairable.sum()),
                     study.coders_in(pairable))


def _alpha(matrix: np.ndarray, n_units: int) -> float:
    return alpha_from_coincidences(Coincidences(tuple(range(len(matrix))), matrix, n_units))


def _blocks(study: Study, spans: SpanArrays, m_doc: np.ndarray) -> Iterator[_Block]:
    """The pairable documents in runs of about BLOCK_CHARACTERS characters."""
    docs = np.flatnonzero(study.pairable)
    lengths = study.lengths[docs]
    opens = np.flatnonzero(np.diff((np.cumsum(lengths) - lengths) // BLOCK_CHARACTERS,
                                   prepend=-1))
    block_of_doc = np.full(len(study.begin), -1, dtype=np.int64)
    block_of_doc[docs] = np.cumsum(np.isin(np.arange(len(docs)), opens)) - 1
    block = block_of_doc[spans.doc]
    keep = np.flatnonzero(block >= 0)
    keep = keep[np.argsort(block[keep], kind="stable")]
    span_bounds = np.searchsorted(block[keep], np.arange(len(opens) + 1))
    doc_bounds = np.r_[opens, len(docs)]
    for b in range(len(opens)):
        chosen = docs[doc_bounds[b]:doc_bounds[b + 1]]
        inside = keep[span_bounds[b]:span_bounds[b + 1]]
        origin = study.begin[chosen[0]]
        yield _Block(study.begin[chosen] - origin, study.end[chosen] - origin,
                     study.present[chosen], m_doc[chosen], spans.coder[inside],
                     spans.category[inside], spans.start[inside] - origin,
                     spans.end[inside] - origin)


def _binary_sums(block: _Block, n_cat: int) -> np.ndarray:
    """Per category, the block's share of the 2 x 2 coincidences of covered (1) and
    uncovered (0) characters: rows o_11, o_01 and o_00 less the documents' mass.

    Only covered pieces are visited: a stretch no coder covers adds its m values to o_00
    (m (m - 1) pairs / (m - 1)), so o_00 is the documents' total mass minus the covered mass
    plus the uncovered pairs inside covered pieces.
    """
    span = int(block.end[-1]) + 1
    keys = np.concatenate([block.category * span + block.start,
                           block.category * span + block.stop])
    step = np.concatenate([np.ones(len(block.start)), -np.ones(len(block.stop))])
    keys, inverse = unique_inverse(keys)
    covered = np.cumsum(np.bincount(inverse, step, minlength=len(keys)))[:-1]
    width = np.diff(keys).astype(np.float64)
    inside = covered > 0
    k, width, first = covered[inside], width[inside], keys[:-1][inside]
    cat = first // span
    m = block.m[np.searchsorted(block.begin, first % span, side="right") - 1]
    weight = width / np.maximum(m - 1.0, 1.0)
    return np.array([np.bincount(cat, weight * k * (k - 1), minlength=n_cat),
                     np.bincount(cat, weight * k * (m - k), minlength=n_cat),
                     np.bincount(cat, weight * (m - k) * (m - k - 1), minlength=n_cat)
                     - np.bincount(cat, width * m, minlength=n_cat)])


def _binary_alpha(sums: np.ndarray, mass: float, n_chars: int) -> np.ndarray:
    o11, o01, o00 = sums[0], sums[1], sums[2] + mass
    return np.array([_alpha(np.array([[o00[c], o01[c]], [o01[c], o11[c]]]), n_chars)
                     for c in range(len(o11))], dtype=np.float64)


class _SetCoincidences:
    """Nominal coincidences of the set of codes covering each character, summed over blocks
    (each block numbers the sets it meets; they are matched by their keys at the end)."""

    def __init__(self, n_cat: int) -> None:
        self.keys = _set_keys(n_cat)
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def add(self, block: _Block) -> None:
        bounds = unique_sorted(np.concatenate([block.start, block.stop, block.begin, block.end]))
        n_pieces, n_coders = len(bounds) - 1, block.present.shape[1]
        first = np.searchsorted(bounds, block.start)
        stop = np.searchsorted(bounds, block.stop)
        key = self.keys[block.category]
        delta = np.zeros((n_pieces + 1, n_coders), dtype=np.uint64)
        np.add.at(delta, (first, block.coder), key)
        np.subtract.at(delta, (stop, block.coder), key)
        sets = np.cumsum(delta, axis=0, dtype=np.uint64)[:n_pieces]
        distinct, values = unique_inverse(sets)
        doc = np.searchsorted(block.begin, bounds[:-1], side="right") - 1
        in_doc = bounds[:-1] < block.end[doc]  # not in a left-out document between two
        weight = np.diff(bounds) / np.maximum(block.m[doc] - 1.0, 1.0)
        present = block.present[doc] & in_doc[:, None]
        self.parts.append((distinct, *_nominal_tally(values, present, weight, len(distinct))))

    def alpha(self, n_chars: int) -> float:
        """Nominal alpha from the diagonal and the margins of the coincidences alone: with
        many overlapping codes the distinct sets run into the thousands, and a dense set x set
        matrix would take gigabytes."""
        distinct = unique_sorted(np.concatenate([keys for keys, _, _ in self.parts]))
        margins, diagonal = np.zeros(len(distinct)), 0.0
        for keys, part_margins, part_diagonal in self.parts:
            np.add.at(margins, np.searchsorted(distinct, keys), part_margins[:len(keys)])
            diagonal += part_diagonal
        n = float(margins.sum())
        expected = n * n - float(margins @ margins)
        if n <= 1 or len(distinct) < 2 or expected <= 0:
            return math.nan
        return 1.0 - (n - 1.0) * (n - diagonal) / expected


def _nominal_tally(values: np.ndarray, present: np.ndarray, weight: np.ndarray,
                   n_values: int) -> tuple[np.ndarray, float]:
    """Margins and the diagonal total of the coincidence matrix of every ordered pair of coders
    present on a piece, weighted (the matrix itself is never built)."""
    margins, diagonal = np.zeros(n_values), 0.0
    for i in range(values.shape[1]):
        for j in range(i + 1, values.shape[1]):
            both = present[:, i] & present[:, j]
            a, b, w = values[both, i], values[both, j], weight[both]
            margins += np.bincount(a, w, minlength=n_values) + np.bincount(b, w, minlength=n_values)
            diagonal += 2.0 * float(w[a == b].sum())
    return margins, diagonal


def _set_keys(n_cat: int) -> np.ndarray:
    """Per-category keys whose sums identify sets: bits for up to 64 categories, else random
    odd 64-bit keys (a collision between two sets is astronomically unlikely)."""
    if n_cat <= 64:
        return np.left_shift(np.uint64(1), np.arange(n_cat, dtype=np.uint64))
    rng = np.random.default_rng(0x5EED)
    return rng.integers(1, 2 ** 63, n_cat, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
