"""File → Export…: format, scope (coders, codes, documents, layer), destination, a progress bar
and Cancel. The export runs in a worker (annotator/ui/workers.py) with a session of its own, and
every writer replaces the file atomically: a cancelled or failed export leaves no partial file.

A coder who is not a lead may export only their own coding (blind coding); a lead chooses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.bidi import isolate_if_mirrored as isolate
from annotator.db.engine import open_project
from annotator.export.scope import LAYERS, ExportScope
from annotator.export.writers import FORMATS, SUFFIXES, ExportCancelled, export_file
from annotator.project_location import local_stem
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.workers import TaskRunner, TaskState

KEY_ROLE = Qt.ItemDataRole.UserRole + 40
translate = QCoreApplication.translate
FORMAT_LABELS = {
    "xlsx": QT_TRANSLATE_NOOP("ExportFormat", "Excel workbook (.xlsx)"),
    "csv": QT_TRANSLATE_NOOP("ExportFormat", "CSV tables, zipped (.zip)"),
    "sav": QT_TRANSLATE_NOOP("ExportFormat", "SPSS document × coder matrix (.sav)"),
    "dta": QT_TRANSLATE_NOOP("ExportFormat", "Stata document × coder matrix (.dta)"),
    "jsonl": QT_TRANSLATE_NOOP("ExportFormat", "Annotations JSONL (.jsonl)"),
    "brat": QT_TRANSLATE_NOOP("ExportFormat", "brat standoff collection (.zip)"),
    "qdpx": QT_TRANSLATE_NOOP("ExportFormat", "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo (.qdpx)"),
    "qdc": QT_TRANSLATE_NOOP("ExportFormat", "REFI-QDA codebook (.qdc)"),
}
"""The writers' format labels (English in the CLI) as the dialog shows them."""
LAYER_LABELS = {"coding": QT_TRANSLATE_NOOP("ExportLayer", "coding"),
                "gold": QT_TRANSLATE_NOOP("ExportLayer", "gold"),
                "all": QT_TRANSLATE_NOOP("ExportLayer", "all")}
STAGES = {"reading the project": QT_TRANSLATE_NOOP("ExportStage", "reading the project"),
          "reading the project and computing agreement": QT_TRANSLATE_NOOP(
              "ExportStage", "reading the project and computing agreement"),
          "writing": QT_TRANSLATE_NOOP("ExportStage", "writing")}
"""Progress stages of the writers; an unknown one is shown as it is."""


def format_label(key: str) -> str:
    return translate("ExportFormat", FORMAT_LABELS[key]) if key in FORMAT_LABELS else FORMATS[key]


def stage_text(stage: str) -> str:
    return translate("ExportStage", STAGES[stage]) if stage in STAGES else stage


def run_export(project_path: Path, fmt: str, out: Path, scope: ExportScope, state: TaskState,
               report: Any) -> list[str] | None:
    """The worker's task: its own store and session; None when cancelled."""
    def progress(stage: str, done: int, total: int) -> None:
        if state.cancelled:
            raise ExportCancelled
        report((stage, done, total))

    store = open_project(project_path)
    try:
        with store.reader() as session:
            return export_file(session, fmt, out, scope, progress=progress)
    except ExportCancelled:
        return None
    finally:
        store.close()


def _check_list(name: str, items: list[tuple[str, str]]) -> QListWidget:
    widget = QListWidget(objectName=name)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    for key, text in items:
        item = QListWidgetItem(text, widget)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(KEY_ROLE, key)
    return widget


def _checked(widget: QListWidget) -> tuple[str, ...]:
    """Keys of the checked items; every item checked is no filter (an empty tuple)."""
    items = [widget.item(i) for i in range(widget.count())]
    keys = tuple(i.data(KEY_ROLE) for i in items if i.checkState() == Qt.CheckState.Checked)
    return () if len(keys) == len(items) else keys


class ExportDialog(QDialog):
    def __init__(self, project_path: Path, coders: list[str], codes: list[str],
                 documents: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="exportDialog")
        self.setWindowTitle(translate("ExportDialog", "Export"))
        self.project_path = project_path
        self.runner = TaskRunner(self, threads=1)
        self.state: TaskState | None = None
        self.result_lines: list[str] | None = None
        self.format = QComboBox(objectName="exportFormat")
        for key in FORMATS:
            self.format.addItem(format_label(key), key)
        self.format.currentIndexChanged.connect(self._suffix_follows_format)
        self.coders = _check_list("exportCoders", [(c, c) for c in coders])
        self.codes = _check_list("exportCodes", [(c, c) for c in codes])
        self.documents = _check_list("exportDocuments", documents)
        self.documents.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.documents.setFont(ui_arabic_font(self.documents.font()))
        self.layer = QComboBox(objectName="exportLayer")
        for layer in LAYERS:
            self.layer.addItem(translate("ExportLayer", LAYER_LABELS.get(layer, layer)), layer)
        self.destination = QLineEdit(objectName="exportDestination")
        self.destination.setText(str(local_stem(project_path).with_suffix(".xlsx")))
        self.browse = QPushButton(translate("ExportDialog", "Browse…"), objectName="exportBrowse")
        self.browse.clicked.connect(self._choose_destination)
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel("", objectName="exportStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(translate("ExportDialog", "Export"), objectName="exportStart")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(translate("ExportDialog", "Cancel"), objectName="exportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Format"), self.format)
        form.addRow(translate("ExportDialog", "Coders"), self.coders)
        form.addRow(translate("ExportDialog", "Codes"), self.codes)
        form.addRow(translate("ExportDialog", "Documents"), self.documents)
        form.addRow(translate("ExportDialog", "Layer"), self.layer)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(self.browse)
        form.addRow(translate("ExportDialog", "Save as"), where)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(620, 640)

    def scope(self) -> ExportScope:
        return ExportScope(_checked(self.coders), _checked(self.documents),
                           _checked(self.codes), self.layer.currentData())

    def _suffix_follows_format(self) -> None:
        path = Path(self.destination.text() or "export")
        self.destination.setText(str(path.with_suffix(SUFFIXES[self.format.currentData()])))

    def _choose_destination(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, translate("ExportDialog", "Export to"),
                                                   self.destination.text())
        if chosen:
            self.destination.setText(chosen)

    def start(self) -> None:
        """Start the export in the worker; the dialog stays responsive."""
        out = Path(self.destination.text())
        if not out.parent.is_dir():
            self.status.setText(translate("ExportDialog", "{folder} is not a folder").format(
                folder=isolate(str(out.parent))))
            return
        fmt, scope, project = self.format.currentData(), self.scope(), self.project_path
        self.result_lines = None
        self.export_button.setEnabled(False)
        self.status.setText(translate("ExportDialog", "starting…"))
        self.progress.setValue(0)
        self.state = self.runner.start(
            lambda state, report: run_export(project, fmt, out, scope, state, report),
            on_done=self._done, on_progress=self._progress, on_failed=self._failed)

    def _progress(self, value: tuple[str, int, int]) -> None:
        stage, done, total = value
        self.status.setText(stage_text(stage))
        self.progress.setValue(min(99, int(100 * done / total)) if total else 0)

    def _done(self, lines: list[str] | None) -> None:
        self.state = None
        self.export_button.setEnabled(True)
        if lines is None:
            self._stopped(translate("ExportDialog", "cancelled: nothing was written"))
            return
        self.result_lines = lines
        self.progress.setValue(100)
        self.status.setText("\n".join(lines))

    def _failed(self, message: str) -> None:
        self.state = None
        self.export_button.setEnabled(True)
        self._stopped(translate("ExportDialog", "export failed, nothing was written: {error}")
                      .format(error=isolate(message)))

    def _stopped(self, message: str) -> None:
        self.progress.setValue(0)
        self.status.setText(message)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def cancel(self) -> None:
        """Stop a running export (its file is removed), else close the dialog."""
        if self.state is not None:
            self.state.cancel()
            self._stopped(translate("ExportDialog", "cancelled: nothing was written"))
            self.state = None
            self.export_button.setEnabled(True)
            return
        self.reject()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self.state is not None:
            self.state.cancel()
        self.runner.wait()
        super().closeEvent(event)


def open_export_dialog(project_path: Path, coder: str | None = None,
                       parent: QWidget | None = None) -> ExportDialog:
    """Build and show the dialog; ``coder`` limits the coders to one (a coder who is not a
    lead exports only their own coding)."""
    from annotator.ui.agreement.worker import load_choices

    choices = load_choices(project_path)
    coders = [coder] if coder is not None else choices.coders
    dialog = ExportDialog(project_path, coders, choices.codes, choices.documents, parent)
    dialog.show()
    return dialog
