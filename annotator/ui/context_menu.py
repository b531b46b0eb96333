"""The text's context menu: recently used codes first, then every code by kind; for a span under
the pointer, change its code, delete it, link it, or pick one of the spans nested there."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QMenu

from annotator.db.services.annotations import AnnotationSpan
from annotator.domain import CodeKind
from annotator.ui.bidi import isolate_if_mirrored
from annotator.ui.codes import CodeInfo, kind_title
from annotator.ui.models.codebook import swatch

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

translate = QCoreApplication.translate


def _code_entries(window: MainWindow, menu: QMenu, title: str,
                  apply: Callable[[CodeInfo], object]) -> None:
    menu.addSection(title)
    codes = window.workspace.codes
    for code_id in window.workspace.recent_codes:
        code = codes.get(code_id)
        if code is not None:
            action = menu.addAction(swatch(code.colour), code.label, lambda c=code: apply(c))
            action.setShortcut(code.shortcut)
    if window.workspace.recent_codes:
        menu.addSeparator()
    for kind in CodeKind:
        submenu = menu.addMenu(kind_title(kind))
        for code in codes:
            if code.kind is kind:
                label = f"{code.name_en} — {code.name_ar}"
                action = submenu.addAction(swatch(code.colour), label, lambda c=code: apply(c))
                action.setShortcut(code.shortcut)


def show_text_menu(window: MainWindow, offset: int, position: QPoint) -> None:
    """Show the menu for a right-click at ``offset`` (code points, -1 off the text)."""
    menu = build_text_menu(window, offset)
    if menu is not None:
        menu.exec(position)
        menu.deleteLater()


def build_text_menu(window: MainWindow, offset: int) -> QMenu | None:
    """The menu for ``offset``: codes for a selection, then actions on the span under it."""
    state = window.state
    if state is None:
        return None
    menu = QMenu(window)
    if window.view.selected_span() is not None:
        _code_entries(window, menu, translate("TextMenu", "Code the selection"),
                      window.apply_code)
    spans = state.at(offset) if offset >= 0 else []
    if spans:
        if window.coding.current not in {s.uuid for s in spans}:
            window.select_annotation(spans[0].uuid, reveal=False)
        _span_entries(window, menu, state.row(window.coding.current or "") or spans[0])
        if len(spans) > 1:
            _nested_entries(window, menu, spans)
    menu.addSeparator()
    menu.addAction(translate("TextMenu", "Copy"), window.view.copy).setEnabled(window.view.textCursor().hasSelection())
    return menu


def _span_entries(window: MainWindow, menu: QMenu, row: AnnotationSpan) -> None:
    code = window.workspace.codes.get(row.code_id)
    label = isolate_if_mirrored(code.label if code else "?")  # whole inside an Arabic sentence
    if not window.workspace.is_own(row.coder_id):
        menu.addSection(translate("TextMenu", "‘{code}’ by {coder} (read-only)").format(
            code=label, coder=isolate_if_mirrored(window.workspace.coder_name(row.coder_id))))
        return
    change = QMenu(translate("TextMenu", "Change ‘{code}’ to").format(code=label), menu)
    _code_entries(window, change, translate("TextMenu", "Codes"), window.coding.change_code)
    menu.addSection(translate("TextMenu", "‘{code}’").format(code=label))
    menu.addMenu(change)
    menu.addAction(translate("TextMenu", "Delete ‘{code}’").format(code=label),
                   window.coding.delete).setShortcut("Del")
    if code is not None and code.kind is CodeKind.CLAIM:
        menu.addAction(translate("TextMenu", "Link to… (then click)"),
                       window.linking.start).setShortcut("Ctrl+L")
    menu.addAction(translate("TextMenu", "Edit attributes"),
                   window.focus_attributes).setShortcut("F2")


def _nested_entries(window: MainWindow, menu: QMenu, spans: list[AnnotationSpan]) -> None:
    assert window.state is not None
    nested = menu.addMenu(translate("TextMenu", "Select nested span"))
    for span in spans:
        code = window.workspace.codes.get(span.code_id)
        nested.addAction(f"{code.label if code else '?'}: {window.state.excerpt(span.uuid, 40)}",
                         lambda a=span.uuid: window.select_annotation(a))
