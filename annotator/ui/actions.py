"""The window's actions and menus: every frequent step has a key, and the Help sheet lists them all.

Arrow keys follow the text's direction: in Arabic the end of a span is its left edge, so Alt+Left
moves the left edge (the end) further left, and Alt+Shift+Right moves the right edge (the start).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.domain import AssignmentStatus, CodeKind, Role
from annotator.ui.codebook_editor import install_codebook_menu
from annotator.ui.codes import kind_title
from annotator.ui.coders_dialog import install_coder_actions
from annotator.ui.coding import END, START
from annotator.ui.models.codebook import swatch
from annotator.ui.packages import package_actions
from annotator.ui.shortcuts_sheet import KEY_LABEL

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

Keys = str | QKeySequence.StandardKey | list[str | QKeySequence.StandardKey]


@dataclass
class WindowActions:
    """Named handles on the actions tests and menus need."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    codes: dict[str, QAction] = field(default_factory=dict)
    layers: QMenu | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]


def make_action(parent: QWidget, text: str, keys: Keys | None, slot: Callable[..., object],
                *, checkable: bool = False, tip: str = "") -> QAction:
    """An action; a checkable one calls ``slot(checked)``, others ``slot()``."""
    action = QAction(text, parent)
    if keys is not None:
        sequences = keys if isinstance(keys, list) else [keys]
        action.setShortcuts([QKeySequence(k) for k in sequences])
    action.setCheckable(checkable)
    action.setStatusTip(tip)
    if checkable:
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    return action


def install_actions(window: MainWindow) -> WindowActions:
    actions = WindowActions()
    menu_bar = window.menuBar()
    _file_menu(window, menu_bar.addMenu("&File"), actions)
    _edit_menu(window, menu_bar.addMenu("&Edit"), actions)
    _code_menu(window, menu_bar.addMenu("&Code"), actions)
    install_codebook_menu(window, menu_bar.addMenu(window.tr("Code&book")), actions)
    _document_menu(window, menu_bar.addMenu("&Document"), actions)
    _view_menu(window, menu_bar.addMenu("&View"), actions)
    _project_menu(window, menu_bar.addMenu("&Project"), actions)
    _help_menu(window, menu_bar.addMenu("&Help"), actions)
    _fill_toolbar(window, actions)
    return actions


def _add(window: MainWindow, menu: QMenu, actions: WindowActions, name: str, text: str,
         keys: Keys | None, slot: Callable[..., object], *, local: bool = False,
         checkable: bool = False) -> QAction:
    """Add an action; ``local`` ones work only while the text or the annotation table has focus."""
    action = make_action(window, text, keys, slot, checkable=checkable)
    if local:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.view.addAction(action)
        window.annotation_table.addAction(action)
    else:
        window.addAction(action)
    menu.addAction(action)
    actions.by_name[name] = action
    return action


def _file_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    from annotator.ui.lead.entry import may_import, new_project_from, open_import_for

    tr = QCoreApplication.translate
    _add(window, menu, actions, "new_project", tr("WindowActions", "&New project…"), QKeySequence.StandardKey.New,
         lambda: new_project_from(window))
    _add(window, menu, actions, "open", "&Open project…", QKeySequence.StandardKey.Open,
         window.choose_project)
    _add(window, menu, actions, "import_articles", tr("WindowActions", "&Import articles…"), "Ctrl+I",
         lambda: open_import_for(window)).setEnabled(may_import(window))
    export = _add(window, menu, actions, "export", "&Export…", "Ctrl+E",
                  lambda: open_export_for(window))
    export.setEnabled(window.workspace.project_path is not None)
    for name, text, slot, enabled in package_actions(window):
        _add(window, menu, actions, name, text, None, slot).setEnabled(enabled)
    menu.addSeparator()
    _add(window, menu, actions, "quit", "&Quit", "Ctrl+Q", window.close)


def _edit_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    stack = window.workspace.undo_stack
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcuts([QKeySequence("Ctrl+Z")])
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        window.addAction(action)
        menu.addAction(action)
        actions.by_name[name] = action
    menu.addSeparator()
    _add(window, menu, actions, "find", "&Find in document and corpus", "Ctrl+F",
         window.focus_search)
    _add(window, menu, actions, "find_next", "Find &next", "F3", lambda: window.step_hit(1))
    _add(window, menu, actions, "find_previous", "Find p&revious", "Shift+F3",
         lambda: window.step_hit(-1))


def _code_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    apply_menu = menu.addMenu("&Apply code")
    apply_menu.setObjectName("applyCodeMenu")  # rebuilt when the codebook changes
    _apply_menu(window, apply_menu, actions)
    _add(window, menu, actions, "delete", "&Delete annotation", "Del", window.delete_annotations,
         local=True)
    _add(window, menu, actions, "next_annotation", "Ne&xt annotation", "Alt+Down",
         lambda: window.step_annotation(1))
    _add(window, menu, actions, "previous_annotation", "Pre&vious annotation", "Alt+Up",
         lambda: window.step_annotation(-1))
    _add(window, menu, actions, "clear", "Clear selection / cancel", "Esc", window.clear_selection,
         local=True)
    _boundary_menu(window, menu.addMenu("&Boundaries"), actions)
    menu.addSeparator()
    _add(window, menu, actions, "link", "&Link to… (then click)", "Ctrl+L", window.linking.start)
    _add(window, menu, actions, "link_list", "Link to (choose from a list)…", "Ctrl+Shift+L",
         window.link_from_list)
    _add(window, menu, actions, "attributes", "Edit a&ttributes", "F2", window.focus_attributes)
    _add(window, menu, actions, "memo", "Edit annotation &memo", "Ctrl+M",
         window.focus_memo)


def _apply_menu(window: MainWindow, apply_menu: QMenu, actions: WindowActions) -> None:
    """Every code under its kind, with its key: the keys work anywhere in the window."""
    for kind in CodeKind:
        submenu = apply_menu.addMenu(kind_title(kind))
        for code in window.workspace.codes:
            if code.kind is not kind:
                continue
            depth = code.path.count("/") - 1
            action = make_action(window, f"{'    ' * depth}{code.name_en} — {code.name_ar}",
                                 code.shortcut or None, lambda c=code: window.apply_code(c))
            action.setIcon(swatch(code.colour))
            action.setProperty(KEY_LABEL, code.shortcut)  # the sheet shows it as the codebook does
            window.addAction(action)
            submenu.addAction(action)
            actions.codes[code.uuid] = action


def _boundary_menu(window: MainWindow, edges: QMenu, actions: WindowActions) -> None:
    move = window.coding.move_edge
    for name, text, keys, edge, step, word in (
        ("end_later", "End: one character later (left edge ←)", "Alt+Left", END, 1, False),
        ("end_earlier", "End: one character earlier (left edge →)", "Alt+Right", END, -1, False),
        ("start_earlier", "Start: one character earlier (right edge →)", "Alt+Shift+Right", START, -1, False),
        ("start_later", "Start: one character later (right edge ←)", "Alt+Shift+Left", START, 1, False),
        ("end_later_word", "End: one word later", "Ctrl+Alt+Left", END, 1, True),
        ("end_earlier_word", "End: one word earlier", "Ctrl+Alt+Right", END, -1, True),
        ("start_earlier_word", "Start: one word earlier", "Ctrl+Alt+Shift+Right", START, -1, True),
        ("start_later_word", "Start: one word later", "Ctrl+Alt+Shift+Left", START, 1, True),
    ):  # fmt: skip
        _add(window, edges, actions, name, text, keys,
             lambda e=edge, s=step, w=word: move(e, s, w), local=True)


def _document_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    _add(window, menu, actions, "mark_done", "Mark &done", "Ctrl+D",
         lambda: window.set_status(AssignmentStatus.DONE))
    _add(window, menu, actions, "mark_in_progress", "Mark &in progress", "Ctrl+Shift+D",
         lambda: window.set_status(AssignmentStatus.IN_PROGRESS))
    _add(window, menu, actions, "mark_todo", "Mark &to do", None,
         lambda: window.set_status(AssignmentStatus.TODO))
    _add(window, menu, actions, "done_and_next", "Mark done and open &next unfinished",
         "Ctrl+Return", window.done_and_next)
    menu.addSeparator()
    _add(window, menu, actions, "next_unfinished", "Next &unfinished document", "Ctrl+PgDown",
         lambda: window.step_unfinished(1))
    _add(window, menu, actions, "previous_unfinished", "Pre&vious unfinished document",
         "Ctrl+PgUp", lambda: window.step_unfinished(-1))
    _add(window, menu, actions, "document_memo", "Edit document &memo", "Ctrl+Shift+M",
         lambda: window.focus_memo(document=True))


def _view_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    _add(window, menu, actions, "zoom_in", "Zoom &in", ["Ctrl+=", "Ctrl++"], lambda: window.zoom(1))
    _add(window, menu, actions, "zoom_out", "Zoom &out", "Ctrl+-", lambda: window.zoom(-1))
    _add(window, menu, actions, "zoom_reset", "&Reset zoom", "Ctrl+0", lambda: window.zoom(0))
    menu.addSeparator()
    snap = _add(window, menu, actions, "snap", "&Snap selections to whole words", None,
                window.snap_changed, checkable=True)
    snap.blockSignals(True)
    snap.setChecked(window.settings_snap())
    snap.blockSignals(False)
    actions.layers = menu.addMenu("Other coders' &layers (read-only)")
    for coder in window.workspace.other_coders():
        action = make_action(window, coder.name, None,
                             lambda on, c=coder.uuid: window.workspace.set_layer_shown(c, on),
                             checkable=True)
        action.setIcon(swatch(window.workspace.coder_colour(coder.uuid)))
        actions.layers.addAction(action)
    actions.layers.setEnabled(window.workspace.may_view_others)
    menu.addSeparator()
    focus = menu.addMenu("&Go to panel")
    for name, text, keys, target in (
        ("focus_documents", "Documents", "Ctrl+1", lambda: window.documents.view.setFocus()),
        ("focus_text", "Text", "Ctrl+2", lambda: window.view.setFocus()),
        ("focus_codebook", "Codebook", "Ctrl+3", lambda: window.codebook_view.setFocus()),
        ("focus_annotations", "Annotations", "Ctrl+4", lambda: window.annotation_table.setFocus()),
    ):
        _add(window, focus, actions, name, text, keys, target)
    panels = menu.addMenu("&Panels")
    for dock in window.docks():
        panels.addAction(dock.toggleViewAction())
    _language_menu(window, menu.addMenu("&Language"), actions)


def _language_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    """One entry per interface language, each named in itself; choosing one rebuilds the window."""
    from annotator.ui.app import switch_language
    from annotator.ui.i18n import LANGUAGES

    current = QCoreApplication.instance().property("annotatorLanguage") or "en"
    group = QActionGroup(menu)
    for code, name in LANGUAGES.items():
        action = make_action(window, name, None,
                             lambda on, c=code: on and c != current and switch_language(window, c),
                             checkable=True)
        action.setChecked(code == current)
        group.addAction(action)
        menu.addAction(action)
        actions.by_name[f"language_{code}"] = action


def _project_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    agreement = _add(window, menu, actions, "agreement", "Inter-coder &agreement…",
                     "Ctrl+Shift+A", lambda: open_agreement_for(window))
    # Blind coding: agreement figures reveal how others coded, so only a lead may open them.
    agreement.setEnabled(window.workspace.coder.role is Role.LEAD and
                         window.workspace.project_path is not None)
    review = _add(window, menu, actions, "review", "&Review and adjudicate…",
                  "Ctrl+Shift+R", lambda: open_review_for(window))
    review.setEnabled(agreement.isEnabled())  # the same blind-coding rule
    _round_menu(window, menu, actions)
    install_coder_actions(window, menu, actions)


def _round_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    """The progress matrix and the Assign dialog, for leads only."""
    from annotator.ui.progress import open_assign_dialog, open_progress_window

    lead = window.workspace.coder.role is Role.LEAD
    for name, text, slot in (("progress", "&Progress matrix…", open_progress_window),
                             ("assign", "A&ssign documents…", open_assign_dialog)):
        _add(window, menu, actions, name, text, None,
             lambda _=False, open_=slot: open_(window)).setEnabled(lead)


def open_review_for(window: MainWindow) -> QWidget | None:
    """Open (or raise) the review window on the document open in the main window."""
    from annotator.ui.review import open_review_window

    path = window.workspace.project_path
    if path is None or window.workspace.coder.role is not Role.LEAD:
        return None
    existing = getattr(window, "review_window", None)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    state = getattr(window, "state", None)
    window.review_window = open_review_window(path, document_id=state and state.document_id,
                                              lead=window.workspace.coder)
    return window.review_window


def open_agreement_for(window: MainWindow) -> QWidget | None:
    """Open (or raise) the Agreement window of the window's project, computed in a worker."""
    from annotator.ui.agreement import open_agreement_window

    path = window.workspace.project_path
    if path is None or window.workspace.coder.role is not Role.LEAD:
        return None
    existing = getattr(window, "agreement_window", None)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    window.agreement_window = open_agreement_window(path)
    return window.agreement_window


def open_export_for(window: MainWindow) -> QWidget | None:
    """File → Export…: a lead exports any coders, a coder only their own coding."""
    from annotator.ui.export_dialog import open_export_dialog

    path = window.workspace.project_path
    if path is None:
        return None
    coder = window.workspace.coder
    window.export_dialog = open_export_dialog(
        path, None if coder.role is Role.LEAD else coder.name, window)
    return window.export_dialog


def _help_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    _add(window, menu, actions, "shortcuts", "Keyboard &shortcuts", ["F1", "Ctrl+/"],
         window.show_shortcuts)


TOOLBAR = (("previous_unfinished", "◀ Previous"), ("mark_done", "✓ Done"),
           ("next_unfinished", "Next ▶"), (None, ""), ("link", "Link…"), (None, ""),
           ("undo", ""), ("redo", ""))


def _fill_toolbar(window: MainWindow, actions: WindowActions) -> None:
    """The frequent steps before the search field; short labels, the keys in the tooltips."""
    for name, label in TOOLBAR:
        if name is None:
            window.toolbar.insertSeparator(window.toolbar_spacer)
            continue
        action = actions[name]
        if not label:  # undo and redo show what they will undo
            window.toolbar.insertAction(window.toolbar_spacer, action)
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button = QAction(label, window)
        button.setToolTip(f"{action.text().replace('&', '')} ({keys})")
        button.triggered.connect(action.trigger)
        window.toolbar.insertAction(window.toolbar_spacer, button)
