"""Help → Keyboard shortcuts: built from the live menus, so the sheet never disagrees with the keys.

Rows wrap rather than elide (code names carry an Arabic and an English name), each menu level is a
bidi isolate so an Arabic name does not pull the separators around it, and a code's key is shown
as the codebook writes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
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

KEY_LABEL = "keyLabel"  # action property: the key as the codebook writes it (``l``, not ``L``)

EXTRA = (
    ("Selecting text", [
        ("Select by character / by word", "Shift+Arrows / Ctrl+Shift+Arrows"),
        ("Select to start / end of line", "Shift+Home / Shift+End"),
        ("Select with the mouse; click a span to select its annotation (again: the one around it)",
         "Mouse"),
    ]),
    ("Search results", [("Choose a match, then press a code's key to code it", "↑ / ↓, then key")]),
)  # fmt: skip


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


def _label(action: QAction) -> str:
    return isolate(action.text().replace("&", "").strip())


def _keys(action: QAction) -> str:
    own = action.property(KEY_LABEL)
    if isinstance(own, str) and own:
        return own
    return " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                       for s in action.shortcuts())


class ShortcutsDialog(QDialog):
    """A searchable-by-eye sheet of every key (objectName ``shortcutsSheet``)."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle("Keyboard shortcuts")
        tree = QTreeWidget()
        tree.setHeaderLabels(["Action", "Keys"])
        tree.setRootIsDecorated(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)  # long code names are shown whole
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for title, rows in [*shortcut_rows(menu_bar), *EXTRA]:
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
        layout.addWidget(QLabel("Code keys apply to the selected text; with no selection they "
                                "recode the selected annotation."))
        layout.addWidget(tree)
        layout.addWidget(buttons)
        self.tree = tree
        self.resize(820, 760)
