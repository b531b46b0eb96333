"""Project → Progress matrix and Assign documents (leads only); the assignment is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from annotator.db.models import Assignment
from annotator.db.services.demo import build_demo_project
from annotator.db.services.progress import progress_matrix
from annotator.ui.models import STATUS_ROLE
from annotator.ui.progress import open_progress_window
from annotator.ui.progress.assign_dialog import COUNT, SHARE, AssignDialog
from annotator.ui.progress.model import SAMPLE_ROLE, ProgressModel

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _pairs(window) -> set[tuple[str, str, str]]:  # noqa: ANN001
    with window.workspace.store.reader() as session:
        return set(session.execute(select(Assignment.document_id, Assignment.coder_id,
                                          Assignment.status)).all())


def _coded(tmp_path: Path) -> Path:
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    return path


def test_the_model_passes_qtmodeltester(open_window: Callable[..., object], tmp_path: Path,
                                        qtmodeltester) -> None:  # noqa: ANN001
    window = open_window(coder="Lead", path=_coded(tmp_path))
    model = ProgressModel()
    qtmodeltester.check(model)
    with window.workspace.store.reader() as session:
        model.set_matrix(progress_matrix(session))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, 4)  # document, two coders, gold
    assert model.index(0, 3).data() == "0/16 · 0"
    assert "0/44 decided" in model.headerData(3, Qt.Orientation.Horizontal)
    assert model.index(0, 1).data(STATUS_ROLE) == "done"
    assert "done · 18" in model.index(0, 1).data()
    assert "last change 20" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "3/3 done" in model.headerData(1, Qt.Orientation.Horizontal)


def test_a_coder_sees_neither_progress_nor_assign(open_window: Callable[..., object]) -> None:
    window = open_window(coder="Layla")
    for name in ("progress", "assign"):
        assert not window.menu_actions[name].isEnabled()
    assert open_progress_window(window) is None


def test_assign_a_sample_from_the_dialog_and_undo_it(open_window: Callable[..., object],
                                                     qtbot) -> None:  # noqa: ANN001
    window = open_window(coder="Lead")
    assert window.menu_actions["assign"].isEnabled()
    window.menu_actions["progress"].trigger()
    progress = window.progress_window
    assert progress.isVisible() and progress.model.rowCount() == 3
    before = _pairs(window)
    dialog = AssignDialog(window.workspace, window.document_id, progress)
    dialog.mode.setCurrentIndex(COUNT)
    dialog.count.setValue(1)
    dialog.seed.setValue(2016)
    dialog.alpha_min.setValue(0.8)
    assert "needs 52 units (103 values): too few — 51 more needed" in dialog.verdict.text()
    dialog.mode.setCurrentIndex(SHARE)
    dialog.share.setValue(1.0)
    assert "3 of 3 documents" in dialog.verdict.text()
    dialog.mode.setCurrentIndex(COUNT)
    dialog.assign()
    assert dialog.result() == AssignDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: sum(progress.model.index(r, 0).data(SAMPLE_ROLE)
                                for r in range(3)) == 1)
    after = _pairs(window)
    assert len(after) == 4 and after != before
    assert "★ reliability sample of 1 document (seed 2016)" in progress.summary.text()
    window.workspace.undo_stack.undo()
    assert _pairs(window) == before
    window.workspace.undo_stack.redo()
    assert _pairs(window) == after  # the same draw again
    progress.close()


def test_a_refusal_stays_in_the_dialog_and_changes_nothing(open_window: Callable[..., object],
                                                           tmp_path: Path) -> None:
    window = open_window(coder="Lead", path=_coded(tmp_path))
    before = _pairs(window)
    dialog = AssignDialog(window.workspace, window.document_id, window)
    dialog.mode.setCurrentIndex(COUNT)
    dialog.count.setValue(1)
    dialog.assign()
    assert "annotations on document" in dialog.error.text()
    assert _pairs(window) == before and window.workspace.undo_stack.count() == 0
    dialog.force.setChecked(True)
    dialog.assign()
    assert dialog.result() == AssignDialog.DialogCode.Accepted
    assert len(_pairs(window)) == 4 and window.workspace.undo_stack.count() == 1


def test_screenshots_of_progress_and_assign(open_window: Callable[..., object], tmp_path: Path,
                                            qtbot) -> None:  # noqa: ANN001
    window = open_window(coder="Lead", path=_coded(tmp_path))
    dialog = AssignDialog(window.workspace, window.document_id, window)
    dialog.mode.setCurrentIndex(COUNT)
    dialog.count.setValue(1)
    dialog.seed.setValue(7)
    dialog.force.setChecked(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "assign-dialog.png"))
    dialog.assign()
    progress = open_progress_window(window)
    qtbot.waitExposed(progress)
    assert progress.grab().save(str(ARTIFACTS / "progress-matrix.png"))
    progress.close()


def test_the_progress_matrix_in_arabic(open_window: Callable[..., object], qtbot,  # noqa: ANN001
                                       tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Saves tests/artifacts/progress-ar.png: statuses, totals and tooltips in Arabic."""
    from annotator.ui import i18n

    monkeypatch.setattr(i18n, "user_cache_dir", lambda _name: str(tmp_path / "cache"))
    monkeypatch.setattr(i18n, "shipped_catalogue", lambda language: tmp_path / f"none_{language}.qm")
    assert i18n.install_language("ar")
    try:
        window = open_window(coder="Lead", path=_coded(tmp_path))
        progress = open_progress_window(window)
        qtbot.waitExposed(progress)
        model = progress.model
        assert model.headerData(0, Qt.Orientation.Horizontal) == "الوثيقة"
        assert model.index(0, 1).data().startswith("مُنجَزة · ")
        assert "آخر تغيير" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
        assert "محسوم 0/44" in model.headerData(3, Qt.Orientation.Horizontal)
        assert model.headerData(3, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.ToolTipRole).startswith("التحكيم: حُسم 0 من 44 ")
        ARTIFACTS.mkdir(exist_ok=True)
        assert progress.grab().save(str(ARTIFACTS / "progress-ar.png"))
        progress.close()
    finally:
        i18n.install_language("en")
