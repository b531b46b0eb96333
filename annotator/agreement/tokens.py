"""Agreement on tokens: Fleiss' kappa, Cohen's kappa (two coders) and percent agreement.

The units are the tokens of :func:`annotator.text.word_spans` (words, and punctuation marks on
their own) of the documents every coder coded: Fleiss' kappa needs the same raters on every
unit. A coder's value for a token is

- per code (or collapsed parent): 1 if the coder's spans of the code cover more than half of
  the token's characters, else 0;
- over all codes: the code that covers most of the token's characters among those covering
  more than half of it (nested spans: ties go to the code first in the codebook), or "none".
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from annotator.agreement.fleiss import fleiss_kappa
from annotator.agreement.pairwise import Table, kappa_from_table
from annotator.agreement.study import SpanArrays, Study
from annotator.text import word_spans


@dataclass(frozen=True)
class Tokens:
    """Tokens of the chosen documents on the study's global axis."""

    start: np.ndarray
    end: np.ndarray
    n_documents: int

    def __len__(self) -> int:
        return len(self.start)


@dataclass(frozen=True)
class TokenAgreement:
    """Per category (index as in the span arrays) and over all codes; nan where undefined."""

    fleiss: np.ndarray
    cohen: np.ndarray
    percent: np.ndarray
    overall_fleiss: float
    overall_cohen: float
    overall_percent: float
    n_tokens: int
    n_documents: int
    n_coders: int


def tokenize(study: Study, docs: np.ndarray) -> Tokens:
    """The tokens of the documents selected by the mask ``docs``."""
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    for d in np.flatnonzero(docs):
        spans = _WORDS.get(study.documents[d].text)
        starts.append(spans[:, 0] + study.begin[d])
        ends.append(spans[:, 1] + study.begin[d])
    empty = np.empty(0, dtype=np.int64)
    return Tokens(np.concatenate(starts) if starts else empty,
                  np.concatenate(ends) if ends else empty, int(docs.sum()))


class WordCache:
    """Token spans of recent texts, keyed by their SHA-256 (a canonical text never changes,
    and tokenising is the slowest step of a report that is recomputed as filters change).
    Bounded by the number of tokens held, so long documents cannot fill memory."""

    def __init__(self, max_tokens: int = 4_000_000) -> None:
        self.max_tokens = max_tokens
        self._spans: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, text: str) -> np.ndarray:
        """``(n, 2)`` int32 start and end of every token of ``text`` (read-only)."""
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        with self._lock:
            if key in self._spans:
                self._spans.move_to_end(key)
                return self._spans[key]
        spans = np.array(word_spans(text), dtype=np.int32).reshape(-1, 2)
        spans.setflags(write=False)
        with self._lock:
            self._spans[key] = spans
            self._held += len(spans)
            while self._held > self.max_tokens and len(self._spans) > 1:
                self._held -= len(self._spans.popitem(last=False)[1])
        return spans


_WORDS = WordCache()


def token_agreement(study: Study, spans: SpanArrays, tokens: Tokens,
                    overall: bool = True) -> TokenAgreement:
    """Kappas and percent agreement per category and (with ``overall``) over all codes."""
    n_coders, n_cat = len(study.coders), len(spans.categories)
    if n_coders < 2 or len(tokens) == 0:
        nan = np.full(n_cat, math.nan)
        return TokenAgreement(nan, nan.copy(), nan.copy(), math.nan, math.nan, math.nan,
                              len(tokens), tokens.n_documents, n_coders if len(tokens) else 0)
    used = np.unique(spans.category)  # a code nobody used: all 0, nothing to compute
    cover = coverage(spans, tokens, n_coders, used)
    flags = 2 * cover > (tokens.end - tokens.start)[None, None, :]
    fleiss, cohen = np.full(n_cat, math.nan), np.full(n_cat, math.nan)
    percent = np.ones(n_cat)
    fleiss[used], cohen[used], percent[used] = _binary(flags)
    labels = _labels(cover, flags, used)
    total = _summary_labels(labels, n_cat + 1) if overall else (math.nan,) * 3
    return TokenAgreement(fleiss, cohen, percent, *total, len(tokens), tokens.n_documents,
                          n_coders)


def coverage(spans: SpanArrays, tokens: Tokens, n_coders: int,
             categories: np.ndarray) -> np.ndarray:
    """coders x categories x tokens: characters of each token covered by each coder's spans
    of each of the given categories (spans are merged, so nothing is counted twice)."""
    n_cat = len(spans.categories)
    column = np.full(n_cat, -1)
    column[categories] = np.arange(len(categories))
    cover = np.zeros((n_coders, len(categories), len(tokens)), dtype=np.float32)
    group = spans.coder * n_cat + spans.category
    bounds = np.searchsorted(group, np.arange(n_coders * n_cat + 1))
    for g in range(n_coders * n_cat):
        lo, hi = bounds[g], bounds[g + 1]
        if hi > lo:
            cover[g // n_cat, column[g % n_cat]] = _covered(spans.start[lo:hi],
                                                            spans.end[lo:hi], tokens)
    return cover


def _covered(start: np.ndarray, end: np.ndarray, tokens: Tokens) -> np.ndarray:
    """Characters of each token inside the sorted, non-overlapping intervals; only the tokens
    that meet an interval are visited (tokens are sorted and do not overlap either)."""
    first = np.searchsorted(tokens.end, start, side="right")
    stop = np.searchsorted(tokens.start, end, side="left")
    count = np.maximum(stop - first, 0)
    interval = np.repeat(np.arange(len(start)), count)
    token = first[interval] + np.arange(len(interval)) - np.repeat(np.cumsum(count) - count, count)
    inside = (np.minimum(tokens.end[token], end[interval])
              - np.maximum(tokens.start[token], start[interval]))
    return np.bincount(token, inside, minlength=len(tokens))


def _binary(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fleiss' kappa, Cohen's kappa (two coders) and mean pairwise agreement of every
    category at once, from coders x categories x tokens yes/no values: the formulas of
    :func:`fleiss_kappa` and :func:`cohen_kappa` for two categories, vectorised over codes."""
    n = flags.shape[0]
    yes = flags.sum(axis=0, dtype=np.float64)
    no = n - yes
    agreeing = ((yes * (yes - 1) + no * (no - 1)) / (n * (n - 1.0))).mean(axis=1)
    share = yes.mean(axis=1) / n
    chance = share ** 2 + (1 - share) ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        fleiss = np.where(chance < 1, (agreeing - chance) / (1 - chance), math.nan)
        cohen = np.full(len(share), math.nan)
        if n == 2:
            a, b = flags[0].mean(axis=1), flags[1].mean(axis=1)
            observed = (flags[0] == flags[1]).mean(axis=1)
            expected = a * b + (1 - a) * (1 - b)
            cohen = np.where(expected < 1, (observed - expected) / (1 - expected), math.nan)
    return fleiss, cohen, agreeing


def _labels(cover: np.ndarray, flags: np.ndarray, categories: np.ndarray) -> np.ndarray:
    """coders x tokens: 0 for "none", else 1 + the category covering most of the token
    (``cover`` and ``flags`` hold the given categories, in codebook order)."""
    if cover.shape[1] == 0:
        return np.zeros((cover.shape[0], cover.shape[2]), dtype=np.int64)
    masked = np.where(flags, cover, -1.0)
    return np.where(flags.any(axis=1), categories[masked.argmax(axis=1)] + 1, 0)


def _summary(counts: np.ndarray, values: np.ndarray) -> tuple[float, float, float]:
    """Fleiss' kappa, Cohen's kappa (two coders, else nan), mean pairwise agreement."""
    cohen = _cohen(values[0], values[1], counts.shape[1]) if len(values) == 2 else math.nan
    return fleiss_kappa(counts), cohen, _percent(counts)


def _summary_labels(labels: np.ndarray, n_values: int) -> tuple[float, float, float]:
    n_tokens = labels.shape[1]
    flat = np.arange(n_tokens)[None, :] * n_values + labels
    counts = np.bincount(flat.ravel(), minlength=n_tokens * n_values).reshape(n_tokens, n_values)
    return _summary(counts, labels)


def _cohen(a: np.ndarray, b: np.ndarray, n_values: int) -> float:
    table = np.bincount(a * n_values + b, minlength=n_values * n_values)
    used = np.flatnonzero(table.reshape(n_values, n_values).sum(0)
                          + table.reshape(n_values, n_values).sum(1))
    counts = table.reshape(n_values, n_values)[np.ix_(used, used)].astype(np.float64)
    return kappa_from_table(Table(tuple(used.tolist()), counts), "cohen")


def _percent(counts: np.ndarray) -> float:
    """Share of agreeing coder pairs per token, averaged (Fleiss' P-bar; for two coders the
    percent agreement)."""
    n = counts.sum(axis=1)
    if len(n) == 0 or n[0] < 2:
        return math.nan
    return float((((counts ** 2).sum(axis=1) - n) / (n * (n - 1.0))).mean())
