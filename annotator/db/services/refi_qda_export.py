"""What a REFI-QDA export carries, read from the project (the XML is written in annotator.export).

Mapping: coders → Users, documents → TextSources, annotations → PlainTextSelections with one
Coding each, annotation memos and document memos → Notes. Our four kinds become top-level codes
that cannot be coded (``isCodable="false"``) with our codes beneath them, so the hierarchy and
each code's kind survive. GUIDs are our UUIDs; elements we have no entity for (codings, memo
notes, kind codes) get stable GUIDs derived from them, the same on every export.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.db.models import (
    Annotation,
    Assignment,
    AttributeDefinition,
    AttributeValue,
    Code,
    Codebook,
    Coder,
    Document,
    DocumentMemo,
    Project,
    Relation,
)
from annotator.db.services.codebook import list_codes
from annotator.db.services.lookup import find_coder, find_document
from annotator.domain import CodeKind, Layer, Role
from annotator.errors import ProjectError
from annotator.importers.refi_qda_model import (
    QdaCode,
    QdaCoding,
    QdaNote,
    QdaSelection,
    QdaSource,
    QdaUser,
    derived_guid,
)


@dataclass
class QdaExport:
    """Plain data for the writers, and what the format could not carry (``losses``)."""

    project_name: str
    codes: tuple[QdaCode, ...]
    users: list[QdaUser] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    notes: list[QdaNote] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Selection:
    """Which part of the project to export (empty tuples: everything); see ExportScope."""

    coders: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    layer: str = "coding"


def codebook_for_refi(session: Session, selection: Selection = Selection()) -> QdaExport:
    """The codebook alone (``.qdc``)."""
    code_ids = _selected_codes(session, selection.codes)
    export = QdaExport(_project_name(session), _code_tree(session, code_ids))
    export.losses = _codebook_losses(session, code_ids)
    return export


def project_for_refi(session: Session, selection: Selection = Selection()) -> QdaExport:
    """Codebook, coders, documents, annotations and memos (``.qdpx``)."""
    export = codebook_for_refi(session, selection)
    code_ids = _selected_codes(session, selection.codes)
    layers = _layers(selection.layer)
    coders = [find_coder(session, name) for name in selection.coders] or list(
        session.scalars(select(Coder).order_by(Coder.name)))
    coder_ids = {coder.id for coder in coders}
    documents = [find_document(session, key) for key in selection.documents] or list(
        session.scalars(select(Document).order_by(Document.position)))
    annotations = _annotations(session, {d.id for d in documents}, coder_ids, code_ids, layers)
    memos = _document_memos(session, {d.id for d in documents}, coder_ids)
    export.users = [QdaUser(coder.id, coder.name) for coder in coders]
    for document in documents:
        export.sources.append(_source(document, annotations.get(document.id, []),
                                      memos.get(document.id, []), export.notes))
    export.losses += _project_losses(session, annotations, layers)
    return export


def _project_name(session: Session) -> str:
    return session.scalar(select(Project.name)) or "Framing Annotator project"


def _layers(layer: str) -> tuple[str, ...]:
    if layer == "all":
        return (Layer.CODING.value, Layer.GOLD.value)
    try:
        return (Layer(layer).value,)
    except ValueError:
        raise ProjectError(f"unknown layer {layer!r}; expected coding, gold or all") from None


def _selected_codes(session: Session, paths: tuple[str, ...]) -> set[str]:
    rows = list_codes(session)
    if not rows:
        raise ProjectError("the project has no codes to export")
    if not paths:
        return {row.uuid for row in rows}
    chosen: set[str] = set()
    for path in paths:
        wanted = path.strip().casefold()
        found = {r.uuid for r in rows if r.path.casefold() == wanted or r.path.casefold().startswith(wanted + "/")}
        if not found:
            raise ProjectError(f"unknown code path {path!r}")
        chosen |= found
    return chosen


def _code_tree(session: Session, code_ids: set[str]) -> tuple[QdaCode, ...]:
    codes = [c for c in session.scalars(select(Code).order_by(Code.position)) if c.id in code_ids]
    by_parent: dict[str | None, list[Code]] = {}
    for code in codes:
        parent = code.parent_id if code.parent_id in code_ids else None
        by_parent.setdefault(parent, []).append(code)

    def build(code: Code) -> QdaCode:
        return QdaCode(guid=code.id, name=code.name_en, codable=True, colour=_rgb(code.colour),
                       description=code.definition,
                       children=tuple(build(sub) for sub in by_parent.get(code.id, [])))

    codebook_id = session.scalar(select(Codebook.id)) or ""
    kinds = []
    for kind in CodeKind:
        top = [build(c) for c in by_parent.get(None, []) if c.kind == kind.value]
        if top:
            kinds.append(QdaCode(guid=kind_guid(codebook_id, kind), name=kind.label, codable=False,
                                 children=tuple(top)))
    return tuple(kinds)


def _rgb(colour: str) -> str | None:
    """``#rrggbb`` (an alpha part dropped: the format has none), or None for anything else."""
    head = colour.strip().lower()[:7]
    return head if len(head) == 7 and head[0] == "#" and all(c in "0123456789abcdef" for c in head[1:]) else None


def kind_guid(codebook_id: str, kind: CodeKind) -> str:
    return derived_guid(f"kind:{kind.value}", codebook_id)


class _Annotation(NamedTuple):
    id: str
    document_id: str
    coder_id: str
    code_id: str
    start: int
    end: int
    memo: str


def _annotations(session: Session, documents: set[str], coders: set[str], codes: set[str],
                 layers: tuple[str, ...]) -> dict[str, list[_Annotation]]:
    """Plain rows, not ORM objects: an export reads every annotation once."""
    query = (select(*(getattr(Annotation, name) for name in _Annotation._fields))
             .where(Annotation.layer.in_(layers))
             .order_by(Annotation.document_id, Annotation.start, Annotation.end, Annotation.id))
    found: dict[str, list[_Annotation]] = {}
    for row in session.execute(query):
        annotation = _Annotation(*row)
        if annotation.document_id in documents and annotation.coder_id in coders and annotation.code_id in codes:
            found.setdefault(annotation.document_id, []).append(annotation)
    return found


def _document_memos(session: Session, documents: set[str], coders: set[str]) -> dict[str, list[DocumentMemo]]:
    found: dict[str, list[DocumentMemo]] = {}
    for memo in session.scalars(select(DocumentMemo).order_by(DocumentMemo.id)):
        if memo.document_id in documents and memo.coder_id in coders and memo.text.strip():
            found.setdefault(memo.document_id, []).append(memo)
    return found


def _source(document: Document, annotations: list[_Annotation], memos: list[DocumentMemo],
            notes: list[QdaNote]) -> QdaSource:
    selections = []
    for annotation in annotations:
        refs: tuple[str, ...] = ()
        if annotation.memo.strip():
            note = QdaNote(derived_guid("memo", annotation.id), annotation.memo, annotation.coder_id)
            notes.append(note)
            refs = (note.guid,)
        coding = QdaCoding(derived_guid("coding", annotation.id), annotation.code_id, annotation.coder_id)
        selections.append(QdaSelection(annotation.id, annotation.start, annotation.end,
                                       annotation.coder_id, (coding,), refs))
    notes.extend(QdaNote(memo.id, memo.text, memo.coder_id) for memo in memos)
    name = document.title or document.external_id or document.id
    return QdaSource(document.id, name, document.text, None, tuple(selections),
                     tuple(memo.id for memo in memos))


def _codebook_losses(session: Session, code_ids: set[str]) -> list[str]:
    codes = [c for c in session.scalars(select(Code)) if c.id in code_ids]
    counts = Counter()
    for code in codes:
        counts["Arabic names (a code has one name; the English name is written)"] += bool(code.name_ar)
        counts["include/exclude rules"] += bool(code.include or code.exclude)
        counts["example lists"] += bool(code.examples)
        counts["keyboard shortcuts"] += bool(code.shortcut)
    attributes = session.scalar(select(func.count()).select_from(AttributeDefinition)
                                .where(AttributeDefinition.code_id.in_(code_ids))) or 0
    counts["attribute definitions"] = attributes
    return [f"{count} code(s) with {what}" if what != "attribute definitions" else f"{count} {what}"
            for what, count in counts.items() if count]


def _project_losses(session: Session, annotations: dict[str, list[_Annotation]],
                    layers: tuple[str, ...]) -> list[str]:
    ids = [a.id for group in annotations.values() for a in group]
    losses = []
    values = _count_in(session, AttributeValue.annotation_id, ids)
    links = _count_in(session, Relation.source_id, ids)
    if values:
        losses.append(f"{values} attribute value(s) of annotations")
    if links:
        losses.append(f"{links} link(s) between annotations (relations)")
    if len(layers) > 1:
        losses.append("the layer of each annotation (coding and gold are written alike)")
    leads = session.scalar(select(func.count()).select_from(Coder).where(Coder.role == Role.LEAD.value)) or 0
    if leads:
        losses.append(f"the role of {leads} lead(s): every user is a plain coder in REFI-QDA")
    assignments = session.scalar(select(func.count()).select_from(Assignment)) or 0
    if assignments:
        losses.append(f"{assignments} assignment(s) of documents to coders, with their status")
    metadata = session.scalar(select(func.count()).select_from(Document).where(
        (Document.outlet.is_not(None)) | (Document.date.is_not(None)) | (Document.url.is_not(None))
        | (Document.author.is_not(None)) | (Document.external_id.is_not(None)))) or 0
    if metadata:
        losses.append(f"{metadata} document(s) with outlet, date, URL, author or external id")
    return losses


def _count_in(session: Session, column: object, ids: list[str]) -> int:
    total = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        total += session.scalar(select(func.count()).where(column.in_(chunk))) or 0  # type: ignore[attr-defined]
    return total
