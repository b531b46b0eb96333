"""File → Import annotations…: a JSONL and a .qdpx written by the app's own exporters from the
coded demo go into fresh projects in a worker, the open window reloads; Cancel midway stores
nothing; a bad line is one message naming the file and the line, with nothing stored.
Saves tests/artifacts/annotation-import.png and annotation-import-ar.png."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from annotator.cli import main
from annotator.db import open_project
from annotator.db.models import Annotation, Code, Coder, Document
from annotator.db.services.demo import build_demo_project
from annotator.db.services.new_project import NewProject, create_new_project
from annotator.ui.lead import annotation_import
from annotator.ui.lead.annotation_import import AnnotationImportDialog

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The coded demo written as annotation JSONL and as a REFI-QDA project."""
    folder = tmp_path_factory.mktemp("annotation_import")
    coded = folder / "coded.fannot"
    build_demo_project(coded, with_coding=True)
    files = {"jsonl": folder / "demo.jsonl", "qdpx": folder / "demo.qdpx", "brat": folder / "demo.zip"}
    for kind, out in files.items():
        assert main(["export", str(coded), "--format", kind, str(out)]) == 0
    return files


def _count(path: Path, model: type) -> int:
    store = open_project(path)
    try:
        with store.reader() as session:
            return session.scalar(select(func.count()).select_from(model)) or 0
    finally:
        store.close()


def _fresh(tmp_path: Path) -> Path:
    return create_new_project(NewProject(tmp_path / "fresh.fannot", "Fresh", None, ["Lead"], "Lead"))


def _open_dialog(window) -> AnnotationImportDialog:  # noqa: ANN001
    action = window.menu_actions["import_annotations"]
    assert action.isEnabled()
    action.trigger()
    return window.annotation_import_dialog


def _import(qtbot, dialog: AnnotationImportDialog, path: Path) -> None:  # noqa: ANN001
    dialog.set_path(path)
    assert dialog.start_button.isEnabled()
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.importing and not dialog.runner.busy, timeout=30_000)


def test_jsonl_into_the_uncoded_demo(qtbot, open_window, tmp_path: Path,  # noqa: ANN001
                                     exported: dict[str, Path]) -> None:
    plain = tmp_path / "plain.fannot"
    build_demo_project(plain)
    assert _count(plain, Annotation) == 0
    window = open_window("Lead", path=plain)
    codes_before = window.workspace.codes
    dialog = _open_dialog(window)
    _import(qtbot, dialog, exported["jsonl"])
    assert dialog.format.currentData() == "jsonl" and not dialog.coder.isEnabled()
    assert dialog.status.text() == ("Imported 149 annotations of 2 coders in 3 documents. "
                                    "Links: 65 links.")
    assert _count(plain, Annotation) == 149
    assert window.workspace.codes is not codes_before  # the window reloaded codebook and text
    assert dialog.cancel_button.text() == "Close"
    _import(qtbot, dialog, exported["jsonl"])  # again: everything is already there
    assert dialog.status.text() == "No new annotation was imported."
    assert "149 annotations and 65 links already present" in dialog.summary.toPlainText()
    assert _count(plain, Annotation) == 149


def test_qdpx_into_a_fresh_project(qtbot, tmp_path: Path, exported: dict[str, Path]) -> None:  # noqa: ANN001
    from annotator.ui import open_main_window

    fresh = _fresh(tmp_path)
    window = open_main_window(fresh, coder="Lead")  # closes (and deletes itself) at the end
    assert window.documents.model.rowCount() == 0
    dialog = _open_dialog(window)
    _import(qtbot, dialog, exported["qdpx"])
    assert dialog.format.currentData() == "qdpx" and dialog.kind.isEnabled()
    assert dialog.status.text() == "Imported 149 annotations of 3 coders in 3 documents."
    assert "17 codes added" in dialog.summary.toPlainText()
    assert (_count(fresh, Document), _count(fresh, Annotation), _count(fresh, Coder)) == (3, 149, 3)
    qtbot.waitUntil(lambda: window.documents.model.rowCount() == 3)  # the window follows
    assert len(list(window.workspace.codes)) > 0
    dialog.resize(760, 480)
    qtbot.waitExposed(dialog)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "annotation-import.png"))
    dialog.close()
    window.close()


def test_brat_for_the_chosen_coder(qtbot, tmp_path: Path, exported: dict[str, Path]) -> None:  # noqa: ANN001
    plain = tmp_path / "plain.fannot"
    build_demo_project(plain)
    dialog = AnnotationImportDialog(plain, ["Lead", "Layla", "Omar"])
    qtbot.addWidget(dialog)
    dialog.set_path(exported["brat"])
    assert dialog.format.currentData() == "brat" and dialog.coder.isEnabled()
    dialog.coder.setCurrentText("Layla")
    _import(qtbot, dialog, exported["brat"])
    assert dialog.result is not None and dialog.result.coders == 1 and dialog.result.documents == 3
    assert dialog.status.text().startswith(f"Imported {dialog.result.annotations} annotations of 1 coder")
    assert _count(plain, Annotation) == dialog.result.annotations > 0


def test_cancel_midway_stores_nothing(qtbot, tmp_path: Path, exported: dict[str, Path],  # noqa: ANN001
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _fresh(tmp_path)
    dialog = AnnotationImportDialog(fresh, ["Lead"])
    qtbot.addWidget(dialog)
    steps: list[tuple[int, int]] = []
    original = annotation_import.run_annotation_import

    def held(project: Path, request, stop: threading.Event, report):  # noqa: ANN001, ANN202
        def hold(value: tuple[int, int]) -> None:  # the worker waits for the user's Cancel
            report(value)
            steps.append(value)
            assert stop.wait(10)
        return original(project, request, stop, hold)

    monkeypatch.setattr(annotation_import, "run_annotation_import", held)
    shown = dialog._progress
    dialog._progress = lambda value: (shown(value), dialog.cancel())  # type: ignore[method-assign]
    _import(qtbot, dialog, exported["qdpx"])
    assert steps == [(0, 3)]  # the codes and coders were already written when Cancel came
    assert dialog.status.text() == "Cancelled: nothing was imported."
    assert dialog.result is None and dialog.cancel_button.text() == "Cancel"
    assert (_count(fresh, Document), _count(fresh, Code), _count(fresh, Coder)) == (0, 0, 1)


def test_a_bad_line_is_named_and_nothing_is_stored(qtbot, tmp_path: Path,  # noqa: ANN001
                                                   exported: dict[str, Path]) -> None:
    plain = tmp_path / "plain.fannot"
    build_demo_project(plain)
    lines = exported["jsonl"].read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], lines[1].replace('"start"', '"begin"'), *lines[2:]]) + "\n",
                   encoding="utf-8")
    dialog = AnnotationImportDialog(plain, ["Layla", "Omar", "Lead"])
    qtbot.addWidget(dialog)
    _import(qtbot, dialog, bad)
    text = dialog.status.text()
    assert text.startswith("Nothing was imported: ") and f"{bad}, line 2:" in text
    assert _count(plain, Annotation) == 0 and dialog.result is None


def test_the_dialog_in_arabic(qtbot, open_window, tmp_path: Path,  # noqa: ANN001
                              exported: dict[str, Path]) -> None:
    from annotator.ui import i18n

    plain = tmp_path / "plain.fannot"
    build_demo_project(plain)
    assert i18n.install_language("ar")
    try:
        window = open_window("Lead", path=plain)
        dialog = _open_dialog(window)
        assert dialog.windowTitle() == "استيراد الوسوم"
        _import(qtbot, dialog, exported["jsonl"])
        assert "149" in dialog.status.text() and _count(plain, Annotation) == 149
        dialog.resize(760, 480)
        qtbot.waitExposed(dialog)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(ARTIFACTS / "annotation-import-ar.png"))
        dialog.close()
    finally:
        i18n.install_language("en", QApplication.instance())


def test_only_a_lead_imports(open_window) -> None:  # noqa: ANN001
    window = open_window("Layla")
    action = window.menu_actions["import_annotations"]
    assert not action.isEnabled()
    action.trigger()
    assert getattr(window, "annotation_import_dialog", None) is None
