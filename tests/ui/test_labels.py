"""Labels that mix Arabic and English: the shortcut sheet and the undo texts (issue 12)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption

from annotator.bidi import FSI, PDI, isolate_quoted
from annotator.ui.shortcuts_sheet import ShortcutsDialog, shortcut_rows

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


def _plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def test_shortcut_sheet_wraps_names_and_shows_keys_as_the_codebook(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    codes = {code.uuid: code for code in window.workspace.codes}
    label = next(c for c in codes.values() if c.path == "Framing device/Label")
    assert label.shortcut == "l"
    rows = {_plain(text): keys for _, group in shortcut_rows(window.menuBar()) for text, keys in group}
    row = next(text for text in rows if text.endswith(f"{label.name_en} — {label.name_ar}"))
    assert rows[row] == "l"  # as the codebook writes it, not "L"
    dialog = ShortcutsDialog(window.menuBar(), window)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    assert tree.textElideMode() == Qt.TextElideMode.ElideNone
    code_group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                      if tree.topLevelItem(i).text(0) == "Code")
    for i in range(code_group.childCount()):  # every name whole, within the dialog
        item = code_group.child(i)
        needed = tree.fontMetrics().horizontalAdvance(item.text(0)) + tree.indentation()
        assert needed <= tree.columnWidth(0), item.text(0)
    assert tree.columnWidth(0) + tree.columnWidth(1) <= tree.viewport().width() + 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "shortcut_sheet.png"))
    dialog.close()


def _x_of(text: str, piece: str) -> float:
    """Where ``piece`` starts on screen in a left-to-right line of ``text``."""
    layout = QTextLayout(text)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    index = text.index(piece)
    return min(line.cursorToX(index)[0], line.cursorToX(index + len(piece))[0])


def test_undo_label_keeps_a_number_at_the_start_of_an_arabic_title(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    title = "99 قتيلا في حلب"
    from annotator.domain import AssignmentStatus
    from annotator.ui.commands import SetStatus

    command = SetStatus(window.workspace, window.document_id, AssignmentStatus.IN_PROGRESS, title)
    assert window.workspace.execute(command)
    text = window.menu_actions["undo"].text()
    assert f"‘{FSI}{title}{PDI}’" in text
    # drawn left to right, the Arabic title still reads from the right: 99 at its right end
    assert _x_of(text, "99") > _x_of(text, "حلب")
    assert isolate_quoted(text) == text  # isolating twice changes nothing
