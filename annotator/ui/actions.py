"""The window's actions and menus: every frequent step has a key, and the Help sheet lists them all.

Arrow keys follow the text's direction: in Arabic the end of a span is its left edge, so Alt+Left
moves the left edge (the end) further left, and Alt+Shift+Right moves the right edge (the start).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.domain import AssignmentStatus, CodeKind, Role
from annotator.ui.codebook_editor import install_codebook_menu
from annotator.ui.bidi import isolate
from annotator.ui.codes import code_label, kind_title
from annotator.ui.coders_dialog import install_coder_actions
from annotator.ui.coding import END, START
from annotator.ui.models.codebook import swatch
from annotator.ui.packages import package_actions
from annotator.ui.shortcuts_sheet import KEY_LABEL, key_text

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

Key = QKeySequence  # keys are never translated: a call the scanner of visible strings skips
translate = QCoreApplication.translate
Keys = QKeySequence | QKeySequence.StandardKey | list[QKeySequence | QKeySequence.StandardKey]


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
    bar = window.menuBar()
    _file_menu(window, bar.addMenu(translate("WindowActions", "&File")), actions)
    _edit_menu(window, bar.addMenu(translate("WindowActions", "&Edit")), actions)
    _code_menu(window, bar.addMenu(translate("WindowActions", "&Code")), actions)
    install_codebook_menu(window, bar.addMenu(translate("WindowActions", "Code&book")), actions)
    _document_menu(window, bar.addMenu(translate("WindowActions", "&Document")), actions)
    _view_menu(window, bar.addMenu(translate("WindowActions", "&View")), actions)
    _project_menu(window, bar.addMenu(translate("WindowActions", "&Project")), actions)
    _help_menu(window, bar.addMenu(translate("WindowActions", "&Help")), actions)
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
    from annotator.ui.lead.entry import (may_import, new_project_from, open_annotation_import_for,
                                         open_import_for)

    _add(window, menu, actions, "new_project", translate("WindowActions", "&New project…"),
         QKeySequence.StandardKey.New, lambda: new_project_from(window))
    _add(window, menu, actions, "open", translate("WindowActions", "&Open project…"),
         QKeySequence.StandardKey.Open, window.choose_project)
    _add(window, menu, actions, "import_articles",
         translate("WindowActions", "&Import articles…"), Key("Ctrl+I"), lambda: open_import_for(window)).setEnabled(may_import(window))
    _add(window, menu, actions, "import_annotations", translate("WindowActions", "Import &annotations…"),
         None, lambda: open_annotation_import_for(window)).setEnabled(may_import(window))
    export = _add(window, menu, actions, "export", translate("WindowActions", "&Export…"),
                  Key("Ctrl+E"), lambda: open_export_for(window))
    export.setEnabled(window.workspace.project_path is not None)
    for name, text, slot, enabled in package_actions(window):
        _add(window, menu, actions, name, text, None, slot).setEnabled(enabled)
    menu.addSeparator()
    _add(window, menu, actions, "quit", translate("WindowActions", "&Quit"), Key("Ctrl+Q"),
         window.close)


def _edit_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    stack = window.workspace.undo_stack
    undo = stack.createUndoAction(window, translate("WindowActions", "&Undo"))
    undo.setShortcuts([Key("Ctrl+Z")])
    redo = stack.createRedoAction(window, translate("WindowActions", "&Redo"))
    redo.setShortcuts([Key("Ctrl+Shift+Z"), Key("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        window.addAction(action)
        menu.addAction(action)
        actions.by_name[name] = action
    menu.addSeparator()
    for name, text, keys, slot in (
        ("find", translate("WindowActions", "&Find in document and corpus"), Key("Ctrl+F"),
         window.focus_search),
        ("find_next", translate("WindowActions", "Find &next"), Key("F3"),
         lambda: window.step_hit(1)),
        ("find_previous", translate("WindowActions", "Find p&revious"), Key("Shift+F3"),
         lambda: window.step_hit(-1)),
    ):
        _add(window, menu, actions, name, text, keys, slot)


def _code_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    apply_menu = menu.addMenu(translate("WindowActions", "&Apply code"))
    apply_menu.setObjectName("applyCodeMenu")  # rebuilt when the codebook changes
    _apply_menu(window, apply_menu, actions)
    for name, text, keys, slot, local in (
        ("delete", translate("WindowActions", "&Delete annotation"), Key("Del"),
         window.delete_annotations, True),
        ("next_annotation", translate("WindowActions", "Ne&xt annotation"), Key("Alt+Down"),
         lambda: window.step_annotation(1), False),
        ("previous_annotation", translate("WindowActions", "Pre&vious annotation"),
         Key("Alt+Up"), lambda: window.step_annotation(-1), False),
        ("clear", translate("WindowActions", "Clear selection / cancel"), Key("Esc"),
         window.clear_selection, True),
    ):
        _add(window, menu, actions, name, text, keys, slot, local=local)
    _boundary_menu(window, menu.addMenu(translate("WindowActions", "&Boundaries")), actions)
    menu.addSeparator()
    for name, text, keys, slot in (
        ("link", translate("WindowActions", "&Link to… (then click)"), Key("Ctrl+L"),
         window.linking.start),
        ("link_list", translate("WindowActions", "Link to (choose from a list)…"),
         Key("Ctrl+Shift+L"), window.link_from_list),
        ("attributes", translate("WindowActions", "Edit a&ttributes"), Key("F2"),
         window.focus_attributes),
        ("memo", translate("WindowActions", "Edit annotation &memo"), Key("Ctrl+M"),
         window.focus_memo),
    ):
        _add(window, menu, actions, name, text, keys, slot)


def _apply_menu(window: MainWindow, apply_menu: QMenu, actions: WindowActions) -> None:
    """Every code under its kind, with its key: the keys work anywhere in the window."""
    for kind in CodeKind:
        submenu = apply_menu.addMenu(kind_title(kind))
        for code in window.workspace.codes:
            if code.kind is not kind:
                continue
            depth = code.path.count("/") - 1
            action = make_action(window, "    " * depth + code_label(code),
                                 code.shortcut or None, lambda c=code: window.apply_code(c))
            action.setIcon(swatch(code.colour))
            action.setProperty(KEY_LABEL, code.shortcut)  # the sheet shows it as the codebook does
            window.addAction(action)
            submenu.addAction(action)
            actions.codes[code.uuid] = action


def _boundary_menu(window: MainWindow, edges: QMenu, actions: WindowActions) -> None:
    move = window.coding.move_edge
    for name, text, keys, edge, step, word in (
        ("end_later", translate("WindowActions", "End: one character later (left edge ←)"),
         Key("Alt+Left"), END, 1, False),
        ("end_earlier", translate("WindowActions", "End: one character earlier (left edge →)"),
         Key("Alt+Right"), END, -1, False),
        ("start_earlier",
         translate("WindowActions", "Start: one character earlier (right edge →)"),
         Key("Alt+Shift+Right"), START, -1, False),
        ("start_later", translate("WindowActions", "Start: one character later (right edge ←)"),
         Key("Alt+Shift+Left"), START, 1, False),
        ("end_later_word", translate("WindowActions", "End: one word later"),
         Key("Ctrl+Alt+Left"), END, 1, True),
        ("end_earlier_word", translate("WindowActions", "End: one word earlier"),
         Key("Ctrl+Alt+Right"), END, -1, True),
        ("start_earlier_word", translate("WindowActions", "Start: one word earlier"),
         Key("Ctrl+Alt+Shift+Right"), START, -1, True),
        ("start_later_word", translate("WindowActions", "Start: one word later"),
         Key("Ctrl+Alt+Shift+Left"), START, 1, True),
    ):
        _add(window, edges, actions, name, text, keys,
             lambda e=edge, s=step, w=word: move(e, s, w), local=True)


def _document_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    status = window.set_status
    for name, text, keys, slot in (
        ("mark_done", translate("WindowActions", "Mark &done"), Key("Ctrl+D"),
         lambda: status(AssignmentStatus.DONE)),
        ("mark_in_progress", translate("WindowActions", "Mark &in progress"),
         Key("Ctrl+Shift+D"), lambda: status(AssignmentStatus.IN_PROGRESS)),
        ("mark_todo", translate("WindowActions", "Mark &to do"), None,
         lambda: status(AssignmentStatus.TODO)),
        ("done_and_next", translate("WindowActions", "Mark done and open &next unfinished"),
         Key("Ctrl+Return"), window.done_and_next),
        (None, "", None, None),
        ("next_unfinished", translate("WindowActions", "Next &unfinished document"),
         Key("Ctrl+PgDown"), lambda: window.step_unfinished(1)),
        ("previous_unfinished", translate("WindowActions", "Pre&vious unfinished document"),
         Key("Ctrl+PgUp"), lambda: window.step_unfinished(-1)),
        ("document_memo", translate("WindowActions", "Edit document &memo"),
         Key("Ctrl+Shift+M"), lambda: window.focus_memo(document=True)),
    ):
        if name is None:
            menu.addSeparator()
        else:
            _add(window, menu, actions, name, text, keys, slot)


def _view_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    for name, text, keys, step in (
        ("zoom_in", translate("WindowActions", "Zoom &in"), [Key("Ctrl+="), Key("Ctrl++")], 1),
        ("zoom_out", translate("WindowActions", "Zoom &out"), Key("Ctrl+-"), -1),
        ("zoom_reset", translate("WindowActions", "&Reset zoom"), Key("Ctrl+0"), 0),
    ):
        _add(window, menu, actions, name, text, keys, lambda s=step: window.zoom(s))
    menu.addSeparator()
    snap = _add(window, menu, actions, "snap",
                translate("WindowActions", "&Snap selections to whole words"), None,
                window.snap_changed, checkable=True)
    snap.blockSignals(True)
    snap.setChecked(window.settings_snap())
    snap.blockSignals(False)
    actions.layers = menu.addMenu(translate("WindowActions", "Other coders' &layers (read-only)"))
    for coder in window.workspace.other_coders():
        action = make_action(window, coder.name, None,
                             lambda on, c=coder.uuid: window.workspace.set_layer_shown(c, on),
                             checkable=True)
        action.setIcon(swatch(window.workspace.coder_colour(coder.uuid)))
        actions.layers.addAction(action)
    actions.layers.setEnabled(window.workspace.may_view_others)
    menu.addSeparator()
    focus = menu.addMenu(translate("WindowActions", "&Go to panel"))
    for name, text, keys, target in (
        ("focus_documents", translate("WindowActions", "Documents"), Key("Ctrl+1"),
         lambda: window.documents.view.setFocus()),
        ("focus_text", translate("WindowActions", "Text"), Key("Ctrl+2"),
         lambda: window.view.setFocus()),
        ("focus_codebook", translate("WindowActions", "Codebook"), Key("Ctrl+3"),
         lambda: window.codebook_view.setFocus()),
        ("focus_annotations", translate("WindowActions", "Annotations"), Key("Ctrl+4"),
         lambda: window.annotation_table.setFocus()),
    ):
        _add(window, focus, actions, name, text, keys, target)
    panels = menu.addMenu(translate("WindowActions", "&Panels"))
    for dock in window.docks():
        panels.addAction(dock.toggleViewAction())
    _language_menu(window, menu.addMenu(translate("WindowActions", "&Language")), actions)


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
    agreement = _add(window, menu, actions, "agreement",
                     translate("WindowActions", "Inter-coder &agreement…"),
                     Key("Ctrl+Shift+A"), lambda: open_agreement_for(window))
    # Blind coding: agreement figures reveal how others coded, so only a lead may open them.
    agreement.setEnabled(window.workspace.coder.role is Role.LEAD and
                         window.workspace.project_path is not None)
    review = _add(window, menu, actions, "review",
                  translate("WindowActions", "&Review and adjudicate…"),
                  Key("Ctrl+Shift+R"), lambda: open_review_for(window))
    review.setEnabled(agreement.isEnabled())  # the same blind-coding rule
    _round_menu(window, menu, actions)
    install_coder_actions(window, menu, actions)


def _round_menu(window: MainWindow, menu: QMenu, actions: WindowActions) -> None:
    """The progress matrix and the Assign dialog, for leads only."""
    from annotator.ui.progress import open_assign_dialog, open_progress_window

    lead = window.workspace.coder.role is Role.LEAD
    for name, text, slot in (
        ("progress", translate("WindowActions", "&Progress matrix…"), open_progress_window),
        ("assign", translate("WindowActions", "A&ssign documents…"), open_assign_dialog),
    ):
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
    _add(window, menu, actions, "shortcuts", translate("WindowActions", "Keyboard &shortcuts"),
         [Key("F1"), Key("Ctrl+/")], window.show_shortcuts)


TOOLBAR = (("previous_unfinished", QT_TRANSLATE_NOOP("WindowActions", "◀ Previous")),
           ("mark_done", QT_TRANSLATE_NOOP("WindowActions", "✓ Done")),
           ("next_unfinished", QT_TRANSLATE_NOOP("WindowActions", "Next ▶")), (None, ""),
           ("link", QT_TRANSLATE_NOOP("WindowActions", "Link…")), (None, ""),
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
        keys = key_text(action.shortcut())
        button = QAction(translate("WindowActions", label), window)
        button.setToolTip(translate("WindowActions", "{action} ({keys})").format(
            action=action.text().replace("&", ""), keys=isolate(keys)))
        button.triggered.connect(action.trigger)
        window.toolbar.insertAction(window.toolbar_spacer, button)
