"""The progress matrix model: documents (rows) × coders (columns), over ids.

Column 0 names the document (★ for the reliability sample); each further column is one coder,
whose cell shows status and annotation count, with the last change in the tooltip. The header
of a coder's column carries that coder's totals. The last column is the gold layer: clusters
decided out of the document's clusters (adjudication).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from annotator.db.presence import CoderPresence
from annotator.db.services.gold_progress import GoldProgress
from annotator.db.services.progress import ProgressCell, ProgressMatrix
from annotator.domain import AssignmentStatus
from annotator.ui.models import ID_ROLE, SORT_ROLE, STATUS_ROLE
from annotator.ui.plurals import plurals
from annotator.ui.progress.presence import (
    OFFLINE_COLOUR,
    ONLINE_COLOUR,
    dot,
    last_change_text,
    online_text,
)

Index = QModelIndex | QPersistentModelIndex
SAMPLE_ROLE = Qt.ItemDataRole.UserRole + 40  # True for a document of the reliability sample
COUNT_ROLE = Qt.ItemDataRole.UserRole + 41  # a cell's annotation count
SAMPLE_MARK = "★"
STATUS_TEXT = {None: QT_TRANSLATE_NOOP("ProgressStatus", "not assigned"),
               AssignmentStatus.TODO: QT_TRANSLATE_NOOP("ProgressStatus", "to do"),
               AssignmentStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("ProgressStatus", "in progress"),
               AssignmentStatus.DONE: QT_TRANSLATE_NOOP("ProgressStatus", "done")}
"""Shown through :func:`status_label`, which translates."""
STATUS_COLOUR = {AssignmentStatus.TODO: "#f3f4f6", AssignmentStatus.IN_PROGRESS: "#fff3c4",
                 AssignmentStatus.DONE: "#d9f2dd"}


translate = QCoreApplication.translate


def status_label(status: AssignmentStatus | None) -> str:
    """A coder's status on a document in the interface language (lower case, in a cell)."""
    return translate("ProgressStatus", STATUS_TEXT[status])


class ProgressModel(QAbstractTableModel):
    """A read-only view of one :class:`ProgressMatrix`; ``set_matrix`` replaces it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: ProgressMatrix | None = None
        self.presence: dict[str, CoderPresence] | None = None  # by coder id; None: a file

    def set_presence(self, presence: dict[str, CoderPresence]) -> None:
        """Who is connected (a server project): a mark and the last change in the headers."""
        self.presence = presence
        if self.matrix is not None and self.matrix.coder_ids:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, len(self.matrix.coder_ids))

    def set_matrix(self, matrix: ProgressMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def document_id(self, row: int) -> str:
        assert self.matrix is not None
        return self.matrix.rows[row].document_id

    # Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() or self.matrix is None else 2 + len(self.matrix.coder_ids)

    def _is_gold(self, column: int) -> bool:
        return self.matrix is not None and column == 1 + len(self.matrix.coder_ids)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section == 0:
            return {Qt.ItemDataRole.DisplayRole: translate("ProgressTable", "Document"),
                    Qt.ItemDataRole.ToolTipRole: translate(
                        "ProgressTable", "{mark} = in the reliability sample (coded by every "
                        "coder)").format(mark=SAMPLE_MARK)}.get(role)
        if self._is_gold(section):
            return self._gold_header(role)
        name = self.matrix.coder_names[section - 1]
        total = self.matrix.totals[section - 1]
        presence = (self.presence or {}).get(self.matrix.coder_ids[section - 1])
        if role == Qt.ItemDataRole.DisplayRole:
            text = translate("ProgressTable", "{coder}\n{done}/{assigned} done · {annotations}"
                             ).format(coder=name, done=total.done, assigned=total.assigned,
                                      annotations=total.annotations)
            return text if presence is None else (
                text + "\n" + last_change_text(presence, datetime.now(UTC)))
        if role == Qt.ItemDataRole.DecorationRole and self.presence is not None:
            return dot(ONLINE_COLOUR if presence and presence.connected else OFFLINE_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            count = total.annotations
            text = translate("ProgressTable", "{coder}: {assigned} assigned — {done} done, "
                             "{in_progress} in progress, {todo} to do; {annotations}").format(
                coder=name, assigned=total.assigned, done=total.done,
                in_progress=total.in_progress, todo=total.todo,
                annotations=plurals().annotations(count))
            return text if presence is None else text + "\n" + online_text(presence)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not self.checkIndex(
                index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        row = self.matrix.rows[index.row()]
        if role == ID_ROLE:
            return row.document_id
        if role == SAMPLE_ROLE:
            return row.in_sample
        if index.column() == 0:
            return self._document_data(row.external_id or row.title, row.title, row.in_sample, role)
        if self._is_gold(index.column()):
            return self._gold_data(self.matrix.gold_of(row.document_id), role)
        return self._cell_data(row.cells[index.column() - 1], role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------- cells
    def _gold_header(self, role: int) -> Any:
        assert self.matrix is not None
        decided = sum(g.decided for g in self.matrix.gold.values())
        clusters = sum(g.clusters for g in self.matrix.gold.values())
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("ProgressTable", "Gold\n{decided}/{clusters} decided").format(
                decided=decided, clusters=clusters)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("ProgressTable", "Adjudication: {decided} of {clusters} decided "
                             "(accepted, edited or rejected)").format(
                decided=decided, clusters=plurals().clusters(clusters))
        return None

    @staticmethod
    def _gold_data(gold: GoldProgress, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{gold.text()} · {gold.gold}" if gold.clusters else "—"
        if role in (COUNT_ROLE, SORT_ROLE):
            return gold.decided
        if role == Qt.ItemDataRole.ToolTipRole:
            clusters, annotations = gold.clusters, gold.gold
            return translate("ProgressTable", "{decided} of {clusters} decided; {annotations} "
                             "in gold").format(decided=gold.decided,
                                               clusters=plurals().clusters(clusters),
                                               annotations=plurals().annotations(annotations))
        if role == Qt.ItemDataRole.BackgroundRole and gold.clusters:
            done = gold.decided == gold.clusters
            return QBrush(QColor("#d9f2dd" if done else "#fff3c4" if gold.decided else "#f3f4f6"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _document_data(label: str, title: str, in_sample: bool, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return f"{SAMPLE_MARK} {label}" if in_sample else f"   {label}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return title + ("\n" + translate("ProgressTable", "(reliability sample)")
                            if in_sample else "")
        return None

    @staticmethod
    def _cell_data(cell: ProgressCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.status is None:
                return f"— · {cell.annotations}" if cell.annotations else "—"
            return f"{status_label(cell.status)} · {cell.annotations}"
        if role == STATUS_ROLE:
            return cell.status.value if cell.status else None
        if role in (COUNT_ROLE, SORT_ROLE):
            return cell.annotations
        if role == Qt.ItemDataRole.ToolTipRole:
            count = cell.annotations
            when = (cell.last_change.strftime("%Y-%m-%d %H:%M UTC") if cell.last_change
                    else translate("ProgressTable", "never"))
            return translate("ProgressTable", "{status}; {annotations}; last change {when}").format(
                status=status_label(cell.status), annotations=plurals().annotations(count),
                when=when)
        if role == Qt.ItemDataRole.BackgroundRole and cell.status is not None:
            return QBrush(QColor(STATUS_COLOUR[cell.status]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
