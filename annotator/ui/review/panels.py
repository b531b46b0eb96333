"""The side panels of the review window: the filters, the coder legend and the document's
agreement figures."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
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
from annotator.ui.lead.bidi_text import english, isolated
from annotator.ui.plurals import plurals
from annotator.ui.review.labels import class_label

ANY = QT_TRANSLATE_NOOP("ReviewFilters", "(any)")
DISAGREEMENT = QT_TRANSLATE_NOOP("ReviewFilters", "any disagreement")
FIGURES = (("u_alpha", "uα"), ("binary_u_alpha", "|uα"), ("cu_alpha", "cuα"),
           ("alpha_u", "α_u"), ("char_alpha", QT_TRANSLATE_NOOP("ReviewFigures", "character α")),
           ("percent_agreement", QT_TRANSLATE_NOOP("ReviewFigures", "% agreement (tokens)")))
translate = QCoreApplication.translate


class ReviewFilters(QWidget):
    """Class, code and coder filters; ``changed`` fires with each edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.classes = QComboBox(objectName="reviewClassFilter")
        self.codes = QComboBox(objectName="reviewCodeFilter")
        self.coders = QComboBox(objectName="reviewCoderFilter")
        self.classes.addItem(translate("ReviewFilters", ANY), "")
        self.classes.addItem(translate("ReviewFilters", DISAGREEMENT), DISAGREEMENT)
        for klass in PRECEDENCE:
            self.classes.addItem(class_label(klass), klass.value)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(translate("ReviewFilters", "&Class"), self.classes)
        layout.addRow(translate("ReviewFilters", "C&ode"), self.codes)
        layout.addRow(translate("ReviewFilters", "Code&r"), self.coders)
        for combo in (self.classes, self.codes, self.coders):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def offer(self, clusters: list[Cluster], coders: tuple[str, ...]) -> None:
        """Fill the code and coder choices from one document (keeps a choice still offered)."""
        codes = sorted({code for cluster in clusters for code in cluster.codes})
        for combo, items in ((self.codes, codes), (self.coders, list(coders))):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("ReviewFilters", ANY), "")
            for item in items:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(0, combo.findData(kept)))
            combo.blockSignals(False)

    def chosen(self) -> dict[str, tuple[str, ...]]:
        """The filters as :func:`annotator.review.filter_clusters` takes them."""
        klass = self.classes.currentData()
        classes = (tuple(c.value for c in PRECEDENCE[:-1]) if klass == DISAGREEMENT
                   else (klass,) if klass else ())
        return {"classes": classes, "codes": _chosen(self.codes), "coders": _chosen(self.coders)}


def _chosen(combo: QComboBox) -> tuple[str, ...]:
    chosen = combo.currentData()
    return (chosen,) if chosen else ()


def _figure_label(label: str) -> str:
    """A measure's name; a bare symbol ("|uα") kept left to right in an Arabic table."""
    translated = translate("ReviewFigures", label)
    return english(translated) if translated == label else translated


def legend_html(colours: dict[str, str]) -> str:
    """Coder names in their colours (the highlight and margin-bar colour of their spans)."""
    names = " ".join(f'<span style="color:{colour}; font-weight:600">■ {isolated(name)}</span>'
                     for name, colour in colours.items())
    return translate("ReviewLegend", "Coders: {names}").format(names=names)


class AgreementFigures(QWidget):
    """This document's agreement figures (computed in a worker; ``show_pending`` until then)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(objectName="reviewAgreementStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 3, objectName="reviewAgreement")
        self.table.setHorizontalHeaderLabels([translate("ReviewFigures", "Figure"),
                                              translate("ReviewFigures", "Value"),
                                              translate("ReviewFigures", "Units")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("ReviewFigures", "<b>Agreement in this document</b>")))
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def show_pending(self) -> None:
        self.table.setRowCount(0)
        self.status.setText(translate("ReviewFigures", "Computing…"))

    def show_failed(self, message: str) -> None:
        self.status.setText(translate("ReviewFigures", "Agreement could not be computed: {reason}")
                            .format(reason=english(message)))

    def show_report(self, report: ProjectReport) -> None:
        figures = report.row("overall").figures if report.rows else {}
        shown = [(_figure_label(label), figures[key]) for key, label in FIGURES if key in figures]
        self.table.setRowCount(len(shown))
        for row, (label, figure) in enumerate(shown):
            value = (f"{figure.value:.3f}" if figure.defined
                     else translate("ReviewFigures", "undefined"))
            units = f"{figure.n_units:,} " + translate("AgreementUnit", figure.unit)
            for column, text in enumerate((label, value, units)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        count = len(report.coders)
        names = translate("ReviewFigures", ", ").join(isolated(c) for c in report.coders)
        self.status.setText(translate(
            "ReviewFigures", "{coders} ({names}); overall figures, every code "
            "(docs/agreement.md). One document: no confidence interval.").format(
            coders=plurals().coders(count), names=names or translate("ReviewFigures", "none")))
