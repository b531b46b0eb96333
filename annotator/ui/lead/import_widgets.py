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
from annotator.ui.lead.bidi_text import english, left_to_right
from annotator.ui.plurals import plurals

PATH_ROLE = Qt.ItemDataRole.UserRole + 41
REFUSED = QColor("#b00020")
PREVIEW_ROWS = 20
translate = QCoreApplication.translate


def field_labels() -> dict[str, str]:
    """The article fields as the mapping form names them."""
    return {"text": translate("ImportPreview", "Text"), "title": translate("ImportPreview", "Title"),
            "id": translate("ImportPreview", "External id"), "outlet": translate("ImportPreview", "Outlet"),
            "date": translate("ImportPreview", "Date"), "url": translate("ImportPreview", "URL"),
            "author": translate("ImportPreview", "Author")}


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
    item = QTableWidgetItem(left_to_right(text) if ltr else text)
    side = Qt.AlignmentFlag.AlignRight if is_rtl(text) and not ltr else Qt.AlignmentFlag.AlignLeft
    item.setTextAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
    item.setToolTip(text)
    return item


def status_text(preview: FilePreview) -> str:
    """Ready, with what will be skipped; or the importer's reason (English) for refusing the file."""
    if preview.error:
        return translate("ImportPreview", "Refused: {reason}").format(reason=english(preview.error))
    parts = [translate("ImportPreview", "Ready")]
    duplicates, empty = len(preview.duplicates), len(preview.notes.skipped)
    if duplicates:
        parts.append(translate("ImportPreview", "duplicates skipped: {articles}").format(
            articles=plurals().articles(duplicates)))
    if empty:
        parts.append(translate("ImportPreview", "rows with empty text skipped: {rows}").format(
            rows=plurals().rows(empty)))
    return translate("ImportPreview", "; ", "between the parts of a file's status").join(parts)


class FileTable(QTreeWidget):
    """One row per file: name, encoding, articles, new articles and its status or refusal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importFiles")
        self.setHeaderLabels([translate("ImportPreview", "File"), translate("ImportPreview", "Encoding"),
                              translate("ImportPreview", "Articles"), translate("ImportPreview", "New"),
                              translate("ImportPreview", "Status")])
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
                left_to_right(preview.path.name), preview.notes.encoding or "—",
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
        super().__init__(translate("ImportPreview", "Columns (CSV and Excel files)"), parent,
                         objectName="columnMapping")
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
            combo.addItem(translate("ImportPreview", "(not used)"), None)
            for column in preview.notes.columns:
                combo.addItem(column, column)
            index = combo.findData(chosen.get(name)) if chosen.get(name) else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.setEnabled(bool(preview.notes.columns))
        self.setMinimumWidth(self.sizeHint().width())  # the splitter keeps every column name readable

    def mapping(self) -> dict[str, str | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def _changed(self) -> None:
        self.mappingChanged.emit(self.mapping())


class ArticleTable(QTableWidget):
    """The first articles of the selected file: title and first lines, aligned by their direction."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent, objectName="importArticles")
        self.setHorizontalHeaderLabels([translate("ImportPreview", "Title"),
                                        translate("ImportPreview", "First lines"),
                                        translate("ImportPreview", "From")])
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
