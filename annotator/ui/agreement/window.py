"""The Agreement window: filters, the sortable table with verdict colours, a bar chart with the
threshold lines, the span F1 matrices, progress with Cancel, and export to CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
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
    QTabWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import PRIMARY, ProjectReport
from annotator.agreement.report_format import flat_header, flat_rows, kappa_key, report_json
from annotator.db.engine import open_project
from annotator.project_location import ProjectLocation, is_server_url, local_stem, location_name
from annotator.ui.agreement.chart import AgreementChart
from annotator.ui.agreement.filters import FilterPanel, layer_title
from annotator.ui.agreement.gold import GoldPanel
from annotator.ui.agreement.pairs import PairsPanel
from annotator.ui.agreement.questions import QuestionsTable, compute_questions
from annotator.ui.agreement.table_model import AgreementTableModel, left_to_right
from annotator.ui.agreement.worker import (
    Computed,
    Filters,
    compute,
    load_choices,
    note_text,
    stage_text,
)
from annotator.ui.live import LiveUpdates
from annotator.ui.models import SORT_ROLE
from annotator.ui.plurals import plurals
from annotator.ui.workers import TaskRunner, TaskState

CHART_MEASURES = {"binary_per_code": "|uα of k", "k_u_alpha": "(k)uα", "alpha_u": "α_u",
                  "char_alpha": QT_TRANSLATE_NOOP("AgreementWindow", "char α"),
                  "presence_alpha": QT_TRANSLATE_NOOP("AgreementWindow", "presence α"),
                  "kappa": QT_TRANSLATE_NOOP("AgreementWindow", "κ tokens")}
"""Figures the chart can show; "kappa" is Cohen's for two coders, else Fleiss'."""
translate = QCoreApplication.translate


class AgreementWindow(QWidget):
    """Computes on open with every coder, code and document, and again on Compute."""

    def __init__(self, project_path: ProjectLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agreementWindow")
        self.setWindowTitle(translate("AgreementWindow", "Agreement — {project}").format(
            project=location_name(project_path)))
        self.project_path = project_path
        self.runner = TaskRunner(self, threads=1)
        self._state: TaskState | None = None
        self._filters = Filters()
        self.model = AgreementTableModel(self)
        self.filters = FilterPanel(load_choices(project_path), self)
        self.filters.compute_requested.connect(self.compute)
        self._live_store = open_project(project_path) if is_server_url(project_path) else None
        self.live = LiveUpdates(self._live_store, self) if self._live_store else None
        if self.live is not None:  # a server: recompute when coders commit
            self.live.changed.connect(self._on_live_change)
        self._build()
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.compute)
        self.resize(1440, 900)

    def _on_live_change(self, _tables: set[str]) -> None:
        if not self.busy:
            self.compute()

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
        if self.live is not None:
            right.addWidget(self.live.notice)
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
        self.questions = QuestionsTable(self)
        self.gold = GoldPanel(self)
        self.tabs = tabs = QTabWidget(objectName="agreementTabs")
        tabs.addTab(self.pairs, translate("AgreementWindow", "Coder pairs"))
        tabs.addTab(self.questions, translate("AgreementWindow", "Document questions"))
        tabs.addTab(self.gold, translate("AgreementWindow", "Against gold"))
        self.measure = QComboBox(objectName="agreementChartMeasure")
        for key, title in CHART_MEASURES.items():
            self.measure.addItem(left_to_right(translate("AgreementWindow", title)), key)
        self.measure.currentIndexChanged.connect(self._redraw_chart)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.chart)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        chart_of = translate("AgreementWindow", "Chart of")
        bottom.addWidget(_with_header(chart_of, self.measure, scroll))
        bottom.addWidget(tabs)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        return bottom

    def _status_row(self) -> QHBoxLayout:
        self.progress = QProgressBar(objectName="agreementProgress")
        self.progress.setRange(0, 100)
        self.progress.setFormat("%p%")
        self.stage = QLabel(objectName="agreementStage")
        self.cancel_button = QPushButton(translate("AgreementWindow", "Cancel"),
                                         objectName="agreementCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.export_csv_button = QPushButton(translate("AgreementWindow", "Export CSV…"),
                                             objectName="agreementExportCsv")
        self.export_csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.export_json_button = QPushButton(translate("AgreementWindow", "Export JSON…"),
                                              objectName="agreementExportJson")
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
        empty = [name for name, value in (
            (translate("AgreementWindow", "choose at least one coder"), filters.coders),
            (translate("AgreementWindow", "choose at least one code"), filters.codes),
            (translate("AgreementWindow", "choose at least one document"), filters.documents))
            if value == ()]
        if empty:
            self._show_error("; ".join(empty))
            return
        self.cancel()
        self._filters = filters
        path = self.project_path
        self._state = self.runner.start(
            lambda state, report: compute(path, filters, state, report),
            on_done=self._done, on_progress=self._progress, on_failed=self._failed)
        self._set_busy(True)
        self._progress((0.0, "starting"))

    def cancel(self) -> None:
        if self._state is not None:
            self._state.cancel()
            self._state = None
            self.stage.setText(translate("AgreementWindow", "cancelled"))
        self._set_busy(False)

    def _progress(self, value: tuple[float, str]) -> None:
        fraction, stage = value
        self.progress.setValue(round(100 * fraction))
        self.stage.setText(stage_text(stage))

    def _done(self, computed: Computed | None) -> None:
        self._state = None
        if computed is not None:
            self._show(computed.report)
            self.gold.show_comparison(computed.gold)
            if computed.gold is not None:
                self.tabs.setCurrentWidget(self.gold)
        self._set_busy(False)

    def _show(self, report: ProjectReport) -> None:
        self.model.set_report(report)
        self.table.resizeColumnsToContents()
        self._redraw_chart()
        self.pairs.set_report(report)
        self.summary.setText(_summary(report, self._filters))
        self.stage.setText("")
        path, filters = self.project_path, self._filters
        self.runner.start(lambda _state, _report: compute_questions(path, filters),
                          on_done=self.questions.set_rows, on_failed=self._show_error)

    def _failed(self, message: str) -> None:
        self._state = None
        self._set_busy(False)
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        lead = translate("AgreementWindow", "Cannot compute:")
        error = f"<span style='color:#8e1b17'><b>{lead}</b> {message}</span>"  # i18n: not shown
        self.summary.setText(error)

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
        stem = local_stem(self.project_path)
        suggested = str(stem.with_name(f"{stem.stem}-agreement.{kind}"))
        name, _ = QFileDialog.getSaveFileName(
            self, translate("AgreementWindow", "Export agreement as {format}").format(
                format=kind.upper()),
            suggested, translate("AgreementWindow", "{format} files").format(format=kind.upper())
            + f" (*.{kind})")
        if name:
            (self.export_csv if kind == "csv" else self.export_json)(Path(name))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.runner.cancel_all()
        self.runner.wait(10_000)
        if self.live is not None and self._live_store is not None:
            self.live.close()
            self._live_store.close()
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
    coders, documents = len(report.coders), report.n_documents
    names = ", ".join(report.coders) or translate("AgreementWindow", "none")
    parts = [f"<b>{plurals().coders(coders)}</b> ({names})",
             f"<b>{plurals().documents(documents)}</b>: "
             + translate("AgreementWindow",
                         "{pairable} coded by two or more, {complete} by all").format(
                 pairable=report.n_pairable, complete=report.n_complete),
             translate("AgreementWindow", "layer {layer}").format(
                 layer=layer_title(filters.layer.value)),
             _bootstrap_summary(report)]
    notes = "".join(f"<br>{note_text(note)}" for note in report.notes)
    return " · ".join(parts) + notes


def _bootstrap_summary(report: ProjectReport) -> str:
    """How the intervals were drawn: replicates, seed and the documents the family resamples."""
    if report.family_resampled:
        family = translate("AgreementWindow", "uα family resampling {documents}").format(
            documents=plurals().documents(report.family_resampled))
    else:
        family = translate("AgreementWindow", "uα family without interval")
    return translate("AgreementWindow",
                     "95% intervals: {replicates} bootstrap replicates, seed {seed} "
                     "({family}); hover a cell for its definition").format(
        replicates=report.n_boot, seed=report.seed, family=family)


def _filter_json(filters: Filters) -> dict[str, Any]:
    return {"coders": filters.coders, "codes": filters.codes, "documents": filters.documents}


def _safe(cell: object) -> object:
    """Text that a spreadsheet would run as a formula is written as text (DESIGN.md §8)."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell
