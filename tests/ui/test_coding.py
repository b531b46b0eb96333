"""Coding by keyboard stores exact code-point offsets: Arabic, nested spans, after emoji and flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.db.services.annotations import list_annotations


def _utf16(text: str, offset: int) -> int:
    """UTF-16 position of a code-point offset, computed independently of the app's Utf16Map."""
    return len(text[:offset].encode("utf-16-le")) // 2


def _select_in_qt(window, start: int, end: int) -> None:  # noqa: ANN001
    """Select as Qt sees it (UTF-16 positions), the way a mouse or the keyboard would."""
    text = window.state.text
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(_utf16(text, start))
    cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def _stored(window) -> list[tuple[int, int, str]]:  # noqa: ANN001
    with window.workspace.store.reader() as session:
        rows = list_annotations(session, window.document_id, coder_id=window.workspace.coder.uuid)
    return [(a.start, a.end, window.workspace.codes[a.code_id].path) for a in rows]


def _press(qtbot, window, key: str) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    window.view.setFocus()
    qtbot.keyClicks(window.view, key)


def test_shortcut_codes_an_arabic_selection(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    start = text.index("ثلاثة أسابيع")
    end = start + len("ثلاثة أسابيع")
    _select_in_qt(window, start, end)
    _press(qtbot, window, "1")
    assert _stored(window) == [(start, end, "Claim/Factual")]
    assert text[start:end] == "ثلاثة أسابيع"
    qtbot.waitUntil(lambda: window.annotation_model.rowCount() == 1)
    assert window.coding.current is not None  # the new annotation is selected for attributes


def test_word_snapping_completes_partial_words_and_can_be_turned_off(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    start = text.index("أسابيع")
    _select_in_qt(window, start + 2, start + 4)  # the middle of a word
    _press(qtbot, window, "2")
    assert _stored(window) == [(start, start + len("أسابيع"), "Claim/Evaluative")]
    window.menu_actions["snap"].setChecked(False)
    _select_in_qt(window, start + 2, start + 4)
    _press(qtbot, window, "3")
    assert (start + 2, start + 4, "Claim/Prescriptive") in _stored(window)


def test_nested_spans_are_stored_and_painted(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    claim_start = text.index("ثلاثة أسابيع")
    claim_end = text.index("شرق حلب.") + len("شرق حلب")
    actor = text.index("الجيش السوري إثر")
    _select_in_qt(window, claim_start, claim_end)
    _press(qtbot, window, "1")
    _select_in_qt(window, actor, actor + len("الجيش السوري"))
    _press(qtbot, window, "6")
    assert sorted(_stored(window)) == [(claim_start, claim_end, "Claim/Factual"),
                                       (actor, actor + len("الجيش السوري"), "Actor/State")]
    block = window.view.document().findBlock(_utf16(text, actor))
    qtbot.waitUntil(lambda: len(block.layout().formats()) >= 3)
    inner = [f for f in block.layout().formats() if f.start == _utf16(text, actor) - block.position()]
    assert inner and inner[0].format.underlineStyle() != inner[0].format.UnderlineStyle.NoUnderline
    assert inner[0].format.underlineColor().isValid()


def test_after_emoji_and_flag_the_exact_word_is_stored(qtbot, open_window, open_doc) -> None:  # noqa: ANN001
    window = open_window()
    open_doc(window, "social-post-2016-12")
    text = window.state.text
    assert len(text.encode("utf-16-le")) // 2 > len(text)  # characters outside the BMP
    for word, after in (("صور", "💔 "), ("الرئيس", "🕯️\n"), ("المتحدة", "الأمم ")):
        start = text.index(after + word) + len(after)
        _select_in_qt(window, start, start + len(word))
        _press(qtbot, window, "5")
        stored = [(s, e) for s, e, _ in _stored(window)]
        assert (start, start + len(word)) in stored
        assert text[start:start + len(word)] == word
    assert text.rstrip().endswith("المتحدة 🇺🇳")


def test_word_right_after_a_flag(qtbot, demo_path, open_window, open_doc) -> None:  # noqa: ANN001
    """The demo post ends with its flag, so add a post where words follow flags and emoji."""
    from annotator.db.engine import open_project
    from annotator.db.services.documents import add_articles
    from annotator.importers.records import ArticleRecord

    post = "🇸🇾 حلب تحترق 🇺🇳🇸🇾 الأمم المتحدة 👨‍👩‍👧 عائلات نازحة"
    store = open_project(demo_path)
    with store.transaction() as session:
        add_articles(session, [ArticleRecord(text=post, title="flags", external_id="flags",
                                             source="test")])
    store.close()
    window = open_window()
    open_doc(window, "flags")
    for word in ("حلب", "الأمم", "عائلات"):
        start = post.index(word)
        _select_in_qt(window, start, start + len(word))
        _press(qtbot, window, "9")
        assert (start, start + len(word)) in [(s, e) for s, e, _ in _stored(window)]


def test_keyboard_selection_by_word_then_shortcut(qtbot, open_window, open_doc) -> None:  # noqa: ANN001
    window = open_window()
    open_doc(window, "social-post-2016-12")
    text = window.state.text
    start = text.index("صور جديدة")
    cursor = window.view.textCursor()
    cursor.setPosition(_utf16(text, start))
    window.view.setTextCursor(cursor)
    window.activateWindow()
    window.view.setFocus()
    # in a right-to-left paragraph, Left moves forward in the text
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier
                   | Qt.KeyboardModifier.ControlModifier)
    span = window.view.selected_span()
    assert span is not None and text[span[0]:span[1]].strip() == "صور"
    _press(qtbot, window, "8")
    assert [(s, e) for s, e, _ in _stored(window)] == [(start, start + len("صور"))]


def test_context_menu_lists_recent_codes_first(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    from annotator.ui.context_menu import build_text_menu

    window = open_window()
    text = window.state.text
    start = text.index("ثلاثة")
    _select_in_qt(window, start, start + 5)
    window.apply_code(code_named(window, "Actor/Civilian"))
    _select_in_qt(window, start + 6, start + 12)
    menu = build_text_menu(window, -1)
    assert menu is not None
    titles = [a.text() for a in menu.actions() if a.text()]
    assert titles[0] == "Code the selection" and titles[1] == "Actor/Civilian"
    menu.deleteLater()
    window.view.select_span(start, start)
    on_span = build_text_menu(window, start + 1)
    assert on_span is not None
    texts = [a.text() for a in on_span.actions()]
    assert "Delete ‘Actor/Civilian’" in texts and "Change ‘Actor/Civilian’ to" in texts
    on_span.deleteLater()


def _point_of(window, offset: int):  # noqa: ANN001, ANN202
    """Viewport point in the middle of the character at ``offset``."""
    text = window.state.text
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(_utf16(text, offset))
    left = window.view.cursorRect(cursor)
    cursor.setPosition(_utf16(text, offset + 1))
    right = window.view.cursorRect(cursor)
    return (left.center() + right.center()) / 2


def test_clicking_selects_the_span_then_the_one_around_it(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    claim_start = text.index("ثلاثة أسابيع")
    actor = text.index("الجيش السوري إثر")
    window.view.select_span(claim_start, text.index("شرق حلب.") + 7)
    window.apply_code(code_named(window, "Claim/Factual"))
    claim = window.coding.current
    window.view.select_span(actor, actor + len("الجيش السوري"))
    window.apply_code(code_named(window, "Actor/State"))
    state_id = window.coding.current
    window.select_annotation(None)
    point = _point_of(window, actor + 3)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.coding.current == state_id  # innermost first
    assert window.annotation_table.selected_ids() == [state_id]
    assert window.attribute_editor.editor("Portrayed role") is not None
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.coding.current == claim  # again: the span around it
    # hovering shows code, coder and attributes
    from annotator.ui.tooltips import describe_spans

    tip = describe_spans(window.workspace, window.state, window.view.offset_at(point))
    assert "Actor/State" in tip and "Claim/Factual" in tip and "Layla" in tip


def test_link_by_clicking_the_target(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    window.view.select_span(text.index("ثلاثة أسابيع"), text.index("شرق حلب.") + 7)
    window.apply_code(code_named(window, "Claim/Factual"))
    source = text.index("وبحسب عدد من الخبراء")
    window.view.select_span(source, source + len("وبحسب عدد من الخبراء"))
    window.apply_code(code_named(window, "Source/Cited source"))
    window.step_annotation(-1)  # Alt+Up: back to the claim
    assert window.workspace.codes[window.state.rows[window.coding.current].code_id].path == \
        "Claim/Factual"
    window.menu_actions["link"].trigger()
    assert window.linking.active
    window.view.ensureCursorVisible()
    window.view.select_span(source, source)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_point_of(window, source + 4))
    assert not window.linking.active
    assert window.relations_model.rowCount() == 1
    assert window.relations_model.index(0, 1).data() == "attributed to"


def test_double_clicking_a_code_in_the_tree_applies_it(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    text = window.state.text
    start = text.index("ثلاثة أسابيع")
    window.view.select_span(start, start + len("ثلاثة"))
    model = window.codebook_view.model()
    metaphor = model.code_index(next(c.uuid for c in window.workspace.codes
                                     if c.path == "Framing device/Metaphor"))
    window.codebook_view.activated.emit(metaphor)
    assert _stored(window) == [(start, start + len("ثلاثة"), "Framing device/Metaphor")]
    assert window.view.hasFocus() or not window.isActiveWindow()


def test_margin_marks_show_every_nesting_level_and_select_on_click(qtbot, open_window,  # noqa: ANN001
                                                                  code_named) -> None:
    window = open_window()
    text = window.state.text
    spans = {}
    for path, first, last in (("Claim/Factual", "ثلاثة أسابيع", "شرق حلب"),
                              ("Actor/State", "قبضة الجيش السوري إثر", "الجيش السوري"),
                              ("Framing device/Label", "الجيش السوري إثر", "الجيش")):
        start = text.index(first)
        window.view.select_span(start, text.index(last, start) + len(last))
        window.apply_code(code_named(window, path))
        spans[path] = window.coding.current
    window.select_annotation(spans["Claim/Factual"])
    gutter = window.view.gutter
    bars = {row.uuid: rect for rect, row, _ in gutter.bars()}
    assert set(spans.values()) <= set(bars)  # three levels, three bars side by side
    assert len({round(bars[i].x()) for i in spans.values()}) == 3
    target = bars[spans["Actor/State"]].center().toPoint()
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=target)
    assert window.coding.current == spans["Actor/State"]
