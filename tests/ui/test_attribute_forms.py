"""The attribute panel builds each code's form once and reuses it; values follow the annotation."""

from __future__ import annotations

from annotator.ui.panels.attribute_editor import EMPTY_CHOICE


def _code(window, code_named, path: str, words: str) -> str:  # noqa: ANN001
    start = window.state.text.index(words)
    window.view.select_span(start, start + len(words))
    assert window.apply_code(code_named(window, path))
    return window.coding.current


def test_a_codes_form_is_reused_and_shows_each_annotations_values(qtbot, open_window,
                                                                  code_named) -> None:  # noqa: ANN001
    window = open_window()
    first = _code(window, code_named, "Claim/Factual", "ثلاثة أسابيع")
    combo = window.attribute_editor.editor("Reporting mode")
    combo.setCurrentIndex(combo.findText("Journalist's voice"))
    combo.activated.emit(combo.currentIndex())
    second = _code(window, code_named, "Claim/Factual", "الجيش السوري")
    assert window.attribute_editor.editor("Reporting mode") is combo  # the same form, not rebuilt
    assert combo.currentText() == EMPTY_CHOICE  # the new annotation's (empty) value
    _code(window, code_named, "Source/Cited source", "وبحسب عدد من الخبراء")
    assert not combo.isVisibleTo(window.attribute_editor)  # another code's form is in front
    window.select_annotation(first)
    assert window.attribute_editor.editor("Reporting mode") is combo
    assert combo.isVisibleTo(window.attribute_editor)
    assert combo.currentText() == "Journalist's voice"
    window.select_annotation(second)
    assert combo.currentText() == EMPTY_CHOICE
