"""File → Import annotations…: annotation JSONL, a brat collection or a REFI-QDA project (.qdpx),
read and stored in a worker with progress and Cancel (objectName ``annotationImportDialog``).

The worker opens its own store and runs :func:`~annotator.db.services.annotation_import.
import_annotation_file`, one transaction: Cancel (seen at the importer's next step) and a bad line
both store nothing; the error names the file and the line as the command line does.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.db.engine import open_project
from annotator.db.services.annotation_import import (
    AnnotationImport,
    AnnotationRequest,
    ImportStopped,
    guess_format,
    import_annotation_file,
)
from annotator.domain import CodeKind
from annotator.ui.codes import kind_title
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.lead.bidi_text import english, english_line, left_to_right, paragraph_direction
from annotator.ui.plurals import plurals
from annotator.ui.workers import TaskRunner

translate = QCoreApplication.translate
FORMAT_NAMES = {
    "jsonl": QT_TRANSLATE_NOOP("AnnotationImport", "Annotation JSONL (.jsonl)"),
    "brat": QT_TRANSLATE_NOOP("AnnotationImport", "brat collection (folder or .zip)"),
    "qdpx": QT_TRANSLATE_NOOP("AnnotationImport", "REFI-QDA project (.qdpx)"),
}
FORMAT_NOTES = {
    "jsonl": QT_TRANSLATE_NOOP(
        "AnnotationImport", "Annotations as Export writes them (JSONL). The documents, codes and "
        "coders must be in the project. Every line is checked first: one bad line imports nothing."),
    "brat": QT_TRANSLATE_NOOP(
        "AnnotationImport", "Pairs of .txt and .ann files (brat standoff), in a folder or a .zip, "
        "all by the coder chosen below. The documents must be in the project."),
    "qdpx": QT_TRANSLATE_NOOP(
        "AnnotationImport", "A project from MAXQDA, ATLAS.ti, NVivo or QualCoder: its documents, "
        "codes, coders and coded selections are added; what this project has no place for is "
        "listed."),
}


def run_annotation_import(project: Path, request: AnnotationRequest, stop: threading.Event,
                          report: Any) -> AnnotationImport | None:
    """The worker: its own store, one transaction; None when Cancel stopped it (nothing stored)."""
    def step(done: int, total: int) -> None:
        report((done, total))
        if stop.is_set():
            raise ImportStopped

    store = open_project(project)
    try:
        return import_annotation_file(store, request, step)
    except ImportStopped:
        return None
    finally:
        store.close()


def headline(result: AnnotationImport) -> str:
    """What was stored, in the interface language."""
    if not result.annotations and not result.relations:
        return translate("AnnotationImport", "No new annotation was imported.")
    annotations, links = result.annotations, result.relations
    text = translate("AnnotationImport", "Imported {annotations} of {coders} in {documents}.")
    text = text.format(annotations=plurals().annotations(annotations),
                       coders=plurals().coders(result.coders),
                       documents=plurals().documents(result.documents))
    if links:
        text += " " + translate("AnnotationImport", "Links: {links}.").format(
            links=plurals().links(links))
    return text


class AnnotationImportDialog(QDialog):
    """Choose, import, read the summary; ``imported`` is emitted after something was stored."""

    imported = Signal(object)  # the AnnotationImport

    def __init__(self, project: Path, coders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="annotationImportDialog")
        self.setWindowTitle(translate("AnnotationImport", "Import annotations"))
        self.project, self.result = project, None
        self.runner = TaskRunner(self, threads=1)
        self._stop: threading.Event | None = None
        self._build(coders)
        self._update()

    def _build(self, coders: list[str]) -> None:
        self.path_edit = QLineEdit(objectName="annotationFile", readOnly=True)
        self.path_edit.setPlaceholderText(translate("AnnotationImport", "No file chosen"))
        self.choose_file = QPushButton(translate("AnnotationImport", "Choose file…"))
        self.choose_folder = QPushButton(translate("AnnotationImport", "Choose brat folder…"))
        self.format = QComboBox(objectName="annotationFormat")
        for key, name in FORMAT_NAMES.items():
            self.format.addItem(translate("AnnotationImport", name), key)
        self.coder = QComboBox(objectName="annotationCoder")
        self.coder.setFont(ui_arabic_font(self.coder.font()))
        self.coder.addItems(coders)
        self.kind = QComboBox(objectName="annotationKind")
        for kind in CodeKind:
            self.kind.addItem(kind_title(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(CodeKind.FRAMING_DEVICE.value))
        self.note = QLabel(objectName="annotationFormatNote", wordWrap=True)
        self.status = QLabel(objectName="annotationImportStatus", wordWrap=True)
        self.progress = QProgressBar(objectName="annotationImportProgress")
        self.summary = QPlainTextEdit(objectName="annotationImportSummary", readOnly=True)
        self.summary.setFont(ui_arabic_font(self.font()))
        option = self.summary.document().defaultTextOption()
        option.setTextDirection(paragraph_direction())
        self.summary.document().setDefaultTextOption(option)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(translate("AnnotationImport", "Import"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(translate("AnnotationImport", "Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self._lay_out(buttons)
        self.choose_file.clicked.connect(self.ask_file)
        self.choose_folder.clicked.connect(self.ask_folder)
        self.format.currentIndexChanged.connect(lambda _index: self._update())
        self.start_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        chooser = QHBoxLayout()
        chooser.addWidget(self.path_edit, 1)
        chooser.addWidget(self.choose_file)
        chooser.addWidget(self.choose_folder)
        form = QFormLayout()
        form.addRow(translate("AnnotationImport", "File or folder:"), chooser)
        form.addRow(translate("AnnotationImport", "Format:"), self.format)
        form.addRow(translate("AnnotationImport", "Coder (brat):"), self.coder)
        form.addRow(translate("AnnotationImport", "Other top-level codes (REFI-QDA):"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 10)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(760, 480)

    # ------------------------------------------------------------------ choosing
    def ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("AnnotationImport", "Annotations to import"), "",
            translate("AnnotationImport", "Annotations") + " (*.jsonl *.qdpx *.zip)")
        if name:
            self.set_path(Path(name))

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("AnnotationImport", "Folder of brat .txt and .ann files"))
        if folder:
            self.set_path(Path(folder))

    def set_path(self, path: Path) -> None:
        """Choose the file (or folder); the format follows it as on the command line."""
        self.path_edit.setText(left_to_right(str(path)))
        self.path_edit.setProperty("path", str(path))
        self.format.setCurrentIndex(self.format.findData(guess_format(path)))
        self.status.setText("")
        self._update()

    def request(self) -> AnnotationRequest | None:
        path = self.path_edit.property("path")
        if not path:
            return None
        kind = self.format.currentData()
        return AnnotationRequest(Path(path), kind, self.coder.currentText() or None,
                                 CodeKind(self.kind.currentData()))

    # ------------------------------------------------------------------ importing
    @property
    def importing(self) -> bool:
        return self._stop is not None

    def start_import(self) -> None:
        request = self.request()
        if request is None or self.importing:
            return
        stop = self._stop = threading.Event()
        project = self.project
        self.summary.clear()
        self.progress.setRange(0, 0)  # busy until the importer's first step
        self.status.setText(translate("AnnotationImport", "Importing…"))
        self._update()
        self.runner.start(lambda _state, report: run_annotation_import(project, request, stop, report),
                          on_done=self._done, on_progress=self._progress, on_failed=self._failed)

    def _progress(self, value: tuple[int, int]) -> None:
        done, total = value
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: AnnotationImport | None) -> None:
        self._stop = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0 if result is None else 1)
        if result is None:
            self.status.setText(translate("AnnotationImport", "Cancelled: nothing was imported."))
        else:
            self.result = result
            self.status.setText(headline(result))
            if result.details:  # skipped rows, what a REFI-QDA project could not keep
                self.summary.setPlainText("\n".join([headline(result), "",
                                                     *map(english_line, result.details)]))
            if not result.record.empty:
                self.imported.emit(result)
        self._update()

    def _failed(self, message: str) -> None:
        self._stop = None
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(translate("AnnotationImport", "Nothing was imported: {reason}").format(
            reason=english(message)))
        self._update()

    def cancel(self) -> None:
        """Stop the import (nothing is stored), else close the dialog."""
        if self._stop is not None:
            self._stop.set()
            self.status.setText(translate("AnnotationImport", "Cancelling…"))
            return
        self.reject()

    def _update(self) -> None:
        busy, kind = self.importing, self.format.currentData()
        self.note.setText(translate("AnnotationImport", FORMAT_NOTES[kind]))
        for widget in (self.choose_file, self.choose_folder, self.format):
            widget.setEnabled(not busy)
        self.coder.setEnabled(not busy and kind == "brat")
        self.kind.setEnabled(not busy and kind == "qdpx")
        self.start_button.setEnabled(not busy and self.request() is not None
                                     and (kind != "brat" or self.coder.count() > 0))
        self.summary.setVisible(bool(self.summary.toPlainText()))
        self.cancel_button.setText(translate("AnnotationImport", "Cancel") if busy or self.result is None
                                   else translate("AnnotationImport", "Close"))
        self.layout().invalidate()

    def reject(self) -> None:  # Esc while importing cancels the import instead of closing
        if self._stop is not None:
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:  # noqa: D102 - waits for the worker
        if self._stop is not None:
            self._stop.set()
        self.runner.wait()
        super().done(result)
