"""A per-block index of annotation spans over one text, for views that paint paragraph by paragraph.

A *block* is a paragraph as a text widget sees it: the text between two ``\\n``. Views paint and
repaint one block at a time, so the index answers "which spans touch block *n*" in O(spans there),
and adding or removing a span reports exactly the blocks whose look changes. Offsets are code
points, half-open ``[start, end)``. Pure Python: no Qt here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

_NEWLINE = re.compile("\n")


class Span(NamedTuple):
    """One annotation's extent; ``key`` identifies it (the annotation UUID)."""

    key: str
    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


class Segment(NamedTuple):
    """A stretch of one block covered by the same spans, innermost span first."""

    start: int
    end: int
    spans: tuple[Span, ...]


def innermost_first(span: Span) -> tuple[int, int, str]:
    """Sort key: shorter spans are inside longer ones; on a tie the later start is inner."""
    return span.length, -span.start, span.key


def block_starts(text: str) -> list[int]:
    """Offsets where each block (paragraph) of ``text`` begins."""
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


class SpanIndex:
    """Spans bucketed by the blocks they touch. Building is O(n + touched blocks)."""

    def __init__(self, starts: Sequence[int], length: int) -> None:
        self._starts = list(starts)
        self._length = length
        self._blocks: list[list[Span]] = [[] for _ in self._starts]
        self._spans: dict[str, Span] = {}

    @classmethod
    def for_text(cls, text: str, spans: Iterable[Span] = ()) -> SpanIndex:
        """Index ``spans`` (unique keys) over ``text`` in one pass."""
        index = cls(block_starts(text), len(text))
        starts, blocks, length = index._starts, index._blocks, len(text)
        for span in spans:
            if not 0 <= span.start < span.end <= length or span.key in index._spans:
                raise ValueError(f"span {span} is outside 0..{length} or repeats a key")
            index._spans[span.key] = span
            first = bisect_right(starts, span.start) - 1
            last = bisect_right(starts, span.end - 1) - 1
            for block in range(first, last + 1):
                blocks[block].append(span)
        return index

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans.values())

    @property
    def block_count(self) -> int:
        return len(self._starts)

    def get(self, key: str) -> Span | None:
        return self._spans.get(key)

    def block_of(self, offset: int) -> int:
        """The block holding ``offset`` (the end of the text belongs to the last block)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def block_bounds(self, block: int) -> tuple[int, int]:
        """``[start, end)`` of a block's characters, without its closing ``\\n``."""
        start = self._starts[block]
        end = self._starts[block + 1] - 1 if block + 1 < len(self._starts) else self._length
        return start, end

    def blocks_of(self, start: int, end: int) -> range:
        """The blocks a span ``[start, end)`` touches."""
        return range(self.block_of(start), self.block_of(max(start, end - 1)) + 1)

    def add(self, span: Span) -> range:
        """Insert (or replace) a span; returns the blocks whose look changes."""
        touched = self.remove(span.key)
        if not 0 <= span.start < span.end <= self._length:
            raise ValueError(f"span {span.start}..{span.end} outside 0..{self._length}")
        self._spans[span.key] = span
        blocks = self.blocks_of(span.start, span.end)
        for block in blocks:
            self._blocks[block].append(span)
        return _union(touched, blocks)

    def remove(self, key: str) -> range:
        """Drop a span if present; returns the blocks it touched (empty if it was absent)."""
        span = self._spans.pop(key, None)
        if span is None:
            return range(0)
        blocks = self.blocks_of(span.start, span.end)
        for block in blocks:
            self._blocks[block].remove(span)
        return blocks

    def in_block(self, block: int) -> list[Span]:
        """Spans touching a block, in no particular order."""
        return list(self._blocks[block]) if 0 <= block < len(self._blocks) else []

    def at(self, offset: int) -> list[Span]:
        """Spans covering the character at ``offset``, innermost first."""
        block = self.block_of(offset)
        covering = [s for s in self._blocks[block] if s.start <= offset < s.end]
        return sorted(covering, key=innermost_first)

    def segments(self, block: int) -> list[Segment]:
        """The block cut where any span starts or ends; each piece lists its spans, innermost first.

        Pieces no span covers are left out. Offsets are clipped to the block.
        """
        spans = self._blocks[block] if 0 <= block < len(self._blocks) else []
        if not spans:
            return []
        low, high = self.block_bounds(block)
        cuts = sorted({low, high, *(max(low, min(high, p)) for s in spans for p in (s.start, s.end))})
        ordered = sorted(spans, key=lambda s: s.start)
        pieces: list[Segment] = []
        active: list[Span] = []
        next_span = 0
        for left, right in zip(cuts, cuts[1:]):
            while next_span < len(ordered) and ordered[next_span].start <= left:
                active.append(ordered[next_span])
                next_span += 1
            active = [s for s in active if s.end > left]
            if active:
                pieces.append(Segment(left, right, tuple(sorted(active, key=innermost_first))))
        return pieces


def _union(first: range, second: range) -> range:
    if not first:
        return second
    if not second:
        return first
    return range(min(first.start, second.start), max(first.stop, second.stop))
