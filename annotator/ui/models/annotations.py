"""The open document's annotations as a sortable table (ids in display order, data from the state).

Sorting is done here on plain keys (a proxy would call ``data`` n·log n times); a commit moves,
inserts or removes single rows, so the table stays cheap with tens of thousands of rows.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon

from annotator.ui.document_state import AnnotationDiff, DocumentState
from annotator.ui.models import COLOUR_ROLE, ID_ROLE, READ_ONLY_ROLE, SPAN_ROLE
from annotator.ui.models.codebook import swatch
from annotator.ui.models.table import RowTableModel
from annotator.ui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
_POSITION = attrgetter("start", "end", "uuid")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_STYLE_ROLES = (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                    *_STYLE_ROLES, ID_ROLE, SPAN_ROLE, COLOUR_ROLE, READ_ONLY_ROLE})


def _italic() -> QFont:
    font = QFont()
    font.setItalic(True)
    return font


_OTHER_STYLE = {Qt.ItemDataRole.ForegroundRole: lambda: QColor("#5f6368"),
                Qt.ItemDataRole.FontRole: _italic}  # another coder's rows: grey italics
CODE, TEXT, START, CODER, MEMO = range(5)
HEADERS = (QT_TRANSLATE_NOOP("TableHeader", "Code"), QT_TRANSLATE_NOOP("TableHeader", "Text"),
           QT_TRANSLATE_NOOP("TableHeader", "Position"), QT_TRANSLATE_NOOP("TableHeader", "Coder"),
           QT_TRANSLATE_NOOP("TableHeader", "Memo"))
"""Translated by :class:`~annotator.ui.models.table.RowTableModel`."""


class AnnotationTableModel(RowTableModel):
    """Rows are annotation UUIDs of the open document, in the current sort order."""

    HEADERS = HEADERS

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._state: DocumentState | None = None
        self._order: list[str] = []
        self._column, self._ascending = START, True
        self._icons: dict[str, QIcon] = {}

    def set_state(self, state: DocumentState | None) -> None:
        if self._state is not None:
            self._state.changed.disconnect(self._on_changed)
        self.beginResetModel()
        self._state = state
        if state is not None and self._column == START and state.in_position_order:
            self._order = list(state.rows)  # as loaded: already in (start, end, id) order
            if not self._ascending:
                self._order.reverse()
        elif state is not None and self._column == START:  # the usual case: position order
            ordered = sorted(state.rows.values(), key=_POSITION, reverse=not self._ascending)
            self._order = [row.uuid for row in ordered]
        else:
            self._order = list(state.rows) if state else []
            self._order.sort(key=self._key, reverse=not self._ascending)
        self.endResetModel()
        if state is not None:
            state.changed.connect(self._on_changed)

    def annotation_id(self, row: int) -> str:
        return self._order[row]

    def row_of(self, annotation_id: str) -> int:
        """Found by binary search on the sort key (a scan of 50,000 ids costs a key press 1 ms)."""
        if self._state is not None and annotation_id in self._state.rows:
            try:
                guess = self._insert_position(self._key(annotation_id))
            except KeyError:  # a removal in progress: the order still lists a row gone
                guess = -1
            if 0 <= guess < len(self._order) and self._order[guess] == annotation_id:
                return guess
        try:
            return self._order.index(annotation_id)
        except ValueError:
            return -1

    # keeping order ---------------------------------------------------------------
    def _key(self, annotation_id: str) -> tuple:
        assert self._state is not None
        row = self._state.rows[annotation_id]
        if self._column == CODE:
            code = self._workspace.codes.get(row.code_id)
            return (code.path.casefold() if code else "", row.start, row.end, row.uuid)
        if self._column == TEXT:
            return (self._state.text[row.start:row.end].casefold(), row.start, row.uuid)
        if self._column == CODER:
            return (self._workspace.coder_name(row.coder_id).casefold(), row.start, row.uuid)
        if self._column == MEMO:
            return (row.memo == "", row.memo.casefold(), row.start, row.uuid)
        return (row.start, row.end, row.uuid)

    def _insert_position(self, key: tuple) -> int:
        low, high = 0, len(self._order)
        while low < high:
            middle = (low + high) // 2
            probe = self._key(self._order[middle])
            if (probe < key) if self._ascending else (probe > key):
                low = middle + 1
            else:
                high = middle
        return low

    def _on_changed(self, diff: AnnotationDiff) -> None:
        for annotation_id in diff.removed:
            self._remove(annotation_id)
        for annotation_id in diff.changed:
            row = self.row_of(annotation_id)
            if row < 0:
                self._insert(annotation_id)
            elif not self._in_place(row):
                self._move(row)
            self.dataChanged.emit(self.index(self.row_of(annotation_id), 0),
                                  self.index(self.row_of(annotation_id), MEMO))
        for annotation_id in diff.added:
            self._insert(annotation_id)

    def _in_place(self, row: int) -> bool:
        key = self._key(self._order[row])
        before = self._key(self._order[row - 1]) if row > 0 else None
        after = self._key(self._order[row + 1]) if row + 1 < len(self._order) else None
        if not self._ascending:
            before, after = after, before
        return (before is None or before <= key) and (after is None or key <= after)

    def _remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._order[row]
            self.endRemoveRows()

    def _move(self, row: int) -> None:
        """A row whose sort key changed moves (selection and current row go with it)."""
        annotation_id = self._order.pop(row)
        target = self._insert_position(self._key(annotation_id))
        self._order.insert(row, annotation_id)
        destination = target if target <= row else target + 1
        if destination in (row, row + 1):
            return
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._order.insert(target, self._order.pop(row))
        self.endMoveRows()

    def _insert(self, annotation_id: str) -> None:
        row = self._insert_position(self._key(annotation_id))
        self.beginInsertRows(QModelIndex(), row, row)
        self._order.insert(row, annotation_id)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        ids = [(self._order[i.row()], i.column()) for i in kept]
        self._column, self._ascending = column, order == Qt.SortOrder.AscendingOrder
        if self._state is not None:
            self._order.sort(key=self._key, reverse=not self._ascending)
        rows = {annotation_id: row for row, annotation_id in enumerate(self._order)}
        self.changePersistentIndexList(kept, [self.index(rows[a], c) for a, c in ids])
        self.layoutChanged.emit()

    # Qt model interface ---------------------------------------------------------
    def row_count(self) -> int:
        return len(self._order)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role not in _ROLES or not index.isValid() or self._state is None
                or not 0 <= index.row() < len(self._order)):
            return None  # views ask for many roles per cell: answer the unused ones first
        row = self._state.rows[self._order[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row.uuid, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (TEXT, START) else None
        if role in _STYLE_ROLES:
            return None if self._workspace.is_own(row.coder_id) else _OTHER_STYLE[role]()
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(self._colour(row.code_id, row.coder_id)) if column == CODE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TEXT:
                return self._state.excerpt(row.uuid, 600)
            return (row.memo or None) if column == MEMO else None
        return {ID_ROLE: row.uuid, SPAN_ROLE: (row.start, row.end),
                COLOUR_ROLE: self._colour(row.code_id, row.coder_id),
                READ_ONLY_ROLE: not self._workspace.is_own(row.coder_id)}[role]

    def _icon(self, colour: str) -> QIcon:
        if colour not in self._icons:
            self._icons[colour] = swatch(colour)
        return self._icons[colour]

    def _colour(self, code_id: str, coder_id: str) -> str:
        if self._workspace.is_own(coder_id):
            code = self._workspace.codes.get(code_id)
            return code.colour if code else "#cccccc"
        return self._workspace.coder_colour(coder_id)

    def _display(self, annotation_id: str, column: int) -> str:
        assert self._state is not None
        row = self._state.rows[annotation_id]
        if column == CODE:
            code = self._workspace.codes.get(row.code_id)
            return code.path if code else "?"
        if column == TEXT:
            return self._state.excerpt(annotation_id)
        if column == START:
            return f"{row.start:,}"
        if column == CODER:
            return self._workspace.coder_name(row.coder_id)
        return row.memo.splitlines()[0] if row.memo else ""
