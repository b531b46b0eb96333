"""Selection positions of a REFI-QDA source follow its text into canonical form (CRLF, BOM, NFC)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.importers.refi_qda_text import CanonicalSource
from annotator.text import canonicalize

# Pieces a source is made of: a span always starts and ends between pieces.
PIECES = ["a", "ب", "\r\n", "\n", "\r", "e\u0301", "\u064a\u0651\u064e", "😢", "🇸🇾", " "]


@given(st.lists(st.sampled_from(PIECES), max_size=30), st.data())
def test_a_span_keeps_its_characters(pieces: list[str], data: st.DataObject) -> None:
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    raw = "".join(pieces)
    # A cut between the two halves of a CRLF (a "\r" piece before a "\n" one) has no exact
    # counterpart once the pair is one "\n": it lands before the "\n" (the last test shows it).
    bounds = [b for b in bounds if raw[b - 1:b + 1] != "\r\n"]
    start, end = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2)))
    source = CanonicalSource(raw)
    assert source.text == canonicalize(raw)
    assert source.text[source.position(start):source.position(end)] == canonicalize(raw[start:end])


def test_bom_is_not_counted_and_crlf_shifts_positions() -> None:
    source = CanonicalSource("\ufeffسطر\r\nثان")
    assert source.text == "سطر\nثان"
    assert [source.position(i) for i in (0, 3, 4, 5, 8)] == [0, 3, 3, 4, 7]  # 4: between \r and \n
