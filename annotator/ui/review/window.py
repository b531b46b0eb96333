"""The review window (lead): one document's text with every coder's spans in the coder's colour
and the gold spans, the clusters of their spans filterable by class, code and coder, keyboard
navigation between disagreements, and the document's agreement figures. Opened for a lead, it
adjudicates (annotator/ui/review/adjudication.py); without one it is read-only."""

from __future__ import annotations


from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.report import ProjectReport
from annotator.db.engine import open_project
from annotator.db.services.annotations import AnnotationSpan
from annotator.db.services.coders import CoderInfo
from annotator.db.services.documents import list_documents
from annotator.project_location import ProjectLocation, location_name
from annotator.review import Cluster
from annotator.ui.document_state import DocumentState
from annotator.ui.document_view import DocumentView
from annotator.ui.highlighter import Style
from annotator.ui.lead.bidi_text import isolated
from annotator.ui.plurals import plurals
from annotator.ui.review.adjudication import Adjudication
from annotator.ui.review.answers_panel import AnswersPanel
from annotator.ui.live import LiveUpdates
from annotator.ui.review.data import ReviewData, document_report, load_review
from annotator.ui.review.labels import decision_text
from annotator.ui.review.model import CLUSTER_ROLE, ClusterModel
from annotator.ui.review.panels import AgreementFigures, ReviewFilters, legend_html
from annotator.ui.workers import TaskRunner, TaskState

READ_ONLY_NOTE = QT_TRANSLATE_NOOP(
    "ReviewWindow", "Read-only review: nothing here changes the coding or the gold layer. Open "
    "it as a lead to adjudicate.")
ADJUDICATION_NOTE = QT_TRANSLATE_NOOP(
    "ReviewWindow", "Adjudicating as {lead}: 1–9 accept that coder's version of the selected "
    "cluster (or, in Document questions, that coder's answer) into gold, R rejects it, E edits "
    "the gold span, Ctrl+Z undoes. The coders' own coding never changes.")
GOLD_COLOUR = "#B8860B"
FRAME_COLOUR = "#212121"
FIGURES_POLL_MS = 100
TABLE_MIN_HEIGHT = 150
COLUMN_WIDTH, NARROW_COLUMNS = 130, {0: 36, 1: 90, 2: 120, 3: 120}
NEXT_KEYS, PREVIOUS_KEYS = ("N", "F8"), ("Shift+N", "Shift+F8")  # i18n: not shown
translate = QCoreApplication.translate


class ReviewWindow(QWidget):
    """Opens on ``document_id`` (default: the first document) of the project at ``project_path``."""

    def __init__(self, project_path: ProjectLocation, parent: QWidget | None = None,
                 document_id: str | None = None, lead: CoderInfo | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reviewWindow")
        self.lead = lead
        mode = (translate("ReviewWindow", "Review and adjudication ({lead})").format(
            lead=isolated(lead.name)) if lead else translate("ReviewWindow", "Review (read-only)"))
        self.setWindowTitle(translate("ReviewWindow", "{mode} — {project}").format(
            mode=mode, project=isolated(location_name(project_path))))
        self.project_path = project_path
        self.store = open_project(project_path)
        self.runner = TaskRunner(self, threads=1)
        self._task: TaskState | None = None
        self.data: ReviewData | None = None
        self.model = ClusterModel(self)
        self.filters = ReviewFilters(self)
        self.figures = AgreementFigures(self)
        self.view = DocumentView(self)
        self._figures_for: str | None = None
        self._figures_timer = QTimer(self, singleShot=True, interval=FIGURES_POLL_MS)
        self._figures_timer.timeout.connect(self._figures_when_laid_out)
        self.adjudication: Adjudication | None = None
        if lead is not None:
            self.adjudication = Adjudication(self, lead)
        self.answers = AnswersPanel(self.store, lead is not None, self)
        if self.adjudication is not None:
            self.adjudication.attach_answers(self.answers)
        self.live = LiveUpdates(self.store, self)  # a server: coders' commits refresh the view
        self.live.changed.connect(self._on_live_change)
        self._build()
        self._fill_documents(document_id)
        self.resize(1400, 860)

    # layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        if self.lead is not None:
            note = QLabel(translate("ReviewWindow", ADJUDICATION_NOTE).format(
                lead=isolated(self.lead.name)),
                          objectName="reviewAdjudicationNote")
        else:
            note = QLabel(translate("ReviewWindow", READ_ONLY_NOTE), objectName="reviewReadOnly")
        note.setWordWrap(True)
        note.setStyleSheet("background:#fff4d6; border:1px solid #e0c36a; padding:4px")
        self.documents = QComboBox(objectName="reviewDocument")
        self.documents.currentIndexChanged.connect(self._on_document_chosen)
        self.legend = QLabel(objectName="reviewLegend")
        self.status = QLabel(objectName="reviewStatus")
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ReviewWindow", "Document")))
        top.addWidget(self.documents, 1)
        top.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        self.tabs = QTabWidget(objectName="reviewTabs")  # spans and document questions
        self.tabs.addTab(self._side(), translate("ReviewWindow", "&Spans"))
        self.tabs.addTab(self.answers, translate("ReviewWindow", "Document &questions"))
        splitter.addWidget(self.tabs)
        splitter.setSizes([800, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.live.notice)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        for keys, step in ((NEXT_KEYS, 1), (PREVIOUS_KEYS, -1)):
            for key in keys:
                QShortcut(QKeySequence(key), self, lambda step=step: self.go_to_disagreement(step))

    def _side(self) -> QWidget:
        self.table = QTableView(objectName="reviewClusters")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(TABLE_MIN_HEIGHT)  # a few clusters beside the panels
        header = self.table.horizontalHeader()  # fixed widths: sizing to contents reads every row
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(COLUMN_WIDTH)
        header.setStretchLastSection(True)
        self.model.modelReset.connect(self._narrow_columns)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.filters.changed.connect(self._apply_filters)
        back, forward = ("▶", "◀") if self.isRightToLeft() else ("◀", "▶")  # point the reading way
        previous = QPushButton(f"{back} " + translate("ReviewWindow",
                                                      "Previous disagreement (Shift+N)"),
                               objectName="reviewPrevious")
        following = QPushButton(translate("ReviewWindow", "Next disagreement (N, F8)")
                                + f" {forward}", objectName="reviewNext")
        previous.clicked.connect(lambda: self.go_to_disagreement(-1))
        following.clicked.connect(lambda: self.go_to_disagreement(1))
        buttons = QHBoxLayout()
        buttons.addWidget(previous)
        buttons.addWidget(following)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 3)
        layout.addLayout(buttons)
        if self.adjudication is None:
            layout.addWidget(self.figures, 1)
            return side
        lower = QSplitter(Qt.Orientation.Vertical, objectName="reviewLowerSplitter")
        lower.addWidget(self.adjudication.panel)  # a splitter keeps the panel's minimum height
        lower.addWidget(self.figures)
        lower.setCollapsible(0, False)
        lower.setStretchFactor(1, 1)
        layout.addWidget(lower, 5)
        return side

    def _narrow_columns(self) -> None:
        for column, width in NARROW_COLUMNS.items():
            self.table.setColumnWidth(column, width)

    # documents ------------------------------------------------------------------------------
    def _fill_documents(self, document_id: str | None) -> None:
        with self.store.reader() as session:
            documents = list_documents(session)
        self.documents.blockSignals(True)
        for document in documents:
            self.documents.addItem(document.title or document.external_id or document.uuid,
                                   document.uuid)
        self.documents.blockSignals(False)
        index = self.documents.findData(document_id) if document_id else 0
        if documents:
            self.documents.setCurrentIndex(max(index, 0))
            self.show_document(self.documents.currentData())

    def _on_document_chosen(self, index: int) -> None:
        if index >= 0:
            self.show_document(self.documents.itemData(index))

    def show_document(self, document_id: str) -> None:
        """Show one document, its clusters, and start computing its agreement figures."""
        self._load(document_id)
        self.filters.offer(self.data.clusters, self.data.coders)
        self._apply_filters()
        if self.adjudication is not None:
            self.adjudication.offer(self.data)
        if self._task is not None:
            self._task.cancel()
        self.figures.show_pending()
        self._figures_for = document_id
        self._figures_timer.start()

    def _load(self, document_id: str) -> None:
        """Read the document, its clusters and its gold again, and show them."""
        self.data = data = load_review(self.store, document_id)
        self.view.show_document(DocumentState(self.store, data.loaded, self), self.style_of)
        self.model.set_clusters(data.clusters, data.coders, data.loaded.text)
        self.model.set_decisions({key: decision_text(d) for key, d in data.decisions.items()})
        gold = translate("ReviewWindow", "gold")
        colours = {**data.colours, gold: GOLD_COLOUR} if data.gold_ids else data.colours
        self.legend.setText(legend_html(colours))
        self.answers.show_document(data.loaded.document_id)

    def reload(self) -> None:
        """After a decision: the same document and filters, the same cluster selected."""
        if self.data is None:
            return
        chosen = self.current_cluster()
        self._load(self.data.loaded.document_id)
        self._apply_filters()
        if chosen is not None and chosen in self.model.clusters:
            self.select_row(self.model.row_of(chosen))
        elif self.adjudication is not None:
            self.adjudication.show(None)

    def _on_live_change(self, _tables: set[str]) -> None:
        """A coder committed on the server: read the document again, keeping the selection."""
        self.reload()

    def style_of(self, row: AnnotationSpan) -> Style:
        """Every span in its coder's colour, gold spans in gold."""
        if self.data is not None and row.uuid in self.data.gold_ids:
            return GOLD_COLOUR, False
        return (self.data.colour_of(row.coder_id) if self.data else "#777777"), False

    # clusters -------------------------------------------------------------------------------
    def _apply_filters(self) -> None:
        self.model.set_filters(**self.filters.chosen())
        shown, total = len(self.model.clusters), len(self.data.clusters) if self.data else 0
        disagreements = sum(cluster.disagrees for cluster in self.model.clusters)
        self.status.setText(translate(
            "ReviewWindow", "{shown} of {clusters} shown, {disagreements} with a disagreement. "
            "N / F8: next disagreement, Shift+N / Shift+F8: previous.").format(
            shown=shown, clusters=plurals().clusters(total), disagreements=disagreements))

    def current_cluster(self) -> Cluster | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(CLUSTER_ROLE) if rows else None

    def select_row(self, row: int) -> None:
        # not QTableView.selectRow: right to left it looks for the column at the viewport's far
        # edge, finds none when the columns fill the width, and selects nothing
        index = self.model.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def go_to_disagreement(self, step: int) -> Cluster | None:
        """Select the next (step 1) or previous (-1) shown cluster with a disagreement, going
        round at the end; None if there is none."""
        clusters = self.model.clusters
        current = self.current_cluster()
        here = self.model.row_of(current) if current else (-1 if step > 0 else len(clusters))
        for offset in range(1, len(clusters) + 1):
            row = (here + step * offset) % len(clusters)
            if clusters[row].disagrees:
                self.select_row(row)
                return clusters[row]
        self.status.setText(translate("ReviewWindow", "No disagreement among the clusters shown."))
        return None

    def _on_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        cluster = self.current_cluster()
        if self.adjudication is not None:
            self.adjudication.show(cluster)
        if cluster is None:
            self.view.set_current(None)
            return
        self.view.reveal_span(cluster.start, cluster.end, FRAME_COLOUR)
        self.view.set_current((cluster.start, cluster.end, FRAME_COLOUR))

    # agreement ------------------------------------------------------------------------------
    def _figures_when_laid_out(self) -> None:
        """Start the worker once the text is laid out: it holds the interpreter for a while
        (tokens), which would otherwise slow the first paint of a long document many times."""
        if not self.view.layout_complete:
            self._figures_timer.start()
        elif self._figures_for is not None:
            self._compute_figures(self._figures_for)

    def _compute_figures(self, document_id: str) -> None:
        self._task = self.runner.start(
            lambda state, report: document_report(self.project_path, document_id, state, report),
            on_done=self._on_figures, on_failed=self.figures.show_failed)

    def _on_figures(self, report: ProjectReport | None) -> None:
        if report is not None:
            self.figures.show_report(report)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.adjudication is not None:
            self.adjudication.close()
        self.runner.cancel_all()
        self.runner.wait()
        self.live.close()
        self.store.close()
        super().closeEvent(event)
