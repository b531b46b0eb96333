"""The review window's Document questions tab: for the shown document, one row per question that
applies, each coder's answer, whether they agree, and the gold answer (who set it, when).

For a lead the gold answer is set here: select a row, then 1–9 takes that coder's answer, Delete
clears the gold answer, and the editor below (the coding window's own question card) sets any
value. Each is one undoable step on the review window's undo stack (the panel only asks: the
:class:`~annotator.ui.review.adjudication.Adjudication` does it). Without a lead it only shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook.questions import Answer, QuestionSpec, answer_label
from annotator.db.engine import ProjectStore
from annotator.db.services.adjudication_answers import AnswerReviewRow, document_answer_rows
from annotator.ui.lead.bidi_text import isolated
from annotator.ui.panels.question_card import QuestionCard, claimed_before_shortcuts
from annotator.ui.plurals import plurals

translate = QCoreApplication.translate
DISAGREE_COLOUR, GOLD_COLOUR = "#fde2e1", "#8a6d00"
_LANES = {getattr(Qt.Key, f"Key_{n}"): n - 1 for n in range(1, 10)}
_CLEAR = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


def arabic() -> bool:
    return QGuiApplication.isRightToLeft()


def wording(question: QuestionSpec) -> str:
    """The question in the interface language (its key when that wording is empty)."""
    text = question.wording_ar if arabic() else question.wording_en
    return text or question.wording_en or question.key


def shown_answer(question: QuestionSpec, value: Answer | None) -> str:
    return "" if value is None else answer_label(question, value, "ar" if arabic() else "en")


class AnswerTable(QTableWidget):
    """The rows; for a lead it claims 1–9 and Delete before the window's span shortcuts."""

    laneChosen = Signal(int)
    clearChosen = Signal()

    def __init__(self, keys: bool, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.keys = keys

    def _claims(self, event: QKeyEvent) -> bool:
        if not self.keys or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        return Qt.Key(event.key()) in _LANES or Qt.Key(event.key()) in _CLEAR

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt's name
        return claimed_before_shortcuts(event, self._claims) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if not self._claims(event):
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        if key in _LANES:
            self.laneChosen.emit(_LANES[key])
        else:
            self.clearChosen.emit()
        event.accept()


class AnswersPanel(QWidget):
    """objectName ``reviewAnswers``; ``takeRequested(question, coder)``,
    ``setRequested(question, value)`` and ``clearRequested(question)`` carry the lead's asks."""

    takeRequested = Signal(object, str)
    setRequested = Signal(object, object)
    clearRequested = Signal(object)

    def __init__(self, store: ProjectStore, lead: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewAnswers")
        self.store, self.lead = store, lead
        self.document_id: str | None = None
        self.rows: list[AnswerReviewRow] = []
        self.coders: tuple[str, ...] = ()
        self.card: QuestionCard | None = None
        self.only_disagreements = QCheckBox(translate("ReviewAnswers", "Only &disagreements"),
                                            objectName="reviewAnswersDisagreementsOnly")
        self.only_disagreements.toggled.connect(lambda _on: self._fill())
        self.table = AnswerTable(lead, self)
        self.table.setObjectName("reviewAnswersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._show_editor)
        self.table.laneChosen.connect(self.take)
        self.table.clearChosen.connect(self.clear)
        self.status = QLabel(objectName="reviewAnswersStatus", wordWrap=True)
        self.buttons = QHBoxLayout()
        self.editor = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.only_disagreements)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.status)
        if lead:
            hint = QLabel(translate("ReviewAnswers", "Select a question: 1–9 take that coder's "
                                    "answer as gold, Delete clears the gold answer, or choose "
                                    "any answer below. Ctrl+Z undoes."), wordWrap=True)
            hint.setStyleSheet("color:#5f6368")
            layout.addWidget(hint)
            layout.addLayout(self.buttons)
            layout.addLayout(self.editor)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The tab chosen: the keyboard goes to the rows (1–9, Delete)."""
        super().showEvent(event)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # reading --------------------------------------------------------------------------------
    def show_document(self, document_id: str) -> None:
        """Read the document's answers and gold again (after a change, Undo, a live update)."""
        self.document_id = document_id
        with self.store.reader() as session:
            self.rows = document_answer_rows(session, document_id)
        self.coders = tuple(sorted({name for row in self.rows for name in row.answers}))
        self._fill()

    def shown_rows(self) -> list[AnswerReviewRow]:
        if self.only_disagreements.isChecked():
            return [row for row in self.rows if row.agree is False]
        return list(self.rows)

    def _fill(self) -> None:
        chosen = self.current_question()
        rows = self.shown_rows()
        headers = [translate("ReviewAnswers", "Question"),
                   *(f"{lane + 1} · {name}" for lane, name in enumerate(self.coders)),
                   translate("ReviewAnswers", "Coders"), translate("ReviewAnswers", "Gold"),
                   translate("ReviewAnswers", "Set by")]
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            self._fill_row(number, row)
        header = self.table.horizontalHeader()  # a few rows: sizing to contents is cheap
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        keep = next((n for n, row in enumerate(rows) if chosen and row.question.uuid == chosen.uuid),
                    None)
        if keep is None and rows:  # the first disagreement, so that 1–9 work at once
            keep = next((n for n, row in enumerate(rows) if row.agree is False), 0)
        if keep is not None:
            self._select(keep)
        self._show_editor()
        self._show_status()

    def _fill_row(self, number: int, row: AnswerReviewRow) -> None:
        question = row.question
        agreement = {None: translate("ReviewAnswers", "one answer"),
                     True: translate("ReviewAnswers", "agree"),
                     False: translate("ReviewAnswers", "differ")}[row.agree]
        gold_by = (translate("ReviewAnswers", "{lead}, {when}").format(
            lead=isolated(row.gold_by), when=row.gold_at.strftime("%Y-%m-%d %H:%M"))
            if row.gold_at else "")
        cells = [wording(question), *(shown_answer(question, row.answers.get(name))
                                      for name in self.coders),
                 agreement, shown_answer(question, row.gold), gold_by]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(QUESTION_ROLE, question)
            if column == 0:
                item.setToolTip(f"{question.key}: {question.wording_en}\n{question.wording_ar}")
            if row.agree is False:
                item.setBackground(QBrush(QColor(DISAGREE_COLOUR)))
            if column == len(cells) - 2:
                item.setForeground(QBrush(QColor(GOLD_COLOUR)))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(number, column, item)

    def _show_status(self) -> None:
        differ, count = sum(row.agree is False for row in self.rows), len(self.rows)
        open_rows = sum(row.agree is False and row.gold is None for row in self.rows)
        if not self.rows:
            self.status.setText(translate("ReviewAnswers", "No coder answered a question of "
                                          "this document."))
            return
        self.status.setText(translate(
            "ReviewAnswers", "{questions}, {differ} with different answers, {open} of them "
            "without a gold answer.").format(
            questions=plurals().questions(count), differ=differ, open=open_rows))

    def current_question(self) -> QuestionSpec | None:
        items = self.table.selectedItems()
        return items[0].data(QUESTION_ROLE) if items else None

    def row_of(self, question: QuestionSpec) -> AnswerReviewRow | None:
        return next((row for row in self.rows if row.question.uuid == question.uuid), None)

    def select_question(self, key: str) -> bool:
        """Select the row of the question with this key (tests, keyboard users)."""
        for number in range(self.table.rowCount()):
            question = self.table.item(number, 0).data(QUESTION_ROLE)
            if question.key == key:
                self._select(number)
                return True
        return False

    def _select(self, row: int) -> None:
        # not selectRow: right to left it selects nothing when the columns fill the width
        # (see ReviewWindow.select_row)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.table.model().index(row, 0), flags)

    # the lead's editor ----------------------------------------------------------------------
    def _show_editor(self) -> None:
        if not self.lead:
            return
        for layout in (self.buttons, self.editor):
            while layout.count():
                widget = layout.takeAt(0).widget()
                if widget is not None:  # out of the panel now, deleted once its signal returns
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()
        self.card = None
        question = self.current_question()
        row = self.row_of(question) if question else None
        if question is None or row is None:
            return
        for lane, name in enumerate(self.coders):
            if name in row.answers:
                button = QPushButton(translate("ReviewAnswers", "{lane}: take {coder}'s").format(
                    lane=lane + 1, coder=isolated(name)), objectName=f"reviewAnswersTake{lane + 1}")
                button.clicked.connect(lambda _checked=False, n=lane: self.take(n))
                self.buttons.addWidget(button)
        clear = QPushButton(translate("ReviewAnswers", "Clear gold (Delete)"),
                            objectName="reviewAnswersClear")
        clear.setEnabled(row.gold is not None)
        clear.clicked.connect(self.clear)
        self.buttons.addWidget(clear)
        self.buttons.addStretch(1)
        self.card = QuestionCard(question, self.rows.index(row) + 1, self)
        self.card.setObjectName("reviewAnswersEditor")
        self.card.show_value(row.gold)
        self.card.answered.connect(lambda _uuid, value: self._set(question, value))
        self.editor.addWidget(self.card)

    def _set(self, question: QuestionSpec, value: object | None) -> None:
        if value is None:
            self.clearRequested.emit(question)
        else:
            self.setRequested.emit(question, value)

    def take(self, lane: int) -> bool:
        """Ask for the ``lane``-th coder's answer to the selected question as gold."""
        question = self.current_question()
        row = self.row_of(question) if question else None
        if question is None or row is None or lane >= len(self.coders):
            return False
        if self.coders[lane] not in row.answers:
            self.status.setText(translate("ReviewAnswers", "{coder} gave no answer to this "
                                          "question.").format(coder=isolated(self.coders[lane])))
            return False
        self.takeRequested.emit(question, self.coders[lane])
        return True

    def clear(self) -> bool:
        question = self.current_question()
        row = self.row_of(question) if question else None
        if question is None or row is None or row.gold is None:
            return False
        self.clearRequested.emit(question)
        return True
