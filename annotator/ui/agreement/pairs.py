"""Coder x coder span F1 matrices (exact and overlap matching) for the Agreement window."""

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

from annotator.agreement.report import PairScores, ProjectReport
from annotator.agreement.report_format import fmt
from annotator.ui.plurals import plurals

MATCHES = (("exact", QT_TRANSLATE_NOOP("AgreementPairs", "Span F1, exact match")),
           ("overlap", QT_TRANSLATE_NOOP("AgreementPairs", "Span F1, overlap ≥ 0.5")))
translate = QCoreApplication.translate


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
            layout.addWidget(QLabel("<b>" + translate("AgreementPairs", title) + "</b>"))
            layout.addWidget(table)
            self.tables[match] = table
        note = QLabel(translate("AgreementPairs",
                                "Row: reference coder. F1 is symmetric; hover for precision "
                                "and recall. Not chance-corrected: read it beside α."))
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
        match = (translate("AgreementPairs", "exact match") if pair.match == "exact"
                 else translate("AgreementPairs", "overlap match"))
        documents = pair.n_documents
        item.setToolTip(
            translate("AgreementPairs", "{other} against {reference} ({match})").format(
                other=pair.other, reference=pair.reference, match=match) + "\n"
            + translate("AgreementPairs", "precision {precision}, recall {recall}, F1 {f1}").format(
                precision=fmt(pair.precision), recall=fmt(pair.recall), f1=fmt(pair.f1)) + "\n"
            + plurals().documents(documents) + ", "
            + translate("AgreementPairs", "spans {reference} / {other}").format(
                reference=pair.n_reference, other=pair.n_other))
    return item
