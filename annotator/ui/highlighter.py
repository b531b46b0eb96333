"""Annotation highlights drawn block by block from the span index (QSyntaxHighlighter).

Look: the innermost span of each stretch gets a light tint of its colour as background; the span
around it shows as an underline in its own colour, so nesting stays readable in Arabic without
hiding letters. Other coders' spans (lead view) use their coder's colour with a dashed underline.
Deeper nesting shows in the margin marks (:mod:`annotator.ui.span_gutter`).

Cost follows what is on screen: in a long document a block is painted only once it has been near
the viewport (``reveal``), and a change repaints only the blocks it touched (``rehighlightBlock``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.db.services.annotations import AnnotationSpan
from annotator.spans import Span
from annotator.ui.codes import background, strong
from annotator.ui.document_state import AnnotationDiff, DocumentState

EAGER_BLOCKS = 400  # documents up to this many paragraphs are painted in full at once
OTHER_LIGHTNESS = 0.9  # other coders' spans: paler than one's own

Style = tuple[str, bool]  # colour, drawn as another coder's (read-only) span
StyleOf = Callable[[AnnotationSpan], Style]


class SpanHighlighter(QSyntaxHighlighter):
    """Paints one document's annotations; ``style_of(row)`` gives colour and ownership."""

    def __init__(self, document: QTextDocument, state: DocumentState, style_of: StyleOf) -> None:
        super().__init__(document)  # the first full pass is queued, not run here
        self._state = state
        self._style_of = style_of
        self._formats: dict[tuple[Style, Style | None], QTextCharFormat] = {}
        self._styles: dict[tuple[str, str], Style] = {}  # by (coder, code): the same for all rows
        eager = document.blockCount() <= EAGER_BLOCKS
        self._live: set[int] | None = None if eager else set()
        state.changed.connect(self._on_changed)

    @property
    def painted_blocks(self) -> int:
        """How many blocks may carry highlights (all of them in a small document)."""
        document = self.document()
        return document.blockCount() if self._live is None else len(self._live)

    def reveal(self, first: int, last: int) -> None:
        """Paint blocks ``first..last`` if they have not been painted yet (lazy mode)."""
        if self._live is None:
            return
        document = self.document()
        for number in range(max(0, first), min(last, document.blockCount() - 1) + 1):
            if number not in self._live:
                self._live.add(number)
                if self._state.index.in_block(number):
                    self.rehighlightBlock(document.findBlockByNumber(number))

    def repaint_blocks(self, numbers: Iterable[int]) -> None:
        """Repaint blocks whose spans changed (only those already painted)."""
        document = self.document()
        for number in sorted(set(numbers)):
            if self._live is None or number in self._live:
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)

    def restyle(self) -> None:
        """Colours changed (e.g. other layers shown): repaint what is painted."""
        self._formats.clear()
        self._styles.clear()
        if self._live is None:
            self.rehighlight()
        else:
            self.repaint_blocks(list(self._live))

    def detach(self) -> None:
        """Stop following the state (the view is about to show another document)."""
        self._state.changed.disconnect(self._on_changed)
        self.setDocument(None)

    def _on_changed(self, diff: AnnotationDiff) -> None:
        self.repaint_blocks(diff.blocks)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        block = self.currentBlock()
        number = block.blockNumber()
        if self._live is not None and number not in self._live:
            return
        segments = self._state.index.segments(number)
        if not segments:
            return
        to_utf16 = self._state.utf16.to_utf16
        base = block.position()
        run: list = [0, 0, None]  # start, end, format: neighbours that look alike are one range
        for segment in segments:
            start, end = to_utf16(segment.start) - base, to_utf16(segment.end) - base
            fmt = self._format(segment.spans)
            if fmt is run[2] and start == run[1]:
                run[1] = end
                continue
            if run[2] is not None:
                self.setFormat(run[0], run[1] - run[0], run[2])
            run = [start, end, fmt]
        if run[2] is not None:
            self.setFormat(run[0], run[1] - run[0], run[2])

    def _format(self, spans: tuple[Span, ...]) -> QTextCharFormat:
        rows = self._state.rows
        inner = self._style(rows[spans[0].key])
        outer = self._style(rows[spans[1].key]) if len(spans) > 1 else None
        key = (inner, outer)
        cached = self._formats.get(key)
        if cached is None:
            cached = self._formats[key] = _char_format(inner, outer)
        return cached

    def _style(self, row: AnnotationSpan) -> Style:
        key = (row.coder_id, row.code_id)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._style_of(row)
        return style


def _char_format(inner: Style, outer: Style | None) -> QTextCharFormat:
    colour, other = inner
    fmt = QTextCharFormat()
    fmt.setBackground(background(colour, OTHER_LIGHTNESS) if other else background(colour))
    if outer is not None:
        fmt.setUnderlineColor(strong(outer[0]))
        style = (QTextCharFormat.UnderlineStyle.DashUnderline if outer[1]
                 else QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineStyle(style)
    return fmt
