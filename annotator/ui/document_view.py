"""The reading pane: the whole document laid out right to left by Qt, with annotation highlights.

Every paragraph is RTL (default text option and block format), so one that opens with Latin text or
a number still reads from the right; Qt shapes whole paragraphs, so letters keep their joined forms.
Offsets cross this widget's boundary as code points; Qt's UTF-16 positions stay inside it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QPainter,
    QPaintEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from annotator.ui.document_state import DocumentState
from annotator.ui.fonts import document_font
from annotator.ui.highlighter import SpanHighlighter, StyleOf
from annotator.ui.relation_arcs import RelationArcs
from annotator.ui.document_mouse import DocumentMouse
from annotator.ui.span_gutter import WIDTH as GUTTER_WIDTH
from annotator.ui.span_gutter import SpanGutter
from annotator.ui.span_marks import paint_flash, paint_frame, span_rects

LINE_HEIGHT_PERCENT = 125  # on top of Naskh's own tall line box: room for stacked diacritics
DOCUMENT_MARGIN = 28
REVEAL_MARGIN_BLOCKS = 12
MAX_VISIBLE_BLOCKS = 150
LAYOUT_SLICE_SECONDS = 0.015
LAYOUT_SLICE_CHARS = 4000
LAYOUT_DELAY_MS = 150
FLASH_MS = 900
translate = QCoreApplication.translate
HIT_COLOUR, CURRENT_HIT_COLOUR = QColor("#ffe066"), QColor("#ffab40")


def build_document(text: str, point_size: int, parent: QWidget | None = None) -> QTextDocument:
    """A read-only RTL document of ``text``; built detached, so nothing is laid out yet."""
    document = QTextDocument(parent)
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(document_font(point_size))
    document.setDocumentMargin(DOCUMENT_MARGIN)
    option = QTextOption(document.defaultTextOption())
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    block_format = QTextBlockFormat()
    block_format.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    block_format.setLineHeight(LINE_HEIGHT_PERCENT,
                               QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(block_format)
    return document


class DocumentView(DocumentMouse, QTextEdit):
    """Read-only, keyboard-selectable view of one document (objectName ``documentView``)."""

    spanClicked = Signal(int)  # code-point offset of the clicked character, -1 off the text
    contextMenuAt = Signal(int, QPoint)  # offset (or -1), global position
    zoomRequested = Signal(int)  # +1 or -1 (Ctrl+wheel)
    visibleBlocksChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setPlaceholderText(translate(
            "DocumentView", "Choose a document in the Documents list (Ctrl+PgDown: next to code)"))
        self.setAccessibleName(translate("DocumentView", "Document text"))
        self.state: DocumentState | None = None
        self.highlighter: SpanHighlighter | None = None
        self.tooltip_for: Callable[[int], str] | None = None
        self._point_size = 16
        self._hits: list[tuple[int, int]] = []
        self._current_hit = -1
        self._current: tuple[int, int, str] | None = None
        self._flash: tuple[int, int, str] | None = None
        self._flash_level = 0.0
        self._flash_animation = QVariantAnimation(self)
        self._flash_animation.setDuration(FLASH_MS)
        self._flash_animation.setStartValue(1.0)
        self._flash_animation.setEndValue(0.0)
        self._flash_animation.valueChanged.connect(self._on_flash_step)
        self._style_of: StyleOf | None = None
        self.gutter = SpanGutter(self, lambda: self._style_of)
        self.arcs = RelationArcs(self._span_of, self._to16)
        self.viewport().setMouseTracking(True)  # arcs of the links of the span under the mouse
        self.setViewportMargins(0, 0, GUTTER_WIDTH, 0)
        self._reveal_timer = QTimer(self, singleShot=True, interval=0)
        self._reveal_timer.timeout.connect(self.reveal_visible)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._reveal_timer.start())
        self.verticalScrollBar().valueChanged.connect(lambda _value: self.gutter.invalidate())
        self._layout_timer = QTimer(self, interval=0)
        self._layout_timer.timeout.connect(self._layout_step)
        self._layout_delay = QTimer(self, singleShot=True, interval=LAYOUT_DELAY_MS)
        self._layout_delay.timeout.connect(self._layout_timer.start)
        self._laid_out_to = 0

    # ----------------------------------------------------------------- content

    def show_document(self, state: DocumentState, style_of: StyleOf) -> None:
        """Show a loaded document; highlights appear for what is on screen first."""
        document = build_document(state.text, self._point_size, self)
        self._detach()
        self.state, self._hits, self._current, self._flash = state, [], None, None
        self.arcs.set_links([])
        self.setDocument(document)  # the previous document, our child, is deleted by Qt
        # Qt lays long documents out in steps: paint what each step brings on screen
        document.documentLayout().update.connect(lambda _rect: self._reveal_timer.start())
        self._style_of = style_of
        self.highlighter = SpanHighlighter(document, state, style_of)
        state.changed.connect(lambda _diff: self.gutter.invalidate())
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
        self._reveal_timer.start()
        self._laid_out_to = 0
        self._layout_timer.stop()
        self._layout_delay.start()  # first the screen and its highlights, then the rest

    @property
    def layout_complete(self) -> bool:
        return not (self._layout_timer.isActive() or self._layout_delay.isActive())

    def _layout_step(self) -> None:
        """Lay the document out a slice per event-loop turn (a few ms each) until the end.

        Qt lays a long document out lazily, but stops for good once a highlighter changes a
        block's formats (Qt 6.11), which would leave the scroll bar short. Marking the next
        slice dirty makes Qt lay out up to it.
        """
        document = self.document()
        end = document.characterCount() - 1
        deadline = time.perf_counter() + LAYOUT_SLICE_SECONDS
        while self._laid_out_to < end and time.perf_counter() < deadline:
            length = min(LAYOUT_SLICE_CHARS, end - self._laid_out_to)
            document.markContentsDirty(self._laid_out_to, length)
            self._laid_out_to += length
        if self._laid_out_to >= end:
            self._layout_timer.stop()

    def _detach(self) -> None:
        if self.highlighter is not None:
            self.highlighter.detach()
            self.highlighter.deleteLater()
            self.highlighter = None

    def clear_document(self) -> None:
        self._layout_delay.stop()
        self._layout_timer.stop()
        self._detach()
        self.state, self._hits, self._current, self._style_of = None, [], None, None
        self.setDocument(QTextDocument(self))

    def set_point_size(self, points: int) -> None:
        self._point_size = points
        if self.state is not None:
            self.document().setDefaultFont(document_font(points))
            self._reveal_timer.start()

    @property
    def point_size(self) -> int:
        return self._point_size

    # ----------------------------------------------------------------- offsets

    def _to16(self, offset: int) -> int:
        assert self.state is not None
        return self.state.utf16.to_utf16(offset)

    def _span_of(self, annotation_id: str) -> tuple[int, int] | None:
        row = self.state.row(annotation_id) if self.state else None
        return (row.start, row.end) if row else None

    def _to_cp(self, position: int) -> int:
        assert self.state is not None
        return self.state.utf16.to_codepoint(position)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if self.state is None or not cursor.hasSelection():
            return None
        return self._to_cp(cursor.selectionStart()), self._to_cp(cursor.selectionEnd())

    def cursor_offset(self) -> int:
        return self._to_cp(self.textCursor().position()) if self.state else 0

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and scroll it into view."""
        if self.state is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to16(start))
        cursor.setPosition(self._to16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._centre_on(cursor)

    def offset_at(self, point: QPoint) -> int:
        """Code-point offset of the character under a viewport point, or -1."""
        if self.state is None:
            return -1
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        layout = block.layout()
        origin = self.document().documentLayout().blockBoundingRect(block).topLeft()
        doc_point = QPointF(point) + QPointF(self.horizontalScrollBar().value(),
                                             self.verticalScrollBar().value()) - origin
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if line.y() <= doc_point.y() < line.y() + line.height():
                if not line.naturalTextRect().adjusted(-2, 0, 2, 0).contains(doc_point):
                    return -1
                position = line.xToCursor(doc_point.x(), QTextLine.CursorPosition.CursorOnCharacter)
                offset = self._to_cp(block.position() + position)
                return offset if offset < len(self.state.text) else -1
        return -1

    # ----------------------------------------------------------------- marks

    def reveal_span(self, start: int, end: int, colour: str) -> None:
        """Scroll a span to the middle of the view, put the cursor at its start, and flash it."""
        if self.state is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to16(start))
        self.setTextCursor(cursor)
        self._centre_on(cursor)
        self._flash = (start, end, colour)
        self._flash_animation.stop()
        self._flash_animation.start()

    def set_current(self, span: tuple[int, int, str] | None) -> None:
        """Frame the selected annotation (start, end, colour); its colours stay visible."""
        self._current = span
        self.viewport().update()

    def set_hits(self, hits: list[tuple[int, int]], current: int = -1) -> None:
        self._hits, self._current_hit = hits, current
        self._update_extra_selections()

    def _on_flash_step(self, value: float) -> None:
        self._flash_level = value
        if value == 0.0:
            self._flash = None
        self.viewport().update()

    def _selection(self, start: int, end: int, background: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._to16(start))
        cursor.setPosition(self._to16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        selection.format = fmt
        return selection

    def _update_extra_selections(self) -> None:
        """Search hits on screen (few, transient): the only extra selections."""
        if self.state is None:
            self.setExtraSelections([])
            return
        first, last = self.visible_offsets()
        self.setExtraSelections([
            self._selection(s, e, CURRENT_HIT_COLOUR if i == self._current_hit else HIT_COLOUR)
            for i, (s, e) in enumerate(self._hits) if e >= first and s <= last])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        arcs = self.state is not None and bool(self.arcs.shown())
        if self.state is None or (self._current is None and self._flash is None and not arcs):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        offset = QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        if self._flash is not None:
            start, end, colour = self._flash
            rects = span_rects(self.document(), self._to16(start), self._to16(end))
            paint_flash(painter, rects, colour, self._flash_level, offset)
        if self._current is not None:
            start, end, colour = self._current
            paint_frame(painter, span_rects(self.document(), self._to16(start), self._to16(end)),
                        colour, offset)
        if arcs:
            self.arcs.paint(painter, self.document(), offset)
        painter.end()

    # ----------------------------------------------------------------- viewport

    def visible_blocks(self) -> tuple[int, int]:
        """First and last block on screen, found from the layout's geometry (bounded, since Qt
        lays out a long document in steps and places blocks not yet laid out at the top)."""
        viewport = self.viewport().rect()
        bottom = self.verticalScrollBar().value() + viewport.height()
        block = self.cursorForPosition(viewport.topLeft()).block()
        layout = self.document().documentLayout()
        first = last = block.blockNumber()
        while block.isValid() and last - first < MAX_VISIBLE_BLOCKS:
            rect = layout.blockBoundingRect(block)
            if rect.top() > bottom or (rect.isEmpty() and block.blockNumber() > first):
                break
            last = block.blockNumber()
            block = block.next()
        return first, last

    def visible_offsets(self) -> tuple[int, int]:
        viewport = self.viewport().rect()
        first = self.cursorForPosition(viewport.topLeft()).block().position()
        last_block = self.cursorForPosition(viewport.bottomRight()).block()
        return (self._to_cp(first),
                self._to_cp(last_block.position() + max(0, last_block.length() - 1)))

    def reveal_visible(self) -> None:
        """Paint highlights for the blocks on screen (and a margin) and refresh search marks."""
        if self.state is None or self.highlighter is None:
            return
        first, last = self.visible_blocks()
        self.highlighter.reveal(first - REVEAL_MARGIN_BLOCKS, last + REVEAL_MARGIN_BLOCKS)
        if self._hits:
            self._update_extra_selections()
        self.gutter.invalidate()
        self.visibleBlocksChanged.emit(first, last)

    def _centre_on(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)
        self.reveal_visible()

    # ----------------------------------------------------------------- events

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        viewport = self.viewport().geometry()
        self.gutter.setGeometry(viewport.right() + 1, viewport.top(), GUTTER_WIDTH,
                                viewport.height())
        self.gutter.invalidate()
        self._reveal_timer.start()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        self.contextMenuAt.emit(self.offset_at(event.pos()), event.globalPos())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomRequested.emit(1 if event.angleDelta().y() > 0 else -1)
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            offset = self.offset_at(event.pos())
            text = self.tooltip_for(offset) if offset >= 0 else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
