"""File → Export…: the export runs in a worker, shows progress, and Cancel leaves no file.
Saves tests/artifacts/export-dialog.png for a human look."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from annotator.db.services.demo import build_demo_project
from annotator.ui.export_dialog import ExportDialog, open_export_dialog

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    return path


def _uncheck_all_but(widget, keep: str) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    for i in range(widget.count()):
        item = widget.item(i)
        if item.text() != keep:
            item.setCheckState(Qt.CheckState.Unchecked)


def test_export_runs_in_the_worker_with_the_chosen_scope(qtbot, coded: Path,
                                                         tmp_path: Path) -> None:  # noqa: ANN001
    dialog = open_export_dialog(coded)
    qtbot.addWidget(dialog)
    out = tmp_path / "omar.xlsx"
    dialog.destination.setText(str(out))
    _uncheck_all_but(dialog.coders, "Omar")
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_lines is not None, timeout=60_000)
    assert dialog.progress.value() == 100
    assert len(set(seen)) > 2 and seen == sorted(seen)  # sheet by sheet, never backwards
    book = load_workbook(out, read_only=True)
    coders = {row[3] for row in book["Segments"].iter_rows(min_row=2, values_only=True)}
    assert coders == {"Omar"}
    assert "wrote" in dialog.status.text()
    ARTIFACTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "export-dialog.png"))


@pytest.mark.parametrize("fmt, member", [("brat", "annotation.conf"), ("qdpx", "project.qde")])
def test_interchange_formats_export_from_the_dialog(qtbot, coded: Path, tmp_path: Path,  # noqa: ANN001
                                                    fmt: str, member: str) -> None:
    import zipfile

    dialog = open_export_dialog(coded)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    out = tmp_path / f"demo.{fmt}.zip"
    dialog.destination.setText(str(out))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_lines is not None, timeout=60_000)
    assert member in zipfile.ZipFile(out).namelist()
    assert "wrote" in dialog.status.text()


def test_cancel_leaves_no_file(qtbot, coded: Path, tmp_path: Path) -> None:  # noqa: ANN001
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog = open_export_dialog(coded)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(out_dir / "x.xlsx"))
    dialog.start()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.result_lines is None
    assert list(out_dir.iterdir()) == []
    assert "cancelled" in dialog.status.text()


def test_a_coder_exports_only_their_own_coding(qtbot, coded: Path) -> None:  # noqa: ANN001
    dialog = open_export_dialog(coded, coder="Layla")
    qtbot.addWidget(dialog)
    assert [dialog.coders.item(i).text() for i in range(dialog.coders.count())] == ["Layla"]
    assert isinstance(dialog, ExportDialog)
    dialog.format.setCurrentIndex(dialog.format.findData("sav"))
    assert dialog.destination.text().endswith(".sav")


@pytest.mark.parametrize("fmt", ["brat", "qdpx"])
def test_cancel_in_the_middle_of_an_interchange_export(qtbot, coded: Path, tmp_path: Path,  # noqa: ANN001
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       fmt: str) -> None:
    """The worker is held after its first document until Cancel is pressed: the partial
    temporary file is there then, and gone once the worker has stopped at the next step."""
    import threading

    from annotator.export import brat, refi_qda

    reached, go = threading.Event(), threading.Event()
    module, name = (brat, "_write_file") if fmt == "brat" else (refi_qda, "_text_source")
    original = getattr(module, name)

    def held(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        result = original(*args, **kwargs)
        reached.set()
        go.wait(30)
        return result

    monkeypatch.setattr(module, name, held)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dialog = open_export_dialog(coded)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.destination.setText(str(out_dir / f"x.{fmt}.zip"))
    dialog.start()
    qtbot.waitUntil(reached.is_set, timeout=60_000)
    assert len(list(out_dir.iterdir())) == 1  # the temporary file, being written
    dialog.cancel()
    go.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.result_lines is None
    assert list(out_dir.iterdir()) == []
    assert "cancelled" in dialog.status.text() and dialog.progress.value() == 0
