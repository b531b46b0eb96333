"""The document list: title, outlet, my status and my annotation count, with a filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.db.services.documents import DocumentSummary
from annotator.domain import AssignmentStatus
from annotator.text import search_key
from annotator.ui.models import FILTER_ROLE, ID_ROLE, SORT_ROLE, STATUS_ROLE
from annotator.ui.models.table import RowTableModel

Index = QModelIndex | QPersistentModelIndex

TITLE, OUTLET, STATUS, COUNT = range(4)
HEADERS = (QT_TRANSLATE_NOOP("TableHeader", "Title"), QT_TRANSLATE_NOOP("TableHeader", "Outlet"),
           QT_TRANSLATE_NOOP("TableHeader", "Status"), QT_TRANSLATE_NOOP("TableHeader", "Mine"))
STATUS_TEXT = {AssignmentStatus.TODO: QT_TRANSLATE_NOOP("Status", "To do"),
               AssignmentStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "In progress"),
               AssignmentStatus.DONE: QT_TRANSLATE_NOOP("Status", "Done"),
               None: QT_TRANSLATE_NOOP("Status", "Not assigned")}
"""Shown through :func:`status_text`, which translates."""
STATUS_COLOUR = {AssignmentStatus.TODO: "#9aa0a6", AssignmentStatus.IN_PROGRESS: "#f0a020",
                 AssignmentStatus.DONE: "#2e9d4e", None: "#d0d0d0"}
STATUS_ORDER = {AssignmentStatus.IN_PROGRESS: 0, AssignmentStatus.TODO: 1,
                AssignmentStatus.DONE: 2, None: 3}


def status_text(status: AssignmentStatus | None) -> str:
    """A document's status in the interface language."""
    return QCoreApplication.translate("Status", STATUS_TEXT[status])


class DocumentListModel(RowTableModel):
    """One row per document in project order; rows are addressed by document UUID."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []
        self._keys: dict[str, str] = {}  # filter keys, built on first use (camel-tools loads lazily)

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        """Replace the rows; when only statuses or counts changed, rows update in place."""
        if [d.uuid for d in documents] == [d.uuid for d in self._rows]:
            for row, document in enumerate(documents):
                if document != self._rows[row]:
                    self._rows[row] = document
                    self.dataChanged.emit(self.index(row, 0), self.index(row, COUNT))
            return
        self.beginResetModel()
        self._rows = list(documents)
        self._keys.clear()
        self.endResetModel()

    def documents(self) -> list[DocumentSummary]:
        return list(self._rows)

    def summary(self, document_id: str) -> DocumentSummary | None:
        return next((d for d in self._rows if d.uuid == document_id), None)

    def row_of(self, document_id: str) -> int:
        return next((i for i, d in enumerate(self._rows) if d.uuid == document_id), -1)

    def row_count(self) -> int:
        return len(self._rows)

    def cell(self, row: int, column: int, role: int) -> Any:
        document = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(document, column)
        if role == ID_ROLE:
            return document.uuid
        if role == STATUS_ROLE:
            return document.status.value if document.status else ""
        if role == SORT_ROLE:
            return self._sort_value(document, column)
        if role == FILTER_ROLE:
            return self._filter_key(document)
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return QColor(STATUS_COLOUR[document.status])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{document.title}\n{document.characters:,} characters"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _filter_key(self, document: DocumentSummary) -> str:
        if document.uuid not in self._keys:
            words = f"{document.title} {document.outlet or ''} {document.external_id or ''}"
            self._keys[document.uuid] = search_key(words)[0]
        return self._keys[document.uuid]

    @staticmethod
    def _display(document: DocumentSummary, column: int) -> str:
        if column == TITLE:
            return (document.title or document.external_id
                    or QCoreApplication.translate("DocumentList", "(untitled)"))
        if column == OUTLET:
            return document.outlet or ""
        if column == STATUS:
            return status_text(document.status)
        return str(document.annotations)

    @staticmethod
    def _sort_value(document: DocumentSummary, column: int) -> Any:
        if column == STATUS:
            return STATUS_ORDER[document.status]
        if column == COUNT:
            return document.annotations
        return DocumentListModel._display(document, column).casefold()


class DocumentFilterProxy(QSortFilterProxyModel):
    """Filters by a text (diacritic- and hamza-insensitive) and by status; sorts naturally."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = search_key(text.strip())[0] if text.strip() else ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str | None) -> None:
        """Show only one status ("" for unassigned), or everything with None."""
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 - Qt's name
        index = self.sourceModel().index(row, 0, parent)
        if self._status is not None and index.data(STATUS_ROLE) != self._status:
            return False
        return not self._needle or self._needle in index.data(FILTER_ROLE)
