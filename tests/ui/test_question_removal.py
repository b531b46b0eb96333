"""Removing an answered document question in the codebook editor: the confirmation says how many
answers by how many coders and gold answers go with it; Cancel keeps everything, Remove takes the
question and its answers in one step that undo puts back (same UUIDs, timestamps, place) and redo
takes away again. Saves tests/artifacts/question-remove.png and question-remove-ar.png."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from annotator.db.models import DocumentAnswer
from annotator.db.services.coders import list_coders
from annotator.db.services.documents import list_documents
from annotator.db.services.questions import list_questions, set_answer
from annotator.domain import Layer
from annotator.ui.codebook_editor import open_codebook_editor
from annotator.ui.codebook_editor.remove_question import RemoveQuestionDialog

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _answer(choice: str, screenshot: str | None = None) -> list[RemoveQuestionDialog]:
    """Click Remove or Cancel on the confirmation once it is up; returns the dialogs seen."""
    seen: list[RemoveQuestionDialog] = []

    def click(tries: int = 150) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RemoveQuestionDialog):
            if tries:
                QTimer.singleShot(20, lambda: click(tries - 1))
            return
        seen.append(dialog)
        if screenshot:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(ARTIFACTS / screenshot))
        (dialog.remove_button if choice == "remove" else dialog.escapeButton()).click()

    QTimer.singleShot(0, click)
    return seen


def _answered_tone(editor) -> str:  # noqa: ANN001
    """Tone answered by Layla (two documents) and Omar (one), and one gold answer by the lead."""
    with editor.store.transaction() as session:
        tone = list_questions(session)[0]
        coders = {c.name: c.uuid for c in list_coders(session)}
        first, second = [d.uuid for d in list_documents(session)][:2]
        value = tone.options[0].value
        for document, coder, layer in ((first, "Layla", Layer.CODING), (second, "Layla", Layer.CODING),
                                       (first, "Omar", Layer.CODING), (first, "Lead", Layer.GOLD)):
            set_answer(session, document, coders[coder], tone.uuid, value, layer)
    editor.reload()
    editor.questions_tab.select(tone.uuid)
    return tone.uuid


def _rows(editor, question_id: str) -> list[tuple]:  # noqa: ANN001
    with editor.store.reader() as session:
        return [(a.id, a.document_id, a.coder_id, a.layer, a.value, a.created_at, a.updated_at)
                for a in session.scalars(select(DocumentAnswer).where(
                    DocumentAnswer.question_id == question_id).order_by(DocumentAnswer.id))]


def _keys(editor) -> list[str]:  # noqa: ANN001
    with editor.store.reader() as session:
        return [q.key for q in list_questions(session)]


def test_confirm_both_ways_then_undo_and_redo(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = open_codebook_editor(window)
    editor.tabs.setCurrentWidget(editor.questions_tab)
    tone = _answered_tone(editor)
    before = _rows(editor, tone)
    assert len(before) == 4
    seen = _answer("cancel", "question-remove.png")
    assert not editor.remove_selected_question()
    assert seen, "the confirmation was not shown"
    details = seen[0].informativeText()
    assert "tone" in seen[0].text()
    assert "3 answers by 2 coders" in details and "1 answer in the gold layer" in details
    assert _keys(editor) == ["tone", "main_actor"] and _rows(editor, tone) == before
    assert "was not removed" in editor.message.text() and editor.undo_stack.count() == 0
    seen = _answer("remove")
    assert editor.remove_selected_question() and seen
    assert _keys(editor) == ["main_actor"] and _rows(editor, tone) == []
    assert [q.key for q in window.questions_panel.questions] == ["main_actor"]  # the window follows
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert _keys(editor) == ["tone", "main_actor"] and _rows(editor, tone) == before
    assert editor.questions[0].uuid == tone
    editor.undo_stack.redo()
    assert _keys(editor) == ["main_actor"] and _rows(editor, tone) == []
    editor.undo_stack.undo()
    assert _rows(editor, tone) == before
    editor.close()


def test_the_confirmation_in_arabic(qtbot, open_window) -> None:  # noqa: ANN001
    from annotator.ui import i18n

    assert i18n.install_language("ar")
    try:
        window = open_window("Lead")
        editor = open_codebook_editor(window)
        editor.tabs.setCurrentWidget(editor.questions_tab)
        _answered_tone(editor)
        seen = _answer("cancel", "question-remove-ar.png")
        assert not editor.remove_selected_question() and seen
        assert seen[0].windowTitle() == "حذف سؤال له إجابات"
        assert "مرمِّزان" in seen[0].informativeText()  # two coders, in the dual
        assert _keys(editor) == ["tone", "main_actor"]
        editor.close()
    finally:
        i18n.install_language("en", QApplication.instance())
