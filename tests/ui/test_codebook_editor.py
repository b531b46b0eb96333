"""Codebook → Edit codebook…, driven by keys and by its methods; every edit undone and redone.

Saves tests/artifacts/codebook-editor.png (framing-core) for a human look."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from annotator.db.models import Annotation, AttributeValue
from annotator.db.services.codebook import code_ids_by_path
from annotator.db.services.codebook_labels import choice_labels
from annotator.db.services.demo import build_demo_project
from annotator.ui.codebook_editor import export_codebook, import_codebook, open_codebook_editor

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture
def coded_demo(tmp_path: Path) -> Path:
    path = tmp_path / "coded.fannot"
    build_demo_project(path, with_coding=True)
    return path


def _code_id(editor, path: str) -> str:  # noqa: ANN001
    with editor.store.reader() as session:
        return code_ids_by_path(session)[path.casefold()]


def _active(qtbot, window):  # noqa: ANN001, ANN202 - keys reach the active window only
    editor = open_codebook_editor(window)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    return editor


def _names(editor) -> list[str]:  # noqa: ANN001
    return [c.name_en for c in editor.codes.values()]


def test_add_rename_and_undo_redo_by_keys(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = _active(qtbot, window)
    editor.select(_code_id(editor, "Claim/Predictive"))
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    new_id = editor.current_code_id()
    assert editor.codes[new_id].name_en == "New code" and editor.codes[new_id].name_ar == "رمز جديد"
    assert editor.form.name_en.hasFocus()  # ready to type the name
    editor.form.name_en.setText("Moral")
    editor.form.name_ar.setText("أخلاقي")
    assert editor.commit_form()
    assert (editor.codes[new_id].name_en, editor.codes[new_id].name_ar) == ("Moral", "أخلاقي")
    assert any(c.path == "Claim/Moral" for c in window.workspace.codes)  # the window follows
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.codes[new_id].name_en == "New code"
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert new_id not in editor.codes
    assert not any(c.uuid == new_id for c in window.workspace.codes)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, redo)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, redo)
    assert editor.codes[new_id].name_en == "Moral"


def test_a_key_in_use_is_refused_and_a_free_one_reaches_the_window(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = open_codebook_editor(window)
    factual = _code_id(editor, "Claim/Factual")
    editor.select(factual)
    assert not editor.edit_fields(shortcut="M")
    assert "already used by Framing device/Metaphor" in editor.message.text()
    assert editor.form.shortcut.text() == "1"  # the form shows the stored key again
    assert not editor.edit_fields(shortcut="Ctrl+F")
    assert "the app's key for 'Find in document and corpus'" in editor.message.text()
    editor.form.shortcut.setText("F7")
    assert editor.commit_form()
    assert window.menu_actions.codes[factual].shortcut().toString() == "F7"
    editor.undo_stack.undo()
    assert window.menu_actions.codes[factual].shortcut().toString() == "1"
    editor.undo_stack.redo()
    assert editor.codes[factual].shortcut == "F7"


def test_colour_examples_and_moves_with_undo(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = _active(qtbot, window)
    evaluative = _code_id(editor, "Claim/Evaluative")
    editor.select(evaluative)
    editor.form.pick_colour("#AA3377")
    assert editor.codes[evaluative].colour == "#aa3377"
    editor.form.examples.setPlainText("مثال أول\n\nمثال ثان")
    assert editor.commit_form()
    assert editor.codes[evaluative].examples == ["مثال أول", "مثال ثان"]
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert _names(editor)[:2] == ["Evaluative", "Factual"]
    qtbot.keyClick(editor.tree, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_code_id() == evaluative  # first among siblings: cannot go in
    editor.move_step(1)
    assert editor.indent()  # under Factual now
    assert editor.parents[evaluative] == _code_id(editor, "Claim/Factual")
    assert any(c.path == "Claim/Factual/Evaluative" for c in window.workspace.codes)
    assert editor.outdent()
    assert editor.parents[evaluative] is None
    for _ in range(3):
        editor.undo_stack.undo()
    assert _names(editor)[:2] == ["Evaluative", "Factual"]
    while editor.undo_stack.canUndo():
        editor.undo_stack.undo()
    assert editor.codes[evaluative].colour != "#aa3377" and not editor.codes[evaluative].examples[0].startswith("مثال أول")


def test_an_attribute_with_labelled_choices(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = open_codebook_editor(window)
    metaphor = _code_id(editor, "Framing device/Metaphor")
    editor.select(metaphor)
    dialog = editor.open_attribute_dialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Domain")
    dialog.append_choice("war", "War", "حرب")
    dialog.submit()
    assert "at least two" in dialog.error.text() and dialog.isVisible()
    dialog.append_choice("disease", "Disease", "مرض")
    dialog.submit()
    assert not dialog.isVisible()
    attribute = editor.codes[metaphor].attributes[0]
    assert (attribute.name, attribute.choices) == ("Domain", ["war", "disease"])
    with editor.store.reader() as session:
        assert choice_labels(session, attribute.uuid) == {"war": ("War", "حرب"),
                                                          "disease": ("Disease", "مرض")}
    code = next(c for c in window.workspace.codes if c.uuid == metaphor)
    assert [a.name for a in code.attributes] == ["Domain"]  # the attribute panel sees it
    combo = window.attribute_editor._make_editor(code.attributes[0])
    assert (combo.itemText(1), combo.itemData(1)) == ("War — حرب", "war")  # labels shown, value kept
    edit = editor.open_attribute_dialog(attribute.uuid)
    qtbot.addWidget(edit)
    assert edit.choices.item(1, 2).text() == "مرض"
    edit.choices.item(1, 1).setText("Illness")
    edit.submit()
    with editor.store.reader() as session:
        assert choice_labels(session, attribute.uuid)["disease"] == ("Illness", "مرض")
    editor.undo_stack.undo()
    with editor.store.reader() as session:
        assert choice_labels(session, attribute.uuid)["disease"] == ("Disease", "مرض")
    editor.undo_stack.undo()
    assert editor.codes[metaphor].attributes == []
    editor.undo_stack.redo()
    assert editor.codes[metaphor].attributes[0].uuid == attribute.uuid


def test_deleting_a_code_in_use_offers_a_merge_that_undo_reverses(
        qtbot, open_window, coded_demo: Path) -> None:  # noqa: ANN001
    window = open_window("Lead", path=coded_demo)
    editor = _active(qtbot, window)
    factual, evaluative = _code_id(editor, "Claim/Factual"), _code_id(editor, "Claim/Evaluative")
    with editor.store.reader() as session:
        used = session.scalar(select(func.count()).select_from(Annotation)
                              .where(Annotation.code_id == factual))
        values = session.scalar(select(func.count()).select_from(AttributeValue))
    assert used > 0
    asked = []
    editor.ask_merge = lambda name, count, targets: asked.append((name, count, targets)) or None
    editor.select(factual)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete)
    assert asked[0][:2] == ("Factual", used)  # says how many annotations it holds
    assert evaluative in [t for t, _ in asked[0][2]] and factual in editor.codes  # cancelled
    editor.ask_merge = lambda name, count, targets: evaluative
    assert editor.delete_selected()
    assert factual not in editor.codes and editor.current_code_id() == evaluative
    with editor.store.reader() as session:
        assert session.scalar(select(func.count()).select_from(Annotation)
                              .where(Annotation.code_id == factual)) == 0
    editor.undo_stack.undo()
    with editor.store.reader() as session:
        assert session.scalar(select(func.count()).select_from(Annotation)
                              .where(Annotation.code_id == factual)) == used
        assert session.scalar(select(func.count()).select_from(AttributeValue)) == values
    assert window.workspace.codes.get(factual) is not None


def test_import_and_export_from_the_menu(qtbot, open_window, tmp_path: Path) -> None:  # noqa: ANN001
    window = open_window("Lead")
    out, qdc = tmp_path / "book.json", tmp_path / "book.qdc"
    assert export_codebook(window, out) and export_codebook(window, qdc)
    assert qdc.read_bytes().startswith(b"<?xml")
    text = out.read_text("utf-8").replace('"Factual"', '"Factual claim"')
    out.write_text(text, encoding="utf-8")
    assert import_codebook(window, out)
    assert any(c.path == "Claim/Factual claim" for c in window.workspace.codes)
    window.codebook_editor.undo_stack.undo()
    assert any(c.path == "Claim/Factual" for c in window.workspace.codes)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert not import_codebook(window, bad)
    assert "bad.json" in window.codebook_editor.message.text()


def test_read_only_for_a_coder(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Layla")
    assert not window.menu_actions["import_codebook"].isEnabled()
    editor = open_codebook_editor(window)
    assert not editor.editable
    assert "Only a project lead" in editor.findChild(type(editor.message), "readOnlyBanner").text()
    editor.select(_code_id(editor, "Claim/Factual"))
    assert not editor.actions_by_name["delete"].isEnabled()
    assert editor.form.name_en.isReadOnly() and not editor.form.colour.isEnabled()
    assert editor.add_code() is None and not editor.delete_selected()


def test_screenshot_of_the_editor_with_framing_core(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window("Lead")
    editor = open_codebook_editor(window)
    editor.select(_code_id(editor, "Source/Cited source"))
    qtbot.waitExposed(editor)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "codebook-editor.png"
    assert editor.grab().save(str(target))
    assert target.stat().st_size > 30_000


def test_screenshots_mirrored_and_of_the_dialogs(qtbot, open_window) -> None:  # noqa: ANN001
    """The editor mirrored as in the Arabic interface, the attribute dialog and the coders dialog."""
    from annotator.ui.coders_dialog import open_coders_dialog

    window = open_window("Lead")
    editor = open_codebook_editor(window)
    editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    editor.select(_code_id(editor, "Framing device/Label"))
    qtbot.waitExposed(editor)
    qtbot.wait(50)  # the direction change reaches every child through the event loop
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert editor.grab().save(str(ARTIFACTS / "codebook-editor-rtl.png"))
    editor.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    dialog = editor.open_attribute_dialog(editor.codes[editor.current_code_id()].attributes[0].uuid)
    qtbot.addWidget(dialog)
    dialog.choices.item(0, 2).setText("نزع الشرعية")
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(ARTIFACTS / "attribute-dialog.png"))
    coders = open_coders_dialog(window)
    qtbot.addWidget(coders)
    qtbot.waitExposed(coders)
    assert coders.grab().save(str(ARTIFACTS / "coders-dialog.png"))


def test_read_only_in_a_coder_package(qtbot, open_window, coded_demo: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from annotator.db.engine import open_project
    from annotator.db.services.packages import export_package

    store = open_project(coded_demo)
    export_package(store, "Layla", tmp_path / "layla.fannot")
    store.close()
    window = open_window(None, path=tmp_path / "layla.fannot")
    editor = open_codebook_editor(window)
    assert not editor.editable and "coder package" in editor.findChild(
        type(editor.message), "readOnlyBanner").text()
    assert not window.menu_actions["import_codebook"].isEnabled()
    assert export_codebook(window, tmp_path / "from-package.json")  # reading is fine


def test_the_merge_dialog_says_how_many_and_offers_the_targets(qtbot) -> None:  # noqa: ANN001
    from annotator.ui.codebook_editor.merge_dialog import MergeDialog

    dialog = MergeDialog("Factual", 12, [("b", "Evaluative — ادعاء تقييمي"), ("c", "Predictive")])
    qtbot.addWidget(dialog)
    assert "hold 12 annotations of" in dialog.findChild(QLabel).text()
    dialog.target.setCurrentIndex(1)
    assert dialog.chosen() == "c" and dialog.merge.isEnabled()
    empty = MergeDialog("Only", 3, [])
    qtbot.addWidget(empty)
    assert not empty.merge.isEnabled() and empty.chosen() is None
