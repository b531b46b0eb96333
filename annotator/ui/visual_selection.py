"""Mouse selection that follows what the eye sees in lines mixing Arabic and Latin.

Qt selects the logical range between the two cursor positions under the mouse. In a right-to-left
line with an English name inside, the edges of the Latin run are ambiguous (the left edge of
"Barack" is also where the Arabic after the name continues), so a drag across the name could
select the wrong stretch. Here each character's glyph extent comes from Qt's own line layout
(glyph runs, so bidi order and shaping are Qt's), the characters whose glyphs lie between the
press and the mouse are found line by line, and the selection is the logical range covering them.
Positions are UTF-16 (inside the widget); points are in document coordinates.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLine


class Place(NamedTuple):
    """A point in the text: its block, the line of that block, and x in the block's layout."""

    block: QTextBlock
    line: int
    x: float

    @property
    def key(self) -> tuple[int, int]:
        return self.block.blockNumber(), self.line


def locate(document: QTextDocument, point: QPointF) -> Place | None:
    """The block and line at a document point (the nearest line of the block hit)."""
    layout = document.documentLayout()
    position = layout.hitTest(point, Qt.HitTestAccuracy.FuzzyHit)
    block = document.findBlock(max(0, position))
    if not block.isValid() or block.layout().lineCount() == 0:
        return None
    origin = layout.blockBoundingRect(block).topLeft()
    local = point - origin
    text_layout = block.layout()
    number = text_layout.lineCount() - 1
    for candidate in range(text_layout.lineCount()):
        line = text_layout.lineAt(candidate)
        if local.y() < line.y() + line.height():
            number = candidate
            break
    return Place(block, number, local.x())


def glyph_extents(line: QTextLine) -> list[tuple[int, float, float]]:
    """``(character, left, right)`` of every character of a line, in layout coordinates."""
    extents = []
    for index in range(line.textStart(), line.textStart() + line.textLength()):
        edges = []
        for run in line.glyphRuns(index, 1):
            advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
            for origin, advance in zip(run.positions(), advances):
                edges += [origin.x(), origin.x() + advance.x()]
        if edges:
            extents.append((index, min(edges), max(edges)))
    return extents


def _chosen(place: Place, low: float, high: float) -> list[int]:
    line = place.block.layout().lineAt(place.line)
    return [index for index, left, right in glyph_extents(line) if low <= (left + right) / 2 <= high]


def visual_range(document: QTextDocument, press: QPointF, here: QPointF) -> tuple[int, int] | None:
    """The UTF-16 range ``[start, end)`` covering the glyphs dragged over from ``press`` to
    ``here``, or None when it holds no character."""
    first, last = locate(document, press), locate(document, here)
    if first is None or last is None:
        return None
    if last.key < first.key:
        first, last = last, first
    if first.key == last.key:
        chosen = _chosen(first, min(first.x, last.x), max(first.x, last.x))
        if not chosen:
            return None
        base = first.block.position()
        return base + min(chosen), base + max(chosen) + 1
    inf = float("inf")
    rtl = first.block.textDirection() == Qt.LayoutDirection.RightToLeft
    head = _chosen(first, -inf, first.x) if rtl else _chosen(first, first.x, inf)
    rtl = last.block.textDirection() == Qt.LayoutDirection.RightToLeft
    tail = _chosen(last, last.x, inf) if rtl else _chosen(last, -inf, last.x)
    first_line = first.block.layout().lineAt(first.line)
    last_line = last.block.layout().lineAt(last.line)
    start = min(head) if head else first_line.textStart() + first_line.textLength()
    end = max(tail) + 1 if tail else last_line.textStart()
    start, end = first.block.position() + start, last.block.position() + end
    return (start, end) if start < end else None

