"""Each coder against gold in the Agreement window: one row per coder with the uα of the coder
and the gold layer (its interval) and the coder's span F1, precision and recall with gold as
the reference (annotator/agreement/against_gold.py, as ``annotator agreement --against-gold``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.against_gold import GoldFigures
from annotator.agreement.report import PairScores
from annotator.agreement.report_format import fmt
from annotator.ui.agreement.worker import GoldComparison
from annotator.ui.bidi import isolate_if_mirrored
from annotator.ui.plurals import plurals

COLUMNS = (QT_TRANSLATE_NOOP("AgreementGold", "Coder"),
           QT_TRANSLATE_NOOP("AgreementGold", "Documents"),
           "uα",  # i18n: not shown (a symbol)
           QT_TRANSLATE_NOOP("AgreementGold", "95% interval"),
           QT_TRANSLATE_NOOP("AgreementGold", "F1 exact"),
           QT_TRANSLATE_NOOP("AgreementGold", "F1 overlap"),
           QT_TRANSLATE_NOOP("AgreementGold", "Precision (overlap)"),
           QT_TRANSLATE_NOOP("AgreementGold", "Recall (overlap)"))
NONE = "—"
translate = QCoreApplication.translate


class GoldPanel(QWidget):
    """A read-only table and a line saying what it rests on (or how to get it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementGold")
        self.note = QLabel(objectName="agreementGoldNote", wordWrap=True)
        self.table = QTableWidget(0, len(COLUMNS), objectName="agreementGoldTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.show_comparison(None)

    def show_comparison(self, comparison: GoldComparison | None) -> None:
        self.table.setHorizontalHeaderLabels([translate("AgreementGold", c) for c in COLUMNS])
        rows = comparison.rows if comparison else []
        self.table.setRowCount(len(rows))
        for row, figures in enumerate(rows):
            for column, text in enumerate(_cells(figures)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.note.setText(_note(comparison))


def _cells(row: GoldFigures) -> list[str]:
    def f1(scores: PairScores | None) -> str:
        return fmt(scores.f1) if scores else NONE

    interval = row.alpha.interval if row.alpha else None
    overlap = row.overlap
    return [isolate_if_mirrored(row.coder), str(row.n_documents),
            fmt(row.alpha.value) if row.alpha else NONE,
            f"[{fmt(interval.low)}, {fmt(interval.high)}]" if interval else NONE,
            f1(row.exact), f1(overlap),
            fmt(overlap.precision) if overlap else NONE, fmt(overlap.recall) if overlap else NONE]


def _note(comparison: GoldComparison | None) -> str:
    if comparison is None:
        return translate("AgreementGold", "Tick “Each coder against gold” (coding layer) and "
                                          "compute to compare each coder with the adjudicated "
                                          "gold layer.")
    documents = max((row.n_documents for row in comparison.rows), default=0)
    if not documents:
        return translate("AgreementGold", "No chosen document has gold yet: adjudicate in the "
                                          "review window first.")
    return translate("AgreementGold", "Gold is the reference of precision and recall; each "
                                      "coder is compared on the documents both coded (up to "
                                      "{documents}). Clusters still undecided count as gold "
                                      "marking nothing.").format(
        documents=plurals().documents(documents))
