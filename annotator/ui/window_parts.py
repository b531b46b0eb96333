"""Building the main window's parts (text, docks, toolbar, status bar) and keeping their layout.

A mixin of :class:`~annotator.ui.main_window.MainWindow`: construction and layout persistence are
kept apart from the window's behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.db.services.documents import DocumentSummary
from annotator.domain import AssignmentStatus, Role
from annotator.ui import settings as keys
from annotator.ui.bidi import isolate, isolate_if_mirrored
from annotator.ui.document_view import DocumentView
from annotator.ui.fonts import ui_arabic_font
from annotator.ui.models.annotations import AnnotationTableModel
from annotator.ui.packages import status_text, title_suffix
from annotator.ui.models.codebook import CodebookModel
from annotator.ui.models.documents import STATUS_COLOUR, status_text as document_status
from annotator.ui.models.relations import RelationsModel
from annotator.ui.panels.attribute_editor import AttributeEditor
from annotator.ui.panels.lists import AnnotationTable, DocumentPanel, RelationsPanel, SearchPanel
from annotator.ui.panels.memo_editor import MemoEditor
from annotator.ui.panels.questions import QuestionsPanel
from annotator.ui.plurals import plurals
from annotator.ui.shortcuts_sheet import key_text

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow
    from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate
DEFAULT_SIZE = QSize(1440, 900)
LEFT_SHARE, RIGHT_SHARE = 0.2, 0.23  # of the window's width; the text has the rest
LAYOUT_LEFT_TO_RIGHT, LAYOUT_RIGHT_TO_LEFT = 0, 1  # versions of the saved dock layout
SEARCH_SHARE = 0.30  # of the window's height, for the search results under the text


class DocumentHeader(QWidget):
    """Title and details of the open document above the text, right to left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentHeader")
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("documentTitle")
        self.details = QLabel()
        self.details.setObjectName("documentDetails")
        for label in (self.title, self.details):
            label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = ui_arabic_font(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.details.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.details)

    def show_summary(self, summary: DocumentSummary | None) -> None:
        if summary is None:
            self.title.setText("")
            self.details.setText("")
            return
        self.title.setText(summary.title or summary.external_id
                           or translate("WindowParts", "(untitled)"))
        status, count = summary.status, summary.characters
        dot = f"<span style='color:{STATUS_COLOUR[status]}'>●</span>"  # i18n: not shown
        facts = [f"{dot} {document_status(status)}",
                 translate("WindowParts", "{count} of mine").format(count=summary.annotations),
                 plurals().characters(count).replace(str(count), f"{count:,}")]
        facts += [value for value in (summary.outlet, summary.date) if value]
        self.details.setText(" · ".join(facts))

    def show_loading(self, title: str) -> None:
        self.title.setText(title)
        self.details.setText(translate("WindowParts", "Opening…"))


class WindowParts:
    """Creates the parts; the main window's behaviour uses them by these attribute names."""

    def build_parts(self: MainWindow, workspace: Workspace, font_size: int) -> None:
        self.setWindowTitle(_window_title(workspace))
        self.setObjectName("mainWindow")
        self.view = DocumentView()
        self.view.set_point_size(font_size)
        self.header = DocumentHeader()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self._build_docks(workspace)
        self._build_toolbar()
        self._build_status_bar(workspace)

    def _dock(self: MainWindow, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self: MainWindow, workspace: Workspace) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.setCorner(Qt.Corner.BottomLeftCorner, left)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        if self.isRightToLeft():  # Qt does not mirror dock areas: the lists go where reading starts
            left, right = right, left
        self.documents = DocumentPanel()
        self.documents.view.setFont(ui_arabic_font(self.documents.view.font()))
        self.codebook_view = _codebook_tree(workspace)
        self.annotation_model = AnnotationTableModel(workspace, self)
        self.annotation_table = AnnotationTable(self.annotation_model)
        self.annotation_table.setFont(ui_arabic_font(self.annotation_table.font()))
        self.attribute_editor = AttributeEditor(workspace)
        self.memo_editor = MemoEditor(workspace)
        self.questions_panel = QuestionsPanel(workspace)
        self.relations_model = RelationsModel(workspace, self)
        self.relations_panel = RelationsPanel(self.relations_model)
        self.search_panel = SearchPanel(self.search.model)
        self.search_panel.view.setFont(ui_arabic_font(self.search_panel.view.font()))
        self.documents_dock = self._dock("documentsDock", translate("WindowParts", "Documents"),
                                         self.documents, left)
        codebook_title = (translate("WindowParts", "Codebook (read-only in a coder package)")
                          if workspace.package else translate("WindowParts", "Codebook"))
        self.codebook_dock = self._dock("codebookDock", codebook_title, self.codebook_view, left)
        self.annotations_dock = self._dock("annotationsDock",
                                           translate("WindowParts", "Annotations"),
                                           self.annotation_table, right)
        self.attributes_dock = self._dock("attributesDock", translate("WindowParts", "Attributes"),
                                          self.attribute_editor, right)
        self.memo_dock = self._dock("memoDock", translate("WindowParts", "Memos"),
                                    self.memo_editor, right)
        self.questions_dock = self._dock("questionsDock", translate("WindowParts", "Questions"),
                                         self.questions_panel, right)
        self.search_dock = self._dock("searchDock", translate("WindowParts", "Search results"),
                                      self.search_panel, bottom)
        self.links_dock = self._dock("linksDock", translate("WindowParts", "Links"),
                                     self.relations_panel, bottom)

    def apply_default_layout(self: MainWindow) -> None:
        """Tabs and sizes of a first start: the text gets over half the width, the search results
        a dozen rows. Run once shown: tabifying two groups before the window is shown leaves a
        stray tab bar (Qt 6.11)."""
        self.tabifyDockWidget(self.attributes_dock, self.memo_dock)
        self.tabifyDockWidget(self.annotations_dock, self.questions_dock)
        self.tabifyDockWidget(self.search_dock, self.links_dock)
        self.attributes_dock.raise_()
        self.search_dock.raise_()
        (self.questions_dock if self.questions_panel.questions else self.annotations_dock).raise_()
        width, height = self.width(), self.height()
        self.resizeDocks([self.documents_dock, self.codebook_dock],
                         [round(height * 0.36), round(height * 0.64)], Qt.Orientation.Vertical)
        self.resizeDocks([self.documents_dock, self.annotations_dock],
                         [round(width * LEFT_SHARE), round(width * RIGHT_SHARE)],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.annotations_dock, self.attributes_dock],
                         [round(height * 0.55), round(height * 0.45)], Qt.Orientation.Vertical)
        self.resizeDocks([self.search_dock], [round(height * SEARCH_SHARE)],
                         Qt.Orientation.Vertical)

    def _build_toolbar(self: MainWindow) -> None:
        """Document flow on the left (filled in with the actions), search on the right."""
        self.toolbar = QToolBar(translate("WindowParts", "Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        keys = key_text(QKeySequence("Ctrl+F"))
        self.search_field = QLineEdit(placeholderText=translate(
            "WindowParts", "Search document and corpus ({keys})").format(keys=isolate(keys)),
            clearButtonEnabled=True)
        self.search_field.setObjectName("searchField")
        self.search_field.setMinimumWidth(360)
        self.search_field.setMaximumWidth(520)
        self.search_field.setFont(ui_arabic_font(self.search_field.font()))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar_spacer = self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search_field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _build_status_bar(self: MainWindow, workspace: Workspace) -> None:
        name = isolate_if_mirrored(workspace.coder.name)
        self.coder_label = QLabel("  {}  ".format(
            translate("WindowParts", "{name} (lead)").format(name=name)
            if workspace.coder.role is Role.LEAD
            else translate("WindowParts", "{name} (coder)").format(name=name)))
        self.coder_label.setObjectName("coderLabel")
        self.project_label = QLabel(f"  {isolate_if_mirrored(workspace.project_name)}  ")
        self.project_label.setObjectName("projectLabel")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        bar = self.statusBar()
        for label in (self.project_label, self.coder_label, self.progress_label):
            bar.addPermanentWidget(label)
        if workspace.package is not None:
            self.package_label = QLabel(status_text(workspace.package))
            self.package_label.setObjectName("packageLabel")
            self.package_label.setStyleSheet("background: #fff3c4; color: #5a4500;")
            bar.addPermanentWidget(self.package_label)

    # ------------------------------------------------------------------ state of the parts
    def update_progress(self: MainWindow, documents: list[DocumentSummary]) -> None:
        assigned = [d for d in documents if d.status is not None]
        done = sum(d.status is AssignmentStatus.DONE for d in assigned)
        busy = sum(d.status is AssignmentStatus.IN_PROGRESS for d in assigned)
        self.progress_label.setText("  {}  ".format(translate(
            "WindowParts", "Done {done}/{total} · in progress {busy}").format(
                done=done, total=len(assigned), busy=busy)))

    def update_header(self: MainWindow, summary: DocumentSummary | None) -> None:
        self.header.show_summary(summary)

    def restore_layout(self: MainWindow) -> None:
        """Window geometry and dock layout from the last session, else a sensible default."""
        geometry = self.settings.get(keys.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
        state = self.settings.get(keys.DOCK_STATE)
        self.default_layout_pending = state.isEmpty() or not self.restoreState(
            state, self._layout_version())

    def _layout_version(self: MainWindow) -> int:
        """Layouts of the mirrored interface do not fit the other: a change of language starts
        from the default layout of the new direction."""
        return LAYOUT_RIGHT_TO_LEFT if self.isRightToLeft() else LAYOUT_LEFT_TO_RIGHT

    def save_layout(self: MainWindow) -> None:
        self.settings.set(keys.GEOMETRY, self.saveGeometry())
        self.settings.set(keys.DOCK_STATE, self.saveState(self._layout_version()))
        self.settings.set(keys.FONT_SIZE, self.view.point_size)
        self.settings.sync()


def _codebook_tree(workspace: Workspace) -> QTreeView:
    tree = QTreeView()
    tree.setObjectName("codebookTree")
    tree.setModel(CodebookModel(workspace.codes, tree))
    tree.setUniformRowHeights(True)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setFont(ui_arabic_font(tree.font()))
    tree.expandAll()
    header = tree.header()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)  # the key column as narrow as its keys: names need the room
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    tree.setToolTip(translate("WindowParts", "Double-click a code, or press its key, to apply it "
                              "to the selected text."))
    return tree


def _window_title(workspace: Workspace) -> str:
    """Project, coder and role, then the application's name."""
    project = isolate_if_mirrored(workspace.project_name)
    coder = isolate_if_mirrored(workspace.coder.name)
    if workspace.store.read_only:
        project = translate("WindowParts", "{project} (read-only)").format(project=project)
    if workspace.coder.role is Role.LEAD:
        coder = translate("WindowParts", "{name} (lead)").format(name=coder)
    return translate("WindowParts", "{project} — {coder}{package} — Framing Annotator").format(
        project=project, coder=coder, package=title_suffix(workspace.package))
