"""The fast document tokeniser returns exactly camel-tools' token spans."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.resources import resource_path
from annotator.text import _token_spans
from annotator.word_tokens import token_span_array

PIECES = ["كتب", "الولايات", "ـ", "\u064b", "\u0651", "abc", "É", "1", "٣", "#", "*", "12",
          "،", ".", ",", "!", "؟", "«", "»", "(", ")", "-", "'", "$", "€", "+", "%",
          "😀", "🇸🇾", "1\ufe0f\u20e3", "👩\u200d💻", "\u200d", "\ufe0f", "👍🏽",
          " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "\x85", "\u200b"]


def literal(text: str) -> np.ndarray:
    """camel-tools on the whole text, each token found after the previous one."""
    return np.array(_token_spans(text), dtype=np.int32).reshape(-1, 2)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_fast_tokens_equal_camel_tools(text: str) -> None:
    assert np.array_equal(token_span_array(text), literal(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_fast_tokens_equal_camel_tools_on_any_text(text: str) -> None:
    assert np.array_equal(token_span_array(text), literal(text))


def test_demo_articles() -> None:
    for path in sorted(resource_path("demo").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert np.array_equal(token_span_array(text), literal(text)), path.name
