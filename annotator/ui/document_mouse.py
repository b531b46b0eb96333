"""Mouse handling of the reading pane: drag selection as the eye sees it, hover for link arcs,
clicks on spans. A mixin of :class:`~annotator.ui.document_view.DocumentView` (listed before
QTextEdit, so these handlers run and then call Qt's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor

from annotator.ui.visual_selection import visual_range

if TYPE_CHECKING:
    from annotator.ui.document_view import DocumentView

DRAG_DISTANCE = 4  # pixels: less is a click


class DocumentMouse:
    """Press, move, leave and release of the document view."""

    _press: QPointF | None = None  # where a left-button drag started (document point)

    def _document_point(self: DocumentView, point: QPointF) -> QPointF:
        return point + QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _select_visually(self: DocumentView, point: QPointF) -> None:
        """Select what the eye sees between the press and ``point`` (see visual_selection)."""
        here = self._document_point(point)
        if self._press is None or (here - self._press).manhattanLength() < DRAG_DISTANCE:
            return
        span = visual_range(self.document(), self._press, here)
        if span is not None:
            forward = (here.y(), here.x()) >= (self._press.y(), self._press.x())
            cursor = QTextCursor(self.document())
            cursor.setPosition(span[0] if forward else span[1])
            cursor.setPosition(span[1] if forward else span[0], QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

    def mousePressEvent(self: DocumentView, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        left = event.button() == Qt.MouseButton.LeftButton
        self._press = self._document_point(event.position()) if left else None

    def mouseMoveEvent(self: DocumentView, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._select_visually(event.position())
        if self.state is None or event.buttons() != Qt.MouseButton.NoButton:
            return
        offset = self.offset_at(event.position().toPoint())
        under = frozenset(span.key for span in self.state.index.at(offset)) if offset >= 0 \
            else frozenset()
        if self.arcs.set_hovered(under):
            self.viewport().update()

    def leaveEvent(self: DocumentView, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().leaveEvent(event)
        if self.arcs.set_hovered(frozenset()):
            self.viewport().update()

    def mouseReleaseEvent(self: DocumentView, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._select_visually(event.position())
            self._press = None
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.spanClicked.emit(self.offset_at(event.position().toPoint()))
