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


def char_alpha(study: Study, spans: SpanArrays, overall: bool = True) -> CharAlpha:
    """Binary alpha per category and (with ``overall``) nominal alpha over code sets,
    over the documents coded by at least two coders."""
    pairable = study.pairable
    keep = pairable[spans.doc]
    chosen = SpanArrays(spans.categories, spans.coder[keep], spans.category[keep],
                        spans.start[keep], spans.end[keep], spans.doc[keep])
    m_doc = study.present.sum(axis=1).astype(np.float64)
    mass = float((study.lengths * m_doc)[pairable].sum())
    per_category = _binary(study, chosen, m_doc, mass)
    total = _compound(study, chosen, m_doc) if overall else float("nan")
    return CharAlpha(per_category, total, int(study.lengths[pairable].sum()),
                     int(pairable.sum()), study.coders_in(pairable))


def _alpha(matrix: np.ndarray, n_units: int) -> float:
    return alpha_from_coincidences(Coincidences(tuple(range(len(matrix))), matrix, n_units))


def _binary(study: Study, spans: SpanArrays, m_doc: np.ndarray, mass: float) -> np.ndarray:
    """Per category, the 2 x 2 coincidences of covered (1) and uncovered (0) characters.

    Only covered pieces are visited: a stretch no coder covers adds its m values to o_00
    (m (m - 1) pairs / (m - 1)), so o_00 is the documents' total mass minus the covered mass
    plus the uncovered pairs inside covered pieces.
    """
    n_cat = len(spans.categories)
    span = study.total_length + 1
    keys = np.concatenate([spans.category * span + spans.start, spans.category * span + spans.end])
    step = np.concatenate([np.ones(len(spans.start)), -np.ones(len(spans.end))])
    keys, inverse = unique_inverse(keys)
    covered = np.cumsum(np.bincount(inverse, step, minlength=len(keys)))[:-1]
    width = np.diff(keys).astype(np.float64)
    inside = covered > 0
    k, width, first = covered[inside], width[inside], keys[:-1][inside]
    cat = first // span
    doc = np.searchsorted(study.begin, first % span, side="right") - 1
    m = m_doc[doc]
    weight = width / np.maximum(m - 1.0, 1.0)
    o11 = np.bincount(cat, weight * k * (k - 1), minlength=n_cat)
    o01 = np.bincount(cat, weight * k * (m - k), minlength=n_cat)
    o00 = (np.bincount(cat, weight * (m - k) * (m - k - 1), minlength=n_cat)
           + mass - np.bincount(cat, width * m, minlength=n_cat))
    n_chars = int(study.lengths[study.pairable].sum())
    return np.array([_alpha(np.array([[o00[c], o01[c]], [o01[c], o11[c]]]), n_chars)
                     for c in range(n_cat)], dtype=np.float64)


def _compound(study: Study, spans: SpanArrays, m_doc: np.ndarray) -> float:
    """Nominal alpha over the set of codes covering each character."""
    pairable = study.pairable
    if not pairable.any():
        return float("nan")
    bounds = unique_sorted(np.concatenate([spans.start, spans.end, study.begin, study.end]))
    n_pieces, n_coders = len(bounds) - 1, len(study.coders)
    first = np.searchsorted(bounds, spans.start)
    stop = np.searchsorted(bounds, spans.end)
    key = _set_keys(len(spans.categories))[spans.category]
    delta = np.zeros((n_pieces + 1, n_coders), dtype=np.uint64)
    np.add.at(delta, (first, spans.coder), key)
    np.subtract.at(delta, (stop, spans.coder), key)
    sets = np.cumsum(delta, axis=0, dtype=np.uint64)[:n_pieces]
    _, values = unique_inverse(sets)
    doc = np.searchsorted(study.begin, bounds[:-1], side="right") - 1
    present = study.present[doc] & pairable[doc][:, None]
    weight = np.diff(bounds) / np.maximum(m_doc[doc] - 1.0, 1.0)
    return _alpha(_coincidences(values, present, weight), int(study.lengths[pairable].sum()))


def _coincidences(values: np.ndarray, present: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Coincidence matrix: every ordered pair of coders present on a piece, weighted."""
    n_values = int(values.max()) + 1 if values.size else 1
    matrix = np.zeros(n_values * n_values)
    for i in range(values.shape[1]):
        for j in range(i + 1, values.shape[1]):
            both = present[:, i] & present[:, j]
            flat = values[both, i] * n_values + values[both, j]
            matrix += np.bincount(flat, weight[both], minlength=n_values * n_values)
    matrix = matrix.reshape(n_values, n_values)
    return matrix + matrix.T


def _set_keys(n_cat: int) -> np.ndarray:
    """Per-category keys whose sums identify sets: bits for up to 64 categories, else random
    odd 64-bit keys (a collision between two sets is astronomically unlikely)."""
    if n_cat <= 64:
        return np.left_shift(np.uint64(1), np.arange(n_cat, dtype=np.uint64))
    rng = np.random.default_rng(0x5EED)
    return rng.integers(1, 2 ** 63, n_cat, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
