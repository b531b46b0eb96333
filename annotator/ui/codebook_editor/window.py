"""Codebook → Edit codebook…: the tree of codes under the four kinds beside the chosen code's
fields (objectName ``codebookEditor``).

Every edit is one service call in one transaction, committed at once, on the editor's own undo
history (Ctrl+Z / Ctrl+Shift+Z here). The edit operations live in :mod:`.edits`; this module
builds the window and shows the codebook.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.codebook import CodebookSpec, CodeSpec, QuestionSpec, codes_of_kind
from annotator.db.engine import ProjectStore
from annotator.db.services.codebook import export_codebook
from annotator.db.services.codebook_edit import usage_by_code
from annotator.db.services.question_edit import answer_counts
from annotator.domain import CodeKind
from annotator.errors import ProjectError
from annotator.ui.bidi import isolate, isolate_if_mirrored
from annotator.ui.codebook_editor.attribute_dialog import type_names
from annotator.ui.codebook_editor.code_form import CodeForm
from annotator.ui.codebook_editor.edits import EditorEdits
from annotator.ui.codebook_editor.question_edits import QuestionEdits
from annotator.ui.codebook_editor.question_list import QuestionsTab
from annotator.ui.codes import kind_title
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.models.codebook import swatch

ENGLISH, ARABIC, KEY, USES = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
translate = QCoreApplication.translate


class CodebookEditor(QWidget, EditorEdits, QuestionEdits):
    """The editor; read-only (``editable=False``) in a coder package and for coders."""

    changed = Signal()  # an edit was committed, undone or redone: the main window reloads

    def __init__(self, store: ProjectStore, *, editable: bool, reason: str = "",
                 reserved: Mapping[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("codebookEditor")
        self.setWindowTitle(translate("CodebookEditor", "Codebook") if editable
                            else translate("CodebookEditor", "Codebook (read-only)"))
        self.store, self.editable, self.reserved = store, editable, dict(reserved or {})
        self.undo_stack = QUndoStack(self)
        self.spec: CodebookSpec | None = None
        self.codes: dict[str, CodeSpec] = {}
        self.parents: dict[str, str | None] = {}
        self.tree = self._build_tree()
        self.form = CodeForm()
        self.questions: list[QuestionSpec] = []
        self.questions_tab = QuestionsTab({
            "add_question": self.open_question_dialog,
            "edit_question": lambda: self.open_question_dialog(edit=True),
            "remove_question": self.remove_selected_question,
            "question_up": lambda: self.move_question_step(-1),
            "question_down": lambda: self.move_question_step(1)})
        self.tabs = QTabWidget(objectName="codebookEditorTabs")
        self.message = QLabel(objectName="editorMessage")
        self.message.setWordWrap(True)
        self.toolbar = QToolBar()
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._layout(reason)
        self._connect()
        self.reload()
        self.resize(1180, 760)

    # ------------------------------------------------------------------ building
    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget(objectName="codebookEditorTree")
        tree.setHeaderLabels([
            translate("CodebookEditor", "English"), translate("CodebookEditor", "Arabic"),
            translate("CodebookEditor", "Key"), translate("CodebookEditor", "Uses")])
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setFont(ui_arabic_font(tree.font()))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ENGLISH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ARABIC, QHeaderView.ResizeMode.Stretch)
        for column in (KEY, USES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _build_actions(self) -> None:
        for name, text, sequence, slot, tip in (
            ("add_code", translate("CodebookEditor", "Add code"), QKeySequence("Ctrl+N"),
             self.add_code,
             translate("CodebookEditor",
                       "A new code under the chosen kind, beside the chosen code")),
            ("add_subcode", translate("CodebookEditor", "Add sub-code"),
             QKeySequence("Ctrl+Shift+N"), self.add_subcode, translate("CodebookEditor", "A new code under the chosen code")),
            ("delete", translate("CodebookEditor", "Delete"), QKeySequence("Del"),
             self.delete_selected,
             translate("CodebookEditor",
                       "Delete the chosen code (a code in use is merged into another)")),
            (None, "", QKeySequence(), None, ""),
            ("move_up", translate("CodebookEditor", "Up"), QKeySequence("Ctrl+Up"),
             lambda: self.move_step(-1),
             translate("CodebookEditor", "Move the code up among its siblings")),
            ("move_down", translate("CodebookEditor", "Down"), QKeySequence("Ctrl+Down"),
             lambda: self.move_step(1),
             translate("CodebookEditor", "Move the code down among its siblings")),
            ("indent", translate("CodebookEditor", "Into the code above"), QKeySequence("Ctrl+]"),
             self.indent, translate("CodebookEditor",
                                    "Make the code a sub-code of the code above it")),
            ("outdent", translate("CodebookEditor", "Out one level"), QKeySequence("Ctrl+["),
             self.outdent, translate("CodebookEditor", "Make the code a sibling of its parent")),
            (None, "", QKeySequence(), None, ""),
        ):  # fmt: skip
            if name is None:
                self.toolbar.addSeparator()
                continue
            action = QAction(text, self)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({isolate(shown)})")
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.addAction(action)
            self.toolbar.addAction(action)
            self.actions_by_name[name] = action
        undo = self.undo_stack.createUndoAction(self, translate("CodebookEditor", "Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.undo_stack.createRedoAction(self, translate("CodebookEditor", "Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            self.toolbar.addAction(action)
            self.actions_by_name[name] = action

    def _layout(self, reason: str) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.form)
        splitter.setSizes([520, 660])
        layout = QVBoxLayout(self)
        if not self.editable:
            banner = QLabel(reason or translate(
                "CodebookEditor", "Only a project lead can change the codebook."),
                            objectName="readOnlyBanner")
            banner.setStyleSheet("background: #fff3c4; color: #5a4500; padding: 6px;")
            layout.addWidget(banner)
        codes = QWidget()
        codes_layout = QVBoxLayout(codes)
        codes_layout.setContentsMargins(0, 0, 0, 0)
        codes_layout.addWidget(self.toolbar)
        codes_layout.addWidget(splitter, 1)
        self.tabs.addTab(codes, translate("CodebookEditor", "Codes"))
        self.tabs.addTab(self.questions_tab, translate("CodebookEditor", "Document questions"))
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self._tab_changed)
        self.questions_tab.list.currentItemChanged.connect(
            lambda *_items: self.questions_tab.enable(self.editable))
        self.tree.currentItemChanged.connect(self._on_current)
        self.form.commitRequested.connect(self.commit_form)
        self.form.addAttributeRequested.connect(self.open_attribute_dialog)
        self.form.editAttributeRequested.connect(self.open_attribute_dialog)
        self.form.removeAttributeRequested.connect(self.remove_attribute)

    def _tab_changed(self, index: int) -> None:
        self._on_current(self.tree.currentItem())
        (self.tree if index == 0 else self.questions_tab.list).setFocus()

    # ------------------------------------------------------------------ showing
    def reload(self) -> None:
        """Read the codebook again and show it, keeping the chosen code (or kind)."""
        keep, kind = self.current_code_id(), self.current_kind()
        with self.store.reader() as session:
            try:
                self.spec = export_codebook(session)
            except ProjectError:
                self.spec = None
            uses = usage_by_code(session)
            answers = answer_counts(session)
        self.questions = list(self.spec.questions) if self.spec else []
        self.questions_tab.show_questions(self.questions, answers, self.editable)
        self.codes, self.parents = {}, {}
        self.tree.blockSignals(True)
        self.tree.clear()
        for kind in CodeKind:
            root = QTreeWidgetItem([kind_title(kind)])
            root.setData(0, KIND_ROLE, kind.value)
            font = root.font(0)
            font.setBold(True)
            root.setFont(0, font)
            self.tree.addTopLevelItem(root)
            root.setFirstColumnSpanned(True)
            for code in codes_of_kind(self.spec, kind) if self.spec else []:
                self._add_item(root, code, None, uses)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if not (keep and self.select(keep)):  # a code undone away: its kind instead
            self.select(kind or CodeKind.CLAIM.value)

    def _add_item(self, parent: QTreeWidgetItem, code: CodeSpec, parent_id: str | None,
                  uses: dict[str, int]) -> None:
        self.codes[code.uuid], self.parents[code.uuid] = code, parent_id
        item = QTreeWidgetItem(parent, [isolate_if_mirrored(code.name_en), code.name_ar,
                                        isolate_if_mirrored(code.shortcut),
                                        str(uses.get(code.uuid, 0) or "")])
        item.setIcon(ENGLISH, swatch(code.colour))
        item.setData(0, ID_ROLE, code.uuid)
        item.setData(0, KIND_ROLE, code.kind.value)
        item.setTextAlignment(ARABIC, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(USES, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for child in code.children:
            self._add_item(item, child, code.uuid, uses)

    def _items(self) -> list[QTreeWidgetItem]:
        found, stack = [], [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            found.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return found

    def select(self, key: str) -> bool:
        """Choose a code by UUID, or a kind's root by its value; whether it was found."""
        for item in self._items():
            if item.data(0, ID_ROLE) == key or (item.data(0, ID_ROLE) is None
                                                 and item.data(0, KIND_ROLE) == key):
                self.tree.setCurrentItem(item)
                self._on_current(item)
                return True
        return False

    def current_code_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def current_kind(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KIND_ROLE) if item else None

    def _on_current(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        code = self.codes.get(item.data(0, ID_ROLE)) if item else None
        if code is None and self.form.isAncestorOf(self.focusWidget() or self.tree):
            self.tree.setFocus()  # the form is about to be disabled: keep the keys working
        self.form.show_code(code, self.editable, type_names())
        codes_shown = self.tabs.currentIndex() == 0  # the questions tab uses the same keys
        for name in ("add_subcode", "delete", "move_up", "move_down", "indent", "outdent"):
            self.actions_by_name[name].setEnabled(self.editable and codes_shown and code is not None)
        self.actions_by_name["add_code"].setEnabled(self.editable and codes_shown and item is not None)

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)
