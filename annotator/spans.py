"""A per-block index of annotation spans over one text, for views that paint paragraph by paragraph.

A *block* is a paragraph as a text widget sees it: the text between two ``\\n``. Views paint and
repaint one block at a time, so the index answers "which spans touch block *n*" in O(spans there),
and adding or removing a span reports exactly the blocks whose look changes. Offsets are code
points, half-open ``[start, end)``. Pure Python: no Qt here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import numpy as np

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
    """Spans bucketed by the blocks they touch. Building is O(n + touched blocks).

    Built from columns (:meth:`from_columns`, what opening a document uses), a block's list of
    spans is made when the block is first asked for: a view asks for the blocks on screen, so
    opening a document with 50,000 annotations makes a few hundred span objects, not 50,000.
    """

    def __init__(self, starts: Sequence[int], length: int) -> None:
        self._starts = list(starts)
        self._length = length
        self._blocks: list[list[Span] | None] = [[] for _ in self._starts]
        self._span_map: dict[str, Span] | None = {}
        self._changed: dict[str, Span | None] = {}  # added or removed (None) before the map
        self._columns: _Columns | None = None

    @classmethod
    def for_text(cls, text: str, spans: Iterable[Span] = ()) -> SpanIndex:
        """Index ``spans`` (unique keys) over ``text`` in one pass."""
        index = cls(block_starts(text), len(text))
        starts, blocks, length = index._starts, index._blocks, len(text)
        spans_by_key = index._spans
        for span in spans:
            if not 0 <= span.start < span.end <= length or span.key in spans_by_key:
                raise ValueError(f"span {span} is outside 0..{length} or repeats a key")
            spans_by_key[span.key] = span
            first = bisect_right(starts, span.start) - 1
            last = bisect_right(starts, span.end - 1) - 1
            for block in range(first, last + 1):
                blocks[block].append(span)  # type: ignore[union-attr]
        return index

    @classmethod
    def from_columns(cls, text: str, keys: Sequence[str], starts: Sequence[int],
                     ends: Sequence[int]) -> SpanIndex:
        """Index spans given as columns (unique keys); blocks are filled when first used."""
        index = cls(block_starts(text), len(text))
        columns = _Columns.build(index._starts, len(text), keys, starts, ends)
        index._columns, index._span_map = columns, None
        index._blocks = [None] * len(index._starts)
        return index

    @property
    def _spans(self) -> dict[str, Span]:
        """Every span by key (made on first use when built from columns)."""
        if self._span_map is None:
            assert self._columns is not None
            spans = {span.key: span for span in self._columns.spans()}
            for key, span in self._changed.items():
                if span is None:
                    spans.pop(key, None)
                else:
                    spans[key] = span
            self._span_map, self._changed = spans, {}
        return self._span_map

    def _lookup(self, key: str) -> Span | None:
        """A span by key without making the whole map (adding and removing on the key path)."""
        if self._span_map is not None:
            return self._span_map.get(key)
        if key in self._changed:
            return self._changed[key]
        assert self._columns is not None
        return self._columns.find(key)

    def _store(self, key: str, span: Span | None) -> None:
        if self._span_map is None:
            self._changed[key] = span
        elif span is None:
            self._span_map.pop(key, None)
        else:
            self._span_map[key] = span

    def _block(self, block: int) -> list[Span]:
        spans = self._blocks[block]
        if spans is None:
            assert self._columns is not None
            spans = self._blocks[block] = self._columns.block(block)
        return spans

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

    def add(self, span: Span, new: bool = False) -> range:
        """Insert (or replace) a span; returns the blocks whose look changes. ``new`` says the key
        is not in the index yet (saves looking for it)."""
        touched = range(0) if new else self.remove(span.key)
        if not 0 <= span.start < span.end <= self._length:
            raise ValueError(f"span {span.start}..{span.end} outside 0..{self._length}")
        self._store(span.key, span)
        blocks = self.blocks_of(span.start, span.end)
        for block in blocks:
            self._block(block).append(span)
        return _union(touched, blocks)

    def remove(self, key: str) -> range:
        """Drop a span if present; returns the blocks it touched (empty if it was absent)."""
        span = self._lookup(key)
        if span is None:
            return range(0)
        self._store(key, None)
        blocks = self.blocks_of(span.start, span.end)
        for block in blocks:
            self._block(block).remove(span)
        return blocks

    def in_block(self, block: int) -> list[Span]:
        """Spans touching a block, in no particular order."""
        return list(self._block(block)) if 0 <= block < len(self._blocks) else []

    def at(self, offset: int) -> list[Span]:
        """Spans covering the character at ``offset``, innermost first."""
        block = self.block_of(offset)
        covering = [s for s in self._block(block) if s.start <= offset < s.end]
        return sorted(covering, key=innermost_first)

    def segments(self, block: int) -> list[Segment]:
        """The block cut where any span starts or ends; each piece lists its spans, innermost first.

        Pieces no span covers are left out. Offsets are clipped to the block. One sweep over the
        cut points: spans enter and leave a list kept in innermost-first order (this runs for
        every block repainted after a key press, on blocks with hundreds of spans).
        """
        spans = self._block(block) if 0 <= block < len(self._blocks) else []
        if not spans:
            return []
        low, high = self.block_bounds(block)
        ordered = sorted(spans, key=innermost_first)
        entering: dict[int, list[int]] = {}
        leaving: dict[int, list[int]] = {}
        for rank, span in enumerate(ordered):
            if span.end <= low or span.start >= high:
                continue
            entering.setdefault(max(low, span.start), []).append(rank)
            if span.end < high:
                leaving.setdefault(span.end, []).append(rank)
        cuts = sorted({low, high, *entering, *leaving})
        ranks: list[int] = []  # of the spans covering the current piece, ascending
        active: list[Span] = []  # those spans, in the same order
        pieces: list[Segment] = []
        for left, right in zip(cuts, cuts[1:]):
            for rank in leaving.get(left, ()):
                where = bisect_left(ranks, rank)
                del ranks[where], active[where]
            for rank in entering.get(left, ()):
                where = bisect_left(ranks, rank)
                ranks.insert(where, rank)
                active.insert(where, ordered[rank])
            if active:
                pieces.append(Segment(left, right, tuple(active)))
        return pieces


def _union(first: range, second: range) -> range:
    if not first:
        return second
    if not second:
        return first
    return range(min(first.start, second.start), max(first.stop, second.stop))


class _Columns:
    """Spans as arrays, grouped by block: what :meth:`SpanIndex.from_columns` fills blocks from.

    ``order[bounds[b]:bounds[b + 1]]`` are the positions of the spans touching block ``b``.
    """

    def __init__(self, keys: Sequence[str], starts: np.ndarray, ends: np.ndarray,
                 order: np.ndarray, bounds: np.ndarray) -> None:
        self.keys, self.starts, self.ends = keys, starts, ends
        self.order, self.bounds = order, bounds

    @classmethod
    def build(cls, block_starts: list[int], length: int, keys: Sequence[str],
              starts: Sequence[int], ends: Sequence[int]) -> _Columns:
        begin = np.asarray(starts, dtype=np.int64)
        finish = np.asarray(ends, dtype=np.int64)
        if not len(keys) == len(begin) == len(finish):
            raise ValueError("keys, starts and ends differ in length")
        bad = np.flatnonzero((begin < 0) | (begin >= finish) | (finish > length))
        if len(bad) or len(set(keys)) != len(keys):
            where = int(bad[0]) if len(bad) else 0
            raise ValueError(f"span {where} is outside 0..{length} or a key repeats")
        blocks = np.asarray(block_starts, dtype=np.int64)
        first = np.searchsorted(blocks, begin, side="right") - 1
        touched = np.searchsorted(blocks, finish - 1, side="right") - first  # blocks per span
        positions = np.repeat(np.arange(len(begin)), touched)  # one entry per (span, block)
        steps = np.arange(len(positions)) - np.repeat(np.cumsum(touched) - touched, touched)
        block_of = first[positions] + steps
        by_block = np.argsort(block_of, kind="stable")
        bounds = np.searchsorted(block_of[by_block], np.arange(len(blocks) + 1))
        return cls(keys, begin, finish, positions[by_block], bounds)

    def block(self, block: int) -> list[Span]:
        positions = self.order[self.bounds[block]:self.bounds[block + 1]].tolist()
        return [Span(self.keys[i], int(self.starts[i]), int(self.ends[i])) for i in positions]

    def find(self, key: str) -> Span | None:
        """The span of a key as loaded (a linear search: ~1 ms for 50,000 keys)."""
        try:
            i = self.keys.index(key)
        except ValueError:
            return None
        return Span(key, int(self.starts[i]), int(self.ends[i]))

    def spans(self) -> Iterator[Span]:
        return map(Span, self.keys, self.starts.tolist(), self.ends.tolist())
