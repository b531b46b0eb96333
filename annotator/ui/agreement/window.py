"""The Agreement window: filters, the sortable table with verdict colours, a bar chart with the
threshold lines, the span F1 matrices, progress with Cancel, and export to CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import PRIMARY, ProjectReport
from annotator.agreement.report_format import flat_header, flat_rows, kappa_key, report_json
from annotator.ui.agreement.chart import AgreementChart
from annotator.ui.agreement.filters import FilterPanel
from annotator.ui.agreement.pairs import PairsPanel
from annotator.ui.agreement.table_model import AgreementTableModel
from annotator.ui.agreement.worker import Filters, compute_report, load_choices
from annotator.ui.models import SORT_ROLE
from annotator.ui.workers import TaskRunner, TaskState
from annotator.wording import counted

CHART_MEASURES = {"binary_per_code": "|uα of k", "k_u_alpha": "(k)uα", "alpha_u": "α_u",
                  "char_alpha": "char α", "presence_alpha": "presence α", "kappa": "κ tokens"}
"""Figures the chart can show; "kappa" is Cohen's for two coders, else Fleiss'."""


class AgreementWindow(QWidget):
    """Computes on open with every coder, code and document, and again on Compute."""

    def __init__(self, project_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agreementWindow")
        self.setWindowTitle(f"Agreement — {project_path.name}")
        self.project_path = project_path
        self.runner = TaskRunner(self, threads=1)
        self._state: TaskState | None = None
        self._filters = Filters()
        self.model = AgreementTableModel(self)
        self.filters = FilterPanel(load_choices(project_path), self)
        self.filters.compute_requested.connect(self.compute)
        self._build()
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.compute)
        self.resize(1440, 900)

    # layout ---------------------------------------------------------------------
    def _build(self) -> None:
        self.table = _table_view(self.model)
        self.summary = QLabel(objectName="agreementSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.table)
        body.addWidget(self._bottom())
        body.setSizes([470, 330])
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(body, 1)
        right.addLayout(self._status_row())
        self.filters.setFixedWidth(250)
        layout = QHBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(right, 1)

    def _bottom(self) -> QSplitter:
        """The chart (with its figure chooser, in a scroll area) beside the F1 matrices."""
        self.chart = AgreementChart(self)
        self.pairs = PairsPanel(self)
        self.measure = QComboBox(objectName="agreementChartMeasure")
        for key, title in CHART_MEASURES.items():
            self.measure.addItem(title, key)
        self.measure.currentIndexChanged.connect(self._redraw_chart)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.chart)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(_with_header("Chart of", self.measure, scroll))
        bottom.addWidget(self.pairs)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        return bottom

    def _status_row(self) -> QHBoxLayout:
        self.progress = QProgressBar(objectName="agreementProgress")
        self.progress.setRange(0, 100)
        self.progress.setFormat("%p%")
        self.stage = QLabel(objectName="agreementStage")
        self.cancel_button = QPushButton("Cancel", objectName="agreementCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.export_csv_button = QPushButton("Export CSV…", objectName="agreementExportCsv")
        self.export_csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.export_json_button = QPushButton("Export JSON…", objectName="agreementExportJson")
        self.export_json_button.clicked.connect(lambda: self._ask_export("json"))
        row = QHBoxLayout()
        for widget in (self.progress, self.stage, self.cancel_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_csv_button)
        row.addWidget(self.export_json_button)
        self._set_busy(False)
        return row

    # computing ------------------------------------------------------------------
    @property
    def report(self) -> ProjectReport | None:
        return self.model.report

    @property
    def busy(self) -> bool:
        return self._state is not None

    def compute(self) -> None:
        """(Re)compute with the current filters in the worker; a running one is cancelled."""
        filters = self.filters.filters()
        empty = [name for name, value in (("coder", filters.coders), ("code", filters.codes),
                                          ("document", filters.documents)) if value == ()]
        if empty:
            self._show_error(f"choose at least one {' and one '.join(empty)}")
            return
        self.cancel()
        self._filters = filters
        path = self.project_path
        self._state = self.runner.start(
            lambda state, report: compute_report(path, filters, state, report),
            on_done=self._done, on_progress=self._progress, on_failed=self._failed)
        self._set_busy(True)
        self._progress((0.0, "starting"))

    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self._state = None
            self.stage.setText("cancelled")
        self._set_busy(False)

    def _progress(self, value: tuple[float, str]) -> None:
        fraction, stage = value
        self.progress.setValue(round(100 * fraction))
        self.stage.setText(stage)

    def _done(self, report: ProjectReport | None) -> None:
        self._state = None
        if report is not None:
            self._show(report)
        self._set_busy(False)

    def _show(self, report: ProjectReport) -> None:
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self._redraw_chart()
        self.pairs.set_report(report)
        self.summary.setText(_summary(report, self._filters))
        self.stage.setText("")

    def _failed(self, message: str) -> None:
        self._state = None
        self._set_busy(False)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.summary.setText(f"<span style='color:#8e1b17'><b>Cannot compute:</b> {message}</span>")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.filters.compute.setEnabled(not busy)
        has_report = self.model.report is not None
        self.export_csv_button.setEnabled(has_report and not busy)
        self.export_json_button.setEnabled(has_report and not busy)

    def _redraw_chart(self) -> None:
        key = self.measure.currentData() or PRIMARY
        if key == "kappa":
            key = kappa_key(self.report) if self.report else "fleiss_kappa"
        self.chart.set_report(self.report, key)

    # export ---------------------------------------------------------------------
    def export_csv(self, path: Path) -> None:
        """Every figure of every row (UTF-8 with BOM, so spreadsheet programs read Arabic)."""
        assert self.report is not None
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(flat_header())
        writer.writerows([[_safe(cell) for cell in row] for row in flat_rows(self.report)])
        path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")

    def export_json(self, path: Path) -> None:
        assert self.report is not None
        document = report_json(self.report, project=str(self.project_path),
                               layer=self._filters.layer.value, filters=_filter_json(self._filters))
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")

    def _ask_export(self, kind: str) -> None:
        suggested = str(self.project_path.with_name(f"{self.project_path.stem}-agreement.{kind}"))
        name, _ = QFileDialog.getSaveFileName(self, f"Export agreement as {kind.upper()}",
                                              suggested, f"{kind.upper()} files (*.{kind})")
        if name:
            (self.export_csv if kind == "csv" else self.export_json)(Path(name))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.cancel_all()
        self.runner.wait(10_000)
        super().closeEvent(event)


def _table_view(model: AgreementTableModel) -> QTableView:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(objectName="agreementTable")
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # report order until a header is clicked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setHighlightSections(False)
    return view


def _with_header(title: str, control: QWidget, body: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    row = QHBoxLayout()
    row.addWidget(QLabel(title))
    row.addWidget(control)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addWidget(body, 1)
    return box


def _summary(report: ProjectReport, filters: Filters) -> str:
    parts = [f"<b>{counted(len(report.coders), 'coder')}</b> "
             f"({', '.join(report.coders) or 'none'})",
             f"<b>{counted(report.n_documents, 'document')}</b>: {report.n_pairable} coded by "
             "two or more, "
             f"{report.n_complete} by all", f"layer {filters.layer.value}",
             _bootstrap_summary(report)]
    notes = "".join(f"<br>{note}" for note in report.notes)
    return " · ".join(parts) + notes


def _bootstrap_summary(report: ProjectReport) -> str:
    """How the intervals were drawn: replicates, seed and the documents the family resamples."""
    if report.family_resampled:
        family = f"uα family over {report.family_resampled} resampled documents"
    else:
        family = "uα family without interval"
    return (f"95% intervals: {report.n_boot} bootstrap replicates, seed {report.seed} "
            f"({family}); hover a cell for its definition")


def _filter_json(filters: Filters) -> dict[str, Any]:
    return {"coders": filters.coders, "codes": filters.codes, "documents": filters.documents}


def _safe(cell: object) -> object:
    """Text that a spreadsheet would run as a formula is written as text (DESIGN.md §8)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell
