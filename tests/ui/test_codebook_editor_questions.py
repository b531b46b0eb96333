"""The codebook editor's Document questions tab, driven by keys and methods; every edit undone and
redone, and the coding window's Questions panel following.

Saves tests/artifacts/question-editor.png and question-dialog.png for a human look."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.db.services.questions import list_questions, set_answer
from annotator.ui.codebook_editor import open_codebook_editor
from annotator.ui.codebook_editor.question_dialog import QuestionDialog

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _editor(qtbot, window):  # noqa: ANN001, ANN202
    editor = open_codebook_editor(window)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    editor.tabs.setCurrentWidget(editor.questions_tab)
    return editor


def _keys(editor) -> list[str]:  # noqa: ANN001
    with editor.store.reader() as session:
        return [q.key for q in list_questions(session)]


def _fill(dialog, key: str, ar: str, en: str, kind: str) -> None:  # noqa: ANN001
    dialog.key.setText(key)
    dialog.type.setCurrentIndex(dialog.type.findData(kind))
    dialog.wording_ar.setText(ar)
    dialog.wording_en.setText(en)


def test_add_yes_no_by_keys_then_undo_and_redo(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = _editor(qtbot, window)
    assert _keys(editor) == ["tone", "main_actor"]
    editor.questions_tab.select(editor.questions[-1].uuid)
    qtbot.keyClick(editor.questions_tab.list, Qt.Key.Key_N, CTRL)
    dialog = editor.findChildren(QuestionDialog)[-1]
    qtbot.addWidget(dialog)
    _fill(dialog, "victims", "هل يظهر ضحايا؟", "Are victims shown?", "yes_no")
    dialog.required.setChecked(True)
    dialog.group.setText("Human interest")
    dialog.submit()
    assert not dialog.isVisible()
    assert _keys(editor) == ["tone", "main_actor", "victims"]
    assert editor.questions[-1].required and editor.questions[-1].group == "Human interest"
    assert [q.key for q in window.questions_panel.questions][-1] == "victims"  # the window follows
    assert editor.questions[-1].uuid in window.questions_panel.cards
    qtbot.keyClick(editor.questions_tab.list, Qt.Key.Key_Z, CTRL)
    assert _keys(editor) == ["tone", "main_actor"]
    assert len(window.questions_panel.questions) == 2
    qtbot.keyClick(editor.questions_tab.list, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _keys(editor) == ["tone", "main_actor", "victims"]


def test_single_choice_with_options_edit_reorder_remove(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = _editor(qtbot, window)
    editor.questions_tab.select(editor.questions[-1].uuid)  # a new question comes after the chosen one
    dialog = editor.open_question_dialog()
    qtbot.addWidget(dialog)
    _fill(dialog, "topic", "ما موضوع المقالة؟", "What is the topic?", "single_choice")
    dialog.append_option("war", "War", "حرب")
    dialog.append_option("aid", "Aid", "إغاثة")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    topic = next(q for q in editor.questions if q.key == "topic")
    assert [(o.value, o.label_ar) for o in topic.options] == [("war", "حرب"), ("aid", "إغاثة")]
    # edit wording
    editor.questions_tab.select(topic.uuid)
    qtbot.keyClick(editor.questions_tab.list, Qt.Key.Key_F2)
    edit = editor.findChildren(QuestionDialog)[-1]
    qtbot.addWidget(edit)
    assert edit.key.text() == "topic" and edit.options.rowCount() == 2
    edit.wording_en.setText("What is the story about?")
    edit.submit()
    assert next(q for q in editor.questions if q.key == "topic").wording_en == "What is the story about?"
    editor.undo_stack.undo()
    assert next(q for q in editor.questions if q.key == "topic").wording_en == "What is the topic?"
    editor.undo_stack.redo()
    assert next(q for q in editor.questions if q.key == "topic").wording_en == "What is the story about?"
    # reorder by keys
    editor.questions_tab.list.setFocus()
    qtbot.keyClick(editor.questions_tab.list, Qt.Key.Key_Up, CTRL)
    assert _keys(editor) == ["tone", "topic", "main_actor"]
    assert [q.key for q in window.questions_panel.questions] == ["tone", "topic", "main_actor"]
    editor.undo_stack.undo()
    assert _keys(editor) == ["tone", "main_actor", "topic"]
    editor.undo_stack.redo()
    assert _keys(editor) == ["tone", "topic", "main_actor"]
    # remove by Del, undo brings it back with its options
    editor.questions_tab.select(topic.uuid)
    qtbot.keyClick(editor.questions_tab.list, Qt.Key.Key_Delete)
    assert _keys(editor) == ["tone", "main_actor"]
    editor.undo_stack.undo()
    assert _keys(editor) == ["tone", "topic", "main_actor"]
    assert next(q for q in editor.questions if q.key == "topic").options[1].label_ar == "إغاثة"
    editor.undo_stack.redo()
    assert _keys(editor) == ["tone", "main_actor"]


def test_invalid_condition_and_answered_question_are_refused(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = _editor(qtbot, window)
    editor.questions_tab.select(editor.questions[-1].uuid)  # after main_actor
    dialog = editor.open_question_dialog()
    qtbot.addWidget(dialog)
    _fill(dialog, "actor_named", "هل سُمّي الفاعل؟", "Is the actor named?", "yes_no")
    dialog.condition.setCurrentIndex(dialog.condition.findData(editor.questions[1].uuid))
    dialog.equals.setText("nobody_at_all")
    dialog.submit()
    assert dialog.isVisible() and "not one of its options" in dialog.error.text()
    dialog.equals.setText("")
    dialog.submit()
    assert "Name the answers" in dialog.error.text()
    dialog.key.setText("Tone")  # a key already used, refused by the codebook's own checks
    dialog.equals.setText(str(editor.questions[1].options[0].value))
    dialog.submit()
    assert dialog.isVisible() and "duplicate question key" in dialog.error.text()
    assert _keys(editor) == ["tone", "main_actor"] and editor.undo_stack.count() == 0
    dialog.key.setText("actor_named")
    dialog.submit()
    assert not dialog.isVisible() and editor.questions[-1].condition is not None
    # a question another one's condition names is refused with the reason, answered or not
    actor = editor.questions[1]
    with editor.store.transaction() as session:
        set_answer(session, window.document_id, window.workspace.coder.uuid, actor.uuid,
                   actor.options[0].value)
    editor.reload()
    editor.questions_tab.select(actor.uuid)
    assert not editor.remove_selected_question()  # no confirmation is asked: it cannot go
    assert "is the condition of actor_named" in editor.message.text()
    assert _keys(editor) == ["tone", "main_actor", "actor_named"]


def test_read_only_for_a_coder(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Layla")
    editor = open_codebook_editor(window)
    editor.tabs.setCurrentWidget(editor.questions_tab)
    assert not editor.editable and editor.questions
    assert not any(a.isEnabled() for a in editor.questions_tab.actions_by_name.values())
    assert editor.open_question_dialog() is None and not editor.remove_selected_question()
    assert not editor.move_question_step(1)


def test_screenshots_of_the_questions_tab_and_dialog(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = _editor(qtbot, window)
    qtbot.waitExposed(editor)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert editor.grab().save(str(ARTIFACTS / "question-editor.png"))
    editor.questions_tab.select(editor.questions[1].uuid)
    dialog = editor.open_question_dialog(edit=True)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(ARTIFACTS / "question-dialog.png"))


def test_the_questions_tab_and_dialog_in_arabic(qtbot, open_window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from annotator.ui import i18n

    assert i18n.install_language("ar")
    try:
        window = open_window("Lead")
        editor = _editor(qtbot, window)
        assert editor.tabs.tabText(1) == "أسئلة الوثيقة"
        assert editor.questions_tab.actions_by_name["add_question"].text() == "إضافة سؤال"
        assert editor.questions_tab.list.topLevelItem(0).text(2) == "مقياس ترتيبي"
        qtbot.waitExposed(editor)
        qtbot.wait(50)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert editor.grab().save(str(ARTIFACTS / "question-editor-ar.png"))
        dialog = editor.open_question_dialog(edit=True)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "تعديل السؤال"
        qtbot.waitExposed(dialog)
        assert dialog.grab().save(str(ARTIFACTS / "question-dialog-ar.png"))
        dialog.close()
        editor.close()
    finally:
        i18n.install_language("en", QApplication.instance())
