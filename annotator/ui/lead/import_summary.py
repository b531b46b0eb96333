"""The end of an import: what was stored, skipped and refused, in a dialog whose text can be copied."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.db.services.article_import import BatchReport
from annotator.db.services.article_preview import report_lines
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.lead.bidi_text import english_line, paragraph_direction
from annotator.ui.plurals import plurals

translate = QCoreApplication.translate


def headline(report: BatchReport) -> str:
    """The counts, a sentence each: imported, duplicates and empty rows skipped, files refused."""
    added, read = report.added, len(report.files) - len(report.failed)
    duplicates = sum(len(f.skipped) for f in report.files)
    empty, refused = sum(len(f.empty) for f in report.files), len(report.failed)
    if added:
        sentences = [translate("ImportSummary", "Imported {articles} from {files}.").format(
            articles=plurals().articles(added), files=plurals().files(read))]
    else:
        sentences = [translate("ImportSummary", "No article was imported.")]
    if duplicates:
        sentences.append(translate("ImportSummary", "Duplicates skipped: {articles}.").format(
            articles=plurals().articles(duplicates)))
    if empty:
        sentences.append(translate("ImportSummary", "Rows with empty text skipped: {rows}.").format(
            rows=plurals().rows(empty)))
    if refused:
        sentences.append(translate("ImportSummary", "Files refused: {files}.").format(
            files=plurals().files(refused)))
    return " ".join(sentences)


def summary_text(report: BatchReport) -> str:
    """The headline in the interface language, then the English details a line each."""
    return "\n".join([headline(report), "", *map(english_line, report_lines(report))])


class ImportSummaryDialog(QDialog):
    """The summary, read-only, with Copy (to paste into a lab notebook or an e-mail)."""

    def __init__(self, report: BatchReport, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importSummary")
        self.setWindowTitle(translate("ImportSummary", "Import finished"))
        self.text = QPlainTextEdit(summary_text(report), objectName="importSummaryText", readOnly=True)
        self.text.setFont(ui_arabic_font(self.font()))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        option = self.text.document().defaultTextOption()
        option.setTextDirection(paragraph_direction())
        self.text.document().setDefaultTextOption(option)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = buttons.addButton(translate("ImportSummary", "Copy"),
                                      QDialogButtonBox.ButtonRole.ActionRole)
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
