"""Token spans of whole documents, fast: what :func:`annotator.text.word_spans` returns.

camel-tools' ``simple_word_tokenize`` splits the text at whitespace and then tries its
symbol/emoji pattern at every character of every word, in Python: about 2 ms for a
3,000-character article, most of a project report's time. A word in which no character can
start that pattern (no punctuation, symbol, emoji, digit, ``#`` or ``*``) comes out whole, so
only the other words are passed to camel-tools; the rest is found with array operations. The
result is the same list of spans (tests/test_word_tokens.py checks it against camel-tools).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from annotator.text import word_spans

_CLASSES: dict[int, tuple[bool, bool]] = {}
"""Code point -> (whitespace, may start a camel-tools symbol), filled as characters appear."""


@functools.cache
def _camel() -> tuple[Callable[[str], list[str]], Any] | None:
    """camel-tools' tokeniser and a pattern for the characters that may start one of its
    symbol tokens (the first characters its pattern accepts), or None without camel-tools."""
    try:
        import regex
        from camel_tools.tokenizers.word import simple_word_tokenize
    except Exception:  # annotator.text then uses its built-in tokeniser: so do we
        return None
    return simple_word_tokenize, regex.compile(r"[\p{RI}\p{Emoji}\p{S}\p{P}0-9*#]")


def token_span_array(text: str) -> np.ndarray:
    """``(n, 2)`` int32 start and end of every token of ``text``, as ``word_spans(text)``."""
    camel = _camel()
    if camel is None:
        return np.array(word_spans(text), dtype=np.int32).reshape(-1, 2)
    tokenize, starters = camel
    if not text:
        return np.empty((0, 2), dtype=np.int32)
    space, starter = _classify(text, starters)
    starts = np.flatnonzero(~space & np.r_[True, space[:-1]])
    ends = np.flatnonzero(~space & np.r_[space[1:], True]) + 1
    marks = np.r_[0, np.cumsum(starter)]
    mixed = marks[ends] > marks[starts]
    pieces = [np.column_stack([starts[~mixed], ends[~mixed]])]
    for start, end in zip(starts[mixed].tolist(), ends[mixed].tolist()):
        pieces.append(_split(text[start:end], start, tokenize))
    spans = np.concatenate(pieces).astype(np.int32).reshape(-1, 2)
    return spans[np.argsort(spans[:, 0], kind="stable")]


def _classify(text: str, starters: Any) -> tuple[np.ndarray, np.ndarray]:
    """Per character: whitespace (as ``str.split`` sees it), and may start a symbol token."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    distinct = np.unique(points)  # a few dozen per document
    for point in distinct.tolist():
        if point not in _CLASSES:
            char = chr(point)
            _CLASSES[point] = (char.isspace(), starters.match(char) is not None)
    flags = np.array([_CLASSES[p] for p in distinct.tolist()], dtype=bool).reshape(-1, 2)
    index = np.searchsorted(distinct, points)
    return flags[index, 0], flags[index, 1]


def _split(word: str, offset: int, tokenize: Callable[[str], list[str]]) -> np.ndarray:
    """camel-tools' tokens of one word (pieces of it, in order) as spans."""
    spans, pos = [], 0
    for token in tokenize(word):
        start = word.index(token, pos)
        pos = start + len(token)
        spans.append((offset + start, offset + pos))
    return np.array(spans, dtype=np.int64).reshape(-1, 2)
