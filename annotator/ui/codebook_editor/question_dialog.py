"""Adding or changing one document question (objectName ``questionDialog``): key, type, Arabic
and English wording and help, required, group, options (value and two labels) and a condition
(ask it only when an earlier question's answer is one of some values).

The dialog stays open when the service refuses the question and shows why on one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook.questions import (
    Answer,
    AnswerError,
    Condition,
    OptionSpec,
    QuestionSpec,
    QuestionType,
    answer_label,
    parse_answer,
)
from annotator.db.models import new_uuid
from annotator.ui.fonts import ui_arabic_font

VALUE, ENGLISH, ARABIC = range(3)
UUID_ROLE = Qt.ItemDataRole.UserRole
Submit = Callable[[QuestionSpec], str | None]  # the question → a refusal, or None when stored
translate = QCoreApplication.translate
TYPE_NAMES = {
    QuestionType.YES_NO.value: QT_TRANSLATE_NOOP("QuestionType", "yes/no"),
    QuestionType.SINGLE_CHOICE.value: QT_TRANSLATE_NOOP("QuestionType", "single choice"),
    QuestionType.MULTIPLE_CHOICE.value: QT_TRANSLATE_NOOP("QuestionType", "multiple choice"),
    QuestionType.SCALE.value: QT_TRANSLATE_NOOP("QuestionType", "ordinal scale"),
    QuestionType.NUMBER.value: QT_TRANSLATE_NOOP("QuestionType", "number"),
    QuestionType.TEXT.value: QT_TRANSLATE_NOOP("QuestionType", "short text"),
}  # fmt: skip


def question_type_names() -> dict[str, str]:
    """Question types as people read them, in the interface language."""
    return {value: translate("QuestionType", name) for value, name in TYPE_NAMES.items()}


class QuestionDialog(QDialog):
    def __init__(self, submit: Submit, state: QuestionSpec | None, earlier: Sequence[QuestionSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionDialog")
        self.setWindowTitle(translate("QuestionDialog", "Edit question") if state
                            else translate("QuestionDialog", "Add question"))
        self._submit, self._state = submit, state
        self._earlier = [q for q in earlier if q.type is not QuestionType.TEXT]
        self.key = QLineEdit(objectName="questionKey")
        self.type = QComboBox(objectName="questionType")
        for value, label in question_type_names().items():
            self.type.addItem(label, value)
        self.wording_ar, self.wording_en = QLineEdit(objectName="wordingAr"), QLineEdit(objectName="wordingEn")
        self.help_ar, self.help_en = QLineEdit(objectName="helpAr"), QLineEdit(objectName="helpEn")
        for arabic in (self.wording_ar, self.help_ar):
            arabic.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            arabic.setFont(ui_arabic_font(arabic.font()))
        for english in (self.key, self.wording_en, self.help_en):
            english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.required = QCheckBox(translate("QuestionDialog", "Every document needs an answer"),
                                  objectName="questionRequired")
        self.group = QLineEdit(objectName="questionGroup")
        self.group.setPlaceholderText(translate("QuestionDialog", "e.g. Conflict (a frame)"))
        self.options = self._options_table()
        self.add_option = QPushButton(translate("QuestionDialog", "Add option"), objectName="addOption")
        self.remove_option = QPushButton(translate("QuestionDialog", "Remove option"),
                                         objectName="removeOption")
        self.add_option.clicked.connect(lambda: self.append_option("", "", ""))
        self.remove_option.clicked.connect(lambda: self.options.removeRow(self.options.currentRow()))
        self.condition = QComboBox(objectName="conditionQuestion")
        self.condition.addItem(translate("QuestionDialog", "always ask"), None)
        for question in self._earlier:
            self.condition.addItem(f"{question.key} — {question.wording_ar}", question.uuid)
        self.equals = QLineEdit(objectName="conditionEquals")
        self.equals.setPlaceholderText(translate("QuestionDialog", "answers, separated by commas"))
        self.error = QLabel(objectName="questionError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self._layout()
        self.type.currentIndexChanged.connect(self._type_changed)
        self.condition.currentIndexChanged.connect(self._condition_changed)
        self._load(state)
        self.resize(680, 620)

    def _options_table(self) -> QTableWidget:
        table = QTableWidget(0, 3, objectName="optionTable")
        table.setHorizontalHeaderLabels([
            translate("QuestionDialog", "Value (stored)"), translate("QuestionDialog", "English label"),
            translate("QuestionDialog", "Arabic label")])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setFont(ui_arabic_font(table.font()))
        # a grid of values and labels in both scripts: left to right in either interface, so
        # scale points read -2 (not 2-) and each label column keeps its side
        table.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return table

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(translate("QuestionDialog", "Key"), self.key)
        form.addRow(translate("QuestionDialog", "Type"), self.type)
        form.addRow(translate("QuestionDialog", "Arabic wording"), self.wording_ar)
        form.addRow(translate("QuestionDialog", "English wording"), self.wording_en)
        form.addRow(translate("QuestionDialog", "Arabic help"), self.help_ar)
        form.addRow(translate("QuestionDialog", "English help"), self.help_en)
        form.addRow("", self.required)
        form.addRow(translate("QuestionDialog", "Group (frame)"), self.group)
        condition = QHBoxLayout()
        condition.addWidget(self.condition, 2)
        condition.addWidget(QLabel(translate("QuestionDialog", "is one of")))
        condition.addWidget(self.equals, 1)
        form.addRow(translate("QuestionDialog", "Ask only if"), condition)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_option)
        row.addWidget(self.remove_option)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate(
            "QuestionDialog", "Options (choices and scale points, lowest first): the value is what "
            "answers and exports keep; the labels are what coders read.")))
        layout.addWidget(self.options, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _load(self, state: QuestionSpec | None) -> None:
        if state is None:
            self._type_changed()
            self._condition_changed()
            return
        self.key.setText(state.key)
        self.type.setCurrentIndex(self.type.findData(state.type.value))
        self.wording_ar.setText(state.wording_ar)
        self.wording_en.setText(state.wording_en)
        self.help_ar.setText(state.help_ar)
        self.help_en.setText(state.help_en)
        self.required.setChecked(state.required)
        self.group.setText(state.group)
        for option in state.options:
            self.append_option(str(option.value), option.label_en, option.label_ar, option.uuid)
        if state.condition is not None:
            self.condition.setCurrentIndex(max(0, self.condition.findData(state.condition.question)))
            target = self._target()
            if target is not None:
                self.equals.setText(", ".join(answer_label(target, v) if target.type is QuestionType.YES_NO
                                              else str(v) for v in state.condition.equals))
        for edit in (self.key, self.wording_ar, self.wording_en, self.help_ar, self.help_en):
            edit.setCursorPosition(0)  # show the start of a long text
        self._type_changed()
        self._condition_changed()

    def append_option(self, value: str, english: str, arabic: str, uuid: str | None = None) -> None:
        row = self.options.rowCount()
        self.options.insertRow(row)
        for column, text in ((VALUE, value), (ENGLISH, english), (ARABIC, arabic)):
            item = QTableWidgetItem(text)
            if column == ARABIC:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.options.setItem(row, column, item)
        self.options.item(row, VALUE).setData(UUID_ROLE, uuid or new_uuid())
        self.options.setCurrentCell(row, VALUE)

    def _type_changed(self) -> None:
        has_options = QuestionType(self.type.currentData()).has_options
        for widget in (self.options, self.add_option, self.remove_option):
            widget.setEnabled(has_options)

    def _condition_changed(self) -> None:
        self.equals.setEnabled(self.condition.currentData() is not None)

    def _target(self) -> QuestionSpec | None:
        wanted = self.condition.currentData()
        return next((q for q in self._earlier if q.uuid == wanted), None)

    def _cell(self, row: int, column: int) -> str:
        item = self.options.item(row, column)
        return item.text().strip() if item else ""

    def _option_list(self, kind: QuestionType) -> list[OptionSpec]:
        if not kind.has_options:
            return []
        found = []
        for row in range(self.options.rowCount()):
            text = self._cell(row, VALUE)
            if not text:
                continue
            value: str | int = text
            if kind is QuestionType.SCALE:
                try:
                    value = int(text)
                except ValueError:
                    raise ValueError(translate("QuestionDialog", "A scale point's value is a whole "
                                               "number, not ‘{value}’").format(value=text)) from None
            found.append(OptionSpec(self.options.item(row, VALUE).data(UUID_ROLE), value,
                                    self._cell(row, ENGLISH), self._cell(row, ARABIC)))
        return found

    def _condition_value(self) -> Condition | None:
        target = self._target()
        if target is None:
            return None
        single = replace(target, type=QuestionType.SINGLE_CHOICE) \
            if target.type is QuestionType.MULTIPLE_CHOICE else target
        parts = [part for part in self.equals.text().split(",") if part.strip()]
        if not parts:
            raise ValueError(translate("QuestionDialog", "Name the answers of ‘{question}’ that "
                                       "ask this question").format(question=target.key))
        try:
            values: list[Answer] = [parse_answer(single, part) for part in parts]
        except AnswerError as error:
            raise ValueError(translate("QuestionDialog", "Condition: {reason}").format(
                reason=error)) from None
        return Condition(question=target.uuid, equals=values)

    def question(self) -> QuestionSpec:
        """What the dialog holds; ``ValueError`` (one translated line) for what it cannot read."""
        kind = QuestionType(self.type.currentData())
        return QuestionSpec(
            uuid=self._state.uuid if self._state else new_uuid(), key=self.key.text().strip(),
            type=kind, wording_en=self.wording_en.text().strip(),
            wording_ar=self.wording_ar.text().strip(), help_en=self.help_en.text().strip(),
            help_ar=self.help_ar.text().strip(), required=self.required.isChecked(),
            group=self.group.text().strip(), condition=self._condition_value(),
            options=self._option_list(kind))  # fmt: skip

    def submit(self) -> None:
        try:
            refusal = self._submit(self.question())
        except ValueError as error:
            refusal = str(error)
        if refusal:
            self.error.setText(refusal)
            return
        self.accept()
