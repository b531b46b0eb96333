"""The Agreement window's "Document questions" tab: alpha per question and frame score.

Computed in the window's worker after the span report (a few questions and a bootstrap of
each: quick); the table uses the verdict colours and marks of the main table.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.agreement.questions import QuestionAgreement, question_agreement
from annotator.agreement.report import verdict
from annotator.db.engine import open_project
from annotator.db.services.questions import agreement_answers
from annotator.ui.agreement.style import style
from annotator.ui.agreement.worker import Filters

HEADER = (QT_TRANSLATE_NOOP("AgreementQuestions", "question"),
          QT_TRANSLATE_NOOP("AgreementQuestions", "level"), "α",
          QT_TRANSLATE_NOOP("AgreementQuestions", "95% CI"),
          QT_TRANSLATE_NOOP("AgreementQuestions", "% agreement"), "AC1",
          QT_TRANSLATE_NOOP("AgreementQuestions", "documents"),
          QT_TRANSLATE_NOOP("AgreementQuestions", "coders"))
LEVELS = {"nominal": QT_TRANSLATE_NOOP("AgreementQuestions", "nominal"),
          "ordinal": QT_TRANSLATE_NOOP("AgreementQuestions", "ordinal"),
          "interval": QT_TRANSLATE_NOOP("AgreementQuestions", "interval")}
"""Levels of measurement as the table shows them; another one is shown as it is."""
translate = QCoreApplication.translate


def compute_questions(project_path: Path, filters: Filters) -> list[QuestionAgreement]:
    """The figures of every question with the window's coders, documents and layer (worker-safe)."""
    store = open_project(project_path)
    try:
        with store.reader() as session:
            questions, sheet = agreement_answers(
                session, coders=list(filters.coders) if filters.coders else None,
                documents=list(filters.documents) if filters.documents else None, layer=filters.layer)
    finally:
        store.close()
    return question_agreement(questions, sheet, n_boot=filters.n_boot, seed=filters.seed) if sheet else []


class QuestionsTable(QTableView):
    """objectName ``agreementQuestions``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementQuestions")
        self.figures = QStandardItemModel(0, len(HEADER), self)
        self.figures.setHorizontalHeaderLabels(
            [translate("AgreementQuestions", title) for title in HEADER])
        self.setModel(self.figures)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def set_rows(self, rows: list[QuestionAgreement]) -> None:
        self.figures.removeRows(0, self.figures.rowCount())
        for row in rows:
            self.figures.appendRow(_items(row))

    def cell(self, row: int, column: int) -> str:
        return self.figures.item(row, column).text()


def _number(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.3f}"


def _items(row: QuestionAgreement) -> list[QStandardItem]:
    interval = "–" if math.isnan(row.ci_low) else f"[{row.ci_low:.3f}, {row.ci_high:.3f}]"
    found = None if math.isnan(row.alpha) else style(verdict(row.alpha))
    alpha = _number(row.alpha) + (f" {found.mark}" if found else "")
    level = translate("AgreementQuestions", LEVELS[row.level]) if row.level in LEVELS else row.level
    texts = (row.variable, level, alpha, interval, _number(row.percent_agreement), _number(row.ac1),
             str(row.n_documents), str(row.n_coders))
    items = [QStandardItem(text) for text in texts]
    items[0].setToolTip(row.label)
    if found is not None:
        items[2].setBackground(found.background)
        items[2].setForeground(found.foreground)
        items[2].setToolTip(found.title)
    return items
