"""The filter column of the Agreement window: coders, codes, documents, layer, replicates."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from annotator.domain import Layer
from annotator.ui.agreement.worker import Choices, Filters
from annotator.ui.fonts import ui_arabic_font

PATH_ROLE = Qt.ItemDataRole.UserRole + 30  # a code path, coder name or document UUID
CHECKABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
LAYER_TITLES = {Layer.CODING.value: QT_TRANSLATE_NOOP("AgreementFilters", "coding"),
                Layer.GOLD.value: QT_TRANSLATE_NOOP("AgreementFilters", "gold")}
translate = QCoreApplication.translate


def layer_title(layer: str) -> str:
    """A layer's name in the interface language."""
    return translate("AgreementFilters", LAYER_TITLES.get(layer, layer))


class FilterPanel(QWidget):
    """Everything checked means no filter; ``filters()`` reads the choice."""

    compute_requested = Signal()

    def __init__(self, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coders = _check_list([(c, c) for c in choices.coders], "agreementCoders")
        self.documents = _check_list(choices.documents, "agreementDocuments")
        self.documents.setFont(ui_arabic_font(self.documents.font()))
        self.documents.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.codes = _code_tree(choices.codes)
        self.layer = QComboBox(objectName="agreementLayer")
        for layer in Layer:
            self.layer.addItem(layer_title(layer.value), layer.value)
        self.replicates = QSpinBox(objectName="agreementReplicates")
        self.replicates.setRange(0, 100_000)
        self.replicates.setSingleStep(500)
        self.replicates.setValue(1000)
        self.replicates.setToolTip(
            translate("AgreementFilters",
                      "bootstrap replicates for the presence α interval (0: none)"))
        self.against_gold = QCheckBox(translate("AgreementFilters", "Each coder against gold"),
                                      objectName="agreementAgainstGold")
        self.against_gold.setToolTip(translate(
            "AgreementFilters", "Also compare each coder with the adjudicated gold layer (uα and "
            "span F1, gold as the reference); coding layer only"))
        self.layer.currentIndexChanged.connect(self._enable_gold)
        self.compute = QPushButton(translate("AgreementFilters", "Compute"),
                                   objectName="agreementCompute")
        self.compute.setDefault(True)
        self.compute.clicked.connect(self.compute_requested)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_box(translate("AgreementFilters", "Coders"), self.coders,
                              _all_none(self.coders)), 2)
        layout.addWidget(_box(translate("AgreementFilters", "Codes"), self.codes,
                              _all_none(self.codes)), 5)
        layout.addWidget(_box(translate("AgreementFilters", "Documents"), self.documents,
                              _all_none(self.documents)), 3)
        form = QFormLayout()
        form.addRow(translate("AgreementFilters", "Layer"), self.layer)
        form.addRow(translate("AgreementFilters", "Replicates"), self.replicates)
        layout.addLayout(form)
        layout.addWidget(self.against_gold)
        layout.addWidget(self.compute)

    def _enable_gold(self) -> None:
        self.against_gold.setEnabled(self.layer.currentData() == Layer.CODING.value)

    def filters(self) -> Filters:
        """The current choice; a list with every item checked is no filter at all."""
        return Filters(coders=_checked(list(_list_items(self.coders))),
                       codes=_checked(list(_tree_items(self.codes))),
                       documents=_checked(list(_list_items(self.documents))),
                       layer=Layer(self.layer.currentData()), n_boot=self.replicates.value(),
                       against_gold=self.against_gold.isChecked())

    def set_checked(self, widget: QListWidget | QTreeWidget, keys: set[str]) -> None:
        """Check exactly the items whose key (name, path or UUID) is in ``keys``."""
        items = _list_items(widget) if isinstance(widget, QListWidget) else _tree_items(widget)
        for item in items:
            state = Qt.CheckState.Checked if _key(item) in keys else Qt.CheckState.Unchecked
            _set_state(item, state)


def _check_list(items: list[tuple[str, str]], name: str) -> QListWidget:
    """A list of checkable (key, text) items, all checked."""
    widget = QListWidget(objectName=name)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setTextElideMode(Qt.TextElideMode.ElideRight)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for key, text in items:
        item = QListWidgetItem(text, widget)
        item.setFlags(CHECKABLE)
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(PATH_ROLE, key)
        item.setToolTip(text)
    return widget


def _code_tree(paths: list[str]) -> QTreeWidget:
    """Kinds, codes and sub-codes with tri-state parents, all checked."""
    tree = QTreeWidget(objectName="agreementCodes")
    tree.setHeaderHidden(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    nodes: dict[str, QTreeWidgetItem] = {}
    for path in paths:
        parts = path.split("/")
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            if key not in nodes:
                parent = nodes.get("/".join(parts[:depth - 1]))
                item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(tree)
                item.setText(0, parts[depth - 1])
                item.setFlags(CHECKABLE | Qt.ItemFlag.ItemIsAutoTristate)
                item.setCheckState(0, Qt.CheckState.Checked)
                item.setData(0, PATH_ROLE, key if depth > 1 else None)  # kinds are not codes
                nodes[key] = item
    tree.expandAll()
    return tree


def _box(title: str, widget: QWidget, buttons: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 6)
    layout.addWidget(widget)
    layout.addWidget(buttons)
    return box


def _all_none(widget: QListWidget | QTreeWidget) -> QWidget:
    """"All" and "None" buttons under a list."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for text, state in ((translate("AgreementFilters", "All"), Qt.CheckState.Checked),
                        (translate("AgreementFilters", "None"), Qt.CheckState.Unchecked)):
        button = QPushButton(text)
        button.setFlat(True)
        button.clicked.connect(lambda _=False, s=state: [_set_state(i, s) for i in (
            _list_items(widget) if isinstance(widget, QListWidget) else _tree_items(widget))])
        layout.addWidget(button)
    layout.addWidget(QLabel(""), 1)
    return row


def _list_items(widget: QListWidget) -> Iterator[QListWidgetItem]:
    return (widget.item(i) for i in range(widget.count()))


def _tree_items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    """Code items only (kinds are left out: they are not codes)."""
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        item = iterator.value()
        if item.data(0, PATH_ROLE):
            yield item
        iterator += 1


def _key(item: QListWidgetItem | QTreeWidgetItem) -> str:
    return item.data(PATH_ROLE) if isinstance(item, QListWidgetItem) else item.data(0, PATH_ROLE)


def _state(item: QListWidgetItem | QTreeWidgetItem) -> Qt.CheckState:
    return item.checkState() if isinstance(item, QListWidgetItem) else item.checkState(0)


def _set_state(item: QListWidgetItem | QTreeWidgetItem, state: Qt.CheckState) -> None:
    if isinstance(item, QListWidgetItem):
        item.setCheckState(state)
    elif item.childCount() == 0:  # parents follow their children (auto tri-state)
        item.setCheckState(0, state)


def _checked(items: list[QListWidgetItem] | list[QTreeWidgetItem]) -> tuple[str, ...] | None:
    """Keys of the checked items, or None when all are checked (no filter)."""
    keys = [_key(i) for i in items if _state(i) == Qt.CheckState.Checked]
    return None if len(keys) == len(items) else tuple(keys)
