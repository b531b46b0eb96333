"""Margin marks beside the text: one coloured bar per span on screen, from its first to its last
line, side by side where spans overlap, so any depth of nesting shows at a glance.

The bars sit on the right, where Arabic lines begin. Clicking a bar selects its annotation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.db.services.annotations import AnnotationSpan
from annotator.ui.codes import strong
from annotator.ui.highlighter import StyleOf

COLUMNS = 6
BAR, GAP, PAD = 4, 2, 5
WIDTH = PAD * 2 + COLUMNS * (BAR + GAP)
MAX_SPANS = 600  # a dense page: the rest is left to the highlights and the tooltip

Bar = tuple[QRectF, AnnotationSpan, bool]


class SpanGutter(QWidget):
    """Paints bars for the view's visible spans; ``spanClicked`` carries an annotation id."""

    spanClicked = Signal(str)

    def __init__(self, view: QWidget, style_of: Callable[[], StyleOf | None]) -> None:
        super().__init__(view)
        self.setObjectName("spanGutter")
        self.setMouseTracking(True)
        self._view = view
        self._style_of = style_of
        self._cache: list[Bar] | None = None
        self.describe: Callable[[str], str] | None = None  # rich text for a bar's tooltip

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f6f7f9"))
        painter.setPen(QColor("#e1e3e8"))
        painter.drawLine(0, 0, 0, self.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        style_of = self._style_of()
        pens: dict[tuple[str, bool], QPen] = {}  # a page shows a few styles for hundreds of bars
        for rect, row, _ in self.bars():
            style = style_of(row) if style_of else ("#999999", False)
            pen = pens.get(style)
            if pen is None:
                pen = pens[style] = QPen(
                    strong(style[0]), BAR, Qt.PenStyle.DashLine if style[1] else Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(rect.center().x(), rect.top() + BAR / 2,
                             rect.center().x(), rect.bottom() - BAR / 2)
        painter.end()

    def invalidate(self) -> None:
        """Spans, layout or scroll position changed: lay the bars out again at the next paint."""
        self._cache = None
        self.update()

    def bars(self) -> list[Bar]:
        """Where each span on screen gets its bar: outer spans at the edge, inner ones inside."""
        if self._cache is None:
            self._cache = self._layout_bars()
        return self._cache

    def _layout_bars(self) -> list[Bar]:
        view = self._view
        state = getattr(view, "state", None)
        if state is None:
            return []
        first, last = view.visible_blocks()  # type: ignore[attr-defined]
        seen: dict[str, AnnotationSpan] = {}
        for block in range(first, last + 1):
            for span in state.index.in_block(block):
                seen.setdefault(span.key, state.rows[span.key])
                if len(seen) >= MAX_SPANS:
                    break
        lines = _LineTable(view)
        extents = sorted(((lines.extent(row), row) for row in seen.values()),
                         key=lambda item: (item[0][0], -item[0][1]))
        ends = [float("-inf")] * COLUMNS
        bars: list[Bar] = []
        for (top, bottom), row in extents:
            for column in range(COLUMNS):
                if ends[column] < top:
                    break
            else:
                continue
            ends[column] = bottom
            x = self.width() - PAD - (column + 1) * (BAR + GAP)
            bars.append((QRectF(x, top, BAR + GAP, bottom - top), row, True))
        return bars

    def _bar_at(self, point: QPoint) -> AnnotationSpan | None:
        for rect, row, _ in self.bars():
            if rect.adjusted(-1, 0, 1, 0).contains(point.toPointF()):
                return row
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        row = self._bar_at(event.position().toPoint())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.spanClicked.emit(row.uuid)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        row = self._bar_at(event.position().toPoint())
        if row is None:
            self.unsetCursor()
            QToolTip.hideText()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if self.describe is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(row.uuid), self)


class _LineTable:
    """Line geometry of the blocks one paint touches, read from Qt once per block."""

    def __init__(self, view: QWidget) -> None:
        self._document = view.document()  # type: ignore[attr-defined]
        self._index = view.state.index  # type: ignore[attr-defined]
        self._to16 = view.state.utf16.to_utf16  # type: ignore[attr-defined]
        self._shift = -view.verticalScrollBar().value()  # type: ignore[attr-defined]
        self._blocks: dict[int, tuple[int, list[int], list[tuple[int, float, float]]]] = {}

    def extent(self, row: AnnotationSpan) -> tuple[float, float]:
        """Top of the span's first line and bottom of its last, in viewport coordinates."""
        return self._line(row.start)[0], self._line(max(row.start, row.end - 1))[1]

    def _line(self, offset: int) -> tuple[float, float]:
        """The line holding code point ``offset`` (its block found in the span index, not Qt)."""
        number = self._index.block_of(offset)
        entry = self._blocks.get(number)
        if entry is None:
            entry = self._blocks[number] = self._read(number)
        base, starts, table = entry
        found = table[max(0, bisect_right(starts, self._to16(offset) - base) - 1)]
        return found[1], found[2]

    def _read(self, number: int) -> tuple[int, list[int], list[tuple[int, float, float]]]:
        block = self._document.findBlockByNumber(number)
        origin = self._document.documentLayout().blockBoundingRect(block).top() + self._shift
        layout = block.layout()
        table = []
        for index in range(layout.lineCount()):
            line = layout.lineAt(index)
            table.append((line.textStart(), origin + line.y(), origin + line.y() + line.height()))
        table = table or [(0, origin, origin)]
        return block.position(), [t[0] for t in table], table
