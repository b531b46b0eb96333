"""Right-to-left text done right: every paragraph RTL, Naskh font, room for diacritics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QTextBlockFormat

from annotator.ui.document_view import LINE_HEIGHT_PERCENT, build_document
from annotator.ui.fonts import ARABIC_FAMILY, register_fonts


def test_every_paragraph_is_right_to_left_even_when_it_starts_with_latin_or_digits(qapp) -> None:  # noqa: ANN001
    text = "elmaouid\n\n99 في المئة من أحياء المدينة\nBarack Obama قال إن واشنطن\nنص عربي"
    document = build_document(text, 16)
    assert document.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    block = document.firstBlock()
    while block.isValid():
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft
        assert block.blockFormat().lineHeight() == LINE_HEIGHT_PERCENT
        assert block.blockFormat().lineHeightType() == \
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        block = block.next()
    assert document.toPlainText() == text  # whole paragraphs, nothing split or added


def test_the_shipped_naskh_font_is_used(qapp) -> None:  # noqa: ANN001
    assert ARABIC_FAMILY in register_fonts()
    document = build_document("نص", 16)
    assert QFontInfo(document.defaultFont()).family() == ARABIC_FAMILY
    assert document.defaultFont().pointSize() == 16


def test_the_document_view_lays_out_arabic_right_aligned(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    view = window.view
    block = view.document().findBlockByNumber(0)
    line = block.layout().lineAt(0)
    width = view.document().textWidth() - 2 * view.document().documentMargin()
    # the first line is short of the full width and hugs the right margin
    assert line.naturalTextWidth() < width
    assert abs(line.naturalTextRect().right() - line.rect().right()) < 2
    assert view.objectName() == "documentView" and view.isReadOnly()
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
