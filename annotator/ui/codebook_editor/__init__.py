"""The codebook editor and the Codebook menu of the main window.

``install_codebook_menu`` adds Edit / Import / Export; after every committed edit the main window
reloads its codes (catalog, codebook tree, Apply code menu and keys, highlight colours).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTreeView

from annotator.domain import Role
from annotator.errors import AnnotatorError
from annotator.ui.codebook_editor import transfer
from annotator.ui.codebook_editor.window import CodebookEditor
from annotator.ui.codes import CodeCatalog
from annotator.ui.models.codebook import CodebookModel

if TYPE_CHECKING:
    from annotator.ui.actions import WindowActions
    from annotator.ui.main_window import MainWindow

__all__ = ["CodebookEditor", "install_codebook_menu", "open_codebook_editor"]  # i18n: not shown
translate = QCoreApplication.translate


def install_codebook_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    editable = not read_only_reason(window)
    for name, text, keys, slot, enabled in (
        ("edit_codebook", translate("CodebookMenu", "&Edit codebook…"),
         "Ctrl+Shift+K",  # i18n: not shown
         lambda: open_codebook_editor(window), True),
        ("import_codebook", translate(
            "CodebookMenu", "&Import codebook (JSON or REFI-QDA .qdc)…"), None,
         lambda: import_codebook(window), editable),
        ("export_codebook", translate(
            "CodebookMenu", "E&xport codebook (JSON or REFI-QDA .qdc)…"), None,
         lambda: export_codebook(window), True),
    ):
        action = QAction(text, window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False, s=slot: s())
        action.setEnabled(enabled)
        window.addAction(action)
        menu.addAction(action)
        actions.by_name[name] = action


def read_only_reason(window: MainWindow) -> str:
    """Why this window may not change the codebook ("" when it may)."""
    ws = window.workspace
    if ws.package is not None:
        return translate(
            "CodebookMenu", "A coder package: the codebook belongs to the lead's project "
            "(read-only).")
    if ws.store.read_only:
        return translate("CodebookMenu", "The project file is read-only.")
    if ws.coder.role is not Role.LEAD:
        return translate(
            "CodebookMenu", "Only a project lead can change the codebook (read-only).")
    return ""


def reserved_keys(window: MainWindow) -> dict[str, str]:
    """Keys of the window's own commands (not the codes'): a code may not take them."""
    codes = set(window.menu_actions.codes.values())
    keys: dict[str, str] = {}
    for action in window.findChildren(QAction):
        if action in codes:
            continue
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                keys.setdefault(text, action.text().replace("&", ""))
    return keys


def open_codebook_editor(window: MainWindow) -> CodebookEditor:
    """Open (or raise) the editor of the window's project."""
    editor: CodebookEditor | None = getattr(window, "codebook_editor", None)
    if editor is None:
        reason = read_only_reason(window)
        editor = CodebookEditor(window.workspace.store, editable=not reason, reason=reason,
                                reserved=reserved_keys(window), parent=window)
        editor.changed.connect(lambda: reload_codebook(window))
        window.codebook_editor = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def import_codebook(window: MainWindow, path: Path | None = None) -> bool:
    editor = open_codebook_editor(window)
    path = path or transfer.choose_import_file(window)
    return bool(path) and transfer.import_file(editor, path)  # type: ignore[arg-type]


def export_codebook(window: MainWindow, path: Path | None = None) -> bool:
    path = path or transfer.choose_export_file(window)
    if path is None:
        return False
    try:
        line = transfer.export_file(window.workspace.store, path)
    except (AnnotatorError, OSError) as error:
        window.statusBar().showMessage(translate(
            "CodebookMenu", "The codebook was not exported: {reason}").format(reason=error), 10_000)
        return False
    window.statusBar().showMessage(line, 10_000)
    return True


def reload_codebook(window: MainWindow) -> None:
    """The codebook changed: new catalog, tree, Apply code menu and keys; repaint the text."""
    from annotator.ui.actions import _apply_menu

    ws = window.workspace
    with ws.store.reader() as session:
        ws.codes = CodeCatalog.load(session)
    tree: QTreeView = window.codebook_view
    old = tree.model()
    tree.setModel(CodebookModel(ws.codes, tree))
    tree.expandAll()
    if old is not None:
        old.deleteLater()
    menu = window.findChild(QMenu, "applyCodeMenu")
    for action in window.menu_actions.codes.values():
        window.removeAction(action)
        action.deleteLater()
    window.menu_actions.codes.clear()
    if menu is not None:
        for submenu in menu.findChildren(QMenu):
            submenu.deleteLater()
        menu.clear()
        _apply_menu(window, menu, window.menu_actions)
    window.questions_panel.reload_questions()
    if window.document_id is not None:
        current = window.coding.current
        window.open_document(window.document_id, force=True, then=lambda: window.select_annotation(
            current if window.state and current in window.state else None, reveal=False))
