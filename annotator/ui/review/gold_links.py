"""The links of a gold span in the adjudication panel: the selected cluster's gold span, its links
to other gold spans of the document, and a pick of the gold spans it can be linked to, typed as
the kinds imply (a claim is attributed to a source, is about an actor, uses a framing device)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from annotator.db.services.annotations import AnnotationSpan
from annotator.db.services.relations import RelationData
from annotator.domain import CodeKind, RelationType
from annotator.ui.bidi import isolate
from annotator.ui.codes import CodeCatalog
from annotator.ui.linking import LINK_TYPES
from annotator.ui.models.relations import RELATION_LABELS

EXCERPT = 40  # code points of the span's text shown beside its code
LIST_HEIGHT = 46  # two links; more scroll
translate = QCoreApplication.translate


@dataclass(frozen=True)
class LinkChoice:
    """A link the lead can add: its type and its ends (the claim is always the source)."""

    type: RelationType
    source_id: str
    target_id: str
    label: str


@dataclass(frozen=True)
class GoldLinks:
    """What the box shows for one gold span: its label, its links (relation id, text) and the
    links it could get."""

    span_id: str
    links: tuple[tuple[str, str], ...]
    choices: tuple[LinkChoice, ...]


def typed_link(kind_a: CodeKind, kind_b: CodeKind) -> tuple[RelationType, bool] | None:
    """The relation type between spans of these kinds and whether ``a`` is its source."""
    if kind_a is CodeKind.CLAIM and kind_b in LINK_TYPES:
        return LINK_TYPES[kind_b], True
    if kind_b is CodeKind.CLAIM and kind_a in LINK_TYPES:
        return LINK_TYPES[kind_a], False
    return None


def span_label(row: AnnotationSpan, catalog: CodeCatalog, text: str) -> str:
    """``Claim/Factual: “the first words…”`` (the code isolated for a right-to-left line)."""
    code = catalog.get(row.code_id)
    excerpt = text[row.start:row.end]
    if len(excerpt) > EXCERPT:
        excerpt = excerpt[:EXCERPT].rstrip() + "…"
    return translate("GoldLinks", "{code}: “{text}”").format(
        code=isolate(code.path if code else "?"), text=isolate(excerpt))


def gold_links(span_id: str, gold: dict[str, AnnotationSpan], relations: list[RelationData],
               catalog: CodeCatalog, text: str) -> GoldLinks:
    """The links of gold span ``span_id`` among the document's ``gold`` spans and what it can
    still be linked to (each pair once per type)."""
    def kind(row: AnnotationSpan) -> CodeKind | None:
        code = catalog.get(row.code_id)
        return code.kind if code else None

    mine = [r for r in relations if span_id in (r.source_id, r.target_id)
            and r.source_id in gold and r.target_id in gold]
    links = tuple((r.uuid, _link_text(r, span_id, gold, catalog, text)) for r in mine)
    linked = {(r.type, r.source_id, r.target_id) for r in mine}
    choices: list[LinkChoice] = []
    own_kind = kind(gold[span_id])
    for other in sorted(gold.values(), key=lambda r: (r.start, r.end, r.uuid)):
        other_kind = kind(other)
        typed = typed_link(own_kind, other_kind) if own_kind and other_kind else None
        if other.uuid == span_id or typed is None:
            continue
        relation, own_is_source = typed
        ends = (span_id, other.uuid) if own_is_source else (other.uuid, span_id)
        if (relation, *ends) in linked:
            continue
        choices.append(LinkChoice(relation, *ends, translate("GoldLinks", "{relation} {span}")
                                  .format(relation=translate("Relation",
                                                             RELATION_LABELS[relation]),
                                          span=span_label(other, catalog, text))))
    return GoldLinks(span_id, links, tuple(choices))


def _link_text(relation: RelationData, span_id: str, gold: dict[str, AnnotationSpan],
               catalog: CodeCatalog, text: str) -> str:
    """The link as seen from ``span_id``: ``uses device Framing device/Metaphor: “…”``."""
    name = translate("Relation", RELATION_LABELS[RelationType(relation.type)])
    if relation.source_id == span_id:
        return translate("GoldLinks", "{relation} {span}").format(
            relation=name, span=span_label(gold[relation.target_id], catalog, text))
    return translate("GoldLinks", "from {span} ({relation})").format(
        relation=name, span=span_label(gold[relation.source_id], catalog, text))


class GoldLinksBox(QGroupBox):
    """Widgets only; the adjudication wires the requests to its :class:`Adjudicator`."""

    spanChosen = Signal(str)  # gold annotation id
    linkRequested = Signal(object)  # a LinkChoice
    unlinkRequested = Signal(str, str)  # relation id, its text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("GoldLinks", "Links of the gold span"), parent)
        self.setObjectName("reviewGoldLinks")
        self.span = QComboBox(objectName="goldLinkSpan")
        self.span.activated.connect(lambda _i: self.spanChosen.emit(self.span.currentData()))
        self.links = QListWidget(objectName="goldLinks")
        self.links.setMaximumHeight(LIST_HEIGHT)
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.links.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.links.currentRowChanged.connect(lambda _r: self._enable())
        self.targets = QComboBox(objectName="goldLinkTarget")
        self.add = QPushButton(translate("GoldLinks", "Link"), objectName="goldLinkAdd")
        self.add.clicked.connect(self._add)
        self.remove = QPushButton(translate("GoldLinks", "Remove link"),
                                  objectName="goldLinkRemove")
        self.remove.clicked.connect(self._remove)
        existing, new = QHBoxLayout(), QHBoxLayout()
        existing.addWidget(self.links, 1)
        existing.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)
        new.addWidget(self.targets, 1)
        new.addWidget(self.add)
        form = QFormLayout(self)
        form.setContentsMargins(6, 4, 6, 4)
        form.addRow(translate("GoldLinks", "Gold span"), self.span)
        form.addRow(translate("GoldLinks", "Its links"), existing)
        form.addRow(translate("GoldLinks", "New link"), new)
        self.show_links([], None)
        self.setMinimumHeight(self.sizeHint().height())  # the figures below give way first

    def show_links(self, spans: list[tuple[str, str]], shown: GoldLinks | None) -> None:
        """``spans``: the cluster's gold spans (id, label); ``shown``: the chosen one's links."""
        self.span.clear()
        for span_id, label in spans:
            self.span.addItem(label, span_id)
        if shown is not None:
            self.span.setCurrentIndex(max(self.span.findData(shown.span_id), 0))
        self.links.clear()
        self.targets.clear()
        for relation_id, text in shown.links if shown else ():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, relation_id)
            self.links.addItem(item)
        for choice in shown.choices if shown else ():
            self.targets.addItem(choice.label, choice)
        if shown is not None and not shown.choices:
            self.targets.addItem(translate("GoldLinks", "no gold span of a kind it can link to"))
        self.setEnabled(shown is not None)
        self._enable()

    def _enable(self) -> None:
        self.add.setEnabled(isinstance(self.targets.currentData(), LinkChoice))
        self.remove.setEnabled(self.links.currentItem() is not None)

    def _add(self) -> None:
        choice = self.targets.currentData()
        if isinstance(choice, LinkChoice):
            self.linkRequested.emit(choice)

    def _remove(self) -> None:
        item = self.links.currentItem()
        if item is not None:
            self.unlinkRequested.emit(item.data(Qt.ItemDataRole.UserRole), item.text())
