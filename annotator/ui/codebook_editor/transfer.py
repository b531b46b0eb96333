"""Codebook → Import codebook… / Export codebook…: JSON (the app's own format) and REFI-QDA
``.qdc``. An import is one undoable edit on the editor's history; an export writes a file only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.codebook import read_codebook, write_codebook
from annotator.db.engine import ProjectStore
from annotator.db.services.codebook import export_codebook
from annotator.db.services.codebook_import import (
    import_codebook_spec,
    import_qdc_codebook,
    restore_snapshot,
)
from annotator.domain import CodeKind
from annotator.errors import AnnotatorError
from annotator.export.refi_qda import write_qdc
from annotator.export.scope import ExportScope
from annotator.importers.refi_qda import read_qdc
from annotator.ui.bidi import isolate

if TYPE_CHECKING:
    from annotator.ui.codebook_editor.window import CodebookEditor

translate = QCoreApplication.translate


def _filters() -> tuple[str, str]:
    return (translate("CodebookTransfer", "Codebook JSON (*.json)"),
            translate("CodebookTransfer", "REFI-QDA codebook (*.qdc)"))


def choose_import_file(parent: QWidget) -> Path | None:
    json_files, qdc_files = _filters()
    every = translate("CodebookTransfer", "All files (*)")
    name, _ = QFileDialog.getOpenFileName(
        parent, translate("CodebookTransfer", "Import a codebook"), "",
        f"{json_files};;{qdc_files};;{every}")
    return Path(name) if name else None


def choose_export_file(parent: QWidget) -> Path | None:
    json_files, qdc_files = _filters()
    name, chosen = QFileDialog.getSaveFileName(
        parent, translate("CodebookTransfer", "Export the codebook"),
        "codebook.json", f"{json_files};;{qdc_files}")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".qdc" if chosen == qdc_files else ".json")


def import_file(editor: CodebookEditor, path: Path,
                kind: CodeKind = CodeKind.FRAMING_DEVICE) -> bool:
    """Read the file whole first (a bad file stores nothing), then import it as one edit."""
    try:
        if path.suffix.casefold() == ".qdc":
            book = read_qdc(path)
            apply = lambda s: import_qdc_codebook(s, book, kind)[0]  # noqa: E731
        else:
            spec = read_codebook(path)
            apply = lambda s: import_codebook_spec(s, spec)[0]  # noqa: E731
    except AnnotatorError as error:
        editor.show_message(translate(
            "CodebookTransfer", "The codebook was not imported: {reason}").format(reason=error))
        return False
    title = translate("CodebookTransfer", "Import codebook {file}")
    return editor.run(title.format(file=isolate(path.name)), apply,
                      lambda s, snapshot: restore_snapshot(s, snapshot))


def export_file(store: ProjectStore, path: Path) -> str:
    """Write the codebook to ``path`` (by its suffix); returns one line saying what was written."""
    with store.reader() as session:
        if path.suffix.casefold() == ".qdc":
            written = "; ".join(write_qdc(session, path, ExportScope()))  # the exporter's words
            return translate("CodebookTransfer", "Exported: {details}").format(details=written)
        write_codebook(export_codebook(session), path)
    return translate("CodebookTransfer", "Wrote {path}").format(path=isolate(str(path)))
