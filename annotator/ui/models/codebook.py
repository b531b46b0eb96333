"""The codebook tree: the four kinds, their codes and sub-codes, with colour swatches and keys."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from annotator.domain import CodeKind
from annotator.ui.codes import (
    CodeCatalog,
    CodeInfo,
    background,
    code_label,
    kind_title,
    strong,
)
from annotator.ui.models import COLOUR_ROLE, ID_ROLE, KIND_ROLE

Index = QModelIndex | QPersistentModelIndex
NAME, KEY = range(2)
HEADERS = (QT_TRANSLATE_NOOP("TableHeader", "Code"), QT_TRANSLATE_NOOP("TableHeader", "Key"))
translate = QCoreApplication.translate
ROOT = 0


@dataclass
class _Node:
    key: str  # kind value for the four roots, code UUID below them
    parent: int
    children: list[int] = field(default_factory=list)
    code: CodeInfo | None = None


def swatch(colour: str, size: int = 14) -> QIcon:
    """A rounded colour square with a darker rim, as the tree and menus show codes."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(strong(colour))
    painter.setBrush(background(colour, 0.7))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


class CodebookModel(QAbstractItemModel):
    """Read-only tree over code UUIDs; internal ids are node numbers (no Python pointers)."""

    def __init__(self, codes: CodeCatalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[_Node] = [_Node("", -1)]
        self._icons: dict[str, QIcon] = {}
        for kind in CodeKind:
            number = self._attach(_Node(kind.value, ROOT))
            self._add_codes(codes, codes.children(None, kind), number)

    def _attach(self, node: _Node) -> int:
        self._nodes.append(node)
        number = len(self._nodes) - 1
        self._nodes[node.parent].children.append(number)
        return number

    def _add_codes(self, codes: CodeCatalog, children: list[CodeInfo], parent: int) -> None:
        for code in children:
            number = self._attach(_Node(code.uuid, parent, code=code))
            self._add_codes(codes, codes.children(code.uuid), number)

    def code_index(self, code_id: str) -> QModelIndex:
        for number, node in enumerate(self._nodes):
            if node.code is not None and node.code.uuid == code_id:
                return self._index_of(number)
        return QModelIndex()

    def _index_of(self, number: int, column: int = 0) -> QModelIndex:
        if number == ROOT:
            return QModelIndex()
        row = self._nodes[self._nodes[number].parent].children.index(number)
        return self.createIndex(row, column, number)

    def _node(self, index: Index) -> _Node:
        return self._nodes[index.internalId()] if index.isValid() else self._nodes[ROOT]

    # Qt model interface ---------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self._index_of(self._nodes[index.internalId()].parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return translate("TableHeader", HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        if node.code is None:
            return self._kind_data(CodeKind(node.key), index.column(), role)
        return self._code_data(node.code, index.column(), role)

    def _kind_data(self, kind: CodeKind, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == NAME:
            return kind_title(kind)
        if role == KIND_ROLE:
            return kind.value
        return None

    def _code_data(self, code: CodeInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return code_label(code) if column == NAME else code.shortcut
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            if code.colour not in self._icons:
                self._icons[code.colour] = swatch(code.colour)
            return self._icons[code.colour]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(code)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == KEY:
            return int(Qt.AlignmentFlag.AlignCenter)
        return {ID_ROLE: code.uuid, COLOUR_ROLE: code.colour, KIND_ROLE: code.kind.value}.get(role)


def _tooltip(code: CodeInfo) -> str:
    parts = [f"<b>{html.escape(code.path)}</b> — {html.escape(code.name_ar)}"]
    if code.shortcut:
        parts.append(translate("CodeTip", "Key: {key} (press it, or double-click, to apply)")
                     .format(key=f"<b>{html.escape(code.shortcut)}</b>"))
    for title, text in ((translate("CodeTip", "Definition"), code.definition),
                        (translate("CodeTip", "Include"), code.include),
                        (translate("CodeTip", "Exclude"), code.exclude)):
        if text:
            parts.append(f"<i>{title}:</i> {html.escape(text)}")
    return "<br>".join(parts)
