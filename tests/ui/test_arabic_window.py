"""The main window in the Arabic interface: mirrored, every menu and action translated.

Saves tests/artifacts/main-window-ar.png, code-menu-ar.png and shortcuts-sheet-ar.png. The catalogue is built from
the sources into a temporary folder, so a stale cache or shipped .qm cannot hide an edit.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from annotator.bidi import FSI, PDI
from annotator.domain import CodeKind
from annotator.ui.shortcuts_sheet import ShortcutsDialog, shortcut_rows

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
KEY_NAMES = {"Ctrl", "Shift", "Alt", "Meta", "Del", "Esc", "Return", "PgDown", "PgUp", "Left",
             "Right", "Down", "Home", "End", "Arrows"}
FORMAT_NAMES = {"JSON", "REFI", "QDA", "qdc", "CSV", "XLSX"}
OTHER_AREA_ACTIONS = {"export_packages", "merge_packages", "hand_back"}
"""File-menu entries made by annotator/ui/packages.py (area ``project``, translated there)."""



def _texts(menu: QMenu, skip: set[int]) -> list[str]:
    """The text of every entry of ``menu`` and its submenus (the skipped actions left out)."""
    found = []
    for action in menu.actions():
        if action.isSeparator() or id(action) in skip:
            continue
        found.append(action.text())
        if isinstance(action.menu(), QMenu):
            found.extend(_texts(action.menu(), skip))
    return found


def _data_words(window) -> set[str]:  # noqa: ANN001
    """Names that are data, not interface: codes, coders, the project, languages, kinds."""
    names = [code.name_en for code in window.workspace.codes]
    names += [c.name for c in window.workspace.other_coders()] + [window.workspace.coder.name]
    names += [window.workspace.project_name, "English"] + [kind.label for kind in CodeKind]
    return {word for name in names for word in LATIN_WORD.findall(name)} | KEY_NAMES | (
        FORMAT_NAMES)


def test_the_main_window_in_arabic(qtbot, open_window, arabic) -> None:  # noqa: ANN001
    window = open_window("Lead")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    bar = window.menuBar()
    titles = [action.text() for action in bar.actions()]
    assert titles == ["ملف", "تحرير", "رمز", "دليل الترميز", "وثيقة", "عرض", "مشروع", "مساعدة"]
    skip = {id(window.menu_actions[name]) for name in OTHER_AREA_ACTIONS
            if name in window.menu_actions.by_name}
    texts = [text for top in bar.actions() for text in _texts(top.menu(), skip)]
    assert len(texts) > 60
    allowed = _data_words(window)
    latin = [text for text in texts
             if set(LATIN_WORD.findall(text.replace(FSI, "").replace(PDI, ""))) - allowed]
    assert not latin, latin
    # code names are data: the Arabic name first in the Arabic interface
    factual = next(c for c in window.workspace.codes if c.name_en == "Factual")
    assert window.menu_actions.codes[factual.uuid].text().strip() == f"{factual.name_ar} — Factual"
    assert window.documents_dock.windowTitle() == "الوثائق"
    assert window.progress_label.text().strip().startswith("المُنجَزة")
    assert window.coder_label.text().strip() == f"{FSI}Lead{PDI} (المشرف)"
    window.resize(1440, 900)
    qtbot.wait(100)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "main-window-ar.png"))
    code_menu = bar.actions()[2].menu()
    code_menu.popup(window.mapToGlobal(window.rect().topRight()))
    qtbot.waitExposed(code_menu)
    assert code_menu.grab().save(str(ARTIFACTS / "code-menu-ar.png"))
    code_menu.close()


def test_the_shortcut_sheet_in_arabic(qtbot, open_window, arabic) -> None:  # noqa: ANN001
    window = open_window("Lead")
    rows = {text.replace(FSI, "").replace(PDI, ""): keys
            for _, group in shortcut_rows(window.menuBar()) for text, keys in group}
    done = next(keys for text, keys in rows.items() if text == "وضع علامة «مُنجَزة»")
    assert done == f"{FSI}Ctrl+D{PDI}"  # the key keeps its order inside the mirrored cell
    zoom = rows["تكبير"]
    assert zoom == f"{FSI}Ctrl+={PDI} أو {FSI}Ctrl++{PDI}"
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "اختصارات لوحة المفاتيح"
    assert dialog.tree.headerItem().text(1) == "المفاتيح"
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(ARTIFACTS / "shortcuts-sheet-ar.png"))
