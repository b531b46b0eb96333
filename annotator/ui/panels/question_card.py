"""One document question as a keyboard-operable card: wording (Arabic right to left, English below),
its options as numbered buttons, and its answer.

With the card focused: number keys choose (toggle, for multiple choice) the n-th option, 0 the
tenth; Up/Down move through the options; Y/N answer yes/no; Delete or Backspace clears. Number and
text questions take their answer in a line edit (Enter or leaving the field commits it). The card
claims these keys before the window's code shortcuts (which also use digits) see them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from annotator.codebook.questions import Answer, AnswerError, QuestionSpec, QuestionType, parse_answer
from annotator.ui.fonts import ui_arabic_font

YES_NO = ((True, "نعم", "yes"), (False, "لا", "no"))
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): (n - 1 if n else 9) for n in range(10)}
_CLEAR = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_MOVE = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}
STYLE = """
QFrame#questionCard { border: 1px solid #d0d4d9; border-radius: 6px; background: #ffffff; }
QFrame#questionCard:focus { border: 2px solid #2f6fd1; background: #f4f8ff; }
QFrame#questionCard[missing="true"] { border-left: 4px solid #c5221f; }
QPushButton { text-align: $align; padding: 3px 8px; }
QPushButton:checked { background: #2f6fd1; color: white; font-weight: bold; }
""".strip()


class QuestionCard(QFrame):
    """A question and its answer; ``answered`` carries the new value (``None``: cleared)."""

    answered = Signal(str, object)

    def __init__(self, question: QuestionSpec, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # the options read from the right; a right-to-left style mirrors "right" to the left
        self.setStyleSheet(STYLE.replace("$align", "left" if self.isRightToLeft() else "right"))
        self.question = question
        self.value: Answer | None = None
        self._values: list[Answer] = []
        self._buttons: list[QPushButton] = []
        self.line: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        star = " *" if question.required else ""
        self.title = QLabel(f"<b>{number}. {question.wording_ar}</b>{star}", wordWrap=True,
                            textFormat=Qt.TextFormat.RichText)
        self.title.setFont(ui_arabic_font(self.title.font()))
        self.title.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        english = QLabel(question.wording_en, wordWrap=True)
        english.setStyleSheet("color: #5f6368; font-size: 9pt;")
        layout.addWidget(self.title)
        layout.addWidget(english)
        helps = (question.help_ar, question.help_en)  # the interface language's first
        help_text = "\n\n".join(t for t in (helps if QGuiApplication.isRightToLeft()
                                             else helps[::-1]) if t)
        if help_text:
            self.setToolTip(help_text)
        self._build_answer(layout)

    # ------------------------------------------------------------------ building
    def _build_answer(self, layout: QVBoxLayout) -> None:
        kind = self.question.type
        if kind in (QuestionType.NUMBER, QuestionType.TEXT):
            self.line = QLineEdit()
            self.line.setObjectName("answerField")
            self.line.setFont(ui_arabic_font(self.line.font()))
            if kind is QuestionType.NUMBER:
                self.line.setValidator(QDoubleValidator(self.line))
            else:
                self.line.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.line.editingFinished.connect(self._commit_line)
            self.setFocusProxy(self.line)
            layout.addWidget(self.line)
            return
        if kind is QuestionType.YES_NO:
            labels = [(value, ar, en) for value, ar, en in YES_NO]
        else:
            labels = [(o.value, o.label_ar, o.label_en) for o in self.question.options]
        grid = QGridLayout()
        grid.setSpacing(4)
        columns = len(labels) if len(labels) <= 3 else 1
        for index, (value, ar, en) in enumerate(labels):
            key = str((index + 1) % 10) if index < 10 else "↑↓"
            button = QPushButton(f"{key}   {ar}", checkable=True)
            button.setToolTip(en)
            button.setFont(ui_arabic_font(button.font()))
            button.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, i=index: self.choose(i))
            column = index % columns  # the first option rightmost: a right-to-left grid mirrors
            grid.addWidget(button, index // columns if columns > 1 else index,
                           column if self.isRightToLeft() else columns - 1 - column)
            self._buttons.append(button)
            self._values.append(value)
        layout.addLayout(grid)

    # ------------------------------------------------------------------ answer
    def show_value(self, value: Answer | None) -> None:
        """Display a stored answer without reporting it."""
        self.value = value
        for button, option in zip(self._buttons, self._values, strict=True):
            chosen = option in value if isinstance(value, list) else (value == option and value is not None
                                                                          and type(value) is type(option))
            button.setChecked(bool(chosen))
        if self.line is not None and not self.line.hasFocus():
            self.line.setStyleSheet("")
            self.line.setText("" if value is None else str(value))

    def set_missing(self, missing: bool) -> None:
        self.setProperty("missing", missing)
        self.style().unpolish(self)
        self.style().polish(self)

    def choose(self, index: int) -> None:
        """Choose (or, for multiple choice, toggle) the option at ``index``."""
        if not 0 <= index < len(self._values):
            return
        option = self._values[index]
        if self.question.type is QuestionType.MULTIPLE_CHOICE:
            chosen = list(self.value) if isinstance(self.value, list) else []
            chosen = [v for v in chosen if v != option] if option in chosen else [*chosen, option]
            ordered = [v for v in self._values if v in chosen]
            self.answered.emit(self.question.uuid, ordered or None)
        else:
            self.answered.emit(self.question.uuid, option)

    def clear(self) -> None:
        if self.value is not None:
            self.answered.emit(self.question.uuid, None)

    def _move(self, step: int) -> None:
        if not self._values or self.question.type is QuestionType.MULTIPLE_CHOICE:
            return
        current = next((i for i, v in enumerate(self._values)
                        if v == self.value and type(v) is type(self.value)), -1)
        start = 0 if current < 0 and step > 0 else current + step
        self.choose(max(0, min(len(self._values) - 1, start)))

    def _commit_line(self) -> None:
        assert self.line is not None
        text = self.line.text().strip()
        if not text:
            self.line.setStyleSheet("")
            self.clear()
            return
        try:
            value = parse_answer(self.question, text)
        except AnswerError as error:
            self.line.setStyleSheet("border: 2px solid #c5221f;")
            self.line.setToolTip(str(error))
            return
        self.line.setStyleSheet("")
        if value != self.value:
            self.answered.emit(self.question.uuid, value)

    # ------------------------------------------------------------------ keys
    def _claims(self, event: QKeyEvent) -> bool:
        if self.line is not None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = Qt.Key(event.key())
        if self.question.type is QuestionType.YES_NO and key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            return True
        return key in _DIGITS or key in _CLEAR or key in _MOVE

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt's name
        return claimed_before_shortcuts(event, self._claims) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if not self._claims(event):
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        if key in _DIGITS:
            self.choose(_DIGITS[key])
        elif key in _CLEAR:
            self.clear()
        elif key in _MOVE:
            self._move(_MOVE[key])
        else:
            self.choose(0 if key == Qt.Key.Key_Y else 1)
        event.accept()


def claimed_before_shortcuts(event: QEvent, claims: Callable[[QKeyEvent], bool]) -> bool:
    """Accept the ShortcutOverride of a key ``claims`` takes, so that the window's shortcuts
    (digits, Delete) leave that key to the widget's own keyPressEvent."""
    if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
            and claims(event)):
        event.accept()
        return True
    return False
