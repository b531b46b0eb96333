"""Dragging over a line that mixes Arabic and Latin selects what the eye sees (issue 12)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from annotator.ui.visual_selection import glyph_extents

NAME = "Barack Obama"


def _send(view, kind: QEvent.Type, point: QPointF, buttons: Qt.MouseButton) -> None:  # noqa: ANN001
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, point, view.viewport().mapToGlobal(point), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def _drag(view, start: QPointF, end: QPointF) -> None:  # noqa: ANN001
    left = Qt.MouseButton.LeftButton
    _send(view, QEvent.Type.MouseButtonPress, start, left)
    for step in range(1, 6):
        _send(view, QEvent.Type.MouseMove, start + (end - start) * (step / 5), left)
    _send(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def _glyphs(view, first: int, last: int) -> tuple[float, float, float]:  # noqa: ANN001
    """Left and right screen x of the glyphs of UTF-16 positions first..last-1, and the line's y."""
    document = view.document()
    block = document.findBlock(first)
    layout = block.layout()
    line = layout.lineForTextPosition(first - block.position())
    origin = document.documentLayout().blockBoundingRect(block).topLeft()
    scroll = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    chosen = [(left, right) for index, left, right in glyph_extents(line)
              if first <= block.position() + index < last]
    y = origin.y() + line.y() + line.height() / 2 - scroll.y()
    return (min(left for left, _ in chosen) + origin.x() - scroll.x(),
            max(right for _, right in chosen) + origin.x() - scroll.x(), y)


def test_dragging_across_a_latin_name_in_an_arabic_line(qtbot, open_window, open_doc) -> None:  # noqa: ANN001
    window = open_window()
    open_doc(window, "social-post-2016-12")
    view, text = window.view, window.state.text
    start = text.index(NAME)
    view.select_span(start, start)  # scrolls it into view
    qtbot.waitUntil(lambda: view.layout_complete)
    left, right, y = _glyphs(view, view._to16(start), view._to16(start + len(NAME)))
    for begin, finish in ((left - 1, right + 1), (right + 1, left - 1)):  # both ways
        view.select_span(0, 0)
        _drag(view, QPointF(begin, y), QPointF(finish, y))
        selected = view.selected_span()
        assert selected is not None and text[selected[0]:selected[1]] == NAME


def test_a_dragged_closing_quote_is_not_coded(qtbot, open_window, open_doc, code_named) -> None:  # noqa: ANN001
    window = open_window()
    open_doc(window, "social-post-2016-12")
    view, text = window.view, window.state.text
    word = 'الخيارات"'
    start = text.index(word)
    view.select_span(start, start)
    qtbot.waitUntil(lambda: view.layout_complete)
    left, right, y = _glyphs(view, view._to16(start), view._to16(start + len(word)))
    _drag(view, QPointF(right - 1, y), QPointF(left - 1, y))  # right to left, quote included
    selected = view.selected_span()
    assert selected is not None and text[selected[0]:selected[1]].endswith('"')
    assert window.apply_code(code_named(window, "Framing device/Catchphrase"))
    row = window.state.rows[window.coding.current]
    assert text[row.start:row.end] == "الخيارات"
