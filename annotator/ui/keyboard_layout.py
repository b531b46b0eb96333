"""Shortcuts that keep working when the keyboard types Arabic.

Code keys (``L``, ``Shift+C``) and menu keys (``Ctrl+D``) are Latin letters. With an Arabic layout
the same physical key produces ``م`` or ``ي``, and whether Qt still finds the shortcut depends on the
platform plugin. :class:`LatinShortcutFallback` makes it not depend on it: a key press that matched
no shortcut and typed a letter of the Arabic (101) layout, the default on Windows and Linux, is
looked up again as the Latin key on the same position. Text fields are left alone, so Arabic can
still be typed into search, memos and attribute boxes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QLineEdit,
                               QPlainTextEdit, QTextEdit, QWidget)

ARABIC_101_BASE = dict(zip(
    "ذضصثقفغعهخحجدشسيبلاتنمكطئءؤرىةوزظ",
    "`QWERTYUIOP[]ASDFGHJKL;'ZXCVNM,./", strict=True))
"""The unshifted level of the Arabic (101) layout: the letter a key types → the key's Latin name.
(B types the two-letter ligature لا and is handled below.)"""
ARABIC_101_SHIFTED = {
    "\u064e": "Q", "\u064b": "W", "\u064f": "E", "\u064c": "R", "\u0625": "Y", "\u00f7": "I",
    "\u00d7": "O", "\u061b": "P", "\u0650": "A", "\u064d": "S", "\u0623": "H", "\u0640": "J",
    "\u060c": "K", "\u0652": "X", "\u0622": "N", "\u061f": "/",
}
"""Letters and marks of the shifted level that name a key unambiguously."""
LAM_ALEF = ("لا", "ﻻ")
"""What the B key types: lam + alef, or the presentation-form ligature on some systems."""
MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
             | Qt.KeyboardModifier.MetaModifier | Qt.KeyboardModifier.ShiftModifier)


def latin_key(text: str, shifted: bool) -> str | None:
    """The Latin key name of what an Arabic (101) key typed, e.g. ``"م"`` → ``"L"``."""
    if text in LAM_ALEF:
        return "B"
    if shifted and text in ARABIC_101_SHIFTED:
        return ARABIC_101_SHIFTED[text]
    return ARABIC_101_BASE.get(text)


def latin_sequence(event: QKeyEvent) -> QKeySequence | None:
    """The shortcut the key press would be on a Latin layout, or None when it is not Arabic."""
    modifiers = event.modifiers() & MODIFIERS
    key = latin_key(event.text(), bool(modifiers & Qt.KeyboardModifier.ShiftModifier))
    if key is None:
        return None
    names = [name for flag, name in ((Qt.KeyboardModifier.ControlModifier, "Ctrl"),  # i18n: not shown
                                     (Qt.KeyboardModifier.AltModifier, "Alt"),  # i18n: not shown
                                     (Qt.KeyboardModifier.MetaModifier, "Meta"),  # i18n: not shown
                                     (Qt.KeyboardModifier.ShiftModifier, "Shift"))  # i18n: not shown
             if modifiers & flag]
    return QKeySequence("+".join([*names, key]))


def _types_text(widget: QWidget | None) -> bool:
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


def _reachable(action: QAction, focus: QWidget | None, window: QWidget) -> bool:
    """Whether Qt would have triggered ``action`` from here: its context allows the focus."""
    if not action.isEnabled():
        return False
    context = action.shortcutContext()
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return any(w is focus or (focus is not None and w.isAncestorOf(focus))
                   for w in action.associatedObjects() if isinstance(w, QWidget))
    return True


class LatinShortcutFallback(QObject):
    """Event filter on a window: Arabic-layout key presses trigger the Latin shortcut."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)  # dies with the window, which removes the filter
        self._window = window
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        focus = QApplication.focusWidget() or watched
        if _types_text(focus):
            return False
        sequence = latin_sequence(event)
        action = sequence and self._action_for(sequence, focus)
        if not action:
            return False
        action.trigger()
        return True

    def _action_for(self, sequence: QKeySequence, focus: QWidget | None) -> QAction | None:
        for action in self._window.findChildren(QAction):
            if sequence in action.shortcuts() and _reachable(action, focus, self._window):
                return action
        return None
