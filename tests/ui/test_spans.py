"""The per-block span index (pure Python) that the highlighter paints from."""

from __future__ import annotations

import pytest

from annotator.spans import Span, SpanIndex, block_starts

TEXT = "أول فقرة هنا\n\nثانية فيها كلمات\nثالثة"


def test_blocks_follow_newlines() -> None:
    assert block_starts(TEXT) == [0, 13, 14, 31]
    index = SpanIndex.for_text(TEXT)
    assert index.block_count == 4
    assert index.block_of(0) == 0 and index.block_of(12) == 0 and index.block_of(13) == 1
    assert index.block_of(len(TEXT)) == 3
    assert index.block_bounds(0) == (0, 12) and index.block_bounds(3) == (31, len(TEXT))


def test_add_and_remove_report_the_blocks_touched() -> None:
    index = SpanIndex.for_text(TEXT)
    assert list(index.add(Span("a", 4, 20))) == [0, 1, 2]
    assert [s.key for s in index.in_block(2)] == ["a"]
    assert list(index.add(Span("a", 14, 20))) == [0, 1, 2]  # moved: old and new blocks repaint
    assert index.in_block(0) == []
    assert list(index.remove("a")) == [2]
    assert list(index.remove("a")) == [] and len(index) == 0


def test_rejects_spans_outside_the_text() -> None:
    index = SpanIndex.for_text(TEXT)
    with pytest.raises(ValueError):
        index.add(Span("x", 3, 3))
    with pytest.raises(ValueError):
        index.add(Span("x", 0, len(TEXT) + 1))


def test_innermost_first_and_segments_cover_nesting() -> None:
    index = SpanIndex.for_text(TEXT, [Span("outer", 14, 30), Span("inner", 21, 25),
                                      Span("tail", 28, 33)])
    assert [s.key for s in index.at(22)] == ["inner", "outer"]
    assert [s.key for s in index.at(29)] == ["tail", "outer"]
    pieces = [(seg.start, seg.end, [s.key for s in seg.spans]) for seg in index.segments(2)]
    assert pieces == [(14, 21, ["outer"]), (21, 25, ["inner", "outer"]), (25, 28, ["outer"]),
                      (28, 30, ["tail", "outer"])]
    # the part of "tail" after the newline belongs to the next block
    assert [(seg.start, seg.end) for seg in index.segments(3)] == [(31, 33)]


def test_equal_lengths_later_start_is_inner() -> None:
    index = SpanIndex.for_text("abcdefghij", [Span("a", 0, 4), Span("b", 2, 6)])
    assert [s.key for s in index.at(3)] == ["b", "a"]


def test_an_index_from_columns_answers_as_one_from_spans() -> None:
    import random

    rng = random.Random(7)
    text = "\n".join("x" * rng.randint(0, 30) for _ in range(40))
    spans = []
    for number in range(300):
        start = rng.randrange(len(text) - 1)
        spans.append(Span(f"s{number}", start, rng.randint(start + 1, min(len(text), start + 90))))
    whole = SpanIndex.for_text(text, spans)
    lazy = SpanIndex.from_columns(text, [s.key for s in spans], [s.start for s in spans],
                                  [s.end for s in spans])
    for block in range(whole.block_count):
        assert sorted(lazy.in_block(block)) == sorted(whole.in_block(block))
        assert lazy.segments(block) == whole.segments(block)
    assert lazy.remove("s3") == whole.remove("s3")
    moved = Span("s4", 0, len(text))
    assert lazy.add(moved) == whole.add(moved)
    for block in range(whole.block_count):
        assert sorted(lazy.in_block(block)) == sorted(whole.in_block(block))
    assert len(lazy) == len(whole) and lazy.get("s5") == whole.get("s5") and "s3" not in lazy
    with pytest.raises(ValueError):
        SpanIndex.from_columns(text, ["a", "a"], [0, 1], [2, 3])
    with pytest.raises(ValueError):
        SpanIndex.from_columns(text, ["a"], [5], [5])
