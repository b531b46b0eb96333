"""Coder x coder span F1 matrices (exact and overlap matching) for the Agreement window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import PairScores, ProjectReport
from annotator.agreement.report_format import fmt
from annotator.wording import counted

MATCHES = (("exact", "Span F1, exact match"), ("overlap", "Span F1, overlap ≥ 0.5"))


class PairsPanel(QWidget):
    """Two small read-only matrices; rows are the reference coder, columns the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementPairs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tables: dict[str, QTableWidget] = {}
        for match, title in MATCHES:
            table = QTableWidget(objectName=f"agreementF1{match.title()}")
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            layout.addWidget(QLabel(f"<b>{title}</b>"))
            layout.addWidget(table)
            self.tables[match] = table
        note = QLabel("Row: reference coder. F1 is symmetric; hover for precision and recall. "
                      "Not chance-corrected: read it beside α.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        layout.addStretch(1)

    def set_report(self, report: ProjectReport | None) -> None:
        coders = list(report.coders) if report else []
        for match, table in self.tables.items():
            table.clear()
            table.setRowCount(len(coders))
            table.setColumnCount(len(coders))
            table.setHorizontalHeaderLabels(coders)
            table.setVerticalHeaderLabels(coders)
            for i, a in enumerate(coders):
                for j, b in enumerate(coders):
                    assert report is not None
                    pair = None if a == b else report.pair(a, b, match)
                    table.setItem(i, j, _cell(pair))
            table.resizeRowsToContents()
            table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                                 + sum(table.rowHeight(i) for i in range(len(coders)))
                                 + 2 * table.frameWidth())


def _cell(pair: PairScores | None) -> QTableWidgetItem:
    item = QTableWidgetItem("—" if pair is None else fmt(pair.f1))
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if pair is not None:
        item.setToolTip(f"{pair.other} against {pair.reference} ({pair.match} match)\n"
                        f"precision {fmt(pair.precision)}, recall {fmt(pair.recall)}, "
                        f"F1 {fmt(pair.f1)}\n{counted(pair.n_documents, 'document')}, spans "
                        f"{pair.n_reference} / {pair.n_other}")
    return item
