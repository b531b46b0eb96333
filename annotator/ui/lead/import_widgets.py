"""The parts of the import preview: the file list, the column mapping and the first articles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from annotator.importers.preview import FilePreview, first_lines
from annotator.importers.records import COLUMN_FIELDS
from annotator.ui.fonts import ui_arabic_font

PATH_ROLE = Qt.ItemDataRole.UserRole + 41
LTR_MARK = "\u200e"  # starts a line left-to-right: "مقالات.csv, row 2" must not read as "row 2 ,…"
REFUSED = QColor("#b00020")
PREVIEW_ROWS = 20
_CONTEXT = "ImportPreview"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_labels() -> dict[str, str]:
    """The article fields as the mapping form names them."""
    return {"text": _tr("Text"), "title": _tr("Title"), "id": _tr("External id"),
            "outlet": _tr("Outlet"), "date": _tr("Date"), "url": _tr("URL"), "author": _tr("Author")}


def is_rtl(text: str) -> bool:
    """The first strong character is right-to-left (Arabic, Hebrew…), as Qt decides a paragraph."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _aligned(text: str, ltr: bool = False) -> QTableWidgetItem:
    """A cell aligned to the side its text starts from; ``ltr`` forces an English line's order."""
    item = QTableWidgetItem(LTR_MARK + text if ltr else text)
    side = Qt.AlignmentFlag.AlignRight if is_rtl(text) and not ltr else Qt.AlignmentFlag.AlignLeft
    item.setTextAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
    item.setToolTip(text)
    return item


def status_text(preview: FilePreview) -> str:
    if preview.error:
        return _tr("Refused: %1").replace("%1", preview.error)
    parts = [_tr("Ready")]
    if preview.duplicates:
        parts.append(_tr("%1 duplicate(s) skipped").replace("%1", str(len(preview.duplicates))))
    if preview.notes.skipped:
        parts.append(_tr("%1 row(s) with empty text skipped").replace("%1", str(len(preview.notes.skipped))))
    return "; ".join(parts)


class FileTable(QTreeWidget):
    """One row per file: name, encoding, articles, new articles and its status or refusal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importFiles")
        self.setHeaderLabels([_tr("File"), _tr("Encoding"), _tr("Articles"), _tr("New"), _tr("Status")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setFont(ui_arabic_font(self.font()))
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(0, 220)

    def set_previews(self, previews: list[FilePreview]) -> None:
        current = self.current_path()
        self.clear()
        for preview in previews:
            item = QTreeWidgetItem([
                LTR_MARK + preview.path.name, preview.notes.encoding or "—",
                str(len(preview.records)) if not preview.refused else "0",
                str(preview.new_articles), status_text(preview)])
            item.setData(0, PATH_ROLE, str(preview.path))
            item.setToolTip(0, str(preview.path))
            item.setToolTip(4, status_text(preview))
            if preview.refused:
                for column in range(5):
                    item.setForeground(column, QBrush(REFUSED))
            self.addTopLevelItem(item)
            if str(preview.path) == str(current):
                self.setCurrentItem(item)
        if self.currentItem() is None and self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))

    def current_path(self) -> Path | None:
        item = self.currentItem()
        return Path(item.data(0, PATH_ROLE)) if item is not None else None


class MappingForm(QGroupBox):
    """A combo box per article field, listing the file's columns; recognised ones pre-selected."""

    mappingChanged = Signal(object)  # dict field -> column name or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Columns (CSV and Excel files)"), parent, objectName="columnMapping")
        form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}
        for name, label in field_labels().items():
            combo = QComboBox(objectName=f"column_{name}")
            combo.setFont(ui_arabic_font(self.font()))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._changed)
            form.addRow(label, combo)
            self.combos[name] = combo

    def show_preview(self, preview: FilePreview) -> None:
        """Offer the file's columns; the chosen mapping, else what the reader recognised."""
        columns = preview.options.columns
        chosen = ({f: getattr(columns, f) for f in COLUMN_FIELDS} if columns is not None
                  else dict(preview.notes.fields))
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_tr("(not used)"), None)
            for column in preview.notes.columns:
                combo.addItem(column, column)
            index = combo.findData(chosen.get(name)) if chosen.get(name) else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.setEnabled(bool(preview.notes.columns))

    def mapping(self) -> dict[str, str | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def _changed(self) -> None:
        self.mappingChanged.emit(self.mapping())


class ArticleTable(QTableWidget):
    """The first articles of the selected file: title and first lines, aligned by their direction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent, objectName="importArticles")
        self.setHorizontalHeaderLabels([_tr("Title"), _tr("First lines"), _tr("From")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setFont(ui_arabic_font(self.font()))
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(0, 200)

    def show_preview(self, preview: FilePreview | None) -> None:
        records = preview.records[:PREVIEW_ROWS] if preview is not None else []
        self.setRowCount(len(records))
        for row, record in enumerate(records):
            self.setItem(row, 0, _aligned(record.title or ""))
            self.setItem(row, 1, _aligned(first_lines(record)))
            self.setItem(row, 2, _aligned(record.source, ltr=True))
        self.resizeRowsToContents()
