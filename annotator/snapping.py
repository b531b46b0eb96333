"""Word snapping: a selection grows to the whole words it touches and sheds the punctuation around
them (DESIGN.md §4). Tokens are camel-tools' (see :func:`annotator.text.token_spans`)."""

from __future__ import annotations

import unicodedata

from annotator.text import token_spans


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Snap ``[start, end)`` to the whole words it touches, without punctuation around them.

    A closing quotation mark or a comma dragged along is left out (``الخيارات"`` gives the word);
    punctuation between words stays. A selection of punctuation only is grown to its tokens, one of
    whitespace only (or an empty one) is kept. Only the words around the selection are tokenised.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"selection {start}..{end} outside 0..{len(text)}")
    if not text[start:end].strip():
        return start, end
    left, right = start, end
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    while right < len(text) and not text[right].isspace():
        right += 1
    touched = [s for s in token_spans(text[left:right], left) if s[0] < end and s[1] > start]
    words = [s for s in touched if not is_punctuation(text[s[0]:s[1]])]
    if words:
        return words[0][0], words[-1][1]
    return (min(start, touched[0][0]), max(end, touched[-1][1])) if touched else (start, end)


def is_punctuation(token: str) -> bool:
    """Whether every character of ``token`` is a punctuation mark (Unicode category P*)."""
    return bool(token) and all(unicodedata.category(c).startswith("P") for c in token)
