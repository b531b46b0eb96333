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

from annotator.agreement.pairwise import Table, kappa_from_table
from annotator.agreement.study import SpanArrays, Study
from annotator.agreement.token_tally import TokenTally, token_blocks
from annotator.word_tokens import token_span_array


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
        spans = token_span_array(text)
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
    """Kappas and percent agreement per category and (with ``overall``) over all codes.

    Only counts are kept (:class:`~annotator.agreement.token_tally.TokenTally`), gathered
    over blocks of documents, so time and memory grow with the number of tokens and spans,
    not with categories x tokens arrays.
    """
    n_coders, n_cat = len(study.coders), len(spans.categories)
    if n_coders < 2 or len(tokens) == 0:
        nan = np.full(n_cat, math.nan)
        return TokenAgreement(nan, nan.copy(), nan.copy(), math.nan, math.nan, math.nan,
                              len(tokens), tokens.n_documents, n_coders if len(tokens) else 0)
    tally = TokenTally(n_coders, n_cat)
    for block in token_blocks(study, spans, tokens.start, tokens.end, n_coders):
        tally.add(block)
    fleiss, cohen = np.full(n_cat, math.nan), np.full(n_cat, math.nan)
    percent = np.ones(n_cat)  # a code nobody used: every token 0 for everyone
    for category in np.flatnonzero(np.bincount(spans.category, minlength=n_cat)):
        fleiss[category], cohen[category], percent[category] = _binary(
            tally.histogram[category], tally.marked[category])
    total = _overall(tally) if overall else (math.nan,) * 3
    return TokenAgreement(fleiss, cohen, percent, *total, len(tokens), tokens.n_documents,
                          n_coders)


def _binary(histogram: np.ndarray, marked: np.ndarray) -> tuple[float, float, float]:
    """Fleiss' kappa, Cohen's kappa (two coders) and mean pairwise agreement of one category
    from ``histogram[k]``, the number of tokens k coders marked, and ``marked[i]``, the tokens
    coder i marked: the formulas of :func:`fleiss_kappa` and :func:`cohen_kappa` for yes/no."""
    n, n_tokens = len(marked), int(histogram.sum())
    k = np.arange(n + 1)
    pairs = int(histogram @ (k * (k - 1) + (n - k) * (n - k - 1)))
    agreeing = pairs / (n * (n - 1.0)) / n_tokens
    share = int(histogram @ k) / n_tokens / n
    chance = share ** 2 + (1 - share) ** 2
    fleiss = (agreeing - chance) / (1 - chance) if chance < 1 else math.nan
    cohen = math.nan
    if n == 2:
        a, b = marked / n_tokens
        observed = (n_tokens - int(histogram[1])) / n_tokens
        expected = a * b + (1 - a) * (1 - b)
        cohen = (observed - expected) / (1 - expected) if expected < 1 else math.nan
    return fleiss, cohen, agreeing


def _overall(tally: TokenTally) -> tuple[float, float, float]:
    """Fleiss' kappa, Cohen's kappa (two coders, else nan) and mean pairwise agreement
    (Fleiss' P-bar) over the labels "none" and each category."""
    n, n_tokens = tally.n_coders, int(tally.label_counts.sum()) // tally.n_coders
    p_bar = 2 * tally.agreeing_pairs / (n * (n - 1.0)) / n_tokens
    shares = tally.label_counts / (n * n_tokens)
    chance = float(shares @ shares)
    fleiss = (p_bar - chance) / (1.0 - chance) if chance < 1.0 else math.nan
    return fleiss, _cohen(tally.label_table, tally.n_cat + 1) if n == 2 else math.nan, p_bar


def _cohen(table: np.ndarray, n_values: int) -> float:
    square = table.reshape(n_values, n_values)
    used = np.flatnonzero(square.sum(0) + square.sum(1))
    counts = square[np.ix_(used, used)].astype(np.float64)
    return kappa_from_table(Table(tuple(used.tolist()), counts), "cohen")
