"""Token kappas from block-wise counts equal a literal token-by-token computation.

The reference below marks, for every coder, category and token, the characters of the token
its spans cover (a set of positions), and feeds the resulting yes/no values and labels to the
textbook coefficients; the production code keeps only counts, gathered over blocks of
documents. Small blocks are forced so that several documents split into several blocks.
"""

from __future__ import annotations

import math
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import token_tally
from annotator.agreement.fleiss import fleiss_kappa
from annotator.agreement.pairwise import cohen_kappa
from annotator.agreement.report_input import AgreementInput, DocumentUnits, SpanRow
from annotator.agreement.study import Study, build_study
from annotator.agreement.tokens import Tokens, token_agreement, tokenize

CODES = ("Claim/a", "Claim/b", "Actor/c")


@st.composite
def studies(draw: st.DrawFn) -> tuple[AgreementInput, int]:
    n_coders = draw(st.integers(2, 3))
    coders = [f"coder {i}" for i in range(n_coders)]
    documents = []
    for d in range(draw(st.integers(1, 4))):
        words = draw(st.lists(st.text("abcdefgh", min_size=1, max_size=6), min_size=1,
                              max_size=12))
        text = " ".join(words) + draw(st.sampled_from(["", ".", " ،"]))
        spans = []
        for coder in coders:
            for _ in range(draw(st.integers(0, 5))):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, len(text)))
                spans.append(SpanRow(coder, start, end, draw(st.sampled_from(CODES))))
        documents.append(DocumentUnits(f"d{d}", f"doc {d}", text, spans, set(coders)))
    return AgreementInput(documents, coders, list(CODES), {c: c for c in CODES}), \
        draw(st.integers(1, 8))


def literal_values(study: Study, tokens: Tokens) -> tuple[np.ndarray, np.ndarray]:
    """coders x categories x tokens yes/no, and coders x tokens labels (0 none, 1 + code)."""
    n_coders, n_tokens = len(study.coders), len(tokens)
    positions: dict[tuple[int, int], set[int]] = {}
    for d, doc in enumerate(study.documents):
        for span in doc.spans:
            key = (study.coders.index(span.coder), CODES.index(span.code))
            offset = int(study.begin[d])
            positions.setdefault(key, set()).update(range(span.start + offset, span.end + offset))
    covered = np.zeros((n_coders, len(CODES), n_tokens), dtype=np.int64)
    for (i, c), marked in positions.items():
        for t in range(n_tokens):
            covered[i, c, t] = len(marked & set(range(int(tokens.start[t]), int(tokens.end[t]))))
    flags = 2 * covered > (tokens.end - tokens.start)
    labels = np.zeros((n_coders, n_tokens), dtype=np.int64)
    for i in range(n_coders):
        for t in range(n_tokens):
            marking = [c for c in range(len(CODES)) if flags[i, c, t]]
            if marking:  # most characters; ties: the code first in the codebook
                labels[i, t] = 1 + max(marking, key=lambda c: (covered[i, c, t], -c))
    return flags, labels


def textbook(values: np.ndarray, n_values: int) -> tuple[float, float, float]:
    """Fleiss' kappa, Cohen's kappa (two coders) and mean pairwise agreement of coders x
    tokens values."""
    n, n_tokens = values.shape
    counts = np.zeros((n_tokens, n_values))
    for i in range(n):
        counts[np.arange(n_tokens), values[i]] += 1
    pairs = ((counts ** 2).sum(axis=1) - n) / (n * (n - 1))
    cohen = cohen_kappa(values[0].tolist(), values[1].tolist()) if n == 2 else math.nan
    return fleiss_kappa(counts), cohen, float(pairs.mean())


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-12, abs=1e-12)


@settings(max_examples=150, deadline=None)
@given(studies())
def test_block_counts_equal_literal_tally(case: tuple[AgreementInput, int]) -> None:
    data, block = case
    study = build_study(data)
    spans = study.spans({c: c for c in CODES}, CODES)
    tokens = tokenize(study, study.complete)
    with mock.patch.object(token_tally, "BLOCK_TOKENS", block):
        result = token_agreement(study, spans, tokens)
    flags, labels = literal_values(study, tokens)
    used = set(spans.category.tolist())
    for c in range(len(CODES)):
        expected = textbook(flags[:, c].astype(np.int64), 2) if c in used else (
            math.nan, math.nan, 1.0)
        got = (result.fleiss[c], result.cohen[c], result.percent[c])
        assert all(same(g, e) for g, e in zip(got, expected)), (c, got, expected)
    expected = textbook(labels, len(CODES) + 1)
    got = (result.overall_fleiss, result.overall_cohen, result.overall_percent)
    assert all(same(g, e) for g, e in zip(got, expected)), (got, expected)
