"""Marks painted over the text for one span at a time: the selected annotation's frame and flash.

A frame leaves the highlighter's colours (and so the nested spans inside) visible, where a
changed background would hide them. Geometry comes from Qt's own line layout, so it follows the
bidi order and the shaping of each line.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from annotator.ui.codes import strong

FRAME_WIDTH = 1.8
FLASH_ALPHA = 120


def span_rects(document: QTextDocument, start16: int, end16: int) -> list[QRectF]:
    """Rectangles (document coordinates) covering ``[start16, end16)``, one per line piece."""
    rects: list[QRectF] = []
    layout = document.documentLayout()
    block = document.findBlock(start16)
    while block.isValid() and block.position() < end16:
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout, base = block.layout(), block.position()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            first = max(start16, base + line.textStart())
            last = min(end16, base + line.textStart() + line.textLength())
            if first >= last:
                continue
            left, right = _x(line.cursorToX(first - base)), _x(line.cursorToX(last - base))
            rects.append(QRectF(min(left, right), line.y(), abs(right - left), line.height())
                         .translated(origin))
        block = block.next()
    return rects


def _x(result: object) -> float:
    """``QTextLine.cursorToX`` returns ``(x, position)`` in PySide6, a float in some versions."""
    return float(result[0]) if isinstance(result, tuple) else float(result)  # type: ignore[arg-type]


def paint_frame(painter: QPainter, rects: list[QRectF], colour: str, offset: QPointF) -> None:
    pen = QPen(strong(colour), FRAME_WIDTH)
    painter.setPen(pen)
    painter.setBrush(QColor(0, 0, 0, 0))
    for rect in rects:
        painter.drawRoundedRect(rect.translated(offset).adjusted(-2, 0, 2, 0), 4, 4)


def paint_flash(painter: QPainter, rects: list[QRectF], colour: str, level: float,
                offset: QPointF) -> None:
    fill = strong(colour)
    fill.setAlpha(int(FLASH_ALPHA * max(0.0, min(1.0, level))))
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(fill)
    for rect in rects:
        painter.drawRoundedRect(rect.translated(offset).adjusted(-2, 0, 2, 0), 4, 4)
