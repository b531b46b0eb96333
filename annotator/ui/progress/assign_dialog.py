"""Project → Assign documents…: coders, documents, by hand or a reliability sample, with the live
sample-size verdict (Krippendorff's minimum for the chosen α_min and p)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.db.services.assignments import AssignmentRequest
from annotator.db.services.documents import list_documents
from annotator.domain import Role
from annotator.sampling import SAMPLE_SIZE_SOURCE, new_seed, required_sample_size, sample_count
from annotator.ui.plurals import plurals
from annotator.ui.progress.command import AssignDocuments
from annotator.ui.workspace import Workspace

BY_HAND, SHARE, COUNT = 0, 1, 2
MODES = (QT_TRANSLATE_NOOP("AssignDialog", "By hand: every chosen document to every chosen coder"),
         QT_TRANSLATE_NOOP("AssignDialog", "Reliability sample: a share of the documents"),
         QT_TRANSLATE_NOOP("AssignDialog", "Reliability sample: a number of documents"))
translate = QCoreApplication.translate


class AssignDialog(QDialog):
    """Builds an :class:`AssignmentRequest`; OK runs it as one undoable command."""

    def __init__(self, workspace: Workspace, document_id: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent, objectName="assignDialog")
        self.setWindowTitle(translate("AssignDialog", "Assign documents"))
        self.workspace, self.document_id = workspace, document_id
        self.coders = self._checklist("assignCoders", [(c.uuid, c.name, c.role is Role.CODER)
                                                       for c in workspace.coders])
        with workspace.store.reader() as session:
            documents = list_documents(session)
        self.documents = self._checklist("assignDocuments", [
            (d.uuid, d.external_id or d.title, True) for d in documents])
        self._build_fields()
        self._lay_out()
        for signal in (self.coders.itemChanged, self.documents.itemChanged,
                       self.mode.currentIndexChanged, self.share.valueChanged,
                       self.count.valueChanged, self.alpha_min.valueChanged,
                       self.p.valueChanged, self.p_c.valueChanged):
            signal.connect(self.update_verdict)
        self.update_verdict()

    # ------------------------------------------------------------------ building
    def _checklist(self, name: str, items: list[tuple[str, str, bool]]) -> QListWidget:
        widget = QListWidget(objectName=name)
        for uuid, label, checked in items:
            item = QListWidgetItem(label, widget)
            item.setData(Qt.ItemDataRole.UserRole, uuid)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        return widget

    def _build_fields(self) -> None:
        self.mode = QComboBox(objectName="assignMode")
        self.mode.addItems([translate("AssignDialog", mode) for mode in MODES])
        self.share = self._number(QDoubleSpinBox(objectName="assignShare"), 0, 1, 0.2, 0.05)
        self.count = self._number(QSpinBox(objectName="assignCount"), 0, self.documents.count(),
                                  min(10, self.documents.count()), 1)
        self.seed = self._number(QSpinBox(objectName="assignSeed"), 0, 2**31 - 1, new_seed(), 1)
        self.alpha_min = self._number(QDoubleSpinBox(objectName="assignAlphaMin"), 0.5, 0.99,
                                      0.667, 0.01, decimals=3)
        self.p = self._number(QDoubleSpinBox(objectName="assignP"), 0.001, 0.2, 0.05, 0.005,
                              decimals=3)
        self.p_c = self._number(QDoubleSpinBox(objectName="assignPc"), 0.01, 0.5, 0.5, 0.05)
        self.force = QCheckBox(translate("AssignDialog", "Take documents away even from coders "
                                         "who have annotated them (annotations are kept)"),
                               objectName="assignForce")
        self.verdict = QLabel(objectName="sampleVerdict", wordWrap=True)
        self.verdict.setToolTip(SAMPLE_SIZE_SOURCE)
        self.error = QLabel(objectName="assignError", wordWrap=True)
        self.error.setStyleSheet("color: #a40000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("AssignDialog", "Assign"))
        self.buttons.accepted.connect(self.assign)
        self.buttons.rejected.connect(self.reject)

    @staticmethod
    def _number(box: QSpinBox | QDoubleSpinBox, low: float, high: float, value: float,
                step: float, decimals: int = 2) -> QSpinBox | QDoubleSpinBox:
        if isinstance(box, QDoubleSpinBox):
            box.setDecimals(decimals)
        box.setRange(low, high)
        box.setSingleStep(step)
        box.setValue(value)
        return box

    def _lay_out(self) -> None:
        lists = QHBoxLayout()
        for title, widget in ((translate("AssignDialog", "Coders"), self.coders),
                              (translate("AssignDialog", "Documents"), self.documents)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>"))
            column.addWidget(widget)
            if widget is self.documents:
                column.addLayout(self._all_none())
            lists.addLayout(column, 1 if widget is self.coders else 2)
        form = QFormLayout()
        form.addRow(translate("AssignDialog", "Assignment"), self.mode)
        form.addRow(translate("AssignDialog", "Share in the sample"), self.share)
        form.addRow(translate("AssignDialog", "Documents in the sample"), self.count)
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        fresh = QPushButton(translate("AssignDialog", "New seed"), objectName="assignNewSeed")
        fresh.clicked.connect(lambda: self.seed.setValue(new_seed()))
        seed_row.addWidget(fresh)
        form.addRow(translate("AssignDialog", "Seed"), seed_row)
        form.addRow(translate("AssignDialog", "Smallest acceptable α"), self.alpha_min)
        form.addRow(translate("AssignDialog", "Significance level p"), self.p)
        form.addRow(translate("AssignDialog", "P of the rarest category"), self.p_c)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addLayout(form)
        for widget in (self.verdict, self.force, self.error, self.buttons):
            layout.addWidget(widget)

    def _all_none(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, state in ((translate("AssignDialog", "All"), Qt.CheckState.Checked),
                             (translate("AssignDialog", "None"), Qt.CheckState.Unchecked)):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, s=state: self._check_all(s))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _check_all(self, state: Qt.CheckState) -> None:
        for row in range(self.documents.count()):
            self.documents.item(row).setCheckState(state)

    # ------------------------------------------------------------------ reading
    @staticmethod
    def _checked(widget: QListWidget) -> list[tuple[str, str]]:
        return [(widget.item(r).data(Qt.ItemDataRole.UserRole), widget.item(r).text())
                for r in range(widget.count())
                if widget.item(r).checkState() == Qt.CheckState.Checked]

    def request(self) -> AssignmentRequest:
        """What the dialog asks for now."""
        documents = [uuid for uuid, _ in self._checked(self.documents)]
        every = len(documents) == self.documents.count()
        mode = self.mode.currentIndex()
        return AssignmentRequest(
            coders=[uuid for uuid, _ in self._checked(self.coders)],
            documents=None if every else documents,
            share=self.share.value() if mode == SHARE else None,
            count=self.count.value() if mode == COUNT else None,
            seed=self.seed.value(), alpha_min=self.alpha_min.value(), p=self.p.value(),
            p_c=self.p_c.value(), force=self.force.isChecked())

    def update_verdict(self) -> None:
        """Show what the sample yields against Krippendorff's minimum, as the values change."""
        mode = self.mode.currentIndex()
        for widget, used in ((self.share, mode == SHARE), (self.count, mode == COUNT),
                             (self.seed, mode != BY_HAND)):
            widget.setEnabled(used)
        self.error.clear()
        if mode == BY_HAND:
            self.verdict.setText(translate("AssignDialog",
                                           "By hand: no reliability sample is drawn or stored."))
            self.verdict.setStyleSheet("")
            return
        self.verdict.setText(self._verdict_text(mode))

    def _verdict_text(self, mode: int) -> str:
        documents, coders = len(self._checked(self.documents)), len(self._checked(self.coders))
        try:
            size = sample_count(documents, self.share.value() if mode == SHARE else None,
                                self.count.value() if mode == COUNT else None)
            needed = required_sample_size(self.alpha_min.value(), self.p.value(),
                                          self.p_c.value(), max(coders, 2))
        except ValueError as error:
            self.verdict.setStyleSheet("color: #a40000")
            return str(error)
        enough = size >= needed.units
        self.verdict.setStyleSheet(f"color: {'#1b5e20' if enough else '#a40000'}")
        missing = needed.units - size
        verdict = (translate("AssignDialog", "enough") if enough else
                   translate("AssignDialog", "too few — {count} more needed").format(
                       count=missing))
        words = plurals()
        return translate(
            "AssignDialog", "The sample: {size} of {documents} → {units} for a document-level "
            "variable. Krippendorff's α ≥ {alpha_min} at p = {p} (P_c = {p_c}, {coders}) needs "
            "{needed} ({values} values): {verdict}.").format(
            size=size, documents=words.documents(documents), units=words.units(size),
            alpha_min=f"{needed.alpha_min:g}", p=f"{needed.p:g}", p_c=f"{needed.p_c:g}",
            coders=words.coders(needed.coders), needed=words.units(needed.units),
            values=needed.values, verdict=verdict)

    # ------------------------------------------------------------------ acting
    def assign(self) -> None:
        """Run the assignment as one undoable command; a refusal stays in the dialog."""
        messages: list[str] = []
        self.workspace.failed.connect(messages.append)
        try:
            done = self.workspace.execute(AssignDocuments(self.workspace, self.request(),
                                                          self.document_id))
        finally:
            self.workspace.failed.disconnect(messages.append)
        if done:
            self.accept()
        else:
            self.error.setText(messages[-1] if messages
                               else translate("AssignDialog", "the assignment was refused"))
