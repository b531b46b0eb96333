"""File → Import articles…: choose files and folders, see what will be imported, import in a worker.

The preview reads every file as the import will (:mod:`annotator.importers.preview`) and marks the
articles already in the project (:func:`~annotator.db.services.article_preview.preview_files`),
in a worker. The import reads the files again and stores them all in one transaction
(:func:`~annotator.db.services.article_preview.import_previewed`): Cancel stores nothing.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.db.engine import open_project
from annotator.db.services.article_import import BatchReport
from annotator.db.services.article_preview import import_previewed, preview_files
from annotator.errors import AnnotatorError
from annotator.importers import SUPPORTED_EXTENSIONS, iter_article_files
from annotator.importers.preview import FileOptions, FilePreview, explicit_columns, summary_lines
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.lead.bidi_text import english, left_to_right
from annotator.ui.lead.import_summary import ImportSummaryDialog
from annotator.ui.lead.import_widgets import ArticleTable, FileTable, MappingForm
from annotator.ui.plurals import plurals
from annotator.ui.workers import TaskRunner, TaskState

Files = list[tuple[Path, FileOptions]]
translate = QCoreApplication.translate


def run_preview(project: Path, files: Files, state: TaskState, report: Any) -> list[FilePreview] | None:
    """The preview worker: its own store, read-only; None when cancelled."""
    def progress(done: int, total: int, path: Path) -> bool:
        report((done, total, path.name))
        return not state.cancelled

    store = open_project(project)
    try:
        return preview_files(store, files, progress)
    finally:
        store.close()


def run_import(project: Path, files: Files, stop: threading.Event, report: Any) -> BatchReport:
    """The import worker: a cancel (``stop``) is seen between files and rolls everything back."""
    def progress(done: int, total: int, path: Path) -> bool:
        report((done, total, path.name))
        return not stop.is_set()

    store = open_project(project)
    try:
        return import_previewed(store, files, progress)
    finally:
        store.close()


class ImportDialog(QDialog):
    """The preview and the import; ``imported`` is emitted after articles were stored."""

    imported = Signal(object)  # the BatchReport

    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="importDialog")
        self.setWindowTitle(translate("ImportDialog", "Import articles"))
        self.project = project
        self.runner = TaskRunner(self, threads=1)
        self.options: dict[Path, FileOptions] = {}
        self.previews: list[FilePreview] = []
        self.report: BatchReport | None = None
        self.summary: ImportSummaryDialog | None = None
        self._preview_state: TaskState | None = None
        self._stop: threading.Event | None = None
        self._generation = 0
        self._build()
        self._connect()
        self._update_buttons()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.add_files = QPushButton(translate("ImportDialog", "Add files…"), objectName="addFiles")
        self.add_folder = QPushButton(translate("ImportDialog", "Add folder…"), objectName="addFolder")
        self.remove = QPushButton(translate("ImportDialog", "Remove from the list"), objectName="removeFile")
        self.skip_empty = QCheckBox(
            translate("ImportDialog", "Skip rows whose text is empty (they are listed)"), objectName="skipEmpty")
        self.files = FileTable()
        self.mapping = MappingForm()
        self.articles = ArticleTable()
        self.findings = QPlainTextEdit(objectName="importFindings", readOnly=True)
        self.findings.setFont(ui_arabic_font(self.font()))
        option = self.findings.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)  # English lines naming Arabic files
        self.findings.document().setDefaultTextOption(option)
        self.findings.setPlaceholderText(
            translate("ImportDialog", "Files and rows that will be refused or skipped are listed here."))
        self.totals = QLabel(objectName="importTotals", wordWrap=True)
        self.progress = QProgressBar(objectName="importProgress")
        self.progress.setTextVisible(True)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(translate("ImportDialog", "Import"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startImport")
        self.cancel_button = self.buttons.addButton(translate("ImportDialog", "Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelImport")
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.add_files, self.add_folder, self.remove):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.skip_empty)
        detail = QSplitter(Qt.Orientation.Horizontal)
        detail.addWidget(self.mapping)
        detail.addWidget(self.articles)
        detail.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Vertical, objectName="importSplit")
        for widget, stretch in ((self.files, 2), (detail, 3), (self.findings, 1)):
            split.addWidget(widget)
            split.setStretchFactor(split.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(1100, 760)

    def _connect(self) -> None:
        self.add_files.clicked.connect(self.choose_files)
        self.add_folder.clicked.connect(self.choose_folder)
        self.remove.clicked.connect(self.remove_current)
        self.skip_empty.toggled.connect(lambda _on: self.refresh())
        self.files.currentItemChanged.connect(lambda *_: self._show_current())
        self.mapping.mappingChanged.connect(self._mapping_changed)
        self.start_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)

    # ------------------------------------------------------------------ choosing files
    def choose_files(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(SUPPORTED_EXTENSIONS))
        names, _ = QFileDialog.getOpenFileNames(
            self, translate("ImportDialog", "Articles to import"), "",
            translate("ImportDialog", "Articles ({patterns})").format(patterns=patterns))
        self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("ImportDialog", "Folder of articles to import"))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Add files, and the supported files inside folders (searched recursively)."""
        try:
            found = iter_article_files(paths)
        except AnnotatorError as error:
            self.findings.setPlainText(str(error))
            return
        for path in found:
            self.options.setdefault(path, FileOptions())
        self.refresh()

    def remove_current(self) -> None:
        path = self.files.current_path()
        if path is not None:
            self.options.pop(path, None)
            self.refresh()

    def set_mapping(self, path: Path, mapping: dict[str, str | None]) -> None:
        """Read ``path`` with these columns (field -> column name, None for not used)."""
        self.options[path] = FileOptions(columns=explicit_columns(mapping))
        self.refresh()

    def _mapping_changed(self, mapping: dict[str, str | None]) -> None:
        path = self.files.current_path()
        if path is not None:
            self.set_mapping(path, mapping)

    def file_list(self) -> Files:
        skip = self.skip_empty.isChecked()
        return [(path, FileOptions(options.columns, skip, options.encoding))
                for path, options in self.options.items()]

    # ------------------------------------------------------------------ preview
    def refresh(self) -> None:
        """Preview the files again in the worker (an older preview still running is dropped)."""
        if self._preview_state is not None:
            self._preview_state.cancel()
        self._generation += 1
        generation, files = self._generation, self.file_list()
        self.previews = []
        self._update_buttons()
        if not files:
            self._show_previews([], generation)
            return
        self.totals.setText(translate("ImportDialog", "Reading the files…"))
        self._preview_state = self.runner.start(
            lambda state, report: run_preview(self.project, files, state, report),
            on_done=lambda previews: self._show_previews(previews, generation),
            on_progress=self._show_progress, on_failed=self._failed)

    @property
    def previewing(self) -> bool:
        return self._preview_state is not None

    def _show_previews(self, previews: list[FilePreview] | None, generation: int) -> None:
        if generation != self._generation or previews is None:
            return
        self._preview_state = None
        self.previews = previews
        self.files.set_previews(previews)
        self._show_current()
        self.findings.setPlainText("\n".join(summary_lines(previews)))
        self.totals.setText(self._totals_text())
        self.progress.setValue(0)
        self.progress.setFormat("")
        self._update_buttons()

    def _totals_text(self) -> str:
        read, new = len(self.previews), sum(p.new_articles for p in self.previews)
        refused = sum(p.refused for p in self.previews)
        files = plurals().files(read)
        if new:
            text = translate("ImportDialog", "{files}: {articles} will be imported.").format(
                files=files, articles=plurals().articles(new))
        else:
            text = translate("ImportDialog", "{files}: no new article to import.").format(files=files)
        if refused:
            text += " " + translate("ImportDialog", "Files refused: {files}.").format(
                files=plurals().files(refused))
        return text

    def current_preview(self) -> FilePreview | None:
        path = self.files.current_path()
        return next((p for p in self.previews if p.path == path), None)

    def _show_current(self) -> None:
        preview = self.current_preview()
        self.articles.show_preview(preview)
        self.mapping.setVisible(preview is not None and preview.tabular)
        if preview is not None and preview.tabular:
            self.mapping.show_preview(preview)

    # ------------------------------------------------------------------ import
    def start_import(self) -> None:
        if not self.start_button.isEnabled():
            return
        files = [(p.path, p.options) for p in self.previews if not p.refused]
        files += [(p.path, p.options) for p in self.previews if p.refused]  # reported again
        stop = self._stop = threading.Event()
        self.progress.setRange(0, 2 * len(files))
        self.totals.setText(translate("ImportDialog", "Importing…"))
        self._update_buttons()
        self.runner.start(lambda _state, report: run_import(self.project, files, stop, report),
                          on_done=self._imported, on_progress=self._show_progress,
                          on_failed=self._failed)

    @property
    def importing(self) -> bool:
        return self._stop is not None

    def _show_progress(self, value: tuple[int, int, str]) -> None:
        done, total, name = value
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(left_to_right(f"%v / %m  {name}"))

    def _imported(self, report: BatchReport) -> None:
        self._stop = None
        self.report = report
        self.progress.setValue(self.progress.maximum())
        if report.cancelled:
            self.totals.setText(translate("ImportDialog", "Cancelled: nothing was imported."))
            self._update_buttons()
            return
        if report.added:
            self.imported.emit(report)
        self.summary = ImportSummaryDialog(report, self)
        self.summary.finished.connect(lambda _result: self.accept())
        self.summary.open()

    def _failed(self, message: str) -> None:
        self._stop = self._preview_state = None
        self.totals.setText(translate("ImportDialog", "Failed, nothing was imported: {reason}").format(
            reason=english(message)))
        self._update_buttons()

    def cancel(self) -> None:
        """Cancel the import (nothing is stored), else close the dialog."""
        if self._stop is not None:
            self._stop.set()
            self.totals.setText(translate("ImportDialog", "Cancelling…"))
            return
        self.reject()

    def _update_buttons(self) -> None:
        busy = self.importing
        ready = bool(self.previews) and any(p.new_articles for p in self.previews) and not self.previewing
        self.start_button.setEnabled(ready and not busy)
        for widget in (self.add_files, self.add_folder, self.remove, self.skip_empty, self.mapping):
            widget.setEnabled(not busy)

    def reject(self) -> None:  # Esc while importing cancels the import instead of closing
        if self._stop is not None:
            self.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:  # noqa: D102 - waits for the preview worker
        if self._preview_state is not None:
            self._preview_state.cancel()
        self.runner.wait()
        super().done(result)
