"""The side panels of the review window: the filters, the coder legend and the document's
agreement figures."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import ProjectReport
from annotator.review import PRECEDENCE, Cluster

ANY = "(any)"
DISAGREEMENT = "any disagreement"
FIGURES = (("u_alpha", "uα"), ("binary_u_alpha", "|uα"), ("cu_alpha", "cuα"),
           ("alpha_u", "α_u"), ("char_alpha", "character α"),
           ("percent_agreement", "% agreement (tokens)"))


class ReviewFilters(QWidget):
    """Class, code and coder filters; ``changed`` fires with each edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.classes = QComboBox(objectName="reviewClassFilter")
        self.codes = QComboBox(objectName="reviewCodeFilter")
        self.coders = QComboBox(objectName="reviewCoderFilter")
        self.classes.addItems([ANY, DISAGREEMENT, *(c.value for c in PRECEDENCE)])
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow("&Class", self.classes)
        layout.addRow("C&ode", self.codes)
        layout.addRow("Code&r", self.coders)
        for combo in (self.classes, self.codes, self.coders):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def offer(self, clusters: list[Cluster], coders: tuple[str, ...]) -> None:
        """Fill the code and coder choices from one document (keeps a choice still offered)."""
        codes = sorted({code for cluster in clusters for code in cluster.codes})
        for combo, items in ((self.codes, codes), (self.coders, list(coders))):
            kept = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([ANY, *items])
            combo.setCurrentIndex(max(0, combo.findText(kept)))
            combo.blockSignals(False)

    def chosen(self) -> dict[str, tuple[str, ...]]:
        """The filters as :func:`annotator.review.filter_clusters` takes them."""
        klass = self.classes.currentText()
        classes = (tuple(c.value for c in PRECEDENCE[:-1]) if klass == DISAGREEMENT
                   else () if klass == ANY else (klass,))
        return {"classes": classes, "codes": _chosen(self.codes), "coders": _chosen(self.coders)}


def _chosen(combo: QComboBox) -> tuple[str, ...]:
    return () if combo.currentText() in (ANY, "") else (combo.currentText(),)


def legend_html(colours: dict[str, str]) -> str:
    """Coder names in their colours (the highlight and margin-bar colour of their spans)."""
    return "Coders: " + " ".join(f'<span style="color:{colour}; font-weight:600">■ {name}</span>'
                                 for name, colour in colours.items())


class AgreementFigures(QWidget):
    """This document's agreement figures (computed in a worker; ``show_pending`` until then)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(objectName="reviewAgreementStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3, objectName="reviewAgreement")
        self.table.setHorizontalHeaderLabels(["Figure", "Value", "n units"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Agreement in this document</b>"))
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def show_pending(self) -> None:
        self.table.setRowCount(0)
        self.status.setText("Computing…")

    def show_failed(self, message: str) -> None:
        self.status.setText(f"Agreement could not be computed: {message}")

    def show_report(self, report: ProjectReport) -> None:
        figures = report.row("overall").figures if report.rows else {}
        shown = [(label, figures[key]) for key, label in FIGURES if key in figures]
        self.table.setRowCount(len(shown))
        for row, (label, figure) in enumerate(shown):
            value = f"{figure.value:.3f}" if figure.defined else "undefined"
            for column, text in enumerate((label, value, f"{figure.n_units} {figure.unit}")):
                self.table.setItem(row, column, QTableWidgetItem(text))
        coders = ", ".join(report.coders) or "none"
        self.status.setText(f"{len(report.coders)} coders ({coders}); overall figures, every "
                            "code (docs/agreement.md). One document: no confidence interval.")
