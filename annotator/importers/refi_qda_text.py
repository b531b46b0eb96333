"""A REFI-QDA source's text made canonical, with its selection positions carried along.

REFI-QDA counts code points of the ``.txt`` file as written (spec §10.2). Our documents keep the
canonical text (:func:`annotator.text.canonicalize`: ``\\r\\n`` → ``\\n``, NFC, no BOM), so a
position in a Windows-written source (CRLF) is moved left by the ``\\r`` characters removed before
it: a span stays on the same characters. A UTF-8 BOM is not counted (it is not part of the text).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from annotator.text import canonicalize

_PAIRED_CR = re.compile("\r(?=\n)")


class CanonicalSource:
    """The canonical text of a source and :meth:`position`, raw code point → canonical one."""

    def __init__(self, raw: str) -> None:
        raw = raw.lstrip("\ufeff")
        self.raw_length = len(raw)
        self._removed = [m.start() for m in _PAIRED_CR.finditer(raw)]  # each \r of a \r\n pair
        self.text = canonicalize(raw)
        single_breaks = _PAIRED_CR.sub("", raw)
        self._clusters = _changed_clusters(single_breaks)
        grown = sum(new - old for _, old, _, new in self._clusters)
        if len(single_breaks) + grown != len(self.text):
            raise ValueError("Unicode normalisation (NFC) changes the text in a way its positions cannot follow")

    def position(self, raw_position: int) -> int:
        """Where a raw position lands in the canonical text (0 ≤ raw_position ≤ raw length)."""
        after_crlf = raw_position - bisect_left(self._removed, raw_position)
        return self._through_nfc(after_crlf)

    def _through_nfc(self, position: int) -> int:
        """NFC may merge a base letter and its marks: a position inside a merged cluster goes to
        the cluster's end; positions after it shift by what the cluster lost."""
        index = bisect_right(self._clusters, (position, float("inf"))) - 1
        if index < 0:
            return position
        start, old_length, new_start, new_length = self._clusters[index]
        if position < start + old_length:
            return new_start if position == start else new_start + new_length
        return position - (start + old_length) + new_start + new_length


def _changed_clusters(text: str) -> list[tuple[int, int, int, int]]:
    """For every run (a starter and its combining marks) that NFC changes: its start and length
    before, its start and length after; sorted by start."""
    if unicodedata.is_normalized("NFC", text):
        return []
    changed: list[tuple[int, int, int, int]] = []
    shift = 0
    for start, run in _runs(text):
        normal = unicodedata.normalize("NFC", run)
        if normal != run:
            changed.append((start, len(run), start + shift, len(normal)))
            shift += len(normal) - len(run)
    return changed


def _runs(text: str) -> list[tuple[int, str]]:
    """The text cut before each character of combining class 0 (a starter)."""
    cuts = [i for i, ch in enumerate(text) if i == 0 or unicodedata.combining(ch) == 0]
    cuts.append(len(text))
    return [(cuts[i], text[cuts[i]:cuts[i + 1]]) for i in range(len(cuts) - 1)]
