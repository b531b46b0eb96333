"""Search results as a keyword-in-context (KWIC) table across documents."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from annotator.ui.models import DOCUMENT_ROLE, SPAN_ROLE
from annotator.ui.models.table import RowTableModel

DOCUMENT, BEFORE, MATCH, AFTER = range(4)
HEADERS = (QT_TRANSLATE_NOOP("TableHeader", "Document"), QT_TRANSLATE_NOOP("TableHeader", "Before"),
           QT_TRANSLATE_NOOP("TableHeader", "Match"), QT_TRANSLATE_NOOP("TableHeader", "After"))
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class SearchHit:
    """One match: where it is and the words around it."""

    document_id: str
    title: str
    start: int
    end: int
    before: str
    match: str
    after: str


class SearchResultsModel(RowTableModel):
    """Rows arrive document by document from the search worker (appended, never reordered).

    Shown in a right-to-left view: the context before a match sits to its right and hugs it.
    """

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def clear(self) -> None:
        self.beginResetModel()
        self._hits = []
        self.endResetModel()

    def append(self, hits: list[SearchHit]) -> None:
        if not hits:
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._hits.extend(hits)
        self.endInsertRows()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def row_count(self) -> int:
        return len(self._hits)

    def cell(self, row: int, column: int, role: int) -> Any:
        hit = self._hits[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.title, hit.before, hit.match, hit.after)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n…{hit.before}{hit.match}{hit.after}…"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int({BEFORE: LEFT, MATCH: Qt.AlignmentFlag.AlignCenter, AFTER: RIGHT}.get(
                column, RIGHT))
        if role == Qt.ItemDataRole.FontRole and column == MATCH:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and column == MATCH:
            return QColor("#fff3b0")
        if role == DOCUMENT_ROLE:
            return hit.document_id
        if role == SPAN_ROLE:
            return (hit.start, hit.end)
        return None
