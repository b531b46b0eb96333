"""The shared frame of the flat table models: row and column counts, headers, index checks."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    """A table of ``row_count()`` rows and ``HEADERS`` columns; a cell's data comes from ``cell``.

    Subclasses keep their rows however suits them (a list of records, ids in sort order) and answer
    ``row_count`` and ``cell``; invalid indexes never reach ``cell``.
    """

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def row_count(self) -> int:
        return 0

    def cell(self, row: int, column: int, role: int) -> Any:
        """Data of one valid cell for ``role``; None for roles the model does not answer."""
        return None

    # Qt model interface ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate("TableHeader", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.row_count():
            return None
        return self.cell(index.row(), index.column(), role)
