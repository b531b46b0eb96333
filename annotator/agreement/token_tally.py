"""Counting the token values of :mod:`annotator.agreement.tokens`, block by block.

The kappas need only counts: per category, how many tokens k coders marked and how many each
coder marked; over all codes, the agreeing coder pairs, each label's count and (two coders)
the label table. Counts add up over documents, so the documents are taken in blocks of about
:data:`BLOCK_TOKENS` tokens: every array then stays small enough for the processor cache and
the time grows with the number of documents, not faster (a binary search or a scatter over
one array of every token in a large project misses the cache on almost every access).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from annotator.agreement.study import SpanArrays, Study

BLOCK_TOKENS = 65_536


@dataclass(frozen=True)
class TokenBlock:
    """The tokens of a run of whole documents and the spans inside them, each coder and
    category's spans (sorted, not overlapping) at ``bounds[coder * n_cat + category]``."""

    start: np.ndarray
    end: np.ndarray
    span_start: np.ndarray
    span_end: np.ndarray
    bounds: np.ndarray


def token_blocks(study: Study, spans: SpanArrays, start: np.ndarray, end: np.ndarray,
                 n_coders: int) -> Iterator[TokenBlock]:
    """Blocks of whole documents with about BLOCK_TOKENS tokens (``start``, ``end``: every
    token on the study's global axis, ascending)."""
    n_groups = n_coders * len(spans.categories)
    before = np.searchsorted(start, study.begin)  # tokens ahead of each document
    opens = np.flatnonzero(np.diff(before // BLOCK_TOKENS, prepend=-1))  # docs opening blocks
    block_of_doc = np.zeros(len(study.begin), dtype=np.int64)
    block_of_doc[opens[1:]] = 1
    block_of_doc = np.cumsum(block_of_doc)
    key = block_of_doc[spans.doc] * n_groups + spans.coder * len(spans.categories) + spans.category
    order = np.argsort(key, kind="stable")  # keeps each group's spans in start order
    span_bounds = np.searchsorted(key[order], np.arange(len(opens) * n_groups + 1))
    span_start, span_end = spans.start[order], spans.end[order]
    token_bounds = np.r_[before[opens], len(start)]
    for b in range(len(opens)):
        lo, hi = token_bounds[b], token_bounds[b + 1]
        cut = span_bounds[b * n_groups:(b + 1) * n_groups + 1]
        yield TokenBlock(start[lo:hi], end[lo:hi], span_start[cut[0]:cut[-1]],
                         span_end[cut[0]:cut[-1]], cut - cut[0])


def covered_tokens(start: np.ndarray, end: np.ndarray, token_start: np.ndarray,
                   token_end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The tokens that sorted, non-overlapping intervals meet (ascending, each once) and how
    many of each token's characters they cover; tokens are sorted and do not overlap either."""
    first = np.searchsorted(token_end, start, side="right")
    stop = np.searchsorted(token_start, end, side="left")
    count = np.maximum(stop - first, 0)
    interval = np.repeat(np.arange(len(start)), count)
    token = first[interval] + np.arange(len(interval)) - np.repeat(np.cumsum(count) - count, count)
    inside = (np.minimum(token_end[token], end[interval])
              - np.maximum(token_start[token], start[interval]))
    repeated = np.flatnonzero(token[1:] == token[:-1])  # touching intervals share a token
    if len(repeated) == 0:
        return token, inside
    keep = np.ones(len(token), dtype=bool)
    keep[repeated + 1] = False
    total = np.cumsum(inside)[np.r_[np.flatnonzero(keep)[1:] - 1, len(token) - 1]]
    return token[keep], np.diff(total, prepend=0)


class TokenTally:
    """The counts the kappas need, added up block by block.

    ``histogram[c, k]``: tokens that k coders marked with category c (covered more than half);
    ``marked[c, i]``: tokens coder i marked with c. Over all codes each coder labels a token 0
    ("none") or 1 + the category covering most of it among those marking it; categories are
    offered in codebook order and a later one wins only with strictly more characters, so
    ties go to the first. ``agreeing_pairs``: coder pairs with equal labels, summed over
    tokens; ``label_counts[v]``: labels v; ``label_table`` (two coders): first x second label.
    """

    def __init__(self, n_coders: int, n_cat: int) -> None:
        self.n_coders, self.n_cat = n_coders, n_cat
        self.histogram = np.zeros((n_cat, n_coders + 1), dtype=np.int64)
        self.marked = np.zeros((n_cat, n_coders), dtype=np.int64)
        self.agreeing_pairs = 0
        self.label_counts = np.zeros(n_cat + 1, dtype=np.int64)
        self.label_table = np.zeros((n_cat + 1) ** 2, dtype=np.int64)

    def add(self, block: TokenBlock) -> None:
        n_tokens = len(block.start)
        labels = np.zeros((self.n_coders, n_tokens), dtype=np.int64)
        best = np.zeros((self.n_coders, n_tokens), dtype=np.int64)
        for category in range(self.n_cat):
            groups = range(category, self.n_coders * self.n_cat, self.n_cat)
            if all(block.bounds[g] == block.bounds[g + 1] for g in groups):
                self.histogram[category, 0] += n_tokens  # nobody used it here
                continue
            yes = np.zeros(n_tokens, dtype=np.int64)
            for coder in range(self.n_coders):
                token, chars = self._marked(block, coder * self.n_cat + category)
                yes[token] += 1
                self.marked[category, coder] += len(token)
                wins = chars > best[coder, token]
                best[coder, token[wins]] = chars[wins]
                labels[coder, token[wins]] = category + 1
            self.histogram[category] += np.bincount(yes, minlength=self.n_coders + 1)
        self._add_labels(labels)

    @staticmethod
    def _marked(block: TokenBlock, group: int) -> tuple[np.ndarray, np.ndarray]:
        """The block's tokens one coder marked with one category, and their covered chars."""
        lo, hi = block.bounds[group], block.bounds[group + 1]
        token, chars = covered_tokens(block.span_start[lo:hi], block.span_end[lo:hi],
                                      block.start, block.end)
        flagged = 2 * chars > block.end[token] - block.start[token]
        return token[flagged], chars[flagged]

    def _add_labels(self, labels: np.ndarray) -> None:
        n, n_values = self.n_coders, self.n_cat + 1
        self.agreeing_pairs += sum(int(np.count_nonzero(labels[a] == labels[b]))
                                   for a in range(n) for b in range(a + 1, n))
        self.label_counts += np.bincount(labels.ravel(), minlength=n_values)
        if n == 2:
            self.label_table += np.bincount(labels[0] * n_values + labels[1],
                                            minlength=n_values * n_values)
