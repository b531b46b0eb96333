"""Help → Keyboard shortcuts: built from the live menus, so the sheet never disagrees with the keys."""

from __future__ import annotations

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
            rows.extend(_walk(submenu, f"{prefix}{action.text().replace('&', '')} › "))
        elif isinstance(action, QAction) and action.shortcuts():
            keys = " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                               for s in action.shortcuts())
            rows.append((prefix + action.text().replace("&", "").strip(), keys))
    return rows


class ShortcutsDialog(QDialog):
    """A searchable-by-eye sheet of every key (objectName ``shortcutsSheet``)."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle("Keyboard shortcuts")
        tree = QTreeWidget()
        tree.setHeaderLabels(["Action", "Keys"])
        tree.setRootIsDecorated(False)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
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
        self.resize(640, 720)
