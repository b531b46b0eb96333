"""Coder packages in the window: package mode (title, status bar, fixed coder, read-only codebook,
File → Close and hand back) and, in the lead's project, File → Export coder packages… and
File → Merge coder files…, both run in a worker with progress.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from annotator.db.engine import ProjectStore
from annotator.db.services.coders import CoderInfo, list_coders
from annotator.db.services.merge import MergeReport, merge_package
from annotator.db.services.package_state import ACTIONS
from annotator.db.services.packages import (
    PACKAGE_SUFFIX,
    PackageSummary,
    assigned_documents,
    export_package,
    package_summary,
)
from annotator.domain import Role
from annotator.errors import AnnotatorError, ProjectError
from annotator.project_location import local_stem
from annotator.ui.bidi import isolate_if_mirrored as isolate
from annotator.ui.plurals import plurals
from annotator.ui.workers import TaskState

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

translate = QCoreApplication.translate
_notes: list[QMessageBox] = []  # non-modal messages outlive the window that opened them


def package_of(store: ProjectStore) -> PackageSummary | None:
    with store.reader() as session:
        return package_summary(session)


def package_coder(store: ProjectStore, asked: str | None) -> CoderInfo | None:
    """In a package the coder is fixed: its own (refuses ``--coder`` naming anyone else)."""
    package = package_of(store)
    if package is None:
        return None
    if asked is not None and asked.casefold() != package.coder_name.casefold():
        raise ProjectError(f"{store.path}: a coder package for {package.coder_name}, "
                           f"not for {asked}")
    with store.reader() as session:
        return next(c for c in list_coders(session) if c.uuid == package.coder_id)


def title_suffix(package: PackageSummary | None) -> str:
    if package is None:
        return ""
    return translate("CoderPackage", " — coder package for {coder}").format(
        coder=isolate(package.coder_name))


def status_text(package: PackageSummary) -> str:
    return translate("CoderPackage", "  Coder package: {coder} · codebook read-only · "
                     "File → Close and hand back  ").format(coder=isolate(package.coder_name))


def package_actions(window: MainWindow) -> list[tuple[str, str, Callable[[], object], bool]]:
    """(name, text, slot, enabled) of the File menu's package entries."""
    ws = window.workspace
    lead_project = (ws.package is None and ws.coder.role is Role.LEAD
                    and not ws.store.read_only)
    return [("export_packages", translate("CoderPackage", "&Export coder packages…"),
             lambda: export_packages(window), lead_project),
            ("merge_packages", translate("CoderPackage", "&Merge coder files…"),
             lambda: merge_files(window), lead_project),
            ("hand_back", translate("CoderPackage", "&Close and hand back"),
             lambda: hand_back(window), ws.package is not None)]


def tell(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A non-modal message (kept alive here) so that work and tests go on while it shows."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok,
                      parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    _notes.append(box)
    box.finished.connect(lambda *_: _notes.remove(box) if box in _notes else None)
    box.show()
    return box


def hand_back(window: MainWindow) -> QMessageBox | None:
    """Close the package (everything is already saved) and say which file to send to the lead."""
    path = window.workspace.project_path
    if window.workspace.package is None or path is None:
        return None
    window.close()
    return tell(None, translate("CoderPackage", "Hand back your package"),
                translate("CoderPackage", "Your coding is saved in:\n{path}\n\nSend this file to "
                          "your project lead, who merges it with File → Merge coder files….")
                .format(path=isolate(str(path))))


def choose_folder(parent: QWidget, start: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(
        parent, translate("CoderPackage", "Folder for the coder packages"), start)
    return Path(name) if name else None


def choose_packages(parent: QWidget, start: str) -> list[Path]:
    package_filter = translate("CoderPackage", "Coder packages (*{suffix});;All files (*)").format(
        suffix=PACKAGE_SUFFIX)
    names, _ = QFileDialog.getOpenFileNames(
        parent, translate("CoderPackage", "Coder files to merge"), start, package_filter)
    return [Path(name) for name in names]


def _progress(window: MainWindow, label: str, steps: int) -> QProgressDialog:
    dialog = QProgressDialog(label, translate("CoderPackage", "Cancel"), 0, steps, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)
    return dialog


def _coders_with_work(store: ProjectStore) -> list[CoderInfo]:
    with store.reader() as session:
        return [c for c in list_coders(session) if assigned_documents(session, c.uuid)]


def export_packages(window: MainWindow) -> QProgressDialog | None:
    """One package per coder with assigned documents, into a chosen folder, in a worker."""
    store, path = window.workspace.store, window.workspace.project_path
    folder = choose_folder(window, str(local_stem(path).parent) if path else "")
    if folder is None or path is None:
        return None
    coders = _coders_with_work(store)
    if not coders:
        window.statusBar().showMessage(translate(
            "CoderPackage", "No coder has assigned documents; assign documents first."), 10_000)
        return None
    dialog = _progress(window, translate("CoderPackage", "Exporting coder packages…"), len(coders))

    def work(state: TaskState, report: Callable[[Any], None]) -> list[str]:
        lines = []
        for done, coder in enumerate(coders, start=1):
            if state.cancelled:
                break
            out = folder / f"{local_stem(path).stem}-{coder.name}{PACKAGE_SUFFIX}"
            try:
                exported = export_package(store, coder.name, out)
                documents, annotations = exported.documents, exported.annotations
                lines.append(translate("CoderPackage", "{file}: {documents}, {annotations}").format(
                    file=isolate(exported.path.name),
                    documents=plurals().documents(documents),
                    annotations=plurals().annotations(annotations)))
            except AnnotatorError as error:
                lines.append(str(error))
            report(done)
        return lines

    title = translate("CoderPackage", "Coder packages")
    state = window.runner.start(
        work, on_progress=dialog.setValue,
        on_done=lambda lines: _finished(window, dialog, title, lines),
        on_failed=lambda text: _finished(window, dialog, title, [text]))
    dialog.canceled.connect(state.cancel)
    return dialog


def merge_files(window: MainWindow) -> QProgressDialog | None:
    """Merge chosen coder files, one transaction each, in a worker; then show the report."""
    store, path = window.workspace.store, window.workspace.project_path
    files = choose_packages(window, str(local_stem(path).parent) if path else "")
    if not files:
        return None
    dialog = _progress(window, translate("CoderPackage", "Merging coder files…"), len(files))

    def work(state: TaskState, report: Callable[[Any], None]) -> list[str]:
        lines = []
        for done, file in enumerate(files, start=1):
            if state.cancelled:
                break
            try:
                lines.extend(report_lines(merge_package(store, file)))
            except AnnotatorError as error:
                lines.append(translate("CoderPackage", "{error}; nothing was merged from it").format(
                    error=isolate(str(error))))
            report(done)
        return lines

    title = translate("CoderPackage", "Merge report")

    def finish(lines: list[str] | None) -> None:
        window.workspace.events.documentsChanged.emit()
        if window.document_id is not None:
            window.open_document(window.document_id)
        _finished(window, dialog, title, lines)

    state = window.runner.start(work, on_progress=dialog.setValue, on_done=finish,
                                on_failed=lambda text: _finished(window, dialog, title, [text]))
    dialog.canceled.connect(state.cancel)
    return dialog


def report_lines(report: MergeReport) -> list[str]:
    totals = ", ".join(f"{report.total(action)} {action}" for action in ACTIONS)
    lines = [f"{Path(report.path).name} ({report.coder}): {totals}"]
    lines += [f"  conflict: {note.entity} {note.item_id[:8]}: {note.reason}"
              + (translate("CoderPackage", " (recorded before)") if note.recorded_before else "")
              for note in report.conflicts]
    return lines


def _finished(window: MainWindow, dialog: QProgressDialog, title: str,
              lines: list[str] | None) -> None:
    dialog.reset()
    dialog.close()
    if lines is None:  # cancelled
        window.statusBar().showMessage(
            translate("CoderPackage", "{title}: cancelled.").format(title=title), 8000)
        return
    window.last_package_report = lines
    nothing = translate("CoderPackage", "{title}: nothing to do.").format(title=title)
    window.statusBar().showMessage(lines[0] if lines else nothing, 10_000)
    tell(window, title, "\n".join(lines) or translate("CoderPackage", "Nothing to do."))
