"""Imports on the main window's undo stack: File → Import articles… (and annotations…), then
Ctrl+Z takes the import back and Ctrl+Shift+Z puts the same rows back; an undo refused because a
coder built on the import says why in the status bar and stays undoable.
Saves tests/artifacts/import-undo-menu.png and import-undo-menu-ar.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from annotator.cli import main
from annotator.db.models import Annotation, Document, Tombstone
from annotator.db.services.annotations import create_annotation
from annotator.db.services.demo import build_demo_project
from annotator.ui.bidi import plain
from annotator.ui.lead.import_command import ImportCommand

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
TEXT = "خبر جديد رقم {n}\nقال المتحدث إن الوضع هادئ في المدينة اليوم، وإن الطرق مفتوحة.\n"


def _count(window, model: type) -> int:  # noqa: ANN001
    with window.workspace.store.reader() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _articles(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        path = tmp_path / f"new-{number}.txt"
        path.write_text(TEXT.format(n=number), "utf-8")
        paths.append(path)
    return paths


def _import_articles(qtbot, window, paths: list[Path]) -> None:  # noqa: ANN001
    window.menu_actions["import_articles"].trigger()
    dialog = window.import_dialog
    dialog.add_paths(paths)
    qtbot.waitUntil(lambda: bool(dialog.previews) and not dialog.previewing, timeout=20_000)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    dialog.summary.accept()


def _command(window) -> ImportCommand:  # noqa: ANN001
    stack = window.workspace.undo_stack
    return stack.command(stack.index() - 1 if stack.canUndo() else stack.index())


def _key(qtbot, window, *modifiers: Qt.KeyboardModifier) -> None:  # noqa: ANN001
    """Press Ctrl+Z (with Shift: redo) and wait for the import's worker."""
    stack = window.workspace.undo_stack
    command = stack.command(stack.index() - 1) if Qt.KeyboardModifier.ShiftModifier not in \
        modifiers else stack.command(stack.index())
    window.activateWindow()  # window shortcuts need the window active (offscreen too)
    window.view.setFocus()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    combined = Qt.KeyboardModifier.ControlModifier
    for modifier in modifiers:
        combined |= modifier
    qtbot.keyClick(window.view, Qt.Key.Key_Z, combined)
    qtbot.waitUntil(lambda: not command.busy, timeout=30_000)
    qtbot.wait(10)  # a refused step puts the stack back on the next turn of the event loop


def test_import_articles_then_undo_and_redo(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window("Lead")
    before = len(window.documents.model.documents())
    _import_articles(qtbot, window, _articles(tmp_path, 3))
    assert len(window.documents.model.documents()) == before + 3
    assert plain(window.menu_actions["undo"].text()) == "&Undo Import 3 articles"
    with window.workspace.store.reader() as session:
        imported = session.execute(select(Document.id, Document.sha256, Document.created_at)
                                   .order_by(Document.id)).all()
    _key(qtbot, window)
    assert len(window.documents.model.documents()) == before
    assert plain(window.menu_actions["redo"].text()) == "&Redo Import 3 articles"
    _key(qtbot, window, Qt.KeyboardModifier.ShiftModifier)
    assert len(window.documents.model.documents()) == before + 3
    with window.workspace.store.reader() as session:
        assert session.execute(select(Document.id, Document.sha256, Document.created_at)
                               .order_by(Document.id)).all() == imported


def test_a_refused_undo_is_shown_and_stays_undoable(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window("Lead")
    _import_articles(qtbot, window, _articles(tmp_path, 2))
    new = {d.uuid for d in window.documents.model.documents()}
    with window.workspace.store.transaction() as session:
        document = session.scalars(select(Document.id).order_by(Document.position.desc())).first()
        create_annotation(session, document_id=document, coder_id=window.workspace.coders[0].uuid,
                          code_id=next(iter(window.workspace.codes)).uuid, start=0, end=3)
    _key(qtbot, window)
    message = window.statusBar().currentMessage()
    assert plain(message) == ("Import 2 articles could not be undone: an annotation made since "
                              "the import refers to an imported document; remove it first")
    assert {d.uuid for d in window.documents.model.documents()} == new
    stack = window.workspace.undo_stack
    assert stack.canUndo() and not stack.canRedo()  # the stack is where the data is
    assert plain(window.menu_actions["undo"].text()) == "&Undo Import 2 articles"


@pytest.fixture(scope="module")
def exported_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("import_undo_window")
    build_demo_project(folder / "coded.fannot", with_coding=True)
    out = folder / "demo.jsonl"
    assert main(["export", str(folder / "coded.fannot"), "--format", "jsonl", str(out)]) == 0
    return out


def _import_annotations(qtbot, window, path: Path) -> None:  # noqa: ANN001
    window.menu_actions["import_annotations"].trigger()
    dialog = window.annotation_import_dialog
    dialog.set_path(path)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.importing and not dialog.runner.busy, timeout=30_000)
    dialog.close()


def _menu_shot(qtbot, window, name: str) -> None:  # noqa: ANN001
    menu = window.menuBar().actions()[1].menu()
    window.resize(900, 600)
    menu.popup(window.mapToGlobal(QPoint(40, 30)))
    qtbot.waitExposed(menu)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert menu.grab().save(str(ARTIFACTS / name))
    menu.close()


def test_import_annotations_then_undo_and_redo(qtbot, open_window,  # noqa: ANN001
                                               exported_jsonl: Path) -> None:
    window = open_window("Lead")
    _import_annotations(qtbot, window, exported_jsonl)
    assert _count(window, Annotation) == 149
    assert plain(window.menu_actions["undo"].text()) == "&Undo Import 149 annotations"
    _menu_shot(qtbot, window, "import-undo-menu.png")
    _key(qtbot, window)
    assert _count(window, Annotation) == 0 and _count(window, Tombstone) >= 149
    _key(qtbot, window, Qt.KeyboardModifier.ShiftModifier)
    assert _count(window, Annotation) == 149 and _count(window, Tombstone) == 0


def test_the_edit_menu_in_arabic(qtbot, open_window, exported_jsonl: Path) -> None:  # noqa: ANN001
    from annotator.ui import i18n

    assert i18n.install_language("ar")
    try:
        window = open_window("Lead")
        _import_annotations(qtbot, window, exported_jsonl)
        text = plain(window.menu_actions["undo"].text())
        assert "149" in text and "Import" not in text, text
        _menu_shot(qtbot, window, "import-undo-menu-ar.png")
    finally:
        i18n.install_language("en", QApplication.instance())


def test_cancel_stops_an_undo_with_nothing_changed(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    import threading

    from annotator.ui.lead.import_command import run_step

    window = open_window("Lead")
    _import_articles(qtbot, window, _articles(tmp_path, 2))
    command = _command(window)
    stop, steps = threading.Event(), []
    stop.set()  # Cancel pressed before the first step
    outcome = run_step(window.workspace.project_path, command.record, stop, steps.append)
    assert outcome == ("cancelled", None) and steps == [(0, 3)]
    assert len(window.documents.model.documents()) == 5 and _count(window, Document) == 5


def test_the_progress_dialog_of_a_long_undo(qtbot, open_window, tmp_path: Path,  # noqa: ANN001
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from annotator.ui.lead import import_command

    window = open_window("Lead")
    _import_articles(qtbot, window, _articles(tmp_path, 3))
    release, real = threading.Event(), import_command.run_step

    def slow(project, payload, stop, report):  # noqa: ANN001, ANN202
        report((1, 3))
        release.wait(20)
        return real(project, payload, stop, report)

    monkeypatch.setattr(import_command, "run_step", slow)
    command = _command(window)
    window.menu_actions["undo"].trigger()
    qtbot.waitUntil(lambda: command.progress is not None and command.progress.value() == 1,
                    timeout=5000)
    dialog = command.progress
    assert dialog.isVisible() and dialog.labelText() == "Undoing: Import 3 articles…"
    assert QApplication.activeModalWidget() is dialog  # no other undo while it runs
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(ARTIFACTS / "import-undo-progress.png"))
    release.set()
    qtbot.waitUntil(lambda: not command.busy, timeout=30_000)
    assert len(window.documents.model.documents()) == 3
