"""The list panels around the text: documents, annotations, links and search results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.db.services.documents import DocumentSummary
from annotator.domain import AssignmentStatus
from annotator.ui.models import DOCUMENT_ROLE, ID_ROLE, SPAN_ROLE
from annotator.ui.models.annotations import CODE, CODER, MEMO, START, TEXT, AnnotationTableModel
from annotator.ui.models.documents import (
    COUNT,
    OUTLET,
    STATUS,
    status_text,
    TITLE,
    DocumentFilterProxy,
    DocumentListModel,
)
from annotator.ui.models.relations import RelationsModel
from annotator.ui.models.search import AFTER, BEFORE, MATCH, SearchResultsModel

translate = QCoreApplication.translate


def _tree(name: str) -> QTreeView:
    view = QTreeView()
    view.setObjectName(name)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return view


def _margins(layout: QVBoxLayout | QHBoxLayout) -> None:
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)


class DocumentPanel(QWidget):
    """Filter box, status filter and the document list (objectName ``documentList``)."""

    documentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = DocumentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText=translate("DocumentPanel", "Filter documents"),
                                clearButtonEnabled=True)
        self.filter.setObjectName("documentFilter")
        self.status = QComboBox()
        self.status.setObjectName("documentStatusFilter")
        self.status.addItem(translate("DocumentPanel", "All"), None)
        for status in AssignmentStatus:
            self.status.addItem(status_text(status), status.value)
        self.view = _tree("documentList")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # project order until asked
        header = self.view.header()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (OUTLET, STATUS, COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        _margins(layout)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.status.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status.currentData()))
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self.model.set_documents(documents)
        self.view.setColumnHidden(OUTLET, not any(d.outlet for d in documents))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.documentChosen.emit(current.data(ID_ROLE))

    def select(self, document_id: str) -> None:
        """Make a document the current row without re-announcing it."""
        row = self.model.row_of(document_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
        if index.isValid() and index != self.view.currentIndex():
            self.view.selectionModel().blockSignals(True)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.selectionModel().blockSignals(False)
            self.view.viewport().update()
            self.view.scrollTo(index)

    def visible_order(self) -> list[str]:
        """Document ids as the list shows them (filter and sort applied)."""
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]


class AnnotationTable(QTableView):
    """The open document's annotations (objectName ``annotationTable``)."""

    def __init__(self, model: AnnotationTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationTable")
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(START, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(CODE, 150)
        header.resizeSection(START, 58)
        header.resizeSection(MEMO, 70)
        header.resizeSection(CODER, 72)
        self.setColumnHidden(CODER, True)

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        model = self.model()
        return [model.index(row, 0).data(ID_ROLE) for row in rows]

    def select_annotation(self, annotation_id: str | None) -> None:
        model = self.model()
        assert isinstance(model, AnnotationTableModel)
        row = model.row_of(annotation_id) if annotation_id else -1
        selection = self.selectionModel()
        selection.blockSignals(True)
        if row < 0:
            selection.clearSelection()
        else:
            index = model.index(row, 0)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)
        selection.blockSignals(False)
        self.viewport().update()


class RelationsPanel(QWidget):
    """Links of the open document, removable with the button or the Delete key."""

    removeRequested = Signal(str)  # relation id
    spanChosen = Signal(int, int)

    def __init__(self, model: RelationsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = _tree("relationList")
        self.view.setModel(model)
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)
        self.remove = QPushButton(translate("LinksPanel", "Remove link"))
        self.remove.setEnabled(False)
        hint = QLabel(translate(
            "LinksPanel", "Select a claim, press Ctrl+L, then click a source, actor or device."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.remove)
        layout = QVBoxLayout(self)
        _margins(layout)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        self.remove.clicked.connect(self._remove_current)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        model.modelReset.connect(lambda: self.remove.setEnabled(False))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.remove.setEnabled(current.isValid())
        span = current.siblingAtColumn(0).data(SPAN_ROLE) if current.isValid() else None
        if span:
            self.spanChosen.emit(*span)

    def _remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.removeRequested.emit(index.data(ID_ROLE))

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.view and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
            self._remove_current()
            return True
        return super().eventFilter(watched, event)


class _KwicDelegate(QStyledItemDelegate):
    """Elides the context before a match at its far (right) end, so the words next to it show."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == BEFORE:
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif index.column() == AFTER:
            option.textElideMode = Qt.TextElideMode.ElideRight


class SearchPanel(QWidget):
    """Keyword-in-context list of matches across documents, laid out right to left."""

    hitChosen = Signal(str, int, int)  # document id, start, end

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(translate("SearchPanel", "Type in the search field (Ctrl+F)."))
        self.summary.setObjectName("searchSummary")
        self.view = _tree("searchResults")
        self.view.setModel(model)
        self.view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.view.setItemDelegate(_KwicDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.resizeSection(0, 160)
        for column in (BEFORE, AFTER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MATCH, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        _margins(layout)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.activated.connect(lambda index: self._on_current(index, QModelIndex()))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            span = current.data(SPAN_ROLE)
            self.hitChosen.emit(current.data(DOCUMENT_ROLE), *span)
