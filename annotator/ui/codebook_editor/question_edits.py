"""The codebook editor's edits of document questions: each one service call of
:mod:`annotator.db.services.question_edit` and its inverse on the editor's undo history.

A mixin of :class:`~annotator.ui.codebook_editor.window.CodebookEditor`; the methods are what
the Document questions tab, its keys and the tests call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.codebook.questions import QuestionSpec
from annotator.db.services.question_edit import (
    delete_question,
    insert_question,
    move_question,
    replace_question,
    restore_question,
)
from annotator.db.services.question_remove import (
    delete_question_with_answers,
    question_usage,
    restore_question_with_answers,
)
from annotator.ui.bidi import isolate
from annotator.ui.codebook_editor.question_dialog import QuestionDialog
from annotator.ui.codebook_editor.remove_question import confirm_removal

if TYPE_CHECKING:
    from annotator.ui.codebook_editor.window import CodebookEditor

translate = QCoreApplication.translate


class QuestionEdits:
    questions: list[QuestionSpec]

    def current_question(self: CodebookEditor) -> QuestionSpec | None:
        wanted = self.questions_tab.current_id()
        return next((q for q in self.questions if q.uuid == wanted), None)

    def open_question_dialog(self: CodebookEditor, edit: bool = False) -> QuestionDialog | None:
        """Add a question (after the chosen one) or, with ``edit``, change the chosen one."""
        if not self.editable:
            return None
        chosen = self.current_question()
        if edit and chosen is None:
            return None
        place = self.questions.index(chosen) + 1 if chosen else len(self.questions)
        earlier = self.questions[:self.questions.index(chosen)] if edit and chosen else self.questions[:place]

        def submit(spec: QuestionSpec) -> str | None:
            done = self.edit_question(spec) if edit else self.add_question(spec, place)
            return None if done else self.message.text()

        dialog = QuestionDialog(submit, chosen if edit else None, earlier, self)
        dialog.open()
        return dialog

    def add_question(self: CodebookEditor, spec: QuestionSpec, position: int | None = None) -> bool:
        title = translate("CodebookEditor", "Add question ‘{question}’")
        return self.run(title.format(question=isolate(spec.key)),
                        lambda s: insert_question(s, spec, position),
                        lambda s, question_id: delete_question(s, question_id),
                        lambda s, removed: restore_question(s, removed), select_question=spec.uuid)

    def edit_question(self: CodebookEditor, spec: QuestionSpec) -> bool:
        title = translate("CodebookEditor", "Change question ‘{question}’")
        return self.run(title.format(question=isolate(spec.key)),
                        lambda s: replace_question(s, spec),
                        lambda s, previous: replace_question(s, previous),
                        select_question=spec.uuid)

    def remove_selected_question(self: CodebookEditor) -> bool:
        """Remove the chosen question; one that holds answers only after a confirmation that
        says how many go with it (undo puts them all back)."""
        chosen = self.current_question()
        if chosen is None or not self.editable:
            return False
        with self.store.reader() as session:
            usage = question_usage(session, chosen.uuid)
        if usage.total and not usage.dependants and not confirm_removal(self, usage):
            self.show_message(translate("CodebookEditor", "‘{question}’ was not removed.").format(
                question=isolate(chosen.key)), error=False)
            return False
        title = (translate("CodebookEditor", "Remove question ‘{question}’ and its answers")
                 if usage.total else translate("CodebookEditor", "Remove question ‘{question}’"))
        return self.run(title.format(question=isolate(chosen.key)),
                        lambda s: delete_question_with_answers(s, chosen.uuid),
                        lambda s, removed: restore_question_with_answers(s, removed))

    def move_question_step(self: CodebookEditor, step: int) -> bool:
        chosen = self.current_question()
        if chosen is None or not self.editable:
            return False
        index = self.questions.index(chosen) + step
        if not 0 <= index < len(self.questions):
            return False
        title = translate("CodebookEditor", "Move question ‘{question}’")
        return self.run(title.format(question=isolate(chosen.key)),
                        lambda s: move_question(s, chosen.uuid, index),
                        lambda s, before: move_question(s, chosen.uuid, before),
                        select_question=chosen.uuid)
