"""A horizontal bar per code with dashed lines at the .667 and .800 thresholds (QtCharts).

Bars are coloured by verdict (one stacked bar set per verdict, so the legend names the colours);
an undefined figure has no bar and its label says "undefined", so the chart never shows it as 0.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from annotator.agreement.report import (
    MEASURES,
    Figure,
    PRIMARY,
    RELIABLE,
    TENTATIVE,
    ProjectReport,
    verdict,
)
from annotator.agreement.report_format import fmt
from annotator.ui.plurals import plurals
from annotator.ui.agreement.table_model import left_to_right
from annotator.ui.agreement.style import STYLES, THRESHOLD_PENS, verdict_title

VERDICTS = ("reliable", "tentative", "not reliable", "too few units")  # i18n: not shown (keys)
translate = QCoreApplication.translate
ROW_HEIGHT = 22


class AgreementChart(QChartView):
    """Shows one figure (default |uα of k, the verdict's figure) of the code rows of a report,
    best read in a scroll area: it asks for enough height to label every bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setObjectName("agreementChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart().setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart().setMargins(QMargins(4, 4, 12, 4))
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart().legend().setFont(_small_font())
        self._labels: list[str] = []
        self._values: list[float] = []

    @property
    def labels(self) -> list[str]:
        """Category labels top to bottom, as shown (for tests and accessibility)."""
        return list(self._labels)

    @property
    def values(self) -> list[float]:
        return list(self._values)

    def set_report(self, report: ProjectReport | None, measure: str = PRIMARY) -> None:
        """Bars for the codes where the figure is defined; the title counts the others
        (they are in the table as "undefined", and a missing bar is never a 0)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        rows = [row for row in report.rows if row.scope == "code"] if report else []
        figures = [(row.name, row.figures[measure]) for row in rows
                   if measure in row.figures and row.figures[measure].defined]
        shown = [(name, figure.value) for name, figure in figures]
        self._labels = [f"{name}  {fmt(value)}" for name, value in shown]
        self._values = [value for _, value in shown]
        hidden = len(rows) - len(shown)
        title = translate("AgreementChart", "{measure} per code").format(
            measure=left_to_right(MEASURES[measure]))
        if hidden:
            title += " — " + translate("AgreementChart", "{codes} undefined, not drawn").format(
                codes=plurals().codes(hidden))
        chart.setTitle(title)
        self.setMinimumHeight(ROW_HEIGHT * len(shown) + 130)
        if not shown:
            return
        series = _bars([figure for _, figure in reversed(figures)])  # Qt draws the first at the bottom
        chart.addSeries(series)
        x_axis, y_axis = _value_axis(self._values), QBarCategoryAxis()
        y_axis.append(list(reversed(self._labels)))
        y_axis.setLabelsFont(_small_font())
        y_axis.setTruncateLabels(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        _threshold_lines(chart, x_axis)


def _bars(figures: list[Figure]) -> QHorizontalStackedBarSeries:
    """One bar set per verdict; each code has its value in the set of its verdict only."""
    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.7)
    for name in VERDICTS:
        bar_set = QBarSet(verdict_title(name))
        bar_set.setColor(STYLES[name].bar)
        bar_set.setBorderColor(STYLES[name].bar.darker(120))
        bar_set.append([f.value if (f.verdict or verdict(f.value)) == name else 0.0
                        for f in figures])
        series.append(bar_set)
    return series


def _value_axis(values: list[float]) -> QValueAxis:
    axis = QValueAxis()
    low = min([v for v in values if v == v] + [0.0])
    axis.setRange(math.floor(low * 10) / 10 if low < 0 else 0.0, 1.0)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0.0)
    axis.setTickInterval(0.1 if low >= 0 else 0.2)
    axis.setLabelFormat("%.1f")
    axis.setLabelsFont(_small_font())
    return axis


def _threshold_lines(chart: QChart, x_axis: QValueAxis) -> None:
    """Vertical dashed lines over the bars, on a hidden 0..1 axis spanning the plot height."""
    y_axis = QValueAxis()
    y_axis.setRange(0.0, 1.0)
    y_axis.setVisible(False)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignRight)
    for threshold in (TENTATIVE, RELIABLE):
        line = QLineSeries()
        line.setName(translate("AgreementChart", "threshold {value}").format(
            value=f"{threshold:.3f}".removeprefix("0")))
        line.append(threshold, 0.0)
        line.append(threshold, 1.0)
        pen = QPen(THRESHOLD_PENS[threshold], 2, Qt.PenStyle.DashLine)
        line.setPen(pen)
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)


def _small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
    return font
