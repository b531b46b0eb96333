"""Help → Keyboard shortcuts: built from the live menus, so the sheet never disagrees with the keys.

Rows wrap rather than elide (code names carry an Arabic and an English name), each menu level is a
bidi isolate so an Arabic name does not pull the separators around it, and a code's key is shown
as the codebook writes it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.bidi import isolate
from annotator.ui.bidi import isolate_if_mirrored

translate = QCoreApplication.translate
KEY_LABEL = "keyLabel"  # action property: the key as the codebook writes it (``l``, not ``L``)

EXTRA = (
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "Selecting text"), [
        (QT_TRANSLATE_NOOP("ShortcutsSheet", "Select by character / by word"),
         QT_TRANSLATE_NOOP("ShortcutsSheet", "Shift+Arrows / Ctrl+Shift+Arrows")),
        (QT_TRANSLATE_NOOP("ShortcutsSheet", "Select to start / end of line"),
         QT_TRANSLATE_NOOP("ShortcutsSheet", "Shift+Home / Shift+End")),
        (QT_TRANSLATE_NOOP("ShortcutsSheet", "Select with the mouse; click a span to select its "
                                             "annotation (again: the one around it)"),
         QT_TRANSLATE_NOOP("ShortcutsSheet", "Mouse")),
    ]),
    (QT_TRANSLATE_NOOP("ShortcutsSheet", "Search results"), [
        (QT_TRANSLATE_NOOP("ShortcutsSheet", "Choose a match, then press a code's key to code it"),
         QT_TRANSLATE_NOOP("ShortcutsSheet", "↑ / ↓, then key")),
    ]),
)
"""Keys that are not actions; shown translated (key names themselves stay as they are)."""


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action text, keys)]) for every action with a key, menus in order."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows = list(_walk(menu, ""))
            if rows:
                groups.append((top.text().replace("&", ""), rows))
    return groups


def _walk(menu: QMenu, prefix: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows.extend(_walk(submenu, f"{prefix}{_label(action)} › "))
        elif isinstance(action, QAction) and action.shortcuts():
            rows.append((prefix + _label(action), _keys(action)))
    return rows


def key_text(sequence: QKeySequence) -> str:
    """A key as the platform writes it; in a mirrored interface as printed on the keys (Qt's
    Arabic catalogue would write ``Alt+الأسفل``: key names are never translated here)."""
    return sequence.toString(QKeySequence.SequenceFormat.PortableText
                             if QGuiApplication.isRightToLeft()
                             else QKeySequence.SequenceFormat.NativeText)


def _label(action: QAction) -> str:
    return isolate(action.text().replace("&", "").strip())


def _keys(action: QAction) -> str:
    own = action.property(KEY_LABEL)
    if isinstance(own, str) and own:
        return own
    names = [isolate_if_mirrored(key_text(s)) for s in action.shortcuts()]
    text = names[0]
    for more in names[1:]:
        text = translate("ShortcutsSheet", "{keys} or {more}").format(keys=text, more=more)
    return text


class ShortcutsDialog(QDialog):
    """A searchable-by-eye sheet of every key (objectName ``shortcutsSheet``)."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle(translate("ShortcutsSheet", "Keyboard shortcuts"))
        tree = QTreeWidget()
        tree.setHeaderLabels([translate("ShortcutsSheet", "Action"),
                              translate("ShortcutsSheet", "Keys")])
        tree.setRootIsDecorated(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)  # long code names are shown whole
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        extra = [(translate("ShortcutsSheet", title),
                  [(translate("ShortcutsSheet", text),
                    isolate_if_mirrored(translate("ShortcutsSheet", keys)))
                   for text, keys in rows]) for title, rows in EXTRA]
        for title, rows in [*shortcut_rows(menu_bar), *extra]:
            group = QTreeWidgetItem(tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for text, keys in rows:
                QTreeWidgetItem(group, [text, keys])
        tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate(
            "ShortcutsSheet", "Code keys apply to the selected text; with no selection they "
            "recode the selected annotation.")))
        layout.addWidget(tree)
        layout.addWidget(buttons)
        self.tree = tree
        self.resize(820, 760)
