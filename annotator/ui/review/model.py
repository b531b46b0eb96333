"""The list of clusters of one document, filtered by class, code and coder (a thin table model)."""

from __future__ import annotations

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
from PySide6.QtGui import QColor

from annotator.adjudication import key_of
from annotator.review import Cluster, ReviewClass, filter_clusters
from annotator.ui.lead.bidi_text import english
from annotator.ui.review.labels import class_label

CLUSTER_ROLE = Qt.ItemDataRole.UserRole + 1
FIXED = ("#", QT_TRANSLATE_NOOP("ClusterTable", "Range"),
         QT_TRANSLATE_NOOP("ClusterTable", "Classes"), QT_TRANSLATE_NOOP("ClusterTable", "Gold"))
translate = QCoreApplication.translate
GOLD_COLUMN = 3
CLASS_COLOURS = {ReviewClass.UNANIMOUS: "#2e7d32", ReviewClass.MISSING: "#b71c1c",
                 ReviewClass.CODE: "#c62828", ReviewClass.BOUNDARY: "#ef6c00",
                 ReviewClass.ATTRIBUTE: "#6a1b9a", ReviewClass.RELATION: "#1565c0"}
EXCERPT_CHARS = 50
Index = QModelIndex | QPersistentModelIndex


class ClusterModel(QAbstractTableModel):
    """Rows are the clusters that pass the filters; columns: number, range, classes, the gold
    decision (empty while undecided), one per coder (their codes there, or "—" when they marked
    nothing), and the text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Cluster] = []
        self._rows: list[Cluster] = []
        self._coders: tuple[str, ...] = ()
        self._text = ""
        self._decisions: dict[str, str] = {}  # cluster key -> what was decided
        self._filters: dict[str, tuple[str, ...]] = {"classes": (), "codes": (), "coders": ()}

    def set_clusters(self, clusters: list[Cluster], coders: tuple[str, ...], text: str) -> None:
        self.beginResetModel()
        self._all, self._coders, self._text = clusters, coders, text
        self._rows = filter_clusters(clusters, **self._filters)
        self.endResetModel()

    def set_decisions(self, decisions: dict[str, str]) -> None:
        """What each decided cluster (by key) shows in the Gold column."""
        self._decisions = decisions
        if self._rows:
            self.dataChanged.emit(self.index(0, GOLD_COLUMN),
                                  self.index(len(self._rows) - 1, GOLD_COLUMN))

    def set_filters(self, *, classes: tuple[str, ...] = (), codes: tuple[str, ...] = (),
                    coders: tuple[str, ...] = ()) -> None:
        """Keep clusters of any of ``classes``, with any of ``codes``, involving any of ``coders``
        (empty: no filter on that)."""
        self.beginResetModel()
        self._filters = {"classes": classes, "codes": codes, "coders": coders}
        self._rows = filter_clusters(self._all, **self._filters)
        self.endResetModel()

    @property
    def clusters(self) -> list[Cluster]:
        """The clusters shown, in text order."""
        return self._rows

    def row_of(self, cluster: Cluster) -> int:
        return self._rows.index(cluster) if cluster in self._rows else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(FIXED) + len(self._coders) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (*(translate("ClusterTable", name) for name in FIXED), *self._coders,
                 translate("ClusterTable", "Text"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cluster = self._rows[index.row()]
        if role == CLUSTER_ROLE:
            return cluster
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text_of(cluster, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QColor(CLASS_COLOURS[cluster.primary])
        return None

    def _text_of(self, cluster: Cluster, column: int, full: bool) -> str | None:
        if column == 0:
            return str(cluster.number)
        if column == 1:
            return english(f"{cluster.start}–{cluster.end}")  # "72–98" right to left too
        if column == 2:
            return translate("ClusterTable", ", ").join(class_label(c) for c in cluster.classes)
        if column == GOLD_COLUMN:
            return self._decisions.get(key_of(cluster), "")
        if 0 <= column - len(FIXED) < len(self._coders):
            return self._coder_cell(cluster, self._coders[column - len(FIXED)], full)
        if column == len(FIXED) + len(self._coders):
            piece = " ".join(self._text[cluster.start:cluster.end].split())
            return piece if full or len(piece) <= EXCERPT_CHARS else piece[:EXCERPT_CHARS] + "…"
        return None

    @staticmethod
    def _coder_cell(cluster: Cluster, coder: str, full: bool) -> str:
        spans = cluster.by_coder(coder)
        if not spans:
            return (translate("ClusterTable", "— (marked nothing)") if coder in cluster.missing
                    else "")
        parts = []
        for span in spans:
            text = span.code.rsplit("/", 1)[-1]
            if full:
                values = ", ".join(f"{name}={value}" for name, value in span.attributes)
                text = f"{span.code} [{span.start}, {span.end})" + (f" {{{values}}}" if values
                                                                     else "")
            parts.append(text)
        return "\n".join(parts) if full else "; ".join(parts)
