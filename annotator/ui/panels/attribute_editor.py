"""Attribute values of the selected annotation: one editor per attribute of its code.

Every change is one undoable command. Values refresh from the data-changed signal (undo, another
view) without rebuilding the form, so keyboard focus stays where the coder is typing. Each code's
form is built once and shown again for its next annotation (building one costs milliseconds on
every key press that codes a span), rebuilt only when the code's attributes change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.codebook import AttributeSpec
from annotator.db.services.annotations import attribute_values, get_annotation
from annotator.domain import AttributeType
from annotator.ui.commands import SetAttribute
from annotator.ui.document_state import DocumentState
from annotator.ui.lead.bidi_text import isolated
from annotator.ui.workspace import Workspace

translate = QCoreApplication.translate

EMPTY_CHOICE = "—"
Editors = dict[str, QComboBox | QLineEdit]


class AttributeEditor(QWidget):
    """The form for one annotation (objectName ``attributeEditor``)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attributeEditor")
        self._workspace = workspace
        self._state: DocumentState | None = None
        self._annotation_id: str | None = None
        self._code_id: str | None = None
        self._editors: Editors = {}
        self._title = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self._excerpt = QLabel(wordWrap=True)
        self._excerpt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._excerpt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self._excerpt.setStyleSheet("color: #3c4043;")
        # by (code, own): the attributes a form was built from, the form, its editors
        self._forms: dict[tuple[str, bool], tuple[tuple[AttributeSpec, ...], QWidget, Editors]] = {}
        self._shown: QWidget | None = None
        self._layout = layout = QVBoxLayout(self)
        for widget in (self._title, self._excerpt):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_annotation(None, None)

    @property
    def annotation_id(self) -> str | None:
        return self._annotation_id

    def editor(self, attribute_name: str) -> QComboBox | QLineEdit | None:
        """The editor widget of an attribute, by name (for keyboard focus and tests)."""
        code = self._workspace.codes.get(self._code_id or "")
        spec = next((a for a in code.attributes if a.name == attribute_name), None) if code else None
        return self._editors.get(spec.uuid) if spec else None

    def focus_first(self) -> None:
        if self._editors:
            next(iter(self._editors.values())).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_annotation(self, annotation_id: str | None, state: DocumentState | None) -> None:
        if state is not self._state:
            if self._state is not None:
                self._state.touched.disconnect(self._on_touched)
            if state is not None:
                state.touched.connect(self._on_touched)
        self._state, self._annotation_id = state, annotation_id
        row = state.row(annotation_id) if state and annotation_id else None
        if row is None:
            self._editors, self._annotation_id, self._code_id = {}, None, None
            self._show_form(None)
            self._title.setText(translate(
                "AttributeEditor", "<i>Select an annotation to see its attributes.</i>"))
            self._excerpt.clear()
            return
        self._code_id = row.code_id
        code = self._workspace.codes.get(row.code_id)
        own = self._workspace.is_own(row.coder_id)
        owner = "" if own else translate("AttributeEditor", " · {coder} (read-only)").format(
            coder=isolated(self._workspace.coder_name(row.coder_id)))
        self._title.setText(f"<b>{code.path if code else '?'}</b>{owner}")
        self._excerpt.setText(state.excerpt(row.uuid, 240) if state else "")
        self._editors = {}  # editors of the form being put away commit nothing
        self._editors = self._form_for(row.code_id, code.attributes if code else (), own)
        self._load_values()

    def _form_for(self, code_id: str, attributes: tuple[AttributeSpec, ...], own: bool) -> Editors:
        """Show the code's form (built now if not yet, or if its attributes changed)."""
        cached = self._forms.get((code_id, own))
        if cached is None or cached[0] != attributes:
            if cached is not None:
                cached[1].deleteLater()
            page, editors = self._build_form(attributes, own)
            self._layout.insertWidget(self._layout.count() - 1, page)  # above the stretch
            cached = self._forms[(code_id, own)] = (attributes, page, editors)
        self._show_form(cached[1])
        return cached[2]

    def _build_form(self, attributes: tuple[AttributeSpec, ...], own: bool) -> tuple[QWidget, Editors]:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if not attributes:
            form.addRow(QLabel(translate("AttributeEditor", "<i>This code has no attributes.</i>")))
        editors: Editors = {}
        for spec in attributes:
            editor = editors[spec.uuid] = self._make_editor(spec)
            editor.setEnabled(own)
            form.addRow(f"{spec.name}{' *' if spec.required else ''}", editor)
        page.hide()
        return page, editors

    def _show_form(self, page: QWidget | None) -> None:
        if page is self._shown:
            return
        if self._shown is not None:
            self._shown.hide()
        if page is not None:
            page.show()
        self._shown = page

    def _make_editor(self, spec: AttributeSpec) -> QComboBox | QLineEdit:
        if spec.type in (AttributeType.CHOICE, AttributeType.YES_NO):
            combo = QComboBox()
            choices = spec.choices if spec.type is AttributeType.CHOICE else ["yes", "no"]
            combo.addItem(EMPTY_CHOICE, EMPTY_CHOICE)
            for value in choices:  # shown by its labels where the codebook gives them
                combo.addItem(choice_text(value, spec.labels.get(value)), value)
            combo.setToolTip(spec.description)
            combo.activated.connect(lambda _i, s=spec, c=combo: self._commit(s, c.currentData()))
            return combo
        line = QLineEdit()
        line.setToolTip(spec.description)
        if spec.type is AttributeType.NUMBER:
            line.setValidator(QDoubleValidator(line))
        line.editingFinished.connect(lambda s=spec, e=line: self._commit_line(s, e))
        return line

    def _load_values(self) -> None:
        if self._annotation_id is None:
            return
        with self._workspace.store.reader() as session:
            values = attribute_values(session, self._annotation_id)
        for attribute_id, editor in self._editors.items():
            value = values.get(attribute_id, "")
            editor.blockSignals(True)
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)) if value else 0)
            else:
                editor.setText(value)
            editor.blockSignals(False)

    def _commit_line(self, spec: AttributeSpec, line: QLineEdit) -> None:
        """A line loses focus: commit, unless its form is being put away for another code's."""
        if self._editors.get(spec.uuid) is line:
            self._commit(spec, line.text())

    def _commit(self, spec: AttributeSpec, text: str) -> None:
        if self._annotation_id is None or self._state is None:
            return
        value = None if text in ("", EMPTY_CHOICE) else text.strip()
        with self._workspace.store.reader() as session:
            current = get_annotation(session, self._annotation_id).attributes.get(spec.uuid)
        if value == current:
            return
        self._workspace.execute(SetAttribute(self._workspace, self._state.document_id,
                                             self._annotation_id, spec, value))

    def _on_touched(self, annotation_ids: list[str]) -> None:
        if self._state is None or self._annotation_id not in annotation_ids:
            return
        row = self._state.row(self._annotation_id)
        if row is None or row.code_id != self._code_id:
            self.show_annotation(self._annotation_id if row else None, self._state)
        else:
            self._load_values()


def choice_text(value: str, labels: tuple[str, str] | None) -> str:
    """``English — Arabic`` label of a choice, or its stored value when it has no labels."""
    english, arabic = labels or ("", "")
    return " — ".join(part for part in (english or value, arabic) if part)
