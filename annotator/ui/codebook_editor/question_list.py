"""The codebook editor's "Document questions" tab: the questionnaire in order with its own
toolbar (add, edit, remove, up, down; objectName ``questionList`` for the list).

The keys work while the tab has the focus; the codes' keys are switched off meanwhile, so the same
keys (Ctrl+N, Del, Ctrl+Up/Down) act on questions here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook.questions import QuestionSpec
from annotator.ui.bidi import isolate, isolate_if_mirrored
from annotator.ui.codebook_editor.question_dialog import question_type_names
from annotator.ui.fonts import ui_arabic_font

NUMBER, KEY, TYPE, ARABIC, ENGLISH, ANSWERS = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
translate = QCoreApplication.translate


class QuestionsTab(QWidget):
    def __init__(self, slots: dict[str, Callable[[], object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionsTab")
        self.list = QTreeWidget(objectName="questionList")
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFont(ui_arabic_font(self.list.font()))
        self.list.setHeaderLabels([
            "#", translate("QuestionList", "Key"), translate("QuestionList", "Type"),
            translate("QuestionList", "Arabic wording"), translate("QuestionList", "English wording"),
            translate("QuestionList", "Answers")])
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in (NUMBER, KEY, TYPE, ANSWERS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (ARABIC, ENGLISH):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(lambda _item, _column: slots["edit_question"]())
        self.toolbar = QToolBar()
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions(slots)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.list, 1)

    def _build_actions(self, slots: dict[str, Callable[[], object]]) -> None:
        for name, text, keys, tip in (
            ("add_question", translate("QuestionList", "Add question"), QKeySequence("Ctrl+N"),
             translate("QuestionList", "A new question after the chosen one")),
            ("edit_question", translate("QuestionList", "Edit question"), QKeySequence("F2"),
             translate("QuestionList", "Change the chosen question (or press Enter)")),
            ("remove_question", translate("QuestionList", "Remove question"), QKeySequence("Del"),
             translate("QuestionList", "Remove the chosen question (asks first when it holds answers)")),
            ("question_up", translate("QuestionList", "Up"), QKeySequence("Ctrl+Up"),
             translate("QuestionList", "Ask the question earlier")),
            ("question_down", translate("QuestionList", "Down"), QKeySequence("Ctrl+Down"),
             translate("QuestionList", "Ask the question later")),
        ):  # fmt: skip
            action = QAction(text, self)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({isolate(shown)})")
            action.triggered.connect(lambda _checked=False, s=slots[name]: s())
            self.addAction(action)
            self.toolbar.addAction(action)
            self.actions_by_name[name] = action

    def show_questions(self, questions: Sequence[QuestionSpec], answers: dict[str, int],
                       editable: bool) -> None:
        """Fill the list, keeping the chosen question."""
        keep = self.current_id()
        names = question_type_names()
        self.list.clear()
        for number, question in enumerate(questions, start=1):
            item = QTreeWidgetItem(self.list, [
                str(number), isolate_if_mirrored(question.key), names[question.type.value],
                question.wording_ar, isolate_if_mirrored(question.wording_en), str(answers.get(question.uuid, 0) or "")])
            item.setData(0, ID_ROLE, question.uuid)
            item.setTextAlignment(ARABIC, RIGHT)
            item.setToolTip(ENGLISH, question.wording_en)
            if keep == question.uuid:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.enable(editable)

    def enable(self, editable: bool) -> None:
        chosen = self.current_id() is not None
        self.actions_by_name["add_question"].setEnabled(editable)
        for name in ("edit_question", "remove_question", "question_up", "question_down"):
            self.actions_by_name[name].setEnabled(editable and chosen)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def select(self, question_id: str) -> bool:
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item.data(0, ID_ROLE) == question_id:
                self.list.setCurrentItem(item)
                return True
        return False
