"""The end of an import: what was stored, skipped and refused, in a dialog whose text can be copied."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.db.services.article_import import BatchReport
from annotator.db.services.article_preview import report_lines
from annotator.ui.fonts import ui_arabic_font

_CONTEXT = "ImportSummary"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def headline(report: BatchReport) -> str:
    """One line of counts: imported, duplicates, empty rows skipped, files refused."""
    duplicates = sum(len(f.skipped) for f in report.files)
    empty = sum(len(f.empty) for f in report.files)
    text = _tr("Imported %1 article(s) from %2 file(s); %3 duplicate(s) skipped; "
               "%4 row(s) with empty text skipped; %5 file(s) refused.")
    for number, value in enumerate((report.added, len(report.files) - len(report.failed), duplicates,
                                    empty, len(report.failed)), start=1):
        text = text.replace(f"%{number}", str(value))
    return text


def summary_text(report: BatchReport) -> str:
    return "\n".join([headline(report), "", *report_lines(report)])


class ImportSummaryDialog(QDialog):
    """The summary, read-only, with Copy (to paste into a lab notebook or an e-mail)."""

    def __init__(self, report: BatchReport, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importSummary")
        self.setWindowTitle(_tr("Import finished"))
        self.text = QPlainTextEdit(summary_text(report), objectName="importSummaryText", readOnly=True)
        self.text.setFont(ui_arabic_font(self.font()))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        option = self.text.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)  # English lines naming Arabic files
        self.text.document().setDefaultTextOption(option)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = buttons.addButton(_tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy.setObjectName("copySummary")
        self.copy.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(headline(report), wordWrap=True))
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
